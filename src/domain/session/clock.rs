//! The session's own clock: the real time since the session began (the
//! setup's Begin), counting everything in between (the agreement, the
//! screens between turns, the swap, pauses) until the wrap-up; when the
//! session will end; and how much the plan still holds.

use super::{Session, SwapChoice};
use crate::domain::flow::Step;

impl Session {
    /// The time the session has taken: real time from its start to the
    /// wrap-up, and never less than its phases have run (a record from
    /// before the session clock, or a device whose clock is behind).
    pub fn session_elapsed(&self, now: i64) -> i64 {
        let wall = match (self.ended_ms, self.step) {
            (Some(end), _) => end.saturating_sub(self.created_ms),
            // An older record at its wrap-up: the phases say how long.
            (None, Step::WrapUp) => 0,
            (None, _) => now.saturating_sub(self.created_ms),
        };
        wall.max(0).max(self.elapsed(now))
    }

    /// Time left of the session's length; negative once past it.
    pub fn session_left(&self, now: i64) -> i64 {
        self.planned_ms().saturating_sub(self.session_elapsed(now))
    }

    /// How far the session as a whole has run past its length (0 if not).
    pub fn past_length(&self, now: i64) -> i64 {
        self.session_left(now).saturating_neg().max(0)
    }

    /// Where the plan still counts from: the half and the phase on screen
    /// (or the first of the turn, half or session to come); none at the
    /// wrap-up.
    fn plan_from(&self) -> Option<(usize, usize)> {
        match self.step {
            Step::Agreement => Some((0, 0)),
            Step::Turn { turn } => Some((turn, 0)),
            Step::Phase { turn, phase } => Some((turn, phase.index())),
            Step::Swap => Some((1, 0)),
            Step::WrapUp => None,
        }
    }

    /// The time the plan still holds from the screen on, for the halves
    /// (or turns) that `which` accepts: what is left of the phase on screen
    /// and the phases after it, and of the turns held not yet begun (a
    /// phase run over holds none; a later turn held earlier, when its client
    /// came back, is done).
    pub(crate) fn plan_left_where(&self, now: i64, which: impl Fn(usize) -> bool) -> i64 {
        let Some((from_half, from_phase)) = self.plan_from() else {
            return 0;
        };
        self.turns_held()
            .filter(|&(h, turn)| {
                (h == from_half || (h > from_half && !turn.has_started())) && which(h)
            })
            .flat_map(|(h, turn)| {
                let skip = if h == from_half { from_phase } else { 0 };
                turn.clocks.iter().skip(skip)
            })
            .map(|c| c.remaining(now).max(0))
            .sum()
    }

    /// The time the plan still holds from the screen on.
    pub fn plan_left(&self, now: i64) -> i64 {
        self.plan_left_where(now, |_| true)
    }

    /// When the session will end, as a wall-clock moment: its start plus
    /// its length; later only when the pair or the group chose to run over
    /// and the plan holds more than the time left.
    pub fn ends_at(&self, now: i64) -> i64 {
        let on_plan = match (self.ended_ms, self.step) {
            (None, step) if step != Step::WrapUp => now.saturating_add(self.session_left(now)),
            _ => self.created_ms.saturating_add(self.planned_ms()),
        };
        if self.swap == Some(SwapChoice::Keep) {
            on_plan.max(now.saturating_add(self.plan_left(now)))
        } else {
            on_plan
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::{Format, Phase};
    use crate::domain::session::Setup;
    use crate::domain::timer::MINUTE_MS;

    #[test]
    fn the_session_clock_counts_agreement_pauses_and_swap_until_the_wrap_up() {
        let mut s = Session::new("s".into(), 0, &Setup::default());
        // Five minutes on the agreement: the session clock runs.
        assert_eq!(s.session_elapsed(5 * MINUTE_MS), 5 * MINUTE_MS);
        assert_eq!(s.ends_at(5 * MINUTE_MS), 60 * MINUTE_MS);
        s.go_to(
            Step::Phase {
                turn: 0,
                phase: Phase::Goal,
            },
            5 * MINUTE_MS,
        );
        s.start_clock(5 * MINUTE_MS);
        s.pause_clock(6 * MINUTE_MS);
        // Paused for 10 minutes: still counted.
        assert_eq!(s.session_elapsed(16 * MINUTE_MS), 16 * MINUTE_MS);
        assert_eq!(s.past_length(70 * MINUTE_MS), 10 * MINUTE_MS);
        s.go_to(Step::WrapUp, 72 * MINUTE_MS);
        assert_eq!(s.ended_ms, Some(72 * MINUTE_MS));
        assert_eq!(s.session_elapsed(500 * MINUTE_MS), 72 * MINUTE_MS);
        assert_eq!(s.ends_at(500 * MINUTE_MS), 60 * MINUTE_MS);
    }

    #[test]
    fn running_over_by_choice_moves_the_end() {
        let mut s = Session::new("s".into(), 0, &Setup::default());
        s.go_to(
            Step::Phase {
                turn: 0,
                phase: Phase::Goal,
            },
            0,
        );
        s.start_clock(0);
        s.go_to(Step::Swap, 36 * MINUTE_MS);
        s.choose_swap(SwapChoice::Keep, 36 * MINUTE_MS);
        assert_eq!(s.ends_at(36 * MINUTE_MS), 66 * MINUTE_MS);
        s.choose_swap(SwapChoice::Fit, 36 * MINUTE_MS);
        assert_eq!(s.ends_at(36 * MINUTE_MS), 60 * MINUTE_MS);
        assert_eq!(s.plan_left(36 * MINUTE_MS), 24 * MINUTE_MS);
        let _ = Format::Reciprocal;
    }

    // Native only: proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        /// What a pair or a group does on the way, a minute apart or more.
        #[derive(Clone, Debug)]
        enum Act {
            Next,
            Start,
            Pause,
            Go(usize),
            Swap(bool),
        }

        fn act() -> impl Strategy<Value = (i64, Act)> {
            (
                0i64..25,
                prop_oneof![
                    Just(Act::Next),
                    Just(Act::Start),
                    Just(Act::Pause),
                    (0usize..40).prop_map(Act::Go),
                    any::<bool>().prop_map(Act::Swap),
                ],
            )
        }

        fn apply(s: &mut Session, now: i64, act: &Act) {
            match act {
                Act::Next => s.advance(now),
                Act::Start => s.start_clock(now),
                Act::Pause => s.pause_clock(now),
                Act::Go(i) => {
                    let steps = Step::all(s.format);
                    s.go_to(steps[i % steps.len()], now);
                }
                Act::Swap(keep) => s.choose_swap(
                    if *keep {
                        SwapChoice::Keep
                    } else {
                        SwapChoice::Fit
                    },
                    now,
                ),
            }
        }

        proptest! {
            /// A look at the wrap-up while the session still has time to run
            /// changes no clock: whatever was done before and after, the
            /// session's time taken, its end, how far it ran over and every
            /// phase's time are what they would have been without the look.
            #[test]
            fn a_look_at_the_wrap_up_changes_no_clock(
                format in prop_oneof![
                    Just(Format::Reciprocal),
                    Just(Format::OneWay),
                    Just(Format::Group(0)),
                ],
                before in proptest::collection::vec(act(), 0..10),
                look in 0i64..5,
                after in proptest::collection::vec(act(), 0..14),
            ) {
                let mut setup = Setup::default();
                setup.set_format(format);
                let mut with = Session::new("s".into(), 0, &setup);
                let mut now = 0;
                for (minutes, act) in &before {
                    now += minutes * MINUTE_MS;
                    apply(&mut with, now, act);
                }
                // A session still running: not at its wrap-up, and not
                // ended there before (then gone back to, to read).
                prop_assume!(with.step != Step::WrapUp && with.ended_ms.is_none());
                let mut without = with.clone();
                let here = with.step;
                // The look: to the wrap-up and back, while the session has
                // time to run (clocks pause on the way, so both pause).
                let back = now + look * MINUTE_MS;
                prop_assume!(back < with.ends_at(back));
                with.go_to(Step::WrapUp, now);
                with.go_to(here, back);
                without.pause_clock(now);
                without.go_to(here, back);
                now = back;
                for (minutes, act) in &after {
                    now += minutes * MINUTE_MS;
                    apply(&mut with, now, act);
                    apply(&mut without, now, act);
                    let later = now + 7 * MINUTE_MS;
                    prop_assert_eq!(with.session_elapsed(later), without.session_elapsed(later));
                    prop_assert_eq!(with.ends_at(later), without.ends_at(later));
                    prop_assert_eq!(with.past_length(later), without.past_length(later));
                    prop_assert_eq!(with.ended_ms, without.ended_ms);
                    for (a, b) in with.turns.iter().zip(&without.turns) {
                        prop_assert_eq!(
                            a.clocks.each_ref().map(|c| (c.allotted_ms, c.elapsed(later))),
                            b.clocks.each_ref().map(|c| (c.allotted_ms, c.elapsed(later)))
                        );
                    }
                }
            }
        }
    }
}
