//! Notices about storage and the languages' texts, said once and plainly.

use leptos::prelude::*;

use crate::app::notices::Notices;
use crate::i18n::{t, Key};

#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="notices">
            <For
                each=move || notices.shown()
                key=|n| *n
                children=move |notice| {
                    view! {
                        <div class="notice" role="status">
                            <p>{move || t(notice.text())}</p>
                            <button
                                type="button"
                                class="ghost"
                                on:click=move |_| notices.dismiss(notice)
                            >
                                {move || t(Key::Dismiss)}
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
