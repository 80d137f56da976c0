//! Sharing a session by link and opening one: the address of a link, and
//! what opening a session does to the sessions on this device. Nothing is
//! ever overwritten silently.

use crate::app::sessions::Sessions;
use crate::domain::merge;
use crate::domain::session::{CopyOf, CopySource, Session};
use crate::domain::share::{self, passphrase, Envelope, LinkError, KDF_ITERATIONS};
use crate::platform::clock::now_ms;
use crate::platform::crypto::{self, CryptoError};

/// The address a link given to someone else starts with: the app's, with
/// nothing of this page's query. The link opens in that person's own
/// language and layout, and never in a trainer's preview (which keeps
/// nothing) or an embed's frame; a trainer's presets are for the course's
/// page, not for a partner's tab.
pub fn base_url() -> String {
    // From the whole address, not `origin`: the same in a sandboxed frame.
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    page.split('?').next().unwrap_or_default().to_string()
}

/// The full link for a fragment payload.
pub fn link_for(payload: &str) -> String {
    format!("{}#{payload}", base_url())
}

/// What opening a shared session found on this device.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrival {
    /// New here: it was added.
    Added(String),
    /// This device has exactly the same session.
    Same(String),
    /// This device has another version: the user decides, section by section.
    Differs {
        mine: Box<Session>,
        theirs: Box<Session>,
    },
}

/// Take in a session from a link or a file.
pub fn arrive(sessions: &Sessions, theirs: Session) -> Arrival {
    match sessions.get_untracked(&theirs.id) {
        // A record this app cannot read holds that id: never write over it.
        None if sessions.has_unread_record(&theirs.id) => {
            Arrival::Added(keep_both_sessions(sessions, theirs))
        }
        None => {
            let id = theirs.id.clone();
            sessions.put(theirs);
            Arrival::Added(id)
        }
        Some(mine) if merge::differences(&mine, &theirs).is_empty() => Arrival::Same(mine.id),
        Some(mine) => Arrival::Differs {
            mine: Box::new(mine),
            theirs: Box::new(theirs),
        },
    }
}

/// Keep the link's version as a separate session beside this device's.
pub fn keep_both_sessions(sessions: &Sessions, theirs: Session) -> String {
    let mut copy = theirs;
    // History says which is which: this one is the link's version.
    copy.copy_of = Some(CopyOf {
        session: copy.id.clone(),
        source: CopySource::Link,
        version_ms: copy.updated_ms,
    });
    copy.id = crate::platform::new_id();
    copy.updated_ms = now_ms();
    let id = copy.id.clone();
    sessions.put(copy);
    id
}

/// The block of text that carries a session where a link would be cut:
/// what "copy as text" copies and the downloaded file holds. Opening it
/// reads what follows the last `#`.
pub fn text_block(link: &str) -> String {
    format!(
        "{}\n\n{link}\n",
        crate::i18n::t(crate::i18n::Key::ShareTextBlock)
    )
}

/// Seal a session under a passphrase with the browser's WebCrypto: an
/// `e1` link, or `e2` if it holds exercise runs. The key comes from the
/// passphrase's canonical form (what is heard, however it is typed).
pub async fn lock(session: &Session, passphrase: &str) -> Result<String, CryptoError> {
    let passphrase = passphrase::canonical(passphrase);
    let (version, plaintext) = share::plaintext_bytes(session);
    let mut envelope = Envelope {
        version,
        kdf_iterations: KDF_ITERATIONS,
        salt: crypto::random_bytes::<16>()?,
        nonce: crypto::random_bytes::<12>()?,
        ciphertext: Vec::new(),
    };
    envelope.ciphertext = crypto::seal(
        &passphrase,
        &envelope.salt,
        envelope.kdf_iterations,
        &envelope.nonce,
        &envelope.header_bytes(),
        &plaintext,
    )
    .await?;
    Ok(envelope.to_fragment())
}

/// Why a protected link did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The link itself, or the passphrase (`LinkError::WrongPassphrase`).
    Link(LinkError),
    /// This browser cannot decrypt here (no WebCrypto: not https or localhost).
    NoCrypto,
}

/// Open an encrypted link's envelope with a passphrase as typed: each of
/// its candidates in turn, the canonical form first (see
/// [`passphrase::candidates`]).
pub async fn unlock(envelope: &Envelope, passphrase: &str) -> Result<Session, UnlockError> {
    let mut plaintext = None;
    for candidate in passphrase::candidates(passphrase) {
        match crypto::open(
            &candidate,
            &envelope.salt,
            envelope.kdf_iterations,
            &envelope.nonce,
            &envelope.header_bytes(),
            &envelope.ciphertext,
        )
        .await
        {
            Ok(bytes) => {
                plaintext = Some(bytes);
                break;
            }
            Err(CryptoError::Rejected) => continue,
            Err(CryptoError::Unavailable) => return Err(UnlockError::NoCrypto),
        }
    }
    let plaintext = plaintext.ok_or(UnlockError::Link(LinkError::WrongPassphrase))?;
    share::decode_plain_bytes(&plaintext, envelope.version).map_err(UnlockError::Link)
}
