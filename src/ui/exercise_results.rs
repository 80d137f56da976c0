//! What an exercise captured, as label and text pairs: shown under the
//! runner, in a session's wrap-up and in both print views.

use leptos::prelude::*;

use crate::domain::exercise::{Deck, ExerciseRun};
use crate::i18n::{deck, exercise_texts, t, Key};

/// Everything a run captured, in the order the exercise asks for it:
/// the subject, answered prompts with the ideas they revealed, the story,
/// the ideas worth trying (the starred ones if any are), the notes.
pub fn result_lines(run: &ExerciseRun) -> Vec<(String, String)> {
    let id = run.exercise;
    let steps = exercise_texts().steps[id.index()];
    let mut lines: Vec<(String, String)> = Vec::new();
    let subject = run
        .picked
        .zip(id.spec().deck)
        .map(|(c, d)| deck(d)[c as usize].to_string())
        .into_iter()
        .chain((!run.subject.trim().is_empty()).then(|| run.subject.clone()))
        .collect::<Vec<_>>()
        .join(" — ");
    if !subject.is_empty() {
        lines.push((steps[0].0.to_string(), subject));
    }
    let drawn = id
        .spec()
        .deck
        .filter(|d| !matches!(d, Deck::Scenarios | Deck::StoryStarters));
    if let Some(d) = drawn {
        for p in &run.prompts {
            let (answer, idea) = (p.answer.trim(), p.idea.trim());
            if answer.is_empty() && idea.is_empty() {
                continue;
            }
            let text = if idea.is_empty() {
                answer.to_string()
            } else {
                format!("{answer} → {idea}")
            };
            lines.push((deck(d)[p.card as usize].to_string(), text));
        }
    }
    if !run.turns.is_empty() {
        lines.push((t(Key::StoryLine).to_string(), run.turns.join(" ")));
    }
    let any_starred = run.ideas.iter().any(|i| i.starred);
    let label = t(if any_starred {
        Key::IdeaStar
    } else {
        Key::IdeaText
    });
    for idea in run.chosen_ideas() {
        let text = if idea.from.is_empty() {
            idea.text.clone()
        } else {
            format!("{} ({})", idea.text, idea.from)
        };
        lines.push((label.to_string(), text));
    }
    for (i, note) in run.notes.iter().enumerate() {
        if !note.trim().is_empty() {
            lines.push((steps[i.min(steps.len() - 1)].0.to_string(), note.clone()));
        }
    }
    lines
}

/// The lines of [`result_lines`] as a description list.
#[component]
pub fn ResultList(lines: Vec<(String, String)>) -> impl IntoView {
    view! {
        <dl class="result-list">
            {lines.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}
