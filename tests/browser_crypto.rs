//! The browser's WebCrypto opens what the native reference implementation
//! sealed: the golden `e1`, `e2` and `e3` links decode in the browser to
//! their sessions, and a wrong passphrase is told apart.
#![cfg(target_arch = "wasm32")]

use peer_coach::app::sharing::{lock, unlock, UnlockError};
use peer_coach::domain::fixtures::{
    reference_session, reference_session_followed_up, reference_session_with_exercises,
};
use peer_coach::domain::share::{self, Decoded, LinkError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN_E1: &str = include_str!("golden/e1.txt");
const GOLDEN_E2: &str = include_str!("golden/e2.txt");
const GOLDEN_E3: &str = include_str!("golden/e3.txt");
const PASSPHRASE: &str = "correct horse battery staple";

fn envelope(fragment: &str) -> share::Envelope {
    match share::decode(fragment) {
        Ok(Decoded::Locked(envelope)) => envelope,
        other => panic!("not a locked link: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn golden_encrypted_link_opens_with_webcrypto() {
    let session = unlock(&envelope(GOLDEN_E1), PASSPHRASE).await.unwrap();
    let mut expected = reference_session();
    share::sanitize(&mut expected);
    assert_eq!(session, expected);
}

#[wasm_bindgen_test]
async fn golden_encrypted_link_with_exercises_opens_with_webcrypto() {
    let envelope = envelope(GOLDEN_E2);
    assert_eq!(envelope.version, share::LinkVersion::V2);
    let session = unlock(&envelope, PASSPHRASE).await.unwrap();
    assert_eq!(session, reference_session_with_exercises());
}

#[wasm_bindgen_test]
async fn golden_encrypted_link_between_sessions_opens_with_webcrypto() {
    let envelope = envelope(GOLDEN_E3);
    assert_eq!(envelope.version, share::LinkVersion::V3);
    let session = unlock(&envelope, PASSPHRASE).await.unwrap();
    assert_eq!(session, reference_session_followed_up());
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_is_reported_as_such() {
    let result = unlock(&envelope(GOLDEN_E1), "wrong horse").await;
    assert_eq!(result, Err(UnlockError::Link(LinkError::WrongPassphrase)));
}

#[wasm_bindgen_test]
async fn webcrypto_round_trip_with_fresh_salt_and_nonce() {
    let session = reference_session();
    let a = lock(&session, PASSPHRASE).await.unwrap();
    let b = lock(&session, PASSPHRASE).await.unwrap();
    assert_ne!(a, b, "a fresh salt and nonce for every link");
    let opened = unlock(&envelope(&a), PASSPHRASE).await.unwrap();
    assert_eq!(opened.turns[0].goal.topic, session.turns[0].goal.topic);
    // A session with exercise runs seals as `e2`, and opens again.
    let with_exercises = reference_session_with_exercises();
    let e2 = lock(&with_exercises, PASSPHRASE).await.unwrap();
    assert!(e2.starts_with("e2."));
    assert_eq!(unlock(&envelope(&e2), PASSPHRASE).await, Ok(with_exercises));
    // One with a follow-up as `e3`.
    let followed_up = reference_session_followed_up();
    let e3 = lock(&followed_up, PASSPHRASE).await.unwrap();
    assert!(e3.starts_with("e3."));
    assert_eq!(unlock(&envelope(&e3), PASSPHRASE).await, Ok(followed_up));
}
