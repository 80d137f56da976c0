//! The `e1`, `e2` and `e3` links: a session sealed with a passphrase.
//!
//! Key: PBKDF2-HMAC-SHA256(passphrase as UTF-8, salt, iterations) → 32
//! bytes, where a new link's passphrase is its [`canonical`] form (lower
//! case, one `-` between words: what is heard on a call, however it is
//! typed) and opening tries the [`candidates`] of what is typed.
//! Cipher: AES-256-GCM with a 96-bit nonce and a 128-bit tag; the
//! additional authenticated data is [`Envelope::header_bytes`], so the tag
//! (and with it the format version), the KDF parameters, the salt and the
//! nonce cannot be changed without the passphrase check failing. The
//! plaintext is [`super::plaintext_bytes`], exactly the content of an `s1`
//! link (for `e1`), an `s2` link (for `e2`) or an `s3` link (for `e3`). The
//! versions differ only in their tag, here and in the frame.
//!
//! The cryptography itself runs in the browser (WebCrypto's `deriveKey`
//! and `encrypt`/`decrypt`, asynchronously). The domain defines the bytes:
//!
//! ```text
//! content = varint kdf_iterations ‖ salt[16] ‖ nonce[12] ‖ ciphertext‖tag
//! fragment = frame(TAG, content)   (outer length check and CRC-32)
//! aad = TAG "." ‖ varint kdf_iterations ‖ salt ‖ nonce
//! TAG = "e1", "e2" or "e3" (format 1, 2 or 3 plaintext)
//! ```
//!
//! To lock: `plaintext_bytes(session)` (which also gives the version),
//! random salt and nonce, build the [`Envelope`] with that version, encrypt
//! with `header_bytes()` as AAD, `to_fragment()`. To unlock:
//! [`super::decode`] gives `Decoded::Locked(envelope)` (the CRC is already
//! checked, so a failing tag means a wrong passphrase), decrypt, then
//! [`super::decode_plain_bytes`] with `envelope.version`. [`lock`] and
//! [`unlock`] do exactly that over any [`Cipher`] (the native tests use
//! RustCrypto).

use super::compact::{get_varint, put_varint};
use super::passphrase::{candidates, canonical};
use super::{decode_plain_bytes, frame, plaintext_bytes, unframe, LinkError, LinkVersion};
use crate::domain::session::Session;

/// PBKDF2 iterations for new links (OWASP 2023 for PBKDF2-HMAC-SHA256).
/// Each link records its own count, so this can grow later.
pub const KDF_ITERATIONS: u32 = 600_000;

/// Most iterations a link may ask for: a hostile link must not hang the
/// browser for minutes.
pub const MAX_KDF_ITERATIONS: u32 = 10_000_000;

/// AES-GCM's authentication tag, part of the ciphertext.
pub const TAG_BYTES: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The format of the sealed plaintext; its tag heads the link and the
    /// authenticated header.
    pub version: LinkVersion,
    pub kdf_iterations: u32,
    pub salt: [u8; 16],
    pub nonce: [u8; 12],
    /// AES-256-GCM ciphertext followed by its 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// PBKDF2-HMAC-SHA256 and AES-256-GCM, however they are computed.
pub trait Cipher {
    /// Encrypt `plaintext`; returns the ciphertext with its tag appended.
    fn seal(
        &self,
        passphrase: &str,
        envelope_params: &Envelope,
        aad: &[u8],
        plaintext: &[u8],
    ) -> Vec<u8>;

    /// Decrypt `envelope.ciphertext`; `None` when the tag does not match
    /// (wrong passphrase, or a forged envelope).
    fn open(&self, passphrase: &str, envelope: &Envelope, aad: &[u8]) -> Option<Vec<u8>>;
}

impl Envelope {
    /// The authenticated header: `"e1." ‖ varint iterations ‖ salt ‖ nonce`
    /// (`"e2."`, `"e3."` for formats 2 and 3). Pass it as AES-GCM's
    /// additional data when sealing and opening.
    pub fn header_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(3 + 5 + 16 + 12);
        out.extend_from_slice(self.version.locked_tag().as_bytes());
        out.push(b'.');
        self.put_params(&mut out);
        out
    }

    fn put_params(&self, out: &mut Vec<u8>) {
        put_sealed_params(out, self.kdf_iterations, &self.salt, &self.nonce);
    }

    /// The fragment payload `e1.…`, `e2.…` or `e3.…` (without `#`).
    pub fn to_fragment(&self) -> String {
        let mut content = Vec::with_capacity(33 + self.ciphertext.len());
        self.put_params(&mut content);
        content.extend_from_slice(&self.ciphertext);
        frame(self.version.locked_tag(), &content)
    }

    /// Read an `e1`, `e2` or `e3` fragment (cleaned with
    /// [`super::clean`]). Truncation and changed characters are found here,
    /// before any decryption. A plain `s1`, `s2` or `s3` link is
    /// [`LinkError::NotALink`] here: use [`super::decode`].
    pub fn parse(fragment: &str) -> Result<Envelope, LinkError> {
        match unframe(&super::clean(fragment))? {
            (tag, content) if tag.locked => Envelope::from_content(&content, tag.version),
            _ => Err(LinkError::NotALink),
        }
    }

    /// The envelope in the checked content of a link of `version`.
    pub(crate) fn from_content(
        content: &[u8],
        version: LinkVersion,
    ) -> Result<Envelope, LinkError> {
        let (iterations, n) = get_varint(content).ok_or(LinkError::Malformed)?;
        let kdf_iterations = u32::try_from(iterations)
            .ok()
            .filter(|i| (1..=MAX_KDF_ITERATIONS).contains(i))
            .ok_or(LinkError::Malformed)?;
        let rest = &content[n..];
        if rest.len() < 16 + 12 + TAG_BYTES {
            return Err(LinkError::Malformed);
        }
        let (salt, rest) = rest.split_at(16);
        let (nonce, ciphertext) = rest.split_at(12);
        let mut envelope = Envelope {
            version,
            kdf_iterations,
            salt: [0; 16],
            nonce: [0; 12],
            ciphertext: ciphertext.to_vec(),
        };
        envelope.salt.copy_from_slice(salt);
        envelope.nonce.copy_from_slice(nonce);
        Ok(envelope)
    }
}

/// Seal a session into an `e1`, `e2` or `e3` fragment, as
/// [`LinkVersion::needed_for`] says, under the [`canonical`] form of
/// `passphrase`. `salt` and `nonce` must be fresh random bytes for every
/// link.
pub fn lock(
    session: &Session,
    passphrase: &str,
    kdf_iterations: u32,
    salt: [u8; 16],
    nonce: [u8; 12],
    cipher: &impl Cipher,
) -> String {
    let (version, plaintext) = plaintext_bytes(session);
    let mut envelope = Envelope {
        version,
        kdf_iterations,
        salt,
        nonce,
        ciphertext: Vec::new(),
    };
    let aad = envelope.header_bytes();
    envelope.ciphertext = cipher.seal(&canonical(passphrase), &envelope, &aad, &plaintext);
    envelope.to_fragment()
}

/// Open an envelope with a passphrase as typed: each of its
/// [`candidates`] in turn (the canonical form first).
pub fn unlock(
    envelope: &Envelope,
    passphrase: &str,
    cipher: &impl Cipher,
) -> Result<Session, LinkError> {
    let aad = envelope.header_bytes();
    let plaintext = candidates(passphrase)
        .iter()
        .find_map(|p| cipher.open(p, envelope, &aad))
        .ok_or(LinkError::WrongPassphrase)?;
    decode_plain_bytes(&plaintext, envelope.version)
}

/// A sealed payload's key parameters as they are written after its tag:
/// varint iterations, salt, nonce (protected links and invitations alike).
pub(crate) fn put_sealed_params(
    out: &mut Vec<u8>,
    kdf_iterations: u32,
    salt: &[u8; 16],
    nonce: &[u8; 12],
) {
    put_varint(out, kdf_iterations.into());
    out.extend_from_slice(salt);
    out.extend_from_slice(nonce);
}
