//! Every way a pasted link goes wrong gives its own error, and never a
//! panic; every way people paste a good link still opens it.

// Native only: the reference cryptography and proptest are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

mod share_common;

use peer_coach::domain::fixtures::{
    reference_group_session, reference_session, reference_session_followed_up,
    reference_session_with_exercises,
};
use peer_coach::domain::session::Session;
use peer_coach::domain::share::compact::{self, put_varint};
use peer_coach::domain::share::{
    clean, decode, deflate, encode_session, frame, lock, Decoded, Envelope, LinkError, LinkVersion,
    MAX_RAW_BYTES,
};
use share_common::RustCipher;

fn plain_link() -> String {
    encode_session(&reference_session())
}

fn seal(session: &Session) -> String {
    lock(session, "pass", 1_000, [7; 16], [9; 12], &RustCipher)
}

/// The fixture whose golden links a version has.
fn session_of(version: LinkVersion) -> Session {
    match version {
        LinkVersion::V1 => reference_session(),
        LinkVersion::V2 => reference_session_with_exercises(),
        LinkVersion::V3 => reference_session_followed_up(),
        LinkVersion::V4 => reference_group_session(),
    }
}

/// Every released tag: `s1`, `e1`, `s2`, `e2`, `s3`, `e3`, `s4`, `e4`.
fn every_tag() -> Vec<&'static str> {
    LinkVersion::ALL
        .iter()
        .flat_map(|v| [v.plain_tag(), v.locked_tag()])
        .collect()
}

/// A link of every released tag, in the order of [`every_tag`].
fn every_kind_of_link() -> [String; 8] {
    LinkVersion::ALL
        .map(|v| {
            let session = session_of(v);
            [encode_session(&session), seal(&session)]
        })
        .concat()
        .try_into()
        .expect("two links per released version")
}

#[test]
fn every_kind_of_link_has_its_tag() {
    let links = every_kind_of_link();
    for (link, tag) in links.iter().zip(every_tag()) {
        assert!(link.starts_with(&format!("{tag}.")), "{tag}: {link}");
    }
    assert_eq!(every_tag().len(), 8);
}

fn opens(input: &str) {
    assert_eq!(
        decode(input),
        Ok(Decoded::Session(reference_session())),
        "{input:?}"
    );
}

#[test]
fn empty_input() {
    for input in [
        "",
        "   ",
        "\n\t",
        "#",
        "https://x.example/app/#",
        "\"\"",
        "<>",
    ] {
        assert_eq!(decode(input), Err(LinkError::Empty), "{input:?}");
    }
}

#[test]
fn not_a_link() {
    for input in [
        "hello",
        "https://x.example/app/",
        "#/session/abc",
        "s1",
        "S1.abc",
        "x.yz",
        "1s.abc",
        "<script>alert(1)</script>",
    ] {
        let err = decode(input).unwrap_err();
        assert!(
            matches!(err, LinkError::NotALink | LinkError::Truncated),
            "{input:?}: {err:?}"
        );
    }
    assert_eq!(decode("hello"), Err(LinkError::NotALink));
    assert_eq!(decode("s1"), Err(LinkError::Truncated));
}

#[test]
fn every_truncation_is_truncated() {
    for link in every_kind_of_link() {
        for len in 3..link.len() {
            assert_eq!(
                decode(&link[..len]),
                Err(LinkError::Truncated),
                "cut at {len}"
            );
        }
    }
}

#[test]
fn every_changed_character_is_corrupted() {
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for link in every_kind_of_link() {
        for at in 3..link.len() {
            let old = link.as_bytes()[at] as char;
            // Two replacements per position: a neighbour in the alphabet
            // and a character outside it.
            let i = alphabet.find(old).unwrap();
            let near = alphabet.as_bytes()[(i + 1) % 64] as char;
            for new in [near, '~'] {
                let mut bad = link.clone();
                bad.replace_range(at..at + 1, &new.to_string());
                assert_eq!(
                    decode(&bad),
                    Err(LinkError::Corrupted),
                    "{old} → {new} at {at}"
                );
            }
        }
    }
}

#[test]
fn extra_characters_are_corrupted() {
    for link in every_kind_of_link() {
        assert_eq!(decode(&format!("{link}AAAA")), Err(LinkError::Corrupted));
        assert_eq!(decode(&format!("{link}AA")), Err(LinkError::Corrupted));
    }
}

#[test]
fn wrapped_spaced_and_escaped_links_open() {
    let link = plain_link();
    let url = format!("https://peer.example/coach/#{link}");
    let wrapped: String = link
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n");
    let spaced: String = link
        .chars()
        .enumerate()
        .flat_map(|(i, c)| if i % 10 == 9 { vec![c, ' '] } else { vec![c] })
        .collect();
    let percent_all: String = link.bytes().map(|b| format!("%{b:02X}")).collect();
    for input in [
        link.clone(),
        format!("#{link}"),
        url.clone(),
        format!("  {url}  \n"),
        wrapped.clone(),
        format!("> {}", wrapped.replace("\r\n", "\r\n> ")),
        spaced,
        url.replace('#', "%23"),
        url.replace('#', "%2523"),
        url.replace('.', "%2E"),
        format!("https://peer.example/coach/%23{percent_all}"),
        format!("https://peer.example/?a=1&amp;b=2#{link}"),
        format!("<{url}>"),
        format!("\"{url}\""),
        format!("'{url}'"),
        format!("({url})."),
        format!("See {url}."),
        format!("{url}!?"),
        format!("{url}\","),
        format!("[{url}]"),
        format!("“{url}”"),
        format!("**{url}**"),
        format!("https://peer.example/coach/#/share/{link}"),
        format!("\u{FEFF}{link}\u{200B}"),
    ] {
        opens(&input);
    }
}

#[test]
fn clean_is_idempotent_and_keeps_payloads() {
    let link = plain_link();
    assert_eq!(clean(&link), link);
    assert_eq!(clean(&clean(&format!(" <#{link}>. "))), link);
    assert_eq!(clean("s1."), "s1");
    assert_eq!(decode("s1."), Err(LinkError::Truncated));
}

#[test]
fn future_versions_are_told_apart() {
    for link in every_kind_of_link() {
        let body = &link[3..];
        for tag in ["s5", "e5", "s9", "e9", "r1", "s10"] {
            assert_eq!(
                decode(&format!("{tag}.{body}")),
                Err(LinkError::NewerVersion {
                    tag: tag.to_string()
                })
            );
        }
        // A body under any other released tag fails its checksum.
        for tag in every_tag() {
            if !link.starts_with(tag) {
                assert_eq!(
                    decode(&format!("{tag}.{body}")),
                    Err(LinkError::Corrupted),
                    "{} body as {tag}",
                    &link[..2]
                );
            }
        }
    }
}

#[test]
fn zip_bombs_are_refused() {
    // A tiny payload announcing a small session that inflates to 1 MiB.
    let bomb = deflate::deflate(&vec![0u8; 1 << 20]);
    for tag in LinkVersion::ALL.map(LinkVersion::plain_tag) {
        for announced in [100u64, MAX_RAW_BYTES as u64] {
            let mut content = Vec::new();
            put_varint(&mut content, announced);
            content.extend_from_slice(&bomb);
            let link = frame(tag, &content);
            assert!(link.len() < 2_000);
            assert_eq!(decode(&link), Err(LinkError::TooLarge));
        }
        // Or announcing its true size, over the cap.
        let mut content = Vec::new();
        put_varint(&mut content, 1 << 20);
        content.extend_from_slice(&bomb);
        assert_eq!(decode(&frame(tag, &content)), Err(LinkError::TooLarge));
        // A huge text is refused before anything is decoded.
        let huge = format!("{tag}.{}", "A".repeat(2 << 20));
        assert_eq!(decode(&huge), Err(LinkError::TooLarge));
    }
}

#[test]
fn intact_but_invalid_content_is_malformed() {
    let cases: Vec<Vec<u8>> = vec![
        vec![],
        vec![0x80],
        // Announces 5 bytes, holds no valid deflate.
        vec![5, 0xFF, 0xFF],
        // Valid deflate of bytes that are not a session.
        {
            let mut c = vec![3];
            c.extend(deflate::deflate(b"abc"));
            c
        },
    ];
    for version in LinkVersion::ALL {
        // The session of the version's golden link with a byte too many.
        let session = session_of(version);
        let mut raw = compact::write_session(&session, version);
        raw.push(0);
        for content in cases.iter().chain([&plaintext(&raw)]) {
            assert_eq!(
                decode(&frame(version.plain_tag(), content)),
                Err(LinkError::Malformed),
                "{version:?} {content:?}"
            );
        }
        // An envelope too short for its salt, nonce and tag.
        let tag = version.locked_tag();
        assert_eq!(decode(&frame(tag, &[1, 2, 3])), Err(LinkError::Malformed));
        // An envelope asking for billions of KDF rounds.
        let mut content = Vec::new();
        put_varint(&mut content, u64::from(u32::MAX));
        content.extend_from_slice(&[0; 60]);
        assert_eq!(decode(&frame(tag, &content)), Err(LinkError::Malformed));
    }
}

/// `varint raw_len ‖ deflate(raw)`, as a plain link holds compact bytes.
fn plaintext(raw: &[u8]) -> Vec<u8> {
    let mut c = Vec::new();
    put_varint(&mut c, raw.len() as u64);
    c.extend(deflate::deflate(raw));
    c
}

#[test]
fn a_layout_under_the_other_version_is_malformed() {
    // Each version reads only its own layout: older bytes under a later
    // tag miss the later blocks, later bytes under an older tag have bytes
    // left.
    let mut s = reference_session_followed_up();
    s.turns[0].exercises = reference_session_with_exercises().turns[0]
        .exercises
        .clone();
    for written in LinkVersion::ALL {
        for read in LinkVersion::ALL.into_iter().filter(|&v| v != written) {
            let content = plaintext(&compact::write_session(&s, written));
            assert_eq!(
                decode(&frame(read.plain_tag(), &content)),
                Err(LinkError::Malformed),
                "{written:?} as {read:?}"
            );
        }
    }
    let s = reference_session_with_exercises();
    // An exercise code this version does not know.
    // Format 2's head is format 1's and the exercise block: the first
    // half's run count, then its first run's exercise code.
    let mut raw = compact::write_session(&s, LinkVersion::V2);
    let (_, len_bytes) = compact::get_varint(&raw).unwrap();
    let (head_1, _) = compact::get_varint(&compact::write_session(&s, LinkVersion::V1)).unwrap();
    let at = len_bytes + head_1 as usize + 1;
    assert_eq!(raw[at], 2, "the what-if run");
    raw[at] = 8;
    assert_eq!(
        decode(&frame("s2", &plaintext(&raw))),
        Err(LinkError::Malformed)
    );
}

#[test]
fn envelope_parse_checks_before_decrypting() {
    let [s1, e1, s2, e2, s3, e3, s4, e4] = every_kind_of_link();
    for (link, version) in [
        (e1, LinkVersion::V1),
        (e2, LinkVersion::V2),
        (e3, LinkVersion::V3),
        (e4, LinkVersion::V4),
    ] {
        let envelope = Envelope::parse(&link).unwrap();
        assert_eq!(envelope.version, version);
        assert_eq!(envelope.kdf_iterations, 1_000);
        assert_eq!(envelope.to_fragment(), link);
        assert_eq!(
            Envelope::parse(&link[..link.len() - 5]),
            Err(LinkError::Truncated)
        );
        assert_eq!(
            Envelope::parse(&format!("#{}", link.replace('.', "%2E"))),
            Ok(envelope)
        );
    }
    assert_eq!(Envelope::parse(&s1), Err(LinkError::NotALink));
    assert_eq!(Envelope::parse(&s2), Err(LinkError::NotALink));
    assert_eq!(Envelope::parse(&s3), Err(LinkError::NotALink));
    assert_eq!(Envelope::parse(&s4), Err(LinkError::NotALink));
}

#[test]
fn tampered_header_fails_as_wrong_passphrase() {
    // Someone who recomputes the CRC can change the header, but not without
    // the authentication tag noticing: the nonce, or the version (an `e1`
    // relabelled `e2`, and so on, each as every other).
    let [_, e1, _, e2, _, e3, _, e4] = every_kind_of_link();
    for link in [e1, e2, e3, e4] {
        let envelope = Envelope::parse(&link).unwrap();
        let mut nonce = envelope.clone();
        nonce.nonce[0] ^= 1;
        let relabelled = LinkVersion::ALL
            .into_iter()
            .filter(|&v| v != envelope.version)
            .map(|version| Envelope {
                version,
                ..envelope.clone()
            });
        for tampered in std::iter::once(nonce).chain(relabelled) {
            let relinked = tampered.to_fragment();
            let Ok(Decoded::Locked(parsed)) = decode(&relinked) else {
                panic!("still a well-formed envelope");
            };
            assert_eq!(parsed, tampered);
            assert_eq!(
                peer_coach::domain::share::unlock(&parsed, "pass", &RustCipher),
                Err(LinkError::WrongPassphrase)
            );
        }
    }
}
