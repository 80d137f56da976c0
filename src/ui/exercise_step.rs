//! The body of one exercise step, by what the step asks.

use leptos::prelude::*;

use crate::app::exercises::use_run;
use crate::domain::exercise::{Deck, ExerciseId, StepKind};
use crate::i18n::{deck, exercise_texts, lang, t, texts, Key};
use crate::platform::random_u32;
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::text::text_signal;

#[component]
pub fn ExerciseStep(step: usize, kind: StepKind) -> impl IntoView {
    let run = use_run();
    let id = run.read_untracked(|r| r.exercise);
    let spec_deck = id.spec().deck;
    let notes = move || {
        view! {
            <TextField
                id=format!("notes-{step}")
                label=text_signal(Key::ExerciseNotes)
                rows=5
                value=Signal::derive(move || run.read(|r| r.notes.get(step).cloned().unwrap_or_default()))
                on_input=move |v: String| run.update(|r| r.set_note(step, v))
            />
        }
    };
    match kind {
        StepKind::Choose => view! { <Choose id=id deck=spec_deck /> }.into_any(),
        StepKind::Prompts => view! { <Prompts id=id /> }.into_any(),
        StepKind::Turns => view! { <Turns /> }.into_any(),
        StepKind::Ideas => view! { <Ideas /> }.into_any(),
        // Choosing what to try: the ideas collected, to star, and notes.
        StepKind::Actions if id.spec().steps.iter().any(|s| s.kind == StepKind::Ideas) => view! {
            <IdeaList />
            {notes()}
        }
        .into_any(),
        StepKind::Rules => view! {
            <ul class="rules-list">
                {(0..4).map(|i| view! { <li>{move || exercise_texts().feedforward_rules[i]}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        StepKind::Debrief => view! {
            <h3>{move || t(Key::DebriefQuestions)}</h3>
            <ul class="debrief">
                {(0..deck(Deck::Debrief).len())
                    .map(|i| view! { <li>{move || deck(Deck::Debrief).get(i).copied().unwrap_or_default()}</li> })
                    .collect_view()}
            </ul>
            {notes()}
        }
        .into_any(),
        // Role play: how to play the other person, while playing.
        StepKind::Play | StepKind::PlaySwapped => view! {
            <h3>{move || t(Key::OtherPersonTips)}</h3>
            <ul class="tips">
                {(0..4).map(|i| view! { <li>{move || exercise_texts().other_person_tips[i]}</li> }).collect_view()}
            </ul>
            {notes()}
        }
        .into_any(),
        _ => notes().into_any(),
    }
}

/// The subject: picked from the deck (scenarios, story starters) or in the
/// user's own words.
#[component]
fn Choose(id: ExerciseId, deck: Option<Deck>) -> impl IntoView {
    let run = use_run();
    let pickable = deck.filter(|d| matches!(d, Deck::Scenarios | Deck::StoryStarters));
    let subject = move |label: Key| {
        view! {
            <TextField
                id=ids::SUBJECT
                label=text_signal(label)
                rows=2
                value=Signal::derive(move || run.read(|r| r.subject.clone()))
                on_input=move |v: String| run.update(|r| r.subject = v)
            />
        }
    };
    match pickable {
        Some(d) => view! {
            <fieldset class="pick">
                <legend>{move || exercise_texts().steps[id.index()][0].0}</legend>
                {(0..crate::i18n::deck(d).len())
                    .map(|i| {
                        let card = i as u8;
                        view! {
                            <RadioChoice
                                name="pick"
                                id=format!("pick-{i}")
                                label=Signal::derive(move || crate::i18n::deck(d).get(i).copied().unwrap_or_default().to_string())
                                checked=Signal::derive(move || run.read(|r| r.picked == Some(card)))
                                on_pick=move |_| run.update(|r| r.pick(card))
                            />
                        }
                    })
                    .collect_view()}
            </fieldset>
            {subject(if d == Deck::StoryStarters { Key::ExerciseOwnStarter } else { Key::ExerciseOwnScenario })}
        }
        .into_any(),
        None => subject(Key::ExerciseSubject).into_any(),
    }
}

/// Prompts drawn one at a time without repeats, each with an answer and an
/// idea. Empathy prompts come in their order (see, hear, … the real problem).
#[component]
fn Prompts(id: ExerciseId) -> impl IntoView {
    let run = use_run();
    let Some(d) = id.spec().deck else {
        return ().into_any();
    };
    let in_order = id == ExerciseId::Empathy;
    let count = Memo::new(move |_| run.read(|r| r.prompts.len()));
    let used_up = move || run.read(|r| r.prompts_used_up());
    let draw = move |_| {
        let random = if in_order { 0 } else { random_u32() };
        run.update(|r| {
            r.draw_prompt(random);
        });
        focus_later(ids::answer(count.get_untracked().saturating_sub(1)));
    };
    let item = move |at: usize| {
        let card = run.read_untracked(|r| r.prompts.get(at).map(|p| p.card as usize));
        let text = move || card.and_then(|c| deck(d).get(c).copied()).unwrap_or("");
        view! {
            <li class="prompt">
                <fieldset>
                <legend class="question">{text}</legend>
                <TextField
                    id=ids::answer(at)
                    label=text_signal(Key::PromptAnswer)
                    rows=2
                    value=Signal::derive(move || run.read(|r| r.prompts.get(at).map(|p| p.answer.clone()).unwrap_or_default()))
                    on_input=move |v: String| run.update(|r| if let Some(p) = r.prompts.get_mut(at) { p.answer = v })
                />
                <TextField
                    id=format!("idea-{at}")
                    label=text_signal(Key::PromptIdea)
                    value=Signal::derive(move || run.read(|r| r.prompts.get(at).map(|p| p.idea.clone()).unwrap_or_default()))
                    on_input=move |v: String| run.update(|r| if let Some(p) = r.prompts.get_mut(at) { p.idea = v })
                />
                </fieldset>
            </li>
        }
    };
    view! {
        <ol class="prompts">{move || (0..count.get()).rev().map(item).collect_view()}</ol>
        <div class="actions tight">
            <button type="button" class="primary" disabled=used_up on:click=draw>
                {move || t(if count.get() == 0 { Key::FirstPrompt } else { Key::AnotherPrompt })}
            </button>
        </div>
        <p class="muted small" role="status">{move || used_up().then(|| t(Key::PromptsUsedUp))}</p>
    }
    .into_any()
}

/// The story, turn by turn.
#[component]
fn Turns() -> impl IntoView {
    let run = use_run();
    let starter = move || {
        run.read(|r| {
            r.picked
                .map(|c| deck(Deck::StoryStarters)[c as usize].to_string())
                .or_else(|| (!r.subject.trim().is_empty()).then(|| r.subject.clone()))
        })
    };
    let turns = Memo::new(move |_| run.read(|r| r.turns.clone()));
    let whose = move || run.person(run.read(|r| r.whose_turn()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run.update(|r| r.add_turn());
        focus_later(ids::STORY_LINE);
    };
    view! {
        <ol class="story">
            {move || starter().map(|s| view! { <li class="starter">{s}</li> })}
            {move || {
                turns
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, line)| view! {
                        <li>
                            <span class="who">{run.person((i % 2) as u8)}": "</span>
                            {line}
                        </li>
                    })
                    .collect_view()
            }}
        </ol>
        <form class="add-row" on:submit=add>
            <p class="turn" role="status">{move || texts::story_turn(lang(), &whose())}</p>
            <label for=ids::STORY_LINE>{move || t(Key::StoryLine)}</label>
            <div class="inline">
                <input
                    type="text"
                    id=ids::STORY_LINE
                    prop:value=move || run.read(|r| r.draft_turn.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        run.update(|r| r.draft_turn = v)
                    }
                />
                <button type="submit">{move || t(Key::StoryAdd)}</button>
            </div>
        </form>
    }
}

/// Ideas from others, each can be starred as worth trying.
#[component]
fn Ideas() -> impl IntoView {
    let run = use_run();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run.update(|r| r.add_idea());
        focus_later(ids::IDEA_TEXT);
    };
    view! {
        <IdeaList beside_form=true />
        <form class="idea-form" on:submit=add>
            <TextField
                id=ids::IDEA_FROM
                label=text_signal(Key::IdeaFrom)
                value=Signal::derive(move || run.read(|r| r.draft_idea.from.clone()))
                on_input=move |v: String| run.update(|r| r.draft_idea.from = v)
            />
            <TextField
                id=ids::IDEA_TEXT
                label=text_signal(Key::IdeaText)
                rows=2
                value=Signal::derive(move || run.read(|r| r.draft_idea.text.clone()))
                on_input=move |v: String| run.update(|r| r.draft_idea.text = v)
            />
            <button type="submit">{move || t(Key::IdeaAdd)}</button>
        </form>
    }
}

/// The ideas collected so far, each with its star (worth trying first).
#[component]
fn IdeaList(
    /// Shown above the form that adds ideas: then an empty list needs no
    /// word (the "add them in the step before" hint is for the steps after).
    #[prop(optional)]
    beside_form: bool,
) -> impl IntoView {
    let run = use_run();
    let ideas = Memo::new(move |_| run.read(|r| r.ideas.clone()));
    view! {
        <p class="muted small">
            {move || (!beside_form && ideas.with(|i| i.is_empty())).then(|| t(Key::IdeasNone))}
        </p>
        <ul class="ideas">
            {move || {
                ideas
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, idea)| {
                        let label = if idea.from.is_empty() { idea.text.clone() } else { format!("{} ({})", idea.text, idea.from) };
                        view! {
                            <li class:starred=idea.starred>
                                <span>{label.clone()}</span>
                                <button
                                    type="button"
                                    class="ghost small"
                                    aria-pressed=if idea.starred { "true" } else { "false" }
                                    aria-label={
                                        let label = label.clone();
                                        move || format!("{}: {label}", t(Key::IdeaStar))
                                    }
                                    on:click=move |_| run.update(|r| r.toggle_star(i))
                                >
                                    {if idea.starred { "★ " } else { "☆ " }}
                                    {move || t(Key::IdeaStar)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
