//! The stored records and the backup file, byte for byte: every kind of
//! record the app keeps, written from the reference data, must equal the
//! checked-in golden files, and the golden files must read back to that
//! data, in every later version. Never edit or regenerate
//! `tests/golden/records.txt` or `tests/golden/backup.json`: a device that
//! holds them must go on reading them (a change of the format is a new
//! version with a migration, and new golden files beside these).

// Native only: the goldens are read from the source tree.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::airtime::Airtime;
use peer_coach::domain::backup::{self, Backup, DeviceData};
use peer_coach::domain::exercise::round::FeedForwardRound;
use peer_coach::domain::exercise::PastRun;
use peer_coach::domain::exercise::{ExerciseId, ExerciseRun};
use peer_coach::domain::fixtures::{
    large_history, reference_group_session, reference_session_with_exercises,
};
use peer_coach::domain::private::PrivateNotes;
use peer_coach::domain::rotation::{link, Schedule};
use peer_coach::domain::session::Session;
use peer_coach::domain::settings::Settings;
use peer_coach::domain::store::{self, Record};

/// 2026-03-17T08:00:00Z, a week after the reference session.
const EXPORTED_MS: i64 = 1_773_734_400_000;

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn schedule() -> Schedule {
    link::decode(golden("r1.txt").trim()).expect("the golden schedule link")
}

fn past_runs() -> Vec<PastRun> {
    let mut run = ExerciseRun::new(ExerciseId::WhatIf);
    run.subject = "The launch".into();
    run.draw_prompt(3);
    vec![PastRun {
        ended_ms: EXPORTED_MS - 3_600_000,
        run,
    }]
}

fn rounds() -> Vec<FeedForwardRound> {
    let people = ["Amara", "Jonas", "Mia"].map(String::from);
    vec![FeedForwardRound::new(&people, 2, EXPORTED_MS - 7_200_000)]
}

fn airtime() -> Airtime {
    let mut airtime = Airtime::new(4);
    airtime.speak(0, 1_000);
    airtime.speak(2, 61_000);
    airtime.set_turn(Some(1), 90_000);
    airtime.stop(120_000);
    airtime
}

fn private_notes() -> PrivateNotes {
    let mut notes = PrivateNotes::default();
    notes.set_half(0, "She hesitated on option 3".into());
    notes
}

fn exercise() -> ExerciseRun {
    let mut run = ExerciseRun::new(ExerciseId::RolePlay);
    run.subject = "Saying no to sales".into();
    run
}

fn settings() -> Settings {
    Settings {
        muted: true,
        language: Some("pt".into()),
        ..Settings::default()
    }
}

/// Every kind of record, as `(key, value)` in a fixed order: what a device
/// holding the reference data stores.
fn records() -> Vec<(String, String)> {
    let reference = reference_session_with_exercises();
    let group = reference_group_session();
    let (_, journal) = large_history(3, 2);
    let mut out = vec![
        (store::session_key(&reference.id), reference.encode()),
        (store::session_key(&group.id), group.encode()),
        (store::private_key(&reference.id), private_notes().encode()),
        (store::airtime_key(&group.id), airtime().encode()),
        (
            store::exercise_key(ExerciseId::RolePlay),
            exercise().encode(),
        ),
        (
            store::past_runs_key(ExerciseId::WhatIf),
            past_runs().encode(),
        ),
        (store::ROUNDS_KEY.to_string(), rounds().encode()),
        (store::ROTATION_KEY.to_string(), schedule().encode()),
        (store::SETTINGS_KEY.to_string(), settings().encode()),
    ];
    out.extend(
        journal
            .iter()
            .map(|e| (store::journal_key(&e.id), e.encode())),
    );
    out
}

/// The golden records file: one `key value` a line.
fn golden_records() -> Vec<(String, String)> {
    golden("records.txt")
        .lines()
        .map(|line| {
            let (k, v) = line.split_once(' ').expect("key value");
            (k.to_string(), v.to_string())
        })
        .collect()
}

fn as_lines(records: &[(String, String)]) -> String {
    records.iter().map(|(k, v)| format!("{k} {v}\n")).collect()
}

fn backup() -> Backup {
    let records = records();
    let device = DeviceData::from_records(records.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    Backup::of(&device, EXPORTED_MS)
}

#[test]
fn every_kind_of_record_is_written_as_the_golden_file() {
    assert_eq!(as_lines(&records()), golden("records.txt"));
}

#[test]
fn the_golden_records_read_back_to_the_same_data() {
    let golden = golden_records();
    let value = |key: &str| {
        golden
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no golden record {key}"))
    };
    let reference = reference_session_with_exercises();
    let group = reference_group_session();
    assert_eq!(
        Session::decode(value(&store::session_key(&reference.id))),
        Ok(reference.clone())
    );
    assert_eq!(
        Session::decode(value(&store::session_key(&group.id))),
        Ok(group.clone())
    );
    assert_eq!(
        PrivateNotes::decode(value(&store::private_key(&reference.id))),
        Ok(private_notes())
    );
    assert_eq!(
        Airtime::decode(value(&store::airtime_key(&group.id))),
        Ok(airtime())
    );
    assert_eq!(
        ExerciseRun::decode(value(&store::exercise_key(ExerciseId::RolePlay))),
        Ok(exercise())
    );
    assert_eq!(
        Vec::<PastRun>::decode(value(&store::past_runs_key(ExerciseId::WhatIf))),
        Ok(past_runs())
    );
    assert_eq!(
        Vec::<FeedForwardRound>::decode(value(store::ROUNDS_KEY)),
        Ok(rounds())
    );
    assert_eq!(Schedule::decode(value(store::ROTATION_KEY)), Ok(schedule()));
    assert_eq!(Settings::decode(value(store::SETTINGS_KEY)), Ok(settings()));
    let loaded = store::load_journal(golden.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let (_, mut journal) = large_history(3, 2);
    peer_coach::domain::journal::sort_newest_first(&mut journal);
    assert_eq!(loaded.records, journal);
    assert!(loaded.corrupt.is_empty() && loaded.newer.is_empty());
    let loaded = store::load_sessions(golden.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert_eq!(loaded.records.len(), 2);
    assert!(loaded.corrupt.is_empty() && loaded.newer.is_empty());
}

#[test]
fn the_backup_of_the_records_is_written_as_the_golden_file() {
    assert_eq!(backup::to_json(&backup()), golden("backup.json"));
}

#[test]
fn the_golden_backup_reads_back_to_the_same_backup() {
    assert_eq!(backup::parse(&golden("backup.json")), Ok(backup()));
    // And what the golden records make is that backup too.
    let golden = golden_records();
    let device = DeviceData::from_records(golden.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert_eq!(
        backup::to_json(&Backup::of(&device, EXPORTED_MS)),
        golden_backup_text()
    );
}

fn golden_backup_text() -> String {
    golden("backup.json")
}
