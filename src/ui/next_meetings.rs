//! The home screen's "next meetings": when each pair meets next, counted
//! down, with a link to the session that set it.

use leptos::prelude::*;

use crate::app::sessions::use_sessions;
use crate::app::ticker::use_now;
use crate::domain::followup::{countdown, days_between, upcoming, Countdown, Upcoming};
use crate::domain::route::Route;
use crate::i18n::{lang, pair, t, texts, Key};
use crate::platform::clock::{local_day, today_iso};
use crate::platform::timezone::local_to_utc_ms;
use crate::ui::ids;
use crate::ui::route_link::RouteLink;

fn countdown_text(c: Countdown) -> String {
    match c {
        Countdown::Today => t(Key::MeetingToday).to_string(),
        Countdown::Tomorrow => t(Key::MeetingTomorrow).to_string(),
        Countdown::InDays(n) => texts::meeting_in_days(lang(), &n.to_string()),
        Countdown::InTime { hours: 0, minutes } => {
            texts::meeting_in_minutes(lang(), &minutes.to_string())
        }
        Countdown::InTime { hours, minutes } => {
            texts::meeting_in_hours(lang(), &hours.to_string(), &minutes.to_string())
        }
    }
}

#[component]
pub fn NextMeetings() -> impl IntoView {
    let sessions = use_sessions();
    let now = use_now();
    // The date changes at midnight: the list follows the ticking clock.
    let today = Memo::new(move |_| {
        now.get();
        today_iso()
    });
    let list = Memo::new(move |_| {
        let today = today.get();
        sessions.with_all(|all| upcoming(all, &today))
    });
    let item = move |u: Upcoming| {
        let who = pair(&u.names);
        let (date, time) = (u.date.clone(), u.time.clone());
        // Read in the language on screen, and again when it changes.
        let when = move || {
            if u.time.is_empty() {
                local_day(lang(), &u.date)
            } else {
                texts::meeting_at(lang(), &local_day(lang(), &u.date), &u.time)
            }
        };
        let left = move || {
            let at = now.get();
            let days = days_between(&today.get(), &date).unwrap_or(0);
            let until = local_to_utc_ms(&date, &time).map_or(0, |start| start - at);
            countdown_text(countdown(days, until))
        };
        let route = Route::Session(u.session.clone());
        view! {
            <li>
                <RouteLink route=route>
                    <span class="topic">{who}</span>
                    <span>{when}</span>
                    <span class="countdown-line">{left}</span>
                </RouteLink>
            </li>
        }
    };
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <section class="next-meetings" aria-labelledby=ids::NEXT_MEETINGS_TITLE>
                <h2 id=ids::NEXT_MEETINGS_TITLE>{move || t(Key::NextMeetingsTitle)}</h2>
                <ul class="session-list">
                    <For each=move || list.get() key=|u| (u.session.clone(), u.date.clone(), u.time.clone()) children=item />
                </ul>
            </section>
        </Show>
    }
}
