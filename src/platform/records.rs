//! Sessions and settings on the device, in the format of `domain::store`.
//! A record that cannot be read is set aside under another key, unchanged,
//! never deleted; a record from a newer version is left where it is.

use crate::domain::airtime::Airtime;
use crate::domain::backup::{Backup, Change, DeviceData};
use crate::domain::exercise::round::FeedForwardRound;
use crate::domain::exercise::{ExerciseId, ExerciseRun, PastRun};
use crate::domain::journal::JournalEntry;
use crate::domain::private::PrivateNotes;
use crate::domain::rotation::Schedule;
use crate::domain::session::Session;
use crate::domain::settings::Settings;
use crate::domain::setup::Setup;
use crate::domain::store::{self, Record, RecordError};
use crate::platform::storage::{DeviceStorage, StorageError};

/// What was found on the device at start.
#[derive(Debug, Default)]
pub struct Found {
    /// Readable sessions, most recently changed first.
    pub sessions: Vec<Session>,
    pub settings: Settings,
    /// How many unreadable records were set aside.
    pub set_aside: usize,
    /// How many records of a newer version were left untouched.
    pub newer: usize,
}

pub fn load(storage: &DeviceStorage) -> Found {
    let raw = records_where(storage, store::is_session_key);
    let loaded = store::load_sessions(pairs(&raw));
    let mut found = Found {
        sessions: loaded.records,
        newer: loaded.newer.len(),
        ..Found::default()
    };
    for key in &loaded.corrupt {
        set_aside(storage, key);
        found.set_aside += 1;
    }
    if let Some(raw) = storage.get(store::SETTINGS_KEY) {
        match Settings::decode(&raw) {
            Ok(settings) => found.settings = settings,
            Err(RecordError::Newer(_)) => found.newer += 1,
            Err(RecordError::Corrupt) => {
                set_aside(storage, store::SETTINGS_KEY);
                found.set_aside += 1;
            }
        }
    }
    found
}

/// The language chosen on this device, read without changing anything (for
/// the start, before the app loads its records).
pub fn stored_language(storage: &DeviceStorage) -> Option<String> {
    let raw = storage.get(store::SETTINGS_KEY)?;
    Settings::decode(&raw).ok()?.language
}

/// Copy a record to a free aside key; remove the original only once the
/// copy is safely written.
fn set_aside(storage: &DeviceStorage, key: &str) {
    let Some(value) = storage.get(key) else {
        return;
    };
    let free = (0..1000)
        .map(|n| store::aside_key(key, n))
        .find(|k| storage.get(k).is_none());
    if let Some(aside) = free {
        if storage.set(&aside, &value).is_ok() && storage.get(&aside).as_ref() == Some(&value) {
            storage.remove(key);
        }
    }
}

pub fn save_session(storage: &DeviceStorage, session: &Session) -> Result<(), StorageError> {
    save(storage, session.id.as_str(), session)
}

pub fn save_settings(storage: &DeviceStorage, settings: &Settings) -> Result<(), StorageError> {
    // A newer version's settings are not overwritten.
    if let Some(raw) = storage.get(store::SETTINGS_KEY) {
        if matches!(Settings::decode(&raw), Err(RecordError::Newer(_))) {
            return Ok(());
        }
    }
    storage.set(store::SETTINGS_KEY, &settings.encode())
}

/// The record `T` of `id` on the device, or an empty one if there is none
/// or it cannot be read (a damaged record is set aside first, never
/// overwritten).
fn load_or_empty<T: Record + Default>(storage: &DeviceStorage, id: &T::Id) -> T {
    let key = T::key(id);
    match storage.get(&key).map(|raw| T::decode(&raw)) {
        Some(Ok(record)) => record,
        Some(Err(RecordError::Corrupt)) => {
            set_aside(storage, &key);
            T::default()
        }
        _ => T::default(),
    }
}

/// Keep the record `T` of `id`.
fn save<T: Record>(storage: &DeviceStorage, id: &T::Id, record: &T) -> Result<(), StorageError> {
    storage.set(&T::key(id), &record.encode())
}

/// The setup form as it was left in this tab (`tab` is the tab's storage),
/// if it was left at all. One that cannot be read is left where it is (the
/// form starts as new, and the next change replaces it).
pub fn load_setup_draft(tab: &DeviceStorage) -> Option<Setup> {
    Setup::decode(&tab.get(store::SETUP_DRAFT_KEY)?).ok()
}

/// Keep the setup form as it is now, or forget it (`None`: begun,
/// cancelled, or back to how it started). A full storage keeps the last
/// draft it could: the form on screen is not touched.
pub fn save_setup_draft(tab: &DeviceStorage, draft: Option<&Setup>) {
    match draft {
        Some(setup) => {
            let _ = save(tab, &(), setup);
        }
        None => tab.remove(store::SETUP_DRAFT_KEY),
    }
}

/// This device's private notes for a session (empty if none or unreadable).
pub fn load_private(storage: &DeviceStorage, id: &str) -> PrivateNotes {
    load_or_empty(storage, id)
}

pub fn save_private(
    storage: &DeviceStorage,
    id: &str,
    notes: &PrivateNotes,
) -> Result<(), StorageError> {
    save(storage, id, notes)
}

/// This device's airtime tracking of a session (empty if none or
/// unreadable).
pub fn load_airtime(storage: &DeviceStorage, id: &str) -> Airtime {
    load_or_empty(storage, id)
}

pub fn save_airtime(
    storage: &DeviceStorage,
    id: &str,
    airtime: &Airtime,
) -> Result<(), StorageError> {
    save(storage, id, airtime)
}

/// What the device holds for an exercise done on its own.
pub enum StoredRun {
    Found(ExerciseRun),
    /// Nothing readable (a damaged record was set aside).
    Fresh,
    /// A newer version's record: used read-only, never written over.
    Newer,
}

pub fn load_exercise(storage: &DeviceStorage, id: ExerciseId) -> StoredRun {
    let key = store::exercise_key(id);
    match storage.get(&key).map(|raw| ExerciseRun::decode(&raw)) {
        Some(Ok(run)) if run.exercise == id => StoredRun::Found(run),
        Some(Err(RecordError::Newer(_))) => StoredRun::Newer,
        Some(_) => {
            set_aside(storage, &key);
            StoredRun::Fresh
        }
        None => StoredRun::Fresh,
    }
}

/// The earlier runs of an exercise done on its own, oldest first, with
/// whether they may be written (not when a newer version's record holds
/// them); a damaged record is set aside first.
pub fn load_past_runs(storage: &DeviceStorage, id: ExerciseId) -> (Vec<PastRun>, bool) {
    let key = store::past_runs_key(id);
    match storage.get(&key).map(|raw| Vec::<PastRun>::decode(&raw)) {
        Some(Ok(past)) => (
            past.into_iter().filter(|p| p.run.exercise == id).collect(),
            true,
        ),
        Some(Err(RecordError::Newer(_))) => (Vec::new(), false),
        Some(Err(RecordError::Corrupt)) => {
            set_aside(storage, &key);
            (Vec::new(), true)
        }
        None => (Vec::new(), true),
    }
}

/// The team rotation on the device: `Some` with whether it may be written
/// (not when a newer version's record holds it), or `None` when there is
/// none (a damaged record is set aside first).
pub fn load_rotation(storage: &DeviceStorage) -> Option<(Schedule, bool)> {
    match storage
        .get(store::ROTATION_KEY)
        .map(|raw| Schedule::decode(&raw))
    {
        Some(Ok(schedule)) => Some((schedule, true)),
        Some(Err(RecordError::Newer(_))) => Some((Schedule::default(), false)),
        Some(Err(RecordError::Corrupt)) => {
            set_aside(storage, store::ROTATION_KEY);
            None
        }
        None => None,
    }
}

/// The FeedForward rounds on the device, with whether they may be written
/// (not when a newer version's record holds them); a damaged record is set
/// aside first.
pub fn load_rounds(storage: &DeviceStorage) -> (Vec<FeedForwardRound>, bool) {
    match storage
        .get(store::ROUNDS_KEY)
        .map(|raw| Vec::<FeedForwardRound>::decode(&raw))
    {
        Some(Ok(rounds)) => (rounds, true),
        Some(Err(RecordError::Newer(_))) => (Vec::new(), false),
        Some(Err(RecordError::Corrupt)) => {
            set_aside(storage, store::ROUNDS_KEY);
            (Vec::new(), true)
        }
        None => (Vec::new(), true),
    }
}

/// Where the pair was in the current phase: `(session id, field id)`.
pub fn load_focus(storage: &DeviceStorage) -> Option<(String, String)> {
    let raw = storage.get(store::FOCUS_KEY)?;
    let (session, field) = raw.split_once(' ')?;
    Some((session.to_string(), field.to_string()))
}

pub fn save_focus(storage: &DeviceStorage, session: &str, field: &str) {
    let _ = storage.set(store::FOCUS_KEY, &format!("{session} {field}"));
}

/// Remove a session and this device's private notes for it (history's
/// delete; the caller asks first). Journal entries about its actions stay:
/// they are the writer's own.
pub fn delete_session(storage: &DeviceStorage, id: &str) {
    storage.remove(&store::session_key(id));
    storage.remove(&store::private_key(id));
    storage.remove(&store::airtime_key(id));
}

/// The journal as found on the device.
#[derive(Debug, Default)]
pub struct FoundJournal {
    /// Readable entries, newest first.
    pub entries: Vec<JournalEntry>,
    /// How many unreadable entries were set aside.
    pub set_aside: usize,
    /// How many entries of a newer version were left untouched (and are
    /// not shown).
    pub newer: usize,
}

/// Every `(key, value)` of the app's records that `wanted` picks.
fn records_where(storage: &DeviceStorage, wanted: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    storage
        .keys()
        .into_iter()
        .filter(|k| wanted(k))
        .filter_map(|k| storage.get(&k).map(|v| (k, v)))
        .collect()
}

/// Why the session `id` is not among those read (see [`store::why_missing`]).
pub fn why_missing(storage: &DeviceStorage, id: &str) -> store::Missing {
    let raw = records_where(storage, |k| {
        k == store::session_key(id) || store::is_aside_of_session(k, id)
    });
    store::why_missing(pairs(&raw), id)
}

fn pairs(records: &[(String, String)]) -> impl Iterator<Item = (&str, &str)> {
    records.iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

/// Read the journal; unreadable entries are set aside, unchanged.
pub fn load_journal(storage: &DeviceStorage) -> FoundJournal {
    let raw = records_where(storage, store::is_journal_key);
    let loaded = store::load_journal(pairs(&raw));
    for key in &loaded.corrupt {
        set_aside(storage, key);
    }
    FoundJournal {
        entries: loaded.records,
        set_aside: loaded.corrupt.len(),
        newer: loaded.newer.len(),
    }
}

/// Keep a journal entry (a newer version's record under its key is never
/// written over).
pub fn save_journal_entry(
    storage: &DeviceStorage,
    entry: &JournalEntry,
) -> Result<(), StorageError> {
    let key = store::journal_key(&entry.id);
    if let Some(raw) = storage.get(&key) {
        if matches!(JournalEntry::decode(&raw), Err(RecordError::Newer(_))) {
            return Ok(());
        }
    }
    storage.set(&key, &entry.encode())
}

pub fn delete_journal_entry(storage: &DeviceStorage, id: &str) {
    storage.remove(&store::journal_key(id));
}

/// How much of this browser's storage the app's records take.
pub fn storage_use(storage: &DeviceStorage) -> store::StorageUse {
    let raw = records_where(storage, |k| k.starts_with(store::PREFIX));
    store::storage_use(pairs(&raw))
}

/// Everything the app keeps on the device, read without changing anything.
pub fn load_device(storage: &DeviceStorage) -> DeviceData {
    let raw = records_where(storage, |k| k.starts_with(store::PREFIX));
    DeviceData::from_records(pairs(&raw))
}

/// A backup of everything on the device (see `domain::backup`).
pub fn gather_backup(storage: &DeviceStorage, now_ms: i64) -> Backup {
    Backup::of(&load_device(storage), now_ms)
}

/// Write the changes of a restore (`domain::backup::restore`). A change
/// whose key holds something else by now (another tab wrote it) is left
/// out, never written over: returns how many were left out (normally 0).
/// A full storage stops the writing; what was written stays, and
/// restoring the same backup again later adds the rest.
pub fn apply_restore(storage: &DeviceStorage, changes: &[Change]) -> Result<usize, StorageError> {
    let mut left_out = 0;
    for change in changes {
        let (key, value) = change.record();
        if change.may_write(storage.get(&key).as_deref()) {
            storage.set(&key, &value)?;
        } else {
            left_out += 1;
        }
    }
    Ok(left_out)
}
