//! The FeedForward rounds: a new round (who takes part, how long each
//! person's ideas take) and the rounds kept on this device (one round step
//! by step is `round_screen`). Kept on this device only.

use leptos::prelude::*;

use crate::app::notices::Notice;
use crate::app::router::use_router;
use crate::app::sessions::{use_sessions, Sessions};
use crate::domain::exercise::round::{
    FeedForwardRound, DEFAULT_GIVE_MINUTES, MAX_GIVE_MINUTES, MIN_ROUND,
};
use crate::domain::flow::MAX_GROUP;
use crate::domain::route::Route;
use crate::domain::store::{self, Record};
use crate::i18n::{lang, list, person, t, texts, Key};
use crate::platform::clock::{local_date, now_ms};
use crate::platform::records;
use crate::ui::focus::{focus_later, single_click};
use crate::ui::ids;
use crate::ui::route_link::RouteLink;

/// The rounds on the device and whether they may be written.
pub(crate) fn load(sessions: &Sessions) -> (Vec<FeedForwardRound>, bool) {
    records::load_rounds(&sessions.storage())
}

fn save(sessions: &Sessions, rounds: &[FeedForwardRound]) {
    sessions.keep(store::ROUNDS_KEY, &rounds.to_vec().encode());
}

/// Keep round `index` as it is now, into the list as stored now (another
/// tab may have added a round meanwhile).
pub(crate) fn save_one(sessions: &Sessions, index: usize, round: &FeedForwardRound) {
    let (mut rounds, writable) = load(sessions);
    if !writable {
        sessions.notices().raise(Notice::Newer);
        return;
    }
    if let Some(slot) = rounds.get_mut(index) {
        *slot = round.clone();
        save(sessions, &rounds);
    }
}

/// Add a round for these people and open it (from a group's wrap-up).
pub fn start_round(sessions: &Sessions, people: &[String]) -> Option<Route> {
    start_round_with(sessions, people, DEFAULT_GIVE_MINUTES)
}

/// A new round and the rounds kept on this device.
#[component]
pub fn RoundsScreen() -> impl IntoView {
    let sessions = use_sessions();
    let router = use_router();
    let (rounds, _) = load(&sessions);
    let names = RwSignal::new(vec![String::new(); 4]);
    let minutes = RwSignal::new(DEFAULT_GIVE_MINUTES);
    let count = Memo::new(move |_| names.with(Vec::len));
    let full = move || count.get() >= MAX_GROUP;
    let fewest = move || count.get() <= MIN_ROUND;

    let row = move |i: usize| {
        let id = ids::round_person(i);
        let shown = move || names.with(|n| person(n, i as u8));
        view! {
            <li class="member">
                <span class="turn-number" aria-hidden="true">{i + 1}</span>
                <div class="field">
                    <label for=id.clone()>{move || person(&[], i as u8)}</label>
                    <input
                        type="text"
                        id=id.clone()
                        autocomplete="off"
                        prop:value=move || names.with(|n| n.get(i).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            names.update(|n| {
                                if let Some(slot) = n.get_mut(i) {
                                    *slot = v;
                                }
                            });
                        }
                    />
                </div>
                <div class="member-tools">
                    <button
                        type="button"
                        class="ghost small"
                        disabled=fewest
                        aria-label=move || texts::group_remove(lang(), &shown())
                        on:click=single_click(move || {
                            names.update(|n| {
                                n.remove(i);
                            });
                            focus_later(ids::round_person(i.min(count.get_untracked() - 1)));
                        })
                    >
                        "✕"
                    </button>
                </div>
            </li>
        }
    };

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(route) =
            start_round_with(&sessions, &names.get_untracked(), minutes.get_untracked())
        {
            router.go(route);
            focus_later(ids::STEP_TITLE);
        }
    };

    let earlier: Vec<(usize, Vec<String>, i64)> = rounds
        .iter()
        .enumerate()
        .rev()
        .map(|(i, r)| {
            let who: Vec<String> = (0..r.people.len())
                .map(|p| person(&r.people, p as u8))
                .collect();
            (i, who, r.created_ms)
        })
        .collect();

    view! {
        <section class="rounds" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::RoundTitle)}</h1>
            <p class="lead">{move || t(Key::RoundIntro)}</p>
            <form on:submit=start aria-labelledby=ids::ROUND_NEW_TITLE>
                <h2 id=ids::ROUND_NEW_TITLE>{move || t(Key::RoundNew)}</h2>
                <fieldset class="group-people">
                    <legend>{move || t(Key::RoundPeople)}</legend>
                    <ol class="members">{move || (0..count.get()).map(row).collect_view()}</ol>
                    <button
                        type="button"
                        disabled=full
                        on:click=move |_| {
                            names.update(|n| n.push(String::new()));
                            focus_later(ids::round_person(count.get_untracked() - 1));
                        }
                    >
                        {move || t(Key::GroupAdd)}
                    </button>
                </fieldset>
                <div class="field">
                    <label for=ids::ROUND_MINUTES>{move || t(Key::RoundMinutes)}</label>
                    <select
                        id=ids::ROUND_MINUTES
                        on:change=move |ev| {
                            minutes.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_GIVE_MINUTES));
                        }
                    >
                        {(1..=MAX_GIVE_MINUTES)
                            .map(|m| {
                                view! {
                                    <option value=m.to_string() selected=m == DEFAULT_GIVE_MINUTES>
                                        {move || texts::round_minutes_value(lang(), &m.to_string())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="primary big">{move || t(Key::RoundStart)}</button>
                </div>
            </form>
            <section aria-labelledby=ids::ROUND_EARLIER_TITLE>
                <h2 id=ids::ROUND_EARLIER_TITLE>{move || t(Key::RoundEarlier)}</h2>
                {if earlier.is_empty() {
                    view! { <p class="muted">{move || t(Key::RoundNone)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="round-list">
                            {earlier
                                .into_iter()
                                .map(|(i, who, created)| view! {
                                    <li><RouteLink route=Route::Round(i)>{move || {
                                        texts::round_item(lang(), &local_date(lang(), created), &list(&who))
                                    }}</RouteLink></li>
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
        </section>
    }
}

fn start_round_with(sessions: &Sessions, people: &[String], minutes: u8) -> Option<Route> {
    let (mut rounds, writable) = load(sessions);
    if !writable {
        // A newer version keeps the rounds here: never written over.
        sessions.notices().raise(Notice::Newer);
        return None;
    }
    rounds.push(FeedForwardRound::new(people, minutes, now_ms()));
    save(sessions, &rounds);
    Some(Route::Round(rounds.len() - 1))
}
