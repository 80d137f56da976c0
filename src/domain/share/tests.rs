use super::*;
use crate::domain::fixtures::{reference_session, reference_session_with_exercises};

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

#[test]
fn sessions_with_exercises_travel_as_format_2() {
    let s = reference_session_with_exercises();
    let link = encode_session(&s);
    assert!(link.starts_with("s2."), "{link}");
    assert_eq!(decode(&link), Ok(Decoded::Session(s)));
    assert!(encode_session(&reference_session()).starts_with("s1."));
}

#[test]
fn every_released_tag_is_known_and_a_later_one_is_newer() {
    for version in LinkVersion::ALL {
        for locked in [false, true] {
            let tag = Tag { version, locked };
            assert_eq!(Tag::parse(tag.text()), Some(tag));
        }
    }
    assert_eq!(LinkVersion::V1.plain_tag(), "s1");
    assert_eq!(LinkVersion::V2.locked_tag(), "e2");
    for tag in ["s3", "e3"] {
        assert_eq!(Tag::parse(tag), None);
        assert_eq!(
            decode(&format!("{tag}.AAAA")),
            Err(LinkError::NewerVersion { tag: tag.into() })
        );
    }
    assert_eq!(decode("s2"), Err(LinkError::Truncated));
    assert_eq!(decode("e2."), Err(LinkError::Truncated));
}
