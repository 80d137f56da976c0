//! Native reference implementation of the `e1` cryptography (RustCrypto),
//! for tests only: the app does the same with WebCrypto in the browser.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use peer_coach::domain::share::{Cipher, Envelope};
use sha2::Sha256;

pub struct RustCipher;

fn key(passphrase: &str, envelope: &Envelope) -> Aes256Gcm {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(
        passphrase.as_bytes(),
        &envelope.salt,
        envelope.kdf_iterations,
        &mut key,
    );
    Aes256Gcm::new_from_slice(&key).expect("32-byte key")
}

impl Cipher for RustCipher {
    fn seal(&self, passphrase: &str, params: &Envelope, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
        key(passphrase, params)
            .encrypt(
                &Nonce::from(params.nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .expect("AES-GCM encrypts any message of this size")
    }

    fn open(&self, passphrase: &str, envelope: &Envelope, aad: &[u8]) -> Option<Vec<u8>> {
        key(passphrase, envelope)
            .decrypt(
                &Nonce::from(envelope.nonce),
                Payload {
                    msg: &envelope.ciphertext,
                    aad,
                },
            )
            .ok()
    }
}
