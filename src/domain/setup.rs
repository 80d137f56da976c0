//! What the setup screen collects before a session begins, and how the
//! session's time is split from it.

use crate::domain::flow::{Format, Phase};
use crate::domain::plan::{self, DEFAULT_TOTAL_MINUTES};

/// What the setup screen collects before a session begins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    pub format: Format,
    /// First names of person A and person B; empty means "Person A/B".
    pub names: [String; 2],
    pub total_minutes: u32,
    /// Minutes per phase of each half (Goal, Reality, Options, Will).
    pub plan: [u32; 4],
}

impl Default for Setup {
    fn default() -> Self {
        let mut setup = Setup {
            format: Format::Reciprocal,
            names: [String::new(), String::new()],
            total_minutes: DEFAULT_TOTAL_MINUTES,
            plan: [0; 4],
        };
        setup.set_total(DEFAULT_TOTAL_MINUTES);
        setup
    }
}

impl Setup {
    /// A new total length re-splits each half across the phases.
    pub fn set_total(&mut self, minutes: u32) {
        self.total_minutes = plan::clamp_total(minutes);
        self.plan = plan::split(plan::half_minutes(self.format, self.total_minutes)[0]);
    }

    pub fn set_format(&mut self, format: Format) {
        self.format = format;
        self.set_total(self.total_minutes);
    }

    /// Editing one phase's minutes changes the total to match, within the
    /// accepted range of 10 to 180 minutes.
    pub fn set_phase_minutes(&mut self, phase: Phase, minutes: u32) {
        let halves = self.format.halves() as u32;
        let others: u32 = self.plan.iter().sum::<u32>() - self.plan[phase.index()];
        let most = (plan::MAX_TOTAL_MINUTES / halves)
            .saturating_sub(others)
            .max(1);
        let least = plan::MIN_TOTAL_MINUTES
            .div_ceil(halves)
            .saturating_sub(others)
            .max(1);
        self.plan[phase.index()] = minutes.clamp(least, most.max(least));
        let per_half: u32 = self.plan.iter().sum();
        self.total_minutes = per_half * halves;
    }

    /// The phase minutes of each half. With an odd total the second half of
    /// a reciprocal session is a minute shorter, unless the pair set the
    /// split by hand.
    pub fn plans(&self) -> [[u32; 4]; 2] {
        let halves = plan::half_minutes(self.format, self.total_minutes);
        let default_first = plan::split(halves[0]);
        let second = if self.plan == default_first && halves[1] > 0 {
            plan::split(halves[1])
        } else {
            self.plan
        };
        [self.plan, second]
    }
}
