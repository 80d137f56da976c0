//! The session model: everything two people produce in one peer-coaching
//! conversation, and every change to it as a method over plain data.

use serde::{Deserialize, Serialize};

use crate::domain::agreement::Agreement;
use crate::domain::deck::CardState;
use crate::domain::exercise::{ExerciseId, ExerciseRun};
use crate::domain::flow::{Format, Phase, Step, MAX_GROUP, MIN_GROUP};
pub use crate::domain::followup::{ActionStatus, CheckIn, FollowUpItem, NextMeeting};
use crate::domain::plan;
pub use crate::domain::setup::Setup;
use crate::domain::timer::{PhaseClock, MAX_TIMESTAMP_MS, MINUTE_MS};

/// Most exercise runs a half keeps (seven exercises, and room for the
/// copies a few merges may add).
pub const MAX_EXERCISES_PER_HALF: usize = 32;

/// Goal: what the client wants to talk about and get from today.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub topic: String,
    pub outcome: String,
}

/// An option the client sees, with its pros and cons.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachOption {
    pub id: u32,
    pub text: String,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
    pub chosen: bool,
}

/// Who owns an action item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    /// One of the session's people, by number (0 for A, 1 for B, … up to
    /// 6 in a group of seven).
    #[serde(rename = "p")]
    Person(u8),
    /// Someone else, by name.
    #[serde(rename = "o")]
    Other(String),
}

/// One step of the action plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: u32,
    pub what: String,
    pub owner: Owner,
    /// Due date as `YYYY-MM-DD`, or empty.
    pub due: String,
    pub first_step: String,
    /// What became of it, as the pair said at a later session's follow-up.
    #[serde(default, skip_serializing_if = "is_open")]
    pub status: ActionStatus,
    /// One line on how it went.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status_note: String,
}

fn is_open(status: &ActionStatus) -> bool {
    *status == ActionStatus::Open
}

/// Pros or cons of an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Pros,
    Cons,
}

/// One turn: a client, their coach (in a pair) or coaches (in a group),
/// and the four GROW phases. A pair's session has two turns, its halves
/// (one in a one-way session); a group has one turn per person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// The client of this turn, by person number. Who coaches follows
    /// from the format: see [`Session::roles`].
    pub client: u8,
    pub goal: Goal,
    pub reality: String,
    pub options: Vec<CoachOption>,
    pub actions: Vec<ActionItem>,
    /// How committed the client feels, 1 to 10.
    pub confidence: Option<u8>,
    /// What would raise the confidence (asked below 7).
    pub raise_note: String,
    pub clocks: [PhaseClock; 4],
    pub cards: [CardState; 4],
    /// Exercises done in this half, in the order they were started (at
    /// most one run per exercise is started here; a merge may add more).
    /// Missing from records written before exercises existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exercises: Vec<ExerciseRun>,
    /// In a group: who writes for the client in this turn (a person's
    /// number). Pairs have no scribe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scribe: Option<u8>,
}

impl Turn {
    pub fn new(client: u8, plan_minutes: [u32; 4]) -> Self {
        Turn {
            client,
            goal: Goal::default(),
            reality: String::new(),
            options: Vec::new(),
            actions: Vec::new(),
            confidence: None,
            raise_note: String::new(),
            clocks: plan_minutes.map(|m| PhaseClock::new(m as i64 * MINUTE_MS)),
            cards: Default::default(),
            exercises: Vec::new(),
            scribe: None,
        }
    }

    /// Has any of this half's clocks run?
    pub fn has_started(&self) -> bool {
        self.clocks.iter().any(PhaseClock::has_started)
    }

    pub fn clock(&self, phase: Phase) -> &PhaseClock {
        &self.clocks[phase.index()]
    }

    pub fn clock_mut(&mut self, phase: Phase) -> &mut PhaseClock {
        &mut self.clocks[phase.index()]
    }

    pub fn elapsed(&self, now: i64) -> i64 {
        self.clocks.iter().map(|c| c.elapsed(now)).sum()
    }

    pub fn allotted(&self) -> i64 {
        self.clocks.iter().map(|c| c.allotted_ms).sum()
    }

    /// An option's number as shown (1 for the first), 0 if it is gone.
    pub fn option_number(&self, id: u32) -> usize {
        self.options
            .iter()
            .position(|o| o.id == id)
            .map_or(0, |p| p + 1)
    }

    /// An action item's number as shown (1 for the first), 0 if it is gone.
    pub fn action_number(&self, id: u32) -> usize {
        self.actions
            .iter()
            .position(|a| a.id == id)
            .map_or(0, |p| p + 1)
    }

    pub fn chosen_options(&self) -> impl Iterator<Item = &CoachOption> {
        self.options.iter().filter(|o| o.chosen)
    }

    /// Below 7 of 10 the coach asks what would make it higher.
    pub fn needs_raise_prompt(&self) -> bool {
        matches!(self.confidence, Some(c) if c < 7)
    }

    /// Fewer than three options before weighing them: a gentle note.
    pub fn few_options(&self) -> bool {
        self.options
            .iter()
            .filter(|o| !o.text.trim().is_empty())
            .count()
            < 3
    }

    /// The run of an exercise in this half (the latest, if a merge left
    /// two), if it was started here.
    pub fn exercise(&self, id: ExerciseId) -> Option<&ExerciseRun> {
        self.exercises.iter().rev().find(|r| r.exercise == id)
    }

    pub fn exercise_mut(&mut self, id: ExerciseId) -> Option<&mut ExerciseRun> {
        self.exercises.iter_mut().rev().find(|r| r.exercise == id)
    }

    /// Start an exercise in this half, or come back to its run.
    pub fn open_exercise(&mut self, id: ExerciseId) -> &mut ExerciseRun {
        if self.exercise(id).is_none() {
            self.make_room(MAX_EXERCISES_PER_HALF - 1, id);
            self.exercises.push(ExerciseRun::new(id));
        }
        self.exercise_mut(id).expect("just added")
    }

    /// Begin a new run of an exercise in this half; the earlier runs stay
    /// beside it (a blank latest run is simply begun again). At the limit,
    /// an earlier run makes room (see [`Turn::make_room`]).
    pub fn restart_exercise(&mut self, id: ExerciseId) -> &mut ExerciseRun {
        if self.exercise(id).is_some_and(ExerciseRun::is_blank) {
            let run = self.exercise_mut(id).expect("just found");
            *run = ExerciseRun::new(id);
        } else {
            self.make_room(MAX_EXERCISES_PER_HALF - 1, id);
            self.exercises.push(ExerciseRun::new(id));
        }
        self.exercise_mut(id).expect("just added")
    }

    /// Bring the half down to `max` runs, taking earlier runs only (the
    /// oldest of exercise `first` first, then the oldest of any): the
    /// latest run of every exercise, the one its screen shows, always
    /// stays. (With seven exercises, a full half has earlier runs.)
    fn make_room(&mut self, max: usize, first: ExerciseId) {
        let mut excess = self.exercises.len().saturating_sub(max);
        if excess == 0 {
            return;
        }
        // Earlier runs: those with a later run of the same exercise.
        let mut seen = Vec::new();
        let mut earlier = vec![false; self.exercises.len()];
        for (r, run) in self.exercises.iter().enumerate().rev() {
            earlier[r] = seen.contains(&run.exercise);
            if !earlier[r] {
                seen.push(run.exercise);
            }
        }
        let mut drop = vec![false; self.exercises.len()];
        for pass_first in [true, false] {
            for (r, run) in self.exercises.iter().enumerate() {
                if excess > 0 && earlier[r] && !drop[r] && (run.exercise == first) == pass_first {
                    drop[r] = true;
                    excess -= 1;
                }
            }
        }
        let mut r = 0;
        self.exercises.retain(|_| {
            r += 1;
            !drop[r - 1]
        });
    }

    /// The earlier runs of an exercise in this half (all but the latest),
    /// oldest first.
    pub fn earlier_runs(&self, id: ExerciseId) -> Vec<&ExerciseRun> {
        let mut runs: Vec<&ExerciseRun> =
            self.exercises.iter().filter(|r| r.exercise == id).collect();
        runs.pop();
        runs
    }

    /// Take an exercise's run out of this half (every run of it).
    pub fn remove_exercise(&mut self, id: ExerciseId) {
        self.exercises.retain(|r| r.exercise != id);
    }

    fn option_mut(&mut self, id: u32) -> Option<&mut CoachOption> {
        self.options.iter_mut().find(|o| o.id == id)
    }

    fn action_mut(&mut self, id: u32) -> Option<&mut ActionItem> {
        self.actions.iter_mut().find(|a| a.id == id)
    }
}

/// The pair's choice at the swap when the first half ran over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SwapChoice {
    /// Shorten the second half's phases in proportion to the time left.
    Fit,
    /// Keep the second half's full time, running past the planned end.
    Keep,
}

/// What the swap screen tells the pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapInfo {
    /// How much the first half ran over its plan (0 if not).
    pub over_ms: i64,
    /// Time left of the planned session.
    pub left_ms: i64,
    /// The second half's planned length.
    pub second_half_ms: i64,
}

impl SwapInfo {
    /// The second half no longer fits in the time left (by half a minute
    /// or more: less is not worth a decision).
    pub fn must_choose(&self) -> bool {
        self.second_half_ms - self.left_ms >= plan::ON_TIME_GRACE_MS
    }
}

/// A person's reflection at the wrap-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    /// How useful the session was, 1 to 5.
    pub useful: Option<u8>,
    pub sentence: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub format: Format,
    /// First names of A and B, or of a group's people in the order of
    /// their turns; empty means "Person A", "Person B"…
    pub names: Vec<String>,
    pub total_minutes: u32,
    /// Phase minutes of each half as planned at setup.
    pub plans: [[u32; 4]; 2],
    pub agreement: Agreement,
    /// The turns: a pair's two halves (one for one-way), or a group's
    /// turns, one per person. Stored and backed up as `halves`, the name
    /// records were written with before groups had turns.
    #[serde(rename = "halves")]
    pub turns: Vec<Turn>,
    pub step: Step,
    pub swap: Option<SwapChoice>,
    /// One per person.
    pub reflections: Vec<Reflection>,
    /// Next id for options and action items.
    pub next_item: u32,
    /// The previous session's actions, reviewed at the start ("since last
    /// time"); empty for a first session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<FollowUpItem>,
    /// When the pair meets next, if they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_meeting: Option<NextMeeting>,
    /// The pair's check-in on how their sessions work, when one was due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in: Option<CheckIn>,
    /// In a group: the people who are not here today (their turn skipped,
    /// never the scribe).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<u8>,
    /// A copy kept beside another version of the same session (a link's
    /// version kept separately, a backup restored over an edited session):
    /// which one it is a copy of and where it came from, so History can say
    /// which is which. On this device only: a link never carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<CopyOf>,
    /// When the wrap-up was first reached: the session clock stops there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_ms: Option<i64>,
    /// While two devices work on the session together live: this device's
    /// lane of item ids (0 or 1: new options and actions get even or odd
    /// ids), so that two people adding an item at the same moment never
    /// give both one id (their texts would join as one item). On this
    /// device only: neither a link nor the live sync carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_lane: Option<u8>,
}

/// Where a copy of a session came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyOf {
    /// The session it is a copy of (this device's version keeps that id).
    pub session: String,
    pub source: CopySource,
    /// When that version was made: the link's last change, or when the
    /// backup was made.
    pub version_ms: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopySource {
    Link,
    Backup,
}

impl Session {
    pub fn new(id: String, now: i64, setup: &Setup) -> Self {
        let plans = setup.plans();
        let (names, turns): (Vec<String>, Vec<Turn>) = match setup.format {
            Format::Group(turns) => {
                let names = setup.members.iter().map(|n| n.trim().to_string()).collect();
                let minutes = plan::turn_minutes(setup.total_minutes, turns);
                let turns = minutes
                    .iter()
                    .enumerate()
                    .map(|(t, &m)| Turn::new(t as u8, plan::split(m)))
                    .collect();
                (names, turns)
            }
            format => (
                setup.names.iter().map(|n| n.trim().to_string()).collect(),
                (0..format.turns())
                    .map(|h| Turn::new(h as u8, plans[h]))
                    .collect(),
            ),
        };
        let agreement = Agreement {
            confirmed: vec![false; names.len()],
            ..Agreement::default()
        };
        let mut session = Session {
            id,
            created_ms: now,
            updated_ms: now,
            format: setup.format,
            reflections: vec![Reflection::default(); names.len()],
            names,
            total_minutes: setup.total_minutes,
            plans,
            agreement,
            turns,
            step: Step::Agreement,
            swap: None,
            next_item: 1,
            follow_up: Vec::new(),
            next_meeting: None,
            check_in: None,
            absent: Vec::new(),
            copy_of: None,
            item_lane: None,
            ended_ms: None,
        };
        session.assign_scribes();
        session
    }

    /// The first topic given in the session (trimmed), empty when none was.
    pub fn first_topic(&self) -> &str {
        self.turns
            .iter()
            .map(|h| h.goal.topic.trim())
            .find(|t| !t.is_empty())
            .unwrap_or_default()
    }

    /// How many people take part: two for a pair, three to seven in a group.
    pub fn people(&self) -> usize {
        self.names.len()
    }

    /// Has everyone here today ticked their box of the agreement?
    pub fn everyone_agreed(&self) -> bool {
        (0..self.people())
            .all(|i| self.agreement.confirmed.get(i) == Some(&true) || !self.is_present(i as u8))
    }

    /// Is this person here today?
    pub fn is_present(&self, who: u8) -> bool {
        !self.absent.contains(&who)
    }

    /// Repair what a stored or shared session may get wrong, so that the
    /// views can rely on it: the right number of halves, a step that exists.
    pub fn normalize(&mut self) {
        let group = self.format.is_group();
        let people = if group {
            self.names.truncate(MAX_GROUP);
            self.names.len().max(MIN_GROUP)
        } else {
            2
        };
        self.names.resize(people, String::new());
        self.reflections.resize(people, Reflection::default());
        self.agreement.confirmed.resize(people, false);
        self.absent.retain(|&a| usize::from(a) < people);
        self.absent.sort_unstable();
        self.absent.dedup();
        if !group {
            self.absent.clear();
        }
        if let Format::Group(turns) = self.format {
            self.format = Format::Group(turns.clamp(1, people as u8));
        }
        let wanted = self.format.turns();
        self.turns.truncate(wanted);
        while self.turns.len() < wanted {
            let h = self.turns.len();
            self.turns.push(Turn::new(h as u8, self.plans[h.min(1)]));
        }
        self.total_minutes = match self.format {
            Format::Group(turns) => plan::clamp_group_total(self.total_minutes, turns),
            _ => plan::clamp_total(self.total_minutes),
        };
        for minutes in self.plans.iter_mut().flatten() {
            *minutes = (*minutes).clamp(1, plan::MAX_TOTAL_MINUTES);
        }
        for (i, turn) in self.turns.iter_mut().enumerate() {
            if group {
                turn.client = turn.client.min(people as u8 - 1);
                turn.scribe = turn
                    .scribe
                    .filter(|&w| usize::from(w) < people && w != turn.client);
            } else {
                turn.client = i as u8;
                turn.scribe = None;
            }
            turn.confidence = turn.confidence.map(|c| c.clamp(1, 10));
            turn.clocks.iter_mut().for_each(PhaseClock::clamp);
            if let Some(first) = turn.exercises.first().map(|r| r.exercise) {
                turn.make_room(MAX_EXERCISES_PER_HALF, first);
            }
            turn.exercises.iter_mut().for_each(ExerciseRun::normalize);
        }
        self.ended_ms = self.ended_ms.filter(|e| (0..=MAX_TIMESTAMP_MS).contains(e));
        self.normalize_between();
        // A group's turns to come each have a scribe who is here.
        self.assign_scribes();
        if !self.step.belongs_to(self.format) {
            self.step = Step::Agreement;
        }
        let max_id = self
            .turns
            .iter()
            .flat_map(|h| {
                h.options
                    .iter()
                    .map(|o| o.id)
                    .chain(h.actions.iter().map(|a| a.id))
            })
            .max()
            .unwrap_or(0);
        self.next_item = self.next_item.max(max_id.saturating_add(1));
    }

    pub fn turn(&self, h: usize) -> Option<&Turn> {
        self.turns.get(h)
    }

    /// Who coaches and who is the client in turn `h`: `(coach, client)`.
    /// In a group everyone else coaches; the coach given is the scribe.
    pub fn roles(&self, h: usize) -> (u8, u8) {
        self.turn(h).map_or((1, 0), |turn| self.roles_in(turn))
    }

    /// `(coach, client)` of one of this session's turns: in a pair the
    /// other person coaches; in a group the scribe writes for the client.
    pub fn roles_in(&self, turn: &Turn) -> (u8, u8) {
        let coach = if self.format.is_group() {
            turn.scribe.unwrap_or(turn.client)
        } else {
            1 - turn.client.min(1)
        };
        (coach, turn.client)
    }

    pub fn turn_mut(&mut self, h: usize) -> Option<&mut Turn> {
        self.turns.get_mut(h)
    }

    fn new_item_id(&mut self) -> u32 {
        let mut id = self.next_item;
        if let Some(lane) = self.item_lane {
            if id % 2 != u32::from(lane % 2) {
                id = id.saturating_add(1);
            }
        }
        self.next_item = id.saturating_add(1);
        id
    }

    // ---- time ----

    pub fn planned_ms(&self) -> i64 {
        self.total_minutes as i64 * MINUTE_MS
    }

    /// Time run across all phases of the session.
    pub fn elapsed(&self, now: i64) -> i64 {
        self.turns.iter().map(|h| h.elapsed(now)).sum()
    }

    /// The clock of the phase on screen, if a phase is on screen.
    pub fn current_clock(&self) -> Option<&PhaseClock> {
        let (h, phase) = self.step.phase()?;
        Some(self.turns.get(h)?.clock(phase))
    }

    pub fn current_clock_mut(&mut self) -> Option<&mut PhaseClock> {
        let (h, phase) = self.step.phase()?;
        Some(self.turns.get_mut(h)?.clock_mut(phase))
    }

    fn pause_all(&mut self, now: i64) {
        for turn in &mut self.turns {
            for clock in &mut turn.clocks {
                if clock.is_running() {
                    clock.pause(now);
                }
            }
        }
    }

    /// Only one clock runs at a time: starting one pauses the others.
    /// A group's turn that begins gets its share of the time left first.
    pub fn start_clock(&mut self, now: i64) {
        self.pause_all(now);
        let begins = self
            .step
            .turn()
            .and_then(|h| self.turns.get(h))
            .is_some_and(|h| !h.has_started());
        if begins {
            self.refit_turns(now);
        }
        if let Some(clock) = self.current_clock_mut() {
            clock.start(now);
        }
    }

    pub fn pause_clock(&mut self, now: i64) {
        self.pause_all(now);
    }

    pub fn add_minute(&mut self, now: i64) {
        if let Some(clock) = self.current_clock_mut() {
            clock.add_minute(now);
        }
    }

    /// True once when the phase on screen runs out of time.
    pub fn take_cue(&mut self, now: i64) -> bool {
        self.current_clock_mut().is_some_and(|c| c.take_cue(now))
    }

    // ---- moving through the flow ----

    /// Go to any step (from the step indicator). Clocks pause.
    /// A skipped turn's phases are not open (its first screen is, to say
    /// who is away and to bring them back).
    /// The wrap-up ends the session's clock; a look at it while the session
    /// still had time to run ends nothing: back from it, the session's
    /// clock counts on as if it had never stopped.
    pub fn go_to(&mut self, step: Step, now: i64) {
        let closed = step.phase().is_some() && self.step_skipped(step);
        if step.belongs_to(self.format) && !closed {
            self.pause_all(now);
            let back_from_wrap_up = self.step == Step::WrapUp && step != Step::WrapUp;
            self.step = step;
            if step == Step::WrapUp && self.ended_ms.is_none() {
                self.ended_ms = Some(now);
            }
            if back_from_wrap_up {
                let ended = self.ended_ms.take();
                if now >= self.ends_at(now) {
                    self.ended_ms = ended;
                }
            }
            if let Step::Turn { .. } = step {
                // Arriving at a turn: the time left is shared again.
                self.refit_turns(now);
            }
        }
    }

    /// The next step. If a phase's clock was running, the next phase's clock
    /// starts, so the conversation flows on.
    /// In a group, the turns of people away today are passed over.
    pub fn advance(&mut self, now: i64) {
        let was_running = self.current_clock().is_some_and(|c| c.is_running());
        if let Some(next) = self.step_after(self.step) {
            self.go_to(next, now);
            if was_running && next.phase().is_some() {
                self.start_clock(now);
            }
        }
    }

    /// The step that follows `step`, passing over the turns of people away
    /// today.
    pub fn step_after(&self, step: Step) -> Option<Step> {
        let mut next = step.next(self.format);
        while let Some(step) = next.filter(|&s| self.step_skipped(s)) {
            next = step.next(self.format);
        }
        next
    }

    pub fn back(&mut self, now: i64) {
        let mut prev = self.step.prev(self.format);
        while let Some(step) = prev.filter(|&s| self.step_skipped(s)) {
            prev = step.prev(self.format);
        }
        if let Some(prev) = prev {
            self.go_to(prev, now);
        }
    }

    // ---- swap ----

    /// How the session stands at half time, by the session clock (the
    /// agreement, pauses and the swap itself count).
    pub fn swap_info(&self, now: i64) -> SwapInfo {
        let used = self.session_elapsed(now);
        let planned_first = self.plans[0].iter().sum::<u32>() as i64 * MINUTE_MS;
        let second_half_ms = self.plans[1].iter().sum::<u32>() as i64 * MINUTE_MS;
        SwapInfo {
            over_ms: used.saturating_sub(planned_first).max(0),
            left_ms: self.planned_ms().saturating_sub(used).max(0),
            second_half_ms,
        }
    }

    /// Set the second half's phase times by the pair's choice.
    pub fn choose_swap(&mut self, choice: SwapChoice, now: i64) {
        let info = self.swap_info(now);
        let plan_ms = self.plans[1].map(|m| m as i64 * MINUTE_MS);
        let allotted = match choice {
            SwapChoice::Fit if info.must_choose() => plan::fit(plan_ms, info.left_ms),
            _ => plan_ms,
        };
        if let Some(second) = self.turns.get_mut(1) {
            for (clock, ms) in second.clocks.iter_mut().zip(allotted) {
                if !clock.has_started() {
                    clock.allotted_ms = ms;
                }
            }
        }
        self.swap = Some(choice);
    }
}

pub use crate::domain::dates::is_iso_date;

mod clock;
mod group;
mod items;
mod ops;
mod texts;
pub use ops::CheckInPart;
#[cfg(test)]
pub(crate) use texts::full_session;
pub use texts::{each_text, run_texts, texts, TextKind};
#[cfg(test)]
mod tests;
