//! Raw deflate (RFC 1951) through `miniz_oxide`, primed with a fixed
//! dictionary, and inflate with a hard size cap.
//!
//! Priming: deflate may refer back up to 32 KiB into what it has already
//! seen. Both sides pretend that [`DICTIONARY`] came before the session
//! bytes, so the first "the team", "next week" or "because" of a session can
//! already be a short back-reference. The encoder compresses the dictionary,
//! forces a byte-aligned sync flush and drops that prefix from its output;
//! the decoder puts the dictionary in its output buffer and inflates after
//! it. The dictionary is part of format 1 and must never change.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// The priming text of format 1. Never edit it: released links need it.
pub const DICTIONARY: &[u8] = include_bytes!("dictionary.txt");

/// miniz's best level (its "uber" compression).
const LEVEL: i32 = 10;

/// Raw deflate of `data` primed with `dict`.
pub fn deflate_with(dict: &[u8], data: &[u8]) -> Vec<u8> {
    // Raw deflate: no zlib header (window_bits <= 0).
    let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(LEVEL, -15, 0));
    let mut out = vec![0u8; dict.len() + data.len() + 1024];
    let mut prefix = 0;
    if !dict.is_empty() {
        let (status, _, n) = compress(&mut c, dict, &mut out, TDEFLFlush::Sync);
        debug_assert_eq!(status, TDEFLStatus::Okay);
        prefix = n;
    }
    let mut pos = prefix;
    let mut input = data;
    loop {
        let (status, used, n) = compress(&mut c, input, &mut out[pos..], TDEFLFlush::Finish);
        pos += n;
        input = &input[used..];
        match status {
            TDEFLStatus::Done => break,
            TDEFLStatus::Okay => {
                // Out of room: grow and go on.
                out.resize(out.len() * 2, 0);
            }
            _ => break,
        }
    }
    out.truncate(pos);
    out.split_off(prefix)
}

pub fn deflate(data: &[u8]) -> Vec<u8> {
    deflate_with(DICTIONARY, data)
}

/// Why inflating failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The data would inflate past the cap.
    TooLarge,
    /// Not a complete, valid deflate stream.
    Invalid,
}

/// Inflate raw deflate `data` primed with `dict`, to exactly `expected`
/// bytes: anything that would grow past that is refused without inflating
/// further (a zip bomb costs at most `expected` bytes of memory).
pub fn inflate_with(dict: &[u8], data: &[u8], expected: usize) -> Result<Vec<u8>, InflateError> {
    let mut r = DecompressorOxide::new();
    // One spare byte tells "exactly this size" from "more than this".
    let mut out = vec![0u8; dict.len() + expected + 1];
    out[..dict.len()].copy_from_slice(dict);
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let (status, used, n) = decompress(&mut r, data, &mut out, dict.len(), flags);
    match status {
        TINFLStatus::Done if n == expected && used == data.len() => {
            out.truncate(dict.len() + n);
            Ok(out.split_off(dict.len()))
        }
        TINFLStatus::Done if n > expected => Err(InflateError::TooLarge),
        TINFLStatus::HasMoreOutput => Err(InflateError::TooLarge),
        _ => Err(InflateError::Invalid),
    }
}

pub fn inflate(data: &[u8], expected: usize) -> Result<Vec<u8>, InflateError> {
    inflate_with(DICTIONARY, data, expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_and_without_dictionary() {
        let text = b"the team meeting next week, because the team meeting ran long";
        for dict in [&b""[..], DICTIONARY] {
            let packed = deflate_with(dict, text);
            assert_eq!(inflate_with(dict, &packed, text.len()).unwrap(), text);
        }
        assert_eq!(inflate(&deflate(b""), 0).unwrap(), b"");
    }

    #[test]
    fn output_past_the_expected_size_is_refused() {
        let big = vec![b'a'; 100_000];
        let packed = deflate(&big);
        assert!(packed.len() < 200);
        assert_eq!(inflate(&packed, 1000), Err(InflateError::TooLarge));
        assert_eq!(inflate(&packed, 99_999), Err(InflateError::TooLarge));
        assert_eq!(inflate(&packed, 100_000).unwrap().len(), 100_000);
        assert_eq!(
            inflate(&packed, 100_001),
            Err(InflateError::Invalid),
            "shorter than announced"
        );
        assert_eq!(
            inflate(&packed[..packed.len() - 1], 100_000),
            Err(InflateError::Invalid)
        );
    }
}
