//! The exercises a GROW phase suggests (and any other already started in
//! the half), and the rest behind a disclosure: starting one attaches its
//! run to the half; one already started is continued.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::exercise::{suggested_for, ExerciseId};
use crate::domain::flow::Phase;
use crate::domain::route::Route;
use crate::domain::timer::longer_than_left;
use crate::i18n::{exercise_name, exercise_texts, lang, t, texts, Key};
use crate::ui::ids;

#[component]
pub fn ExerciseSuggestions(turn: usize, phase: Phase) -> impl IntoView {
    let current = use_current();
    let router = use_router();
    let now = use_now();
    // On show: the suggested ones, then any other started in this half;
    // behind the disclosure: the rest.
    let lists = Memo::new(move |_| {
        let suggested = suggested_for(phase);
        let started = current.turn(turn, |h| {
            ExerciseId::ALL
                .into_iter()
                .filter(|&id| h.exercise(id).is_some())
                .collect::<Vec<_>>()
        });
        let mut shown = suggested.to_vec();
        shown.extend(started.into_iter().filter(|id| !suggested.contains(id)));
        let rest: Vec<ExerciseId> = ExerciseId::ALL
            .into_iter()
            .filter(|id| !shown.contains(id))
            .collect();
        (shown, rest)
    });

    let item = move |id: ExerciseId| {
        let started = move || current.turn(turn, |h| h.exercise(id).is_some());
        let action = move || {
            t(if started() {
                Key::ExerciseContinue
            } else {
                Key::ExerciseStart
            })
        };
        let purpose_id = format!("purpose-{}-{}", phase.index(), id.slug());
        let minutes = move || texts::exercise_minutes(lang(), &id.spec().minutes().to_string());
        // Longer than the time left in this phase: said, not hidden.
        let longer = Memo::new(move |_| {
            let at = now.get();
            current.turn(turn, |h| {
                longer_than_left(id.spec().minutes(), h.clock(phase).remaining(at))
            })
        });
        let route = Route::SessionExercise {
            id: current.id(),
            turn,
            slug: id.slug().to_string(),
        };
        view! {
            <li class:started=started>
                <h3>{move || exercise_name(id)}</h3>
                <p id=purpose_id.clone() class="muted small">
                    {move || exercise_texts().purposes[id.index()]}
                    " · "
                    {minutes}
                    {move || {
                        longer.get().map(|left| {
                            view! {
                                " · "
                                <strong class="longer">
                                    {if left > 0 {
                                        texts::exercise_longer(lang(), &left.to_string())
                                    } else {
                                        t(Key::ExerciseNoTimeLeft).to_string()
                                    }}
                                </strong>
                            }
                        })
                    }}
                </p>
                <button
                    type="button"
                    aria-describedby=purpose_id
                    on:click=move |_| router.go(route.clone())
                >
                    {action}
                    <span class="sr-only">" " {move || exercise_name(id)}</span>
                </button>
            </li>
        }
    };

    view! {
        <section class="suggestions no-print" aria-labelledby=ids::SUGGESTIONS_TITLE>
            <h2 id=ids::SUGGESTIONS_TITLE>{move || t(Key::SuggestedTitle)}</h2>
            <p class="help-line">{move || t(Key::SuggestedIntro)}</p>
            <ul class="suggestion-list">
                <For each=move || lists.get().0 key=|id| *id children=item />
            </ul>
            <Show when=move || lists.with(|(_, rest)| !rest.is_empty())>
                <details class="more-exercises">
                    <summary>{move || t(Key::MoreExercises)}</summary>
                    <ul class="suggestion-list">
                        <For each=move || lists.get().1 key=|id| *id children=item />
                    </ul>
                </details>
            </Show>
        </section>
    }
}
