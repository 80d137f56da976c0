//! Changes of a session that views make, each a method on plain data with
//! plain arguments (what the live sync will send): the rules they carry
//! live here, not in the views' closures.

use super::{Session, SwapChoice};
use crate::domain::flow::{Phase, Step};
use crate::domain::followup::CheckIn;

/// One of the two answers of the check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckInPart {
    /// What to keep doing.
    Keep,
    /// What to change.
    Change,
}

impl Session {
    /// Write one answer of the check-in. With both answers blank there is
    /// no check-in at all.
    pub fn set_check_in(&mut self, part: CheckInPart, text: String) {
        let check_in = self.check_in.get_or_insert_with(CheckIn::default);
        match part {
            CheckInPart::Keep => check_in.keep = text,
            CheckInPart::Change => check_in.change = text,
        }
        if check_in.keep.trim().is_empty() && check_in.change.trim().is_empty() {
            self.check_in = None;
        }
    }

    /// One answer of the check-in ("" when there is none).
    pub fn check_in_part(&self, part: CheckInPart) -> &str {
        self.check_in.as_ref().map_or("", |c| match part {
            CheckInPart::Keep => &c.keep,
            CheckInPart::Change => &c.change,
        })
    }

    /// A person ticks (or unticks) their box of the agreement. Someone
    /// the session does not have changes nothing.
    pub fn set_agreed(&mut self, who: usize, on: bool) {
        if let Some(c) = self.agreement.confirmed.get_mut(who) {
            *c = on;
        }
    }

    /// At the swap: set the second half's times by the pair's choice and
    /// go to its goal.
    pub fn begin_second_half(&mut self, choice: SwapChoice, now: i64) {
        self.choose_swap(choice, now);
        self.go_to(
            Step::Phase {
                turn: 1,
                phase: Phase::Goal,
            },
            now,
        );
    }

    /// Begin a group's turn: go to its goal with the clock running.
    pub fn begin_turn(&mut self, turn: usize, now: i64) {
        self.go_to(
            Step::Phase {
                turn,
                phase: Phase::Goal,
            },
            now,
        );
        self.start_clock(now);
    }

    /// How useful the session was to a person (1 to 5); someone the
    /// session does not have changes nothing.
    pub fn set_useful(&mut self, who: usize, useful: u8) {
        if let Some(r) = self.reflections.get_mut(who) {
            r.useful = Some(useful);
        }
    }

    /// A person's sentence of the wrap-up.
    pub fn set_reflection_sentence(&mut self, who: usize, text: String) {
        if let Some(r) = self.reflections.get_mut(who) {
            r.sentence = text;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::Format;
    use crate::domain::session::Setup;

    fn session(format: Format) -> Session {
        let mut setup = Setup::default();
        setup.set_format(format);
        setup.names = ["Amara".into(), "Jonas".into()];
        Session::new("s1".into(), 1_000, &setup)
    }

    #[test]
    fn the_second_half_begins_at_its_goal_with_the_choice_kept() {
        for choice in [SwapChoice::Fit, SwapChoice::Keep] {
            let mut s = session(Format::Reciprocal);
            s.go_to(Step::Swap, 2_000);
            s.begin_second_half(choice, 3_000);
            assert_eq!(s.swap, Some(choice));
            assert_eq!(
                s.step,
                Step::Phase {
                    turn: 1,
                    phase: Phase::Goal
                }
            );
        }
    }

    fn from_the_device(first_step: &str) -> Option<crate::domain::followup::Origin> {
        Some(crate::domain::followup::Origin {
            first_step: first_step.into(),
            owner: crate::domain::session::Owner::Person(1),
            client: Some(0),
        })
    }

    #[test]
    fn a_carried_item_keeps_its_own_first_step() {
        let mut s = session(Format::Reciprocal);
        s.follow_up.push(crate::domain::session::FollowUpItem {
            what: "Send the agenda".into(),
            first_step: "Open the doc".into(),
            ..Default::default()
        });
        s.carry_follow_up(0, from_the_device("From the device"));
        let carried: Vec<_> = s.turns.iter().flat_map(|h| &h.actions).collect();
        assert_eq!(carried.len(), 1);
        assert_eq!(carried[0].first_step, "Open the doc");
    }

    #[test]
    fn an_item_without_a_first_step_takes_the_records() {
        let mut s = session(Format::Reciprocal);
        s.follow_up.push(crate::domain::session::FollowUpItem {
            what: "Send the agenda".into(),
            ..Default::default()
        });
        s.carry_follow_up(0, from_the_device("From the device"));
        let a = s.turns[0].actions.first().unwrap();
        assert_eq!(a.first_step, "From the device");
        assert_eq!(a.owner, crate::domain::session::Owner::Person(1));
    }

    // Native only: proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn part() -> impl Strategy<Value = CheckInPart> {
            prop_oneof![Just(CheckInPart::Keep), Just(CheckInPart::Change)]
        }

        proptest! {
            /// Whatever is typed in the check-in, in any order: there is a
            /// check-in exactly when one answer is not blank, and then each
            /// answer holds the last text typed in it since there was none.
            #[test]
            fn the_check_in_holds_the_last_texts_and_exists_when_not_blank(
                edits in proptest::collection::vec((part(), "[ a]{0,3}"), 0..12),
            ) {
                let mut s = session(Format::Reciprocal);
                let (mut keep, mut change) = (String::new(), String::new());
                for (part, text) in edits {
                    s.set_check_in(part, text.clone());
                    match part {
                        CheckInPart::Keep => keep = text,
                        CheckInPart::Change => change = text,
                    }
                    let blank = keep.trim().is_empty() && change.trim().is_empty();
                    prop_assert_eq!(s.check_in.is_none(), blank);
                    if blank {
                        // Gone: blanks typed before are not kept either.
                        (keep, change) = (String::new(), String::new());
                    } else {
                        prop_assert_eq!(s.check_in_part(CheckInPart::Keep), keep.as_str());
                        prop_assert_eq!(s.check_in_part(CheckInPart::Change), change.as_str());
                    }
                }
            }

            /// Ticking a box changes that person's box alone; a person the
            /// session does not have changes nothing (and never panics).
            /// The same holds for the wrap-up's answers.
            #[test]
            fn a_person_changes_only_their_own_answers(
                who in 0usize..10, on: bool, useful in 1u8..=5, text in "[a-z]{0,4}",
            ) {
                let mut s = session(Format::Reciprocal);
                let before = s.clone();
                s.set_agreed(who, on);
                s.set_useful(who, useful);
                s.set_reflection_sentence(who, text.clone());
                let mut expected = before;
                if who < expected.agreement.confirmed.len() {
                    expected.agreement.confirmed[who] = on;
                }
                if let Some(r) = expected.reflections.get_mut(who) {
                    r.useful = Some(useful);
                    r.sentence = text;
                }
                prop_assert_eq!(s, expected);
            }
        }
    }
}
