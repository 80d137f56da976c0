use super::*;
use crate::domain::fixtures::reference_session;

#[test]
fn reference_session_round_trips() {
    let s = reference_session();
    let link = encode_session(&s);
    assert_eq!(decode(&link), Ok(Decoded::Session(s)));
}

#[test]
fn non_ascii_payloads_are_corrupted_not_a_panic() {
    // Found by the fuzzer: a multi-byte character at an odd length.
    for input in ["s1.AAAAȫ", "s1.ȫ", "e1.AAAȫ", "s1.AAAAAAA\u{10FFFF}"] {
        assert_eq!(decode(input), Err(LinkError::Corrupted), "{input}");
    }
}
