use super::*;
use crate::domain::fixtures::{
    reference_session, reference_session_followed_up, reference_session_with_exercises,
};
use crate::domain::followup::{FollowUpItem, NextMeeting};

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
fn sessions_followed_up_travel_as_format_3() {
    let s = reference_session_followed_up();
    let link = encode_session(&s);
    assert!(link.starts_with("s3."), "{link}");
    assert_eq!(decode(&link), Ok(Decoded::Session(s)));
}

#[test]
fn sanitizing_keeps_only_what_a_link_carries() {
    let mut s = reference_session();
    s.follow_up = ["ref-2026-03-10", "", "not an id!"]
        .map(|id| FollowUpItem {
            session: id.into(),
            what: "Send the agenda".into(),
            ..FollowUpItem::default()
        })
        .to_vec();
    s.next_meeting = Some(NextMeeting {
        date: "2026-+3-31".into(),
        ..NextMeeting::default()
    });
    sanitize(&mut s);
    let ids: Vec<_> = s.follow_up.iter().map(|i| i.session.as_str()).collect();
    assert_eq!(ids, ["ref-2026-03-10", "", ""], "the item stays");
    assert_eq!(s.next_meeting, None, "passes is_iso_date, yet no date");
    let link = encode_session(&s);
    assert_eq!(decode(&link), Ok(Decoded::Session(s.clone())));
    // A session with none of it, sanitized, is format 1 again.
    s.follow_up.clear();
    assert!(encode_session(&s).starts_with("s1."));
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
    assert_eq!(LinkVersion::V3.plain_tag(), "s3");
    assert_eq!(LinkVersion::V3.locked_tag(), "e3");
    assert_eq!(LinkVersion::V4.plain_tag(), "s4");
    assert_eq!(LinkVersion::V4.locked_tag(), "e4");
    for tag in ["s5", "e5"] {
        assert_eq!(Tag::parse(tag), None);
        assert_eq!(
            decode(&format!("{tag}.AAAA")),
            Err(LinkError::NewerVersion { tag: tag.into() })
        );
    }
    assert_eq!(decode("s2"), Err(LinkError::Truncated));
    assert_eq!(decode("e2."), Err(LinkError::Truncated));
    assert_eq!(decode("s3"), Err(LinkError::Truncated));
}
