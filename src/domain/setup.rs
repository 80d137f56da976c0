//! What the setup screen collects before a session begins, and how the
//! session's time is split from it.

use serde::{Deserialize, Serialize};

use crate::domain::flow::{Format, Phase, MAX_GROUP, MIN_GROUP};
use crate::domain::plan::{self, DEFAULT_TOTAL_MINUTES, DEFAULT_TURN_MINUTES};

/// What the setup screen collects before a session begins. It is kept in
/// the tab while it is filled in (see [`Setup::normalize`]), so a reload
/// loses none of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Setup {
    pub format: Format,
    /// First names of person A and person B; empty means "Person A/B".
    pub names: [String; 2],
    pub total_minutes: u32,
    /// Minutes per phase of each half (Goal, Reality, Options, Will).
    pub plan: [u32; 4],
    /// The split of the phases a pair set by hand, as they set it (none
    /// while it is the usual one). A new total is split in its proportion,
    /// so that a length tried and taken back gives back their split, not a
    /// rounding of a rounding.
    pub own: Option<[u32; 4]>,
    /// A group's people, in the order of their turns (3 to 7).
    pub members: Vec<String>,
    /// Does everyone get a turn as client? If not, [`Setup::turns`] do.
    pub everyone: bool,
    /// How many turns as client when not everyone gets one.
    pub turns: u8,
    /// The minutes each other format had when it was left (at most one
    /// each), so that looking at another format and going back changes no
    /// minute.
    pub aside: Vec<Aside>,
}

/// A minutes field of the setup form: the session's total, or a phase's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesField {
    Total,
    Phase(Phase),
}

/// A format's minutes, kept while another format is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aside {
    pub format: Format,
    pub total_minutes: u32,
    pub plan: [u32; 4],
    #[serde(default)]
    pub own: Option<[u32; 4]>,
}

impl Default for Setup {
    fn default() -> Self {
        let mut setup = Setup {
            format: Format::Reciprocal,
            names: [String::new(), String::new()],
            total_minutes: DEFAULT_TOTAL_MINUTES,
            plan: [0; 4],
            own: None,
            members: Vec::new(),
            everyone: true,
            turns: 2,
            aside: Vec::new(),
        };
        setup.set_total(DEFAULT_TOTAL_MINUTES);
        setup
    }
}

impl Setup {
    /// The form as a trainer's preset starts it: its format, and its phase
    /// minutes for each half exactly (the preset was read only with minutes
    /// that fit, see [`split_fits`]).
    pub fn from_preset(format: Option<Format>, minutes: Option<[u32; 4]>) -> Setup {
        let mut setup = Setup::default();
        if let Some(format) = format {
            setup.set_format(format);
        }
        if let Some(minutes) = minutes.filter(|&m| split_fits(setup.format, m)) {
            setup.plan = minutes;
            setup.total_minutes = minutes.iter().sum::<u32>() * setup.format.turns() as u32;
            setup.own_split_set();
            // A trainer's minutes are each phase's: the other pair format,
            // if chosen instead, shows them too where they fit it.
            for other in [Format::Reciprocal, Format::OneWay] {
                if other != setup.format && split_fits(other, minutes) {
                    setup.aside.retain(|a| a.format != other);
                    setup.aside.push(Aside {
                        format: other,
                        total_minutes: minutes.iter().sum::<u32>() * other.turns() as u32,
                        plan: minutes,
                        own: Some(minutes),
                    });
                }
            }
        }
        setup
    }

    /// A new total length re-splits each half across the phases: the
    /// usual way, or in proportion to the split the pair set by hand. A
    /// pair's total is whole halves of equal length (an odd total for a
    /// reciprocal session is a minute less), so that the phases shown for
    /// each half add up to it and the swap promises what the form said.
    pub fn set_total(&mut self, minutes: u32) {
        self.total_minutes = match self.format {
            Format::Group(turns) => plan::clamp_group_total(minutes, turns),
            Format::Reciprocal => plan::clamp_total(minutes) / 2 * 2,
            Format::OneWay => plan::clamp_total(minutes),
        };
        let half = plan::half_minutes(self.format, self.total_minutes)[0];
        self.plan = match self.own {
            Some(own) if !self.format.is_group() => plan::split_as(own, half),
            _ => plan::split(half),
        };
    }

    /// The split shown is the pair's own from now on (as one set by hand),
    /// unless it is the usual one.
    pub fn own_split_set(&mut self) {
        let usual = plan::split(plan::half_minutes(self.format, self.total_minutes)[0]);
        self.own = (self.plan != usual).then_some(self.plan);
    }

    /// A pair's own split read back with the minutes shown: kept where it
    /// gives the split shown, else the split shown is taken as theirs.
    fn own_split_kept(&mut self, own: Option<[u32; 4]>) {
        let half = plan::half_minutes(self.format, self.total_minutes)[0];
        self.own = own.filter(|&own| own_fits(own) && plan::split_as(own, half) == self.plan);
        if self.own.is_none() {
            self.own_split_set();
        }
    }

    /// Choose pair (reciprocal or one-way) or group. A group starts with
    /// the pair's names and room for five people, at 15 minutes a turn; a
    /// pair's format chosen for the first time keeps the other pair's
    /// length (the usual hour if none was seen).
    /// Going back to a format gives back the minutes it had (a keyboard
    /// passes through the others on its way).
    pub fn set_format(&mut self, format: Format) {
        if same_format(format, self.format) {
            return;
        }
        let left = Aside {
            format: self.format,
            total_minutes: self.total_minutes,
            plan: self.plan,
            own: self.own.take(),
        };
        self.aside.retain(|a| !same_format(a.format, left.format));
        self.aside.push(left);
        let back = self
            .aside
            .iter()
            .position(|a| same_format(a.format, format))
            .map(|at| self.aside.remove(at));
        if format.is_group() {
            if self.members.is_empty() {
                self.members = self.names.to_vec();
                self.members.resize(5, String::new());
            }
            self.format = Format::Group(self.group_turns());
            let turns = u32::from(self.group_turns());
            self.set_total(back.map_or(DEFAULT_TURN_MINUTES * turns, |b| b.total_minutes));
        } else {
            self.format = format;
            self.own = back.and_then(|b| b.own.filter(|&own| own_fits(own)));
            match back {
                Some(b) if b.format == format && plan_fits(format, b.total_minutes, b.plan) => {
                    self.total_minutes = b.total_minutes;
                    self.plan = b.plan;
                    self.own_split_kept(b.own);
                }
                Some(b) => self.set_total(b.total_minutes),
                // A group's length (a quarter of an hour a person) is not a
                // pair's: from a group, a pair's last length, or the usual.
                None if left.format.is_group() => {
                    let pair = self
                        .aside
                        .iter()
                        .rev()
                        .find(|a| !a.format.is_group())
                        .map_or(DEFAULT_TOTAL_MINUTES, |a| a.total_minutes);
                    self.set_total(pair);
                }
                None => self.set_total(self.total_minutes),
            }
        }
    }

    /// Does the form show the same as `other`: the same format, people and
    /// minutes? Other formats' minutes kept aside do not count, nor a
    /// group's rows with no name while a pair is chosen.
    pub fn shows_as(&self, other: &Setup) -> bool {
        let shown = |s: &Setup| {
            let unnamed = s.members.iter().all(|m| m.trim().is_empty());
            Setup {
                aside: Vec::new(),
                own: None,
                members: if !s.format.is_group() && unnamed {
                    Vec::new()
                } else {
                    s.members.clone()
                },
                ..s.clone()
            }
        };
        shown(self) == shown(other)
    }

    /// A group's turns, shortest and longest, in minutes: they differ by a
    /// minute at most (41 minutes for five are 9, 8, 8, 8 and 8).
    pub fn turn_range(&self) -> (u32, u32) {
        let turns = plan::turn_minutes(self.total_minutes, self.group_turns());
        (turns[turns.len() - 1], turns[0])
    }

    /// How many turns a group session of this setup has.
    pub fn group_turns(&self) -> u8 {
        let people = self.members.len().clamp(1, MAX_GROUP) as u8;
        if self.everyone {
            people
        } else {
            self.turns.clamp(1, people)
        }
    }

    /// After a change of the people or the turns: the format follows, and
    /// the total stays what it was when it still fits.
    fn group_changed(&mut self) {
        if self.format.is_group() {
            self.format = Format::Group(self.group_turns());
            self.set_total(self.total_minutes);
        }
    }

    pub fn set_member(&mut self, i: usize, name: String) {
        if let Some(m) = self.members.get_mut(i) {
            *m = name;
        }
    }

    /// Add a person at the end (at most seven).
    pub fn add_member(&mut self) -> bool {
        if self.members.len() >= MAX_GROUP {
            return false;
        }
        self.members.push(String::new());
        self.group_changed();
        true
    }

    /// Remove a person (a group keeps at least three).
    pub fn remove_member(&mut self, i: usize) -> bool {
        if self.members.len() <= MIN_GROUP || i >= self.members.len() {
            return false;
        }
        self.members.remove(i);
        self.group_changed();
        true
    }

    /// Move a person one place earlier (`up`) or later in the order.
    pub fn move_member(&mut self, i: usize, up: bool) -> bool {
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if i < self.members.len() && j < self.members.len() => {
                self.members.swap(i, j);
                true
            }
            _ => false,
        }
    }

    /// A random order of turns (Fisher–Yates, from the caller's seed).
    pub fn shuffle(&mut self, seed: u64) {
        let mut state = seed | 1;
        for i in (1..self.members.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            self.members.swap(i, j);
        }
    }

    pub fn set_everyone(&mut self, everyone: bool) {
        self.everyone = everyone;
        self.group_changed();
    }

    pub fn set_turns(&mut self, turns: u8) {
        self.turns = turns;
        self.group_changed();
    }

    /// Editing one phase's minutes changes the total to match, within the
    /// accepted range of 10 to 180 minutes.
    pub fn set_phase_minutes(&mut self, phase: Phase, minutes: u32) {
        if self.format.is_group() {
            return;
        }
        let turns = self.format.turns() as u32;
        let others: u32 = self.plan.iter().sum::<u32>() - self.plan[phase.index()];
        let most = (plan::MAX_TOTAL_MINUTES / turns)
            .saturating_sub(others)
            .max(1);
        let least = plan::MIN_TOTAL_MINUTES
            .div_ceil(turns)
            .saturating_sub(others)
            .max(1);
        self.plan[phase.index()] = minutes.clamp(least, most.max(least));
        let per_half: u32 = self.plan.iter().sum();
        self.total_minutes = per_half * turns;
        self.own_split_set();
    }

    /// What the form holds once `typed` is entered in `field` (when the
    /// field is left, not at each key: typing 45 does not pass through 4).
    /// A new total keeps a pair's own split of the phases in proportion.
    /// Text that is not a whole number of minutes, or the number already
    /// there, changes nothing.
    pub fn enter_minutes(&mut self, field: MinutesField, typed: &str) {
        let Ok(minutes) = typed.trim().parse::<u32>() else {
            return;
        };
        match field {
            // The same total again keeps the split as it is.
            MinutesField::Total if minutes == self.total_minutes => {}
            MinutesField::Total => self.set_total(minutes),
            // The same minutes again keep the pair's split as it was.
            MinutesField::Phase(phase) if minutes == self.plan[phase.index()] => {}
            MinutesField::Phase(phase) => self.set_phase_minutes(phase, minutes),
        }
    }

    /// A setup read back (the draft of a form kept in the tab, whatever it
    /// holds) made one the form could have made: the same people, format
    /// and minutes wherever they fit, the form's own rules where they do
    /// not. A setup the form made comes back unchanged.
    pub fn normalize(&mut self) {
        let mut fresh = Setup {
            names: std::mem::take(&mut self.names),
            members: std::mem::take(&mut self.members),
            everyone: self.everyone,
            turns: self.turns,
            // Other formats' minutes, as they were (one each): they are
            // checked when they come back.
            aside: {
                let mut aside: Vec<Aside> = Vec::new();
                for a in &self.aside {
                    let known = aside.iter().any(|b| same_format(a.format, b.format));
                    if !known && !same_format(a.format, self.format) {
                        aside.push(*a);
                    }
                }
                aside
            },
            ..Setup::default()
        };
        // A group has three to seven people (a pair's setup keeps the group
        // it had, for a switch back).
        fresh.members.truncate(MAX_GROUP);
        if !fresh.members.is_empty() && fresh.members.len() < MIN_GROUP {
            fresh.members.resize(MIN_GROUP, String::new());
        }
        if self.format.is_group() {
            if fresh.members.is_empty() {
                fresh.members.resize(MIN_GROUP, String::new());
            }
            fresh.format = Format::Group(fresh.group_turns());
            fresh.set_total(self.total_minutes);
        } else {
            fresh.format = self.format;
            if plan_fits(self.format, self.total_minutes, self.plan) {
                fresh.total_minutes = self.total_minutes;
                fresh.plan = self.plan;
                fresh.own_split_kept(self.own);
            } else {
                fresh.set_total(self.total_minutes);
            }
        }
        *self = fresh;
    }

    /// The phase minutes of each half. With an odd total the second half of
    /// a reciprocal session is a minute shorter, unless the pair set the
    /// split by hand.
    pub fn plans(&self) -> [[u32; 4]; 2] {
        if let Format::Group(turns) = self.format {
            let turns = plan::turn_minutes(self.total_minutes, turns);
            return [plan::split(turns[0]), plan::split(turns[turns.len() - 1])];
        }
        let turns = plan::half_minutes(self.format, self.total_minutes);
        let default_first = plan::split(turns[0]);
        let second = if self.plan == default_first && turns[1] > 0 {
            plan::split(turns[1])
        } else {
            self.plan
        };
        [self.plan, second]
    }
}

/// Could a pair's form show these minutes: every phase at least a minute,
/// the halves adding up to the total, the total in range?
fn plan_fits(format: Format, total: u32, plan: [u32; 4]) -> bool {
    let per_half = plan.iter().try_fold(0_u32, |sum, &m| {
        (m >= 1).then(|| sum.checked_add(m)).flatten()
    });
    let turns = format.turns() as u32;
    per_half.and_then(|p| p.checked_mul(turns)) == Some(total)
        && (plan::MIN_TOTAL_MINUTES..=plan::MAX_TOTAL_MINUTES).contains(&total)
}

/// Can a pair's form show these minutes for each half: every phase a
/// minute or more, and the whole session 10 to 180 minutes long?
pub fn split_fits(format: Format, minutes: [u32; 4]) -> bool {
    let total = minutes
        .iter()
        .try_fold(0_u32, |sum, &m| sum.checked_add(m))
        .and_then(|half| half.checked_mul(format.turns() as u32));
    !format.is_group() && total.is_some_and(|t| plan_fits(format, t, minutes))
}

/// Could a pair have set this split by hand: every phase a minute or more,
/// a half no longer than the longest session?
fn own_fits(own: [u32; 4]) -> bool {
    own.iter().all(|&m| m >= 1)
        && own.iter().map(|&m| u64::from(m)).sum::<u64>() <= u64::from(plan::MAX_TOTAL_MINUTES)
}

/// The same format, a group's whatever its turns.
fn same_format(a: Format, b: Format) -> bool {
    a == b || (a.is_group() && b.is_group())
}
