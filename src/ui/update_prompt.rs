//! "A new version is ready": shown when the service worker has installed a
//! newer build, with one button to reload into it. Until then the page
//! keeps running the version it started with, whole.

use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::platform::update;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = RwSignal::new(update::is_ready());
    let listener = window_event_listener_untyped(update::READY_EVENT, move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    view! {
        <Show when=move || ready.get()>
            <div class="notice update" role="status">
                <p>{move || t(Key::UpdateReady)}</p>
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        if !update::apply() {
                            ready.set(false);
                        }
                    }
                >
                    {move || t(Key::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}
