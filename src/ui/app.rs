//! The root: context, the ticking clock with its time-up cue, and the
//! screen for the current route.

use leptos::prelude::*;

use crate::app::journal::Journal;
use crate::app::notices::Notices;
use crate::app::router::provide_router;
use crate::app::sessions::Sessions;
use crate::app::ticker::provide_now;
use crate::domain::rotation;
use crate::domain::route::Route;
use crate::i18n::{phase_name, tf, Key};
use crate::platform::{audio, records, storage::DeviceStorage};
use crate::ui::announcer::{Announcer, LiveRegion};
use crate::ui::exercise_library::ExerciseLibrary;
use crate::ui::exercise_screen::ExerciseScreen;
use crate::ui::header::Header;
use crate::ui::history::HistoryScreen;
use crate::ui::home::{Home, NotFound};
use crate::ui::journal::JournalScreen;
use crate::ui::notice_bar::NoticeBar;
use crate::ui::open_link::OpenLink;
use crate::ui::rotation::RotationScreen;
use crate::ui::round::{RoundScreen, RoundsScreen};
use crate::ui::session_screen::{InitialFocus, SessionScreen};
use crate::ui::setup::SetupScreen;
use crate::ui::update_prompt::UpdatePrompt;

/// What the main area shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Screen {
    Home,
    Setup,
    Session(String),
    Open(String),
    Exercises,
    Exercise(String),
    History,
    Journal,
    /// The rotation, also when it opens a schedule's link (`#r1.…`): the
    /// screen reads the link from the route, so it stays while it does.
    Rotation,
    Rounds,
    Round(usize),
    NotFound,
}

#[component]
pub fn App(
    /// Where to keep data; the browser's storage when not given (tests pass
    /// memory-only storage to play a browser that refuses it).
    #[prop(optional)]
    storage: Option<DeviceStorage>,
) -> impl IntoView {
    let notices = Notices::new();
    provide_context(notices);
    let storage = storage.unwrap_or_else(DeviceStorage::open);
    provide_context(InitialFocus(StoredValue::new(records::load_focus(
        &storage,
    ))));
    let sessions = Sessions::provide(storage, notices);
    Journal::provide(sessions);
    let router = provide_router();
    let announcer = Announcer::provide();

    provide_now(move |now| {
        let (Route::Session(id) | Route::SessionExercise { id, .. }) = router.route_untracked()
        else {
            return;
        };
        if let Some(phase) = sessions.take_cue(&id, now) {
            if !sessions.is_muted_untracked() {
                audio::chime();
            }
            announcer.say(tf(Key::TimeUpAnnounce, &[("phase", phase_name(phase))]));
        }
    });

    let screen = Memo::new(move |_| match router.route() {
        Route::Home => Screen::Home,
        Route::NewSession => Screen::Setup,
        Route::Session(id) | Route::SessionExercise { id, .. } if sessions.exists(&id) => {
            Screen::Session(id)
        }
        Route::Session(_) | Route::SessionExercise { .. } => Screen::NotFound,
        Route::Open(payload) if rotation::link::is_schedule_link(&payload) => Screen::Rotation,
        Route::Open(payload) => Screen::Open(payload),
        Route::Exercises => Screen::Exercises,
        Route::History => Screen::History,
        Route::Journal => Screen::Journal,
        Route::Rotation => Screen::Rotation,
        Route::Rounds => Screen::Rounds,
        Route::Round(n) => Screen::Round(n),
        Route::Exercise(slug) => Screen::Exercise(slug),
    });

    view! {
        <Header />
        <NoticeBar />
        <UpdatePrompt />
        <main id="main">
            {move || match screen.get() {
                Screen::Home => view! { <Home /> }.into_any(),
                Screen::Setup => view! { <SetupScreen /> }.into_any(),
                Screen::Session(id) => view! { <SessionScreen id=id /> }.into_any(),
                Screen::NotFound => view! { <NotFound /> }.into_any(),
                Screen::Open(payload) => view! { <OpenLink payload=payload /> }.into_any(),
                Screen::Exercises => view! { <ExerciseLibrary /> }.into_any(),
                Screen::History => view! { <HistoryScreen /> }.into_any(),
                Screen::Journal => view! { <JournalScreen /> }.into_any(),
                Screen::Rotation => view! { <RotationScreen /> }.into_any(),
                Screen::Rounds => view! { <RoundsScreen /> }.into_any(),
                Screen::Round(n) => view! { <RoundScreen index=n /> }.into_any(),
                Screen::Exercise(slug) => view! { <ExerciseScreen slug=slug /> }.into_any(),
            }}
        </main>
        <LiveRegion />
    }
}
