//! The union of two sequences: the shortest sequence holding both as
//! subsequences, aligned on a longest common subsequence. Where the two
//! differ, `a`'s part comes before `b`'s. Used to show a list two people
//! changed at once, and (word by word, [`union_text`]) a text: every word
//! either side typed is there.

/// Above this many cells the two middles are not aligned (they are put one
/// after the other): both still hold, in a few more items.
const MAX_CELLS: usize = 1 << 20;

use std::ops::Range;

/// `a` and `b` merged: each is a subsequence of the result; the parts they
/// share (common prefix, suffix, and a longest common subsequence of the
/// middles) appear once.
pub(crate) fn union<T: Clone + Eq>(a: &[T], b: &[T]) -> Vec<T> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (&a[pre..], &b[pre..]);
    let suf = a_rest
        .iter()
        .rev()
        .zip(b_rest.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let am = &a_rest[..a_rest.len() - suf];
    let bm = &b_rest[..b_rest.len() - suf];
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(&a[..pre]);
    if am.is_empty() || bm.is_empty() || (am.len() + 1) * (bm.len() + 1) > MAX_CELLS {
        out.extend_from_slice(am);
        out.extend_from_slice(bm);
    } else {
        middle(am, bm, &mut out);
    }
    out.extend_from_slice(&a_rest[a_rest.len() - suf..]);
    out
}

/// The union of two middles by a longest common subsequence table.
fn middle<T: Clone + Eq>(a: &[T], b: &[T], out: &mut Vec<T>) {
    let w = b.len() + 1;
    // l[i * w + j]: the LCS length of a[i..] and b[j..].
    let mut l = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            l[i * w + j] = if a[i] == b[j] {
                l[(i + 1) * w + j + 1] + 1
            } else {
                l[(i + 1) * w + j].max(l[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(a[i].clone());
            i += 1;
            j += 1;
        } else if l[(i + 1) * w + j] >= l[i * w + j + 1] {
            out.push(a[i].clone());
            i += 1;
        } else {
            out.push(b[j].clone());
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// The union of two versions of a text, word by word: each text is cut
/// into tokens (a word, i.e. a run of letters and digits, or any other
/// single character) and the two token sequences are aligned on the most
/// shared words, then the most shared spaces and punctuation. Where the two
/// differ, `a`'s words come before `b`'s, each side's run kept whole: two
/// people appending at once read "Base: one two three four", never their
/// letters interleaved. Every token of either text is in the result, in its
/// order; spaces or punctuation alone between stretches both changed are
/// not shared (sharing them would split each side's words); a space is
/// put between two words that would otherwise touch (what the result
/// reads as words is what was typed), so the result is as long as both
/// together less the shared tokens, plus at most that one space per
/// differing run.
pub(crate) fn union_text(a: &str, b: &str) -> String {
    let (a, b) = (tokens(a), tokens(b));
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (&a[pre..], &b[pre..]);
    let suf = a_rest
        .iter()
        .rev()
        .zip(b_rest.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let am = &a_rest[..a_rest.len() - suf];
    let bm = &b_rest[..b_rest.len() - suf];
    let mut out: Vec<&str> = a[..pre].to_vec();
    let runs = if (am.len() + 1) * (bm.len() + 1) > MAX_CELLS {
        vec![Run {
            shared: false,
            a: 0..am.len(),
            b: 0..bm.len(),
        }]
    } else {
        runs(am, bm)
    };
    for run in runs {
        let (pa, pb) = (&am[run.a], &bm[run.b]);
        out.extend_from_slice(pa);
        if run.shared {
            continue;
        }
        if let (Some(x), Some(y)) = (pa.last(), pb.first()) {
            if is_word(x) && is_word(y) {
                out.push(gap(out[..out.len() - pa.len()].last()));
            }
        }
        out.extend_from_slice(pb);
    }
    out.extend_from_slice(&a_rest[a_rest.len() - suf..]);
    out.concat()
}

/// A text's tokens: maximal runs of word characters, or one other
/// character each.
pub(super) fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(st) = start.take() {
            out.push(&s[st..i]);
        }
        out.push(&s[i..i + c.len_utf8()]);
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Letters (accented too, in any script), digits, and the marks that
/// accent a letter written apart from it.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_word(t: &str) -> bool {
    t.chars().next().is_some_and(word_char)
}

/// What goes between two differing runs whose words would touch: the
/// space, tab or line break just before them, else a space.
fn gap<'a>(before: Option<&&'a str>) -> &'a str {
    match before {
        Some(t) if t.chars().all(char::is_whitespace) => t,
        _ => " ",
    }
}

/// A stretch of the aligned middles, `a[a]` and `b[b]`: tokens both share
/// (the same tokens), or where they differ (either possibly empty).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Run {
    shared: bool,
    a: Range<usize>,
    b: Range<usize>,
}

impl Run {
    fn both_changed(&self) -> bool {
        !self.shared && !self.a.is_empty() && !self.b.is_empty()
    }
}

/// The middles aligned: on a common subsequence with the most words, then
/// the most other tokens, walked as in [`middle`] (where either could come
/// first, `a`'s); then a shared stretch of only spaces and punctuation
/// next to a stretch both changed is no longer shared, so neither side's
/// words are split by the other's.
fn runs(a: &[&str], b: &[&str]) -> Vec<Run> {
    // A shared word outweighs every shared separator together.
    let word = a.len().min(b.len()) as u32 + 1;
    let weight = |t: &str| if is_word(t) { word } else { 1 };
    let w = b.len() + 1;
    let mut l = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            l[i * w + j] = if a[i] == b[j] {
                l[(i + 1) * w + j + 1] + weight(a[i])
            } else {
                l[(i + 1) * w + j].max(l[i * w + j + 1])
            };
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let shared = i < a.len() && j < b.len() && a[i] == b[j];
        let (da, db) = if shared {
            (1, 1)
        } else if j == b.len() || (i < a.len() && l[(i + 1) * w + j] >= l[i * w + j + 1]) {
            (1, 0)
        } else {
            (0, 1)
        };
        match runs.last_mut() {
            Some(r) if r.shared == shared => {
                r.a.end += da;
                r.b.end += db;
            }
            _ => runs.push(Run {
                shared,
                a: i..i + da,
                b: j..j + db,
            }),
        }
        i += da;
        j += db;
    }
    // Shared runs and differing runs alternate: a shared run of separators
    // next to a run both changed joins it and its other neighbour.
    while let Some(k) = (0..runs.len()).find(|&k| {
        runs[k].shared
            && a[runs[k].a.clone()].iter().all(|t| !is_word(t))
            && (k > 0 && runs[k - 1].both_changed()
                || runs.get(k + 1).is_some_and(Run::both_changed))
    }) {
        let first = k.saturating_sub(1);
        let last = (k + 1).min(runs.len() - 1);
        let joined = Run {
            shared: false,
            a: runs[first].a.start..runs[last].a.end,
            b: runs[first].b.start..runs[last].b.end,
        };
        runs.splice(first..=last, [joined]);
    }
    runs
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The list union, over characters.
    fn u(a: &str, b: &str) -> String {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        union(&a, &b).into_iter().collect()
    }

    fn is_subsequence<T: PartialEq>(small: &[T], big: &[T]) -> bool {
        let mut it = big.iter();
        small.iter().all(|c| it.any(|d| d == c))
    }

    /// The LCS length the slow way (the oracle).
    fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        match (a.split_first(), b.split_first()) {
            (Some((x, ar)), Some((y, br))) if x == y => 1 + lcs(ar, br),
            (Some((_, ar)), Some((_, br))) => lcs(ar, b).max(lcs(a, br)),
            _ => 0,
        }
    }

    fn words(s: &str) -> Vec<&str> {
        tokens(s).into_iter().filter(|t| is_word(t)).collect()
    }

    /// From the first word to the last: what one side typed, as read.
    fn span(s: &str) -> &str {
        s.trim_matches(|c: char| !word_char(c))
    }

    /// What every text union promises: each text's tokens are the result's
    /// in order (so every word typed is whole in it), and the result
    /// reads as those tokens (no two words run together).
    fn holds_both(a: &str, b: &str, m: &str) -> Result<(), TestCaseError> {
        let mt = tokens(m);
        prop_assert_eq!(mt.concat(), m);
        prop_assert!(is_subsequence(&tokens(a), &mt), "{:?} not in {:?}", a, m);
        prop_assert!(is_subsequence(&tokens(b), &mt), "{:?} not in {:?}", b, m);
        Ok(())
    }

    #[test]
    fn two_people_appending_at_once_keep_each_sides_words_together() {
        let (a, b) = ("Base: celulares em silêncio", "Base: telefones desligados");
        let m = union_text(a, b);
        assert_eq!(m, "Base: celulares em silêncio telefones desligados");
        let m = union_text(b, a);
        assert_eq!(m, "Base: telefones desligados celulares em silêncio");
        // Two words typed into an empty field, whatever the order.
        assert_eq!(union_text("Zoë 0", "João 0"), "Zoë João 0");
        assert_eq!(union_text("João 0", "Zoë 0"), "João Zoë 0");
        assert_eq!(union_text("Zoë", "João"), "Zoë João");
        // A new line each: the lines stay lines.
        assert_eq!(
            union_text("Pros:\nfast", "Pros:\nkind"),
            "Pros:\nfast\nkind"
        );
    }

    #[test]
    fn both_sides_typing_around_a_shared_text_keep_every_word() {
        assert_eq!(
            union_text("so we meet", "we meet weekly"),
            "so we meet weekly"
        );
        assert_eq!(
            union_text("We meet weekly", "We meet weekly, it runs over"),
            "We meet weekly, it runs over"
        );
        assert_eq!(union_text("", "abc"), "abc");
        assert_eq!(union_text("ab", "ab"), "ab");
        assert_eq!(
            union_text("hello world", "hello brave world"),
            "hello brave world"
        );
        assert_eq!(
            union_text("I like red apples", "I like green pears"),
            "I like red apples green pears"
        );
        assert_eq!(
            tokens("Olá, Zoë 2x 👋\n"),
            ["Olá", ",", " ", "Zoë", " ", "2x", " ", "👋", "\n"]
        );
        // An accent written apart from its letter stays in its word.
        assert_eq!(tokens("cafe\u{301} ok"), ["cafe\u{301}", " ", "ok"]);
    }

    /// Every pair of short texts made of two words, a space and a comma
    /// (up to four pieces): the union holds both (token by token), shares
    /// as many words as any text holding both can (its words number
    /// |a| + |b| - LCS of their words), gives back a text that holds the
    /// other (so x with x is x), and one side's words added to a shared
    /// start while the other's are different stay together.
    #[test]
    fn text_union_holds_both_with_fewest_words_exhaustively() {
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|t| ["a", "bc", " ", ","].map(|p| format!("{t}{p}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        for a in &texts {
            for b in &texts {
                let m = union_text(a, b);
                holds_both(a, b, &m).unwrap();
                let (wa, wb) = (words(a), words(b));
                assert_eq!(
                    words(&m).len(),
                    wa.len() + wb.len() - lcs(&wa, &wb),
                    "{a:?} {b:?} {m:?}"
                );
                let (ta, tb) = (tokens(a), tokens(b));
                if is_subsequence(&ta, &tb) {
                    assert_eq!(&m, b, "{a:?} {b:?}");
                } else if is_subsequence(&tb, &ta) {
                    assert_eq!(&m, a, "{a:?} {b:?}");
                }
            }
        }
    }

    /// From any of a few starts, one side appends words of its own, the
    /// other different words: each side's addition is in the result as
    /// typed, from its first word to its last.
    #[test]
    fn words_appended_at_once_stay_together_exhaustively() {
        let mut adds: Vec<(String, String)> = vec![(String::new(), String::new())];
        for _ in 0..3 {
            let more: Vec<(String, String)> = adds
                .iter()
                .flat_map(|(x, y)| {
                    [" ", ", ", "\n", ". "]
                        .into_iter()
                        .enumerate()
                        .map(move |(k, sep)| {
                            let (wx, wy) =
                                (["um", "Zoë", "dois", "3"][k], ["João", "x", "três", "4"][k]);
                            (format!("{x}{sep}{wx}"), format!("{y}{sep}{wy}"))
                        })
                })
                .collect();
            adds.extend(more);
        }
        let ends: Vec<String> = adds
            .iter()
            .flat_map(|(x, y)| [x.clone(), y.clone()])
            .collect();
        for start in ["", "Base:", "Base: ", "a b,", "um"] {
            for (i, x) in ends.iter().enumerate().step_by(2) {
                for y in ends.iter().skip(1).step_by(2).take(i / 2 + 1) {
                    let (a, b) = (format!("{start}{x}"), format!("{start}{y}"));
                    for m in [union_text(&a, &b), union_text(&b, &a)] {
                        holds_both(&a, &b, &m).unwrap();
                        if !words(x).iter().any(|w| words(start).contains(w)) {
                            assert!(m.contains(span(x)), "{a:?} {b:?} {m:?}");
                        }
                        assert!(m.contains(span(y)), "{a:?} {b:?} {m:?}");
                    }
                }
            }
        }
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("um"),
                Just("Zoë"),
                Just("João"),
                Just("0"),
                Just(" "),
                Just(" "),
                Just(","),
                Just("\n"),
                Just("👋"),
                Just("e\u{301}"),
            ],
            0..12,
        )
        .prop_map(|p| p.concat())
    }

    proptest! {
        /// Any two texts: both are in the union token by token; a text
        /// with itself, or with a text extending it, is the longer.
        #[test]
        fn union_holds_both_texts_word_by_word(a in text(), b in text(), c in text()) {
            let m = union_text(&a, &b);
            holds_both(&a, &b, &m)?;
            prop_assert_eq!(union_text(&a, &a), a.clone());
            let longer = format!("{a} {b}");
            prop_assert_eq!(union_text(&a, &longer), longer.clone());
            prop_assert_eq!(union_text(&longer, &a), longer.clone());
            let inside = format!("{a} {c} {b}");
            prop_assert_eq!(union_text(&format!("{a} {b}"), &inside), inside.clone());
            // A third text merged in keeps all three.
            let m3 = union_text(&m, &c);
            for x in [&a, &b, &c] {
                prop_assert!(is_subsequence(&tokens(x), &tokens(&m3)));
            }
        }
    }

    #[test]
    fn long_middles_are_kept_one_after_the_other() {
        let a = "x ".repeat(1100);
        let b = "y ".repeat(1100);
        assert_eq!(union_text(&a, &b), format!("{a}{b}"));
        let (a, b) = (a.trim_end(), b.trim_end());
        assert_eq!(union_text(a, b), format!("{a} {b}"));
        let a = "a".repeat(1100);
        let b = "b".repeat(1100);
        assert_eq!(u(&a, &b), format!("{a}{b}"));
    }

    /// The list union: every pair of short lists over three items holds
    /// both and is as short as any list holding both (|a| + |b| - LCS).
    #[test]
    fn list_union_is_a_shortest_common_supersequence_exhaustively() {
        let mut lists = vec![String::new()];
        for len in 1..=4 {
            let mut next = Vec::new();
            for w in lists.iter().filter(|w| w.chars().count() == len - 1) {
                for c in ['a', 'b', 'c'] {
                    next.push(format!("{w}{c}"));
                }
            }
            lists.extend(next);
        }
        for a in &lists {
            for b in &lists {
                let m: Vec<char> = u(a, b).chars().collect();
                let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                assert!(
                    is_subsequence(&ac, &m) && is_subsequence(&bc, &m),
                    "{a} {b}"
                );
                assert_eq!(m.len(), ac.len() + bc.len() - lcs(&ac, &bc), "{a} {b}");
            }
        }
        assert_eq!(u("xyzT", "Tabc"), "xyzTabc");
    }
}
