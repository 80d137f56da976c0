//! The home screen: what the app is, start or continue a session.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::sessions::{use_sessions, SessionSummary};
use crate::domain::route::Route;
use crate::domain::store::Missing;
use crate::i18n::{lang, pair, t, texts, Key};
use crate::platform::clock::local_date;
use crate::platform::records;
use crate::ui::ids;
use crate::ui::next_meetings::NextMeetings;
use crate::ui::open_box::OpenBox;
use crate::ui::route_link::RouteLink;

#[component]
pub fn Home() -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    let last = sessions.last_id();
    view! {
        <section class="home" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::AppName)}</h1>
            <p class="lead">{move || t(Key::HomeIntro)}</p>
            <p class="muted">{move || t(Key::HomePrivacy)}</p>
            <div class="actions">
                <button
                    type="button"
                    class="primary big"
                    on:click=move |_| router.go(Route::NewSession)
                >
                    {move || t(Key::StartSession)}
                </button>
                {last.map(|id| {
                    view! {
                        <button
                            type="button"
                            class="big"
                            on:click=move |_| router.go(Route::Session(id.clone()))
                        >
                            {move || t(Key::ContinueSession)}
                        </button>
                    }
                })}
                <button type="button" class="big" on:click=move |_| router.go(Route::Exercises)>
                    {move || t(Key::HomeExercises)}
                </button>
                <button type="button" class="big" on:click=move |_| router.go(Route::History)>
                    {move || t(Key::HomeHistory)}
                </button>
                <button type="button" class="big" on:click=move |_| router.go(Route::Journal)>
                    {move || t(Key::HomeJournal)}
                </button>
                <button type="button" class="big" on:click=move |_| router.go(Route::Rotation)>
                    {move || t(Key::HomeRotation)}
                </button>
                <button type="button" class="big" on:click=move |_| router.go(Route::Rounds)>
                    {move || t(Key::RoundTitle)}
                </button>
                <button type="button" class="big" on:click=move |_| router.go(Route::Trainers)>
                    {move || t(Key::HomeTrainers)}
                </button>
            </div>
            <NextMeetings />
            <SessionList />
            <OpenBox />
        </section>
    }
}

/// The latest sessions kept on this device, newest first (the history has
/// all of them).
const RECENT: usize = 5;

#[component]
fn SessionList() -> impl IntoView {
    let sessions = use_sessions();
    let overview = Memo::new(move |_| sessions.overview(RECENT));
    let more = move || sessions.count() > RECENT;
    view! {
        <Show when=move || overview.with(|o| !o.is_empty())>
            <h2>{move || t(Key::YourSessions)}</h2>
            <ul class="session-list">
                <For
                    each=move || overview.get()
                    key=|s| s.id.clone()
                    children=move |s: SessionSummary| {
                        // Read in the language on screen, and again when it changes.
                        let who = pair(&s.names);
                        let created = s.created_ms;
                        let line = move || texts::session_on(lang(), &who, &local_date(lang(), created));
                        let own = s.topic;
                        let topic = move || if own.is_empty() { t(Key::SessionUntitled).to_string() } else { own.clone() };
                        let route = Route::Session(s.id);
                        view! {
                            <li>
                                <RouteLink route=route>
                                    <span class="topic">{topic}</span>
                                    <span class="muted">{line}</span>
                                </RouteLink>
                            </li>
                        }
                    }
                />
            </ul>
            <Show when=more>
                <p>
                    <RouteLink route=Route::History>
                        {move || texts::home_all_sessions(lang(), &sessions.count().to_string())}
                    </RouteLink>
                </p>
            </Show>
        </Show>
    }
}

/// A link to a session this device does not have.
#[component]
pub fn NotFound(
    /// The session the address names.
    id: String,
) -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    // Never "not on this device" for a record the notice says was set
    // aside, or that a newer version wrote.
    let why = match records::why_missing(&sessions.storage(), &id) {
        Missing::NotHere => Key::NotFound,
        Missing::SetAside => Key::NotFoundSetAside,
        Missing::Newer => Key::NotFoundNewer,
    };
    view! {
        <section aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::AppName)}</h1>
            <p role="alert">{move || t(why)}</p>
            <button type="button" class="primary" on:click=move |_| router.go(Route::Home)>
                {move || t(Key::Home)}
            </button>
        </section>
    }
}
