//! The sessions on this device as reactive state. Every change goes through
//! `Current::update`, which saves the session at once: nothing typed is lost
//! by a reload, and the store stays the single source of truth.

use std::collections::HashMap;

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

/// All sessions on the device, the settings, and where they are kept.
#[derive(Clone, Copy)]
pub struct Sessions {
    pub(super) list: RwSignal<Vec<Session>>,
    settings: RwSignal<Settings>,
    pub(super) storage: StoredValue<DeviceStorage, LocalStorage>,
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
}

/// Each session's registers as stored (unstamped for an older record).
fn stored_registers(storage: &DeviceStorage, sessions: &[Session]) -> HashMap<String, Registers> {
    sessions
        .iter()
        .map(|s| {
            let regs = storage
                .get(&store::session_key(&s.id))
                .map(|raw| store::decode_registers(&raw, s))
                .unwrap_or_else(|| Registers::unstamped(s));
            (s.id.clone(), regs)
        })
        .collect()
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
        let regs = stored_registers(&storage, &found.sessions);
        let sessions = Sessions {
            regs: StoredValue::new(regs),
            writer: StoredValue::new(Stamp(0, crate::platform::new_id(), 0)),
            list: RwSignal::new(found.sessions),
            settings: RwSignal::new(found.settings),
            storage: StoredValue::new_local(storage),
            notices,
            deleted: RwSignal::new(Vec::new()),
            deletions: StoredValue::new(0),
        };
        // Memory (a preview, or storage refused) is this page's own: another
        // tab's writes to the device are none of its business.
        if sessions.storage.with_value(DeviceStorage::is_persistent) {
            sessions.follow_other_tabs();
        }
        provide_context(sessions);
        sessions
    }

    /// Read everything again from the device (after a restore wrote to it).
    pub fn reload(&self) {
        let found = self.storage.with_value(records::load);
        self.regs.set_value(
            self.storage
                .with_value(|s| stored_registers(s, &found.sessions)),
        );
        self.list.set(found.sessions);
        self.settings.set(found.settings);
    }

    /// Another tab of this app saved a session: merge its registers with
    /// this tab's field by field (`merge::registers`), so that edits to
    /// different fields both stay; store again what this tab had that the
    /// version written lacks (it was written from a late read); say so
    /// when the same field was changed in both at once.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key().filter(|k| store::is_session_key(k)) else {
                return;
            };
            // The version written (events may come late, after a later
            // write: the merge does not mind the order).
            let Some(raw) = ev
                .new_value()
                .or_else(|| self.storage.with_value(|s| s.get(&key)))
            else {
                // Deleted there: gone here too, so no edit here brings it back.
                let had = self
                    .list
                    .with_untracked(|l| l.iter().any(|s| store::session_key(&s.id) == key));
                if had {
                    self.list
                        .update(|l| l.retain(|s| store::session_key(&s.id) != key));
                    self.notices.raise(Notice::OtherTab);
                }
                return;
            };
            let Ok(theirs) = Session::decode(&raw) else {
                return;
            };
            if store::session_key(&theirs.id) != key {
                return;
            }
            let regs = store::decode_registers(&raw, &theirs);
            let id = theirs.id.clone();
            if !self.exists_untracked(&id) {
                // New here (or put back there).
                self.regs.update_value(|m| drop(m.insert(id.clone(), regs)));
                self.list.update(|l| l.insert(0, theirs));
                self.notices.raise(Notice::OtherTab);
                return;
            }
            if self.take_in(&id, &regs) {
                self.notices.raise(Notice::OtherTab);
            }
            // This tab holds changes the stored version lacks (it was
            // written from a copy that had not seen them): store them again.
            let behind = self
                .regs
                .with_value(|m| m.get(&id).is_some_and(|mine| !regs.covers(mine)));
            if behind {
                if let Some(now) = self.stored_registers_of(&id) {
                    self.take_in(&id, &now);
                }
                self.write(&id);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// The registers stored for a session now, if its record is readable.
    fn stored_registers_of(&self, id: &str) -> Option<Registers> {
        let raw = self
            .storage
            .with_value(|s| s.get(&store::session_key(id)))?;
        let session = Session::decode(&raw).ok().filter(|s| s.id == id)?;
        Some(store::decode_registers(&raw, &session))
    }

    /// Take in another tab's registers of a session: field by field the
    /// later change stays (`merge::registers`); a field changed in both
    /// without either seeing the other is reported. Returns whether this
    /// tab's session changed.
    fn take_in(&self, id: &str, theirs: &Registers) -> bool {
        let Some(current) = self.get_untracked(id) else {
            return false;
        };
        let mut conflicts = Vec::new();
        let mut view = None;
        self.regs.update_value(|m| {
            let mine = m
                .entry(id.to_string())
                .or_insert_with(|| Registers::unstamped(&current));
            let before = mine.clone();
            conflicts = mine.merge(theirs);
            if *mine != before {
                view = mine.session();
            }
        });
        if !conflicts.is_empty() {
            self.notices.raise(Notice::OtherTabConflict);
        }
        match view {
            Some(view) if view != current => {
                self.list
                    .update(|list| match list.iter_mut().find(|s| s.id == id) {
                        Some(slot) => *slot = view,
                        None => list.insert(0, view),
                    });
                true
            }
            _ => false,
        }
    }

    /// A new stamp of this tab: later than every stamp it made before.
    fn stamp(&self) -> Stamp {
        let mut at = None;
        self.writer.update_value(|w| {
            w.0 = w.0.max(now_ms());
            w.2 += 1;
            at = Some(w.clone());
        });
        at.unwrap_or_default()
    }

    /// This tab changed a session to `session`: stamp the fields that
    /// changed and store it with its registers.
    fn record(&self, session: &Session) {
        let at = self.stamp();
        self.regs.update_value(|m| {
            let regs = m.entry(session.id.clone()).or_default();
            regs.record(session, &at);
        });
        self.write(&session.id);
    }

    /// Store a session as this tab's registers hold it.
    fn write(&self, id: &str) {
        let Some((session, record)) = self.regs.with_value(|m| {
            let regs = m.get(id)?;
            let session = regs.session()?;
            let record = store::encode_session_stamped(&session, regs);
            Some((session, record))
        }) else {
            return;
        };
        let result = self
            .storage
            .with_value(|s| s.set(&store::session_key(id), &record));
        self.report(result);
        let differs = self.read_untracked(id, |s| *s != session).unwrap_or(true);
        if differs {
            self.list
                .update(|list| match list.iter_mut().find(|s| s.id == id) {
                    Some(slot) => *slot = session,
                    None => list.insert(0, session),
                });
        }
    }

    /// Is there a record under this id that this app could not read (a
    /// newer version's, say)? It must not be written over.
    pub fn has_unread_record(&self, id: &str) -> bool {
        !self
            .list
            .with_untracked(|list| list.iter().any(|s| s.id == id))
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
        session.follow_up = self.list.with_untracked(|list| {
            followup::previous_with_plan(list, &session)
                .map(|previous| followup::follow_up_of(previous, &session.names))
                .unwrap_or_default()
        });
        let id = session.id.clone();
        self.regs.update_value(|m| drop(m.remove(&id)));
        self.list.update(|list| list.insert(0, session.clone()));
        self.record(&session);
        self.remember_current(&id);
        id
    }

    /// The next session of the same pair, with the same format and length.
    pub fn create_next(&self, from: &str) -> Option<String> {
        let setup = self.read_untracked(from, followup::next_setup)?;
        Some(self.create(&setup))
    }

    /// Delete a session and its private notes from the device. It can be
    /// put back with [`Sessions::undo_delete`] for [`UNDO_FOR`], from any
    /// screen; each deletion has its own time.
    pub fn delete(&self, id: &str) {
        let Some(session) = self.get_untracked(id) else {
            return;
        };
        let (private, airtime) = self.storage.with_value(|s| {
            let kept = (
                s.get(&store::private_key(id)),
                s.get(&store::airtime_key(id)),
            );
            records::delete_session(s, id);
            kept
        });
        self.list.update(|list| list.retain(|s| s.id != id));
        let n = self.deletions.get_value();
        self.deletions.set_value(n.wrapping_add(1));
        self.deleted.update(|d| {
            d.push(Deleted {
                n,
                session,
                private,
                airtime,
            })
        });
        let deleted = self.deleted;
        set_timeout(
            move || {
                // The app may be gone (a test unmounting it): nothing to do.
                let _ = deleted.try_update(|d| d.retain(|x| x.n != n));
            },
            UNDO_FOR,
        );
    }

    /// The deletions that can still be undone, oldest first, as `(number,
    /// names of the pair)`.
    pub fn pending_deletions(&self) -> Vec<(u32, Vec<String>)> {
        self.deleted
            .with(|d| d.iter().map(|x| (x.n, x.session.names.clone())).collect())
    }

    /// Put a deleted session back, as it was.
    pub fn undo_delete(&self, n: u32) {
        let mut taken = None;
        self.deleted.update(|d| {
            if let Some(at) = d.iter().position(|x| x.n == n) {
                taken = Some(d.remove(at));
            }
        });
        let Some(deleted) = taken else {
            return;
        };
        if let Some(raw) = &deleted.private {
            self.keep(&store::private_key(&deleted.session.id), raw);
        }
        if let Some(raw) = &deleted.airtime {
            self.keep(&store::airtime_key(&deleted.session.id), raw);
        }
        self.put(deleted.session);
    }

    /// Read every session, tracking changes.
    pub fn with_all<R>(&self, f: impl FnOnce(&[Session]) -> R) -> R {
        self.list.with(|list| f(list))
    }

    /// Add a session or replace the one with its id, and save it.
    pub fn put(&self, session: Session) {
        self.list
            .update(|list| match list.iter_mut().find(|s| s.id == session.id) {
                Some(slot) => *slot = session.clone(),
                None => list.insert(0, session.clone()),
            });
        self.record(&session);
    }

    /// A copy of this device's session with that id, if there is one.
    pub fn get_untracked(&self, id: &str) -> Option<Session> {
        self.read_untracked(id, Session::clone)
    }

    pub fn exists(&self, id: &str) -> bool {
        self.list.with(|list| list.iter().any(|s| s.id == id))
    }

    pub(super) fn exists_untracked(&self, id: &str) -> bool {
        self.list
            .with_untracked(|list| list.iter().any(|s| s.id == id))
    }

    /// How many sessions the device has.
    pub fn count(&self) -> usize {
        self.list.with(Vec::len)
    }

    /// The `n` latest sessions, newest first, as `(id, names, first topic,
    /// created)`.
    pub fn overview(&self, n: usize) -> Vec<(String, Vec<String>, String, i64)> {
        self.list.with(|list| {
            let mut latest: Vec<&Session> = list.iter().collect();
            latest.sort_by_key(|s| std::cmp::Reverse(s.created_ms));
            latest
                .into_iter()
                .take(n)
                .map(|s| {
                    let topic = s
                        .halves
                        .iter()
                        .map(|h| h.goal.topic.trim())
                        .find(|t| !t.is_empty())
                        .unwrap_or_default()
                        .to_string();
                    (s.id.clone(), s.names.clone(), topic, s.created_ms)
                })
                .collect()
        })
    }

    /// The id of the session last worked on, if it is still here.
    pub fn last_id(&self) -> Option<String> {
        let id = self.storage.with_value(|s| s.get(store::CURRENT_KEY))?;
        self.list
            .with_untracked(|l| l.iter().any(|s| s.id == id))
            .then_some(id)
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

    pub fn storage(&self) -> DeviceStorage {
        self.storage.get_value()
    }

    pub(super) fn read_untracked<R>(&self, id: &str, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.list
            .with_untracked(|list| list.iter().find(|s| s.id == id).map(f))
    }

    pub(super) fn read<R>(&self, id: &str, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.list
            .with(|list| list.iter().find(|s| s.id == id).map(f))
    }

    /// Change a session and save it at once. What another tab stored is
    /// merged in first, field by field (its event may not be heard yet);
    /// the fields changed are stamped, so a late copy cannot undo them.
    pub(super) fn update(&self, id: &str, f: impl FnOnce(&mut Session)) {
        // What another tab stored since, if its event is not heard yet.
        if let Some(stored) = self.stored_registers_of(id) {
            if self.take_in(id, &stored) {
                self.notices.raise(Notice::OtherTab);
            }
        }
        let mut saved = None;
        self.list.update(|list| {
            if let Some(session) = list.iter_mut().find(|s| s.id == id) {
                f(session);
                session.updated_ms = now_ms();
                saved = Some(session.clone());
            }
        });
        if let Some(session) = saved {
            self.record(&session);
        }
    }
}

/// A session just deleted, kept in memory so that it can be put back.
#[derive(Clone, Debug)]
struct Deleted {
    n: u32,
    session: Session,
    /// Its private notes' and airtime records, as stored.
    private: Option<String>,
    airtime: Option<String>,
}

pub use crate::app::current::{use_current, Current};

pub fn use_sessions() -> Sessions {
    expect_context::<Sessions>()
}
