//! A link to copy: its field, how long it is against what chat apps take,
//! the copy to the clipboard, and where the browser refuses, the link shown
//! selected to copy by hand. Shared by the session's and the schedule's
//! share panels (and the copy buttons of the trainers' page).

use leptos::prelude::*;

use crate::i18n::{lang, t, texts, Key};
use crate::platform::clipboard;
use crate::ui::focus::select_later;

/// Links up to this length fit everywhere; up to the second they fit most.
pub const FINE: usize = 2_000;
pub const WARN: usize = 4_000;

/// What a link of `n` characters means for the chat apps it goes through.
pub fn length_note(n: usize) -> String {
    let text = if n <= FINE {
        texts::share_length_fine
    } else if n <= WARN {
        texts::share_length_warn
    } else {
        texts::share_length_too_long
    };
    text(lang(), &crate::i18n::number(n))
}

/// The outcome of one copy to the clipboard.
#[derive(Clone, PartialEq, Eq)]
pub struct Copied {
    /// The id of the element the copy was for (what is selected if refused).
    pub target: &'static str,
    /// The text copied, or refused.
    pub text: String,
    /// Whether the browser let it be copied.
    pub done: bool,
}

/// Copying to the clipboard, as an action dispatched with the text and the
/// id of the element to select where the browser refuses (the text then
/// stays to be copied by hand). `value()` is the last copy's outcome.
pub fn copy_action() -> Action<(&'static str, String), Copied> {
    Action::new_local(|(target, text): &(&'static str, String)| {
        let (target, text) = (*target, text.clone());
        async move {
            let done = clipboard::copy(&text).await;
            if !done {
                select_later(target);
            }
            Copied { target, text, done }
        }
    })
}

/// A read-only link field with its label, described by its length note.
#[component]
pub fn LinkField(
    id: &'static str,
    label: Key,
    /// The id of the line that says how long the link is.
    described_by: &'static str,
    #[prop(into)] link: Signal<String>,
    /// Select the whole link when the field gets focus.
    #[prop(optional)]
    select_on_focus: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || t(label)}</label>
            <textarea
                id=id
                class="link"
                rows="3"
                readonly
                aria-describedby=described_by
                on:focus=move |ev| {
                    if select_on_focus {
                        select_all(ev);
                    }
                }
                prop:value=move || link.get()
            ></textarea>
        </div>
    }
}

fn select_all(ev: leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(area) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.select();
    }
}

/// The status of the last copy, and where it was refused, the text in a
/// field of its own (`fallback`), selected, to copy by hand.
#[component]
pub fn CopyStatus(
    /// The last copy, while it is about what is on show: whether it was
    /// done, and the text.
    #[prop(into)]
    status: Signal<Option<(bool, String)>>,
    /// What is said once copied.
    copied: Key,
    /// The id of the field that holds the text where copying is refused.
    fallback: &'static str,
    /// That field's label (read by screen readers only).
    label: Key,
) -> impl IntoView {
    view! {
        <p class="copy-status" role="status">
            {move || match status.get() {
                Some((true, _)) => t(copied),
                Some((false, _)) => t(Key::ShareCopyBlocked),
                None => "",
            }}
        </p>
        {move || {
            status
                .get()
                .filter(|(done, _)| !done)
                .map(|(_, text)| {
                    view! {
                        <label class="sr-only" for=fallback>{move || t(label)}</label>
                        <textarea
                            id=fallback
                            class="link"
                            rows="4"
                            readonly
                            on:focus=select_all
                            prop:value=text
                        ></textarea>
                    }
                })
        }}
    }
}
