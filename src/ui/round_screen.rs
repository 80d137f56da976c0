//! One FeedForward round, step by step: each person names a behaviour,
//! each other person gives one or two ideas within a time-box, and at the
//! end the ideas per person, to download or print.

use leptos::prelude::*;

use crate::app::notices::Notice;
use crate::app::sessions::use_sessions;
use crate::app::ticker::use_now;
use crate::domain::exercise::round::{FeedForwardRound, RoundStep};
use crate::domain::route::Route;
use crate::i18n::{lang, list, person, round_markdown, t, texts, Key, Lang};
use crate::platform::clock::{local_date, now_ms};
use crate::platform::{audio, files, print_page};
use crate::ui::announcer::use_announcer;
use crate::ui::clock_face::ClockFace;
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::round::{load, save_one};
use crate::ui::route_link::RouteLink;

/// One round, step by step.
#[component]
pub fn RoundScreen(index: usize) -> impl IntoView {
    let sessions = use_sessions();
    let (rounds, writable) = load(&sessions);
    let Some(round) = rounds.get(index).cloned() else {
        return view! {
            <section class="rounds" aria-labelledby=ids::SCREEN_TITLE>
                <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::RoundTitle)}</h1>
                <p>{move || t(Key::RoundMissing)}</p>
                <p><RouteLink route=Route::Rounds>{move || t(Key::RoundAll)}</RouteLink></p>
            </section>
        }
        .into_any();
    };
    let round = RwSignal::new(round);
    if !writable {
        sessions.notices().raise(Notice::Newer);
    }
    let update = move |f: &dyn Fn(&mut FeedForwardRound)| {
        round.update(|r| f(r));
        if writable {
            round.with_untracked(|r| save_one(&sessions, index, r));
        }
    };
    let now = use_now();
    let announcer = use_announcer();
    let step = Memo::new(move |_| round.with(|r| r.step));
    let name = move |p: usize| round.with(|r| person(&r.people, p as u8));

    // The time-up cue of a giver's time-box.
    Effect::new(move |_| {
        let at = now.get();
        if round.with_untracked(|r| r.clock.cue_due(at)) {
            update(&|r| {
                r.clock.take_cue(at);
            });
            if !sessions.is_muted_untracked() {
                audio::chime();
            }
            if let RoundStep::Give { person, giver } = step.get_untracked() {
                let what = texts::round_give_title(lang(), &name(giver), &name(person));
                announcer.say(texts::time_up_announce(lang(), &what));
            }
        }
    });
    // After a step change, focus goes to the step's heading.
    Effect::new(move |prev: Option<RoundStep>| {
        let s = step.get();
        if prev.is_some_and(|p| p != s) {
            focus_later(ids::STEP_TITLE);
        }
        s
    });

    let nav = move || {
        let (at, total) = round.with(|r| r.progress());
        let last = at >= total;
        let first = at <= 1;
        view! {
            <div class="actions">
                {(!first).then(|| view! {
                    <button type="button" on:click=move |_| update(&|r| r.back(now_ms()))>
                        {move || t(Key::PreviousStep)}
                    </button>
                })}
                <button type="button" class="primary" on:click=move |_| update(&|r| r.next(now_ms()))>
                    {if last { t(Key::RoundFinish) } else { t(Key::NextStep) }}
                </button>
            </div>
        }
    };

    let body = move || {
        match step.get() {
        RoundStep::Behaviour { person } => view! {
            <h2 id=ids::STEP_TITLE tabindex="-1">{move || texts::round_behaviour_title(lang(), &name(person))}</h2>
            <p class="help-line">{move || texts::round_behaviour_help(lang(), &name(person))}</p>
            <TextField
                id=format!("behaviour-{person}")
                label=Signal::derive(move || texts::round_behaviour(lang(), &name(person)))
                rows=2
                value=Signal::derive(move || round.with(|r| r.turns.get(person).map(|t| t.behaviour.clone()).unwrap_or_default()))
                on_input=move |v: String| update(&|r| r.set_behaviour(person, v.clone()))
            />
            {nav}
        }
        .into_any(),
        RoundStep::Give { person, giver } => {
            let behaviour = round.with(|r| r.turns.get(person).map(|t| t.behaviour.trim().to_string()).unwrap_or_default());
            let idea = move |which: usize, key: fn(Lang, &str) -> String| {
                view! {
                    <TextField
                        id=format!("idea-{person}-{giver}-{which}")
                        label=Signal::derive(move || key(lang(), &name(giver)))
                        rows=2
                        value=Signal::derive(move || round.with(|r| r.idea(person, giver, which).to_string()))
                        on_input=move |v: String| update(&|r| r.set_idea(person, giver, which, v.clone()))
                    />
                }
            };
            view! {
                <h2 id=ids::STEP_TITLE tabindex="-1">
                    {move || texts::round_give_title(lang(), &name(giver), &name(person))}
                </h2>
                {(!behaviour.is_empty()).then(|| view! { <blockquote class="behaviour">{behaviour}</blockquote> })}
                <p class="help-line">
                    {move || texts::round_give_help(lang(), &name(giver), &name(person))}
                </p>
                <ClockFace
                    label=Signal::derive(move || texts::round_time_for(lang(), &name(giver)))
                    remaining=Signal::derive(move || {
                        let at = now.get();
                        round.with(|r| r.clock.remaining(at))
                    })
                    running=Signal::derive(move || round.with(|r| r.clock.is_running()))
                    started=Signal::derive(move || round.with(|r| r.clock.has_started()))
                    on_toggle=move |_| {
                        let at = now_ms();
                        update(&|r| {
                            if r.clock.is_running() {
                                r.clock.pause(at)
                            } else {
                                r.clock.start(at)
                            }
                        })
                    }
                    on_add_minute=move |_| update(&|r| r.clock.add_minute(now_ms()))
                />
                {idea(0, texts::round_idea1)}
                {idea(1, texts::round_idea2)}
                {nav}
            }
            .into_any()
        }
        RoundStep::Done => {
            let people = round.with(|r| r.people.len());
            let card = move |p: usize| {
                let (behaviour, ideas) = round.with(|r| {
                    let ideas: Vec<(String, String)> = r
                        .ideas_for(p)
                        .into_iter()
                        .map(|(g, idea)| (person(&r.people, g as u8), idea.to_string()))
                        .collect();
                    (r.turns[p].behaviour.trim().to_string(), ideas)
                });
                let heading_id = format!("round-person-title-{p}");
                let labelled_by = heading_id.clone();
                view! {
                    <section class="round-result" aria-labelledby=labelled_by>
                        <h3 id=heading_id>{name(p)}</h3>
                        {(!behaviour.is_empty()).then(|| view! { <p class="behaviour">{behaviour}</p> })}
                        {if ideas.is_empty() {
                            view! { <p class="muted">{move || t(Key::RoundNoIdeas)}</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {ideas
                                        .into_iter()
                                        .map(|(giver, idea)| view! {
                                            <li>{idea}" "<span class="muted">"("{giver}")"</span></li>
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                    </section>
                }
            };
            view! {
                <h2 id=ids::STEP_TITLE tabindex="-1">{move || t(Key::RoundDoneTitle)}</h2>
                <p class="help-line no-print">{move || t(Key::RoundDoneHelp)}</p>
                <div class="round-results">{(0..people).map(card).collect_view()}</div>
                <div class="actions no-print">
                    <button type="button" on:click=move |_| update(&|r| r.back(now_ms()))>
                        {move || t(Key::PreviousStep)}
                    </button>
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| {
                            let text = round.with_untracked(|r| round_markdown(lang(), r, &local_date(lang(), r.created_ms)));
                            files::download_as("feedforward-round.md", "text/markdown;charset=utf-8", &text);
                        }
                    >
                        {move || t(Key::RoundDownload)}
                    </button>
                    <button type="button" on:click=move |_| print_page()>{move || t(Key::RoundPrint)}</button>
                </div>
            }
            .into_any()
        }
    }
    };

    view! {
        <section class="rounds round" aria-labelledby=ids::SCREEN_TITLE>
            <p class="no-print"><RouteLink route=Route::Rounds>{move || t(Key::RoundAll)}</RouteLink></p>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::RoundTitle)}</h1>
            <p class="eyebrow">
                {move || {
                    let (at, total) = round.with(|r| r.progress());
                    let who: Vec<String> = round.with(|r| (0..r.people.len()).map(|p| person(&r.people, p as u8)).collect());
                    format!(
                        "{} · {}",
                        list(&who),
                        texts::step_of(lang(), &at.min(total).to_string(), &total.to_string()),
                    )
                }}
            </p>
            <section class="round-step" aria-labelledby=ids::STEP_TITLE>{body}</section>
        </section>
    }
    .into_any()
}
