//! Saving sessions in a real browser (`app::sessions`): a change is made in
//! memory at once and written a moment later, in one place. Whatever the
//! changes and wherever a save falls among them, a change never writes the
//! record itself, and each save writes exactly the state shown then.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use peer_coach::app::notices::Notices;
use peer_coach::app::sessions::{Sessions, SAVE_AFTER, SAVE_WITHIN};
use peer_coach::domain::session::{Session, Setup};
use peer_coach::domain::store::{self, Record};
use peer_coach::platform::storage::DeviceStorage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_common;
use browser_common::{clear_ours, local};

/// The record stored for a session, as the app would read it back.
fn stored(id: &str) -> Option<Session> {
    let raw = local().get_item(&store::session_key(id)).unwrap()?;
    Session::decode(&raw).ok()
}

fn raw(id: &str) -> Option<String> {
    local().get_item(&store::session_key(id)).unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A small deterministic generator, so that a failure can be replayed.
struct Rng(u32);
impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }
}

/// One edit a person could make on the goal screen and around it.
fn edit(rng: &mut Rng, s: &mut Session) {
    let turn = (rng.next() % 2) as usize;
    let c = char::from(b'a' + (rng.next() % 26) as u8);
    let Some(h) = s.turn_mut(turn) else { return };
    match rng.next() % 5 {
        0 => h.goal.topic.push(c),
        1 => {
            h.goal.topic.pop();
        }
        2 => h.goal.outcome.push(c),
        3 => h.reality.push(c),
        _ => h.reality = h.reality.chars().rev().collect(),
    }
}

/// A fresh device with the app's sessions provided under a new owner, and
/// a pair's setup.
fn start() -> (Owner, Sessions, Setup) {
    clear_ours();
    let owner = Owner::new();
    owner.set();
    let sessions = Sessions::provide(DeviceStorage::open(), Notices::new());
    let setup = Setup {
        names: ["Amara".into(), "Jonas".into()],
        ..Setup::default()
    };
    (owner, sessions, setup)
}

#[wasm_bindgen_test]
async fn changes_never_write_and_each_save_writes_exactly_what_is_shown() {
    let (owner, sessions, setup) = start();
    let ids = [sessions.create(&setup), sessions.create(&setup)];
    for seed in [1u32, 7, 42, 1234, 99_991] {
        let mut rng = Rng(seed);
        for _ in 0..150 {
            let id = &ids[(rng.next() % 2) as usize];
            let before = raw(id);
            sessions.update(id, |s| edit(&mut rng, s));
            // The change is shown at once and not written by itself.
            assert_eq!(raw(id), before, "seed {seed}: a change wrote the record");
            if rng.next().is_multiple_of(6) {
                sessions.flush();
                for id in &ids {
                    assert_eq!(
                        stored(id),
                        sessions.get_untracked(id),
                        "seed {seed}: a save did not write the state shown"
                    );
                }
            }
        }
    }
    // Left alone, the save comes by itself, with the last state.
    sessions.update(&ids[0], |s| s.turns[0].goal.topic = "The last words".into());
    sleep((SAVE_AFTER.as_millis() + 200) as i32).await;
    for id in &ids {
        assert_eq!(stored(id), sessions.get_untracked(id));
    }
    assert_eq!(
        stored(&ids[0]).unwrap().turns[0].goal.topic,
        "The last words"
    );
    owner.unset_with_forced_cleanup();
    clear_ours();
}

#[wasm_bindgen_test]
async fn changes_that_keep_coming_are_saved_within_the_bound() {
    let (owner, sessions, setup) = start();
    let id = sessions.create(&setup);
    let first = raw(&id);
    // A key every 100 ms, never a pause long enough for the quiet save:
    // the record is written all the same, within SAVE_WITHIN (and a margin
    // for a slow machine).
    let step = 100;
    let keys = (SAVE_WITHIN.as_millis() as i32 + 1_000) / step;
    let mut written_after = None;
    for k in 0..keys {
        sessions.update(&id, |s| s.turns[0].reality.push('x'));
        sleep(step).await;
        if raw(&id) != first {
            written_after = Some(k * step);
            break;
        }
    }
    assert!(
        written_after.is_some(),
        "not written while keys kept coming"
    );
    owner.unset_with_forced_cleanup();
    clear_ours();
}

#[wasm_bindgen_test]
fn a_session_unmounted_with_unsaved_changes_is_saved() {
    let (owner, sessions, setup) = start();
    let id = sessions.create(&setup);
    sessions.update(&id, |s| s.turns[0].goal.topic = "Typed just before".into());
    let shown = sessions.get_untracked(&id);
    // The app goes away (its owner is cleaned up): what was shown is kept.
    owner.unset_with_forced_cleanup();
    assert_eq!(stored(&id), shown);
    clear_ours();
}
