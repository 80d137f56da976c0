//! Sharing the whole rotation schedule by link: the link to copy (shown
//! selected with "press Ctrl+C" where copying is blocked), and a file with
//! it for where a link would be cut.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::sharing::link_for;
use crate::domain::rotation::{link, Schedule};
use crate::i18n::{lang, t, texts, Key};
use crate::platform::{clipboard, files};
use crate::ui::focus::focus_later;

/// Links up to this length fit everywhere; up to the second they fit most.
const FINE: usize = 2_000;
const WARN: usize = 4_000;

/// The file's text: a line saying what it is, and the link.
pub fn schedule_text_block(link: &str) -> String {
    format!("{}\n\n{link}\n", t(Key::RotationShareTextBlock))
}

/// What happened to the last copy, and of which link.
#[derive(Clone, PartialEq, Eq)]
enum Copied {
    Done(String),
    /// The browser refused: the link is shown selected instead.
    Blocked(String),
}

#[component]
pub fn ScheduleShare(
    /// The schedule to share.
    #[prop(into)]
    schedule: Signal<Schedule>,
) -> impl IntoView {
    let url = Memo::new(move |_| link_for(&schedule.with(link::encode)));
    let copied = RwSignal::new(None::<Copied>);
    // Chat apps and Outlook cut long links: say where this one stands.
    let length_note = move || {
        let n = url.with(|l| l.chars().count());
        let key = if n <= FINE {
            texts::share_length_fine
        } else if n <= WARN {
            texts::share_length_warn
        } else {
            texts::share_length_too_long
        };
        key(lang(), &crate::i18n::number(n))
    };
    let status = move || {
        let now = url.get();
        copied.with(|c| match c {
            Some(Copied::Done(l)) if *l == now => Some(true),
            Some(Copied::Blocked(l)) if *l == now => Some(false),
            _ => None,
        })
    };
    let copy = move |_| {
        let text = url.get_untracked();
        spawn_local(async move {
            if clipboard::copy(&text).await {
                copied.set(Some(Copied::Done(text)));
            } else {
                copied.set(Some(Copied::Blocked(text)));
                focus_later("schedule-copy-fallback".to_string());
            }
        });
    };
    let select_all = |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        if let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    };

    view! {
        <section class="share-panel schedule-share no-print" aria-labelledby="schedule-share-title">
            <h2 id="schedule-share-title">{move || t(Key::RotationShareTitle)}</h2>
            <p class="muted">{move || t(Key::RotationShareWhat)}</p>
            <div class="field">
                <label for="schedule-link">{move || t(Key::RotationShareLink)}</label>
                <textarea
                    id="schedule-link"
                    class="link"
                    rows="3"
                    readonly
                    aria-describedby="schedule-length"
                    on:focus=select_all
                    prop:value=move || url.get()
                ></textarea>
            </div>
            <p id="schedule-length" class="muted">{length_note}</p>
            <div class="actions tight">
                <button type="button" class="primary" on:click=copy>{move || t(Key::ShareCopy)}</button>
                <button
                    type="button"
                    on:click=move |_| {
                        files::download("peer-coach-rotation.txt", &schedule_text_block(&url.get_untracked()));
                    }
                >
                    {move || t(Key::RotationShareFile)}
                </button>
            </div>
            <p class="copy-status" role="status">
                {move || match status() {
                    Some(true) => t(Key::RotationShareCopied),
                    Some(false) => t(Key::ShareCopyBlocked),
                    None => "",
                }}
            </p>
            {move || {
                (status() == Some(false))
                    .then(|| {
                        view! {
                            <label class="sr-only" for="schedule-copy-fallback">{move || t(Key::RotationShareLink)}</label>
                            <textarea
                                id="schedule-copy-fallback"
                                class="link"
                                rows="4"
                                readonly
                                on:focus=select_all
                                prop:value=url.get_untracked()
                            ></textarea>
                        }
                    })
            }}
        </section>
    }
}
