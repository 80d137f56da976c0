//! The sessions on this device as reactive state: one signal per session
//! (an [`Entry`] of the list), so that a keystroke in one session wakes
//! only the views of that session. Every change goes through
//! [`Sessions::update`], which changes the session in memory at once and
//! saves it a moment later ([`SAVE_AFTER`] of quiet, at most [`SAVE_WITHIN`]
//! after the first unsaved change), and at once whenever the page is
//! hidden or left, and before anything reads the records back. Nothing
//! typed is lost by a reload, and the store stays the single source of
//! truth.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use leptos::prelude::*;

use crate::app::notices::{Notice, Notices};
use crate::domain::flow::Phase;
use crate::domain::followup;
use crate::domain::merge::registers::{Registers, Stamp};
use crate::domain::session::{Session, Setup};
use crate::domain::settings::Settings;
use crate::domain::store::{self, Record};
use crate::platform::clock::now_ms;
use crate::platform::records;
use crate::platform::storage::{DeviceStorage, StorageError};

mod deletion;
mod live;
mod saving;

use deletion::Deleted;

/// How long after the last change a session is saved.
pub const SAVE_AFTER: Duration = Duration::from_millis(300);
/// How long a session may stay unsaved while changes keep coming.
pub const SAVE_WITHIN: Duration = Duration::from_millis(2_000);

/// One session of the list: its id and its own signal.
#[derive(Clone)]
pub struct Entry {
    id: String,
    session: ArcRwSignal<Session>,
}

impl Entry {
    fn new(session: Session) -> Self {
        Entry {
            id: session.id.clone(),
            session: ArcRwSignal::new(session),
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Read the session, tracking changes of this session only.
    pub fn with<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.session.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.session.with_untracked(f)
    }
}

/// A line of the list of latest sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSummary {
    pub id: String,
    pub names: Vec<String>,
    /// The first topic given, empty when none was.
    pub topic: String,
    pub created_ms: i64,
}

/// A deletion that can still be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingDeletion {
    /// Its number, for [`Sessions::undo_delete`].
    pub n: u32,
    /// The names of the pair (or group) of the session deleted.
    pub names: Vec<String>,
}

/// All sessions on the device, the settings, and where they are kept.
#[derive(Clone, Copy)]
pub struct Sessions {
    /// Which sessions there are, newest first; each holds its own signal.
    list: RwSignal<Vec<Entry>>,
    /// Every session as plain data, for views of them all (history,
    /// progress); computed again only when read after a change.
    all: Memo<Vec<Session>>,
    settings: RwSignal<Settings>,
    storage: StoredValue<DeviceStorage, LocalStorage>,
    /// This tab's storage, opened when first used (see [`Sessions::tab`]).
    tab: StoredValue<Option<DeviceStorage>, LocalStorage>,
    notices: Notices,
    /// Sessions just deleted, each kept for [`UNDO_FOR`] to be put back.
    deleted: RwSignal<Vec<Deleted>>,
    /// Numbers deletions, never reused.
    deletions: StoredValue<u32>,
    /// Each session's fields as registers (`merge::registers`): what this
    /// tab merges with what other tabs store, field by field.
    regs: StoredValue<HashMap<String, Registers>>,
    /// This tab's name in the stamps, and its last stamp.
    writer: StoredValue<Stamp>,
    /// Each session's record as this tab last wrote or read it: when the
    /// device holds the same, no other tab has written since.
    known: StoredValue<HashMap<String, String>>,
    /// Sessions changed in memory and not saved yet.
    unsaved: StoredValue<BTreeSet<String>>,
    /// The save to come, and when the oldest unsaved change was made.
    save_timer: StoredValue<Option<(TimeoutHandle, f64)>>,
}

/// Each session's registers as stored (unstamped for an older record),
/// and the records as read.
fn stored_registers(
    storage: &DeviceStorage,
    sessions: &[Session],
) -> (HashMap<String, Registers>, HashMap<String, String>) {
    let mut regs = HashMap::new();
    let mut known = HashMap::new();
    for s in sessions {
        let raw = storage.get(&store::session_key(&s.id));
        let r = raw
            .as_deref()
            .map(|raw| store::decode_registers(raw, s))
            .unwrap_or_else(|| Registers::unstamped(s));
        regs.insert(s.id.clone(), r);
        if let Some(raw) = raw {
            known.insert(s.id.clone(), raw);
        }
    }
    (regs, known)
}

/// How long a deleted session can be put back.
pub const UNDO_FOR: std::time::Duration = std::time::Duration::from_secs(15);

impl Sessions {
    /// Load what the device has and provide it to the app.
    pub fn provide(storage: DeviceStorage, notices: Notices) -> Self {
        if storage.is_preview() {
            notices.raise(Notice::Preview);
        } else if !storage.is_persistent() {
            notices.raise(Notice::Unavailable);
        }
        if storage.was_full_at_start() {
            notices.raise(Notice::Full);
        }
        let found = records::load(&storage);
        if found.set_aside > 0 {
            notices.raise(Notice::Corrupt);
        }
        if found.newer > 0 {
            notices.raise(Notice::Newer);
        }
        let (regs, known) = stored_registers(&storage, &found.sessions);
        let list = RwSignal::new(found.sessions.into_iter().map(Entry::new).collect());
        let sessions = Sessions {
            regs: StoredValue::new(regs),
            writer: StoredValue::new(Stamp(0, crate::platform::new_id(), 0)),
            list,
            all: Memo::new_with_compare(
                move |_| list.with(|l: &Vec<Entry>| l.iter().map(|e| e.session.get()).collect()),
                |_, _| true,
            ),
            settings: RwSignal::new(found.settings),
            storage: StoredValue::new_local(storage),
            tab: StoredValue::new_local(None),
            notices,
            deleted: RwSignal::new(Vec::new()),
            deletions: StoredValue::new(0),
            known: StoredValue::new(known),
            unsaved: StoredValue::new(BTreeSet::new()),
            save_timer: StoredValue::new(None),
        };
        // Memory (a preview, or storage refused) is this page's own: another
        // tab's writes to the device are none of its business.
        if sessions.storage.with_value(DeviceStorage::is_persistent) {
            sessions.follow_other_tabs();
        }
        sessions.save_when_left();
        provide_context(sessions);
        sessions
    }

    /// Save at once when the page is hidden (a tab switched, a phone
    /// locked) or left (a reload, the tab closed), and when the app is
    /// unmounted: what is typed is never left unsaved there.
    fn save_when_left(self) {
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                self.flush();
            }
        });
        let left = window_event_listener(leptos::ev::pagehide, move |_| self.flush());
        on_cleanup(move || {
            hidden.remove();
            left.remove();
            self.flush();
        });
    }

    /// Read everything again from the device (after a restore wrote to it).
    pub fn reload(&self) {
        self.flush();
        let found = self.storage.with_value(records::load);
        let (regs, known) = self
            .storage
            .with_value(|s| stored_registers(s, &found.sessions));
        self.regs.set_value(regs);
        self.known.set_value(known);
        self.list
            .set(found.sessions.into_iter().map(Entry::new).collect());
        self.settings.set(found.settings);
    }

    /// The entry of a session, if this device has it (untracked).
    pub fn entry(&self, id: &str) -> Option<Entry> {
        self.list
            .with_untracked(|l| l.iter().find(|e| e.id == id).cloned())
    }

    /// Show `session` in place of the one with its id, or add it first.
    fn show(&self, session: Session) {
        match self.entry(&session.id) {
            Some(entry) => entry.session.set(session),
            None => self.list.update(|l| l.insert(0, Entry::new(session))),
        }
    }

    /// Is there a record under this id that this app could not read (a
    /// newer version's, say)? It must not be written over.
    pub fn has_unread_record(&self, id: &str) -> bool {
        !self.exists_untracked(id)
            && self
                .storage
                .with_value(|s| s.get(&store::session_key(id)).is_some())
    }

    /// Say so when the storage is full (or that it is no longer).
    pub fn report(&self, result: Result<(), StorageError>) {
        match result {
            Ok(()) => self.notices.clear_full(),
            Err(_) => self.notices.raise(Notice::Full),
        }
    }

    /// Start a new session; the ones before it are kept. With a partner
    /// met before, it opens with the follow-up of their last plan.
    pub fn create(&self, setup: &Setup) -> String {
        let mut session = Session::new(crate::platform::new_id(), now_ms(), setup);
        session.follow_up = self.all.with_untracked(|list| {
            followup::previous_with_plan(list, &session)
                .map(|previous| followup::follow_up_of(previous, &session.names))
                .unwrap_or_default()
        });
        let id = session.id.clone();
        self.regs.update_value(|m| drop(m.remove(&id)));
        self.list
            .update(|list| list.insert(0, Entry::new(session.clone())));
        self.record(&session);
        self.remember_current(&id);
        id
    }

    /// The next session of the same pair, with the same format and length.
    pub fn create_next(&self, from: &str) -> Option<String> {
        let setup = self.read_untracked(from, followup::next_setup)?;
        Some(self.create(&setup))
    }

    /// Read every session, tracking changes.
    pub fn with_all<R>(&self, f: impl FnOnce(&[Session]) -> R) -> R {
        self.all.with(|list| f(list))
    }

    /// Every session, untracked.
    pub fn with_all_untracked<R>(&self, f: impl FnOnce(&[Session]) -> R) -> R {
        self.all.with_untracked(|list| f(list))
    }

    /// Add a session or replace the one with its id, and save it.
    pub fn put(&self, session: Session) {
        self.flush();
        self.show(session.clone());
        self.record(&session);
    }

    /// A copy of this device's session with that id, if there is one.
    pub fn get_untracked(&self, id: &str) -> Option<Session> {
        self.read_untracked(id, Session::clone)
    }

    pub fn exists(&self, id: &str) -> bool {
        self.list.with(|list| list.iter().any(|e| e.id == id))
    }

    pub fn exists_untracked(&self, id: &str) -> bool {
        self.list
            .with_untracked(|list| list.iter().any(|e| e.id == id))
    }

    /// How many sessions the device has.
    pub fn count(&self) -> usize {
        self.list.with(Vec::len)
    }

    /// The `n` latest sessions, newest first.
    pub fn overview(&self, n: usize) -> Vec<SessionSummary> {
        self.all.with(|list| {
            let mut latest: Vec<&Session> = list.iter().collect();
            latest.sort_by_key(|s| std::cmp::Reverse(s.created_ms));
            latest
                .into_iter()
                .take(n)
                .map(|s| SessionSummary {
                    id: s.id.clone(),
                    names: s.names.clone(),
                    topic: s.first_topic().to_string(),
                    created_ms: s.created_ms,
                })
                .collect()
        })
    }

    /// The id of the session last worked on, if it is still here.
    pub fn last_id(&self) -> Option<String> {
        let id = self.storage.with_value(|s| s.get(store::CURRENT_KEY))?;
        self.exists_untracked(&id).then_some(id)
    }

    pub fn remember_current(&self, id: &str) {
        self.storage.with_value(|s| {
            let _ = s.set(store::CURRENT_KEY, id);
        });
    }

    pub fn settings(&self) -> Settings {
        self.settings.get()
    }

    pub fn settings_untracked(&self) -> Settings {
        self.settings.get_untracked()
    }

    pub fn is_muted_untracked(&self) -> bool {
        self.settings.with_untracked(|s| s.muted)
    }

    pub fn set_muted(&self, muted: bool) {
        self.settings.update(|s| s.muted = muted);
        self.save_settings();
    }

    /// The language chosen here, remembered on this device.
    pub fn set_language(&self, code: &str) {
        self.settings
            .update(|s| s.language = Some(code.to_string()));
        self.save_settings();
    }

    /// The STUN server choice for working together (see
    /// [`Settings::ice_server`]).
    pub fn set_stun(&self, use_stun: bool, server: Option<String>) {
        self.settings.update(|s| {
            s.use_stun = use_stun;
            s.stun_server = server;
        });
        self.save_settings();
    }

    fn save_settings(&self) {
        let settings = self.settings.get_untracked();
        let result = self
            .storage
            .with_value(|s| records::save_settings(s, &settings));
        self.report(result);
    }

    /// Give the time-up cue of the session's current phase, once: returns
    /// the phase whose time is up.
    pub fn take_cue(&self, id: &str, now: i64) -> Option<Phase> {
        let due = self.read_untracked(id, |s| s.current_clock().is_some_and(|c| c.cue_due(now)))?;
        let mut phase = None;
        if due {
            self.update(id, |s| {
                if s.take_cue(now) {
                    phase = s.step.phase().map(|(_, p)| p);
                }
            });
        }
        phase
    }

    /// Keep a record on the device, telling the user if the storage is full.
    pub fn keep(&self, key: &str, value: &str) {
        let result = self.storage.with_value(|s| s.set(key, value));
        self.report(result);
    }

    pub fn notices(&self) -> Notices {
        self.notices
    }

    /// The device's storage, with every change saved: what is read from
    /// it is what the app shows.
    pub fn storage(&self) -> DeviceStorage {
        self.flush();
        self.storage.get_value()
    }

    /// This tab's own storage, for what is typed and not yet kept (a form
    /// being filled in): `sessionStorage` beside the device's storage,
    /// memory for as long as the page is open where there is none, nothing
    /// of the device in the trainers' preview.
    pub fn tab(&self) -> DeviceStorage {
        if let Some(tab) = self.tab.get_value() {
            return tab;
        }
        let tab = self.storage.with_value(|device| {
            if device.is_preview() {
                DeviceStorage::preview()
            } else if device.is_persistent() {
                DeviceStorage::tab()
            } else {
                DeviceStorage::in_memory()
            }
        });
        self.tab.set_value(Some(tab.clone()));
        tab
    }

    pub fn read_untracked<R>(&self, id: &str, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.entry(id).map(|e| e.session.with_untracked(f))
    }

    /// Change a session in memory now and save it soon (see the module).
    /// What another tab stored is merged in first, field by field (its
    /// event may not be heard yet); the fields changed are stamped when
    /// saved, so a late copy cannot undo them.
    pub fn update(&self, id: &str, f: impl FnOnce(&mut Session)) {
        let Some(entry) = self.entry(id) else {
            return;
        };
        // What another tab stored since, if its event is not heard yet
        // (saved with this tab's own changes first, if any).
        if self.storage.with_value(DeviceStorage::is_persistent) {
            if let Some(stored) = self.written_elsewhere(id) {
                if self.unsaved.with_value(|u| u.contains(id)) {
                    self.unsaved.update_value(|u| {
                        u.remove(id);
                    });
                    self.record_shown(id);
                }
                if self.take_in(id, &stored) {
                    self.notices.raise(Notice::OtherTab);
                }
            }
        }
        entry.session.update(|session| {
            f(session);
            session.updated_ms = now_ms();
        });
        self.unsaved.update_value(|u| {
            u.insert(id.to_string());
        });
        self.save_soon();
    }
}

pub use crate::app::current::{use_current, Current};

pub fn use_sessions() -> Sessions {
    expect_context::<Sessions>()
}
