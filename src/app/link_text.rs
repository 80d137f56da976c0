//! The user's words for each way a link can fail.

use crate::domain::share::LinkError;
use crate::i18n::Key;

pub fn link_error_text(error: &LinkError) -> Key {
    match error {
        LinkError::Empty => Key::LinkEmpty,
        LinkError::NotALink => Key::LinkNotALink,
        LinkError::Truncated => Key::LinkTruncated,
        LinkError::Corrupted => Key::LinkCorrupted,
        LinkError::NewerVersion { .. } => Key::LinkNewer,
        LinkError::TooLarge => Key::LinkTooLarge,
        LinkError::Malformed => Key::LinkMalformed,
        LinkError::WrongPassphrase => Key::LinkWrongPassphrase,
    }
}
