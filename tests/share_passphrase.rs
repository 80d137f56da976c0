//! A passphrase said aloud opens the link however the listener types it:
//! any case, any spaces, hyphens, dashes, underscores, dots or commas
//! between the words and around them. Other words never open it.

// Native only: the reference cryptography and proptest are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

mod share_common;

use peer_coach::domain::fixtures::reference_session;
use peer_coach::domain::share::passphrase::{candidates, canonical};
use peer_coach::domain::share::{
    lock, suggest_passphrase, unlock, Cipher, Envelope, LinkError, WORDS,
};
use proptest::prelude::*;
use share_common::RustCipher;

/// A suggested passphrase from the app's own generator: `words` words of
/// [`WORDS`] drawn with `seed`.
fn suggested(words: usize, seed: Vec<u32>) -> String {
    let mut it = seed.into_iter().cycle();
    suggest_passphrase(move || it.next().unwrap_or(0), words)
}

/// What may stand between two words as a listener types them.
fn separator() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            " ", "  ", "-", "_", ".", ",", "\t", "\u{00A0}", "\u{2013}", "\u{2014}", " - ", ", ",
        ]),
        1..3,
    )
    .prop_map(|parts| parts.concat())
}

/// Around the whole passphrase: nothing, spaces, a full stop autocorrect
/// added, a line break.
fn around() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", " ", "  ", ".", " .", "\n", "\u{200B}", "\t"])
        .prop_map(str::to_string)
}

/// `words` typed as a listener might: each letter in either case, any
/// separators, something around.
fn typed(words: Vec<String>) -> impl Strategy<Value = String> {
    let n = words.len();
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    (
        prop::collection::vec(any::<bool>(), letters),
        prop::collection::vec(separator(), n.saturating_sub(1)),
        around(),
        around(),
    )
        .prop_map(move |(upper, seps, before, after)| {
            let mut upper = upper.into_iter();
            let mut out = before;
            for (i, word) in words.iter().enumerate() {
                if i > 0 {
                    out.push_str(&seps[i - 1]);
                }
                for c in word.chars() {
                    if upper.next().unwrap_or(false) {
                        out.extend(c.to_uppercase());
                    } else {
                        out.push(c);
                    }
                }
            }
            out.push_str(&after);
            out
        })
}

/// A suggestion, and one way a listener types it.
fn suggestion_and_typing() -> impl Strategy<Value = (String, String)> {
    (1usize..=6, prop::collection::vec(any::<u32>(), 1..8)).prop_flat_map(|(n, seed)| {
        let said = suggested(n, seed);
        let words: Vec<String> = said.split('-').map(str::to_string).collect();
        (Just(said), typed(words))
    })
}

/// A passphrase of one's own (words of letters, digits and signs in any
/// case, joined by spaces), and one way a listener types it.
fn chosen_and_typing() -> impl Strategy<Value = (String, String)> {
    prop::collection::vec("[a-zA-Z0-9!?&#çéÉ]{1,8}", 1..5).prop_flat_map(|words| {
        let chosen = words.join(" ");
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        (Just(chosen), typed(lower))
    })
}

fn seal(passphrase: &str, salt: u8) -> Envelope {
    let link = lock(
        &reference_session(),
        passphrase,
        1,
        [salt; 16],
        [salt; 12],
        &RustCipher,
    );
    Envelope::parse(&link).expect("a link the app made")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every suggestion is canonical already, and every way of typing it
    /// has the same canonical form: the link opens.
    #[test]
    fn a_suggested_passphrase_opens_however_it_is_typed(
        (said, heard) in suggestion_and_typing(),
        salt in any::<u8>(),
    ) {
        prop_assert_eq!(canonical(&said), said.clone());
        prop_assert_eq!(canonical(&heard), said.clone());
        let envelope = seal(&said, salt);
        prop_assert_eq!(unlock(&envelope, &heard, &RustCipher), Ok(reference_session()));
        // The sharer's own typing of it seals the same link.
        let again = seal(&heard, salt);
        prop_assert_eq!(&again, &envelope);
        // And the canonical form is the first tried: one key derivation.
        prop_assert_eq!(&candidates(&heard)[0], &said);
    }

    /// Other words (a different draw, a word left out) never open it.
    #[test]
    fn other_words_do_not_open_it(
        (said, _) in suggestion_and_typing(),
        (other, other_heard) in suggestion_and_typing(),
        salt in any::<u8>(),
    ) {
        prop_assume!(said != other);
        let envelope = seal(&said, salt);
        prop_assert_eq!(
            unlock(&envelope, &other_heard, &RustCipher),
            Err(LinkError::WrongPassphrase)
        );
        let mut words: Vec<&str> = said.split('-').collect();
        if words.len() > 1 {
            words.pop();
            prop_assert_eq!(
                unlock(&envelope, &words.join(" "), &RustCipher),
                Err(LinkError::WrongPassphrase)
            );
        }
    }

    /// A passphrase of one's own loses only its case and the kind of its
    /// separators: it opens however it is cased and spaced, and a changed
    /// character that is not a separator makes another passphrase.
    #[test]
    fn a_chosen_passphrase_opens_cased_and_spaced_otherwise(
        (chosen, heard) in chosen_and_typing(),
        salt in any::<u8>(),
        extra in "[a-z0-9!?&]",
    ) {
        let envelope = seal(&chosen, salt);
        prop_assert_eq!(unlock(&envelope, &heard, &RustCipher), Ok(reference_session()));
        prop_assert_eq!(
            unlock(&envelope, &format!("{chosen}{extra}"), &RustCipher),
            Err(LinkError::WrongPassphrase)
        );
    }

    /// The canonical form is idempotent for any text, and has no separator
    /// at either end nor two in a row.
    #[test]
    fn canonical_is_idempotent(text in "\\PC{0,40}") {
        let c = canonical(&text);
        prop_assert_eq!(canonical(&c), c.clone());
        prop_assert!(!c.starts_with('-') && !c.ends_with('-') && !c.contains("--"));
    }
}

/// A link sealed before passphrases were forgiving, under exactly what was
/// typed, still opens with exactly that.
#[test]
fn a_link_sealed_under_the_exact_passphrase_still_opens() {
    for exact in [
        "My Own Words",
        "  spaced  out ",
        "Tr0ub4dor&3",
        "quilt-home-game-cheap",
    ] {
        let link = {
            let mut envelope = seal("placeholder", 9);
            let (_, plaintext) = peer_coach::domain::share::plaintext_bytes(&reference_session());
            envelope.ciphertext = RustCipher.seal(
                exact.trim(),
                &envelope,
                &envelope.header_bytes(),
                &plaintext,
            );
            envelope
        };
        assert_eq!(
            unlock(&link, exact, &RustCipher),
            Ok(reference_session()),
            "{exact}"
        );
    }
    assert!(WORDS.split_ascii_whitespace().count() >= 1024);
}
