//! Where the caret (and a selection) goes when the text of the field being
//! typed in changes under it: another person's edit arriving while this
//! one types. The caret stays with the text around it: an edit after it
//! leaves it where it is, an edit before it moves it by the length the
//! edit added or removed, so the next key lands where the person meant.
//!
//! Offsets are in UTF-16 code units, as the browser's `selectionStart`
//! and `selectionEnd` count them.

/// Where a caret at `at` in `old` goes in `new`.
///
/// - If `old` and `new` agree on everything before the caret, it stays:
///   the text before it is unchanged.
/// - Else, if they agree on everything after it, it keeps its distance
///   from the end: the text after it is unchanged.
/// - Else the change spans the caret, which goes to the end of what
///   changed.
pub fn follow(old: &str, new: &str, at: usize) -> usize {
    let old: Vec<u16> = old.encode_utf16().collect();
    let new: Vec<u16> = new.encode_utf16().collect();
    let at = at.min(old.len());
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    if prefix >= at {
        return snap(&new, at.min(new.len()));
    }
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = old.len() - at;
    if suffix >= after {
        return snap(&new, new.len() - after);
    }
    // The change spans the caret: the end of the changed part of `new`
    // (its common suffix with `old` not overlapping the common prefix).
    let suffix = suffix.min(new.len() - prefix).min(old.len() - prefix);
    snap(&new, new.len() - suffix)
}

/// A selection `(start, end)` in `old`, followed into `new`: each end
/// follows the text around it, and start never passes end.
pub fn follow_selection(old: &str, new: &str, start: usize, end: usize) -> (usize, usize) {
    let (start, end) = (start.min(end), start.max(end));
    let a = follow(old, new, start);
    let b = follow(old, new, end);
    (a.min(b), b.max(a))
}

/// Never between the two halves of a character written as a surrogate
/// pair: after it.
fn snap(text: &[u16], at: usize) -> usize {
    match text.get(at) {
        Some(unit) if (0xDC00..0xE000).contains(unit) && at > 0 => at + 1,
        _ => at,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn len(s: &str) -> usize {
        s.encode_utf16().count()
    }

    /// A text of a few letters of a small alphabet (so that repeats, the
    /// hard case, are common), with a character outside the BMP now and
    /// then.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![Just('a'), Just('b'), Just('é'), Just('😀')],
            0..8,
        )
        .prop_map(|c| c.into_iter().collect())
    }

    /// `text` split at a char boundary: (before, after).
    fn split() -> impl Strategy<Value = (String, String)> {
        (text(), text())
    }

    proptest! {
        /// An edit after the caret (the other person typing further on)
        /// leaves the caret where it is, with the same text before it.
        #[test]
        fn an_edit_after_the_caret_leaves_it((before, after) in split(), edited in text()) {
            let old = format!("{before}{after}");
            let new = format!("{before}{edited}");
            let at = follow(&old, &new, len(&before));
            prop_assert_eq!(&units(&new)[..at], &units(&before)[..]);
        }

        /// An edit before the caret moves it with the text after it
        /// (unless the text before the caret is unchanged too, as when
        /// text is added right at the caret: then it stays, as above).
        #[test]
        fn an_edit_before_the_caret_moves_it((before, after) in split(), edited in text()) {
            let old = format!("{before}{after}");
            let new = format!("{edited}{after}");
            let at = follow(&old, &new, len(&before));
            if units(&new).starts_with(&units(&before)) {
                prop_assert_eq!(at, len(&before));
            } else {
                prop_assert_eq!(&units(&new)[at..], &units(&after)[..]);
            }
        }

        /// Whatever the change, the caret is inside the new text and never
        /// splits a character.
        #[test]
        fn the_caret_is_always_at_a_character(old in text(), new in text(), at in 0usize..20) {
            let at = follow(&old, &new, at);
            prop_assert!(at <= len(&new));
            prop_assert!(String::from_utf16(&units(&new)[..at]).is_ok());
        }

        /// A selection stays a selection (start ≤ end, both in the text),
        /// each end follows the text around it, and an edit after it
        /// keeps exactly the text selected.
        #[test]
        fn a_selection_keeps_its_text(
            (before, sel) in split(), after in text(), edited in text(), edit_after in any::<bool>()
        ) {
            let old = format!("{before}{sel}{after}");
            let new = if edit_after { format!("{before}{sel}{edited}") } else { format!("{edited}{sel}{after}") };
            let (start, end) = (len(&before), len(&before) + len(&sel));
            let (s, e) = follow_selection(&old, &new, end, start);
            prop_assert!(s <= e && e <= len(&new));
            let (a, b) = (follow(&old, &new, start), follow(&old, &new, end));
            prop_assert_eq!((s, e), (a.min(b), a.max(b)));
            if edit_after {
                prop_assert_eq!(String::from_utf16(&units(&new)[s..e]).unwrap(), sel);
            }
        }
    }

    #[test]
    fn examples() {
        // The other person adds a word at the start while I type at the end.
        assert_eq!(follow("lead the meeting", "I lead the meeting", 16), 18);
        // …or at the end while I type at the start.
        assert_eq!(follow("lead the meeting", "lead the meeting well", 4), 4);
        // A change around the caret puts it after the change.
        assert_eq!(follow("abcdef", "abXYef", 3), 4);
        // No change, no move.
        assert_eq!(follow("same", "same", 2), 2);
        // Emptied: at the start.
        assert_eq!(follow("gone", "", 3), 0);
    }
}
