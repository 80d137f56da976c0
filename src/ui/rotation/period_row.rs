//! One period of the schedule as a table row: who meets whom (locked
//! pairs marked), who sits out or is away, and (for a period still to
//! come) a "Change" button that opens the period's editor in a row below
//! it.

use leptos::prelude::*;

use super::edit::{period_day, person, PeriodEditor};
use crate::domain::rotation::{Period, Schedule};
use crate::i18n::{t, Key};
use crate::platform::clock::today_iso;
use crate::ui::focus::focus_later;
use crate::ui::ids;

#[component]
pub(super) fn PeriodRow(
    schedule: RwSignal<Schedule>,
    p: Period,
    /// The period whose editor is open, if any.
    editing: RwSignal<Option<u32>>,
    on_save: Callback<Schedule>,
    /// The repeats the last change could not avoid, by period.
    repeats: RwSignal<Option<(u32, Vec<String>)>>,
) -> impl IntoView {
    let index = p.index;
    // A period before today: shown muted, and marked "past" in words.
    let past = schedule.with_untracked(|s| s.period_date(index).is_some_and(|d| d < today_iso()));
    let (date, groups, not_meeting) = schedule.with_untracked(|s| {
        let names =
            |g: &[u32]| crate::i18n::list(&g.iter().map(|&id| person(s, id)).collect::<Vec<_>>());
        let groups: Vec<(String, bool)> = (p.groups.iter())
            .map(|g| {
                let locked = (p.locked.iter()).any(|(a, b)| g.contains(a) && g.contains(b));
                (names(g), locked)
            })
            .collect();
        let mut not_meeting: Vec<(String, Key)> = (p.sit_out.iter())
            .map(|&id| (person(s, id), Key::RotationSitsOutMark))
            .collect();
        not_meeting.extend(
            p.away
                .iter()
                .map(|&id| (person(s, id), Key::RotationAwayMark)),
        );
        (period_day(s, index), groups, not_meeting)
    });
    let open = move || editing.get() == Some(index);
    let group = |(names, locked): (String, bool)| {
        view! {
            <li>
                {names}
                {locked.then(|| view! { " " <span class="badge">{move || t(Key::RotationLockedMark)}</span> })}
            </li>
        }
    };
    let absent = |(name, mark): (String, Key)| {
        view! { <li>{name} " " <span class="muted">"(" {move || t(mark)} ")"</span></li> }
    };
    let not_meeting = if not_meeting.is_empty() {
        "—".into_any()
    } else {
        view! { <ul class="pairs">{not_meeting.into_iter().map(absent).collect_view()}</ul> }
            .into_any()
    };
    view! {
        <tr class:editing=open class:past=past>
            <th scope="row">
                {date.clone()}
                {past.then(|| view! { " " <span class="past-mark">"(" {move || t(Key::RotationPastMark)} ")"</span> })}
            </th>
            <td>
                <ul class="pairs">{groups.into_iter().map(group).collect_view()}</ul>
            </td>
            <td>{not_meeting}</td>
            // A period that has happened is history: a change would make it
            // again, and its people, and who met whom, with it.
            <td class="no-print">
                {(!past).then(|| view! {
                    <button
                        type="button"
                        class="small"
                        id=ids::period_change(index)
                        aria-expanded=move || open().to_string()
                        aria-controls=ids::period_edit(index)
                        on:click=move |_| {
                            if open() {
                                editing.set(None);
                            } else {
                                editing.set(Some(index));
                                focus_later(ids::period_edit_title(index));
                            }
                        }
                    >
                        {move || t(Key::RotationChange)}
                        <span class="sr-only">" " {date}</span>
                    </button>
                })}
            </td>
        </tr>
        {move || {
            open()
                .then(|| {
                    view! {
                        <tr class="period-edit-row no-print">
                            <td colspan="4">
                                <PeriodEditor
                                    schedule=schedule
                                    index=index
                                    on_save=on_save
                                    repeats=repeats
                                    on_done=move |_| {
                                        repeats.set(None);
                                        editing.set(None);
                                        focus_later(ids::period_change(index));
                                    }
                                />
                            </td>
                        </tr>
                    }
                })
        }}
    }
}
