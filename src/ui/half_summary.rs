//! The summary of one half: goal, chosen options, action plan, confidence,
//! and what its exercises captured. Also what the print view shows.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::session::{ActionItem, Owner};
use crate::i18n::{exercise_name, lang, person, t, texts, Key};
use crate::ui::exercise_results::{result_lines, ResultList};

/// One action as a line of the plan.
fn action_line(a: &ActionItem, names: &[String]) -> (String, String) {
    let owner = match &a.owner {
        Owner::Person(p) => person(names, *p),
        Owner::Other(name) if !name.trim().is_empty() => name.trim().to_string(),
        Owner::Other(_) => t(Key::OwnerOther).to_string(),
    };
    let mut details = vec![texts::summary_owner(lang(), &owner)];
    if !a.due.is_empty() {
        details.push(texts::summary_due(lang(), &crate::i18n::day(&a.due)));
    }
    if !a.first_step.trim().is_empty() {
        details.push(texts::summary_first_step(lang(), a.first_step.trim()));
    }
    (a.what.trim().to_string(), details.join(" · "))
}

#[component]
pub fn HalfSummary(turn: usize) -> impl IntoView {
    let current = use_current();
    let data = Memo::new(move |_| {
        current.read(|s| {
            s.turn(turn).map(|h| {
                let names = s.names.clone();
                let chosen: Vec<String> = h.chosen_options().map(|o| o.text.clone()).collect();
                let actions: Vec<(String, String)> = h
                    .actions
                    .iter()
                    .filter(|a| !a.what.trim().is_empty())
                    .map(|a| action_line(a, &names))
                    .collect();
                (
                    person(&names, h.client),
                    person(&names, s.roles(turn).0),
                    if s.format.is_group() {
                        texts::group_summary_title
                    } else {
                        texts::half_summary_title
                    },
                    h.goal.clone(),
                    chosen,
                    actions,
                    h.confidence,
                    h.raise_note.clone(),
                )
            })
        })
    });

    // What the exercises of this half captured (ones with nothing in them
    // are left out).
    let exercises = Memo::new(move |_| {
        current.turn(turn, |h| {
            h.exercises
                .iter()
                .map(|run| (run.exercise, result_lines(run)))
                .filter(|(_, lines)| !lines.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let exercise_list = move || {
        let runs = exercises.get();
        (!runs.is_empty()).then(|| {
            view! {
                <h3>{move || t(Key::SummaryExercises)}</h3>
                {runs
                    .into_iter()
                    .map(|(id, lines)| {
                        view! {
                            <section class="exercise-result" aria-label=move || exercise_name(id)>
                                <h4>{move || exercise_name(id)}</h4>
                                <ResultList lines=lines />
                            </section>
                        }
                    })
                    .collect_view()}
            }
        })
    };

    move || {
        data.get().map(|(client, coach, title, goal, chosen, actions, confidence, raise)| {
            let heading_id = format!("summary-{turn}");
            let labelled_by = heading_id.clone();
            let or_dash = |s: String| if s.trim().is_empty() { "—".to_string() } else { s };
            view! {
                <section class="half-summary" aria-labelledby=labelled_by>
                    <h2 id=heading_id>
                        {title(lang(), &client, &coach)}
                    </h2>
                    <dl>
                        <dt>{move || t(Key::SummaryGoal)}</dt>
                        <dd>{or_dash(goal.topic)}</dd>
                        <dt>{move || t(Key::SummaryOutcome)}</dt>
                        <dd>{or_dash(goal.outcome)}</dd>
                        <dt>{move || t(Key::SummaryChosen)}</dt>
                        <dd>
                            {if chosen.is_empty() {
                                view! { <span class="muted">{move || t(Key::SummaryNoChosen)}</span> }.into_any()
                            } else {
                                view! {
                                    <ul>{chosen.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                                }
                                    .into_any()
                            }}
                        </dd>
                        <dt>{move || t(Key::SummaryConfidence)}</dt>
                        <dd>
                            {match confidence {
                                Some(c) => format!("{c} / 10"),
                                None => t(Key::SummaryNotSet).to_string(),
                            }}
                            {(!raise.trim().is_empty()).then(|| view! { <span class="raise">" — " {raise}</span> })}
                        </dd>
                    </dl>
                    <h3>{move || t(Key::SummaryPlan)}</h3>
                    {if actions.is_empty() {
                        view! { <p class="muted">{move || t(Key::SummaryNoPlan)}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="plan">
                                {actions
                                    .into_iter()
                                    .map(|(what, details)| {
                                        view! {
                                            <li>
                                                <span class="what">{what}</span>
                                                <span class="details">{details}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                            .into_any()
                    }}
                    {exercise_list}
                </section>
            }
        })
    }
}
