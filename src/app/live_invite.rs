//! Invitations to work together live: sealing one under a passphrase and
//! opening it again, reading a link, and which invitations this device has
//! answered (each is answered once). The connection itself is
//! [`super::live`].

use crate::domain::live::invite::{self, Answered, CodeError, Invitation, Opened, Sealed};
use crate::domain::share::{passphrase, KDF_ITERATIONS};
use crate::domain::store;
use crate::platform::clock::now_ms;
use crate::platform::crypto::{self, CryptoError};
use crate::platform::storage::DeviceStorage;

use super::live::LiveError;

/// Seal an invitation under a passphrase (as a protected share link).
pub(super) async fn seal(invitation: &Invitation, words: &str) -> Result<String, CryptoError> {
    let mut sealed = Sealed {
        kdf_iterations: KDF_ITERATIONS,
        salt: crypto::random_bytes::<16>()?,
        nonce: crypto::random_bytes::<12>()?,
        ciphertext: Vec::new(),
    };
    sealed.ciphertext = crypto::seal(
        &passphrase::canonical(words),
        &sealed.salt,
        sealed.kdf_iterations,
        &sealed.nonce,
        &sealed.header_bytes(),
        &invitation.to_bytes(),
    )
    .await?;
    Ok(sealed.to_fragment())
}

/// Open a protected invitation with a passphrase as typed (each of its
/// candidate forms in turn).
pub async fn unseal(sealed: &Sealed, typed: &str) -> Result<Invitation, LiveError> {
    for candidate in passphrase::candidates(typed) {
        match crypto::open(
            &candidate,
            &sealed.salt,
            sealed.kdf_iterations,
            &sealed.nonce,
            &sealed.header_bytes(),
            &sealed.ciphertext,
        )
        .await
        {
            Ok(bytes) => return Invitation::from_bytes(&bytes).map_err(LiveError::Code),
            Err(CryptoError::Rejected) => continue,
            Err(CryptoError::Unavailable) => return Err(LiveError::NoCrypto),
        }
    }
    Err(LiveError::Code(CodeError::WrongPassphrase))
}

/// Read an invitation link (see [`invite::open`]).
pub fn open_invitation(payload: &str) -> Result<Opened, CodeError> {
    invite::open(payload)
}

/// Can this device answer the invitation now (not expired, not answered
/// here before)?
pub fn check_invitation(invitation: &Invitation, storage: &DeviceStorage) -> Result<(), CodeError> {
    invitation.check(now_ms().max(0) as u64, &load_answered(storage))
}

pub(super) fn load_answered(storage: &DeviceStorage) -> Answered {
    storage
        .get(store::LIVE_ANSWERED_KEY)
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub(super) fn save_answered(storage: &DeviceStorage, answered: &Answered) {
    if let Ok(raw) = serde_json::to_string(answered) {
        let _ = storage.set(store::LIVE_ANSWERED_KEY, &raw);
    }
}
