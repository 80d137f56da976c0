//! The union of two sequences: the shortest sequence holding both as
//! subsequences, aligned on a longest common subsequence. Where the two
//! differ, `a`'s part comes before `b`'s. Used to show a text (or a list)
//! two people changed at once: every character either side typed is there.

/// Above this many cells the two middles are not aligned (they are put one
/// after the other): both still hold, in a few more characters.
const MAX_CELLS: usize = 1 << 20;

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn u(a: &str, b: &str) -> String {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        union(&a, &b).into_iter().collect()
    }

    fn is_subsequence(small: &str, big: &str) -> bool {
        let mut it = big.chars();
        small.chars().all(|c| it.any(|d| d == c))
    }

    /// The LCS length the slow way (the oracle).
    fn lcs(a: &[char], b: &[char]) -> usize {
        match (a.split_first(), b.split_first()) {
            (Some((x, ar)), Some((y, br))) if x == y => 1 + lcs(ar, br),
            (Some((_, ar)), Some((_, br))) => lcs(ar, b).max(lcs(a, br)),
            _ => 0,
        }
    }

    #[test]
    fn both_sides_typing_around_a_shared_text_keep_every_character() {
        assert_eq!(u("xyzT", "Tabc"), "xyzTabc");
        assert_eq!(
            u("We meet weekly", "We meet weekly, it runs over"),
            "We meet weekly, it runs over"
        );
        assert_eq!(u("", "abc"), "abc");
        assert_eq!(u("ab", "ab"), "ab");
        assert_eq!(u("hello world", "hello brave world"), "hello brave world");
    }

    /// Every pair of short texts over three letters: the union holds both,
    /// and it is as short as any sequence holding both can be
    /// (|a| + |b| - LCS).
    #[test]
    fn union_is_a_shortest_common_supersequence_exhaustively() {
        let mut words = vec![String::new()];
        for len in 1..=4 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.chars().count() == len - 1) {
                for c in ['a', 'b', 'c'] {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next);
        }
        for a in &words {
            for b in &words {
                let m = u(a, b);
                assert!(
                    is_subsequence(a, &m) && is_subsequence(b, &m),
                    "{a} {b} {m}"
                );
                let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                assert_eq!(
                    m.chars().count(),
                    ac.len() + bc.len() - lcs(&ac, &bc),
                    "{a} {b} {m}"
                );
            }
        }
    }

    #[test]
    fn long_middles_are_kept_one_after_the_other() {
        let a = "a".repeat(1100);
        let b = "b".repeat(1100);
        let m = u(&a, &b);
        assert_eq!(m, format!("{a}{b}"));
    }
}
