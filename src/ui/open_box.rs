//! Opening a session from pasted text, a chosen file, or a dropped file:
//! the fallbacks for links that chat apps cut.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::router::use_router;
use crate::domain::route::Route;
use crate::domain::share;
use crate::i18n::{t, Key};
use crate::platform::files;

#[component]
pub fn OpenBox() -> impl IntoView {
    let router = use_router();
    let pasted = RwSignal::new(String::new());
    let file_error = RwSignal::new(false);

    let open_text = move |text: String| {
        router.show(Route::Open(share::clean(&text)));
    };
    let open_file = move |file: Option<web_sys::File>| {
        let Some(file) = file else {
            return;
        };
        spawn_local(async move {
            match files::read_text(&file).await {
                Some(text) => {
                    file_error.set(false);
                    open_text(text);
                }
                None => file_error.set(true),
            }
        });
    };

    view! {
        <section
            class="open-box"
            aria-labelledby="open-title"
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                open_file(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
            }
        >
            <h2 id="open-title">{move || t(Key::OpenTitle)}</h2>
            <form on:submit=move |ev| {
                ev.prevent_default();
                open_text(pasted.get_untracked());
            }>
                <div class="field">
                    <label for="open-paste">{move || t(Key::OpenPasteLabel)}</label>
                    <p class="help" id="open-paste-help">{move || t(Key::OpenPasteHelp)}</p>
                    <textarea
                        id="open-paste"
                        rows="3"
                        aria-describedby="open-paste-help"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <button type="submit">{move || t(Key::OpenButton)}</button>
            </form>
            // The browser's own picker is as wide as its words and says its
            // label twice: a visually hidden input, its label drawn as a button.
            <div class="field file-field">
                <input
                    type="file"
                    id="open-file"
                    class="file-pick"
                    accept=".txt,text/plain"
                    aria-describedby="open-file-help"
                    on:change=move |ev| {
                        let file = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            .and_then(|i| i.files())
                            .and_then(|f| f.get(0));
                        open_file(file);
                    }
                />
                <label for="open-file">{move || t(Key::OpenFileLabel)}</label>
                <p class="help" id="open-file-help">{move || t(Key::OpenDropHint)}</p>
            </div>
            <Show when=move || file_error.get()>
                <p role="alert">{move || t(Key::OpenFileUnreadable)}</p>
            </Show>
        </section>
    }
}
