//! Team rotation: a roster, how often pairs change, and the schedule of
//! who meets whom in each period, made so that nobody meets the same person
//! again before meeting everyone. Each period can be changed by hand (who
//! is away, a swap, a locked pair). Kept on this device; the schedule
//! prints, downloads as CSV or for a calendar, and travels whole in a link
//! (`#r1.…`), which this screen opens too.

use leptos::prelude::*;

use crate::app::link_text::link_error_text;
use crate::app::notices::Notice;
use crate::app::router::use_router;
use crate::app::sessions::use_sessions;
use crate::domain::export::ical::{rotation_calendar, EventText};
use crate::domain::rotation::{link, to_csv, OddPolicy, Period, Roster, Schedule};
use crate::domain::route::Route;
use crate::domain::share::LinkError;
use crate::domain::store::{self, Record};
use crate::i18n::{lang, t, texts, Key};
use crate::platform::clock::{now_ms, today_iso};
use crate::platform::{files, print_page, records};
use crate::ui::announcer::use_announcer;
use crate::ui::focus::{focus_later, single_click};
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::text::text_signal;
use edit::person;
use open::ScheduleArrival;
use period_row::PeriodRow;
use share::ScheduleShare;

mod edit;
mod open;
mod period_row;
mod share;

/// Periods made at a time.
const BATCH: u32 = 6;

/// Most weeks offered between periods.
const MAX_WEEKS: u8 = 8;

/// Nobody on the roster and no periods: nothing to lose.
fn is_blank(s: &Schedule) -> bool {
    s.roster.members.is_empty() && s.periods.is_empty()
}

#[component]
pub fn RotationScreen() -> impl IntoView {
    let sessions = use_sessions();
    let router = use_router();
    let announcer = use_announcer();
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
    let save = move || {
        if writable {
            let raw = schedule.with_untracked(Record::encode);
            sessions.keep(store::ROTATION_KEY, &raw);
        }
    };
    let update = move |f: &dyn Fn(&mut Schedule)| {
        schedule.update(|s| f(s));
        save();
    };
    let on_save = Callback::new(move |next: Schedule| {
        schedule.set(next);
        save();
    });
    // A change of the roster or the settings makes the periods not yet
    // come again, each with who is away and its locked pairs (the ones
    // before today stay, as history).
    let remake = move |s: &mut Schedule| s.remake_from(&today_iso());

    // A shared schedule (the route is `#r1.…`): opened at once where there
    // is nothing to lose, else the user chooses. The payload leaves the
    // address bar once done, or at once when the link is bad.
    let failed = RwSignal::new(None::<LinkError>);
    let opened = RwSignal::new(false);
    let asking = RwSignal::new(None::<(Schedule, Schedule)>);
    let leave_link = move || router.replace(Route::Rotation);
    let editing = RwSignal::new(None::<u32>);
    let repeats = RwSignal::new(None::<(u32, Vec<String>)>);
    let take = move |theirs: Schedule| {
        editing.set(None);
        schedule.set(theirs);
        save();
        opened.set(true);
        announcer.say(t(Key::RotationOpened).to_string());
    };
    Effect::new(move |_| {
        // Only a schedule's link: a session's is another screen's.
        let Route::Open(payload) = router.route() else {
            return;
        };
        if !link::is_schedule_link(&payload) {
            return;
        }
        failed.set(None);
        opened.set(false);
        match link::decode(&payload) {
            Err(e) => {
                failed.set(Some(e));
                leave_link();
            }
            Ok(theirs) => {
                let mine = schedule.get_untracked();
                if writable && !is_blank(&mine) && mine != theirs {
                    asking.set(Some((mine, theirs)));
                    focus_later(ids::ARRIVAL_TITLE);
                } else {
                    take(theirs);
                    leave_link();
                }
            }
        }
    });
    let answer = move |replace: bool| {
        if let Some((_, theirs)) = asking.get_untracked() {
            if replace {
                take(theirs);
            }
        }
        asking.set(None);
        leave_link();
        focus_later(ids::SCREEN_TITLE);
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
        focus_later(ids::ROSTER_NAME);
    };

    let member = move |(id, name): (u32, String)| {
        let label = name.clone();
        view! {
            <li>
                <span>{name}</span>
                <button
                    type="button"
                    class="ghost small"
                    on:click=single_click(move || {
                        update(&|s| {
                            s.roster.remove(id);
                            remake(s);
                        });
                        focus_later(ids::ROSTER_NAME);
                    })
                >
                    {move || t(Key::RotationRemove)}
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
                label=text_signal(label)
                help=text_signal(help)
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
            n => texts::repeat_every(lang(), &n.to_string()),
        };
        view! { <option value=weeks.to_string() selected=move || every() == weeks>{label}</option> }
    };

    // Whose calendar: the whole team's, or one person's.
    let calendar_for = RwSignal::new(None::<u32>);
    let download_ical = move |_| {
        let only = calendar_for
            .get_untracked()
            .filter(|id| schedule.with_untracked(|s| s.roster.name(*id).is_some()));
        let ics = schedule.with_untracked(|s| {
            let text = |p: &Period, g: &[u32]| {
                let names: Vec<String> = g.iter().map(|&id| person(s, id)).collect();
                EventText {
                    summary: texts::rotation_event_title(lang(), &crate::i18n::list(&names)),
                    description: texts::rotation_event_note(lang(), &(p.index + 1).to_string()),
                }
            };
            rotation_calendar(s, only, &text, now_ms())
        });
        if let Some(ics) = ics {
            files::download_as(
                "peer-coach-rotation.ics",
                "text/calendar;charset=utf-8",
                &ics,
            );
        }
    };

    view! {
        {move || {
            asking
                .get()
                .map(|(mine, theirs)| {
                    view! {
                        <ScheduleArrival
                            mine=mine
                            theirs=theirs
                            on_answer=Callback::new(answer)
                        />
                    }
                })
        }}
        <section class="rotation" aria-labelledby=ids::SCREEN_TITLE hidden=move || asking.with(Option::is_some)>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::RotationTitle)}</h1>
            {move || {
                failed
                    .get()
                    .map(|e| {
                        view! {
                            <div class="problem" role="alert">
                                <p><strong>{move || t(Key::RotationOpenFailed)}</strong> " " {move || t(link_error_text(&e))}</p>
                                <p class="muted">{move || t(Key::OpenUntouched)}</p>
                            </div>
                        }
                    })
            }}
            <Show when=move || opened.get()>
                // Said through the announcer; shown here.
                <p class="ok-note">{move || t(Key::RotationOpened)}</p>
            </Show>
            <p class="lead">{move || t(Key::RotationIntro)}</p>
            <div class="rotation-setup no-print">
                <section aria-labelledby=ids::ROSTER_TITLE>
                    <h2 id=ids::ROSTER_TITLE>{move || t(Key::RotationPeople)}</h2>
                    <ul class="roster">
                        <For
                            each=move || schedule.with(|s| s.roster.members.iter().map(|m| (m.id, m.name.clone())).collect::<Vec<_>>())
                            key=|m| m.clone()
                            children=member
                        />
                    </ul>
                    <form class="add-person" on:submit=add>
                        <div class="field">
                            <label for=ids::ROSTER_NAME>{move || t(Key::RotationName)}</label>
                            <input
                                type="text"
                                id=ids::ROSTER_NAME
                                maxlength=crate::domain::rotation::MAX_NAME_CHARS
                                prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev))
                            />
                        </div>
                        <button type="submit">{move || t(Key::RotationAdd)}</button>
                    </form>
                </section>
                <section aria-labelledby=ids::TURNS_TITLE>
                    <h2 id=ids::TURNS_TITLE>{move || t(Key::RotationHow)}</h2>
                    <div class="next-fields">
                        <div class="field">
                            <label for=ids::ROTATION_START>{move || t(Key::RotationStart)}</label>
                            <input
                                type="date"
                                id=ids::ROTATION_START
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
                            <label for=ids::ROTATION_EVERY>{move || t(Key::RotationEvery)}</label>
                            <select
                                id=ids::ROTATION_EVERY
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
                        <legend>{move || t(Key::RotationOdd)}</legend>
                        {odd(OddPolicy::Trio, "odd-trio", Key::RotationTrio, Key::RotationTrioHelp)}
                        {odd(OddPolicy::SitOut, "odd-sit-out", Key::RotationSitOut, Key::RotationSitOutHelp)}
                    </fieldset>
                </section>
            </div>
            <section aria-labelledby=ids::SCHEDULE_TITLE>
                <h2 id=ids::SCHEDULE_TITLE>{move || t(Key::RotationSchedule)}</h2>
                <Show
                    when=move || schedule.with(|s| !s.periods.is_empty())
                    fallback=move || view! { <p class="muted">{move || t(Key::RotationEmpty)}</p> }
                >
                    // On a narrow screen the table scrolls in its own frame
                    // (reachable by keyboard), never the whole page.
                    <div class="table-scroll" role="region" aria-labelledby=ids::SCHEDULE_TITLE tabindex="0">
                    <table class="schedule">
                        <thead>
                            <tr>
                                <th scope="col">{move || t(Key::RotationWhen)}</th>
                                <th scope="col">{move || t(Key::RotationPairs)}</th>
                                <th scope="col">{move || t(Key::RotationNotMeeting)}</th>
                                <th scope="col" class="no-print"><span class="sr-only">{move || t(Key::RotationChange)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                schedule
                                    .with(|s| s.periods.clone())
                                    .into_iter()
                                    .map(|p| view! { <PeriodRow schedule=schedule p=p editing=editing on_save=on_save repeats=repeats /> })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                    </div>
                </Show>
                <div class="actions no-print">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || schedule.with(|s| s.roster.members.len() < 2)
                        on:click=move |_| update(&|s| s.extend(BATCH, &|_| Vec::new(), &|_| Vec::new()))
                    >
                        {move || texts::rotation_more(lang(), &BATCH.to_string())}
                    </button>
                    <Show when=move || schedule.with(|s| !s.periods.is_empty())>
                        <button
                            type="button"
                            on:click=move |_| {
                                let csv = schedule.with_untracked(to_csv);
                                files::download_as("peer-coach-rotation.csv", "text/csv;charset=utf-8", &csv);
                            }
                        >
                            {move || t(Key::RotationCsv)}
                        </button>
                        <button type="button" on:click=move |_| print_page()>{move || t(Key::RotationPrint)}</button>
                    </Show>
                </div>
                <Show when=move || schedule.with(|s| !s.periods.is_empty())>
                    <div class="calendar-export no-print">
                        <div class="field">
                            <label for=ids::CALENDAR_FOR>{move || t(Key::RotationCalendarFor)}</label>
                            <select
                                id=ids::CALENDAR_FOR
                                on:change=move |ev| calendar_for.set(event_target_value(&ev).parse().ok())
                            >
                                <option value="" selected=move || calendar_for.get_untracked().is_none()>
                                    {move || t(Key::RotationEveryone)}
                                </option>
                                {move || {
                                    schedule
                                        .with(|s| s.roster.members.clone())
                                        .into_iter()
                                        .map(|m| {
                                            let id = m.id;
                                            view! {
                                                <option
                                                    value=id.to_string()
                                                    selected=move || calendar_for.get_untracked() == Some(id)
                                                >
                                                    {m.name}
                                                </option>
                                            }
                                        })
                                        .collect_view()
                                }}
                            </select>
                        </div>
                        <button type="button" on:click=download_ical>{move || t(Key::RotationIcal)}</button>
                    </div>
                </Show>
            </section>
            <Show when=move || schedule.with(|s| !s.periods.is_empty())>
                <ScheduleShare schedule=schedule />
            </Show>
        </section>
    }
}
