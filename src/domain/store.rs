//! The storage format: what is kept on the device, under which keys, and how
//! it is read back. Versioned from day one; each session is its own record,
//! so many sessions can be kept and a damaged one never takes the others
//! with it. The browser adapter (`platform::storage`) only moves strings.

use serde::{Deserialize, Serialize};

use crate::domain::airtime::Airtime;
use crate::domain::exercise::round::FeedForwardRound;
use crate::domain::exercise::{ExerciseId, ExerciseRun, PastRun};
use crate::domain::journal::{self, JournalEntry};
use crate::domain::merge::registers::Registers;
use crate::domain::private::PrivateNotes;
use crate::domain::rotation::Schedule;
use crate::domain::route::is_valid_id;
use crate::domain::session::Session;
use crate::domain::settings::Settings;
use crate::domain::setup::Setup;

/// The version of the records this build writes.
pub const STORE_VERSION: u32 = 1;

pub const PREFIX: &str = "peer-coach.";
const SESSION_PREFIX: &str = "peer-coach.session.";
const ASIDE_PREFIX: &str = "peer-coach.aside.";
const JOURNAL_PREFIX: &str = "peer-coach.journal.";
pub const SETTINGS_KEY: &str = "peer-coach.settings";
/// The id of the session last worked on.
pub const CURRENT_KEY: &str = "peer-coach.current";
/// Where in the current phase the pair was (the focused field), per device.
pub const FOCUS_KEY: &str = "peer-coach.focus";
/// The live invitations this device answered (each is answered once).
pub const LIVE_ANSWERED_KEY: &str = "peer-coach.live-answered";
/// The live connection this tab had open (in the tab's own storage): a
/// reload ends it, and the page says so when it comes back.
pub const LIVE_OPEN_KEY: &str = "peer-coach.live-open";

pub fn session_key(id: &str) -> String {
    Session::key(id)
}

pub fn is_session_key(key: &str) -> bool {
    Session::is_key(key)
}

/// Where a journal entry is kept: one record per entry, on this device
/// only (never in a session record, so no link can carry it).
pub fn journal_key(id: &str) -> String {
    JournalEntry::key(id)
}

pub fn is_journal_key(key: &str) -> bool {
    JournalEntry::is_key(key)
}

/// Where a session's private notes are kept.
pub fn private_key(id: &str) -> String {
    PrivateNotes::key(id)
}

/// Where this device's airtime tracking of a session is kept.
pub fn airtime_key(id: &str) -> String {
    Airtime::key(id)
}

/// Where the latest run of an exercise done on its own is kept.
pub fn exercise_key(exercise: ExerciseId) -> String {
    ExerciseRun::key(&exercise)
}

/// Where the earlier runs of an exercise done on its own are kept.
pub fn past_runs_key(exercise: ExerciseId) -> String {
    Vec::<PastRun>::key(&exercise)
}

/// Where an unreadable record is set aside, unchanged. `n` makes the key
/// unique when something was set aside under the same name before.
pub fn aside_key(key: &str, n: u32) -> String {
    let name = key.strip_prefix(PREFIX).unwrap_or(key);
    if n == 0 {
        format!("{ASIDE_PREFIX}{name}")
    } else {
        format!("{ASIDE_PREFIX}{name}.{n}")
    }
}

/// Why the address of a session finds no session to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// No record of it on this device.
    NotHere,
    /// Its record could not be read: it was set aside, unchanged (or it
    /// could not even be moved, and stays unreadable where it is).
    SetAside,
    /// Its record was written by a newer version, and left untouched.
    Newer,
}

/// Is `key` where the session record `id` was set aside (the first time,
/// or a later time, `.1`, `.2`…)? Ids have no dots, so no other session's
/// aside key is ever taken for it.
pub fn is_aside_of_session(key: &str, id: &str) -> bool {
    let base = aside_key(&session_key(id), 0);
    key.strip_prefix(base.as_str()).is_some_and(|rest| {
        rest.is_empty()
            || rest
                .strip_prefix('.')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Why the session `id` is not among the sessions read from the stored
/// `(key, value)` pairs: its record is there but newer or unreadable, or
/// was set aside, or there is none.
pub fn why_missing<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>, id: &str) -> Missing {
    let own = session_key(id);
    let mut missing = Missing::NotHere;
    for (key, raw) in records {
        if key == own {
            return match Session::decode(raw) {
                Err(RecordError::Newer(_)) => Missing::Newer,
                _ => Missing::SetAside,
            };
        }
        if is_aside_of_session(key, id) {
            missing = Missing::SetAside;
        }
    }
    missing
}

/// Why a stored record cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Not a record this app can read (damaged, or not ours).
    Corrupt,
    /// Written by a newer version of the app.
    Newer(u32),
}

#[derive(Serialize)]
struct Out<'a, T> {
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

#[derive(Deserialize)]
struct In<T> {
    data: T,
}

fn encode<T: Serialize>(data: &T) -> String {
    serde_json::to_string(&Out {
        v: STORE_VERSION,
        data,
    })
    .unwrap_or_default()
}

fn decode<T: for<'de> Deserialize<'de>>(raw: &str) -> Result<T, RecordError> {
    let VersionOnly { v } = serde_json::from_str(raw).map_err(|_| RecordError::Corrupt)?;
    if v > STORE_VERSION {
        return Err(RecordError::Newer(v));
    }
    let In { data } = serde_json::from_str(raw).map_err(|_| RecordError::Corrupt)?;
    Ok(data)
}

/// Was this record written by a newer version of the app (and so is to be
/// left as it is)?
pub fn is_newer_record(raw: &str) -> bool {
    serde_json::from_str::<VersionOnly>(raw).is_ok_and(|r| r.v > STORE_VERSION)
}

/// A session with its fields' registers (when each last changed, by
/// which tab): the stored record two tabs merge. The registers are beside
/// the session, so a reader that does not know them reads the session.
pub fn encode_session_stamped(session: &Session, regs: &Registers) -> String {
    #[derive(Serialize)]
    struct OutStamped<'a> {
        v: u32,
        data: &'a Session,
        regs: &'a Registers,
    }
    serde_json::to_string(&OutStamped {
        v: STORE_VERSION,
        data: session,
        regs,
    })
    .unwrap_or_default()
}

/// A stored session's registers: those it was stored with, or for a record
/// stored without them (an older one), its fields unstamped.
pub fn decode_registers(raw: &str, session: &Session) -> Registers {
    #[derive(Deserialize)]
    struct RegsOnly {
        regs: Option<Registers>,
    }
    serde_json::from_str::<RegsOnly>(raw)
        .ok()
        .and_then(|r| r.regs)
        .filter(|r| r.session().is_some_and(|s| s.id == session.id))
        .unwrap_or_else(|| Registers::unstamped(session))
}

/// The team rotation kept on this device.
pub const ROTATION_KEY: &str = "peer-coach.rotation";

/// The FeedForward rounds done on this device, oldest first.
pub const ROUNDS_KEY: &str = "peer-coach.rounds";

/// The setup form being filled in, kept in the tab's own storage
/// (`sessionStorage`) until the session begins or the form is cancelled.
pub const SETUP_DRAFT_KEY: &str = "peer-coach.setup-draft";

/// A record set aside because it could not be read.
pub fn is_aside_key(key: &str) -> bool {
    key.starts_with(ASIDE_PREFIX)
}

/// A kind of record the app keeps on the device: where it is kept, and how
/// it is written (`{"v":1,"data":…}`) and read back. One implementation per
/// kind; the loaders, the backup and the restore go through it.
pub trait Record: Serialize + for<'de> Deserialize<'de> {
    /// What tells one record of the kind from another: a session id, an
    /// exercise, or `()` for the one record of its kind.
    type Id: ?Sized;

    /// Where the record of `id` is kept.
    fn key(id: &Self::Id) -> String;

    /// Repair what an older or damaged record may hold (called on every
    /// record read).
    fn normalize(&mut self) {}

    /// The record as stored.
    fn encode(&self) -> String {
        encode(self)
    }

    /// A stored record read back, normalized.
    fn decode(raw: &str) -> Result<Self, RecordError> {
        let mut record: Self = decode(raw)?;
        record.normalize();
        Ok(record)
    }
}

/// A record that carries its own id, many of the kind kept side by side,
/// each under the key of its id (sessions, journal entries).
pub trait Listed: Record<Id = str> {
    /// The keys of the kind start with this.
    const KEY_PREFIX: &'static str;

    fn id(&self) -> &str;

    /// Is `key` one of the kind's keys?
    fn is_key(key: &str) -> bool {
        key.starts_with(Self::KEY_PREFIX)
    }

    /// Is this record the one `key` may hold: its own key, of a valid id?
    /// (A record found under another key is not trusted.)
    fn belongs_at(&self, key: &str) -> bool {
        Self::key(self.id()) == key && is_valid_id(self.id())
    }
}

impl Record for Session {
    type Id = str;
    fn key(id: &str) -> String {
        format!("{SESSION_PREFIX}{id}")
    }
    fn normalize(&mut self) {
        Session::normalize(self);
    }
}

impl Listed for Session {
    const KEY_PREFIX: &'static str = SESSION_PREFIX;
    fn id(&self) -> &str {
        &self.id
    }
}

impl Record for JournalEntry {
    type Id = str;
    fn key(id: &str) -> String {
        format!("{JOURNAL_PREFIX}{id}")
    }
    fn normalize(&mut self) {
        JournalEntry::normalize(self);
    }
}

impl Listed for JournalEntry {
    const KEY_PREFIX: &'static str = JOURNAL_PREFIX;
    fn id(&self) -> &str {
        &self.id
    }
}

/// A session's private notes, kept apart from the session record so they
/// can never travel with it.
impl Record for PrivateNotes {
    type Id = str;
    fn key(session: &str) -> String {
        format!("{PREFIX}private.{session}")
    }
}

/// This device's airtime tracking of a session (the facilitator's own:
/// never in the session record or a link).
impl Record for Airtime {
    type Id = str;
    fn key(session: &str) -> String {
        format!("{PREFIX}airtime.{session}")
    }
}

/// The latest run of an exercise done on its own.
impl Record for ExerciseRun {
    type Id = ExerciseId;
    fn key(exercise: &ExerciseId) -> String {
        format!("{PREFIX}exercise.{}", exercise.slug())
    }
    fn normalize(&mut self) {
        ExerciseRun::normalize(self);
    }
}

/// The earlier runs of an exercise done on its own, kept apart from its
/// current run so that a version without them still reads that.
impl Record for Vec<PastRun> {
    type Id = ExerciseId;
    fn key(exercise: &ExerciseId) -> String {
        format!("{PREFIX}past-runs.{}", exercise.slug())
    }
    fn normalize(&mut self) {
        self.iter_mut().for_each(|p| p.run.normalize());
    }
}

/// The FeedForward rounds done on this device, oldest first.
impl Record for Vec<FeedForwardRound> {
    type Id = ();
    fn key(_: &()) -> String {
        ROUNDS_KEY.to_string()
    }
    fn normalize(&mut self) {
        self.iter_mut().for_each(FeedForwardRound::normalize);
    }
}

/// The team rotation kept on this device.
impl Record for Schedule {
    type Id = ();
    fn key(_: &()) -> String {
        ROTATION_KEY.to_string()
    }
}

/// The setup form being filled in (in the tab's storage, not the device's).
impl Record for Setup {
    type Id = ();
    fn key(_: &()) -> String {
        SETUP_DRAFT_KEY.to_string()
    }
    fn normalize(&mut self) {
        Setup::normalize(self);
    }
}

impl Record for Settings {
    type Id = ();
    fn key(_: &()) -> String {
        SETTINGS_KEY.to_string()
    }
}

/// What loading the stored records of a listed kind found.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The readable records, in the order the kind's loader gives.
    pub records: Vec<T>,
    /// Damaged records: to be set aside under another key, unchanged.
    pub corrupt: Vec<String>,
    /// Records of a newer version: left where they are, untouched.
    pub newer: Vec<String>,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded {
            records: Vec::new(),
            corrupt: Vec::new(),
            newer: Vec::new(),
        }
    }
}

/// Read every record of the kind `T` among `(key, value)` pairs from
/// storage, in their order.
pub fn load_listed<'a, T: Listed>(
    records: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Loaded<T> {
    let mut loaded = Loaded::default();
    for (key, raw) in records {
        if !T::is_key(key) {
            continue;
        }
        match T::decode(raw) {
            Ok(record) if record.belongs_at(key) => loaded.records.push(record),
            Ok(_) | Err(RecordError::Corrupt) => loaded.corrupt.push(key.to_string()),
            Err(RecordError::Newer(_)) => loaded.newer.push(key.to_string()),
        }
    }
    loaded
}

/// Read every session record among `(key, value)` pairs from storage,
/// most recently changed first.
pub fn load_sessions<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>) -> Loaded<Session> {
    let mut loaded = load_listed::<Session>(records);
    loaded
        .records
        .sort_by_key(|s| std::cmp::Reverse(s.updated_ms));
    loaded
}

/// Read every journal record among `(key, value)` pairs from storage,
/// newest first.
pub fn load_journal<'a>(
    records: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Loaded<JournalEntry> {
    let mut loaded = load_listed::<JournalEntry>(records);
    journal::sort_newest_first(&mut loaded.records);
    loaded
}

/// How much of the browser's storage the app uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StorageUse {
    /// Bytes as browsers count them: two per UTF-16 unit of every key and
    /// value of the app's (set-aside records included).
    pub bytes: usize,
    /// Session records.
    pub sessions: usize,
    /// Journal entries.
    pub journal: usize,
}

/// The storage used by the app's records among `(key, value)` pairs
/// (other apps' keys are not counted).
pub fn storage_use<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>) -> StorageUse {
    let mut used = StorageUse::default();
    for (key, value) in records.into_iter().filter(|(k, _)| k.starts_with(PREFIX)) {
        used.bytes += 2 * (key.encode_utf16().count() + value.encode_utf16().count());
        used.sessions += usize::from(is_session_key(key));
        used.journal += usize::from(is_journal_key(key));
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Setup;

    fn sample(id: &str, updated: i64) -> Session {
        let mut s = Session::new(id.into(), 0, &Setup::default());
        s.updated_ms = updated;
        s
    }

    #[test]
    fn session_round_trips_with_version() {
        let s = sample("abc", 5);
        let raw = Record::encode(&s);
        assert!(raw.starts_with(r#"{"v":1,"data":"#));
        assert_eq!(Session::decode(&raw), Ok(s));
    }

    #[test]
    fn damaged_and_newer_records_are_told_apart() {
        assert_eq!(Session::decode("not json"), Err(RecordError::Corrupt));
        assert_eq!(
            Session::decode(r#"{"v":1,"data":{}}"#),
            Err(RecordError::Corrupt)
        );
        assert_eq!(Session::decode(r#"{"v":1}"#), Err(RecordError::Corrupt));
        assert_eq!(
            Session::decode(r#"{"v":2,"data":"whatever"}"#),
            Err(RecordError::Newer(2))
        );
        assert!(is_newer_record(r#"{"v":2,"data":"whatever"}"#));
        assert!(!is_newer_record(r#"{"v":1,"data":{}}"#) && !is_newer_record("{"));
    }

    #[test]
    fn a_missing_session_says_why() {
        let newer = r#"{"v":9,"data":{"id":"n"}}"#;
        let records = [
            ("peer-coach.aside.session.a", "{broken"),
            ("peer-coach.aside.session.b.3", "{broken"),
            ("peer-coach.aside.session.bc", "{broken"),
            ("peer-coach.session.n", newer),
            ("peer-coach.session.d", "{still broken"),
            ("peer-coach.aside.session.e.x", "{"),
        ];
        for (id, why) in [
            ("a", Missing::SetAside),
            ("b", Missing::SetAside),
            ("bc", Missing::SetAside),
            ("n", Missing::Newer),
            ("d", Missing::SetAside),
            ("c", Missing::NotHere),
            ("e", Missing::NotHere),
            ("aside", Missing::NotHere),
        ] {
            assert_eq!(why_missing(records, id), why, "{id}");
        }
    }

    #[test]
    fn loading_keeps_good_sets_aside_bad_and_skips_newer() {
        let a = Record::encode(&sample("a", 1));
        let b = Record::encode(&sample("b", 9));
        let records = vec![
            ("peer-coach.session.a", a.as_str()),
            ("peer-coach.session.b", b.as_str()),
            ("peer-coach.session.c", "{broken"),
            ("peer-coach.session.d", r#"{"v":7,"data":1}"#),
            // A record under the wrong key is not trusted.
            ("peer-coach.session.e", a.as_str()),
            ("peer-coach.settings", "{}"),
            ("other-app", "x"),
        ];
        let loaded = load_sessions(records);
        let ids: Vec<_> = loaded.records.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"], "newest first");
        assert_eq!(
            loaded.corrupt,
            ["peer-coach.session.c", "peer-coach.session.e"]
        );
        assert_eq!(loaded.newer, ["peer-coach.session.d"]);
    }

    #[test]
    fn aside_keys_never_collide_with_live_keys() {
        let key = session_key("abc");
        assert_eq!(aside_key(&key, 0), "peer-coach.aside.session.abc");
        assert_eq!(aside_key(&key, 2), "peer-coach.aside.session.abc.2");
        assert!(!is_session_key(&aside_key(&key, 0)));
    }

    #[test]
    fn private_notes_live_apart_from_the_session() {
        let mut notes = PrivateNotes::default();
        notes.set_half(0, "mine".into());
        assert_eq!(PrivateNotes::decode(&Record::encode(&notes)), Ok(notes));
        assert_eq!(private_key("abc"), "peer-coach.private.abc");
        assert!(!is_session_key(&private_key("abc")));
        let session = sample("abc", 0);
        assert!(!Record::encode(&session).contains("mine"));
    }

    #[test]
    fn exercise_runs_round_trip_under_their_slug() {
        let mut run = ExerciseRun::new(ExerciseId::WhatIf);
        run.subject = "Launch plan".into();
        run.draw_prompt(3);
        assert_eq!(ExerciseRun::decode(&Record::encode(&run)), Ok(run));
        assert_eq!(
            exercise_key(ExerciseId::WhatIf),
            "peer-coach.exercise.what-if"
        );
        assert_eq!(ExerciseRun::decode("{"), Err(RecordError::Corrupt));
    }

    #[test]
    fn settings_round_trip_and_tolerate_missing_fields() {
        let s = Settings {
            muted: true,
            language: Some("es".into()),
            use_stun: true,
            stun_server: Some("stun:stun.example.org:3478".into()),
        };
        assert_eq!(Settings::decode(&Record::encode(&s)), Ok(s));
        assert_eq!(
            Settings::decode(r#"{"v":1,"data":{}}"#),
            Ok(Settings::default())
        );
    }

    #[test]
    fn journal_entries_load_newest_first_and_bad_ones_are_told_apart() {
        let entry = |id: &str, date: &str| JournalEntry {
            id: id.into(),
            date: date.into(),
            tried: "the silent round".into(),
            ..JournalEntry::default()
        };
        let a = Record::encode(&entry("a", "2026-03-01"));
        let b = Record::encode(&entry("b", "2026-03-09"));
        assert!(a.starts_with(r#"{"v":1,"data":"#));
        assert_eq!(JournalEntry::decode(&a), Ok(entry("a", "2026-03-01")));
        assert_eq!(journal_key("a"), "peer-coach.journal.a");
        assert!(is_journal_key(&journal_key("a")) && !is_session_key(&journal_key("a")));
        assert!(!is_journal_key(&aside_key(&journal_key("a"), 0)));
        assert!(is_aside_key(&aside_key(&journal_key("a"), 0)));
        let bad_id = Record::encode(&entry("no such id", "2026-03-01"));
        let records = vec![
            ("peer-coach.journal.a", a.as_str()),
            ("peer-coach.journal.b", b.as_str()),
            ("peer-coach.journal.c", "{broken"),
            ("peer-coach.journal.d", r#"{"v":3,"data":{}}"#),
            ("peer-coach.journal.e", a.as_str()),
            ("peer-coach.journal.no such id", bad_id.as_str()),
            ("peer-coach.session.a", a.as_str()),
        ];
        let loaded = load_journal(records);
        let ids: Vec<_> = loaded.records.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(
            loaded.corrupt,
            [
                "peer-coach.journal.c",
                "peer-coach.journal.e",
                "peer-coach.journal.no such id"
            ]
        );
        assert_eq!(loaded.newer, ["peer-coach.journal.d"]);
    }

    #[test]
    fn storage_use_counts_utf16_bytes_of_our_keys_only() {
        let records = vec![
            ("peer-coach.session.a", "{}"),
            ("peer-coach.journal.b", "ü€"),
            ("peer-coach.journal.c", "😀"),
            ("peer-coach.aside.session.d", "x"),
            ("other-app", "a long value that is not ours"),
        ];
        let used = storage_use(records);
        let chars = (20 + 2) + (20 + 2) + (20 + 2) + (26 + 1);
        assert_eq!(
            used,
            StorageUse {
                bytes: 2 * chars,
                sessions: 1,
                journal: 2
            }
        );
    }
}
