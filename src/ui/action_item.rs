//! One action item: what, owner, due date, first step.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::session::{ActionItem, Owner};
use crate::i18n::{lang, t, texts, Key};
use crate::ui::fields::TextField;
use crate::ui::focus::{focus_later, single_click};
use crate::ui::ids;
use crate::ui::text::text_signal;

#[component]
pub fn ActionItemEditor(turn: usize, id: u32) -> impl IntoView {
    let current = use_current();
    let n = Memo::new(move |_| current.turn(turn, |h| h.action_number(id)));
    let read = move |f: fn(&ActionItem) -> String| {
        current
            .turn(turn, |h| h.actions.iter().find(|a| a.id == id).map(f))
            .unwrap_or_default()
    };
    let owner = Memo::new(move |_| {
        current.turn(turn, |h| {
            h.actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.owner.clone())
        })
    });
    let owner_value = move || match owner.get() {
        Some(Owner::Person(p)) => p.to_string(),
        _ => "other".to_string(),
    };
    let is_other = move || matches!(owner.get(), Some(Owner::Other(_)));
    let edit =
        move |f: Box<dyn FnOnce(&mut ActionItem)>| current.update(|s| s.edit_action(turn, id, f));

    view! {
        <li class="action">
            <fieldset>
                <legend>{move || texts::action_label(lang(), &n.get().to_string())}</legend>
                <TextField
                    id=ids::action_part(turn, id, "what")
                    label=text_signal(Key::ActionWhat)
                    value=Signal::derive(move || read(|a| a.what.clone()))
                    on_input=move |v: String| edit(Box::new(move |a| a.what = v))
                />
                <div class="action-grid">
                    <div class="field">
                        <label for=ids::action_part(turn, id, "owner")>{move || t(Key::ActionOwner)}</label>
                        <select
                            id=ids::action_part(turn, id, "owner")
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let owner = match v.parse::<u8>() {
                                    Ok(p) => Owner::Person(p),
                                    Err(_) => Owner::Other(String::new()),
                                };
                                edit(Box::new(move |a| a.owner = owner));
                            }
                        >
                            {(0..current.people() as u8)
                                .map(|p| {
                                    view! {
                                        <option value=p.to_string() prop:selected=move || owner_value() == p.to_string()>
                                            {move || current.person(p)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                            <option value="other" prop:selected=move || owner_value() == "other">
                                {move || t(Key::OwnerOther)}
                            </option>
                        </select>
                    </div>
                    <Show when=is_other>
                        <TextField
                            id=ids::action_part(turn, id, "other")
                            label=text_signal(Key::OwnerOtherName)
                            value=Signal::derive(move || match owner.get() {
                                Some(Owner::Other(name)) => name,
                                _ => String::new(),
                            })
                            on_input=move |v: String| edit(Box::new(move |a| a.owner = Owner::Other(v)))
                        />
                    </Show>
                    <div class="field">
                        <label for=ids::action_part(turn, id, "due")>{move || t(Key::ActionDue)}</label>
                        <input
                            type="date"
                            id=ids::action_part(turn, id, "due")
                            prop:value=move || read(|a| a.due.clone())
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                edit(Box::new(move |a| a.due = v));
                            }
                        />
                    </div>
                </div>
                <TextField
                    id=ids::action_part(turn, id, "first")
                    label=text_signal(Key::ActionFirstStep)
                    value=Signal::derive(move || read(|a| a.first_step.clone()))
                    on_input=move |v: String| edit(Box::new(move |a| a.first_step = v))
                />
                <button
                    type="button"
                    class="ghost small danger"
                    on:click=single_click(move || {
                        current.update(|s| s.remove_action(turn, id));
                        focus_later(ids::add_action(turn));
                    })
                >
                    {move || texts::remove_action(lang(), &n.get().to_string())}
                </button>
            </fieldset>
        </li>
    }
}
