//! The journal: private dated entries between sessions, kept on this device
//! only. A new entry asks what I tried, how it went and what I learned, with
//! a rotating reflection prompt, and can be tied to one of the actions.

use leptos::prelude::*;

use crate::app::journal::{use_journal, Journal};
use crate::app::sessions::use_sessions;
use crate::domain::journal::{next_prompt, ActionRef, JournalEntry};
use crate::i18n::{count, journal_prompt, lang, person, t, texts, Counted, Key};
use crate::platform::clock::{local_date, local_day};
use crate::ui::announcer::use_announcer;
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::search_field::SearchField;
use crate::ui::text::text_signal;

/// Entries shown at first, and added by "show more".
const PAGE: usize = 50;

/// Every written action on the device, as `(reference, label)`, newest
/// session first.
fn action_choices(sessions: crate::app::sessions::Sessions) -> Vec<(ActionRef, String)> {
    sessions.with_all(|all| {
        let mut list: Vec<_> = all.iter().collect();
        list.sort_by_key(|s| std::cmp::Reverse(s.created_ms));
        list.into_iter()
            .flat_map(|s| {
                let when = local_date(lang(), s.created_ms);
                s.turns.iter().flat_map(move |h| {
                    let when = when.clone();
                    h.actions
                        .iter()
                        .filter(|a| !a.what.trim().is_empty())
                        .map(move |a| {
                            let owner = match &a.owner {
                                crate::domain::session::Owner::Person(p) => person(&s.names, *p),
                                crate::domain::session::Owner::Other(n) => n.clone(),
                            };
                            (
                                ActionRef {
                                    session: s.id.clone(),
                                    action: a.id,
                                },
                                format!("{} ({owner}, {when})", a.what.trim()),
                            )
                        })
                })
            })
            .collect()
    })
}

#[component]
pub fn JournalScreen() -> impl IntoView {
    let journal = use_journal();
    let sessions = use_sessions();
    let query = RwSignal::new(String::new());
    // The entry being written or edited.
    let editing = RwSignal::new(None::<JournalEntry>);
    let actions = StoredValue::new(action_choices(sessions));

    let limit = RwSignal::new(PAGE);
    let found = Memo::new(move |_| {
        let q = query.get();
        journal.with(|all| {
            all.iter()
                .filter(|e| e.matches(&q))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let more = move || found.with(Vec::len) > limit.get();

    let start = move |_| {
        editing.set(Some(journal.start_entry()));
        focus_later(ids::ENTRY_TRIED);
    };
    let edit = move |entry: JournalEntry| {
        editing.set(Some(entry));
        focus_later(ids::ENTRY_TRIED);
    };

    view! {
        <section class="journal" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::JournalTitle)}</h1>
            <p class="lead">{move || t(Key::JournalIntro)}</p>
            <Show
                when=move || editing.with(Option::is_some)
                fallback=move || view! {
                    <button type="button" class="primary" id=ids::NEW_ENTRY on:click=start>
                        {move || t(Key::JournalNew)}
                    </button>
                }
            >
                <EntryForm editing=editing journal=journal actions=actions />
            </Show>
            <SearchField
                id=ids::JOURNAL_SEARCH
                class="journal-search"
                label=text_signal(Key::JournalSearch)
                query=query
                on_change=move |_| limit.set(PAGE)
            />
            <p class="muted" role="status">
                {move || count(found.with(Vec::len), Counted::JOURNAL)}
            </p>
            <ul class="journal-list">
                <For
                    each=move || found.with(|f| f.iter().take(limit.get()).cloned().collect::<Vec<_>>())
                    key=|e| (e.id.clone(), e.updated_ms)
                    children=move |entry| view! { <EntryCard entry=entry actions=actions on_edit=Callback::new(edit) /> }
                />
            </ul>
            <Show when=more>
                <button type="button" on:click=move |_| limit.update(|n| *n += PAGE)>
                    {move || texts::history_more(lang(), &(found.with(Vec::len) - limit.get()).min(PAGE).to_string())}
                </button>
            </Show>
        </section>
    }
}

/// Writing or editing one entry: every change is kept as typed.
#[component]
fn EntryForm(
    editing: RwSignal<Option<JournalEntry>>,
    journal: Journal,
    actions: StoredValue<Vec<(ActionRef, String)>>,
) -> impl IntoView {
    let id = editing.with_untracked(|e| e.as_ref().map(|e| e.id.clone()).unwrap_or_default());
    // The stored version wins: an edit in another tab shows in the form, and
    // a change here only touches the field being edited.
    let stored = {
        let id = id.clone();
        Memo::new(move |_| journal.entry(&id))
    };
    Effect::new(move |_| {
        if let Some(theirs) = stored.get() {
            if editing.with_untracked(|e| e.as_ref() != Some(&theirs)) {
                editing.set(Some(theirs));
            }
        }
    });
    let change = move |f: &dyn Fn(&mut JournalEntry)| {
        let mut entry = stored
            .get_untracked()
            .or_else(|| editing.get_untracked())
            .unwrap_or_default();
        f(&mut entry);
        editing.set(Some(entry.clone()));
        journal.put(entry);
    };
    let get = move |f: fn(&JournalEntry) -> String| {
        Signal::derive(move || editing.with(|e| e.as_ref().map(f).unwrap_or_default()))
    };
    let prompt = move || {
        editing
            .with(|e| e.as_ref().and_then(|e| e.prompt))
            .unwrap_or(0)
    };
    let action_value = move || {
        editing.with(|e| {
            e.as_ref()
                .and_then(|e| e.action.as_ref())
                .map(|a| format!("{}:{}", a.session, a.action))
                .unwrap_or_default()
        })
    };
    view! {
        <form class="entry-form" aria-labelledby=ids::ENTRY_FORM_TITLE on:submit=|ev| ev.prevent_default()>
            <h2 id=ids::ENTRY_FORM_TITLE>{move || t(Key::JournalEntryTitle)}</h2>
            <div class="field">
                <label for=ids::ENTRY_DATE>{move || t(Key::JournalDate)}</label>
                <input
                    type="date"
                    id=ids::ENTRY_DATE
                    prop:value=get(|e| e.date.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|e| e.date = v.clone());
                    }
                />
            </div>
            <TextField id=ids::ENTRY_TRIED label=text_signal(Key::JournalTried) rows=3 value=get(|e| e.tried.clone()) on_input=move |v: String| change(&|e| e.tried = v.clone()) />
            <TextField id=ids::ENTRY_WENT label=text_signal(Key::JournalWent) rows=3 value=get(|e| e.went.clone()) on_input=move |v: String| change(&|e| e.went = v.clone()) />
            <TextField id=ids::ENTRY_LEARNED label=text_signal(Key::JournalLearned) rows=3 value=get(|e| e.learned.clone()) on_input=move |v: String| change(&|e| e.learned = v.clone()) />
            <div class="journal-prompt">
                <TextField
                    id=ids::ENTRY_PROMPT_ANSWER
                    label=Signal::derive(move || journal_prompt(prompt()).to_string())
                    help=text_signal(Key::JournalPromptHelp)
                    rows=2
                    value=get(|e| e.prompt_answer.clone())
                    on_input=move |v: String| change(&|e| e.prompt_answer = v.clone())
                />
                <button
                    type="button"
                    class="ghost small"
                    on:click=move |_| change(&|e| e.prompt = Some(next_prompt(e.prompt.unwrap_or(0))))
                >
                    {move || t(Key::AnotherPrompt)}
                </button>
            </div>
            <div class="field">
                <label for=ids::ENTRY_ACTION>{move || t(Key::JournalAction)}</label>
                <select
                    id=ids::ENTRY_ACTION
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let action = v.rsplit_once(':').and_then(|(session, id)| {
                            Some(ActionRef { session: session.to_string(), action: id.parse().ok()? })
                        });
                        change(&|e| e.action = action.clone());
                    }
                >
                    <option value="" selected=move || action_value().is_empty()>{move || t(Key::JournalNoAction)}</option>
                    {actions.with_value(|list| {
                        list.iter()
                            .map(|(r, label)| {
                                let value = format!("{}:{}", r.session, r.action);
                                let v = value.clone();
                                view! { <option value=value selected=move || action_value() == v>{label.clone()}</option> }
                            })
                            .collect_view()
                    })}
                </select>
            </div>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        editing.set(None);
                        focus_later(ids::NEW_ENTRY);
                    }
                >
                    {move || t(Key::JournalDone)}
                </button>
            </div>
        </form>
    }
}

/// One entry in the list.
#[component]
fn EntryCard(
    entry: JournalEntry,
    actions: StoredValue<Vec<(ActionRef, String)>>,
    #[prop(into)] on_edit: Callback<JournalEntry>,
) -> impl IntoView {
    let journal = use_journal();
    let announcer = use_announcer();
    let date = entry.date.clone();
    let day = Signal::derive(move || local_day(lang(), &date));
    let about = entry.action.as_ref().and_then(|a| {
        actions.with_value(|list| list.iter().find(|(r, _)| r == a).map(|(_, l)| l.clone()))
    });
    // Read in the language on screen, and again when it changes.
    let shown = entry.clone();
    let lines = move || {
        let entry = &shown;
        let mut lines: Vec<(String, String)> = [
            (Key::JournalTried, &entry.tried),
            (Key::JournalWent, &entry.went),
            (Key::JournalLearned, &entry.learned),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (t(k).to_string(), v.clone()))
        .collect();
        if let Some(p) = entry
            .prompt
            .filter(|_| !entry.prompt_answer.trim().is_empty())
        {
            lines.push((journal_prompt(p).to_string(), entry.prompt_answer.clone()));
        }
        if let Some(about) = &about {
            lines.push((t(Key::JournalAbout).to_string(), about.clone()));
        }
        lines
    };
    let (id, for_edit) = (entry.id.clone(), entry.clone());
    let title_id = format!("entry-{}", entry.id);
    let labelled_by = title_id.clone();
    view! {
        <li>
            <article class="entry-card" aria-labelledby=labelled_by>
                <h2 id=title_id>{day}</h2>
                <dl class="result-list">
                    {move || lines().into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
                <div class="actions">
                    // Named with the entry's day ("Edit: 4 December"): in
                    // one label, not a hidden span, which a browser joins
                    // to the visible word with a space ("Edit : …").
                    <button
                        type="button"
                        aria-label=move || format!("{}: {}", t(Key::JournalEdit), day.get())
                        on:click=move |_| on_edit.run(for_edit.clone())
                    >
                        {move || t(Key::JournalEdit)}
                    </button>
                    <button
                        type="button"
                        class="ghost"
                        aria-label=move || format!("{}: {}", t(Key::JournalDelete), day.get())
                        on:click=move |_| {
                            if crate::platform::confirm(t(Key::JournalDeleteConfirm)) {
                                journal.delete(&id);
                                announcer.say(t(Key::JournalDeleted).to_string());
                                focus_later(ids::JOURNAL_SEARCH);
                            }
                        }
                    >
                        {move || t(Key::JournalDelete)}
                    </button>
                </div>
            </article>
        </li>
    }
}
