//! The step a screen shows while working together live: the session's,
//! except that a move by the other person while this person is typing
//! waits until they pause or leave the field, so the field stays under
//! their keys. A move of this person's own is shown at once.

/// The step on screen and whether it is held back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Follow<S> {
    shown: S,
    held: bool,
}

impl<S: Copy + PartialEq> Follow<S> {
    pub fn new(step: S) -> Self {
        Follow {
            shown: step,
            held: false,
        }
    }

    /// The step on screen.
    pub fn shown(&self) -> S {
        self.shown
    }

    /// Is the screen waiting for this person's typing to pause?
    pub fn is_held(&self) -> bool {
        self.held
    }

    /// The session's step is now `step` (`by_other`: the other person
    /// moved it). Held while this person types after the other's move;
    /// shown at once otherwise. True when the wait begins.
    pub fn session_moved(&mut self, step: S, by_other: bool, typing: bool) -> bool {
        if step == self.shown {
            // Back to the step on screen: nothing is held any more.
            self.held = false;
            return false;
        }
        if (by_other || self.held) && typing {
            let begins = !self.held;
            self.held = true;
            return begins;
        }
        self.shown = step;
        self.held = false;
        false
    }

    /// A look while held: once this person is not typing (they paused, or
    /// left the field), the screen shows the session's step.
    pub fn check(&mut self, step: S, typing: bool) {
        if self.held && !typing {
            self.shown = step;
            self.held = false;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    enum Event {
        /// The session's step changes to this one, by whom.
        Moved(u8, bool),
        /// This person types (or stops typing).
        Typing(bool),
        /// A look while held (a timer, or the focus leaving the field).
        Check,
    }

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            (0u8..5, any::<bool>()).prop_map(|(s, o)| Event::Moved(s, o)),
            any::<bool>().prop_map(Event::Typing),
            Just(Event::Check),
        ]
    }

    proptest! {
        /// Whatever happens: the screen shows the session's step whenever it
        /// is not held; it is held only after a move by the other person
        /// while this person types, and only while they type; this
        /// person's own move, or any move while they do not type, is shown
        /// at once; and a look once they stop typing shows the session's
        /// step.
        #[test]
        fn the_screen_follows_except_under_a_typists_keys(
            events in proptest::collection::vec(event(), 0..40),
        ) {
            let mut f = Follow::new(0u8);
            let (mut session, mut typing) = (0u8, false);
            for e in events {
                let was_held = f.is_held();
                let shown_before = f.shown();
                match e {
                    Event::Moved(step, by_other) => {
                        session = step;
                        let begins = f.session_moved(step, by_other, typing);
                        prop_assert_eq!(begins, !was_held && f.is_held());
                        if f.is_held() {
                            prop_assert!(typing && (by_other || was_held));
                            prop_assert_eq!(f.shown(), shown_before, "held: nothing moves");
                        }
                        if !typing || (!by_other && !was_held) {
                            prop_assert_eq!(f.shown(), session);
                        }
                    }
                    Event::Typing(t) => typing = t,
                    Event::Check => {
                        f.check(session, typing);
                        if !typing {
                            prop_assert!(!f.is_held());
                        } else {
                            prop_assert_eq!(f.is_held(), was_held);
                        }
                    }
                }
                if !f.is_held() {
                    prop_assert_eq!(f.shown(), session);
                }
            }
        }
    }
}
