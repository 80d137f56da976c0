//! The union of two sequences: the shortest sequence holding both as
//! subsequences, aligned on a longest common subsequence. Where the two
//! differ, `a`'s part comes before `b`'s. Used to show a list two people
//! changed at once; a text two people changed at once is the union of a
//! readable character diff ([`union_text`]): every character either side
//! typed is there, each side's words whole.

/// Above this many cells the two middles are not aligned (they are put one
/// after the other): both still hold, in a few more items.
const MAX_CELLS: usize = 1 << 20;

use dissimilar::Chunk;
use std::collections::BTreeMap;

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

/// The union of two versions of a text, as two people typing at once
/// read it: a character-level diff of `a` and `b` made readable as in
/// Google's diff-match-patch (crate `dissimilar`: a short stretch both
/// share between longer changes is counted as changed, and changes are
/// moved to word boundaries), then walked: what both hold once, what
/// only `a` holds and what only `b` holds both kept, in the diff's order
/// (`a`'s before `b`'s). So two people appending different words at once
/// read each one's words whole ("Base: celulares em silêncio telefones
/// desligados", never their letters interleaved), and one word seen at
/// two moments of its typing ("wo", "wor") shows once ("wor"). Every
/// character of either text is in the result, in its order; where one
/// side's changed stretch holds the other's (in order), only the longer
/// is kept, so no character both had is doubled there.
pub(crate) fn union_text(a: &str, b: &str) -> String {
    if is_subsequence(a, b) {
        return b.to_owned();
    }
    if is_subsequence(b, a) {
        return a.to_owned();
    }
    // The diff as shared stretches (`Some`) and changed ones (`a`'s
    // part, `b`'s part, whether shared letters were joined into it).
    let mut parts: Vec<(Option<&str>, String, String, bool)> = Vec::new();
    for chunk in dissimilar::diff(a, b) {
        match (chunk, parts.last_mut()) {
            (Chunk::Equal(e), _) => parts.push((Some(e), String::new(), String::new(), false)),
            (Chunk::Delete(d), Some((None, del, _, _))) => del.push_str(d),
            (Chunk::Insert(i), Some((None, _, ins, _))) => ins.push_str(i),
            (Chunk::Delete(d), _) => parts.push((None, d.to_owned(), String::new(), false)),
            (Chunk::Insert(i), _) => parts.push((None, String::new(), i.to_owned(), false)),
        }
    }
    // A short shared stretch between two stretches both changed, whose
    // own parts have characters in common (words written at once), is
    // letters alike by chance: it joins them.
    while let Some(k) = (1..parts.len().saturating_sub(1)).find(|&k| {
        let (p, e, n) = (&parts[k - 1], &parts[k], &parts[k + 1]);
        let both = |x: &(Option<&str>, String, String, bool)| {
            x.0.is_none() && !x.1.is_empty() && !x.2.is_empty()
        };
        let len =
            |x: &(Option<&str>, String, String, bool)| x.1.chars().count().max(x.2.chars().count());
        e.0.is_some_and(|e| e.chars().count() <= len(p).max(len(n)))
            && both(p)
            && both(n)
            && (meet(&format!("{}{}", p.1, n.1), &format!("{}{}", p.2, n.2))
                || e.0.is_some_and(|e| inside_words(e, p, n)))
    }) {
        let e = parts[k].0.unwrap_or_default();
        let n = parts.remove(k + 1);
        parts.remove(k);
        let p = &mut parts[k - 1];
        p.1 = format!("{}{e}{}", p.1, n.1);
        p.2 = format!("{}{e}{}", p.2, n.2);
        p.3 = true;
    }
    // The end of a word both changed ("gue|st", "ho|st"): letters alike
    // by chance too, each side's word kept whole.
    for k in 1..parts.len() {
        let ends = |s: &str| s.chars().next_back().is_some_and(char::is_alphanumeric);
        let (p, e) = (&parts[k - 1], &parts[k]);
        let Some(text) = e.0 else { continue };
        let tail = text.len() - text.trim_start_matches(char::is_alphanumeric).len();
        if p.0.is_some() || !ends(&p.1) || !ends(&p.2) || tail == 0 {
            continue;
        }
        let (w, rest) = text.split_at(tail);
        let p = &mut parts[k - 1];
        p.1.push_str(w);
        p.2.push_str(w);
        p.3 = true;
        parts[k].0 = Some(rest);
    }
    let mut out = String::with_capacity(a.len() + b.len());
    for (e, del, ins, joined) in parts {
        match e {
            Some(e) => out.push_str(e),
            // Judged letters alike by chance: each side's part whole.
            None if joined => {
                out.push_str(&del);
                out.push_str(&ins);
            }
            None => changed(&mut out, &del, &ins),
        }
    }
    out
}

/// Whether a shared stretch is letters inside a word on both sides
/// (words typed at once around it: "o" in "Zoë" and "João").
fn inside_words(
    e: &str,
    p: &(Option<&str>, String, String, bool),
    n: &(Option<&str>, String, String, bool),
) -> bool {
    let ends = |s: &str| s.chars().next_back().is_some_and(char::is_alphanumeric);
    let starts = |s: &str| s.chars().next().is_some_and(char::is_alphanumeric);
    e.chars().all(char::is_alphanumeric) && ends(&p.1) && ends(&p.2) && starts(&n.1) && starts(&n.2)
}

/// Whether two texts have a character in common.
fn meet(x: &str, y: &str) -> bool {
    x.chars().any(|c| y.contains(c))
}

/// A stretch the two changed, `a`'s part then `b`'s, so each side's
/// words read whole. The diff's cleanup counted the short stretches
/// both share inside it as changed, which doubles them: right when they
/// are letters the two typed alike by chance ("el" in "celulares" and
/// "telefones"), wrong when they are text both had, which each typed
/// around (a key typed once would show twice). What tells them apart:
/// aligned character by character (a shortest union), the two sides'
/// own parts then have characters in common (two people writing words
/// at once) or none (a keystroke or two each around a shared one); in
/// the second case that shortest union is kept, sharing them. Where one
/// side's part holds the other's (in order), it is only that one.
fn changed(out: &mut String, del: &str, ins: &str) {
    if is_subsequence(del, ins) {
        out.push_str(ins);
        return;
    }
    if is_subsequence(ins, del) {
        out.push_str(del);
        return;
    }
    let (d, i): (Vec<char>, Vec<char>) = (del.chars().collect(), ins.chars().collect());
    let shortest = union(&d, &i);
    // Per character: how many each side has, and the union.
    let mut count: BTreeMap<char, [usize; 3]> = BTreeMap::new();
    for (k, text) in [&d, &i, &shortest].into_iter().enumerate() {
        for c in text {
            count.entry(*c).or_default()[k] += 1;
        }
    }
    // Shared in the alignment: d + i - union; own: the rest of each.
    let own_parts_meet = count.values().any(|[nd, ni, nu]| {
        let shared = nd + ni - nu;
        *nd > shared && *ni > shared
    });
    let word = |s: &str| {
        s.chars().next().is_some_and(char::is_alphanumeric)
            && s.chars().next_back().is_some_and(char::is_alphanumeric)
    };
    if own_parts_meet || (word(del) && word(ins)) {
        out.push_str(del);
        out.push_str(ins);
    } else {
        out.extend(shortest);
    }
}

/// Whether `small`'s characters are all in `big`, in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut rest = big.chars();
    small.chars().all(|c| rest.any(|d| d == c))
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

    fn is_subseq<T: PartialEq>(small: &[T], big: &[T]) -> bool {
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

    /// What every text union promises: both texts are in it character by
    /// character, in order, and it holds no character neither has (no
    /// more of any character than both together).
    fn holds_both(a: &str, b: &str, m: &str) -> Result<(), TestCaseError> {
        prop_assert!(is_subsequence(a, m), "{:?} not in {:?}", a, m);
        prop_assert!(is_subsequence(b, m), "{:?} not in {:?}", b, m);
        prop_assert!(m.chars().count() <= a.chars().count() + b.chars().count());
        Ok(())
    }

    /// The tester's examples: two people appending different words at
    /// once read each one's words whole.
    #[test]
    fn two_people_appending_at_once_keep_each_sides_words_together() {
        let (a, b) = ("Base: celulares em silêncio", "Base: telefones desligados");
        for m in [union_text(a, b), union_text(b, a)] {
            assert!(m.starts_with("Base: "), "{m:?}");
            assert!(m.contains("celulares em silêncio"), "{m:?}");
            assert!(m.contains("telefones desligados"), "{m:?}");
            holds_both(a, b, &m).unwrap();
        }
        for m in [union_text("Zoë 0", "João 0"), union_text("João 0", "Zoë 0")] {
            assert!(m.contains("Zoë") && m.contains("João"), "{m:?}");
            assert!(m.ends_with(" 0"), "{m:?}");
        }
        let m = union_text("left words", "RIGHT WORDS");
        assert!(
            m.contains("left words") && m.contains("RIGHT WORDS"),
            "{m:?}"
        );
    }

    /// One word seen at two moments of its typing shows once, as the
    /// longer; a text with a text it is inside is that text.
    #[test]
    fn a_word_being_typed_is_not_doubled() {
        assert_eq!(union_text("left wo", "left wor"), "left wor");
        assert_eq!(union_text("left woRI", "left wRIG"), "left woRIG");
        assert_eq!(
            union_text("so we meet", "so we meet weekly"),
            "so we meet weekly"
        );
        assert_eq!(
            union_text("hello world", "hello brave world"),
            "hello brave world"
        );
        assert_eq!(union_text("", "abc"), "abc");
        assert_eq!(union_text("ab", "ab"), "ab");
        assert_eq!(union_text("abc", "aXXbYYc"), "aXXbYYc");
        assert_eq!(union_text("Pros:\nfast", "Pros:\nkind").lines().count(), 2);
    }

    /// Every pair of short texts over two letters, a space and an
    /// accented letter (up to five characters): the union holds both; if
    /// one is inside the other (in order), the union is that one (so x
    /// with x is x); and it is never longer than both together.
    #[test]
    fn text_union_holds_both_exhaustively() {
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|t| ["a", "b", " ", "é"].map(|p| format!("{t}{p}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        for a in &texts {
            for b in texts.iter().step_by(3) {
                let m = union_text(a, b);
                holds_both(a, b, &m).unwrap();
                if is_subsequence(a, b) {
                    assert_eq!(&m, b, "{a:?} {b:?}");
                } else if is_subsequence(b, a) {
                    assert_eq!(&m, a, "{a:?} {b:?}");
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
        /// Any two texts: both are in the union; a text with itself, or
        /// with a text extending it, is the longer; a third text merged
        /// in keeps all three; the same on every copy.
        #[test]
        fn union_holds_both_texts(a in text(), b in text(), c in text()) {
            let m = union_text(&a, &b);
            holds_both(&a, &b, &m)?;
            prop_assert_eq!(union_text(&a, &b), m.clone());
            prop_assert_eq!(union_text(&a, &a), a.clone());
            let longer = format!("{a} {b}");
            prop_assert_eq!(union_text(&a, &longer), longer.clone());
            prop_assert_eq!(union_text(&longer, &a), longer.clone());
            let inside = format!("{a} {c} {b}");
            prop_assert_eq!(union_text(&longer, &inside), inside.clone());
            let m3 = union_text(&m, &c);
            for x in [&a, &b, &c] {
                prop_assert!(is_subsequence(x, &m3));
            }
        }
    }

    #[test]
    fn long_texts_are_merged_too() {
        let a = "x ".repeat(1100);
        let b = "y ".repeat(1100);
        holds_both(&a, &b, &union_text(&a, &b)).unwrap();
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
                assert!(is_subseq(&ac, &m) && is_subseq(&bc, &m), "{a} {b}");
                assert_eq!(m.len(), ac.len() + bc.len() - lcs(&ac, &bc), "{a} {b}");
            }
        }
        assert_eq!(u("xyzT", "Tabc"), "xyzTabc");
    }

    /// Prints the examples (`cargo test -- --nocapture examples`).
    #[test]
    fn examples() {
        for (a, b) in [
            ("Base: celulares em silêncio", "Base: telefones desligados"),
            ("Zoë 0", "João 0"),
        ] {
            println!("{a:?} ∪ {b:?} = {:?}", union_text(a, b));
            println!("{b:?} ∪ {a:?} = {:?}", union_text(b, a));
        }
    }
}
