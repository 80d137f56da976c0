//! An exercise done on its own: the steps with a progress indicator, a
//! time-box per step (same cue, pause and overtime as a session), the step
//! itself, and what was captured. Reached from the library or by a direct
//! link (`#/exercise/<slug>`), which is what trainers link to.

use leptos::prelude::*;

use crate::app::exercises::{use_run, RunHandle};
use crate::app::router::use_router;
use crate::app::sessions::use_sessions;
use crate::app::ticker::use_now;
use crate::domain::exercise::{Deck, ExerciseId};
use crate::domain::route::Route;
use crate::i18n::{deck, exercise_name, exercise_texts, t, tf, Key};
use crate::platform::{audio, clock::now_ms, print_page};
use crate::ui::announcer::use_announcer;
use crate::ui::clock_face::ClockFace;
use crate::ui::exercise_library::ExerciseLibrary;
use crate::ui::exercise_step::ExerciseStep;
use crate::ui::focus::focus_later;

#[component]
pub fn ExerciseScreen(
    /// The exercise's slug from the address.
    slug: String,
) -> impl IntoView {
    match ExerciseId::from_slug(&slug) {
        Some(id) => view! { <ExerciseRunner id=id /> }.into_any(),
        None => {
            let notice = tf(Key::ExerciseUnknown, &[("slug", &slug)]);
            view! { <ExerciseLibrary notice=notice /> }.into_any()
        }
    }
}

#[component]
fn ExerciseRunner(id: ExerciseId) -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    let run = RunHandle::provide(sessions, id);
    let now = use_now();
    let announcer = use_announcer();
    let texts = exercise_texts();
    let steps = texts.steps[id.index()];
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
            let title = steps[step.get_untracked().min(steps.len() - 1)].0;
            announcer.say(tf(Key::TimeUpAnnounce, &[("phase", title)]));
        }
    });
    // After a step change, focus goes to the step's heading.
    Effect::new(move |prev: Option<usize>| {
        let s = step.get();
        if prev.is_some_and(|p| p != s) {
            focus_later("step-title".to_string());
        }
        s
    });

    let progress = move |(i, (title, _)): (usize, &(&'static str, &'static str))| {
        view! {
            <li class:current=move || step.get() == i>
                <button
                    type="button"
                    aria-current=move || (step.get() == i).then_some("step")
                    on:click=move |_| run.update(|r| r.go_to(i, now_ms()))
                >
                    <span class="n" aria-hidden="true">{i + 1}</span>
                    {*title}
                </button>
            </li>
        }
    };

    let body = move || {
        let i = step.get();
        let kind = id.spec().steps[i].kind;
        let (title, help) = steps[i];
        view! {
            <section class="exercise-step no-print" aria-labelledby="step-title">
                <p class="eyebrow">
                    {tf(Key::StepOf, &[("n", &(i + 1).to_string()), ("total", &steps.len().to_string())])}
                </p>
                <h2 id="step-title" tabindex="-1">{title}</h2>
                <p class="help-line">{help}</p>
                <ClockFace
                    label=tf(Key::TimeForStep, &[("step", title)])
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
                            {t(Key::PreviousStep)}
                        </button>
                    })}
                    {(i + 1 < steps.len()).then(|| view! {
                        <button type="button" class="primary" on:click=move |_| run.update(|r| r.next(now_ms()))>
                            {t(Key::NextStep)}
                        </button>
                    })}
                </div>
            </section>
        }
    };

    view! {
        <section class="exercise" aria-labelledby="screen-title">
            <p class="eyebrow no-print">
                <a
                    href=Route::Exercises.to_hash()
                    on:click=move |ev| {
                        ev.prevent_default();
                        router.go(Route::Exercises);
                    }
                >
                    {t(Key::AllExercises)}
                </a>
            </p>
            <h1 id="screen-title" tabindex="-1">{exercise_name(id)}</h1>
            <p class="lead">{texts.purposes[id.index()]}</p>
            <nav class="progress no-print" aria-label=t(Key::ExerciseSteps)>
                <ol>{steps.iter().enumerate().map(progress).collect_view()}</ol>
            </nav>
            {body}
            <ExerciseResults />
            <div class="actions no-print">
                <button type="button" on:click=move |_| print_page()>{t(Key::ExercisePrint)}</button>
                <button
                    type="button"
                    class="ghost"
                    on:click=move |_| {
                        if crate::platform::confirm(t(Key::ExerciseRestartConfirm)) {
                            run.restart();
                        }
                    }
                >
                    {t(Key::ExerciseRestart)}
                </button>
            </div>
        </section>
    }
}

/// Everything the run captured so far, for review and print.
#[component]
fn ExerciseResults() -> impl IntoView {
    let run = use_run();
    let id = run.read_untracked(|r| r.exercise);
    let steps = exercise_texts().steps[id.index()];
    move || {
        run.read(|r| {
            let mut lines: Vec<(String, String)> = Vec::new();
            let subject = r
                .picked
                .zip(id.spec().deck)
                .map(|(c, d)| deck(d)[c as usize].to_string())
                .into_iter()
                .chain((!r.subject.trim().is_empty()).then(|| r.subject.clone()))
                .collect::<Vec<_>>()
                .join(" — ");
            if !subject.is_empty() {
                lines.push((steps[0].0.to_string(), subject));
            }
            if let Some(d) = id.spec().deck.filter(|d| *d != Deck::Scenarios && *d != Deck::StoryStarters) {
                for p in r.prompts.iter().filter(|p| !p.answer.trim().is_empty() || !p.idea.trim().is_empty()) {
                    let idea = if p.idea.trim().is_empty() { String::new() } else { format!(" → {}", p.idea) };
                    lines.push((deck(d)[p.card as usize].to_string(), format!("{}{idea}", p.answer)));
                }
            }
            if !r.turns.is_empty() {
                lines.push((t(Key::StoryLine).to_string(), r.turns.join(" ")));
            }
            let any_starred = r.ideas.iter().any(|i| i.starred);
            for idea in r.chosen_ideas() {
                let label = t(if any_starred { Key::IdeaStar } else { Key::IdeaText });
                let text = if idea.from.is_empty() { idea.text.clone() } else { format!("{} ({})", idea.text, idea.from) };
                lines.push((label.to_string(), text));
            }
            for (i, note) in r.notes.iter().enumerate() {
                if !note.trim().is_empty() {
                    lines.push((steps[i.min(steps.len() - 1)].0.to_string(), note.clone()));
                }
            }
            (!lines.is_empty()).then(|| view! {
                <section class="results" aria-labelledby="results-title">
                    <h2 id="results-title">{t(Key::ExerciseResults)}</h2>
                    <dl>
                        {lines.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                </section>
            })
        })
    }
}
