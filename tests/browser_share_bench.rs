//! Share-link timings in the browser, for `make bench` (not a test: it
//! does nothing unless built with PEER_COACH_BENCH set, and asserts no time).
//!
//!   PEER_COACH_BENCH=1 cargo test --release --target wasm32-unknown-unknown \
//!     --test browser_share_bench -- --nocapture
#![cfg(target_arch = "wasm32")]

use peer_coach::domain::fixtures::reference_session;
use peer_coach::domain::share::{self, Decoded};
use wasm_bindgen_test::*;

mod bench_common;
use bench_common::{median, now};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn share_link_timings() {
    if option_env!("PEER_COACH_BENCH").is_none() {
        return;
    }
    let session = reference_session();
    let fragment = share::encode_session(&session);
    let mut encode = Vec::new();
    let mut decode = Vec::new();
    for _ in 0..100 {
        let t = now();
        let f = share::encode_session(&session);
        encode.push(now() - t);
        let t = now();
        let d = share::decode(&f);
        decode.push(now() - t);
        assert!(matches!(d, Ok(Decoded::Session(_))));
    }
    console_log!(
        "BENCH share encode_ms={:.3} decode_ms={:.3} plain_chars={}",
        median(encode),
        median(decode),
        fragment.len()
    );
}
