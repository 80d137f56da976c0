//! Large-history timings in the browser, for `make bench` (not a test: it
//! does nothing unless built with PEER_COACH_BENCH set, and asserts no
//! time). With 500 sessions and 2,000 journal entries stored, how long the
//! app takes from mounting to a usable home screen, to the history screen
//! and to the journal screen.
//!
//!   PEER_COACH_BENCH=1 cargo test --release --target wasm32-unknown-unknown \
//!     --test browser_history_bench -- --nocapture
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use peer_coach::domain::fixtures::large_history;
use peer_coach::domain::store::{self, Record};
use peer_coach::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod bench_common;
use bench_common::{median, now};

wasm_bindgen_test_configure!(run_in_browser);

mod browser_common;
use browser_common::{clear_ours as clear, local};

/// Mount the app at `hash` and wait until `ready` finds what a person
/// would use; the milliseconds it took.
async fn time_to(hash: &str, ready: &str) -> f64 {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let t = now();
    let app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    let mut waited = 0;
    while root.query_selector(ready).unwrap().is_none() && waited < 1000 {
        tick().await;
        waited += 1;
    }
    let ms = now() - t;
    assert!(
        root.query_selector(ready).unwrap().is_some(),
        "{hash}: {ready} never came"
    );
    drop(app);
    root.remove();
    ms
}

#[wasm_bindgen_test]
async fn large_history_timings() {
    if option_env!("PEER_COACH_BENCH").is_none() {
        return;
    }
    clear();
    let (sessions, entries) = large_history(500, 2_000);
    let s = local();
    for session in &sessions {
        s.set_item(&store::session_key(&session.id), &session.encode())
            .unwrap();
    }
    for entry in &entries {
        s.set_item(&store::journal_key(&entry.id), &entry.encode())
            .unwrap();
    }
    let mut home = Vec::new();
    let mut history = Vec::new();
    let mut journal = Vec::new();
    for _ in 0..7 {
        home.push(time_to("#/", ".home .primary").await);
        history.push(time_to("#/history", ".history-item button").await);
        journal.push(time_to("#/journal", ".entry-card button").await);
    }
    clear();
    console_log!(
        "BENCH history sessions={} entries={} home_ms={:.1} history_ms={:.1} journal_ms={:.1}",
        sessions.len(),
        entries.len(),
        median(home),
        median(history),
        median(journal)
    );
}
