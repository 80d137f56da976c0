//! Taking a session along: its Markdown (copied or downloaded), and
//! calendar files of the next meeting and of the plan's due dates. Only
//! what the user chooses leaves the page, as a file or on the clipboard.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::export::ical::{actions_calendar, meeting_calendar, EventText, Meeting};
use crate::domain::session::Owner;
use crate::i18n::{lang, pair, person, session_markdown, t, texts, Key};
use crate::platform::clock::{local_date, now_ms};
use crate::platform::timezone::{local_date_time, local_zone};
use crate::platform::{clipboard, files};
use crate::ui::airtime::airtime_lines;
use crate::ui::exercise_results::result_lines;
use crate::ui::ids;

/// What happened to the last export, for the status line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Done {
    Copied,
    /// The browser refused the clipboard: the text is shown to copy by hand.
    CopyBlocked,
    Downloaded,
    DownloadBlocked,
}

/// An export the user asked for.
enum Export {
    /// Text to put on the clipboard (the browser may take its time).
    Copy(String),
    /// A file to download: its name, type and text.
    File(String, &'static str, String),
}

#[component]
pub fn SessionExports() -> impl IntoView {
    let current = use_current();
    // Every export is one action, so the status line says what the last one
    // did. A file is handed to the browser at once, on the click; only the
    // clipboard is waited for.
    let export = Action::new_local(|what: &Export| {
        let (now, copy) = match what {
            Export::File(name, mime, text) => (
                Some(if files::download_as(name, mime, text) {
                    Done::Downloaded
                } else {
                    Done::DownloadBlocked
                }),
                String::new(),
            ),
            Export::Copy(text) => (None, text.clone()),
        };
        async move {
            match now {
                Some(done) => done,
                None if clipboard::copy(&copy).await => Done::Copied,
                None => Done::CopyBlocked,
            }
        }
    });
    let done = export.value();
    let markdown = move || {
        let airtime = untrack(|| airtime_lines(&current, now_ms())).unwrap_or_default();
        current.read_untracked(|s| {
            session_markdown(
                lang(),
                s,
                &result_lines,
                &local_date(lang(), s.created_ms),
                &airtime,
            )
        })
    };
    let file_day = move || current.read_untracked(|s| local_date_time(s.created_ms).0);
    let copy = move |_| {
        export.dispatch_local(Export::Copy(markdown()));
    };
    let download_markdown = move |_| {
        let name = format!("peer-coach-{}.md", file_day());
        export.dispatch_local(Export::File(
            name,
            "text/markdown;charset=utf-8",
            markdown(),
        ));
    };
    let meeting_file = move |_| {
        let file = current.read_untracked(|s| {
            let when = s.next_meeting.as_ref()?;
            let who = pair(&s.names);
            let summary = texts::calendar_meeting(lang(), &who);
            let meeting = Meeting {
                session_id: &s.id,
                when,
                minutes: s.total_minutes,
                summary: &summary,
                description: t(Key::CalendarMeetingNote),
            };
            meeting_calendar(&meeting, &local_zone(now_ms()), now_ms())
        });
        if let Some(file) = file {
            export.dispatch_local(Export::File(
                "peer-coach-next-meeting.ics".to_string(),
                "text/calendar;charset=utf-8",
                file,
            ));
        }
    };
    let due_file = move |_| {
        let file = current.read_untracked(|s| {
            let text = |a: &crate::domain::session::ActionItem| {
                let owner = match &a.owner {
                    Owner::Person(p) => person(&s.names, *p),
                    Owner::Other(name) => name.clone(),
                };
                let mut description = texts::summary_owner(lang(), &owner);
                if !a.first_step.trim().is_empty() {
                    description.push('\n');
                    description.push_str(&texts::summary_first_step(lang(), a.first_step.trim()));
                }
                EventText {
                    summary: texts::calendar_action(lang(), a.what.trim()),
                    description,
                }
            };
            actions_calendar(s, &text, now_ms())
        });
        if let Some(file) = file {
            export.dispatch_local(Export::File(
                "peer-coach-due-dates.ics".to_string(),
                "text/calendar;charset=utf-8",
                file,
            ));
        }
    };
    let has_meeting = move || current.read(|s| s.next_meeting.is_some());
    let has_due = move || {
        current.read(|s| {
            s.turns
                .iter()
                .flat_map(|h| &h.actions)
                .any(|a| crate::domain::dates::is_iso_date(&a.due))
        })
    };

    view! {
        <section class="exports no-print" aria-labelledby=ids::EXPORTS_TITLE>
            <h2 id=ids::EXPORTS_TITLE>{move || t(Key::ExportsTitle)}</h2>
            <p class="help-line">{move || t(Key::ExportsIntro)}</p>
            <div class="actions">
                <button type="button" on:click=copy>{move || t(Key::ExportCopyMarkdown)}</button>
                <button type="button" on:click=download_markdown>{move || t(Key::ExportDownloadMarkdown)}</button>
                <Show when=has_meeting>
                    <button type="button" on:click=meeting_file>{move || t(Key::ExportMeetingFile)}</button>
                </Show>
                <Show when=has_due>
                    <button type="button" on:click=due_file>{move || t(Key::ExportDueFile)}</button>
                </Show>
            </div>
            <p role="status" class="copy-status">
                {move || done.get().map(|d| t(match d {
                    Done::Copied => Key::ExportCopied,
                    Done::CopyBlocked => Key::ExportCopyBlocked,
                    Done::Downloaded => Key::ExportDownloaded,
                    Done::DownloadBlocked => Key::ExportDownloadBlocked,
                }))}
            </p>
            <Show when=move || done.get() == Some(Done::CopyBlocked)>
                <div class="field">
                    <label for=ids::EXPORT_MARKDOWN>{move || t(Key::ExportMarkdownLabel)}</label>
                    <textarea id=ids::EXPORT_MARKDOWN rows="10" readonly prop:value=markdown></textarea>
                </div>
            </Show>
        </section>
    }
}
