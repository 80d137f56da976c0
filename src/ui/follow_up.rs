//! "Since last time": the previous session's actions, reviewed at the start
//! of the next session with the same partner. Each is marked done, in
//! progress or dropped, with a line on how it went; unfinished ones can be
//! carried into this session's plan.

use leptos::prelude::*;

use crate::app::journal::use_journal;
use crate::app::sessions::use_current;
use crate::domain::journal::{entries_for_action, ActionRef};
use crate::domain::session::{ActionStatus, Owner};
use crate::i18n::{lang, status_name, t, texts, Key};
use crate::platform::clock::local_day;
use crate::ui::announcer::use_announcer;
use crate::ui::exercise_results::ResultList;
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::text::text_signal;

#[component]
pub fn FollowUpReview() -> impl IntoView {
    let current = use_current();
    let journal = use_journal();
    let announcer = use_announcer();
    let count = current.read_untracked(|s| s.follow_up.len());

    let item = move |at: usize| {
        let read = move || {
            current
                .read(|s| s.follow_up.get(at).cloned())
                .unwrap_or_default()
        };
        let what = move || read().what;
        // Someone else's by name where this device has the previous
        // session (a link carries only that it is someone else's).
        let other = match current.follow_up_origin(at).map(|o| o.owner) {
            Some(Owner::Other(name)) if !name.trim().is_empty() => Some(name),
            _ => None,
        };
        let owner = move || match read().person {
            Some(p) => current.person(p),
            None => other
                .clone()
                .unwrap_or_else(|| t(Key::OwnerOther).to_string()),
        };
        let due = move || {
            let due = read().due;
            (!due.is_empty()).then(|| texts::summary_due(lang(), &crate::i18n::day(&due)))
        };
        let choice = move |status: ActionStatus| {
            let id = format!("follow-{at}-{status:?}").to_lowercase();
            view! {
                <RadioChoice
                    name=format!("follow-{at}")
                    id=id
                    label=Signal::derive(move || status_name(status).to_string())
                    checked=Signal::derive(move || read().status == status)
                    on_pick=move |_| current.edit_follow_up(at, |i| i.status = status)
                />
            }
        };
        let legend = move || texts::follow_up_how(lang(), &what());
        view! {
            <li class="follow-item">
                <p class="what">
                    <strong>{what}</strong>
                    <span class="muted">" · " {owner} {move || due().map(|d| format!(" · {d}"))}</span>
                </p>
                <fieldset class="status-choice">
                    <legend class="sr-only">{legend}</legend>
                    {[ActionStatus::Done, ActionStatus::InProgress, ActionStatus::Dropped]
                        .map(choice)
                        .collect_view()}
                </fieldset>
                <TextField
                    id=format!("follow-note-{at}")
                    label=text_signal(Key::FollowUpNote)
                    value=Signal::derive(move || read().note)
                    on_input=move |v: String| current.edit_follow_up(at, |i| i.note = v)
                />
                {move || {
                    let item = read();
                    let about = ActionRef { session: item.session.clone(), action: item.action };
                    let mine: Vec<(String, String)> = journal.with(|all| {
                        entries_for_action(all, &about)
                            .into_iter()
                            .filter(|e| !e.is_blank())
                            .map(|e| {
                                let text = [&e.tried, &e.went, &e.learned, &e.prompt_answer]
                                    .into_iter()
                                    .filter(|t| !t.trim().is_empty())
                                    .map(|t| t.trim())
                                    .collect::<Vec<_>>()
                                    .join(" · ");
                                (local_day(lang(), &e.date), text)
                            })
                            .collect()
                    });
                    (!mine.is_empty()).then(|| view! {
                        <details class="my-journal">
                            <summary>{move || t(Key::FollowUpJournal)} " (" {mine.len()} ")"</summary>
                            <ResultList lines=mine />
                        </details>
                    })
                }}
                {move || {
                    let item = read();
                    if item.carried {
                        Some(view! { <p class="carried" id=ids::carried(at) tabindex="-1">{move || t(Key::FollowUpCarried)}</p> }.into_any())
                    } else if item.status.is_unfinished() {
                        Some(
                            view! {
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        current.carry_follow_up(at);
                                        announcer.say(texts::follow_up_carried_announce(lang(), &what()));
                                        focus_later(ids::carried(at));
                                    }
                                >
                                    {move || t(Key::FollowUpCarry)}
                                    <span class="sr-only">": " {what()}</span>
                                </button>
                            }
                            .into_any(),
                        )
                    } else {
                        None
                    }
                }}
            </li>
        }
    };

    view! {
        <section class="follow-up" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::FollowUpTitle)}</h1>
            <p class="lead">{move || t(Key::FollowUpIntro)}</p>
            <ul class="follow-list">{(0..count).map(item).collect_view()}</ul>
        </section>
    }
}
