//! The browser's WebCrypto opens what the native reference implementation
//! sealed: the golden `e1` link decodes in the browser to the reference
//! session, and a wrong passphrase is told apart.
#![cfg(target_arch = "wasm32")]

use peer_coach::app::sharing::{lock, unlock, UnlockError};
use peer_coach::domain::fixtures::reference_session;
use peer_coach::domain::share::{self, Decoded, LinkError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN_E1: &str = include_str!("golden/e1.txt");
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
    assert_eq!(opened.halves[0].goal.topic, session.halves[0].goal.topic);
}
