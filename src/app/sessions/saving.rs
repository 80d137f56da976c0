//! Writing sessions: this tab's stamps, the one debounced save, and
//! taking in what another tab of the app stored (field by field, through
//! `merge::registers`).

use super::*;

impl Sessions {
    /// Another tab of this app saved a session: merge its registers with
    /// this tab's field by field (`merge::registers`), so that edits to
    /// different fields both stay; store again what this tab had that the
    /// version written lacks (it was written from a late read); say so
    /// when the same field was changed in both at once.
    pub(super) fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key().filter(|k| store::is_session_key(k)) else {
                return;
            };
            // What this tab changed and has not saved yet is stamped first,
            // so that the merge weighs it like a saved change.
            let unsaved = self
                .unsaved
                .with_value(|u| u.iter().find(|id| store::session_key(id) == key).cloned());
            if let Some(id) = &unsaved {
                self.unsaved.update_value(|u| {
                    u.remove(id);
                });
                self.record_shown(id);
            }
            // The version written (events may come late, after a later
            // write: the merge does not mind the order).
            let Some(raw) = ev
                .new_value()
                .or_else(|| self.storage.with_value(|s| s.get(&key)))
            else {
                // Deleted there: gone here too, so no edit here brings it back.
                let had = self
                    .list
                    .with_untracked(|l| l.iter().any(|e| store::session_key(&e.id) == key));
                if had {
                    self.list
                        .update(|l| l.retain(|e| store::session_key(&e.id) != key));
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
                self.known.update_value(|m| drop(m.insert(id.clone(), raw)));
                self.list.update(|l| l.insert(0, Entry::new(theirs)));
                self.notices.raise(Notice::OtherTab);
                return;
            }
            if self.take_in(&id, &regs) {
                self.notices.raise(Notice::OtherTab);
            }
            self.known.update_value(|m| drop(m.insert(id.clone(), raw)));
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
    pub(super) fn stored_registers_of(&self, id: &str) -> Option<Registers> {
        let raw = self
            .storage
            .with_value(|s| s.get(&store::session_key(id)))?;
        let session = Session::decode(&raw).ok().filter(|s| s.id == id)?;
        Some(store::decode_registers(&raw, &session))
    }

    /// The registers stored for a session, if another tab wrote its
    /// record since this tab last wrote or read it. Cheap when none did:
    /// the record is compared, not decoded.
    pub(super) fn written_elsewhere(&self, id: &str) -> Option<Registers> {
        let raw = self
            .storage
            .with_value(|s| s.get(&store::session_key(id)))?;
        if self
            .known
            .with_value(|m| m.get(id).is_some_and(|k| *k == raw))
        {
            return None;
        }
        let session = Session::decode(&raw).ok().filter(|s| s.id == id)?;
        let regs = store::decode_registers(&raw, &session);
        self.known
            .update_value(|m| drop(m.insert(id.to_string(), raw)));
        Some(regs)
    }

    /// Take in another tab's registers of a session: field by field the
    /// later change stays (`merge::registers`); a field changed in both
    /// without either seeing the other keeps both changes, joined, and is
    /// reported. Returns whether this
    /// tab's session changed. What this tab has not saved must be
    /// recorded first ([`Sessions::record_shown`]).
    pub(super) fn take_in(&self, id: &str, theirs: &Registers) -> bool {
        let Some(entry) = self.entry(id) else {
            return false;
        };
        let current = entry.session.get_untracked();
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
                entry.session.set(view);
                true
            }
            _ => false,
        }
    }

    /// A new stamp of this tab: later than every stamp it made before.
    pub(super) fn stamp(&self) -> Stamp {
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
    pub(super) fn record(&self, session: &Session) {
        self.record_registers(session);
        self.write(&session.id);
    }

    /// Stamp the fields of a session that changed, in this tab's registers.
    pub(super) fn record_registers(&self, session: &Session) {
        let at = self.stamp();
        self.regs.update_value(|m| {
            let regs = m.entry(session.id.clone()).or_default();
            regs.record(session, &at);
        });
    }

    /// Stamp what the session shown has that the registers lack.
    pub(super) fn record_shown(&self, id: &str) {
        if let Some(session) = self.entry(id).map(|e| e.session.get_untracked()) {
            self.record_registers(&session);
        }
    }

    /// Store a session as this tab's registers hold it.
    pub(super) fn write(&self, id: &str) {
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
        self.known
            .update_value(|m| drop(m.insert(id.to_string(), record)));
        let differs = self.read_untracked(id, |s| *s != session).unwrap_or(true);
        if differs {
            self.show(session);
        }
    }

    /// Save every session changed and not saved yet, now: what another
    /// tab stored since is merged in first (the fields this tab changed
    /// are stamped before, so they weigh as the later change).
    pub fn flush(&self) {
        if let Some((timer, _)) = self.save_timer.try_get_value().flatten() {
            timer.clear();
            self.save_timer.set_value(None);
        }
        let Some(ids) = self.unsaved.try_update_value(std::mem::take) else {
            return; // the app is gone
        };
        for id in ids {
            if !self.exists_untracked(&id) {
                continue;
            }
            self.record_shown(&id);
            if let Some(stored) = self.written_elsewhere(&id) {
                if self.take_in(&id, &stored) {
                    self.notices.raise(Notice::OtherTab);
                }
            }
            self.write(&id);
        }
    }

    /// Save soon: [`SAVE_AFTER`] after the last change, at most
    /// [`SAVE_WITHIN`] after the first one not saved.
    pub(super) fn save_soon(&self) {
        let now = now_ms() as f64;
        let since = match self.save_timer.get_value() {
            Some((timer, since)) => {
                timer.clear();
                since
            }
            None => now,
        };
        let wait = (SAVE_AFTER.as_millis() as f64)
            .min(since + SAVE_WITHIN.as_millis() as f64 - now)
            .max(0.0);
        let this = *self;
        let timer = set_timeout_with_handle(
            move || {
                // The app may be gone (a test unmounting it): nothing to do.
                if this.save_timer.try_set_value(None).is_none() {
                    this.flush();
                }
            },
            Duration::from_millis(wait as u64),
        );
        if let Ok(timer) = timer {
            self.save_timer.set_value(Some((timer, since)));
        } else {
            self.flush();
        }
    }
}
