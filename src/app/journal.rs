//! The journal as reactive state: read from the device the first time it
//! is needed (a long journal costs the home screen nothing), and every
//! change kept at once, on this device only.

use leptos::prelude::*;

use crate::app::notices::Notice;
use crate::app::sessions::Sessions;
use crate::domain::journal::{self, JournalEntry};
use crate::domain::store;
use crate::platform::clock::{now_ms, today_iso};
use crate::platform::records;

#[derive(Clone, Copy)]
pub struct Journal {
    sessions: Sessions,
    /// `None` until first read from the device.
    entries: RwSignal<Option<Vec<JournalEntry>>>,
}

impl Journal {
    pub fn provide(sessions: Sessions) -> Self {
        let journal = Journal {
            sessions,
            entries: RwSignal::new(None),
        };
        // Memory (a preview, or storage refused) never follows the device.
        if sessions.storage().is_persistent() {
            journal.follow_other_tabs();
        }
        provide_context(journal);
        journal
    }

    /// Another tab wrote or deleted an entry: show its version, so this
    /// tab never writes an older copy over it.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if !ev.key().is_some_and(|k| store::is_journal_key(&k))
                || self.entries.with_untracked(Option::is_none)
            {
                return;
            }
            // Read again from the device where next shown (entries are
            // read only on the screens that show them, so the first part
            // of the release build has no journal reader).
            self.entries.set(None);
            self.sessions.notices().raise(Notice::OtherTabJournal);
        });
        on_cleanup(move || handle.remove());
    }

    fn ensure_loaded(&self) {
        if self.entries.with_untracked(Option::is_none) {
            let found = records::load_journal(&self.sessions.storage());
            if found.set_aside > 0 {
                self.sessions.notices().raise(Notice::Corrupt);
            }
            if found.newer > 0 {
                self.sessions.notices().raise(Notice::Newer);
            }
            self.entries.set(Some(found.entries));
        }
    }

    /// Read the entries (newest first), tracking changes.
    pub fn with<R>(&self, f: impl FnOnce(&[JournalEntry]) -> R) -> R {
        self.ensure_loaded();
        self.entries.with(|e| f(e.as_deref().unwrap_or_default()))
    }

    /// A new entry for today, with the next reflection prompt; kept once
    /// something is written in it.
    pub fn start_entry(&self) -> JournalEntry {
        let prompt = self.with(journal::prompt_for);
        JournalEntry::new(crate::platform::new_id(), now_ms(), today_iso(), prompt)
    }

    /// Keep an entry (added, or replacing the one with its id). A blank new
    /// entry is not kept.
    pub fn put(&self, mut entry: JournalEntry) {
        self.ensure_loaded();
        let known = self.with_untracked_has(&entry.id);
        if entry.is_blank() && !known {
            return;
        }
        entry.updated_ms = now_ms();
        entry.normalize();
        let result = records::save_journal_entry(&self.sessions.storage(), &entry);
        self.sessions.report(result);
        self.entries.update(|list| {
            let list = list.get_or_insert_with(Vec::new);
            match list.iter_mut().find(|e| e.id == entry.id) {
                Some(slot) => *slot = entry,
                None => list.push(entry),
            }
            journal::sort_newest_first(list);
        });
    }

    /// The stored version of an entry, tracking changes (another tab's
    /// edit shows here).
    pub fn entry(&self, id: &str) -> Option<JournalEntry> {
        self.with(|all| all.iter().find(|e| e.id == id).cloned())
    }

    fn with_untracked_has(&self, id: &str) -> bool {
        self.entries
            .with_untracked(|e| e.as_ref().is_some_and(|l| l.iter().any(|x| x.id == id)))
    }

    /// Forget what was read, so that the next use reads the device again
    /// (after a restore wrote to it).
    pub fn reload(&self) {
        self.entries.set(None);
    }

    pub fn delete(&self, id: &str) {
        records::delete_journal_entry(&self.sessions.storage(), id);
        self.entries.update(|list| {
            if let Some(list) = list {
                list.retain(|e| e.id != id);
            }
        });
    }
}

pub fn use_journal() -> Journal {
    expect_context::<Journal>()
}
