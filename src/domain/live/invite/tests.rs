use super::*;
use crate::domain::live::sdp::tests::{description, ANSWER_IP, ANSWER_MDNS, OFFER_MDNS};
use crate::domain::share::passphrase::{candidates, canonical};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use proptest::prelude::*;

const NOW: u64 = 1_780_000_000_000;

fn chromium_invitation() -> Invitation {
    Invitation::new(
        [7, 1, 2, 3, 4, 5, 6, 8],
        NOW,
        "Ana",
        "abc123",
        "Tuesday's",
        None,
        Description::parse(OFFER_MDNS).unwrap(),
    )
}

#[test]
fn measured_lengths_of_real_chromium_codes() {
    let invitation = chromium_invitation();
    let reply = invitation.reply(&Description::parse(ANSWER_MDNS).unwrap());
    assert_eq!(reply.len(), 143, "the reply length in the module doc");
    let ip = invitation.reply(&Description::parse(ANSWER_IP).unwrap());
    assert_eq!(ip.len(), 127, "with addresses instead of mDNS names");
    let link = invitation.to_fragment();
    assert!(
        (180..=200).contains(&link.len()),
        "invitation payload {}",
        link.len()
    );
}

#[test]
fn an_invitation_opens_as_it_was_made() {
    let invitation = chromium_invitation();
    let link = format!("http://127.0.0.1:8080/#{}", invitation.to_fragment());
    assert!(is_invitation(&link));
    assert_eq!(open(&link), Ok(Opened::Plain(invitation)));
}

#[test]
fn the_wrong_kind_of_code_is_refused_plainly() {
    let invitation = chromium_invitation();
    let reply = invitation.reply(&invitation.offer);
    assert_eq!(open(&reply), Err(CodeError::NotACode));
    let mut pending = Pending::of(&invitation);
    assert_eq!(
        pending.accept(&invitation.to_fragment(), NOW),
        Err(CodeError::NotACode)
    );
    assert_eq!(pending.accept("  ", NOW), Err(CodeError::Empty));
    assert_eq!(pending.accept("hello there", NOW), Err(CodeError::NotACode));
    assert!(!is_invitation("s1.AAAA"));
}

#[test]
fn texts_are_capped_and_cleaned_when_made() {
    let long = "x".repeat(500);
    let i = Invitation::new(
        [0; 8],
        NOW,
        &format!("A\u{7}na{long}"),
        "id",
        &long,
        Some("http://example.com"),
        Description::parse(OFFER_MDNS).unwrap(),
    );
    assert_eq!(i.inviter.chars().count(), MAX_NAME_CHARS);
    assert!(!i.inviter.contains('\u{7}'));
    assert_eq!(i.title.chars().count(), MAX_TITLE_CHARS);
    assert_eq!(i.stun, None, "not a STUN address");
    assert_eq!(Invitation::from_bytes(&i.to_bytes()), Ok(i));
}

#[test]
fn server_addresses() {
    for good in ["stun:stun.example.org:3478", "turn:10.0.0.1", "stuns:a"] {
        assert!(is_valid_server(good), "{good}");
    }
    for bad in ["", "stun:", "http://x", "stun:a b", "stun:\"x", "x:stun:a"] {
        assert!(!is_valid_server(bad), "{bad}");
    }
}

/// PBKDF2-HMAC-SHA256 and AES-256-GCM as WebCrypto does them.
fn cipher(passphrase: &str, sealed: &Sealed) -> Aes256Gcm {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
        passphrase.as_bytes(),
        &sealed.salt,
        sealed.kdf_iterations,
        &mut key,
    );
    Aes256Gcm::new_from_slice(&key).unwrap()
}

fn lock(invitation: &Invitation, passphrase: &str) -> String {
    let mut sealed = Sealed {
        kdf_iterations: 1_000,
        salt: [3; 16],
        nonce: [9; 12],
        ciphertext: Vec::new(),
    };
    let aad = sealed.header_bytes();
    sealed.ciphertext = cipher(&canonical(passphrase), &sealed)
        .encrypt(
            &Nonce::from(sealed.nonce),
            Payload {
                msg: &invitation.to_bytes(),
                aad: &aad,
            },
        )
        .unwrap();
    sealed.to_fragment()
}

fn unlock(sealed: &Sealed, typed: &str) -> Result<Invitation, CodeError> {
    let aad = sealed.header_bytes();
    let plain = candidates(typed)
        .iter()
        .find_map(|p| {
            cipher(p, sealed)
                .decrypt(
                    &Nonce::from(sealed.nonce),
                    Payload {
                        msg: &sealed.ciphertext,
                        aad: &aad,
                    },
                )
                .ok()
        })
        .ok_or(CodeError::WrongPassphrase)?;
    Invitation::from_bytes(&plain)
}

#[test]
fn a_protected_invitation_opens_with_its_passphrase_only() {
    let invitation = chromium_invitation();
    let link = lock(&invitation, "Maple River Stone");
    assert!(link.starts_with("k1."));
    assert!(is_invitation(&link));
    let Ok(Opened::Locked(sealed)) = open(&link) else {
        panic!("a locked invitation");
    };
    assert_eq!(unlock(&sealed, "maple-river-stone"), Ok(invitation));
    assert_eq!(
        unlock(&sealed, "maple river"),
        Err(CodeError::WrongPassphrase)
    );
    // The header is authenticated: another salt does not open.
    let mut changed = sealed.clone();
    changed.salt[0] ^= 1;
    assert_eq!(
        unlock(&changed, "maple river stone"),
        Err(CodeError::WrongPassphrase)
    );
}

/// The reply codes people paste back, as chat apps hand them over: with
/// a greeting, a thank-you or a signature around them.
#[test]
fn a_reply_is_found_in_what_people_write_around_it() {
    let invitation = chromium_invitation();
    let answer = Description::parse(ANSWER_MDNS).unwrap();
    let code = invitation.reply(&answer);
    let (head, tail) = code.split_at(70);
    for pasted in [
        format!("here: {code}"),
        format!("\"{code}\""),
        format!("{head}\n{tail}"),
        format!("{code} thanks"),
        format!("{code} obrigado"),
        format!("{code}\n\nJoão"),
        format!("aqui está o código {code} — diz-me"),
        format!("{code}thanks"),
        format!("Ana, 10:32\n> {head}\n> {tail}\n> abraço"),
        format!("{code}. a1. was the start"),
    ] {
        assert_eq!(
            Reply::parse(&pasted).map(|r| r.answer),
            Ok(answer.clone()),
            "{pasted}"
        );
    }
    let cut = &code[..100];
    for pasted in [
        format!("{cut} thanks"),
        format!("{cut} obrigado"),
        format!("{cut}\n\nJoão"),
        format!("aqui está o código {cut} — diz-me"),
    ] {
        assert_eq!(Reply::parse(&pasted), Err(CodeError::Truncated), "{pasted}");
    }
    let mut changed = code.clone().into_bytes();
    changed[100] = if changed[100] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    for pasted in [
        format!("{changed} thanks"),
        format!("{changed}thanks"),
        format!("aqui está o código {changed} — diz-me"),
    ] {
        assert_eq!(Reply::parse(&pasted), Err(CodeError::Corrupted), "{pasted}");
    }
}

/// Chat text: words, other languages, emoji, punctuation, spaces, line
/// breaks, escapes, anything printable.
fn chat() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "obrigado",
        "gracias",
        "João",
        "código",
        "diz-me",
        "спасибо",
        "谢谢",
        "ありがとう",
        "شكرا",
        "👍",
        "🙂",
        "❤️",
        "—",
        "…",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "'",
        "(",
        ")",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "#",
        "/",
        "%",
        "&amp;",
        ">",
        " ",
        "\n",
        "\n\n",
        "\t",
        "\r\n",
    ]);
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9]{1,8}",
            pieces.prop_map(str::to_string),
            "\\PC{1,12}",
        ],
        0..12,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Line breaks as mail and chat apps put them inside a long code.
const WRAPS: [&str; 4] = ["\n", "\r\n", " \n", "\n> "];

/// `code` with `breaks` put in after its tag.
fn wrap(code: &str, breaks: &[(prop::sample::Index, &str)]) -> String {
    let mut at: Vec<_> = breaks
        .iter()
        .map(|(i, text)| (3 + i.index(code.len() - 2), *text))
        .collect();
    at.sort_by_key(|(i, _)| std::cmp::Reverse(*i));
    // One break a place: two would make a blank line, which ends a code.
    at.dedup_by_key(|(i, _)| *i);
    let mut out = code.to_string();
    for (i, text) in at {
        out.insert_str(i, text);
    }
    out
}

/// How many characters of a reply code's payload hold its length and the
/// length's check.
fn header_chars(code: &str) -> usize {
    let bytes = share::base64url::decode_lenient(&code[3..]).unwrap().0;
    let (_, n) = get_varint(&bytes).unwrap();
    ((n + 1) * 4).div_ceil(3)
}

fn invitation() -> impl Strategy<Value = Invitation> {
    (
        any::<[u8; 8]>(),
        0u64..4_000_000_000_000,
        "\\PC{0,70}",
        "[a-z0-9_-]{1,64}",
        "\\PC{0,130}",
        prop::option::of("stun:[a-z0-9.]{1,30}:[0-9]{1,5}"),
        description(),
    )
        .prop_map(|(id, now, name, sid, title, stun, offer)| {
            Invitation::new(id, now, &name, &sid, &title, stun.as_deref(), offer)
        })
}

proptest! {
    /// Only a sealed invitation says it is protected (its passphrase stays
    /// on show for the inviter), in a link or as a payload.
    #[test]
    fn only_a_sealed_invitation_is_protected(i in invitation()) {
        let plain = i.to_fragment();
        let sealed = lock(&i, "maple river stone lake");
        prop_assert!(!is_protected(&plain));
        prop_assert!(is_protected(&sealed));
        let link = format!("https://example.org/pc/#{sealed}");
        prop_assert!(is_protected(&link));
        prop_assert!(!is_protected(&i.reply(&i.offer)));
    }

    #[test]
    fn every_invitation_round_trips(i in invitation()) {
        prop_assert_eq!(open(&i.to_fragment()), Ok(Opened::Plain(i.clone())));
        prop_assert_eq!(Invitation::from_bytes(&i.to_bytes()), Ok(i));
    }

    #[test]
    fn every_reply_round_trips(i in invitation(), answer in description()) {
        let code = i.reply(&answer);
        let reply = Reply::parse(&format!("here it is: \"{code}\".")).unwrap();
        prop_assert_eq!(reply.answer, answer);
        prop_assert_eq!(&reply.id_prefix[..], &i.id[..REPLY_ID_BYTES]);
    }

    /// The joiner: answerable exactly while `now < expires`, at every
    /// millisecond around both ends of its life.
    #[test]
    fn expiry_at_every_boundary(i in invitation(), offset in 0u64..=3) {
        let answered = Answered::default();
        prop_assert_eq!(i.expires_ms - i.created_ms, TTL_MS);
        for now in [i.created_ms, i.created_ms + offset] {
            prop_assert_eq!(i.check(now, &answered), Ok(()));
        }
        let end = i.expires_ms;
        prop_assert_eq!(i.check(end - 1 - offset, &answered), Ok(()));
        prop_assert_eq!(i.check(end + offset, &answered), Err(CodeError::Expired));
        // The inviter, by the same rule.
        let answer = i.offer.clone();
        let code = i.reply(&answer);
        prop_assert_eq!(Pending::of(&i).accept(&code, end - 1 - offset), Ok(answer));
        prop_assert_eq!(Pending::of(&i).accept(&code, end + offset), Err(CodeError::Expired));
    }

    /// The inviter takes exactly one reply, and only one for this invitation.
    #[test]
    fn one_reply_per_invitation(
        i in invitation(),
        other in any::<[u8; 8]>(),
        answers in prop::collection::vec(description(), 1..4),
        at in 0..TTL_MS,
    ) {
        let now = i.created_ms + at;
        let mut pending = Pending::of(&i);
        let mut older = i.clone();
        older.id = other;
        let wrong = older.reply(&answers[0]);
        if other[..REPLY_ID_BYTES] != i.id[..REPLY_ID_BYTES] {
            prop_assert_eq!(pending.accept(&wrong, now), Err(CodeError::WrongInvitation));
        }
        prop_assert_eq!(pending.accept(&i.reply(&answers[0]), now), Ok(answers[0].clone()));
        for a in &answers {
            prop_assert_eq!(pending.accept(&i.reply(a), now), Err(CodeError::AlreadyUsed));
        }
    }

    /// The joiner's device answers an invitation once; it forgets only
    /// what has expired, and remembers at most MAX_ANSWERED.
    #[test]
    fn a_device_answers_once(list in prop::collection::vec(invitation(), 1..80), at in 0..TTL_MS) {
        let mut answered = Answered::default();
        for i in &list {
            let mut i = i.clone();
            i.created_ms = NOW;
            i.expires_ms = NOW + TTL_MS;
            let now = NOW + at;
            let first = i.check(now, &answered);
            if first.is_ok() {
                answered.remember(&i, now);
            }
            prop_assert_eq!(i.check(now, &answered), Err(CodeError::AlreadyAnswered));
            prop_assert!(answered.len() <= MAX_ANSWERED);
        }
        // Once expired, what was remembered is forgotten.
        answered.remember(&list[0], NOW + TTL_MS + 1);
        prop_assert!(answered.len() <= 1);
    }

    #[test]
    fn garbled_codes_never_panic(text in "[a-z0-9]{0,3}\\.?[A-Za-z0-9_-]{0,300}") {
        let _ = open(&text);
        let _ = Reply::parse(&text);
        let _ = Pending::of(&chromium_invitation()).accept(&text, NOW);
    }

    #[test]
    fn garbled_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(i) = Invitation::from_bytes(&bytes) {
            prop_assert_eq!(&i.to_bytes(), &bytes);
        }
        let _ = open(&share::frame("j1", &bytes));
        let _ = open(&share::frame("k1", &bytes));
        let _ = Reply::parse(&share::frame("a1", &bytes));
    }

    /// A changed character is told apart from a cut one, and never opens
    /// as another invitation.
    #[test]
    fn a_changed_or_cut_code_is_refused(i in invitation(), at in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>()) {
        let code = i.reply(&i.offer);
        let bytes = code.as_bytes();
        let k = 3 + at.index(bytes.len() - 3);
        let mut changed = bytes.to_vec();
        changed[k] = if changed[k] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        prop_assert!(Reply::parse(&changed).is_err());
        let n = 3 + cut.index(bytes.len() - 3);
        prop_assert!(matches!(Reply::parse(&code[..n]), Err(CodeError::Truncated | CodeError::Corrupted)));
    }

    /// Any reply, in any chat text (glued to it or not), wrapped over
    /// lines or not, is found, and it is the reply that was made.
    #[test]
    fn a_reply_is_found_in_any_chat_text(
        i in invitation(),
        answer in description(),
        before in chat(),
        after in chat(),
        breaks in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&[" ", "\n\n", WRAPS[0], WRAPS[1], WRAPS[2], WRAPS[3]][..])), 0..4),
    ) {
        let code = wrap(&i.reply(&answer), &breaks);
        let reply = Reply::parse(&format!("{before}{code}{after}"));
        prop_assert_eq!(reply, Ok(Reply { id_prefix: prefix(&i.id), answer }));
    }

    /// One character of the code changed, whatever is around it, never
    /// reads as a reply: it is Corrupted (or, if the change falls on the
    /// length itself, possibly Truncated).
    #[test]
    fn a_changed_character_in_chat_is_corrupted(
        i in invitation(),
        answer in description(),
        before in chat(),
        after in chat(),
        at in any::<prop::sample::Index>(),
        by in 1usize..64,
        breaks in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&WRAPS[..])), 0..3),
    ) {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let code = i.reply(&answer);
        let k = at.index(code.len() - 3);
        let mut changed = code.clone().into_bytes();
        let was = ALPHABET.iter().position(|&c| c == changed[3 + k]).unwrap();
        changed[3 + k] = ALPHABET[(was + by) % 64];
        let changed = wrap(&String::from_utf8(changed).unwrap(), &breaks);
        let pasted = format!("{before}{changed}{after}");
        prop_assume!(pasted.matches("a1.").count() == 1);
        let got = Reply::parse(&pasted);
        if k >= header_chars(&code) {
            prop_assert_eq!(got, Err(CodeError::Corrupted));
        } else {
            prop_assert!(matches!(got, Err(CodeError::Corrupted | CodeError::Truncated)), "{:?}", got);
        }
    }

    /// A code cut short is Truncated, alone and after any chat text; with
    /// punctuation, emoji or words after it, it is refused (Truncated or
    /// Corrupted, both say to copy it again).
    #[test]
    fn a_cut_code_in_chat_is_truncated(
        i in invitation(),
        answer in description(),
        before in chat(),
        cut in any::<prop::sample::Index>(),
        sep in prop::sample::select(vec![" ", "  ", "\t", "\n\n", "\r\n\r\n", " \n\n", ",", "!", "?", " — ", " 🙂 ", "…", ")", "\""]),
        word in "[a-zA-Z0-9]{1,8}|obrigado|João|спасибо|🙂",
        after in chat(),
    ) {
        let code = i.reply(&answer);
        let cut = &code[..3 + cut.index(code.len() - 3)];
        prop_assert_eq!(Reply::parse(cut), Err(CodeError::Truncated));
        let pasted = format!("{before}{cut}{sep}{word}{after}");
        prop_assume!(pasted.matches("a1.").count() == 1);
        prop_assert_eq!(Reply::parse(&format!("{before}{cut}")), Err(CodeError::Truncated));
        // With words after it, a cut code can read as a whole one whose
        // last characters changed: either message says to copy it again,
        // and it never parses.
        let got = Reply::parse(&pasted);
        prop_assert!(matches!(got, Err(CodeError::Truncated | CodeError::Corrupted)), "{:?}", got);
    }
}

proptest! {
    /// Without a topic, an invitation's title is every non-blank name, as
    /// typed but trimmed, in order, and no word of any language.
    #[test]
    fn a_title_of_names_is_the_names_only(names in proptest::collection::vec("\\PC{0,8}", 0..6)) {
        let title = names_title(&names);
        let kept: Vec<&str> = names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).collect();
        prop_assert_eq!(&title, &kept.join(" & "));
        if kept.is_empty() {
            prop_assert_eq!(title, "");
        }
    }
}

proptest! {
    /// A reply is given up at the invitation's expiry, by whatever clock
    /// the joiner's device keeps, and never waits longer than an
    /// invitation lives.
    #[test]
    fn a_reply_waits_no_longer_than_the_invitation(
        made in 0u64..4_000_000_000_000,
        skew in -100_000_000i64..100_000_000_000,
        after in 0u64..(2 * TTL_MS),
    ) {
        let invitation = Invitation::new(
            [7, 1, 2, 3, 4, 5, 6, 8], made, "Ana", "abc123", "", None,
            Description::parse(OFFER_MDNS).unwrap(),
        );
        let now = (made + after).saturating_add_signed(skew);
        let until = invitation.answerable_until(now);
        prop_assert!(until <= invitation.expires_ms);
        prop_assert!(until <= now + TTL_MS);
        // With clocks that agree, it is the expiry itself.
        if skew == 0 {
            prop_assert_eq!(until, invitation.expires_ms);
        }
    }
}
