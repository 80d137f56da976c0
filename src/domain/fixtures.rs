//! Test and benchmark data built in the app's own model.
//!
//! [`reference_session`] is the reference session of the design notes
//! (`shared/reference-session.md`): a complete reciprocal session between
//! Amara and Jonas, with every text verbatim. The share-link budget and the
//! golden links are measured on it, so it must never change.

use crate::domain::flow::{Phase, Step};
use crate::domain::session::{Owner, Reflection, Session, Setup, Side};

/// 2026-03-10 09:00 in Europe (UTC+1), i.e. 2026-03-10T08:00:00Z.
pub const REFERENCE_CREATED_MS: i64 = 1_773_129_600_000;

/// One half as the reference session has it.
struct Round {
    topic: &'static str,
    outcome: &'static str,
    reality: &'static str,
    /// Option text, pros, cons, chosen.
    options: &'static [(
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
        bool,
    )],
    /// What, due date (`YYYY-MM-DD` or empty).
    actions: &'static [(&'static str, &'static str)],
    confidence: u8,
    raise_note: &'static str,
}

const ROUNDS: [Round; 2] = [
    Round {
        topic: "Running our weekly team meeting so that quieter people speak up",
        outcome: "Two concrete things to try at next Tuesday's meeting",
        reality: "Eight people, fifty minutes, mostly status updates. Two senior engineers do \
                  most of the talking. I tried a round-robin once; it felt forced and ran long. \
                  The two newest hires have not said anything in three weeks.",
        options: &[
            (
                "Send the agenda a day early and ask each person to add one item.",
                &["people can prepare; quieter people get a written channel."],
                &["some will not read it."],
                true,
            ),
            (
                "Start with a two-minute silent writing round on a shared board.",
                &["everyone contributes at once; no one dominates."],
                &["feels unusual at first."],
                true,
            ),
            (
                "Ask one of the senior engineers privately to hold back and invite others.",
                &["addresses the pattern directly."],
                &["awkward conversation; he may feel criticised."],
                false,
            ),
            ("Rotate who chairs the meeting each week.", &[], &[], false),
        ],
        actions: &[
            (
                "Send the agenda with a request for one item each",
                "2026-03-16",
            ),
            (
                "Run a two-minute silent writing round at the start",
                "2026-03-17",
            ),
        ],
        confidence: 7,
        raise_note: "a dry run with Jonas",
    },
    Round {
        topic: "Saying no to extra requests from the sales team without damaging the relationship",
        outcome: "A sentence I can actually use, and a rule for when to use it",
        reality: "About five ad-hoc requests a week, each \"only ten minutes\", together most of \
                  Friday. I say yes because the account managers are friendly and I want to \
                  help. My own roadmap work slipped twice this quarter.",
        options: &[
            (
                "Offer a fixed weekly slot for sales questions.",
                &["predictable; they still get help."],
                &["urgent cases will still come."],
                true,
            ),
            (
                "Reply with the trade-off: \"I can do this if X moves to next week\".",
                &["honest; makes the cost visible."],
                &["puts the decision back on my manager sometimes."],
                true,
            ),
            (
                "Ask my manager to route all requests through her.",
                &[],
                &[],
                false,
            ),
        ],
        actions: &[
            (
                "Propose a Thursday 30-minute office hour to the sales leads",
                "2026-03-13",
            ),
            (
                "Use the trade-off sentence for every new request until the next session",
                "",
            ),
        ],
        confidence: 8,
        raise_note: "",
    },
];

/// The reference session: Amara Okafor and Jonas Lindqvist, reciprocal,
/// 60 minutes from 2026-03-10 09:00 (UTC+1), both agreement boxes ticked
/// with the default ground rules, every phase run to exactly its time, at
/// the wrap-up with both reflections written.
pub fn reference_session() -> Session {
    let setup = Setup {
        names: ["Amara".into(), "Jonas".into()],
        ..Setup::default()
    };
    let mut now = REFERENCE_CREATED_MS;
    let mut s = Session::new("ref-2026-03-10".into(), now, &setup);
    s.agreement.confirmed = [true, true];

    for (h, round) in ROUNDS.iter().enumerate() {
        for phase in Phase::ALL {
            let step = Step::Phase { half: h, phase };
            s.go_to(step, now);
            s.start_clock(now);
            match phase {
                Phase::Goal => {
                    if let Some(half) = s.half_mut(h) {
                        half.goal.topic = round.topic.into();
                        half.goal.outcome = round.outcome.into();
                    }
                }
                Phase::Reality => {
                    if let Some(half) = s.half_mut(h) {
                        half.reality = round.reality.into();
                    }
                }
                Phase::Options => {
                    for &(text, pros, cons, chosen) in round.options {
                        let Some(id) = s.add_option(h, text.into()) else {
                            continue;
                        };
                        for (side, points) in [(Side::Pros, pros), (Side::Cons, cons)] {
                            for (at, point) in points.iter().enumerate() {
                                s.add_point(h, id, side);
                                s.edit_point(h, id, side, at, (*point).into());
                            }
                        }
                        if chosen {
                            s.toggle_chosen(h, id);
                        }
                    }
                }
                Phase::Will => {
                    for &(what, due) in round.actions {
                        if let Some(id) = s.add_action(h) {
                            s.edit_action(h, id, |a| {
                                a.what = what.into();
                                a.owner = Owner::Person(h as u8);
                                a.due = due.into();
                            });
                        }
                    }
                    s.set_confidence(h, Some(round.confidence));
                    if let Some(half) = s.half_mut(h) {
                        half.raise_note = round.raise_note.into();
                    }
                }
            }
            now += s.current_clock().map_or(0, |c| c.allotted_ms);
            s.take_cue(now);
            s.pause_clock(now);
        }
    }
    s.go_to(Step::WrapUp, now);
    s.reflections = [
        Reflection {
            useful: Some(5),
            sentence: "Writing the options down made me see I had more than one.".into(),
        },
        Reflection {
            useful: Some(4),
            sentence: "Hearing myself say the trade-off sentence out loud helped.".into(),
        },
    ];
    s.updated_ms = now;
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timer::MINUTE_MS;

    #[test]
    fn created_at_nine_in_central_europe() {
        // 2026-03-10 is day 20,522 since 1970-01-01; 08:00 UTC.
        assert_eq!(REFERENCE_CREATED_MS, (20_522 * 24 + 8) * 3_600_000);
    }

    #[test]
    fn reference_session_is_complete() {
        let s = reference_session();
        assert_eq!(s.step, Step::WrapUp);
        assert_eq!(s.updated_ms - s.created_ms, 60 * MINUTE_MS);
        assert!(s.agreement.is_settled());
        for half in &s.halves {
            for clock in &half.clocks {
                assert!(!clock.is_running() && clock.cued);
                assert_eq!(clock.used_ms, clock.allotted_ms);
            }
        }
        assert_eq!(s.halves[0].options.len(), 4);
        assert_eq!(s.halves[1].options.len(), 3);
        assert_eq!(s.halves[0].chosen_options().count(), 2);
        assert_eq!(s.halves[1].actions[1].due, "");
        assert_eq!(s.halves[0].raise_note, "a dry run with Jonas");
        assert_eq!(s.next_item, 12);
        let mut normalized = s.clone();
        normalized.normalize();
        assert_eq!(normalized, s);
    }
}
