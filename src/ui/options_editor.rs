//! Options: every option the client sees, in order, with pros and cons for
//! the serious ones and a mark on the chosen ones.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::i18n::{lang, t, texts, Key};
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::option_item::OptionItem;

#[component]
pub fn OptionsEditor(turn: usize) -> impl IntoView {
    let current = use_current();
    let ids = Memo::new(move |_| {
        current.turn(turn, |h| h.options.iter().map(|o| o.id).collect::<Vec<_>>())
    });
    let few = Memo::new(move |_| current.turn(turn, |h| h.few_options()));
    let draft = RwSignal::new(String::new());
    let new_id = ids::new_option(turn);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked().trim().to_string();
        if !text.is_empty() {
            current.update(|s| {
                s.add_option(turn, text);
            });
            draft.set(String::new());
        }
        focus_later(ids::new_option(turn));
    };

    view! {
        <div class="editor options">
            <form class="add-row" on:submit=add>
                <label for=new_id.clone()>{move || t(Key::NewOptionLabel)}</label>
                <div class="inline">
                    <input
                        type="text"
                        id=new_id
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                    />
                    <button type="submit">{move || t(Key::AddOption)}</button>
                </div>
            </form>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="muted">{move || t(Key::NoOptionsYet)}</p>
            </Show>
            <Show when=move || few.get() && ids.with(|i| !i.is_empty())>
                <p class="gentle">
                    {move || texts::few_options(lang(), &ids.with(|i| i.len()).to_string())}
                </p>
            </Show>
            <ol class="option-list">
                <For
                    each=move || ids.get()
                    key=|id| *id
                    children=move |id| view! { <OptionItem turn=turn id=id /> }
                />
            </ol>
        </div>
    }
}
