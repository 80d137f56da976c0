//! Will: the action plan (what, owner, due date, first step) and how
//! committed the client feels.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::i18n::{lang, t, texts, Key};
use crate::ui::action_item::ActionItemEditor;
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::scale::Scale;

#[component]
pub fn WillEditor(turn: usize) -> impl IntoView {
    let current = use_current();
    let ids = Memo::new(move |_| {
        current.turn(turn, |h| h.actions.iter().map(|a| a.id).collect::<Vec<_>>())
    });
    let confidence = Memo::new(move |_| current.turn(turn, |h| h.confidence));
    let client = move || current.person(current.read(|s| s.roles(turn).1));

    let add = move |_| {
        let mut new = None;
        current.update(|s| new = s.add_action(turn));
        if let Some(id) = new {
            focus_later(ids::action_part(turn, id, "what"));
        }
    };

    view! {
        <div class="editor will">
            <h2>{move || t(Key::ActionsTitle)}</h2>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="muted">{move || t(Key::NoActionsYet)}</p>
            </Show>
            <ol class="action-list">
                <For
                    each=move || ids.get()
                    key=|id| *id
                    children=move |id| view! { <ActionItemEditor turn=turn id=id /> }
                />
            </ol>
            <button type="button" id=ids::add_action(turn) on:click=add>
                "+ "{move || t(Key::AddAction)}
            </button>
            <fieldset class="confidence">
                <legend>{move || texts::confidence_legend(lang(), &client())}</legend>
                <p class="help">{move || t(Key::ConfidenceHelp)}</p>
                <Scale
                    name=format!("conf-{turn}")
                    max=10
                    value=confidence
                    on_pick=move |n: u8| current.update(|s| s.set_confidence(turn, Some(n)))
                />
            </fieldset>
            <Show when=move || matches!(confidence.get(), Some(c) if c < 7)>
                <TextField
                    id=format!("raise-{turn}")
                    label=Signal::derive(move || {
                        let next = confidence.get().unwrap_or(6) + 1;
                        texts::raise_prompt(lang(), &next.to_string())
                    })
                    rows=2
                    value=current.turn_field(turn, |h| h.raise_note.clone())
                    on_input=move |v: String| current.update_turn(turn, |h| h.raise_note = v)
                />
            </Show>
        </div>
    }
}
