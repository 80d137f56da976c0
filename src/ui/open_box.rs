//! Opening a session from pasted text, a chosen file, or a dropped file:
//! the fallbacks for links that chat apps cut.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::router::use_router;
use crate::domain::route::Route;
use crate::domain::share;
use crate::i18n::{t, Key};
use crate::platform::files;
use crate::ui::ids;

#[component]
pub fn OpenBox() -> impl IntoView {
    let router = use_router();
    let pasted = RwSignal::new(String::new());

    let open_text = move |text: String| {
        router.show(Route::Open(share::clean(&text)));
    };
    // Reading a file, then opening what it holds: the value says whether
    // it could be read.
    let read_file = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        async move {
            let text = files::read_text(&file).await;
            let read = text.is_some();
            if let Some(text) = text {
                open_text(text);
            }
            read
        }
    });
    let file_error = move || read_file.value().get() == Some(false);
    let open_file = move |file: Option<web_sys::File>| {
        if let Some(file) = file {
            read_file.dispatch_local(file);
        }
    };

    view! {
        <section
            class="open-box"
            aria-labelledby=ids::OPEN_TITLE
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                open_file(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
            }
        >
            <h2 id=ids::OPEN_TITLE>{move || t(Key::OpenTitle)}</h2>
            <form on:submit=move |ev| {
                ev.prevent_default();
                open_text(pasted.get_untracked());
            }>
                <div class="field">
                    <label for=ids::OPEN_PASTE>{move || t(Key::OpenPasteLabel)}</label>
                    <p class="help" id=ids::OPEN_PASTE_HELP>{move || t(Key::OpenPasteHelp)}</p>
                    <textarea
                        id=ids::OPEN_PASTE
                        rows="3"
                        aria-describedby=ids::OPEN_PASTE_HELP
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
                    id=ids::OPEN_FILE
                    class="file-pick"
                    accept=".txt,text/plain"
                    aria-describedby=ids::OPEN_FILE_HELP
                    on:change=move |ev| {
                        let file = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            .and_then(|i| i.files())
                            .and_then(|f| f.get(0));
                        open_file(file);
                    }
                />
                <label for=ids::OPEN_FILE>{move || t(Key::OpenFileLabel)}</label>
                <p class="help" id=ids::OPEN_FILE_HELP>{move || t(Key::OpenDropHint)}</p>
            </div>
            <Show when=file_error>
                <p role="alert">{move || t(Key::OpenFileUnreadable)}</p>
            </Show>
        </section>
    }
}
