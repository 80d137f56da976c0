//! Passphrase suggestions: a few words from [`WORDS`], said aloud on the
//! call and never sent with the link.

/// The word list: short, common, easy-to-say English words in lower case,
/// chosen by hand (no offensive or upsetting words, one of each sound-alike
/// pair), separated by white space. One string rather than an array of
/// strings: about 11 KB less WebAssembly.
pub const WORDS: &str = include_str!("words.txt");

fn word_list() -> impl Iterator<Item = &'static str> {
    WORDS.split_ascii_whitespace()
}

/// `words` words picked uniformly from [`WORDS`] with `random` (any source
/// of uniformly random `u32`s: `crypto.getRandomValues` in the browser),
/// joined by `-`. Four words give about 41 bits; with 600,000 PBKDF2
/// iterations per guess that is far beyond guessing.
pub fn suggest_passphrase(mut random: impl FnMut() -> u32, words: usize) -> String {
    let n = word_list().count() as u32;
    // Largest multiple of n that fits: rejecting above it keeps every word
    // equally likely.
    let zone = u32::MAX - u32::MAX % n;
    let mut out = String::new();
    for i in 0..words {
        let mut r = random();
        // A source stuck above the zone must not hang us: after a few tries
        // take the value as it is (a negligible bias).
        for _ in 0..16 {
            if r < zone {
                break;
            }
            r = random();
        }
        if i > 0 {
            out.push('-');
        }
        out.push_str(word_list().nth((r % n) as usize).unwrap_or("word"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_long_unique_short_and_plain() {
        let all: Vec<&str> = word_list().collect();
        assert!(all.len() >= 1024);
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len(), "no duplicates");
        for w in all {
            assert!((2..=8).contains(&w.len()), "{w}");
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
        }
    }

    #[test]
    fn suggests_words_joined_by_dashes() {
        let mut x = 12345u32;
        let next = move || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        let p = suggest_passphrase(next, 4);
        let parts: Vec<_> = p.split('-').collect();
        assert_eq!(parts.len(), 4);
        let all: Vec<&str> = word_list().collect();
        assert!(parts.iter().all(|w| all.contains(w)));
        assert_eq!(suggest_passphrase(|| 0, 2), format!("{0}-{0}", all[0]));
        assert!(all.contains(&suggest_passphrase(|| u32::MAX, 1).as_str()));
        assert_eq!(suggest_passphrase(|| 7, 0), "");
    }
}
