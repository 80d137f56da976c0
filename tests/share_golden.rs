//! Golden links: one per released format, written once by the encoder of
//! that release and checked in. They must decode to the reference session
//! in every later version. Never edit or regenerate `tests/golden/*.txt`.

// Native only: the reference cryptography and proptest are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

mod share_common;

use peer_coach::domain::fixtures::reference_session;
use peer_coach::domain::share::{
    decode, encode_session, lock, unlock, Decoded, Envelope, KDF_ITERATIONS,
};
use share_common::RustCipher;

/// The passphrase of the golden `e1` link.
pub const GOLDEN_PASSPHRASE: &str = "correct horse battery staple";
/// Fixed salt and nonce of the golden `e1` link (real links use random ones).
pub const GOLDEN_SALT: [u8; 16] = *b"peer-coach-salt!";
pub const GOLDEN_NONCE: [u8; 12] = *b"golden-nonce";

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .trim()
        .to_string()
}

#[test]
fn s1_golden_link_decodes_to_the_reference_session() {
    let link = golden("s1.txt");
    assert!(link.starts_with("s1."));
    assert_eq!(decode(&link), Ok(Decoded::Session(reference_session())));
}

#[test]
fn s1_encoder_still_writes_the_golden_link() {
    // Not required forever (a better encoder may write other bytes that
    // decode the same), but a change here should be a deliberate one.
    assert_eq!(encode_session(&reference_session()), golden("s1.txt"));
}

#[test]
fn e1_golden_link_opens_with_its_passphrase_only() {
    let link = golden("e1.txt");
    let Ok(Decoded::Locked(envelope)) = decode(&link) else {
        panic!("not a locked link");
    };
    assert_eq!(envelope.kdf_iterations, KDF_ITERATIONS);
    assert_eq!(Envelope::parse(&link), Ok(envelope.clone()));
    assert_eq!(
        unlock(&envelope, GOLDEN_PASSPHRASE, &RustCipher),
        Ok(reference_session())
    );
    assert_eq!(
        unlock(&envelope, "correct horse battery stapler", &RustCipher),
        Err(peer_coach::domain::share::LinkError::WrongPassphrase)
    );
}

/// Writes the golden files. Run once per new format, then never again:
/// `cargo test --test share_golden -- --ignored write_golden_links`.
#[test]
#[ignore]
fn write_golden_links() {
    let dir = format!("{}/tests/golden", env!("CARGO_MANIFEST_DIR"));
    let session = reference_session();
    let s1 = encode_session(&session);
    let e1 = lock(
        &session,
        GOLDEN_PASSPHRASE,
        KDF_ITERATIONS,
        GOLDEN_SALT,
        GOLDEN_NONCE,
        &RustCipher,
    );
    for (name, link) in [("s1.txt", s1), ("e1.txt", e1)] {
        let path = format!("{dir}/{name}");
        assert!(
            !std::path::Path::new(&path).exists(),
            "{path} exists: golden links are never rewritten"
        );
        std::fs::write(&path, format!("{link}\n")).unwrap();
    }
}
