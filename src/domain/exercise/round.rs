//! The FeedForward round, the group mode of FeedForward: each person in
//! turn names one behaviour they want to change; every other person in
//! turn gives one or two ideas for the future within a short time-box (two
//! minutes by default); the person only listens and thanks. The ideas are
//! collected per person.
//!
//! The round is a list of steps: for each person, "name a behaviour", then
//! one step per giver (the others, starting with the next in the order).

use serde::{Deserialize, Serialize};

use crate::domain::flow::MAX_GROUP;
use crate::domain::timer::{PhaseClock, MINUTE_MS};

/// Each giver's time-box, in minutes: 2 by default, 1 to 5.
pub const DEFAULT_GIVE_MINUTES: u8 = 2;
pub const MAX_GIVE_MINUTES: u8 = 5;

/// Fewest people in a round (a pair does FeedForward, not a round).
pub const MIN_ROUND: usize = 3;

/// One person's turn: their behaviour and every other person's ideas.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundTurn {
    pub behaviour: String,
    /// The ideas of each person (by their number), one or two: empty for
    /// the person themselves and for ideas not given.
    pub ideas: Vec<[String; 2]>,
}

/// Where the round is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum RoundStep {
    /// Person `person` names a behaviour.
    Behaviour { person: usize },
    /// `giver` gives `person` ideas for the future.
    Give { person: usize, giver: usize },
    /// Everyone had their turn: the ideas collected per person.
    Done,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedForwardRound {
    pub created_ms: i64,
    /// First names, in the order of turns (3 to 7).
    pub people: Vec<String>,
    /// Each giver's time-box.
    pub minutes: u8,
    /// One per person, in the same order.
    pub turns: Vec<RoundTurn>,
    pub step: RoundStep,
    /// The time-box of the step on screen (a giver's).
    pub clock: PhaseClock,
}

impl FeedForwardRound {
    /// A round for these people (names trimmed; 3 to 7 of them).
    pub fn new(people: &[String], minutes: u8, now: i64) -> Self {
        let mut round = FeedForwardRound {
            created_ms: now,
            people: people.iter().map(|p| p.trim().to_string()).collect(),
            minutes,
            turns: Vec::new(),
            step: RoundStep::Behaviour { person: 0 },
            clock: PhaseClock::new(0),
        };
        round.normalize();
        round.clock = PhaseClock::new(round.give_ms());
        round
    }

    /// Repair what a stored round may get wrong.
    pub fn normalize(&mut self) {
        self.people.truncate(MAX_GROUP);
        let n = self.people.len().max(MIN_ROUND);
        self.people.resize(n, String::new());
        self.minutes = self.minutes.clamp(1, MAX_GIVE_MINUTES);
        self.turns.resize(n, RoundTurn::default());
        for turn in &mut self.turns {
            turn.ideas.resize(n, Default::default());
        }
        self.clock.clamp();
        if !self.steps().contains(&self.step) {
            self.step = RoundStep::Behaviour { person: 0 };
        }
    }

    fn give_ms(&self) -> i64 {
        i64::from(self.minutes) * MINUTE_MS
    }

    /// Every step in order.
    pub fn steps(&self) -> Vec<RoundStep> {
        let n = self.people.len();
        let mut steps = Vec::with_capacity(n * n + 1);
        for person in 0..n {
            steps.push(RoundStep::Behaviour { person });
            steps.extend((1..n).map(|k| RoundStep::Give {
                person,
                giver: (person + k) % n,
            }));
        }
        steps.push(RoundStep::Done);
        steps
    }

    fn position(&self) -> usize {
        self.steps()
            .iter()
            .position(|s| *s == self.step)
            .unwrap_or(0)
    }

    /// How far the round is: `(step number, steps)`, both without the end.
    pub fn progress(&self) -> (usize, usize) {
        (self.position() + 1, self.steps().len() - 1)
    }

    /// Go to a step. A giver's time-box starts afresh, and runs at once if
    /// the previous one was running (the round flows on).
    pub fn go_to(&mut self, step: RoundStep, now: i64) {
        if !self.steps().contains(&step) || step == self.step {
            return;
        }
        let was_running = self.clock.is_running();
        self.step = step;
        self.clock = PhaseClock::new(self.give_ms());
        if was_running && matches!(step, RoundStep::Give { .. }) {
            self.clock.start(now);
        }
    }

    pub fn next(&mut self, now: i64) {
        if let Some(&step) = self.steps().get(self.position() + 1) {
            self.go_to(step, now);
        }
    }

    pub fn back(&mut self, now: i64) {
        if let Some(at) = self.position().checked_sub(1) {
            let step = self.steps()[at];
            self.go_to(step, now);
        }
    }

    pub fn set_behaviour(&mut self, person: usize, text: String) {
        if let Some(turn) = self.turns.get_mut(person) {
            turn.behaviour = text;
        }
    }

    /// A giver's first (0) or second (1) idea for a person.
    pub fn set_idea(&mut self, person: usize, giver: usize, which: usize, text: String) {
        if person == giver {
            return;
        }
        if let Some(slot) = self
            .turns
            .get_mut(person)
            .and_then(|t| t.ideas.get_mut(giver))
            .and_then(|i| i.get_mut(which))
        {
            *slot = text;
        }
    }

    pub fn idea(&self, person: usize, giver: usize, which: usize) -> &str {
        self.turns
            .get(person)
            .and_then(|t| t.ideas.get(giver))
            .and_then(|i| i.get(which))
            .map_or("", String::as_str)
    }

    /// The ideas a person received, in the order of the givers after them:
    /// `(giver, idea)`, without empty ones.
    pub fn ideas_for(&self, person: usize) -> Vec<(usize, &str)> {
        let n = self.people.len();
        let Some(turn) = self.turns.get(person) else {
            return Vec::new();
        };
        (1..n)
            .map(|k| (person + k) % n)
            .flat_map(|g| {
                turn.ideas
                    .get(g)
                    .into_iter()
                    .flatten()
                    .map(move |idea| (g, idea.trim()))
            })
            .filter(|(_, idea)| !idea.is_empty())
            .collect()
    }

    /// Has anything been written?
    pub fn has_content(&self) -> bool {
        self.turns.iter().any(|t| {
            !t.behaviour.trim().is_empty() || t.ideas.iter().flatten().any(|i| !i.trim().is_empty())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round() -> FeedForwardRound {
        let people: Vec<String> = ["Amara", " Jonas ", "Mia", "Lee"]
            .map(String::from)
            .to_vec();
        FeedForwardRound::new(&people, DEFAULT_GIVE_MINUTES, 0)
    }

    #[test]
    fn everyone_names_a_behaviour_and_hears_every_other_person() {
        let r = round();
        assert_eq!(r.people[1], "Jonas");
        let steps = r.steps();
        assert_eq!(steps.len(), 4 * 4 + 1);
        assert_eq!(steps[0], RoundStep::Behaviour { person: 0 });
        // Amara hears Jonas, Mia and Lee; Mia hears Lee, Amara and Jonas.
        assert_eq!(
            steps[1],
            RoundStep::Give {
                person: 0,
                giver: 1
            }
        );
        assert_eq!(
            steps[3],
            RoundStep::Give {
                person: 0,
                giver: 3
            }
        );
        assert_eq!(
            steps[9],
            RoundStep::Give {
                person: 2,
                giver: 3
            }
        );
        assert_eq!(
            steps[10],
            RoundStep::Give {
                person: 2,
                giver: 0
            }
        );
        // Every person gives to every other exactly once, never to themselves.
        let mut pairs: Vec<(usize, usize)> = steps
            .iter()
            .filter_map(|s| match *s {
                RoundStep::Give { person, giver } => Some((person, giver)),
                _ => None,
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), 4 * 3);
        assert!(pairs.iter().all(|(p, g)| p != g));
        assert_eq!(r.progress(), (1, 16));
    }

    #[test]
    fn a_givers_time_box_is_two_minutes_and_flows_on() {
        let mut r = round();
        assert_eq!(r.clock.allotted_ms, 2 * MINUTE_MS);
        r.next(0);
        r.clock.start(0);
        r.next(150_000);
        assert_eq!(
            r.step,
            RoundStep::Give {
                person: 0,
                giver: 2
            }
        );
        assert!(r.clock.is_running(), "the next giver's clock runs on");
        assert_eq!(r.clock.elapsed(160_000), 10_000);
        r.clock.pause(170_000);
        r.next(170_000);
        assert!(!r.clock.is_running());
        r.back(170_000);
        r.back(170_000);
        r.back(170_000);
        assert_eq!(r.step, RoundStep::Behaviour { person: 0 });
        r.back(170_000);
        assert_eq!(r.step, RoundStep::Behaviour { person: 0 });
    }

    #[test]
    fn ideas_are_collected_per_person_and_the_person_gives_none_to_themselves() {
        let mut r = round();
        r.set_behaviour(0, "Interrupting in meetings".into());
        r.set_idea(0, 2, 0, "Count to three before you speak".into());
        r.set_idea(0, 1, 0, "Write your point down first".into());
        r.set_idea(0, 1, 1, "  ".into());
        r.set_idea(0, 0, 0, "Ignored".into());
        r.set_idea(9, 1, 0, "Ignored".into());
        assert_eq!(
            r.ideas_for(0),
            vec![
                (1, "Write your point down first"),
                (2, "Count to three before you speak")
            ]
        );
        assert!(r.ideas_for(1).is_empty());
        assert_eq!(r.idea(0, 0, 0), "");
        assert!(r.has_content());
    }

    #[test]
    fn normalize_repairs_a_damaged_record() {
        let mut r = round();
        r.people.truncate(1);
        r.turns.clear();
        r.minutes = 0;
        r.step = RoundStep::Give {
            person: 5,
            giver: 5,
        };
        r.normalize();
        assert_eq!(r.people.len(), 3);
        assert_eq!(r.turns.len(), 3);
        assert!(r.turns.iter().all(|t| t.ideas.len() == 3));
        assert_eq!(r.minutes, 1);
        assert_eq!(r.step, RoundStep::Behaviour { person: 0 });
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<FeedForwardRound>(&json).unwrap(), r);
    }
}
