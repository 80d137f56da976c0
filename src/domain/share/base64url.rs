//! Base64url without padding (RFC 4648 §5), strict: characters outside the
//! alphabet are refused, and non-zero spare bits in the last character are
//! reported (a cut-off text has them too, so the caller decides what they
//! mean), so that no changed character is ever silently accepted. The
//! coding itself is the `base64` crate's.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, DecodeError, Engine};

/// The same alphabet, accepting non-zero spare bits (to tell a cut-off text
/// from a changed one, the caller looks at them).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Why a text is not base64url.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet, or spare bits that are not zero.
    BadCharacter,
    /// A length no encoder produces (one character past a group of four).
    BadLength,
}

fn error(e: DecodeError) -> Base64Error {
    match e {
        DecodeError::InvalidLength(_) => Base64Error::BadLength,
        _ => Base64Error::BadCharacter,
    }
}

/// Decoded bytes, and whether the spare bits of the last character were
/// zero (as every encoder writes them).
pub fn decode_lenient(text: &str) -> Result<(Vec<u8>, bool), Base64Error> {
    match URL_SAFE_NO_PAD.decode(text) {
        Ok(bytes) => Ok((bytes, true)),
        Err(DecodeError::InvalidLastSymbol(..)) => {
            LENIENT.decode(text).map(|b| (b, false)).map_err(error)
        }
        Err(e) => Err(error(e)),
    }
}

/// Strict decoding: non-zero spare bits are a bad character.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    match decode_lenient(text)? {
        (bytes, true) => Ok(bytes),
        (_, false) => Err(Base64Error::BadCharacter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors_without_padding() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn refuses_what_no_encoder_writes() {
        assert_eq!(decode("Zm9v+"), Err(Base64Error::BadCharacter));
        assert_eq!(decode("Zm9vY"), Err(Base64Error::BadLength));
        assert_eq!(decode("Zh"), Err(Base64Error::BadCharacter), "spare bits");
        assert_eq!(decode("Zm9=").unwrap_err(), Base64Error::BadCharacter);
    }
}
