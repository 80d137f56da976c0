//! Changing one period of the rotation by hand: who is away, a swap of two
//! people between groups, a pair locked together (or unlocked). Each change
//! makes the later periods again around it (see the domain's `Schedule`);
//! a refused change says why, as text, and changes nothing.

use leptos::prelude::*;

use crate::domain::rotation::{EditError, Schedule};
use crate::i18n::{lang, t, texts, Key, Lang};
use crate::platform::clock::local_day;
use crate::ui::announcer::use_announcer;
use crate::ui::focus::focus_later;
use crate::ui::ids;

/// The name of a person, also of someone taken off the roster since
/// (`#id` only when no name is known).
pub fn person(schedule: &Schedule, id: u32) -> String {
    schedule
        .roster
        .name_ever(id)
        .map_or_else(|| format!("#{id}"), str::to_string)
}

/// The date of a period, as the user reads dates.
pub fn period_day(schedule: &Schedule, index: u32) -> String {
    schedule
        .period_date(index)
        .map(|d| local_day(lang(), &d))
        .unwrap_or_else(|| (index + 1).to_string())
}

/// The words for a refused change.
fn refusal(schedule: &Schedule, error: EditError, a: u32, b: u32) -> String {
    let name = |id| person(schedule, id);
    match error {
        EditError::NoSuchPeriod(_) => t(Key::RotationErrGone).to_string(),
        EditError::NotInPeriod(id) => texts::rotation_err_not_in(lang(), &name(id)),
        EditError::SameGroup => texts::rotation_err_same_group(lang(), &name(a), &name(b)),
        EditError::Locked(id) => texts::rotation_err_locked(lang(), &name(id)),
        EditError::SamePerson => t(Key::RotationErrSamePerson).to_string(),
    }
}

/// Two people chosen in a pair of selects.
#[component]
fn PairChoice(
    /// The period's index, for unique ids.
    index: u32,
    /// `swap` or `lock`: the ids' prefix.
    what: &'static str,
    /// The label of the second select.
    second: Key,
    /// Who can be chosen: `(id, name)`.
    people: Vec<(u32, String)>,
    first_pick: RwSignal<Option<u32>>,
    second_pick: RwSignal<Option<u32>>,
    /// The id of the error paragraph the selects are described by.
    error_id: String,
) -> impl IntoView {
    let select = move |id: String, label: Key, pick: RwSignal<Option<u32>>| {
        let options = people
            .iter()
            .map(|(pid, name)| {
                let pid = *pid;
                view! {
                    <option value=pid.to_string() selected=move || pick.get_untracked() == Some(pid)>
                        {name.clone()}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for=id.clone()>{move || t(label)}</label>
                <select
                    id=id
                    aria-describedby=error_id.clone()
                    on:change=move |ev| pick.set(event_target_value(&ev).parse().ok())
                >
                    <option value="" selected=move || pick.get_untracked().is_none()>
                        {move || t(Key::RotationChoose)}
                    </option>
                    {options}
                </select>
            </div>
        }
    };
    view! {
        {select(ids::pair_choice(what, 'a', index), Key::RotationPerson, first_pick)}
        {select(ids::pair_choice(what, 'b', index), second, second_pick)}
    }
}

#[component]
pub fn PeriodEditor(
    /// The schedule on show.
    schedule: RwSignal<Schedule>,
    /// The period to change.
    index: u32,
    /// Keeps a changed schedule (shows and saves it).
    #[prop(into)]
    on_save: Callback<Schedule>,
    /// Closes the editor.
    #[prop(into)]
    on_done: Callback<()>,
    /// The repeats the last change of a period could not avoid, said in
    /// that period's editor (kept above it: the editor is made again with
    /// the changed schedule).
    repeats: RwSignal<Option<(u32, Vec<String>)>>,
) -> impl IntoView {
    let announcer = use_announcer();
    let error = RwSignal::new(None::<String>);
    let error_id = ids::period_error(index);
    let (swap_a, swap_b) = (RwSignal::new(None), RwSignal::new(None));
    let (lock_a, lock_b) = (RwSignal::new(None), RwSignal::new(None));

    let (period, day, members) = schedule.with_untracked(|s| {
        let members: Vec<(u32, String)> = (s.roster.members.iter())
            .map(|m| (m.id, m.name.clone()))
            .collect();
        (
            s.periods.get(index as usize).cloned().unwrap_or_default(),
            period_day(s, index),
            members,
        )
    });
    let day = StoredValue::new(day);
    // Everyone placed this period, by name (the selects' choices).
    let present: Vec<(u32, String)> = schedule.with_untracked(|s| {
        let mut ids = period.present();
        ids.sort_by_key(|&id| person(s, id).to_lowercase());
        ids.into_iter().map(|id| (id, person(s, id))).collect()
    });

    // Try a change on a copy; keep it, or say why not.
    let attempt = move |change: &dyn Fn(&mut Schedule) -> Result<(), EditError>,
                        (a, b): (u32, u32),
                        done: fn(Lang, &str, &str, &str) -> String,
                        focus: String| {
        let before = schedule.get_untracked();
        let mut next = before.clone();
        match change(&mut next) {
            Ok(()) => {
                let made = next.new_repeats(&before, index);
                let lines: Vec<String> = (made.iter())
                    .map(|r| {
                        texts::rotation_repeat_line(
                            lang(),
                            &person(&next, r.a),
                            &person(&next, r.b),
                            &period_day(&next, r.period),
                            &period_day(&next, r.before),
                        )
                    })
                    .collect();
                let mut said = done(
                    lang(),
                    &person(&next, a),
                    &person(&next, b),
                    &day.get_value(),
                );
                if !lines.is_empty() {
                    said = format!(
                        "{said} {} {}",
                        t(Key::RotationRepeatsIntro),
                        lines.join(" ")
                    );
                }
                repeats.set((!lines.is_empty()).then_some((index, lines)));
                error.set(None);
                on_save.run(next);
                announcer.say(said);
                focus_later(focus);
            }
            Err(e) => {
                let text = schedule.with_untracked(|s| refusal(s, e, a, b));
                // Cleared first, so the same refusal is announced again.
                error.set(None);
                request_animation_frame(move || error.set(Some(text)));
            }
        }
    };

    let away_box = move |(id, name): (u32, String)| {
        let box_id = ids::away(index, id);
        let checked = period.away.contains(&id);
        let focus = box_id.clone();
        view! {
            <div class="check">
                <input
                    type="checkbox"
                    id=box_id.clone()
                    prop:checked=checked
                    on:change=move |ev| {
                        let away = event_target_checked(&ev);
                        let done: fn(Lang, &str, &str, &str) -> String = if away {
                            |l, name, _, date| texts::rotation_away_done(l, name, date)
                        } else {
                            |l, name, _, date| texts::rotation_back_done(l, name, date)
                        };
                        attempt(&|s| s.set_away(index, id, away), (id, id), done, focus.clone());
                        // Refused: the box shows what holds.
                        if schedule.with_untracked(|s| {
                            s.periods.get(index as usize).is_some_and(|p| p.away.contains(&id) != away)
                        }) {
                            if let Some(el) = ev.target() {
                                use wasm_bindgen::JsCast;
                                if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
                                    input.set_checked(!away);
                                }
                            }
                        }
                    }
                />
                <label for=box_id>{name}</label>
            </div>
        }
    };

    let both = |a: RwSignal<Option<u32>>, b: RwSignal<Option<u32>>| match (
        a.get_untracked(),
        b.get_untracked(),
    ) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    let choose_first = move || {
        error.set(None);
        request_animation_frame(move || error.set(Some(t(Key::RotationErrChoose).to_string())));
    };
    let swap = move |_| match both(swap_a, swap_b) {
        Some((a, b)) => attempt(
            &|s| s.swap(index, a, b),
            (a, b),
            texts::rotation_swapped,
            ids::pair_button("swap", index),
        ),
        None => choose_first(),
    };
    let lock = move |_| match both(lock_a, lock_b) {
        Some((a, b)) => attempt(
            &|s| s.lock(index, a, b),
            (a, b),
            texts::rotation_locked_done,
            ids::pair_button("lock", index),
        ),
        None => choose_first(),
    };

    let locked_pair = move |(a, b): (u32, u32)| {
        let names = schedule.with_untracked(|s| format!("{} & {}", person(s, a), person(s, b)));
        view! {
            <li>
                <span>{names.clone()}</span>
                <button
                    type="button"
                    class="ghost small"
                    on:click=move |_| {
                        attempt(
                            &|s| {
                                s.unlock(index, a, b);
                                Ok(())
                            },
                            (a, b),
                            texts::rotation_unlocked_done,
                            ids::pair_choice("lock", 'a', index),
                        )
                    }
                >
                    {move || t(Key::RotationUnlock)}
                    <span class="sr-only">" " {names}</span>
                </button>
            </li>
        }
    };

    let title_id = ids::period_edit_title(index);
    let labelled_by = title_id.clone();
    view! {
        <div class="period-editor" id=ids::period_edit(index) role="group" aria-labelledby=labelled_by>
            <h3 id=title_id tabindex="-1">{move || texts::rotation_change_title(lang(), &day.get_value())}</h3>
            <fieldset>
                <legend>{move || t(Key::RotationAwayLegend)}</legend>
                <p class="help">{move || t(Key::RotationAwayHelp)}</p>
                <div class="away-boxes">{members.into_iter().map(away_box).collect_view()}</div>
            </fieldset>
            <fieldset>
                <legend>{move || t(Key::RotationSwapLegend)}</legend>
                <p class="help">{move || t(Key::RotationSwapHelp)}</p>
                <div class="pair-choice">
                    <PairChoice
                        index=index
                        what="swap"
                        second=Key::RotationSwapWith
                        people=present.clone()
                        first_pick=swap_a
                        second_pick=swap_b
                        error_id=error_id.clone()
                    />
                    <button type="button" id=ids::pair_button("swap", index) on:click=swap>{move || t(Key::RotationSwap)}</button>
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || t(Key::RotationLockLegend)}</legend>
                <p class="help">{move || t(Key::RotationLockHelp)}</p>
                <div class="pair-choice">
                    <PairChoice
                        index=index
                        what="lock"
                        second=Key::RotationLockWith
                        people=present
                        first_pick=lock_a
                        second_pick=lock_b
                        error_id=error_id.clone()
                    />
                    <button type="button" id=ids::pair_button("lock", index) on:click=lock>{move || t(Key::RotationLock)}</button>
                </div>
                <Show when={
                    let empty = period.locked.is_empty();
                    move || !empty
                }>
                    <ul class="locked-pairs">{period.locked.clone().into_iter().map(locked_pair).collect_view()}</ul>
                </Show>
            </fieldset>
            <p id=error_id class="problem-text" role="alert">{move || error.get()}</p>
            {move || {
                repeats
                    .get()
                    .filter(|(i, _)| *i == index)
                    .map(|(_, lines)| {
                        // Said through the announcer; shown here.
                        view! {
                            <div class="repeat-note">
                                <p>{move || t(Key::RotationRepeatsIntro)}</p>
                                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                            </div>
                        }
                    })
            }}
            <button type="button" class="primary" on:click=move |_| on_done.run(())>{move || t(Key::RotationDone)}</button>
        </div>
    }
}
