//! The storage adapter in a real browser: localStorage, memory fallback,
//! a full storage, and records that cannot be read.
#![cfg(target_arch = "wasm32")]

use peer_coach::domain::exercise::round::FeedForwardRound;
use peer_coach::domain::flow::Format;
use peer_coach::domain::session::{Session, Setup};
use peer_coach::domain::store::{self, Record};
use peer_coach::platform::records;
use peer_coach::platform::storage::{DeviceStorage, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_common;
use browser_common::local;

/// Remove this app's records and the fillers a test wrote.
fn clear_ours() {
    browser_common::clear_ours_and(|k| k.starts_with("filler."));
}

#[wasm_bindgen_test]
fn memory_storage_works_but_is_not_persistent() {
    let s = DeviceStorage::in_memory();
    assert!(!s.is_persistent());
    s.set("peer-coach.x", "1").unwrap();
    assert_eq!(s.get("peer-coach.x").as_deref(), Some("1"));
    assert_eq!(s.keys(), vec!["peer-coach.x".to_string()]);
    s.remove("peer-coach.x");
    assert_eq!(s.get("peer-coach.x"), None);
}

#[wasm_bindgen_test]
fn local_storage_is_used_when_available() {
    clear_ours();
    let s = DeviceStorage::open();
    assert!(s.is_persistent());
    s.set("peer-coach.y", "2").unwrap();
    assert_eq!(
        local().get_item("peer-coach.y").unwrap().as_deref(),
        Some("2")
    );
    s.remove("peer-coach.y");
    clear_ours();
}

#[wasm_bindgen_test]
fn a_saved_session_loads_back() {
    clear_ours();
    let storage = DeviceStorage::open();
    let mut session = Session::new("abc".into(), 1, &Setup::default());
    session.turns[0].goal.topic = "<b>Not HTML</b>".into();
    records::save_session(&storage, &session).unwrap();
    let found = records::load(&storage);
    assert_eq!(found.sessions, vec![session]);
    assert_eq!(found.set_aside, 0);
    clear_ours();
}

#[wasm_bindgen_test]
fn a_group_session_and_a_feedforward_round_load_back() {
    clear_ours();
    let storage = DeviceStorage::open();
    let mut setup = Setup::default();
    setup.set_format(Format::Group(0));
    setup.members = ["Amara", "Jonas", "Mia", "Lee"].map(String::from).to_vec();
    setup.set_everyone(true);
    let mut session = Session::new("grp".into(), 1, &setup);
    session.set_absent(2, true, 1);
    records::save_session(&storage, &session).unwrap();
    assert_eq!(records::load(&storage).sessions, vec![session]);

    let round = FeedForwardRound::new(&["Amara".into(), "Jonas".into(), "Mia".into()], 2, 5);
    storage
        .set(store::ROUNDS_KEY, &vec![round.clone()].encode())
        .unwrap();
    assert_eq!(records::load_rounds(&storage), (vec![round], true));
    // A damaged record of rounds is set aside, unchanged; a newer one is
    // read as nothing and never written over.
    local().set_item(store::ROUNDS_KEY, "{half").unwrap();
    assert_eq!(records::load_rounds(&storage), (Vec::new(), true));
    assert_eq!(
        local()
            .get_item("peer-coach.aside.rounds")
            .unwrap()
            .as_deref(),
        Some("{half")
    );
    local()
        .set_item(store::ROUNDS_KEY, r#"{"v":9,"data":[]}"#)
        .unwrap();
    assert_eq!(records::load_rounds(&storage), (Vec::new(), false));
    clear_ours();
}

#[wasm_bindgen_test]
fn corrupt_records_are_set_aside_unchanged_never_deleted() {
    clear_ours();
    let s = local();
    s.set_item("peer-coach.session.bad", "{half a record")
        .unwrap();
    s.set_item("peer-coach.settings", "[]").unwrap();
    let found = records::load(&DeviceStorage::open());
    assert_eq!(found.set_aside, 2);
    assert!(found.sessions.is_empty());
    assert_eq!(s.get_item("peer-coach.session.bad").unwrap(), None);
    assert_eq!(
        s.get_item("peer-coach.aside.session.bad")
            .unwrap()
            .as_deref(),
        Some("{half a record")
    );
    assert_eq!(
        s.get_item("peer-coach.aside.settings").unwrap().as_deref(),
        Some("[]")
    );
    // A second damaged record of the same name does not overwrite the first.
    s.set_item("peer-coach.session.bad", "again").unwrap();
    records::load(&DeviceStorage::open());
    assert_eq!(
        s.get_item("peer-coach.aside.session.bad.1")
            .unwrap()
            .as_deref(),
        Some("again")
    );
    clear_ours();
}

#[wasm_bindgen_test]
fn newer_records_are_left_alone() {
    clear_ours();
    let s = local();
    s.set_item("peer-coach.session.future", r#"{"v":9,"data":{}}"#)
        .unwrap();
    let found = records::load(&DeviceStorage::open());
    assert_eq!(found.newer, 1);
    assert_eq!(
        s.get_item("peer-coach.session.future").unwrap().as_deref(),
        Some(r#"{"v":9,"data":{}}"#)
    );
    clear_ours();
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_not_thrown() {
    clear_ours();
    let storage = DeviceStorage::open();
    let chunk = "x".repeat(1 << 20);
    let mut result = Ok(());
    for i in 0..64 {
        result = storage.set(&format!("filler.{i}"), &chunk);
        if result.is_err() {
            break;
        }
    }
    assert_eq!(result, Err(StorageError::Full));
    clear_ours();
    assert!(storage.set("peer-coach.z", "fits again").is_ok());
    clear_ours();
}
