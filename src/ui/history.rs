//! History: every session on this device, newest first, with a search,
//! the next session of a pair one press away, and delete with undo.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::sessions::{use_sessions, PendingDeletion};
use crate::domain::flow::Format;
use crate::domain::history::{self, HistoryRow, Version};
use crate::domain::route::Route;
use crate::domain::session::CopySource;
use crate::i18n::{count, lang, pair, person, t, texts, Counted, Key};
use crate::platform::clock::local_date;
use crate::ui::announcer::use_announcer;
use crate::ui::backup_panel::BackupPanel;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::progress_chart::ProgressChart;
use crate::ui::route_link::RouteLink;
use crate::ui::search_field::SearchField;
use crate::ui::text::text_signal;

/// Rows shown at first, and added by "show more": a long history stays
/// quick to show.
const PAGE: usize = 50;

#[component]
pub fn HistoryScreen() -> impl IntoView {
    let sessions = use_sessions();
    let announcer = use_announcer();
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        let q = query.get();
        sessions.with_all(|all| history::search(all, &q))
    });
    let delete = move |id: String| {
        sessions.delete(&id);
        focus_later(ids::UNDO_DELETE);
    };
    let undo = move |n: u32| {
        sessions.undo_delete(n);
        focus_later(ids::HISTORY_SEARCH);
        announcer.say(t(Key::HistoryRestored).to_string());
    };

    let more = move || rows.with(Vec::len) > shown.get();
    let row = move |r: HistoryRow| view! { <HistoryItem row=r on_delete=Callback::new(delete) /> };

    view! {
        <section class="history" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::HistoryTitle)}</h1>
            <p class="lead">{move || t(Key::HistoryIntro)}</p>
            <ProgressChart />
            <SearchField
                id=ids::HISTORY_SEARCH
                label=text_signal(Key::HistorySearch)
                query=query
                on_change=move |_| shown.set(PAGE)
            />
            <p class="muted" role="status">
                {move || {
                    let n = rows.with(Vec::len);
                    if query.with(|q| q.trim().is_empty()) {
                        count(n, Counted::HISTORY)
                    } else {
                        count(n, Counted::HISTORY_FOUND)
                    }
                }}
            </p>
            <div class="undo-bar" role="status">
                {move || {
                    // The latest deletion; each has its own time to be undone.
                    sessions.pending_deletions().pop().map(|PendingDeletion { n, names }| {
                        let who = pair(&names);
                        view! {
                            <span>{move || texts::history_deleted(lang(), &who)}</span>
                            <button type="button" id=ids::UNDO_DELETE on:click=move |_| undo(n)>
                                {move || t(Key::Undo)}
                            </button>
                        }
                    })
                }}
            </div>
            <ul class="history-list">
                <For
                    each=move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    key=|r| (r.id.clone(), r.done, r.actions, r.topics.clone())
                    children=row
                />
            </ul>
            <Show when=more>
                <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || texts::history_more(lang(), &(rows.with(Vec::len) - shown.get()).min(PAGE).to_string())}
                </button>
            </Show>
            <BackupPanel />
        </section>
    }
}

/// One session in the history.
#[component]
fn HistoryItem(row: HistoryRow, #[prop(into)] on_delete: Callback<String>) -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    let (id_next, id_delete) = (row.id.clone(), row.id.clone());
    let route = Route::Session(row.id.clone());
    let topic_count = row.topics.len();
    let has_version = !matches!(row.version, Version::Only);
    // Every text is read in the language on screen, and again when it
    // changes (the elements stay).
    let row = StoredValue::new(row);
    let heading = move || {
        row.with_value(|row| {
            texts::session_on(
                lang(),
                &pair(&row.names),
                &local_date(lang(), row.created_ms),
            )
        })
    };
    let format = move || {
        row.with_value(|row| match row.format {
            Format::Reciprocal => t(Key::FormatReciprocal).to_string(),
            Format::OneWay => t(Key::FormatOneWay).to_string(),
            Format::Group(_) => texts::group_of(lang(), &row.names.len().to_string()),
        })
    };
    // Whose topic each is, when each of the pair had one.
    let topic = move |i: usize| {
        row.with_value(|row| {
            let two = row.topics.len() > 1;
            let (client, topic) = &row.topics[i];
            let topic = if topic.is_empty() {
                t(Key::SessionUntitled)
            } else {
                topic.as_str()
            };
            if two {
                format!("{}: {topic}", person(&row.names, *client))
            } else {
                topic.to_string()
            }
        })
    };
    let done = move || {
        row.with_value(|row| {
            (row.actions > 0).then(|| {
                format!(
                    " · {}",
                    texts::history_done(lang(), &row.done.to_string(), &row.actions.to_string())
                )
            })
        })
    };
    // Two versions of one session: which is which.
    let version = move || {
        row.with_value(|row| match row.version {
            Version::Only => String::new(),
            Version::Original => t(Key::HistoryOriginal).to_string(),
            Version::Copy { source, version_ms } => {
                let (date, time) = crate::platform::timezone::local_date_time(version_ms);
                let text = match source {
                    CopySource::Link => texts::history_copy_link,
                    CopySource::Backup => texts::history_copy_backup,
                };
                text(lang(), &date, &time)
            }
        })
    };
    view! {
        <li class="history-item">
            <h2>
                <RouteLink route=route>{heading}</RouteLink>
            </h2>
            {has_version.then(|| view! { <p class="copy-version">{version}</p> })}
            <p class="muted small">{format} {done}</p>
            <ul class="topics">
                {(0..topic_count).map(|i| view! { <li>{move || topic(i)}</li> }).collect_view()}
            </ul>
            <div class="actions">
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(id) = sessions.create_next(&id_next) {
                            router.go(Route::Session(id));
                        }
                    }
                >
                    {move || t(Key::HistoryNext)}
                    <span class="sr-only">": " {heading}</span>
                </button>
                <button
                    type="button"
                    class="ghost"
                    on:click=move |_| on_delete.run(id_delete.clone())
                >
                    {move || t(Key::HistoryDelete)}
                    <span class="sr-only">": " {heading}</span>
                </button>
            </div>
        </li>
    }
}
