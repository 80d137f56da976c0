//! Writing a session in the compact form (see the module's layout).

use crate::domain::agreement::Rule;
use crate::domain::exercise::{ExerciseRun, Idea};
use crate::domain::flow::{Format, Step};
use crate::domain::session::{Owner, Session, SwapChoice, MAX_EXERCISES_PER_HALF};
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
        self.num(run.step as u64);
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
}

/// The compact form of a session in the layout of `version` (format 1
/// leaves exercise runs out). At most [`MAX_EXERCISES_PER_HALF`] runs of a
/// half are written, as [`Session::normalize`] keeps them.
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
    });
    w.str(&s.names[0]);
    w.str(&s.names[1]);
    w.num(s.total_minutes.into());
    for plan in &s.plans {
        for &m in plan {
            w.num(m.into());
        }
    }
    let a = &s.agreement;
    w.num(a.confirmed[0] as u64 | (a.confirmed[1] as u64) << 1 | (a.skipped as u64) << 2);
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
    w.num(s.halves.len() as u64);
    for half in &s.halves {
        w.str(&half.goal.topic);
        w.str(&half.goal.outcome);
        w.str(&half.reality);
        w.num(half.options.len() as u64);
        for o in &half.options {
            w.num(o.id.into());
            w.str(&o.text);
            w.strs(&o.pros);
            w.strs(&o.cons);
            w.flag(o.chosen);
        }
        w.num(half.actions.len() as u64);
        for a in &half.actions {
            w.num(a.id.into());
            w.str(&a.what);
            match &a.owner {
                Owner::Person(p) => w.num(u64::from(*p) * 2),
                Owner::Other(name) => {
                    w.num(1);
                    w.str(name);
                }
            }
            if a.due.is_empty() {
                w.num(0);
            } else if let Some(days) = date_days(&a.due) {
                w.num(2 + zigzag(days - created_day));
            } else {
                w.num(1);
                w.str(&a.due);
            }
            w.str(&a.first_step);
        }
        w.num(half.confidence.map_or(0, |c| u64::from(c) + 1));
        w.str(&half.raise_note);
        for c in &half.clocks {
            w.clock(c, s.updated_ms);
        }
        for deck in &half.cards {
            w.bytes(&deck.drawn);
            w.bytes(&deck.pinned);
        }
    }
    w.num(match s.step {
        Step::Agreement => 0,
        Step::Swap => 1,
        Step::WrapUp => 2,
        Step::Phase { half, phase } => (half as u64)
            .saturating_mul(4)
            .saturating_add(3 + phase.index() as u64),
    });
    w.num(match s.swap {
        None => 0,
        Some(SwapChoice::Fit) => 1,
        Some(SwapChoice::Keep) => 2,
    });
    for r in &s.reflections {
        w.num(r.useful.map_or(0, |u| u64::from(u) + 1));
        w.str(&r.sentence);
    }
    w.num(s.next_item.into());
    if version >= LinkVersion::V2 {
        for half in &s.halves {
            let runs = &half.exercises[..half.exercises.len().min(MAX_EXERCISES_PER_HALF)];
            w.num(runs.len() as u64);
            for run in runs {
                w.run(run, s.updated_ms);
            }
        }
    }

    let mut out = Vec::with_capacity(w.head.len() + w.text.len() + 3);
    put_varint(&mut out, w.head.len() as u64);
    out.extend_from_slice(&w.head);
    out.extend_from_slice(&w.text);
    out
}
