//! Golden links: one per released tag, written once by the encoder of that
//! release and checked in. They must decode to their session in every later
//! version: `s1` and `e1` to the reference session, `s2` and `e2` to the
//! reference session with exercises, `s3` and `e3` to the pair's next
//! session that follows it up, `s4` and `e4` to the reference group
//! session. Never edit or regenerate
//! `tests/golden/*.txt`.

// Native only: the reference cryptography and proptest are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

mod share_common;

use peer_coach::domain::fixtures::{
    reference_group_session, reference_session, reference_session_followed_up,
    reference_session_with_exercises,
};
use peer_coach::domain::session::Session;
use peer_coach::domain::share::{
    decode, encode_session, lock, plaintext_bytes, unlock, Cipher, Decoded, Envelope, LinkError,
    LinkVersion, KDF_ITERATIONS,
};
use share_common::RustCipher;

/// The passphrase of the golden `e1`, `e2` and `e3` links.
pub const GOLDEN_PASSPHRASE: &str = "correct horse battery staple";
/// Fixed salt and nonce of the golden `e1` link (real links use random ones).
pub const GOLDEN_SALT: [u8; 16] = *b"peer-coach-salt!";
pub const GOLDEN_NONCE: [u8; 12] = *b"golden-nonce";
/// Fixed salt and nonce of the golden `e2` link: others than `e1`'s, so
/// that no key and nonce pair seals two messages, even in a test.
pub const GOLDEN_SALT_2: [u8; 16] = *b"peer-coach-salt2";
pub const GOLDEN_NONCE_2: [u8; 12] = *b"golden-nonc2";
/// Fixed salt and nonce of the golden `e3` link, others again.
pub const GOLDEN_SALT_3: [u8; 16] = *b"peer-coach-salt3";
pub const GOLDEN_NONCE_3: [u8; 12] = *b"golden-nonc3";
/// Fixed salt and nonce of the golden `e4` link, others again.
pub const GOLDEN_SALT_4: [u8; 16] = *b"peer-coach-salt4";
pub const GOLDEN_NONCE_4: [u8; 12] = *b"golden-nonc4";

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

/// An encrypted golden link opens to `expected` with the golden passphrase,
/// and with no other.
fn opens_with_its_passphrase_only(name: &str, version: LinkVersion, expected: Session) {
    let link = golden(name);
    assert!(link.starts_with(&format!("{}.", version.locked_tag())));
    let Ok(Decoded::Locked(envelope)) = decode(&link) else {
        panic!("{name}: not a locked link");
    };
    assert_eq!(envelope.version, version);
    assert_eq!(envelope.kdf_iterations, KDF_ITERATIONS);
    assert_eq!(Envelope::parse(&link), Ok(envelope.clone()));
    assert_eq!(
        unlock(&envelope, GOLDEN_PASSPHRASE, &RustCipher),
        Ok(expected)
    );
    assert_eq!(
        unlock(&envelope, "correct horse battery stapler", &RustCipher),
        Err(LinkError::WrongPassphrase)
    );
}

#[test]
fn e1_golden_link_opens_with_its_passphrase_only() {
    opens_with_its_passphrase_only("e1.txt", LinkVersion::V1, reference_session());
    // Sealed before passphrases were forgiving, with words joined by
    // spaces: heard on a call and typed otherwise, it still opens (every
    // locked format is opened by the same code).
    let Ok(Decoded::Locked(envelope)) = decode(&golden("e1.txt")) else {
        panic!("e1: not a locked link");
    };
    assert_eq!(
        unlock(&envelope, " Correct Horse  BATTERY staple.", &RustCipher),
        Ok(reference_session())
    );
}

#[test]
fn s2_golden_link_decodes_to_the_session_with_exercises() {
    let link = golden("s2.txt");
    assert!(link.starts_with("s2."));
    assert_eq!(
        decode(&link),
        Ok(Decoded::Session(reference_session_with_exercises()))
    );
}

#[test]
fn s2_encoder_still_writes_the_golden_link() {
    // As for `s1`: a change here should be a deliberate one.
    assert_eq!(
        encode_session(&reference_session_with_exercises()),
        golden("s2.txt")
    );
}

#[test]
fn e2_golden_link_opens_with_its_passphrase_only() {
    opens_with_its_passphrase_only(
        "e2.txt",
        LinkVersion::V2,
        reference_session_with_exercises(),
    );
}

#[test]
fn s3_golden_link_decodes_to_the_followed_up_session() {
    let link = golden("s3.txt");
    assert!(link.starts_with("s3."));
    assert_eq!(
        decode(&link),
        Ok(Decoded::Session(reference_session_followed_up()))
    );
}

#[test]
fn s3_encoder_still_writes_the_golden_link() {
    // As for `s1`: a change here should be a deliberate one.
    assert_eq!(
        encode_session(&reference_session_followed_up()),
        golden("s3.txt")
    );
}

#[test]
fn e3_golden_link_opens_with_its_passphrase_only() {
    opens_with_its_passphrase_only("e3.txt", LinkVersion::V3, reference_session_followed_up());
}

#[test]
fn s4_golden_link_decodes_to_the_group_session() {
    let link = golden("s4.txt");
    assert!(link.starts_with("s4."));
    assert_eq!(
        decode(&link),
        Ok(Decoded::Session(reference_group_session()))
    );
}

#[test]
fn s4_encoder_still_writes_the_golden_link() {
    assert_eq!(encode_session(&reference_group_session()), golden("s4.txt"));
}

#[test]
fn e4_golden_link_opens_with_its_passphrase_only() {
    opens_with_its_passphrase_only("e4.txt", LinkVersion::V4, reference_group_session());
}

/// How every encrypted link was sealed before passphrases were forgiving:
/// under exactly the passphrase given.
fn seal_exactly(session: &Session, passphrase: &str, salt: [u8; 16], nonce: [u8; 12]) -> String {
    let (version, plaintext) = plaintext_bytes(session);
    let mut envelope = Envelope {
        version,
        kdf_iterations: KDF_ITERATIONS,
        salt,
        nonce,
        ciphertext: Vec::new(),
    };
    envelope.ciphertext =
        RustCipher.seal(passphrase, &envelope, &envelope.header_bytes(), &plaintext);
    envelope.to_fragment()
}

#[test]
fn encoder_still_seals_the_golden_locked_links() {
    // The bytes of a locked link have not changed: sealed under the exact
    // golden passphrase, as they were, the sessions give the golden links.
    // (The KDF runs once per link here: one test for all.)
    for (name, session, salt, nonce) in [
        ("e1.txt", reference_session(), GOLDEN_SALT, GOLDEN_NONCE),
        (
            "e2.txt",
            reference_session_with_exercises(),
            GOLDEN_SALT_2,
            GOLDEN_NONCE_2,
        ),
        (
            "e3.txt",
            reference_session_followed_up(),
            GOLDEN_SALT_3,
            GOLDEN_NONCE_3,
        ),
        (
            "e4.txt",
            reference_group_session(),
            GOLDEN_SALT_4,
            GOLDEN_NONCE_4,
        ),
    ] {
        let link = seal_exactly(&session, GOLDEN_PASSPHRASE, salt, nonce);
        assert_eq!(link, golden(name), "{name}");
    }
    // Today's encoder seals under the canonical passphrase (what is heard,
    // however it is typed): the same link for every way of typing it.
    let session = reference_session();
    let canonical = "correct-horse-battery-staple";
    assert_eq!(
        lock(
            &session,
            GOLDEN_PASSPHRASE,
            KDF_ITERATIONS,
            GOLDEN_SALT,
            GOLDEN_NONCE,
            &RustCipher
        ),
        seal_exactly(&session, canonical, GOLDEN_SALT, GOLDEN_NONCE)
    );
}

/// Writes the golden files that do not exist yet: run once per new format,
/// `cargo test --test share_golden -- --ignored write_golden_links`. A file
/// that exists is never rewritten.
#[test]
#[ignore]
fn write_golden_links() {
    let dir = format!("{}/tests/golden", env!("CARGO_MANIFEST_DIR"));
    let seal = |session: &Session, salt, nonce| {
        lock(
            session,
            GOLDEN_PASSPHRASE,
            KDF_ITERATIONS,
            salt,
            nonce,
            &RustCipher,
        )
    };
    let plain = reference_session();
    let with_exercises = reference_session_with_exercises();
    let followed_up = reference_session_followed_up();
    let group = reference_group_session();
    let links: [(&str, &dyn Fn() -> String); 8] = [
        ("s1.txt", &|| encode_session(&plain)),
        ("e1.txt", &|| seal(&plain, GOLDEN_SALT, GOLDEN_NONCE)),
        ("s2.txt", &|| encode_session(&with_exercises)),
        ("e2.txt", &|| {
            seal(&with_exercises, GOLDEN_SALT_2, GOLDEN_NONCE_2)
        }),
        ("s3.txt", &|| encode_session(&followed_up)),
        ("e3.txt", &|| {
            seal(&followed_up, GOLDEN_SALT_3, GOLDEN_NONCE_3)
        }),
        ("s4.txt", &|| encode_session(&group)),
        ("e4.txt", &|| seal(&group, GOLDEN_SALT_4, GOLDEN_NONCE_4)),
    ];
    for (name, link) in links {
        let path = format!("{dir}/{name}");
        if std::path::Path::new(&path).exists() {
            println!("{path} exists: golden links are never rewritten");
            continue;
        }
        std::fs::write(&path, format!("{}\n", link())).unwrap();
        println!("{path} written");
    }
}
