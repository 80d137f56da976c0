use std::collections::BTreeMap;

use super::*;
use crate::domain::fixtures::reference_session_with_exercises;
use crate::domain::journal::ActionRef;
use crate::domain::session::Setup;

type Records = BTreeMap<String, String>;

fn device(records: &Records) -> DeviceData {
    DeviceData::from_records(records.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// What `records::apply_restore` does, on a map: writes what may be
/// written, counts what may not.
fn apply(records: &mut Records, changes: &[Change]) -> usize {
    let mut skipped = 0;
    for change in changes {
        let (key, value) = change.record();
        if change.may_write(records.get(&key).map(String::as_str)) {
            records.insert(key, value);
        } else {
            skipped += 1;
        }
    }
    skipped
}

/// Fresh ids: "copy1", "copy2", …
fn counter() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("copy{n}")
    }
}

fn put(records: &mut Records, change: Change) {
    let (key, value) = change.record();
    records.insert(key, value);
}

fn session(id: &str, created: i64, topic: &str) -> Session {
    let setup = Setup {
        names: ["Mia".into(), "Sam".into()],
        ..Setup::default()
    };
    let mut s = Session::new(id.into(), created, &setup);
    s.turns[0].goal.topic = topic.into();
    s
}

fn entry(id: &str, created: i64, tried: &str) -> JournalEntry {
    let mut e = JournalEntry::new(id.into(), created, "2026-03-12".into(), 1);
    e.tried = tried.into();
    e
}

fn notes(text: &str) -> PrivateNotes {
    let mut n = PrivateNotes::default();
    n.set_half(0, text.into());
    n
}

/// A device with something of every kind, including what this version
/// cannot read and what does not belong in a backup.
fn rich_records() -> Records {
    let mut r = Records::new();
    let reference = reference_session_with_exercises();
    let ref_id = reference.id.clone();
    put(&mut r, Change::Session(reference));
    put(&mut r, Change::Session(session("b", 5, "Delegating")));
    put(
        &mut r,
        Change::Private {
            session: ref_id.clone(),
            notes: notes("She hesitated on option 3"),
        },
    );
    put(
        &mut r,
        Change::Private {
            session: "b".into(),
            notes: PrivateNotes::default(),
        },
    );
    let mut about_action = entry("j1", 10, "The silent round");
    about_action.action = Some(ActionRef {
        session: ref_id,
        action: 6,
    });
    about_action.learned = "Start with it".into();
    put(&mut r, Change::Journal(about_action));
    put(&mut r, Change::Journal(entry("j2", 20, "Said no to sales")));
    let mut run = ExerciseRun::new(ExerciseId::WhatIf);
    run.subject = "The launch".into();
    put(&mut r, Change::Exercise(run));
    put(
        &mut r,
        Change::Settings(Settings {
            muted: true,
            language: None,
            ..Settings::default()
        }),
    );
    for (key, value) in [
        ("peer-coach.aside.session.zzz", "{broken"),
        (
            "peer-coach.session.later",
            r#"{"v":9,"data":{"id":"later"}}"#,
        ),
        ("peer-coach.checkin.x", r#"{"v":1,"data":{}}"#),
    ] {
        r.insert(key.into(), value.into());
    }
    r
}

/// What a backup carries of a device's records.
fn backed_up(mut records: Records) -> Records {
    records.retain(|k, _| k.starts_with(PREFIX) && !is_momentary(k));
    records
}

#[test]
fn a_backup_round_trips_through_its_json() {
    let mut records = rich_records();
    records.insert("peer-coach.current".into(), "b".into());
    records.insert("other-app.key".into(), "x".into());
    let device = device(&records);
    assert_eq!(device.sessions.len(), 2);
    assert_eq!(device.journal.len(), 2);
    assert_eq!(device.exercises.len(), 1);
    assert_eq!(device.private.len(), 2);
    assert_eq!(
        device.settings,
        Some(Settings {
            muted: true,
            language: None,
            ..Settings::default()
        })
    );
    assert_eq!(
        device.as_stored.keys().collect::<Vec<_>>(),
        [
            "peer-coach.aside.session.zzz",
            "peer-coach.checkin.x",
            "peer-coach.session.later"
        ]
    );
    let backup = Backup::of(&device, 1_773_129_600_000);
    let json = to_json(&backup);
    assert!(json.starts_with("{\n  \"format\": \"peer-coach-backup\",\n  \"version\": 1,"));
    assert_eq!(parse(&json), Ok(backup.clone()));
    assert_eq!(parse(&format!("\u{feff}{json}")), Ok(backup.clone()));
    assert_eq!(backup.file_name(), "peer-coach-backup-2026-03-10.json");
}

#[test]
fn restoring_into_an_empty_device_gives_identical_records() {
    let original = rich_records();
    let backup = parse(&to_json(&Backup::of(&device(&original), 1))).unwrap();
    let mut fresh = Records::new();
    let (changes, report) = restore(&DeviceData::default(), &backup, &mut counter());
    assert_eq!(apply(&mut fresh, &changes), 0);
    assert_eq!(fresh, backed_up(original));
    let added = |n| Counts {
        added: n,
        ..Counts::default()
    };
    assert_eq!(
        report,
        RestoreReport {
            sessions: added(2),
            journal: added(2),
            exercises: added(1),
            notes_added: 0,
            settings_added: true,
            kept_as_stored: 3,
            set_aside: 0,
            unreadable: 0,
        }
    );
    assert!(report.changed_anything());
}

#[test]
fn restoring_twice_adds_nothing_the_second_time() {
    let mut records = Records::new();
    put(&mut records, Change::Session(session("a", 1, "Mine")));
    put(&mut records, Change::Journal(entry("j1", 1, "Mine")));
    let mut backup = Backup::of(&device(&rich_records()), 1);
    // Conflicts too: the same ids, other content.
    backup.data.sessions.push(session("a", 1, "Theirs"));
    backup.data.journal.push(entry("j1", 1, "Theirs"));
    let mut other_run = ExerciseRun::new(ExerciseId::WhatIf);
    other_run.subject = "Another launch".into();
    backup.data.exercises.push(other_run);
    backup.data.private.insert("gone".into(), notes("orphan"));

    let (changes, first) = restore(&device(&records), &backup, &mut counter());
    assert!(first.changed_anything());
    assert_eq!(apply(&mut records, &changes), 0);
    let after_first = records.clone();
    let (changes, second) = restore(&device(&records), &backup, &mut counter());
    assert_eq!(changes, []);
    assert!(!second.changed_anything(), "{second:?}");
    assert_eq!(second.sessions.unchanged, 3);
    assert_eq!(second.journal.unchanged, 3);
    assert_eq!(second.exercises.unchanged, 2);
    assert_eq!(records, after_first);
}

#[test]
fn a_conflict_keeps_both_and_the_notes_follow_the_copy() {
    let mut records = Records::new();
    put(&mut records, Change::Session(session("a", 1, "Mine")));
    put(
        &mut records,
        Change::Private {
            session: "a".into(),
            notes: notes("my notes"),
        },
    );
    put(&mut records, Change::Journal(entry("j1", 1, "Mine")));
    let mut backup = Backup::default();
    backup.data.sessions.push(session("a", 1, "Theirs"));
    backup.data.private.insert("a".into(), notes("their notes"));
    backup.data.journal.push(entry("j1", 1, "Theirs"));

    // A generator giving an id in use, or one that is not an id, is asked on.
    let mut given = vec!["a", "bad id!", "copy1", "j1"].into_iter();
    let mut new_id = move || given.next().unwrap_or("copy9").to_string();
    let (changes, report) = restore(&device(&records), &backup, &mut new_id);
    assert_eq!(report.sessions.kept_both, 1);
    assert_eq!(report.journal.kept_both, 1);
    apply(&mut records, &changes);
    let after = device(&records);
    let topics: Vec<_> = after
        .sessions
        .iter()
        .map(|s| (s.id.as_str(), s.turns[0].goal.topic.as_str()))
        .collect();
    assert_eq!(topics, [("a", "Mine"), ("copy1", "Theirs")]);
    assert_eq!(after.private["a"], notes("my notes"));
    assert_eq!(after.private["copy1"], notes("their notes"));
    let mut tried: Vec<_> = after
        .journal
        .iter()
        .map(|e| (e.id.as_str(), e.tried.as_str()))
        .collect();
    tried.sort();
    assert_eq!(tried, [("copy9", "Theirs"), ("j1", "Mine")]);

    // One that keeps giving the same id in use: counted on from it.
    let theirs = Backup::of(
        &DeviceData {
            sessions: vec![session("a", 1, "Yet another")],
            ..DeviceData::default()
        },
        0,
    );
    let (changes, _) = restore(&device(&records), &theirs, &mut || "a".to_string());
    assert!(matches!(&changes[..], [Change::Session(s)] if s.id == "a-1"));
}

#[test]
fn notes_are_added_to_a_session_that_had_none() {
    let mut records = Records::new();
    put(&mut records, Change::Session(session("a", 1, "Same")));
    put(
        &mut records,
        Change::Private {
            session: "a".into(),
            notes: PrivateNotes::default(),
        },
    );
    let mut backup = Backup::default();
    backup.data.sessions.push(session("a", 1, "Same"));
    backup
        .data
        .private
        .insert("a".into(), notes("written elsewhere"));
    let (changes, report) = restore(&device(&records), &backup, &mut counter());
    assert_eq!((report.notes_added, report.sessions.unchanged), (1, 1));
    assert_eq!(
        apply(&mut records, &changes),
        0,
        "empty notes may be filled"
    );
    assert_eq!(device(&records).private["a"], notes("written elsewhere"));
}

#[test]
fn a_different_exercise_run_is_kept_aside_and_the_device_keeps_its_own() {
    let mut mine = ExerciseRun::new(ExerciseId::RolePlay);
    mine.subject = "Mine".into();
    let mut records = Records::new();
    put(&mut records, Change::Exercise(mine.clone()));
    let mut theirs = mine.clone();
    theirs.subject = "Theirs".into();
    let backup = Backup::of(
        &DeviceData {
            exercises: vec![theirs.clone()],
            ..DeviceData::default()
        },
        0,
    );
    let (changes, report) = restore(&device(&records), &backup, &mut counter());
    assert_eq!(report.exercises.kept_both, 1);
    apply(&mut records, &changes);
    let after = device(&records);
    assert_eq!(after.exercises, [mine]);
    assert_eq!(
        after.as_stored["peer-coach.aside.exercise.role-play"],
        theirs.encode()
    );
}

#[test]
fn settings_stay_unless_the_device_has_none() {
    let theirs = Backup::of(
        &DeviceData {
            settings: Some(Settings {
                muted: true,
                language: None,
                ..Settings::default()
            }),
            ..DeviceData::default()
        },
        0,
    );
    let mut records = Records::new();
    put(
        &mut records,
        Change::Settings(Settings {
            muted: false,
            language: None,
            ..Settings::default()
        }),
    );
    let (changes, report) = restore(&device(&records), &theirs, &mut counter());
    assert_eq!((changes.len(), report.settings_added), (0, false));
    let (changes, report) = restore(&DeviceData::default(), &theirs, &mut counter());
    assert_eq!(
        changes,
        [Change::Settings(Settings {
            muted: true,
            language: None,
            ..Settings::default()
        })]
    );
    assert!(report.settings_added);
}

#[test]
fn a_newer_record_on_the_device_is_never_written_over() {
    let mut records = Records::new();
    let newer = r#"{"v":4,"data":{"id":"a"}}"#.to_string();
    records.insert(store::session_key("a"), newer.clone());
    records.insert(store::journal_key("j1"), newer.clone());
    let backup = Backup::of(
        &DeviceData {
            sessions: vec![session("a", 1, "Theirs")],
            journal: vec![entry("j1", 1, "Theirs")],
            ..DeviceData::default()
        },
        0,
    );
    let (changes, report) = restore(&device(&records), &backup, &mut counter());
    assert_eq!(
        (report.sessions.kept_both, report.journal.kept_both),
        (1, 1)
    );
    assert_eq!(apply(&mut records, &changes), 0);
    assert_eq!(records[&store::session_key("a")], newer);
    assert_eq!(records[&store::journal_key("j1")], newer);
    assert!(records.contains_key(&store::session_key("copy1")));
    // And if the device changed between reading and writing, nothing is
    // replaced either.
    let late = Change::Session(session("b", 1, "x"));
    assert!(!late.may_write(Some(&newer)));
    assert!(late.may_write(None));
    assert!(late.may_write(Some(&late.record().1)));
    let private = Change::Private {
        session: "b".into(),
        notes: notes("x"),
    };
    assert!(!private.may_write(Some(&notes("y").encode())));
    assert!(private.may_write(Some(&PrivateNotes::default().encode())));
}

#[test]
fn records_kept_as_stored_never_take_a_place_this_version_reads() {
    // A file that puts a readable-looking session where only this
    // version's own records belong: it is kept, set aside.
    let sneaky = session("x", 1, "sneaky").encode();
    let mut backup = Backup::default();
    backup
        .data
        .as_stored
        .insert(store::session_key("x"), sneaky.clone());
    backup
        .data
        .as_stored
        .insert("peer-coach.aside.session.q".into(), "{broken".into());
    let mut records = Records::new();
    records.insert("peer-coach.aside.session.q".into(), "{other".into());
    let (changes, report) = restore(&device(&records), &backup, &mut counter());
    assert_eq!(report.kept_as_stored, 2);
    apply(&mut records, &changes);
    assert!(!records.contains_key(&store::session_key("x")));
    assert_eq!(records["peer-coach.aside.session.x"], sneaky);
    assert_eq!(records["peer-coach.aside.session.q.1"], "{broken");
    assert_eq!(records["peer-coach.aside.session.q"], "{other");
}

#[test]
fn a_newer_backup_is_refused() {
    for (text, version) in [
        (
            r#"{"format":"peer-coach-backup","version":2,"sessions":"??"}"#,
            2,
        ),
        (
            r#"{"format":"peer-coach-backup","version":99999999999}"#,
            u32::MAX,
        ),
    ] {
        assert_eq!(parse(text), Err(BackupError::Newer { version }));
    }
}

#[test]
fn other_files_are_not_backups() {
    for text in [
        "",
        "not json",
        "https://example.org/peer-coach/#s1.AbC-_9",
        r#"{"v":1,"data":{}}"#,
        "[]",
        r#""peer-coach-backup""#,
        r#"{"format":"something-else","version":1}"#,
        r#"{"format":1}"#,
    ] {
        assert_eq!(parse(text), Err(BackupError::NotABackup), "{text}");
    }
}

#[test]
fn a_broken_structure_is_damaged() {
    for text in [
        r#"{"format":"peer-coach-backup"}"#,
        r#"{"format":"peer-coach-backup","version":0}"#,
        r#"{"format":"peer-coach-backup","version":"1"}"#,
        r#"{"format":"peer-coach-backup","version":1,"sessions":{}}"#,
        r#"{"format":"peer-coach-backup","version":1,"private":[]}"#,
        r#"{"format":"peer-coach-backup","version":1,"exported_ms":"today"}"#,
    ] {
        assert_eq!(parse(text), Err(BackupError::Damaged), "{text}");
    }
    let empty = parse(r#"{"format":"peer-coach-backup","version":1}"#).unwrap();
    assert_eq!(empty, Backup::default());
}

#[test]
fn unreadable_items_are_skipped_and_counted_the_rest_restored() {
    let mut backup = Backup::of(&device(&rich_records()), 7);
    backup.data.as_stored.clear();
    let mut value: Value = serde_json::from_str(&to_json(&backup)).unwrap();
    let sessions = value["sessions"].as_array_mut().unwrap();
    sessions.push(serde_json::json!({ "id": "half-a-session" }));
    let mut bad_id = serde_json::to_value(session("b", 1, "x")).unwrap();
    bad_id["id"] = "no spaces".into();
    sessions.push(bad_id);
    value["journal"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "id": "", "tried": "x" }));
    value["exercises"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "exercise": "from-the-future" }));
    value["private"]["../x"] = serde_json::json!({ "halves": ["x"] });
    value["as_stored"]["other-app"] = "x".into();
    value["as_stored"]["peer-coach.aside.n"] = 5.into();
    value["settings"] = "loud".into();
    let parsed = parse(&value.to_string()).unwrap();
    assert_eq!(parsed.unreadable, 8);
    assert_eq!(parsed.data.sessions, backup.data.sessions);
    assert_eq!(parsed.data.journal, backup.data.journal);
    assert_eq!(parsed.data.exercises, backup.data.exercises);
    assert_eq!(parsed.data.private, backup.data.private);
    assert_eq!(parsed.data.settings, None);
    let (_, report) = restore(&DeviceData::default(), &parsed, &mut counter());
    assert_eq!(report.unreadable, 8);
    assert_eq!(report.sessions.added, 2);
}

#[test]
fn items_are_normalized_on_the_way_in() {
    let mut s = session("a", 1, "x");
    s.turns[0].confidence = Some(42);
    let mut e = entry("j", 0, "x");
    e.date = "yesterday".into();
    let text = format!(
        r#"{{"format":"peer-coach-backup","version":1,"sessions":[{}],"journal":[{}]}}"#,
        serde_json::to_string(&s).unwrap(),
        serde_json::to_string(&e).unwrap()
    );
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.data.sessions[0].turns[0].confidence, Some(10));
    assert_eq!(parsed.data.journal[0].date, "1970-01-01");
}

#[test]
fn a_large_history_restores_into_itself_without_changes() {
    let (sessions, journal) = crate::domain::fixtures::large_history(500, 2_000);
    let mut records = Records::new();
    for s in sessions {
        put(&mut records, Change::Session(s));
    }
    for e in journal {
        put(&mut records, Change::Journal(e));
    }
    let here = device(&records);
    assert_eq!((here.sessions.len(), here.journal.len()), (500, 2_000));
    let backup = parse(&to_json(&Backup::of(&here, 1))).unwrap();
    let (changes, report) = restore(&here, &backup, &mut counter());
    assert_eq!(changes, []);
    assert_eq!(
        (report.sessions.unchanged, report.journal.unchanged),
        (500, 2_000)
    );
    let mut fresh = Records::new();
    let (changes, _) = restore(&DeviceData::default(), &backup, &mut counter());
    apply(&mut fresh, &changes);
    assert_eq!(fresh, records);
}

#[test]
fn the_large_history_is_varied_and_the_same_every_time() {
    let (sessions, journal) = crate::domain::fixtures::large_history(120, 300);
    assert_eq!(
        crate::domain::fixtures::large_history(120, 300),
        (sessions.clone(), journal.clone())
    );
    let partners: std::collections::BTreeSet<_> = sessions.iter().map(|s| &s.names[1]).collect();
    assert_eq!(partners.len(), 12);
    let first = journal::utc_date(sessions[0].created_ms);
    let last = journal::utc_date(sessions[119].created_ms);
    assert!(
        first.starts_with("2023-03") && last.starts_with("2026-0"),
        "{first} {last}"
    );
    let mut statuses = std::collections::HashSet::new();
    for s in &sessions {
        let actions: Vec<_> = s.turns.iter().flat_map(|h| &h.actions).collect();
        assert!((3..=6).contains(&actions.len()));
        statuses.extend(actions.iter().map(|a| a.status));
        let mut normalized = s.clone();
        normalized.normalize();
        assert_eq!(&normalized, s);
    }
    assert_eq!(statuses.len(), 4);
    assert!(sessions[12..].iter().all(|s| !s.follow_up.is_empty()));
    let about_actions = journal.iter().filter(|e| e.action.is_some()).count();
    assert!(
        about_actions > 100 && about_actions <= 150,
        "{about_actions}"
    );
    for e in &journal {
        if let Some(a) = &e.action {
            let s = sessions.iter().find(|s| s.id == a.session).unwrap();
            assert!(s.created_ms <= e.created_ms);
            assert!(s.turns.iter().any(|h| h.action_number(a.action) > 0));
        }
    }
}

#[test]
fn a_restore_cut_short_by_a_full_storage_is_finished_by_the_next() {
    let mut records = Records::new();
    put(&mut records, Change::Session(session("a", 1, "Mine")));
    put(&mut records, Change::Journal(entry("j1", 1, "Mine")));
    let backup = Backup::of(
        &DeviceData {
            sessions: vec![session("a", 1, "Theirs"), session("b", 2, "New")],
            private: [("a".into(), notes("theirs")), ("b".into(), notes("new"))].into(),
            journal: vec![entry("j1", 1, "Theirs"), entry("j2", 2, "New")],
            ..DeviceData::default()
        },
        0,
    );
    let (changes, _) = restore(&device(&records), &backup, &mut counter());
    let mut complete = records.clone();
    apply(&mut complete, &changes);
    // What the device holds, whatever the ids of the copies.
    let content = |records: &Records| {
        let d = device(records);
        let mut sessions: Vec<_> = (d.sessions.iter())
            .map(|s| {
                (
                    session_print(s),
                    d.private.get(&s.id).map(|n| n.turns.clone()),
                )
            })
            .collect();
        sessions.sort();
        let mut journal: Vec<_> = d.journal.iter().map(entry_print).collect();
        journal.sort();
        (sessions, journal, d.private.len())
    };
    // Every cut: the first `n` changes written, then the storage was full.
    for n in 0..changes.len() {
        let mut cut = records.clone();
        apply(&mut cut, &changes[..n]);
        let (rest, _) = restore(&device(&cut), &backup, &mut counter());
        apply(&mut cut, &rest);
        assert_eq!(content(&cut), content(&complete), "cut after {n}");
    }
}

/// A restore into a device that has its own FeedForward rounds: the
/// backup's are set aside (nothing replaced), and the panel says so.
#[test]
fn rounds_set_aside_by_a_restore_are_said() {
    use crate::domain::exercise::round::FeedForwardRound;
    let mine = vec![FeedForwardRound::new(
        &["A".into(), "B".into(), "C".into()],
        2,
        1,
    )];
    let mut theirs = FeedForwardRound::new(&["Ana".into(), "Ben".into(), "Cy".into()], 2, 2);
    theirs.set_behaviour(0, "Interrupt less".into());
    let here = DeviceData::from_records([("peer-coach.rounds", mine.encode().as_str())]);
    let other = DeviceData::from_records([("peer-coach.rounds", vec![theirs].encode().as_str())]);
    let file = parse(&to_json(&Backup::of(&other, 0))).unwrap();
    let mut n = 0;
    let (_, report) = restore(&here, &file, &mut || {
        n += 1;
        format!("id{n}")
    });
    assert_eq!(report.set_aside, 1);
    assert_eq!(report.said(), vec![Said::SetAside(1)]);
}

// Native only: proptest is a native dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod said {
    use super::*;
    use proptest::prelude::*;

    fn counts() -> impl Strategy<Value = Counts> {
        (0usize..3, 0usize..3, 0usize..3).prop_map(|(added, unchanged, kept_both)| Counts {
            added,
            unchanged,
            kept_both,
        })
    }

    proptest! {
        /// "Nothing the file brought goes unsaid": for any restore, the
        /// panel says there was nothing new exactly when nothing was added,
        /// and otherwise has a line, with its number, for everything added,
        /// kept beside or set aside; what could not be read is always said.
        #[test]
        fn everything_a_restore_did_is_said(
            sessions in counts(),
            journal in counts(),
            exercises in counts(),
            notes_added in 0usize..3,
            settings_added: bool,
            set_aside in 0usize..3,
            in_place in 0usize..3,
            unreadable in 0usize..3,
        ) {
            let r = RestoreReport {
                sessions,
                journal,
                exercises,
                notes_added,
                settings_added,
                kept_as_stored: in_place + set_aside,
                set_aside,
                unreadable,
            };
            let said = r.said();
            prop_assert!(!said.is_empty());
            prop_assert_eq!(said.contains(&Said::NothingNew), !r.changed_anything());
            if r.changed_anything() {
                let new = |c: Counts| c.added + c.kept_both > 0;
                prop_assert_eq!(new(sessions), said.contains(&Said::Sessions(sessions)) && new(sessions));
                prop_assert_eq!(new(journal), said.contains(&Said::Journal(journal)) && new(journal));
                prop_assert_eq!(new(exercises), said.contains(&Said::Exercises(exercises)) && new(exercises));
                prop_assert_eq!(notes_added > 0, said.contains(&Said::Notes(notes_added)));
                prop_assert_eq!(settings_added, said.contains(&Said::Settings));
                prop_assert_eq!(in_place > 0, said.contains(&Said::Other(in_place)));
                prop_assert_eq!(set_aside > 0, said.contains(&Said::SetAside(set_aside)));
            }
            prop_assert_eq!(unreadable > 0, said.contains(&Said::Unreadable(unreadable)));
        }
    }
}
