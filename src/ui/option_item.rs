//! One option in the list: its text, chosen or not, its place, its pros
//! and cons.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::session::Side;
use crate::i18n::{lang, t, texts, Key, Lang};
use crate::ui::announcer::use_announcer;
use crate::ui::fields::TextField;
use crate::ui::focus::{focus_later, single_click};
use crate::ui::ids;
use crate::ui::points_list::PointsList;

#[component]
pub fn OptionItem(turn: usize, id: u32) -> impl IntoView {
    let current = use_current();
    let announcer = use_announcer();
    let position = Memo::new(move |_| current.turn(turn, |h| h.option_number(id)));
    let count = Memo::new(move |_| current.turn(turn, |h| h.options.len()));
    let n = move || position.get().to_string();
    let read = move |f: fn(&crate::domain::session::CoachOption) -> String| {
        current
            .turn(turn, |h| h.options.iter().find(|o| o.id == id).map(f))
            .unwrap_or_default()
    };
    let chosen = move || current.turn(turn, |h| h.options.iter().any(|o| o.id == id && o.chosen));
    let base = ids::option(turn, id);

    let mover = move |by: isize, key: fn(Lang, &str) -> String, suffix: &'static str| {
        let button_id = ids::option_part(turn, id, suffix);
        let disabled = move || {
            if by < 0 {
                position.get() <= 1
            } else {
                position.get() >= count.get()
            }
        };
        view! {
            <button
                type="button"
                class="ghost small icon"
                id=button_id.clone()
                aria-label=move || key(lang(), &n())
                title=move || key(lang(), &n())
                // Off at either end of the list, yet still focusable: the
                // focus stays with the option, and one press too many does
                // nothing (a disabled button would drop the focus).
                aria-disabled=move || disabled().to_string()
                on:click=move |_| {
                    if disabled() {
                        return;
                    }
                    current.update(|s| s.move_option(turn, id, by));
                    focus_later(button_id.clone());
                    let (at, of) = current.turn(turn, |h| (h.option_number(id), h.options.len()));
                    announcer.say(texts::moved_to_place(lang(), &at.to_string(), &of.to_string()));
                }
            >
                <span aria-hidden="true">{if by < 0 { "↑" } else { "↓" }}</span>
            </button>
        }
    };

    view! {
        <li class="option" class:chosen=chosen>
            <div class="option-main">
                <TextField
                    id=base.clone()
                    rows=2
                    label=Signal::derive(move || texts::option_label(lang(), &n()))
                    value=Signal::derive(move || read(|o| o.text.clone()))
                    on_input=move |v: String| current.update(|s| s.edit_option(turn, id, v))
                />
                <div class="option-tools">
                    <div class="check">
                        <input
                            type="checkbox"
                            id=ids::option_part(turn, id, "chosen")
                            prop:checked=chosen
                            on:change=move |_| current.update(|s| s.toggle_chosen(turn, id))
                        />
                        <label for=ids::option_part(turn, id, "chosen")>
                            {move || t(Key::ChosenLabel)}
                            <span class="sr-only">{move || texts::option_ref(lang(), &n())}</span>
                        </label>
                    </div>
                    {mover(-1, texts::move_up, "up")}
                    {mover(1, texts::move_down, "down")}
                    <button
                        type="button"
                        class="ghost small danger"
                        on:click=single_click(move || {
                            current.update(|s| s.remove_option(turn, id));
                            focus_later(ids::new_option(turn));
                        })
                    >
                        {move || texts::remove_option(lang(), &n())}
                    </button>
                </div>
            </div>
            <div class="pros-cons">
                <PointsList turn=turn id=id side=Side::Pros position=position />
                <PointsList turn=turn id=id side=Side::Cons position=position />
            </div>
        </li>
    }
}
