//! The people of a group session, in the order of their turns: names,
//! reordering, shuffling, who gets a turn as client, and how long each turn
//! is.

use leptos::prelude::*;

use crate::domain::flow::{MAX_GROUP, MIN_GROUP};
use crate::domain::plan;
use crate::domain::session::Setup;
use crate::i18n::{lang, list, person, t, texts, Key};
use crate::platform::random_u32;
use crate::ui::announcer::use_announcer;
use crate::ui::focus::{focus_later, single_click};
use crate::ui::ids;

#[component]
pub fn GroupSetup(setup: RwSignal<Setup>) -> impl IntoView {
    let announcer = use_announcer();
    // Rows are made again only when the number of people changes, never
    // while a name is typed.
    let members = Memo::new(move |_| setup.with(|s| s.members.len()));
    let count = move || members.get();
    // (Comparisons outside the view: the view macro would read `>` as
    // the end of a tag.)
    let full = move || count() >= MAX_GROUP;
    let fewest = move || count() <= MIN_GROUP;
    let is_last = move |i: usize| i + 1 >= count();
    let name = move |i: usize| setup.with(|s| person(&s.members, i as u8));

    let row = move |i: usize| {
        let id = ids::member(i);
        // The name the session gives a person left unnamed ("Person A").
        let label = move || person(&[], i as u8);
        // Off at either end of the list, yet still focusable: one press
        // too many does nothing, and the focus stays.
        let off = move |up: bool| if up { i == 0 } else { is_last(i) };
        let moved = move |up: bool| {
            if off(up) {
                return;
            }
            setup.update(|s| {
                s.move_member(i, up);
            });
            // Focus follows the moved person, on the same arrow.
            let to = if up { i.saturating_sub(1) } else { i + 1 };
            focus_later(ids::member_arrow(to, up));
            announcer.say(texts::moved_to_place(
                lang(),
                &(to + 1).to_string(),
                &count().to_string(),
            ));
        };
        view! {
            <li class="member">
                <span class="turn-number" aria-hidden="true">{i + 1}</span>
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <input
                        type="text"
                        id=id.clone()
                        autocomplete="off"
                        // Enter goes on to the next field (the setup form's rule).
                        enterkeyhint="next"
                        prop:value=move || setup.with(|s| s.members.get(i).cloned().unwrap_or_default())
                        on:input=move |ev| setup.update(|s| s.set_member(i, event_target_value(&ev)))
                    />
                </div>
                <div class="member-tools">
                    <button
                        type="button"
                        class="ghost small"
                        id=ids::member_arrow(i, true)
                        aria-disabled=move || off(true).to_string()
                        aria-label=move || texts::group_move_up(lang(), &name(i))
                        on:click=move |_| moved(true)
                    >
                        "↑"
                    </button>
                    <button
                        type="button"
                        class="ghost small"
                        id=ids::member_arrow(i, false)
                        aria-disabled=move || off(false).to_string()
                        aria-label=move || texts::group_move_down(lang(), &name(i))
                        on:click=move |_| moved(false)
                    >
                        "↓"
                    </button>
                    <button
                        type="button"
                        class="ghost small"
                        disabled=fewest
                        aria-label=move || texts::group_remove(lang(), &name(i))
                        on:click=single_click(move || {
                            setup.update(|s| {
                                s.remove_member(i);
                            });
                            focus_later(ids::member(i.min(count() - 1)));
                        })
                    >
                        "✕"
                    </button>
                </div>
            </li>
        }
    };

    let turn_length = move || {
        setup.with(|s| {
            // "8–9 min" where turns differ, split as the shorter ones.
            let (short, long) = s.turn_range();
            let minutes = if short == long {
                short.to_string()
            } else {
                format!("{short}–{long}")
            };
            let [g, r, o, w] = plan::split(short).map(|m| m.to_string());
            texts::group_turn_length(lang(), &minutes, &g, &r, &o, &w)
        })
    };

    view! {
        <fieldset class="group-people">
            <legend>{move || t(Key::GroupPeople)}</legend>
            <p class="help">{move || t(Key::GroupPeopleHelp)}</p>
            <ol class="members">{move || (0..count()).map(row).collect_view()}</ol>
            <div class="actions">
                <button
                    type="button"
                    disabled=full
                    on:click=move |_| {
                        setup.update(|s| {
                            s.add_member();
                        });
                        focus_later(ids::member(count() - 1));
                    }
                >
                    {move || t(Key::GroupAdd)}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        let seed = (u64::from(random_u32()) << 32) | u64::from(random_u32());
                        setup.update(|s| s.shuffle(seed));
                        let names: Vec<String> = (0..count()).map(name).collect();
                        announcer.say(texts::group_shuffled(lang(), &list(&names)));
                    }
                >
                    {move || t(Key::GroupShuffle)}
                </button>
            </div>
        </fieldset>
        <div class="group-turns">
            <div class="choice">
                <input
                    type="checkbox"
                    id=ids::GROUP_EVERYONE
                    prop:checked=move || setup.with(|s| s.everyone)
                    on:change=move |ev| setup.update(|s| s.set_everyone(event_target_checked(&ev)))
                />
                <label for=ids::GROUP_EVERYONE>{move || t(Key::GroupEveryone)}</label>
            </div>
            <Show when=move || setup.with(|s| !s.everyone)>
                <div class="field">
                    <label for=ids::GROUP_TURNS>{move || t(Key::GroupTurns)}</label>
                    <input
                        type="number"
                        id=ids::GROUP_TURNS
                        inputmode="numeric"
                        enterkeyhint="next"
                        min="1"
                        max=count
                        prop:value=move || setup.with(|s| s.group_turns().to_string())
                        // A number of turns the group can have counts at once
                        // (a reload keeps it); anything else when the field
                        // is left.
                        on:input=move |ev| {
                            let typed = event_target_value(&ev).trim().parse::<usize>().ok();
                            if let Some(turns) = typed.filter(|n| (1..=count()).contains(n)) {
                                setup.update(|s| s.set_turns(turns as u8));
                            }
                        }
                        on:change=move |ev| {
                            let typed = event_target_value(&ev).trim().parse::<u8>().ok();
                            setup.update(|s| s.set_turns(typed.unwrap_or(s.turns)));
                        }
                    />
                </div>
            </Show>
        </div>
        <p class="turn-length" role="status">{turn_length}</p>
    }
}
