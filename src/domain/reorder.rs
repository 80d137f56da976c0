//! Moving an item of a list (an option, a person of a group) one place up
//! or down with its two arrows: which arrow the focus of someone using
//! the keyboard goes to afterwards.

/// The arrow (`true`: up, `false`: down) that takes the focus once an item
/// moved to position `to` (from 0) of a list of `len`, moved `up` or down:
/// the arrow pressed, or the other one when the item reached that end of
/// the list, where the pressed arrow is off and its focus would fall to
/// the page.
pub fn arrow_after_move(to: usize, len: usize, up: bool) -> bool {
    let at_end = if up { to == 0 } else { to + 1 >= len };
    if at_end && len > 1 {
        !up
    } else {
        up
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// "The focus stays on an arrow that works": after any move in a
        /// list of two or more, the arrow with the focus can move the item
        /// again (up: not first; down: not last), and it is the arrow
        /// pressed whenever that one still can (exact oracle).
        #[test]
        fn the_focus_stays_on_an_arrow_that_works(len in 1usize..40, at in 0usize..40, up: bool) {
            let to = at % len;
            let works = |up: bool| if up { to > 0 } else { to + 1 < len };
            let arrow = arrow_after_move(to, len, up);
            if len > 1 {
                prop_assert!(works(arrow), "to {} of {}, up {}", to, len, up);
            }
            if works(up) {
                prop_assert_eq!(arrow, up);
            }
        }
    }
}
