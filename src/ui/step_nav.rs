//! The step indicator: every step of the session, any of them one press
//! away. The flow never traps the pair.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::sessions::use_current;
use crate::domain::flow::{Format, Phase, Step};
use crate::domain::route::Route;
use crate::i18n::{lang, person, phase_name, t, texts, Key};
use crate::platform::clock::now_ms;

/// The label of a step in the indicator.
pub(crate) fn step_label(step: Step, names: &[String], client: u8) -> String {
    match step {
        Step::Turn { .. } => texts::step_turn(lang(), &person(names, client)),
        Step::Agreement => t(Key::StepAgreement).to_string(),
        Step::Phase { phase, .. } => phase_name(phase).to_string(),
        Step::Swap => t(Key::StepSwap).to_string(),
        Step::WrapUp => t(Key::StepWrapUp).to_string(),
    }
}

#[component]
pub fn StepNav() -> impl IntoView {
    let current = use_current();
    let router = use_router();
    let format = current.read_untracked(|s| s.format);
    let on_step = move || current.read(|s| Some(s.step));

    // "Jonas coaches Amara": whose half a phase belongs to; in a group,
    // "Turn 2: Jonas is the client".
    // Tracked: a turn's number changes when someone is marked away.
    let half_heading = move |turn: usize| {
        current.read(|s| {
            let (coach, client) = s.roles(turn);
            if s.format.is_group() {
                let client = person(&s.names, client);
                return match s.turn_number(turn) {
                    Some((n, _)) => texts::turn_caption(lang(), &n.to_string(), &client),
                    None => texts::turn_title_skipped(lang(), &client),
                };
            }
            texts::half_heading(lang(), &person(&s.names, coach), &person(&s.names, client))
        })
    };

    let item = move |step: Step| {
        let is_current = move || on_step() == Some(step);
        // Screen readers hear whose half a phase belongs to.
        let context = step
            .phase()
            .filter(|_| format != Format::OneWay)
            .map(|(turn, _)| move || format!("{}: ", half_heading(turn)));
        // A visible caption before each half's first phase.
        let caption = match step {
            Step::Phase {
                turn,
                phase: Phase::Goal,
            } if format == Format::Reciprocal => Some(view! {
                <li class="half-label" aria-hidden="true">{move || half_heading(turn)}</li>
            }),
            _ => None,
        };
        let label = move || {
            current.read_untracked(|s| {
                let client = step.turn().and_then(|h| s.turn(h)).map_or(0, |h| h.client);
                step_label(step, &s.names, client)
            })
        };
        let skipped = move || current.read(|s| s.step_skipped(step));
        view! {
            {caption}
            <li
                class:current=is_current
                class:skipped=skipped
                class=if step.phase().is_some() { "phase-step" } else { "" }
            >
                <button
                    type="button"
                    disabled=move || skipped() && step.phase().is_some()
                    aria-current=move || if is_current() { Some("step") } else { None }
                    on:click=move |_| {
                        let at = now_ms();
                        current.update(|s| s.go_to(step, at));
                        // From an exercise in the session, back to the steps.
                        if matches!(router.route_untracked(), Route::SessionExercise { .. }) {
                            router.go(Route::Session(current.id()));
                        }
                    }
                >
                    {context.map(|c| view! { <span class="sr-only">{c}</span> })}
                    {label}
                </button>
            </li>
        }
    };

    view! {
        <nav class="steps" aria-label=move || t(Key::StepsLabel) on:focusin=keep_clear_of_fade>
            <ol>{Step::all(format).into_iter().map(item).collect_view()}</ol>
        </nav>
    }
}

/// How far from the edge a step reached by Tab stops: past the bar's fade
/// on a side that scrolls (2rem in the stylesheet, at the default text
/// size) and its focus ring (3px, 2px off).
const FADE_PX: i32 = 32 + 8;

/// A step reached by Tab scrolls into view clear of the bar's fade: the
/// browser's own scroll stops at the very edge, where the fade hides it.
fn keep_clear_of_fade(ev: leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    let bar = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    let step = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(bar), Some(step)) = (bar, step) else {
        return;
    };
    let shown = bar.scroll_left()..bar.scroll_left() + bar.client_width();
    let left = step.offset_left() - FADE_PX;
    let right = step.offset_left() + step.offset_width() + FADE_PX;
    if left < shown.start {
        bar.set_scroll_left(left.max(0));
    } else if right > shown.end {
        bar.set_scroll_left(right - bar.client_width());
    }
}
