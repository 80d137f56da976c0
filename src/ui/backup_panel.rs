//! The data on this device: how much storage it takes, a backup of
//! everything to download, and restoring one.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::backup::{self, Restored};
use crate::app::journal::use_journal;
use crate::app::sessions::use_sessions;
use crate::domain::backup::{BackupError, Counts, RestoreReport, Said};
use crate::i18n::{lang, t, texts, Key, Lang};
use crate::platform::{files, records};
use crate::ui::ids;

/// Largest backup file read (a long history takes a few megabytes).
const MAX_BACKUP_BYTES: f64 = 64.0 * 1_048_576.0;

/// What a restore did, a line per kind of record (see
/// [`RestoreReport::said`]).
fn report_lines(r: &RestoreReport) -> Vec<String> {
    let counts = |text: fn(Lang, &str, &str, &str) -> String, c: Counts| {
        text(
            lang(),
            &c.added.to_string(),
            &c.kept_both.to_string(),
            &c.unchanged.to_string(),
        )
    };
    r.said()
        .into_iter()
        .map(|line| match line {
            Said::NothingNew => t(Key::RestoreNothingNew).to_string(),
            Said::Sessions(c) => counts(texts::restore_sessions, c),
            Said::Journal(c) => counts(texts::restore_journal, c),
            Said::Exercises(c) => counts(texts::restore_exercises, c),
            Said::Notes(n) => texts::restore_notes(lang(), &n.to_string()),
            Said::Settings => t(Key::RestoreSettings).to_string(),
            Said::Other(n) => texts::restore_other(lang(), &n.to_string()),
            Said::SetAside(n) => texts::restore_set_aside(lang(), &n.to_string()),
            Said::Unreadable(n) => texts::restore_unreadable(lang(), &n.to_string()),
        })
        .collect()
}

/// What the panel is asked to report on.
#[derive(Clone)]
enum Job {
    /// Restore from this file.
    Restore(web_sys::File),
    /// The browser refused the backup's download.
    DownloadBlocked,
}

#[component]
pub fn BackupPanel() -> impl IntoView {
    let sessions = use_sessions();
    let journal = use_journal();
    // Storage use, measured again after every change of the sessions.
    let usage = Memo::new(move |_| {
        sessions.count();
        records::storage_use(&sessions.storage())
    });
    // What the panel has to say, as one action so the last word stands: a
    // restore (read, then merged) or a download the browser refused.
    let act = Action::new_local(move |job: &Job| {
        let job = job.clone();
        async move {
            let file = match job {
                Job::DownloadBlocked => {
                    return (false, vec![t(Key::ExportDownloadBlocked).to_string()]);
                }
                Job::Restore(file) => file,
            };
            let outcome = match files::read_text_up_to(&file, MAX_BACKUP_BYTES).await {
                None => Restored::Refused(BackupError::NotABackup),
                Some(text) => backup::restore(&sessions, &journal, &text),
            };
            match outcome {
                Restored::Done(report) => (true, report_lines(&report)),
                Restored::Full(report) => {
                    let mut lines = vec![t(Key::RestoreFull).to_string()];
                    lines.extend(report_lines(&report));
                    (false, lines)
                }
                Restored::Refused(BackupError::NotABackup) => {
                    (false, vec![t(Key::RestoreNotABackup).to_string()])
                }
                Restored::Refused(BackupError::Damaged) => {
                    (false, vec![t(Key::RestoreDamaged).to_string()])
                }
                Restored::Refused(BackupError::Newer { .. }) => {
                    (false, vec![t(Key::RestoreNewer).to_string()])
                }
            }
        }
    });
    let message = act.value();
    let restore_file = move |file: Option<web_sys::File>| {
        if let Some(file) = file {
            act.dispatch_local(Job::Restore(file));
        }
    };

    view! {
        <section class="backup-panel" aria-labelledby=ids::BACKUP_TITLE>
            <h2 id=ids::BACKUP_TITLE>{move || t(Key::BackupTitle)}</h2>
            <p>
                {move || {
                    let u = usage.get();
                    let kb = u.bytes.div_ceil(1024);
                    // Where the browser refuses storage nothing is used:
                    // say where things are kept instead.
                    let (sessions_n, entries) = (crate::i18n::number(u.sessions), crate::i18n::number(u.journal));
                    if sessions.storage().is_persistent() {
                        texts::storage_use(lang(), &crate::i18n::number(kb), &sessions_n, &entries)
                    } else {
                        texts::storage_in_memory(lang(), &sessions_n, &entries)
                    }
                }}
            </p>
            <p class="help-line">{move || t(Key::BackupIntro)}</p>
            <div class="actions">
                <button
                    type="button"
                    on:click=move |_| {
                        if !backup::download(&sessions) {
                            act.dispatch_local(Job::DownloadBlocked);
                        }
                    }
                >
                    {move || t(Key::BackupDownload)}
                </button>
            </div>
            <div class="field file-field">
                <p class="help" id=ids::RESTORE_HELP>{move || t(Key::RestoreHelp)}</p>
                <input
                    type="file"
                    id=ids::RESTORE_FILE
                    class="file-pick"
                    accept=".json,application/json"
                    aria-describedby=ids::RESTORE_HELP
                    on:change=move |ev| {
                        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        restore_file(input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)));
                        if let Some(input) = input {
                            input.set_value("");
                        }
                    }
                />
                <label for=ids::RESTORE_FILE>{move || t(Key::RestoreLabel)}</label>
            </div>
            <div role="status" class="restore-status">
                {move || message.get().map(|(ok, lines)| view! {
                    <div class:problem=!ok class:done=ok>
                        {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                    </div>
                })}
            </div>
        </section>
    }
}
