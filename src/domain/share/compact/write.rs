//! Writing a session in the compact form (see the module's layout).

use crate::domain::agreement::Rule;
use crate::domain::exercise::{ExerciseRun, Idea};
use crate::domain::flow::{Format, Step};
use crate::domain::followup::{is_time_of_day, FollowUpItem, NextMeeting, MAX_FOLLOW_UP};
use crate::domain::session::{
    ActionStatus, Owner, Reflection, Session, SwapChoice, MAX_EXERCISES_PER_HALF,
};
use crate::domain::share::LinkVersion;
use crate::domain::timer::PhaseClock;

use super::{date_days, put_varint, zigzag, DAY_MS};

pub(super) struct Writer {
    pub(super) head: Vec<u8>,
    pub(super) text: Vec<u8>,
}

impl Writer {
    fn num(&mut self, v: u64) {
        put_varint(&mut self.head, v);
    }

    fn signed(&mut self, v: i64) {
        self.num(zigzag(v));
    }

    fn reflection(&mut self, r: &Reflection) {
        self.num(r.useful.map_or(0, |u| u64::from(u) + 1));
        self.str(&r.sentence);
    }

    fn flag(&mut self, b: bool) {
        self.num(b as u64);
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.text.extend_from_slice(s.as_bytes());
    }

    fn strs(&mut self, list: &[String]) {
        self.num(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }

    fn bytes(&mut self, list: &[u8]) {
        self.num(list.len() as u64);
        self.head.extend_from_slice(list);
    }

    /// A duration or time difference: whole minutes (low bits 0), whole
    /// seconds (1), milliseconds (2), or a full 64-bit value (3).
    pub(super) fn time(&mut self, v: i64) {
        let (unit, sel) = if v % 60_000 == 0 {
            (60_000, 0)
        } else if v % 1_000 == 0 {
            (1_000, 1)
        } else {
            (1, 2)
        };
        let z = zigzag(v / unit);
        if z < 1 << 62 {
            self.num(z << 2 | sel);
        } else {
            self.num(3);
            self.num(zigzag(v));
        }
    }

    /// A clock; a running one's start is relative to the session's
    /// `updated_ms`.
    fn clock(&mut self, c: &PhaseClock, updated_ms: i64) {
        self.time(c.allotted_ms);
        self.time(c.used_ms.wrapping_sub(c.allotted_ms));
        self.num(c.cued as u64 | (c.running_since.is_some() as u64) << 1);
        if let Some(since) = c.running_since {
            self.time(since.wrapping_sub(updated_ms));
        }
    }

    /// An exercise run (format 2).
    fn run(&mut self, run: &ExerciseRun, updated_ms: i64) {
        self.num(run.exercise.code().into());
        // A finished run's step is counted past the last one (a version
        // that does not know "finished" reads its last step).
        let steps = run.step_count();
        let finished = if run.finished { steps } else { 0 };
        self.num((run.step.min(steps - 1) + finished) as u64);
        self.num(run.clocks.len() as u64);
        for c in &run.clocks {
            self.clock(c, updated_ms);
        }
        self.str(&run.subject);
        self.num(run.picked.map_or(0, |p| u64::from(p) + 1));
        self.strs(&run.notes);
        self.num(run.prompts.len() as u64);
        for p in &run.prompts {
            self.num(p.card.into());
            self.str(&p.answer);
            self.str(&p.idea);
        }
        self.strs(&run.turns);
        self.num(run.ideas.len() as u64);
        for idea in &run.ideas {
            self.idea(idea);
        }
        self.str(&run.draft_turn);
        self.idea(&run.draft_idea);
    }

    fn idea(&mut self, idea: &Idea) {
        self.str(&idea.from);
        self.str(&idea.text);
        self.flag(idea.starred);
    }

    /// A due date: 0 empty, 1 + string for free text, 2 + zigzag(days
    /// after the session's creation day) for a calendar date.
    fn due(&mut self, due: &str, created_day: i64) {
        if due.is_empty() {
            self.num(0);
        } else if let Some(days) = date_days(due) {
            self.num(2 + zigzag(days.wrapping_sub(created_day)));
        } else {
            self.num(1);
            self.str(due);
        }
    }

    /// What became of an action (format 3).
    fn status(&mut self, status: ActionStatus) {
        self.num(match status {
            ActionStatus::Open => 0,
            ActionStatus::InProgress => 1,
            ActionStatus::Done => 2,
            ActionStatus::Dropped => 3,
        });
    }

    /// A follow-up item (format 3).
    fn follow_up(&mut self, item: &FollowUpItem, created_day: i64) {
        self.str(&item.session);
        self.num(item.action.into());
        self.num(item.person.map_or(0, |p| u64::from(p) + 1));
        self.str(&item.what);
        self.due(&item.due, created_day);
        self.status(item.status);
        self.str(&item.note);
        self.flag(item.carried);
    }

    /// The next meeting (format 3): 0 none, else 1 + zigzag(days after the
    /// creation day), then the time and the repetition. A date that is not
    /// a canonical `YYYY-MM-DD` is not written (see
    /// [`crate::domain::share::sanitize`]).
    fn next_meeting(&mut self, meeting: Option<&NextMeeting>, created_day: i64) {
        let Some((m, days)) = meeting.and_then(|m| Some((m, date_days(&m.date)?))) else {
            self.num(0);
            return;
        };
        self.num(1 + zigzag(days.wrapping_sub(created_day)));
        self.num(minute_of_day(&m.time).map_or(0, |t| t + 1));
        self.num(m.every_weeks.map_or(0, u64::from));
    }
}

/// The minute of the day of a time written `HH:MM`.
fn minute_of_day(time: &str) -> Option<u64> {
    if !is_time_of_day(time) {
        return None;
    }
    let h: u64 = time.get(0..2)?.parse().ok()?;
    let m: u64 = time.get(3..5)?.parse().ok()?;
    Some(h * 60 + m)
}

/// The compact form of a session in the layout of `version` (format 1
/// leaves exercise runs out, formats 1 and 2 the actions' status, the
/// follow-up, the next meeting and the check-in). At most [`MAX_EXERCISES_PER_HALF`] runs
/// of a half and [`MAX_FOLLOW_UP`] follow-up items are written, as
/// [`Session::normalize`] keeps them.
pub fn write_session(s: &Session, version: LinkVersion) -> Vec<u8> {
    let mut w = Writer {
        head: Vec::with_capacity(256),
        text: Vec::with_capacity(2048),
    };
    let created_day = s.created_ms.div_euclid(DAY_MS);
    w.str(&s.id);
    w.signed(s.created_ms);
    w.time(s.updated_ms.wrapping_sub(s.created_ms));
    w.num(match s.format {
        Format::Reciprocal => 0,
        Format::OneWay => 1,
        Format::Group(_) => 2,
    });
    let name = |i: usize| s.names.get(i).map_or("", String::as_str);
    w.str(name(0));
    w.str(name(1));
    w.num(s.total_minutes.into());
    for plan in &s.plans {
        for &m in plan {
            w.num(m.into());
        }
    }
    let a = &s.agreement;
    let agreed = |i: usize| u64::from(a.confirmed.get(i) == Some(&true));
    w.num(agreed(0) | agreed(1) << 1 | u64::from(a.skipped) << 2);
    w.num(a.rules.len() as u64);
    for rule in &a.rules {
        match rule {
            Rule::Builtin(n) => w.num(u64::from(*n) * 2),
            Rule::Custom(text) => {
                w.num(1);
                w.str(text);
            }
        }
    }
    w.num(s.turns.len() as u64);
    for turn in &s.turns {
        w.str(&turn.goal.topic);
        w.str(&turn.goal.outcome);
        w.str(&turn.reality);
        w.num(turn.options.len() as u64);
        for o in &turn.options {
            w.num(o.id.into());
            w.str(&o.text);
            w.strs(&o.pros);
            w.strs(&o.cons);
            w.flag(o.chosen);
        }
        w.num(turn.actions.len() as u64);
        for a in &turn.actions {
            w.num(a.id.into());
            w.str(&a.what);
            match &a.owner {
                Owner::Person(p) => w.num(u64::from(*p) * 2),
                Owner::Other(name) => {
                    w.num(1);
                    w.str(name);
                }
            }
            w.due(&a.due, created_day);
            w.str(&a.first_step);
        }
        w.num(turn.confidence.map_or(0, |c| u64::from(c) + 1));
        w.str(&turn.raise_note);
        for c in &turn.clocks {
            w.clock(c, s.updated_ms);
        }
        for deck in &turn.cards {
            w.bytes(&deck.drawn);
            w.bytes(&deck.pinned);
        }
    }
    w.num(match s.step {
        Step::Agreement => 0,
        Step::Swap => 1,
        Step::WrapUp => 2,
        // Written exactly in the group part (format 4).
        Step::Turn { .. } => 0,
        Step::Phase { turn, phase } => (turn as u64)
            .saturating_mul(4)
            .saturating_add(3 + phase.index() as u64),
    });
    w.num(match s.swap {
        None => 0,
        Some(SwapChoice::Fit) => 1,
        Some(SwapChoice::Keep) => 2,
    });
    let no_reflection = Reflection::default();
    for i in 0..2 {
        w.reflection(s.reflections.get(i).unwrap_or(&no_reflection));
    }
    w.num(s.next_item.into());
    if version >= LinkVersion::V2 {
        for turn in &s.turns {
            let runs = &turn.exercises[..turn.exercises.len().min(MAX_EXERCISES_PER_HALF)];
            w.num(runs.len() as u64);
            for run in runs {
                w.run(run, s.updated_ms);
            }
        }
    }
    if version >= LinkVersion::V3 {
        for a in s.turns.iter().flat_map(|h| &h.actions) {
            w.status(a.status);
            w.str(&a.status_note);
        }
        let items = &s.follow_up[..s.follow_up.len().min(MAX_FOLLOW_UP)];
        w.num(items.len() as u64);
        for item in items {
            w.follow_up(item, created_day);
        }
        w.next_meeting(s.next_meeting.as_ref(), created_day);
        w.flag(s.check_in.is_some());
        if let Some(c) = &s.check_in {
            w.str(&c.keep);
            w.str(&c.change);
        }
    }
    if version >= LinkVersion::V4 {
        // The people beyond two and their reflections, each turn's client
        // and scribe, who is away, and a group step the format 1 part
        // cannot say.
        let more = s.names.get(2..).unwrap_or_default();
        w.num(more.len() as u64);
        for (i, name) in more.iter().enumerate() {
            w.str(name);
            w.reflection(s.reflections.get(i + 2).unwrap_or(&no_reflection));
            w.flag(s.agreement.confirmed.get(i + 2) == Some(&true));
        }
        for turn in &s.turns {
            w.num(turn.client.into());
            w.num(turn.scribe.map_or(0, |p| u64::from(p) + 1));
        }
        w.bytes(&s.absent);
        w.num(match s.step {
            Step::Turn { turn } => turn as u64 + 1,
            _ => 0,
        });
    }

    let mut out = Vec::with_capacity(w.head.len() + w.text.len() + 3);
    put_varint(&mut out, w.head.len() as u64);
    out.extend_from_slice(&w.head);
    out.extend_from_slice(&w.text);
    out
}
