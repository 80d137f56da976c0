//! Passphrases said aloud: what is heard on a call opens the link however
//! it is typed.
//!
//! A listener hears words, not their case nor what joins them: "quilt home
//! game cheap", "Quilt-Home-Game-Cheap" and " quilt  home game cheap." are
//! the same passphrase. So the key of a new link is derived from the
//! passphrase's [`canonical`] form, and opening a link tries the same form
//! of what is typed first.
//!
//! The canonical form changes only what a listener cannot hear: letters
//! are lower-cased, and every run of spaces, hyphens, dashes, underscores,
//! dots and commas becomes one `-` (none at either end). Every other
//! character is kept as it is, so a passphrase someone chose loses only its
//! case (at most one bit per letter, and none for the suggested words,
//! which are lower case) and the kind of its separators.
//!
//! The suggested passphrases (`quilt-home-game-cheap`) are canonical
//! already, so links sealed before this rule, with a suggestion, open with
//! the canonical form too. A link sealed before it with a passphrase of
//! one's own was sealed with exactly what was typed (trimmed): opening tries
//! that as well ([`candidates`]), and words joined by single spaces in lower
//! case, so the older links open as they always did.

/// What separates words when said aloud: one `-` in the canonical form.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_'
                | '.'
                | ','
                // Hyphens, dashes and minus signs that phones and word
                // processors put in place of `-`.
                | '\u{2010}'
                ..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{3000}'
        )
}

/// Characters that are never seen nor heard: dropped.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// The passphrase as the key is derived from it: lower case, one `-`
/// between words, nothing at either end. Idempotent.
pub fn canonical(passphrase: &str) -> String {
    canonical_with(passphrase, '-')
}

fn canonical_with(passphrase: &str, joiner: char) -> String {
    let mut out = String::with_capacity(passphrase.len());
    let mut pending = false;
    for c in passphrase.chars().filter(|c| !is_invisible(*c)) {
        if is_separator(c) {
            pending = !out.is_empty();
            continue;
        }
        if pending {
            out.push(joiner);
            pending = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The passphrases to try, in order, for what someone typed to open a
/// link: the canonical form (every link made since passphrases are
/// forgiving, and every older one made with a suggestion), then, for links
/// made before with a passphrase of one's own, the words in lower case
/// joined by single spaces, then exactly what was typed (trimmed). No
/// passphrase twice; never empty (at least what was typed, trimmed).
pub fn candidates(typed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(3);
    for p in [
        canonical(typed),
        canonical_with(typed, ' '),
        typed.trim().to_string(),
    ] {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// Whether a passphrase has anything to seal with (not only separators).
pub fn is_usable(passphrase: &str) -> bool {
    !canonical(passphrase).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_listener_types_is_the_same_passphrase() {
        for typed in [
            "quilt-home-game-cheap",
            "quilt home game cheap",
            "Quilt Home Game Cheap",
            "QUILT-HOME-GAME-CHEAP",
            "  quilt   home - game_cheap. ",
            "quilt\thome\u{00A0}game\u{2013}cheap",
            "quilt, home, game, cheap",
            "\u{200B}quilt home game cheap\n",
        ] {
            assert_eq!(canonical(typed), "quilt-home-game-cheap", "{typed:?}");
        }
    }

    #[test]
    fn other_characters_are_kept() {
        assert_eq!(canonical("Tr0ub4dor&3"), "tr0ub4dor&3");
        assert_eq!(canonical("Ça va? Oui!"), "ça-va?-oui!");
        assert_eq!(canonical("quilthome"), "quilthome");
        assert_ne!(canonical("quilt home"), canonical("quilthome"));
        assert_eq!(canonical(" - . "), "");
        assert!(!is_usable(" - . "));
        assert!(is_usable("a"));
    }

    #[test]
    fn candidates_start_canonical_and_keep_the_exact_one() {
        assert_eq!(
            candidates(" Correct Horse  battery staple "),
            [
                "correct-horse-battery-staple",
                "correct horse battery staple",
                "Correct Horse  battery staple"
            ]
        );
        assert_eq!(candidates("quilt-home"), ["quilt-home", "quilt home"]);
        assert_eq!(candidates("x"), ["x"]);
        assert_eq!(candidates("  "), [""]);
    }
}
