//! Restoring a backup: the merge by id, as the records to write and a
//! report of what they add. Nothing is ever written over.

use super::*;
use crate::domain::session::{CopyOf, CopySource};

/// One record a restore writes. Every change goes to a key that holds
/// nothing (or, for private notes, empty notes): see [`Change::may_write`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Session(Session),
    Private {
        session: String,
        notes: PrivateNotes,
    },
    Journal(JournalEntry),
    Exercise(ExerciseRun),
    Settings(Settings),
    /// A record kept exactly as it was (one this version cannot read, or
    /// one that found its place taken), under this key.
    AsStored {
        key: String,
        value: String,
    },
}

impl Change {
    /// The key and value to store.
    pub fn record(&self) -> (String, String) {
        match self {
            Change::Session(s) => (store::session_key(&s.id), s.encode()),
            Change::Private { session, notes } => (store::private_key(session), notes.encode()),
            Change::Journal(e) => (store::journal_key(&e.id), e.encode()),
            Change::Exercise(r) => (store::exercise_key(r.exercise), r.encode()),
            Change::Settings(s) => (store::SETTINGS_KEY.to_string(), s.encode()),
            Change::AsStored { key, value } => (key.clone(), value.clone()),
        }
    }

    /// May this change be written where `existing` is stored now? Only
    /// over nothing, over the same value, or (private notes) over empty
    /// notes: a restore never replaces anything, even if the device changed
    /// between reading it and writing.
    pub fn may_write(&self, existing: Option<&str>) -> bool {
        let Some(existing) = existing else {
            return true;
        };
        existing == self.record().1
            || matches!(self, Change::Private { .. })
                && PrivateNotes::decode(existing).is_ok_and(|n| n.is_empty())
    }
}

/// How many items of one kind a restore added, found already here, or kept
/// beside this device's different item of the same id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub unchanged: usize,
    pub kept_both: usize,
}

/// What a restore did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// Sessions (with their private notes). Kept both: the backup's is
    /// added as a copy under a new id, this device's stays as it is.
    pub sessions: Counts,
    /// Journal entries; kept both as for sessions.
    pub journal: Counts,
    /// Exercises done on their own (one run per exercise). Kept both: this
    /// device's run stays in use, the backup's is kept set aside.
    pub exercises: Counts,
    /// Private notes added to sessions here that had none.
    pub notes_added: usize,
    /// The backup's settings were taken (this device had none).
    pub settings_added: bool,
    /// Records kept as they were stored: ones this version cannot read,
    /// ones it keeps whole (rounds, the rotation, earlier exercise runs),
    /// and private notes that found different ones in their place.
    pub kept_as_stored: usize,
    /// Of those, the ones set aside, as this device has its own there: not
    /// in use here, never replacing anything, and in this device's backups.
    pub set_aside: usize,
    /// Items of the file that could not be read, skipped.
    pub unreadable: usize,
}

/// One line of what a restore did, as the backup panel says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    NothingNew,
    Sessions(Counts),
    Journal(Counts),
    Exercises(Counts),
    /// Private notes added to sessions here that had none.
    Notes(usize),
    /// The backup's settings were taken.
    Settings,
    /// Records kept whole, in their own place.
    Other(usize),
    /// Records set aside, as this device has its own.
    SetAside(usize),
    Unreadable(usize),
}

impl RestoreReport {
    /// What the panel says of this restore, a line each: everything the
    /// restore did, or that there was nothing new (never nothing at all).
    pub fn said(&self) -> Vec<Said> {
        let seen = |c: &Counts| c.added + c.kept_both + c.unchanged > 0;
        let mut lines = Vec::new();
        if !self.changed_anything() {
            lines.push(Said::NothingNew);
        }
        if self.changed_anything() {
            for (c, line) in [
                (self.sessions, Said::Sessions as fn(Counts) -> Said),
                (self.journal, Said::Journal),
                (self.exercises, Said::Exercises),
            ] {
                if seen(&c) {
                    lines.push(line(c));
                }
            }
            if self.notes_added > 0 {
                lines.push(Said::Notes(self.notes_added));
            }
            if self.settings_added {
                lines.push(Said::Settings);
            }
            let in_place = self.kept_as_stored.saturating_sub(self.set_aside);
            if in_place > 0 {
                lines.push(Said::Other(in_place));
            }
            if self.set_aside > 0 {
                lines.push(Said::SetAside(self.set_aside));
            }
        }
        if self.unreadable > 0 {
            lines.push(Said::Unreadable(self.unreadable));
        }
        lines
    }

    /// Did the restore add anything at all?
    pub fn changed_anything(&self) -> bool {
        let added = |c: &Counts| c.added + c.kept_both;
        added(&self.sessions)
            + added(&self.journal)
            + added(&self.exercises)
            + self.notes_added
            + self.kept_as_stored
            + usize::from(self.settings_added)
            > 0
    }
}

/// Merge `backup` into `device` by id, losing nothing: the changes to write
/// and what they do. `new_id` gives fresh ids for the copies kept beside
/// this device's items (it is asked again while it gives an id in use).
/// Restoring the same backup twice adds nothing the second time.
pub fn restore(
    device: &DeviceData,
    backup: &Backup,
    new_id: &mut dyn FnMut() -> String,
) -> (Vec<Change>, RestoreReport) {
    let mut m = Merge::new(device, new_id);
    m.exported_ms = backup.exported_ms;
    for s in &backup.data.sessions {
        m.session(s, backup.data.private.get(&s.id));
    }
    let with_session: HashSet<&str> = backup.data.sessions.iter().map(|s| s.id.as_str()).collect();
    for (id, notes) in &backup.data.private {
        if !with_session.contains(id.as_str()) {
            m.notes_alone(id, notes);
        }
    }
    for e in &backup.data.journal {
        m.journal(e);
    }
    for r in &backup.data.exercises {
        m.exercise(r);
    }
    if let Some(settings) = &backup.data.settings {
        if m.keys.insert(store::SETTINGS_KEY.to_string()) {
            m.changes.push(Change::Settings(settings.clone()));
            m.report.settings_added = true;
        }
    }
    for (key, value) in &backup.data.as_stored {
        m.as_stored(key, value);
    }
    m.report.unreadable = backup.unreadable;
    (m.changes, m.report)
}

/// A session or entry without its id: equal fingerprints, equal content.
fn fingerprint<T: Serialize + Clone>(item: &T, clear_id: impl FnOnce(&mut T)) -> String {
    let mut item = item.clone();
    clear_id(&mut item);
    serde_json::to_string(&item).unwrap_or_default()
}

pub(super) fn session_print(s: &Session) -> String {
    fingerprint(s, |s| {
        s.id.clear();
        s.copy_of = None;
    })
}

pub(super) fn entry_print(e: &JournalEntry) -> String {
    fingerprint(e, |e| e.id.clear())
}

/// The device as a restore goes along: what it holds and will hold.
struct Merge<'a> {
    new_id: &'a mut dyn FnMut() -> String,
    /// When the backup being restored was made.
    exported_ms: i64,
    /// Every key that holds a record, or will.
    keys: HashSet<String>,
    /// Session id → fingerprint, and fingerprint → session ids.
    sessions: HashMap<String, String>,
    session_prints: HashMap<String, Vec<String>>,
    notes: HashMap<String, PrivateNotes>,
    journal: HashMap<String, String>,
    journal_prints: HashSet<String>,
    exercises: HashMap<ExerciseId, ExerciseRun>,
    /// The values of the records kept as stored.
    stored: HashSet<String>,
    changes: Vec<Change>,
    report: RestoreReport,
}

impl<'a> Merge<'a> {
    fn new(device: &DeviceData, new_id: &'a mut dyn FnMut() -> String) -> Self {
        let mut m = Merge {
            new_id,
            exported_ms: 0,
            keys: device.keys(),
            sessions: HashMap::new(),
            session_prints: HashMap::new(),
            notes: device.private.clone().into_iter().collect(),
            journal: HashMap::new(),
            journal_prints: HashSet::new(),
            exercises: device
                .exercises
                .iter()
                .map(|r| (r.exercise, r.clone()))
                .collect(),
            stored: device.as_stored.values().cloned().collect(),
            changes: Vec::new(),
            report: RestoreReport::default(),
        };
        for s in &device.sessions {
            m.note_session(s.id.clone(), session_print(s));
        }
        for e in &device.journal {
            let print = entry_print(e);
            m.journal_prints.insert(print.clone());
            m.journal.insert(e.id.clone(), print);
        }
        m
    }

    fn note_session(&mut self, id: String, print: String) {
        self.keys.insert(store::session_key(&id));
        self.session_prints
            .entry(print.clone())
            .or_default()
            .push(id.clone());
        self.sessions.insert(id, print);
    }

    /// Can private notes be written for session `id` (nothing there, or
    /// empty notes)?
    fn notes_slot_free(&self, id: &str) -> bool {
        match self.notes.get(id) {
            Some(notes) => notes.is_empty(),
            None => !self.keys.contains(&store::private_key(id)),
        }
    }

    /// Are `theirs` already here for session `id` (or nothing to keep)?
    fn has_notes(&self, id: &str, theirs: Option<&PrivateNotes>) -> bool {
        theirs.is_none_or(|t| t.is_empty() || self.notes.get(id) == Some(t))
    }

    fn add_notes(&mut self, id: &str, notes: &PrivateNotes) {
        self.keys.insert(store::private_key(id));
        self.notes.insert(id.to_string(), notes.clone());
        self.changes.push(Change::Private {
            session: id.to_string(),
            notes: notes.clone(),
        });
    }

    /// An id of a valid form whose keys are all free.
    fn fresh_id(&mut self, keys_of: &[fn(&str) -> String]) -> String {
        let free = |keys: &HashSet<String>, id: &str| {
            is_valid_id(id) && keys_of.iter().all(|k| !keys.contains(&k(id)))
        };
        let mut last = String::new();
        for _ in 0..64 {
            last = (self.new_id)();
            if free(&self.keys, &last) {
                return last;
            }
        }
        // A generator that keeps repeating itself: count on from its id.
        let base: String = last.chars().take(48).collect();
        let base = if is_valid_id(&base) {
            base
        } else {
            "copy".to_string()
        };
        (1u64..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| free(&self.keys, id))
            .unwrap_or(base)
    }

    fn session(&mut self, theirs: &Session, notes: Option<&PrivateNotes>) {
        let id = theirs.id.as_str();
        let print = session_print(theirs);
        let key_free = !self.keys.contains(&store::session_key(id));
        if key_free && (self.has_notes(id, notes) || self.notes_slot_free(id)) {
            self.changes.push(Change::Session(theirs.clone()));
            self.note_session(id.to_string(), print);
            // Even empty notes, so that a restore gives back every record.
            if let Some(notes) = notes {
                if self.notes.get(id) != Some(notes) && self.notes_slot_free(id) {
                    self.add_notes(id, notes);
                }
            }
            self.report.sessions.added += 1;
            return;
        }
        if self.sessions.get(id) == Some(&print) {
            if self.has_notes(id, notes) {
                self.report.sessions.unchanged += 1;
                return;
            }
            if let Some(notes) = notes.filter(|_| self.notes_slot_free(id)) {
                self.add_notes(id, notes);
                self.report.notes_added += 1;
                self.report.sessions.unchanged += 1;
                return;
            }
        }
        // Different: is it here already as a copy (a restore before)?
        let copies = self.session_prints.get(&print).cloned().unwrap_or_default();
        if copies.iter().any(|c| self.has_notes(c, notes)) {
            self.report.sessions.unchanged += 1;
            return;
        }
        // A copy whose notes were not written (the storage was full).
        let without_notes = copies.iter().find(|c| self.notes_slot_free(c));
        if let (Some(copy), Some(notes)) = (without_notes, notes) {
            self.add_notes(copy, notes);
            self.report.notes_added += 1;
            self.report.sessions.unchanged += 1;
            return;
        }
        let new = self.fresh_id(&[store::session_key, store::private_key]);
        let copy = Session {
            id: new.clone(),
            // Say which is which in History: this one is the backup's.
            copy_of: Some(CopyOf {
                session: id.to_string(),
                source: CopySource::Backup,
                version_ms: self.exported_ms,
            }),
            ..theirs.clone()
        };
        self.changes.push(Change::Session(copy));
        self.note_session(new.clone(), print);
        if let Some(notes) = notes {
            self.add_notes(&new, notes);
        }
        self.report.sessions.kept_both += 1;
    }

    /// Private notes in the backup without their session.
    fn notes_alone(&mut self, id: &str, notes: &PrivateNotes) {
        if self.has_notes(id, Some(notes)) {
            return;
        }
        if self.notes_slot_free(id) {
            self.add_notes(id, notes);
            self.report.notes_added += 1;
        } else {
            self.keep_aside(&store::private_key(id), notes.encode());
            self.report.kept_as_stored += 1;
            self.report.set_aside += 1;
        }
    }

    fn journal(&mut self, theirs: &JournalEntry) {
        let print = entry_print(theirs);
        let id = if !self.keys.contains(&store::journal_key(&theirs.id)) {
            self.report.journal.added += 1;
            theirs.id.clone()
        } else if self.journal.get(&theirs.id) == Some(&print)
            || self.journal_prints.contains(&print)
        {
            self.report.journal.unchanged += 1;
            return;
        } else {
            self.report.journal.kept_both += 1;
            self.fresh_id(&[store::journal_key])
        };
        self.keys.insert(store::journal_key(&id));
        self.journal_prints.insert(print.clone());
        self.journal.insert(id.clone(), print);
        self.changes.push(Change::Journal(JournalEntry {
            id,
            ..theirs.clone()
        }));
    }

    fn exercise(&mut self, theirs: &ExerciseRun) {
        let key = store::exercise_key(theirs.exercise);
        match self.exercises.get(&theirs.exercise) {
            Some(mine) if mine == theirs => self.report.exercises.unchanged += 1,
            None if !self.keys.contains(&key) => {
                self.keys.insert(key);
                self.exercises.insert(theirs.exercise, theirs.clone());
                self.changes.push(Change::Exercise(theirs.clone()));
                self.report.exercises.added += 1;
            }
            _ => {
                let value = theirs.encode();
                if self.stored.contains(&value) {
                    self.report.exercises.unchanged += 1;
                } else {
                    self.keep_aside(&key, value);
                    self.report.exercises.kept_both += 1;
                }
            }
        }
    }

    /// A record kept as stored: under its own key where that is free and
    /// nothing this version reads belongs there (unless it is a newer
    /// version's record), set aside otherwise.
    fn as_stored(&mut self, key: &str, value: &str) {
        if self.stored.contains(value) {
            return;
        }
        let own_place = !self.keys.contains(key)
            && (!is_read_here(key) || store::is_newer_record(value))
            && !is_momentary(key);
        if own_place {
            self.keys.insert(key.to_string());
            self.stored.insert(value.to_string());
            self.changes.push(Change::AsStored {
                key: key.to_string(),
                value: value.to_string(),
            });
        } else {
            self.keep_aside(key, value.to_string());
            self.report.set_aside += 1;
        }
        self.report.kept_as_stored += 1;
    }

    /// Set `value` aside under the first free aside key for `key` (the
    /// caller counts it).
    fn keep_aside(&mut self, key: &str, value: String) {
        let aside = (0..)
            .map(|n| {
                if store::is_aside_key(key) {
                    if n == 0 {
                        key.to_string()
                    } else {
                        format!("{key}.{n}")
                    }
                } else {
                    store::aside_key(key, n)
                }
            })
            .find(|k| !self.keys.contains(k))
            .unwrap_or_default();
        self.keys.insert(aside.clone());
        self.stored.insert(value.clone());
        self.changes.push(Change::AsStored { key: aside, value });
    }
}
