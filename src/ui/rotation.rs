//! Team rotation: a roster, how often pairs change, and the schedule of
//! who meets whom in each period, made so that nobody meets the same person
//! again before meeting everyone. Kept on this device; the schedule prints
//! and downloads as CSV.

use leptos::prelude::*;

use crate::app::notices::Notice;
use crate::app::sessions::use_sessions;
use crate::domain::rotation::{to_csv, OddPolicy, Period, Roster, Schedule};
use crate::domain::store;
use crate::i18n::{t, tf, Key};
use crate::platform::clock::{local_day, today_iso};
use crate::platform::{files, print_page, records};
use crate::ui::focus::focus_later;
use crate::ui::radio_choice::RadioChoice;

/// Periods made at a time.
const BATCH: u32 = 6;

/// Most weeks offered between periods.
const MAX_WEEKS: u8 = 8;

#[component]
pub fn RotationScreen() -> impl IntoView {
    let sessions = use_sessions();
    // A damaged record is set aside (and said so); a newer version's is
    // never written over.
    let had_record = sessions.storage().get(store::ROTATION_KEY).is_some();
    let (stored, writable) = match records::load_rotation(&sessions.storage()) {
        Some((schedule, writable)) => (Some(schedule), writable),
        None => (None, true),
    };
    if !writable {
        sessions.notices().raise(Notice::Newer);
    } else if had_record && stored.is_none() {
        sessions.notices().raise(Notice::Corrupt);
    }
    let schedule =
        RwSignal::new(stored.filter(|_| writable).unwrap_or_else(|| {
            Schedule::new(Roster::default(), OddPolicy::Trio, None, &today_iso())
        }));
    let update = move |f: &dyn Fn(&mut Schedule)| {
        schedule.update(|s| f(s));
        if writable {
            let raw = schedule.with_untracked(store::encode_rotation);
            sessions.keep(store::ROTATION_KEY, &raw);
        }
    };
    // A change of the roster or the settings makes the periods not yet
    // come again (the ones before today stay, as history).
    let remake = move |s: &mut Schedule| {
        let today = today_iso();
        let first_future = (0..s.periods.len() as u32)
            .find(|&i| s.period_date(i).is_some_and(|d| d >= today))
            .unwrap_or(s.periods.len() as u32);
        let count = s.periods.len() as u32 - first_future;
        s.periods.truncate(first_future as usize);
        s.extend(count, &|_| Vec::new(), &|_| Vec::new());
    };

    let new_name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_string();
        if !name.is_empty() {
            update(&|s| {
                s.roster.add(&name);
                remake(s);
            });
            new_name.set(String::new());
        }
        focus_later("roster-name".to_string());
    };

    let member = move |(id, name): (u32, String)| {
        let label = name.clone();
        view! {
            <li>
                <span>{name}</span>
                <button
                    type="button"
                    class="ghost small"
                    on:click=move |_| {
                        update(&|s| {
                            s.roster.remove(id);
                            remake(s);
                        });
                        focus_later("roster-name".to_string());
                    }
                >
                    {t(Key::RotationRemove)}
                    <span class="sr-only">" " {label.clone()}</span>
                </button>
            </li>
        }
    };

    let odd = move |policy: OddPolicy, id: &'static str, label: Key, help: Key| {
        view! {
            <RadioChoice
                name="odd"
                id=id
                label=t(label)
                help=t(help)
                checked=Signal::derive(move || schedule.with(|s| s.odd == policy))
                on_pick=move |_| update(&|s| {
                    s.odd = policy;
                    remake(s);
                })
            />
        }
    };

    let every = move || schedule.with(|s| s.every_weeks.unwrap_or(0));
    let cadence = move |weeks: u8| {
        let label = match weeks {
            0 => t(Key::RotationMonthly).to_string(),
            1 => t(Key::RepeatWeekly).to_string(),
            n => tf(Key::RepeatEvery, &[("n", &n.to_string())]),
        };
        view! { <option value=weeks.to_string() selected=move || every() == weeks>{label}</option> }
    };

    let period_row = move |p: Period| {
        let (date, groups, sit_out) = schedule.with_untracked(|s| {
            let name = |id: u32| {
                s.roster
                    .name(id)
                    .map_or_else(|| format!("#{id}"), str::to_string)
            };
            let groups: Vec<String> = p
                .groups
                .iter()
                .map(|g| g.iter().map(|&id| name(id)).collect::<Vec<_>>().join(" & "))
                .collect();
            (
                s.period_date(p.index)
                    .map(|d| local_day(&d))
                    .unwrap_or_default(),
                groups,
                p.sit_out.map(name),
            )
        });
        view! {
            <tr>
                <th scope="row">{date}</th>
                <td>
                    <ul class="pairs">{groups.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                </td>
                <td>{sit_out.unwrap_or_else(|| "—".to_string())}</td>
            </tr>
        }
    };

    view! {
        <section class="rotation" aria-labelledby="screen-title">
            <h1 id="screen-title" tabindex="-1">{t(Key::RotationTitle)}</h1>
            <p class="lead">{t(Key::RotationIntro)}</p>
            <div class="rotation-setup no-print">
                <section aria-labelledby="roster-title">
                    <h2 id="roster-title">{t(Key::RotationPeople)}</h2>
                    <ul class="roster">
                        <For
                            each=move || schedule.with(|s| s.roster.members.iter().map(|m| (m.id, m.name.clone())).collect::<Vec<_>>())
                            key=|m| m.clone()
                            children=member
                        />
                    </ul>
                    <form class="add-person" on:submit=add>
                        <div class="field">
                            <label for="roster-name">{t(Key::RotationName)}</label>
                            <input
                                type="text"
                                id="roster-name"
                                prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev))
                            />
                        </div>
                        <button type="submit">{t(Key::RotationAdd)}</button>
                    </form>
                </section>
                <section aria-labelledby="turns-title">
                    <h2 id="turns-title">{t(Key::RotationHow)}</h2>
                    <div class="next-fields">
                        <div class="field">
                            <label for="rotation-start">{t(Key::RotationStart)}</label>
                            <input
                                type="date"
                                id="rotation-start"
                                prop:value=move || schedule.with(|s| s.start.clone())
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    if crate::domain::dates::is_iso_date(&v) {
                                        update(&|s| {
                                            s.start = v.clone();
                                            remake(s);
                                        });
                                    }
                                }
                            />
                        </div>
                        <div class="field">
                            <label for="rotation-every">{t(Key::RotationEvery)}</label>
                            <select
                                id="rotation-every"
                                on:change=move |ev| {
                                    let weeks = event_target_value(&ev).parse::<u8>().unwrap_or(0);
                                    update(&|s| {
                                        s.every_weeks = (weeks > 0).then_some(weeks);
                                        remake(s);
                                    });
                                }
                            >
                                {(0..=MAX_WEEKS).map(cadence).collect_view()}
                            </select>
                        </div>
                    </div>
                    <fieldset>
                        <legend>{t(Key::RotationOdd)}</legend>
                        {odd(OddPolicy::Trio, "odd-trio", Key::RotationTrio, Key::RotationTrioHelp)}
                        {odd(OddPolicy::SitOut, "odd-sit-out", Key::RotationSitOut, Key::RotationSitOutHelp)}
                    </fieldset>
                </section>
            </div>
            <section aria-labelledby="schedule-title">
                <h2 id="schedule-title">{t(Key::RotationSchedule)}</h2>
                <Show
                    when=move || schedule.with(|s| !s.periods.is_empty())
                    fallback=move || view! { <p class="muted">{t(Key::RotationEmpty)}</p> }
                >
                    <table class="schedule">
                        <thead>
                            <tr>
                                <th scope="col">{t(Key::RotationWhen)}</th>
                                <th scope="col">{t(Key::RotationPairs)}</th>
                                <th scope="col">{t(Key::RotationSitsOut)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || schedule.with(|s| s.periods.clone()).into_iter().map(period_row).collect_view()}
                        </tbody>
                    </table>
                </Show>
                <div class="actions no-print">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || schedule.with(|s| s.roster.members.len() < 2)
                        on:click=move |_| update(&|s| s.extend(BATCH, &|_| Vec::new(), &|_| Vec::new()))
                    >
                        {move || tf(Key::RotationMore, &[("n", &BATCH.to_string())])}
                    </button>
                    <Show when=move || schedule.with(|s| !s.periods.is_empty())>
                        <button
                            type="button"
                            on:click=move |_| {
                                let csv = schedule.with_untracked(to_csv);
                                files::download_as("peer-coach-rotation.csv", "text/csv;charset=utf-8", &csv);
                            }
                        >
                            {t(Key::RotationCsv)}
                        </button>
                        <button type="button" on:click=move |_| print_page()>{t(Key::RotationPrint)}</button>
                    </Show>
                </div>
            </section>
        </section>
    }
}
