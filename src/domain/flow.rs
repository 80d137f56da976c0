//! The GROW flow as a small state machine: which steps a session has and
//! how to move between them. Any step can be revisited; nothing traps.

use serde::{Deserialize, Serialize};

/// A phase of the GROW model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Goal,
    Reality,
    Options,
    Will,
}

impl Phase {
    pub const ALL: [Phase; 4] = [Phase::Goal, Phase::Reality, Phase::Options, Phase::Will];

    pub fn index(self) -> usize {
        match self {
            Phase::Goal => 0,
            Phase::Reality => 1,
            Phase::Options => 2,
            Phase::Will => 3,
        }
    }
}

/// Reciprocal: two halves, coach and client swap at half time.
/// One-way: one half, the roles stay fixed.
/// Group: three to seven people take turns as client, one turn each (or
/// fewer, as the group chose); the others coach and one of them writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Reciprocal,
    OneWay,
    /// A group session of this many turns (at least one).
    Group(u8),
}

/// The fewest and most people in a group session.
pub const MIN_GROUP: usize = 3;
pub const MAX_GROUP: usize = 7;

impl Format {
    /// Halves of a pair session, or turns of a group session.
    pub fn turns(self) -> usize {
        match self {
            Format::Reciprocal => 2,
            Format::OneWay => 1,
            Format::Group(turns) => usize::from(turns.max(1)),
        }
    }

    pub fn is_group(self) -> bool {
        matches!(self, Format::Group(_))
    }
}

/// Where in a session the pair is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum Step {
    Agreement,
    Phase {
        /// Stored as `half`, the name records were written with.
        #[serde(rename = "half")]
        turn: usize,
        phase: Phase,
    },
    Swap,
    /// A group's turn begins: who is the client, who writes.
    Turn {
        #[serde(rename = "half")]
        turn: usize,
    },
    WrapUp,
}

impl Step {
    /// Every step of a session in order, as the step indicator shows them.
    pub fn all(format: Format) -> Vec<Step> {
        let mut steps = vec![Step::Agreement];
        for turn in 0..format.turns() {
            if format.is_group() {
                steps.push(Step::Turn { turn });
            } else if turn > 0 {
                steps.push(Step::Swap);
            }
            steps.extend(Phase::ALL.iter().map(|&phase| Step::Phase { turn, phase }));
        }
        steps.push(Step::WrapUp);
        steps
    }

    fn position(self, format: Format) -> usize {
        Step::all(format)
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0)
    }

    pub fn next(self, format: Format) -> Option<Step> {
        Step::all(format).get(self.position(format) + 1).copied()
    }

    pub fn prev(self, format: Format) -> Option<Step> {
        let at = self.position(format);
        at.checked_sub(1).map(|i| Step::all(format)[i])
    }

    /// Is this step valid for the format (a stored step may not be)?
    pub fn belongs_to(self, format: Format) -> bool {
        Step::all(format).contains(&self)
    }

    pub fn phase(self) -> Option<(usize, Phase)> {
        match self {
            Step::Phase { turn, phase } => Some((turn, phase)),
            _ => None,
        }
    }

    /// The half or turn a step belongs to, if any.
    pub fn turn(self) -> Option<usize> {
        match self {
            Step::Phase { turn, .. } | Step::Turn { turn } => Some(turn),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reciprocal_has_both_halves_and_a_swap() {
        let steps = Step::all(Format::Reciprocal);
        assert_eq!(steps.len(), 1 + 4 + 1 + 4 + 1);
        assert_eq!(steps[0], Step::Agreement);
        assert_eq!(steps[5], Step::Swap);
        assert_eq!(
            steps[6],
            Step::Phase {
                turn: 1,
                phase: Phase::Goal
            }
        );
        assert_eq!(*steps.last().unwrap(), Step::WrapUp);
    }

    #[test]
    fn one_way_has_one_half_and_no_swap() {
        let steps = Step::all(Format::OneWay);
        assert_eq!(steps.len(), 6);
        assert!(!steps.contains(&Step::Swap));
        assert!(!Step::Swap.belongs_to(Format::OneWay));
    }

    #[test]
    fn next_and_prev_walk_the_whole_flow() {
        let format = Format::Reciprocal;
        let mut step = Step::Agreement;
        let mut seen = vec![step];
        while let Some(n) = step.next(format) {
            assert_eq!(n.prev(format), Some(step));
            step = n;
            seen.push(step);
        }
        assert_eq!(seen, Step::all(format));
        assert_eq!(Step::Agreement.prev(format), None);
        assert_eq!(Step::WrapUp.next(format), None);
    }

    #[test]
    fn a_group_has_a_turn_screen_before_each_turn_and_no_swap() {
        let steps = Step::all(Format::Group(3));
        assert_eq!(steps.len(), 1 + 3 * 5 + 1);
        assert_eq!(steps[1], Step::Turn { turn: 0 });
        assert_eq!(steps[6], Step::Turn { turn: 1 });
        assert!(!steps.contains(&Step::Swap));
        assert_eq!(
            Step::Phase {
                turn: 2,
                phase: Phase::Will
            }
            .next(Format::Group(3)),
            Some(Step::WrapUp)
        );
        assert!(!Step::Turn { turn: 3 }.belongs_to(Format::Group(3)));
        assert_eq!(Format::Group(0).turns(), 1);
    }

    #[test]
    fn will_of_first_half_leads_to_swap() {
        let will = Step::Phase {
            turn: 0,
            phase: Phase::Will,
        };
        assert_eq!(will.next(Format::Reciprocal), Some(Step::Swap));
        assert_eq!(will.next(Format::OneWay), Some(Step::WrapUp));
    }
}
