//! A JSON backup of everything the app keeps on this device (sessions with
//! their private notes, the journal, exercises done on their own, the
//! settings, and the records this version cannot read, exactly as stored),
//! and a restore that merges a backup into the device by id without losing
//! anything: what is new is added, what is there already is left alone, and
//! where both hold something different under the same id, both are kept.
//!
//! Pure: `platform::records` reads the records into [`DeviceData`] and
//! writes the [`Change`]s of a restore.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::domain::exercise::{ExerciseId, ExerciseRun};
use crate::domain::journal::{self, JournalEntry};
use crate::domain::private::PrivateNotes;
use crate::domain::route::is_valid_id;
use crate::domain::session::Session;
use crate::domain::settings::Settings;
use crate::domain::store::{self, Listed, Record, PREFIX};

/// The marker that tells a backup file from any other JSON.
pub const BACKUP_FORMAT: &str = "peer-coach-backup";
/// The version of the backups this build writes (and the newest it reads).
pub const BACKUP_VERSION: u32 = 1;

/// Everything the app keeps on a device, as read from its records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceData {
    /// Oldest first (by when they were created, then by id).
    pub sessions: Vec<Session>,
    /// Private notes by session id.
    pub private: BTreeMap<String, PrivateNotes>,
    /// Newest first.
    pub journal: Vec<JournalEntry>,
    /// Exercises done on their own, in catalogue order.
    pub exercises: Vec<ExerciseRun>,
    /// `None` when no settings were ever stored.
    pub settings: Option<Settings>,
    /// Records this version cannot read (set aside, damaged, of a newer
    /// version, or of a kind it does not know), by key, exactly as stored.
    pub as_stored: BTreeMap<String, String>,
}

/// Keys that belong to this device's moment, not to its data: the session
/// open last, the focused field, the storage probe.
fn is_momentary(key: &str) -> bool {
    key == store::CURRENT_KEY || key == store::FOCUS_KEY || key == "peer-coach.probe"
}

fn exercise_prefix() -> String {
    format!("{PREFIX}exercise.")
}

/// Is `key` one of the kinds of record this version reads (so that nothing
/// but a record it wrote itself, or a newer version's, belongs there)?
fn is_read_here(key: &str) -> bool {
    store::is_session_key(key)
        || store::is_journal_key(key)
        || key.starts_with(&store::private_key(""))
        || key.starts_with(&exercise_prefix())
        || key == store::SETTINGS_KEY
        || is_momentary(key)
}

/// The record of a listed kind stored under `key`, if it can be read and
/// belongs there.
fn listed<T: Listed>(key: &str, raw: &str) -> Option<T> {
    T::decode(raw).ok().filter(|r| r.belongs_at(key))
}

impl DeviceData {
    /// Sort every `(key, value)` of the app's records into what this
    /// version can read and what it keeps as stored. Other apps' keys and
    /// the momentary ones are left out. Reads only: setting damaged records
    /// aside is the loaders' business.
    pub fn from_records<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut data = DeviceData::default();
        let private_prefix = store::private_key("");
        for (key, raw) in records {
            if !key.starts_with(PREFIX) || is_momentary(key) {
                continue;
            }
            let read = if Session::is_key(key) {
                listed(key, raw).map(|s| data.sessions.push(s))
            } else if let Some(id) = key.strip_prefix(&private_prefix) {
                PrivateNotes::decode(raw)
                    .ok()
                    .filter(|_| is_valid_id(id))
                    .map(|notes| {
                        data.private.insert(id.to_string(), notes);
                    })
            } else if JournalEntry::is_key(key) {
                listed(key, raw).map(|e| data.journal.push(e))
            } else if key.starts_with(&exercise_prefix()) {
                ExerciseRun::decode(raw)
                    .ok()
                    .filter(|r| ExerciseRun::key(&r.exercise) == key)
                    .map(|r| data.exercises.push(r))
            } else if key == store::SETTINGS_KEY {
                Settings::decode(raw).ok().map(|s| data.settings = Some(s))
            } else {
                None
            };
            if read.is_none() {
                data.as_stored.insert(key.to_string(), raw.to_string());
            }
        }
        data.sessions
            .sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
        journal::sort_newest_first(&mut data.journal);
        data.exercises.sort_by_key(|r| r.exercise);
        data
    }

    /// Every key that holds a record.
    fn keys(&self) -> HashSet<String> {
        let mut keys: HashSet<String> = self.as_stored.keys().cloned().collect();
        keys.extend(self.sessions.iter().map(|s| store::session_key(&s.id)));
        keys.extend(self.private.keys().map(|id| store::private_key(id)));
        keys.extend(self.journal.iter().map(|e| store::journal_key(&e.id)));
        keys.extend(
            self.exercises
                .iter()
                .map(|r| store::exercise_key(r.exercise)),
        );
        if self.settings.is_some() {
            keys.insert(store::SETTINGS_KEY.to_string());
        }
        keys
    }
}

/// A backup: everything of a device at one moment. The items are as
/// [`parse`] returns them (normalized), so `parse(&to_json(&b)) == Ok(b)`
/// for any backup made of a device's data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backup {
    pub exported_ms: i64,
    /// The device's records (in a parsed backup, in the file's order).
    pub data: DeviceData,
    /// Items of the file that could not be read and were skipped (never
    /// written to the file: [`parse`] counts them).
    pub unreadable: usize,
}

impl Backup {
    /// A backup of `device`, made at `now_ms`.
    pub fn of(device: &DeviceData, now_ms: i64) -> Self {
        Backup {
            exported_ms: now_ms,
            data: device.clone(),
            unreadable: 0,
        }
    }

    /// The file's suggested name: `peer-coach-backup-YYYY-MM-DD.json`
    /// (the day in UTC).
    pub fn file_name(&self) -> String {
        format!(
            "{BACKUP_FORMAT}-{}.json",
            journal::utc_date(self.exported_ms)
        )
    }
}

/// The file as written: the marker and version first, then the data.
#[derive(Serialize)]
struct Wire<'a> {
    format: &'a str,
    version: u32,
    exported_ms: i64,
    sessions: &'a [Session],
    private: &'a BTreeMap<String, PrivateNotes>,
    journal: &'a [JournalEntry],
    exercises: &'a [ExerciseRun],
    settings: &'a Option<Settings>,
    as_stored: &'a BTreeMap<String, String>,
}

/// The backup as a JSON file, indented so a person can read it.
pub fn to_json(backup: &Backup) -> String {
    let wire = Wire {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exported_ms: backup.exported_ms,
        sessions: &backup.data.sessions,
        private: &backup.data.private,
        journal: &backup.data.journal,
        exercises: &backup.data.exercises,
        settings: &backup.data.settings,
        as_stored: &backup.data.as_stored,
    };
    serde_json::to_string_pretty(&wire).unwrap_or_default()
}

/// Why a file cannot be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Not a Peer Coach backup at all: not JSON, or JSON without the
    /// backup marker (a shared link saved as text, another app's file).
    NotABackup,
    /// Made by a newer version of the app: refused as a whole (this
    /// version could only restore part of it).
    Newer { version: u32 },
    /// A Peer Coach backup whose structure is broken (no version, a list
    /// that is not a list). Single unreadable items do not make a backup
    /// damaged: they are skipped and counted in [`Backup::unreadable`].
    Damaged,
}

/// Read a backup file. Every item is checked on its own: one that cannot
/// be read is skipped and counted, never the whole file refused for it.
pub fn parse(text: &str) -> Result<Backup, BackupError> {
    let text = text.trim_start_matches('\u{feff}');
    let Ok(Value::Object(mut obj)) = serde_json::from_str::<Value>(text) else {
        return Err(BackupError::NotABackup);
    };
    if obj.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = obj
        .get("version")
        .and_then(Value::as_u64)
        .filter(|&v| v > 0)
        .ok_or(BackupError::Damaged)?;
    if version > u64::from(BACKUP_VERSION) {
        return Err(BackupError::Newer {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    let exported_ms = match obj.get("exported_ms") {
        None => 0,
        Some(v) => v.as_i64().ok_or(BackupError::Damaged)?,
    };
    let mut unreadable = 0;
    let sessions = items(list(&mut obj, "sessions")?, &mut unreadable, |v| {
        let mut s: Session = serde_json::from_value(v).ok()?;
        s.normalize();
        is_valid_id(&s.id).then_some(s)
    });
    let journal = items(list(&mut obj, "journal")?, &mut unreadable, |v| {
        let mut e: JournalEntry = serde_json::from_value(v).ok()?;
        e.normalize();
        is_valid_id(&e.id).then_some(e)
    });
    let exercises = items(list(&mut obj, "exercises")?, &mut unreadable, |v| {
        let mut r: ExerciseRun = serde_json::from_value(v).ok()?;
        r.normalize();
        Some(r)
    });
    let private = items(map(&mut obj, "private")?, &mut unreadable, |(id, v)| {
        let notes: PrivateNotes = serde_json::from_value(v).ok()?;
        is_valid_id(&id).then_some((id, notes))
    })
    .into_iter()
    .collect();
    let as_stored = items(map(&mut obj, "as_stored")?, &mut unreadable, |(key, v)| {
        let keep = key.starts_with(PREFIX) && !is_momentary(&key);
        Some((key, v.as_str()?.to_string())).filter(|_| keep)
    })
    .into_iter()
    .collect();
    let settings = match obj.remove("settings") {
        None | Some(Value::Null) => None,
        Some(v) => serde_json::from_value(v).ok().or_else(|| {
            unreadable += 1;
            None
        }),
    };
    Ok(Backup {
        exported_ms,
        data: DeviceData {
            sessions,
            private,
            journal,
            exercises,
            settings,
            as_stored,
        },
        unreadable,
    })
}

fn list(obj: &mut Map<String, Value>, name: &str) -> Result<Vec<Value>, BackupError> {
    match obj.remove(name) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(BackupError::Damaged),
    }
}

fn map(obj: &mut Map<String, Value>, name: &str) -> Result<Map<String, Value>, BackupError> {
    match obj.remove(name) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(items)) => Ok(items),
        Some(_) => Err(BackupError::Damaged),
    }
}

/// The items `read` can read; the others are counted in `unreadable`.
fn items<I, T>(all: I, unreadable: &mut usize, read: impl Fn(I::Item) -> Option<T>) -> Vec<T>
where
    I: IntoIterator,
{
    let mut out = Vec::new();
    for item in all {
        match read(item) {
            Some(t) => out.push(t),
            None => *unreadable += 1,
        }
    }
    out
}

mod restore;

#[cfg(test)]
use restore::{entry_print, session_print};
pub use restore::{restore, Change, Counts, RestoreReport, Said};

#[cfg(test)]
mod tests;
