//! A session: the step indicator and the screen of the current step. Keeps
//! keyboard focus where a person expects it: on the new screen's heading
//! after a step change, and back in the field they were in after a reload.
//! Working together live, a move by the other person waits while this
//! person types, so their field stays under their keys.

use leptos::prelude::*;

use crate::app::live_sync::{said, Said};
use crate::app::router::use_router;
use crate::app::sessions::{use_sessions, Current};
use crate::domain::exercise::ExerciseId;
use crate::domain::flow::Step;
use crate::domain::live::follow::Follow;
use crate::domain::live::news::News;
use crate::domain::route::Route;
use crate::i18n::{t, Key};
use crate::platform::records;
use crate::ui::agreement::AgreementScreen;
use crate::ui::airtime::AirtimePanel;
use crate::ui::exercise_screen::SessionExercise;
use crate::ui::focus::{focus_later, focus_now, reveal_current_step};
use crate::ui::ids;
use crate::ui::live_panel::LivePanel;
use crate::ui::live_presence::{LivePresence, PresenceAnnouncer};
use crate::ui::phase_screen::PhaseScreen;
use crate::ui::session_clock::SessionClock;
use crate::ui::share_panel::SharePanel;
use crate::ui::step_nav::StepNav;
use crate::ui::swap::SwapScreen;
use crate::ui::turn::TurnScreen;
use crate::ui::wrap_up::WrapUpScreen;

/// The field that had focus when the page was last closed, restored once.
#[derive(Clone, Copy)]
pub struct InitialFocus(pub StoredValue<Option<(String, String)>>);

#[component]
pub fn SessionScreen(id: String) -> impl IntoView {
    let sessions = use_sessions();
    sessions.remember_current(&id);
    let current = Current::provide(sessions, id);
    let session_step =
        Memo::new(move |_| current.read(|s| Some(s.step)).unwrap_or(Step::Agreement));
    // The step on screen: the session's, except that a move by the other
    // person (working together live) while this person is typing waits
    // until they pause, so the field they type in does not vanish under
    // their keys. Only this effect (and its release) sets it.
    let typed_at = StoredValue::new(i64::MIN);
    let follow = RwSignal::new(Follow::new(session_step.get_untracked()));
    Effect::new(move |seen: Option<Option<u32>>| {
        let now = session_step.get();
        let news = said().get_untracked();
        let heard = news.map(|(n, _)| n);
        let by_other = seen.is_some_and(|seen| seen != heard)
            && matches!(news, Some((_, Said::News(News::Moved(to)))) if to == now);
        let typing = typing(typed_at);
        let mut next = follow.get_untracked();
        if next.session_moved(now, by_other, typing) {
            release_when_typing_pauses(session_step, follow, typed_at);
        }
        follow.maybe_update(|f| std::mem::replace(f, next) != next);
        heard
    });
    let step = Memo::new(move |_| follow.with(Follow::shown));
    let held = Memo::new(move |_| follow.with(Follow::is_held));
    // An exercise of one of the halves, when the address names one.
    let router = use_router();
    let turns = current.read_untracked(|s| s.turns.len());
    let exercise = Memo::new(move |_| match router.route() {
        Route::SessionExercise { turn, slug, .. } if turn < turns => {
            ExerciseId::from_slug(&slug).map(|id| (turn, id))
        }
        _ => None,
    });
    // Into an exercise and back out: focus goes to the new screen's heading.
    Effect::new(move |prev: Option<Option<(usize, ExerciseId)>>| {
        let now = exercise.get();
        if prev.is_some_and(|p| p != now) {
            focus_later(ids::SCREEN_TITLE);
        }
        now
    });

    let initial = expect_context::<InitialFocus>();
    Effect::new(move |prev: Option<Step>| {
        let now = step.get();
        request_animation_frame(reveal_current_step);
        match prev {
            None => {
                let restore = initial.0.get_value().filter(|(s, _)| *s == current.id());
                initial.0.set_value(None);
                if let Some((_, field)) = restore {
                    request_animation_frame(move || {
                        focus_now(&field);
                    });
                }
            }
            Some(before) if before != now => focus_later(ids::SCREEN_TITLE),
            _ => {}
        }
        now
    });

    // Remember the field in use, so a reload can bring the pair back to it.
    let track_focus = move |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        if let Some(field) = field {
            records::save_focus(&sessions.storage(), &current.id(), &field);
        }
    };

    // The airtime of a coaching turn is counted per turn, and nobody away
    // goes on speaking (this device's tracking, if any).
    let turn = Memo::new(move |_| {
        current.read(|s| {
            let client = s
                .step
                .phase()
                .and_then(|(h, _)| s.turn(h))
                .map(|h| usize::from(h.client));
            let present: Vec<usize> = (0..s.people()).filter(|&w| s.is_present(w as u8)).collect();
            Some((client, present))
        })
    });
    Effect::new(move |_| {
        let Some((client, present)) = turn.get() else {
            return;
        };
        let at = crate::platform::clock::now_ms();
        let changed = untrack(|| {
            current.airtime(|a| {
                let mut after = a.clone();
                after.set_turn(client, at);
                after.keep_present(&present, at);
                (after != *a).then_some(after)
            })
        });
        if let Some(after) = changed {
            current.update_airtime(|a| *a = after);
        }
    });

    let sharing = RwSignal::new(false);
    // A trainer may hide sharing (`?share=off`).
    let show_sharing = crate::ui::app::use_presets().shows_sharing();
    let tracking = RwSignal::new(false);
    let together = RwSignal::new(false);
    // The presence line shows on the session the connection is about.
    let live = crate::app::live::use_live();
    let live_session = live.session_id();
    let this_id = current.id();
    // Read with `try_get`: a live change (a new invitation opened in this
    // tab) can run these once more while this screen is being left, after
    // its signals are gone, and a read of one that is gone would stop the
    // app.
    let live_here = move || live_session.try_get().flatten().as_deref() == Some(this_id.as_str());

    view! {
        <div
            class="session"
            on:focusin=track_focus
            on:input=move |_| {
                typed_at.try_set_value(crate::platform::clock::now_ms());
            }
            // Out of the field (a Tab, a click on Next phase), the screen
            // follows at once: a press there acts on the session's step,
            // which must be the one on screen. (Read with `try_`: the
            // focus also leaves a field as this screen is taken away.)
            on:focusout=move |_| {
                if let Some(now) = session_step.try_get_untracked() {
                    follow.maybe_update(|f| checked(f, now, false));
                }
            }
        >
            <div class="session-bar">
                <StepNav />
                <Show when=move || show_sharing>
                <button
                    type="button"
                    id=ids::SHARE_TOGGLE
                    class="share-toggle"
                    aria-expanded=move || if sharing.get() { "true" } else { "false" }
                    aria-controls=ids::SHARE_PANEL
                    on:click=move |_| {
                        let opening = !sharing.get_untracked();
                        sharing.set(opening);
                        if opening {
                            focus_later(ids::SHARE_TITLE);
                        }
                    }
                >
                    {move || t(Key::Share)}
                </button>
                </Show>
                <Show when=move || show_sharing>
                <button
                    type="button"
                    id=ids::LIVE_TOGGLE
                    class="share-toggle"
                    aria-expanded=move || if together.get() { "true" } else { "false" }
                    aria-controls=ids::LIVE_PANEL
                    on:click=move |_| {
                        let opening = !together.get_untracked();
                        together.set(opening);
                        if opening {
                            focus_later(ids::LIVE_TITLE);
                        }
                    }
                >
                    {move || t(Key::LiveToggle)}
                </button>
                </Show>
                <button
                    type="button"
                    id=ids::AIRTIME_TOGGLE
                    class="share-toggle"
                    aria-expanded=move || if tracking.get() { "true" } else { "false" }
                    aria-controls=ids::AIRTIME_PANEL
                    on:click=move |_| tracking.update(|t| *t = !*t)
                >
                    {move || t(Key::AirtimeToggle)}
                </button>
            </div>
            <Show when=move || tracking.get()>
                <AirtimePanel />
            </Show>
            <Show when=move || sharing.get()>
                <SharePanel open=sharing />
            </Show>
            <PresenceAnnouncer />
            <Show when=move || together.get()>
                <LivePanel open=together />
            </Show>
            <Show when={
                let live_here = live_here.clone();
                move || !together.try_get().unwrap_or(true) && live_here()
            }>
                <LivePresence />
            </Show>
            <Show when=move || held.get()>
                <p class="live-note">{move || t(Key::LiveFollowWhenPaused)}</p>
            </Show>
            // On a phase, the session clock is in the time-box.
            <Show when=move || exercise.get().is_some() || step.get().phase().is_none()>
                <SessionClock />
            </Show>
            {move || match (exercise.get(), step.get()) {
                (Some((turn, id)), _) => view! { <SessionExercise turn=turn id=id /> }.into_any(),
                (None, Step::Agreement) => view! { <AgreementScreen /> }.into_any(),
                (None, Step::Phase { turn, phase }) => view! { <PhaseScreen turn=turn phase=phase /> }.into_any(),
                (None, Step::Swap) => view! { <SwapScreen /> }.into_any(),
                (None, Step::Turn { turn }) => view! { <TurnScreen turn=turn /> }.into_any(),
                (None, Step::WrapUp) => view! { <WrapUpScreen /> }.into_any(),
            }}
        </div>
    }
}

/// How long a pause in typing lets the other person's move through.
const TYPING_PAUSE_MS: i64 = 1500;

/// Is this person typing: a key in a field of the session just now, and
/// the focus still in a text field?
fn typing(typed_at: StoredValue<i64>) -> bool {
    let recent =
        crate::platform::clock::now_ms().saturating_sub(typed_at.get_value()) < TYPING_PAUSE_MS;
    let in_field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA"));
    recent && in_field
}

/// `Follow::check`, saying whether it changed anything (so that leaving
/// a field that held nothing wakes no view).
fn checked(follow: &mut Follow<Step>, now: Step, typing: bool) -> bool {
    let before = *follow;
    follow.check(now, typing);
    *follow != before
}

/// Look again while the screen is held, until this person's typing
/// pauses (unless the screen is gone by then).
fn release_when_typing_pauses(
    session_step: Memo<Step>,
    follow: RwSignal<Follow<Step>>,
    typed_at: StoredValue<i64>,
) {
    set_timeout(
        move || {
            let Some(now) = session_step.try_get_untracked() else {
                return;
            };
            let typing = typing(typed_at);
            follow.maybe_update(|f| checked(f, now, typing));
            if follow.with_untracked(Follow::is_held) {
                release_when_typing_pauses(session_step, follow, typed_at);
            }
        },
        std::time::Duration::from_millis(TYPING_PAUSE_MS as u64 / 3),
    );
}
