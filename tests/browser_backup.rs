//! Backup and restore against the browser's real storage: a backup of
//! localStorage restored into a clean (memory) storage gives the same
//! records, and a restore never writes over a record it did not expect.
#![cfg(target_arch = "wasm32")]

use peer_coach::domain::backup::{self, Backup, Change, DeviceData};
use peer_coach::domain::fixtures::{large_history, reference_session};
use peer_coach::domain::private::PrivateNotes;
use peer_coach::domain::session::Session;
use peer_coach::domain::store::{self, Record};
use peer_coach::platform::records;
use peer_coach::platform::storage::DeviceStorage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn ours(storage: &DeviceStorage) -> Vec<(String, String)> {
    let mut keys: Vec<String> = (storage.keys().into_iter())
        .filter(|k| k.starts_with(store::PREFIX))
        .collect();
    keys.sort();
    keys.into_iter()
        .filter_map(|k| storage.get(&k).map(|v| (k, v)))
        .collect()
}

fn clear_ours(storage: &DeviceStorage) {
    for (key, _) in ours(storage) {
        storage.remove(&key);
    }
}

#[wasm_bindgen_test]
fn a_backup_restored_into_a_clean_browser_gives_identical_records() {
    let local = DeviceStorage::open();
    assert!(local.is_persistent());
    clear_ours(&local);
    let (sessions, journal) = large_history(40, 120);
    for s in &sessions {
        records::save_session(&local, s).unwrap();
    }
    for e in &journal {
        records::save_journal_entry(&local, e).unwrap();
    }
    let mut notes = PrivateNotes::default();
    notes.set_half(1, "mine only".into());
    records::save_private(&local, &sessions[3].id, &notes).unwrap();
    local
        .set("peer-coach.aside.session.old", "{damaged")
        .unwrap();
    local.set(store::CURRENT_KEY, &sessions[0].id).unwrap();

    let text = backup::to_json(&records::gather_backup(&local, 1_773_129_600_000));
    let parsed = backup::parse(&text).expect("our own backup");
    let clean = DeviceStorage::in_memory();
    let device = records::load_device(&clean);
    let mut n = 0;
    let (changes, report) = backup::restore(&device, &parsed, &mut || {
        n += 1;
        format!("copy{n}")
    });
    assert_eq!(report.sessions.added, 40);
    assert_eq!(report.journal.added, 120);
    assert_eq!(records::apply_restore(&clean, &changes), Ok(0));

    let mut expected = ours(&local);
    expected.retain(|(k, _)| k != store::CURRENT_KEY);
    assert_eq!(ours(&clean), expected);
    assert_eq!(records::load_journal(&clean).entries.len(), 120);
    assert_eq!(records::load_private(&clean, &sessions[3].id), notes);
    let used = records::storage_use(&clean);
    assert_eq!((used.sessions, used.journal), (40, 120));
    let chars: usize = (ours(&clean).iter())
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    assert_eq!(used.bytes, 2 * chars);
    clear_ours(&local);
}

#[wasm_bindgen_test]
fn a_restore_leaves_out_what_changed_since_it_was_planned() {
    let storage = DeviceStorage::in_memory();
    let session = reference_session();
    let theirs = Backup::of(
        &DeviceData {
            sessions: vec![session.clone()],
            ..DeviceData::default()
        },
        0,
    );
    let (changes, _) = backup::restore(&records::load_device(&storage), &theirs, &mut || {
        "unused".to_string()
    });
    assert_eq!(changes, [Change::Session(session.clone())]);
    // Meanwhile another tab wrote that session, changed.
    let mut edited = session.clone();
    edited.turns[0].goal.topic = "Changed in another tab".into();
    records::save_session(&storage, &edited).unwrap();
    assert_eq!(records::apply_restore(&storage, &changes), Ok(1));
    let kept = storage.get(&store::session_key(&session.id)).unwrap();
    assert_eq!(Session::decode(&kept), Ok(edited));
}

#[wasm_bindgen_test]
fn deleting_a_session_takes_its_private_notes_and_nothing_else() {
    let storage = DeviceStorage::in_memory();
    let session = reference_session();
    records::save_session(&storage, &session).unwrap();
    let mut notes = PrivateNotes::default();
    notes.set_half(0, "x".into());
    records::save_private(&storage, &session.id, &notes).unwrap();
    storage.set("peer-coach.session.other", "{}").unwrap();
    records::delete_session(&storage, &session.id);
    assert_eq!(storage.keys(), ["peer-coach.session.other"]);
}
