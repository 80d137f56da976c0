//! Every screen but home, in four groups that are used together: in the
//! release build (the `split` feature) each group is a split point, so its
//! code and data are files of their own that the browser fetches the first
//! time one of its screens is shown. The service worker fetches them all
//! into its cache once the page has loaded, so later they come from the
//! device, also offline. Home, the header and what they use stay in the
//! first file, the only one a first visit must download before the app
//! runs. (Instantiating every group at once when the browser is idle was
//! tried: it blocked the main thread for about 60 ms right after the first
//! screen, for a screen the person may never open.)
//!
//! Without the feature (tests, `cargo check`) the same functions draw the
//! screen at once. Each function is given only the screens of its group
//! (see `ui::app`); the last arm of each is the group's remaining screen.

use leptos::prelude::*;

use crate::ui::app::Screen;

use crate::ui::exercise_library::ExerciseLibrary;
use crate::ui::exercise_screen::ExerciseScreen;
use crate::ui::history::HistoryScreen;
use crate::ui::home::NotFound;
use crate::ui::journal::JournalScreen;
use crate::ui::live_join::JoinScreen;
use crate::ui::open_link::{OpenLink, UnreadableAddress};
use crate::ui::rotation::RotationScreen;
use crate::ui::round::RoundsScreen;
use crate::ui::round_screen::RoundScreen;
use crate::ui::session_screen::SessionScreen;
use crate::ui::setup::SetupScreen;
use crate::ui::trainers::TrainersScreen;

/// A screen's part of the app could not be fetched (the network failed
/// before the service worker had it). The screen says so and offers to try
/// again; nothing else is lost.
#[derive(Debug)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// Draws a screen of the group `$group` (a function of this module) for
/// `$screen`: at once, or once its part is loaded, saying so where that
/// takes a moment (a slow network, before the service worker has it), and
/// offering to try again where it fails.
#[cfg(feature = "split")]
macro_rules! show {
    ($group:path, $screen:expr) => {{
        let screen = $screen;
        let attempt = RwSignal::new(0_u32);
        view! {
            <Suspense fallback=screens::loading>
                {move || {
                    attempt.track();
                    let screen = screen.clone();
                    Suspend::new(async move {
                        if !crate::ui::catalogues::ready_for_screens().await {
                            return screens::unloaded(attempt);
                        }
                        let drawn = $group(screen).await;
                        // Drawn after "Try again": the button that had the
                        // focus is gone, so the new screen's title takes it.
                        if drawn.is_ok() && attempt.get_untracked() > 0 {
                            crate::ui::focus::focus_title_when_drawn();
                        }
                        drawn.unwrap_or_else(|_| screens::unloaded(attempt))
                    })
                }}
            </Suspense>
        }
        .into_any()
    }};
}
#[cfg(not(feature = "split"))]
macro_rules! show {
    ($group:path, $screen:expr) => {
        $group($screen).unwrap_or_else(|_| screens::unloaded(RwSignal::new(0)))
    };
}
pub(crate) use show;

/// What the main area says while a screen's part is fetched.
#[cfg(feature = "split")]
pub fn loading() -> impl IntoView {
    use crate::i18n::{t, Key};
    view! { <p class="muted loading" role="status">{move || t(Key::ScreenLoading)}</p> }
}

/// What the main area says where a screen's part could not be fetched:
/// "try again" fetches it again (a failed fetch is not remembered). Its
/// title takes the focus, as a screen's does, so the keyboard and a screen
/// reader start there.
pub fn unloaded(attempt: RwSignal<u32>) -> AnyView {
    use crate::i18n::{t, Key};
    use crate::ui::{focus::focus_later, ids};
    focus_later(ids::SCREEN_TITLE);
    view! {
        <section class="notice unloaded loading" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::ScreenUnloadedTitle)}</h1>
            <p>{move || t(Key::ScreenUnloaded)}</p>
            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {move || t(Key::ScreenTryAgain)}
            </button>
        </section>
    }
    .into_any()
}

/// A coaching session, from setting it up to its end, the links that
/// bring one, and the invitations to work on one together.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        screens_flow,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
pub fn flow(screen: Screen) -> Result<AnyView, Unloaded> {
    Ok(match screen {
        Screen::Setup => view! { <SetupScreen /> }.into_any(),
        Screen::Session(id) => view! { <SessionScreen id=id /> }.into_any(),
        Screen::NotFound(id) => view! { <NotFound id=id /> }.into_any(),
        Screen::Open(payload) => view! { <OpenLink payload=payload /> }.into_any(),
        Screen::Join(payload) => view! { <JoinScreen payload=payload /> }.into_any(),
        _ => view! { <UnreadableAddress /> }.into_any(),
    })
}

/// The exercises, alone or as rounds.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        screens_practice,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
pub fn practice(screen: Screen) -> Result<AnyView, Unloaded> {
    Ok(match screen {
        Screen::Exercise(slug) => view! { <ExerciseScreen slug=slug /> }.into_any(),
        Screen::Rounds => view! { <RoundsScreen /> }.into_any(),
        Screen::Round(index) => view! { <RoundScreen index=index /> }.into_any(),
        _ => view! { <ExerciseLibrary /> }.into_any(),
    })
}

/// What was written before: past sessions and the journal.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        screens_records,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
pub fn records(screen: Screen) -> Result<AnyView, Unloaded> {
    Ok(match screen {
        Screen::Journal => view! { <JournalScreen /> }.into_any(),
        _ => view! { <HistoryScreen /> }.into_any(),
    })
}

/// For a team and its trainers: the rotation of pairs and the trainers' page.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        screens_team,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
pub fn team(screen: Screen) -> Result<AnyView, Unloaded> {
    Ok(match screen {
        Screen::Trainers => view! { <TrainersScreen /> }.into_any(),
        _ => view! { <RotationScreen /> }.into_any(),
    })
}
