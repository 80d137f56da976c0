//! The storage format: what is kept on the device, under which keys, and how
//! it is read back. Versioned from day one; each session is its own record,
//! so many sessions can be kept and a damaged one never takes the others
//! with it. The browser adapter (`platform::storage`) only moves strings.

use serde::{Deserialize, Serialize};

use crate::domain::exercise::{ExerciseId, ExerciseRun};
use crate::domain::private::PrivateNotes;
use crate::domain::session::Session;
use crate::domain::settings::Settings;

/// The version of the records this build writes.
pub const STORE_VERSION: u32 = 1;

pub const PREFIX: &str = "peer-coach.";
const SESSION_PREFIX: &str = "peer-coach.session.";
const ASIDE_PREFIX: &str = "peer-coach.aside.";
pub const SETTINGS_KEY: &str = "peer-coach.settings";
/// The id of the session last worked on.
pub const CURRENT_KEY: &str = "peer-coach.current";
/// Where in the current phase the pair was (the focused field), per device.
pub const FOCUS_KEY: &str = "peer-coach.focus";

pub fn session_key(id: &str) -> String {
    format!("{SESSION_PREFIX}{id}")
}

/// Where a session's private notes are kept (never in the session record,
/// so they can never travel with it).
pub fn private_key(id: &str) -> String {
    format!("{PREFIX}private.{id}")
}

pub fn is_session_key(key: &str) -> bool {
    key.starts_with(SESSION_PREFIX)
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

pub fn encode_session(session: &Session) -> String {
    encode(session)
}

pub fn decode_session(raw: &str) -> Result<Session, RecordError> {
    let mut session: Session = decode(raw)?;
    session.normalize();
    Ok(session)
}

pub fn encode_private(notes: &PrivateNotes) -> String {
    encode(notes)
}

pub fn decode_private(raw: &str) -> Result<PrivateNotes, RecordError> {
    decode(raw)
}

/// Where the latest run of an exercise done on its own is kept.
pub fn exercise_key(exercise: ExerciseId) -> String {
    format!("{PREFIX}exercise.{}", exercise.slug())
}

pub fn encode_exercise(run: &ExerciseRun) -> String {
    encode(run)
}

pub fn decode_exercise(raw: &str) -> Result<ExerciseRun, RecordError> {
    let mut run: ExerciseRun = decode(raw)?;
    run.normalize();
    Ok(run)
}

pub fn encode_settings(settings: &Settings) -> String {
    encode(settings)
}

pub fn decode_settings(raw: &str) -> Result<Settings, RecordError> {
    decode(raw)
}

/// What loading the stored records found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sessions: Vec<Session>,
    /// Damaged records: to be set aside under another key, unchanged.
    pub corrupt: Vec<String>,
    /// Records of a newer version: left where they are, untouched.
    pub newer: Vec<String>,
}

/// Read every session record among `(key, value)` pairs from storage.
pub fn load_sessions<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>) -> Loaded {
    let mut loaded = Loaded::default();
    for (key, raw) in records {
        if !is_session_key(key) {
            continue;
        }
        match decode_session(raw) {
            Ok(session) if session_key(&session.id) == key => loaded.sessions.push(session),
            Ok(_) | Err(RecordError::Corrupt) => loaded.corrupt.push(key.to_string()),
            Err(RecordError::Newer(_)) => loaded.newer.push(key.to_string()),
        }
    }
    loaded
        .sessions
        .sort_by_key(|s| std::cmp::Reverse(s.updated_ms));
    loaded
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
        let raw = encode_session(&s);
        assert!(raw.starts_with(r#"{"v":1,"data":"#));
        assert_eq!(decode_session(&raw), Ok(s));
    }

    #[test]
    fn damaged_and_newer_records_are_told_apart() {
        assert_eq!(decode_session("not json"), Err(RecordError::Corrupt));
        assert_eq!(
            decode_session(r#"{"v":1,"data":{}}"#),
            Err(RecordError::Corrupt)
        );
        assert_eq!(decode_session(r#"{"v":1}"#), Err(RecordError::Corrupt));
        assert_eq!(
            decode_session(r#"{"v":2,"data":"whatever"}"#),
            Err(RecordError::Newer(2))
        );
    }

    #[test]
    fn loading_keeps_good_sets_aside_bad_and_skips_newer() {
        let a = encode_session(&sample("a", 1));
        let b = encode_session(&sample("b", 9));
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
        let ids: Vec<_> = loaded.sessions.iter().map(|s| s.id.as_str()).collect();
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
        assert_eq!(decode_private(&encode_private(&notes)), Ok(notes));
        assert_eq!(private_key("abc"), "peer-coach.private.abc");
        assert!(!is_session_key(&private_key("abc")));
        let session = sample("abc", 0);
        assert!(!encode_session(&session).contains("mine"));
    }

    #[test]
    fn exercise_runs_round_trip_under_their_slug() {
        let mut run = ExerciseRun::new(ExerciseId::WhatIf);
        run.subject = "Launch plan".into();
        run.draw_prompt(3);
        assert_eq!(decode_exercise(&encode_exercise(&run)), Ok(run));
        assert_eq!(
            exercise_key(ExerciseId::WhatIf),
            "peer-coach.exercise.what-if"
        );
        assert_eq!(decode_exercise("{"), Err(RecordError::Corrupt));
    }

    #[test]
    fn settings_round_trip_and_tolerate_missing_fields() {
        let s = Settings { muted: true };
        assert_eq!(decode_settings(&encode_settings(&s)), Ok(s));
        assert_eq!(
            decode_settings(r#"{"v":1,"data":{}}"#),
            Ok(Settings::default())
        );
    }
}
