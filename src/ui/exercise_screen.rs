//! An exercise: the steps with a progress indicator, a time-box per step
//! (same cue, pause and overtime as a session), the step itself, and what
//! was captured. Done on its own, reached from the library or by a direct
//! link (`#/exercise/<slug>`, which is what trainers link to), or inside a
//! session, where its run is attached to a half
//! (`#/session/<id>/turn/<n>/exercise/<slug>`).

use leptos::prelude::*;

use crate::app::exercises::{use_run, RunHandle};
use crate::app::router::use_router;
use crate::app::sessions::{use_current, use_sessions};
use crate::app::ticker::use_now;
use crate::domain::exercise::ExerciseId;
use crate::domain::route::Route;
use crate::domain::timer::{format_countdown, format_duration};
use crate::i18n::{exercise_name, exercise_texts, lang, phase_name, t, texts, Key};
use crate::platform::clock::{local_date, now_ms};
use crate::platform::{audio, print_page};
use crate::ui::announcer::use_announcer;
use crate::ui::clock_face::ClockFace;
use crate::ui::exercise_library::ExerciseLibrary;
use crate::ui::exercise_results::{result_lines, ResultList};
use crate::ui::exercise_step::ExerciseStep;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::route_link::RouteLink;

#[component]
pub fn ExerciseScreen(
    /// The exercise's slug from the address.
    slug: String,
) -> impl IntoView {
    match ExerciseId::from_slug(&slug) {
        Some(id) => {
            RunHandle::standalone(use_sessions(), id);
            view! { <ExerciseRunner /> }.into_any()
        }
        None => {
            let notice = Signal::derive(move || texts::exercise_unknown(lang(), &slug));
            view! { <ExerciseLibrary notice=notice /> }.into_any()
        }
    }
}

/// An exercise inside a session, attached to one half: started there the
/// first time, continued after that.
#[component]
pub fn SessionExercise(turn: usize, id: ExerciseId) -> impl IntoView {
    RunHandle::in_session(use_sessions(), use_current(), turn, id);
    view! { <ExerciseRunner /> }
}

#[component]
fn ExerciseRunner() -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    let run = use_run();
    let id = run.read_untracked(|r| r.exercise);
    let now = use_now();
    let announcer = use_announcer();
    // The steps' count; their texts are read in the language on screen.
    let steps = exercise_texts().steps[id.index()];
    let step_text = move |i: usize| {
        exercise_texts().steps[id.index()]
            .get(i)
            .copied()
            .unwrap_or(("", ""))
    };
    let step = Memo::new(move |_| run.read(|r| r.step));

    // The time-up cue of the step on screen.
    Effect::new(move |_| {
        let at = now.get();
        if run.read_untracked(|r| r.clock().cue_due(at)) {
            run.update(|r| {
                r.take_cue(at);
            });
            if !sessions.is_muted_untracked() {
                audio::chime();
            }
            let title = step_text(step.get_untracked().min(steps.len() - 1)).0;
            announcer.say(texts::time_up_announce(lang(), title));
        }
    });
    // After a step change, focus goes to the step's heading; reaching the
    // last step tells a course around the app (the slug only).
    Effect::new(move |prev: Option<usize>| {
        let s = step.get();
        if prev.is_some_and(|p| p != s) {
            focus_later(ids::STEP_TITLE);
            if s + 1 == steps.len() {
                crate::platform::embed::event("exercise-completed", "exercise", id.slug());
            }
        }
        s
    });

    let progress = move |(i, _): (usize, &(&'static str, &'static str))| {
        view! {
            <li class:current=move || step.get() == i>
                <button
                    type="button"
                    aria-current=move || (step.get() == i).then_some("step")
                    on:click=move |_| run.update(|r| r.go_to(i, now_ms()))
                >
                    <span class="n" aria-hidden="true">{i + 1}</span>
                    {move || step_text(i).0}
                </button>
            </li>
        }
    };

    let body = move || {
        let i = step.get();
        let kind = id.spec().steps[i].kind;
        let title = move || step_text(i).0;
        let help = move || step_text(i).1;
        view! {
            <section class="exercise-step no-print" aria-labelledby=ids::STEP_TITLE>
                <p class="eyebrow">
                    {move || texts::step_of(lang(), &(i + 1).to_string(), &steps.len().to_string())}
                </p>
                <h2 id=ids::STEP_TITLE tabindex="-1">{title}</h2>
                <p class="help-line">{help}</p>
                <ClockFace
                    label=Signal::derive(move || texts::time_for_step(lang(), title()))
                    remaining=Signal::derive(move || {
                        let at = now.get();
                        run.read(|r| r.clock().remaining(at))
                    })
                    running=Signal::derive(move || run.read(|r| r.clock().is_running()))
                    started=Signal::derive(move || run.read(|r| r.clock().has_started()))
                    on_toggle=move |_| {
                        let at = now_ms();
                        if run.read_untracked(|r| r.clock().is_running()) {
                            run.update(|r| r.pause_clock(at))
                        } else {
                            run.update(|r| r.start_clock(at))
                        }
                    }
                    on_add_minute=move |_| run.update(|r| r.add_minute(now_ms()))
                />
                <ExerciseStep step=i kind=kind />
                <div class="actions">
                    {(i > 0).then(|| view! {
                        <button type="button" on:click=move |_| run.update(|r| r.go_to(i - 1, now_ms()))>
                            {move || t(Key::PreviousStep)}
                        </button>
                    })}
                    {if i + 1 < steps.len() {
                        view! {
                            <button type="button" class="primary" on:click=move |_| run.update(|r| r.next(now_ms()))>
                                {move || t(Key::NextStep)}
                            </button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button type="button" class="primary" on:click=move |_| {
                                run.finish(now_ms());
                                focus_later(ids::FINISHED_TITLE);
                            }>
                                {move || t(Key::ExerciseFinish)}
                            </button>
                        }
                        .into_any()
                    }}
                </div>
            </section>
        }
    };
    let finished = Memo::new(move |_| run.read(|r| r.finished));
    // A finished run shows its end instead of a step: the result below,
    // and a new run to start (this one is kept among the earlier runs).
    let body = move || {
        if finished.get() {
            view! {
                <section class="exercise-step finished no-print" aria-labelledby=ids::FINISHED_TITLE>
                    <h2 id=ids::FINISHED_TITLE tabindex="-1">{move || t(Key::ExerciseFinishedTitle)}</h2>
                    <p class="help-line">{move || t(Key::ExerciseFinishedHelp)}</p>
                </section>
            }
            .into_any()
        } else {
            body().into_any()
        }
    };

    // Back to where the exercise was started from: the library, or the
    // session's step.
    // (The label is read in the language on screen.)
    let back_phase = run
        .session()
        .map(|(current, _)| current.read_untracked(|s| s.step.phase().map(|(_, p)| p)));
    let back_route = match run.session() {
        Some((current, _)) => Route::Session(current.id()),
        None => Route::Exercises,
    };
    let back_label = move || match back_phase {
        Some(Some(phase)) => texts::back_to_phase(lang(), phase_name(phase)),
        Some(None) => t(Key::BackToSession).to_string(),
        None => t(Key::AllExercises).to_string(),
    };
    // One exercise embedded in a course stays that exercise: no way out to
    // the library, as the header has no home link (the trainer chose it).
    let preset = crate::ui::app::use_presets();
    let one_exercise = preset.embed && preset.exercise.is_some() && run.session().is_none();
    let back = (!one_exercise).then(|| {
        let route = back_route.clone();
        view! { <p class="eyebrow no-print"><RouteLink route=route>{back_label}</RouteLink></p> }
    });
    let attached = run.session().map(|(current, turn)| {
        let client = current.read_untracked(|s| crate::i18n::person(&s.names, s.roles(turn).1));
        // The session's phase keeps its time-box while the pair does the
        // exercise: its time stays in sight.
        let phase_time = move || {
            let at = now.get();
            current.read(|s| {
                let phase = s.step.phase()?.1;
                let clock = s.current_clock().filter(|c| c.has_started())?;
                let left = clock.remaining(at);
                Some(if left > 0 {
                    texts::phase_time_left(lang(), phase_name(phase), &format_countdown(left))
                } else {
                    texts::phase_time_over(lang(), phase_name(phase), &format_duration(-left))
                })
            })
        };
        view! {
            <p class="muted">{move || texts::exercise_attached(lang(), &client)}</p>
            <p class="phase-time">{phase_time}</p>
        }
    });
    let remove = run.session().map(|_| {
        view! {
            <button
                type="button"
                class="ghost"
                on:click=move |_| {
                    if crate::platform::confirm(t(Key::ExerciseRemoveConfirm)) {
                        run.detach();
                        router.go(back_route.clone());
                    }
                }
            >
                {move || t(Key::ExerciseRemove)}
            </button>
        }
    });

    view! {
        <section class="exercise" aria-labelledby=ids::SCREEN_TITLE>
            {back}
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || exercise_name(id)}</h1>
            <p class="lead">{move || exercise_texts().purposes[id.index()]}</p>
            <p class="roles">{move || exercise_texts().roles[id.index()]}</p>
            {(id == ExerciseId::FeedForward).then(|| view! {
                <p class="no-print"><RouteLink route=Route::Rounds>{move || t(Key::RoundLink)}</RouteLink></p>
            })}
            {attached}
            <nav class="progress no-print" aria-label=move || t(Key::ExerciseSteps)>
                <ol>{steps.iter().enumerate().map(progress).collect_view()}</ol>
            </nav>
            {body}
            <ExerciseResults />
            <div class="actions no-print">
                <button type="button" on:click=move |_| print_page()>{move || t(Key::ExercisePrint)}</button>
                <button
                    type="button"
                    class=move || if finished.get() { "primary" } else { "ghost" }
                    on:click=move |_| {
                        run.restart(now_ms());
                        focus_later(ids::STEP_TITLE);
                    }
                >
                    {move || t(Key::ExerciseRestart)}
                </button>
                {remove}
            </div>
            <EarlierRuns />
        </section>
    }
}

/// The earlier runs of this exercise, newest first, each folded away with
/// what it captured.
#[component]
fn EarlierRuns() -> impl IntoView {
    let run = use_run();
    move || {
        let runs = run.earlier_runs();
        let total = runs.len();
        (total > 0).then(|| {
            let item = move |(at, (ended, past)): (
                usize,
                (Option<i64>, crate::domain::exercise::ExerciseRun),
            )| {
                let title = match ended.filter(|ms| *ms > 0) {
                    Some(ms) => texts::exercise_earlier_run(lang(), &local_date(lang(), ms)),
                    None => texts::exercise_earlier_run_number(lang(), &(total - at).to_string()),
                };
                let lines = result_lines(&past);
                view! {
                    <li>
                        <details>
                            <summary>{title}</summary>
                            <ResultList lines=lines />
                        </details>
                    </li>
                }
            };
            view! {
                <section class="earlier-runs no-print" aria-labelledby=ids::EARLIER_TITLE>
                    <h2 id=ids::EARLIER_TITLE>{move || t(Key::ExerciseEarlier)}</h2>
                    <ul class="plain">{runs.into_iter().enumerate().map(item).collect_view()}</ul>
                </section>
            }
        })
    }
}

/// Everything the run captured so far, for review and print.
#[component]
fn ExerciseResults() -> impl IntoView {
    let run = use_run();
    move || {
        let lines = run.read(result_lines);
        (!lines.is_empty()).then(|| {
            view! {
                <section class="results" aria-labelledby=ids::RESULTS_TITLE>
                    <h2 id=ids::RESULTS_TITLE>{move || t(Key::ExerciseResults)}</h2>
                    <ResultList lines=lines />
                </section>
            }
        })
    }
}
