//! Reading the compact form back, checking every length and count.

use crate::domain::agreement::{Agreement, Rule};
use crate::domain::deck::CardState;
use crate::domain::exercise::{ExerciseId, ExerciseRun, Idea, PromptAnswer};
use crate::domain::flow::{Format, Phase, Step, MAX_GROUP};
use crate::domain::followup::{CheckIn, FollowUpItem, NextMeeting, MAX_EVERY_WEEKS, MAX_FOLLOW_UP};
use crate::domain::route::is_valid_id;
use crate::domain::session::{
    ActionItem, ActionStatus, CoachOption, Goal, Owner, Reflection, Session, SwapChoice, Turn,
    MAX_EXERCISES_PER_HALF,
};
use crate::domain::share::LinkVersion;
use crate::domain::timer::PhaseClock;

use super::{format_days, get_varint, unzigzag, DAY_MS, MAX_CARDS, MAX_ITEMS};

pub(super) struct Reader<'a> {
    pub(super) head: &'a [u8],
    pub(super) text: &'a [u8],
}

type R<T> = Option<T>;

impl<'a> Reader<'a> {
    fn num(&mut self) -> R<u64> {
        let (v, n) = get_varint(self.head)?;
        self.head = &self.head[n..];
        Some(v)
    }

    fn small(&mut self, max: u64) -> R<u64> {
        self.num().filter(|&v| v <= max)
    }

    fn count(&mut self, max: usize) -> R<usize> {
        Some(self.small(max as u64)? as usize)
    }

    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.num()?).ok()
    }

    fn signed(&mut self) -> R<i64> {
        Some(unzigzag(self.num()?))
    }

    fn reflection(&mut self) -> R<Reflection> {
        Some(Reflection {
            useful: match self.small(6)? {
                0 => None,
                v => Some(v as u8 - 1),
            },
            sentence: self.str()?,
        })
    }

    fn flag(&mut self) -> R<bool> {
        Some(self.small(1)? == 1)
    }

    fn str(&mut self) -> R<String> {
        let len = usize::try_from(self.num()?).ok()?;
        if len > self.text.len() {
            return None;
        }
        let (s, rest) = self.text.split_at(len);
        self.text = rest;
        String::from_utf8(s.to_vec()).ok()
    }

    /// A count of at most `max`, then that many items.
    fn list<T>(&mut self, max: usize, mut item: impl FnMut(&mut Self) -> R<T>) -> R<Vec<T>> {
        let n = self.count(max)?;
        (0..n).map(|_| item(self)).collect()
    }

    fn strs(&mut self) -> R<Vec<String>> {
        self.list(MAX_ITEMS, Self::str)
    }

    fn bytes(&mut self) -> R<Vec<u8>> {
        let n = self.count(MAX_CARDS)?;
        if n > self.head.len() {
            return None;
        }
        let (b, rest) = self.head.split_at(n);
        self.head = rest;
        Some(b.to_vec())
    }

    pub(super) fn time(&mut self) -> R<i64> {
        let v = self.num()?;
        let unit = match v & 3 {
            0 => 60_000,
            1 => 1_000,
            2 => 1,
            _ => {
                return if v == 3 { self.signed() } else { None };
            }
        };
        unzigzag(v >> 2).checked_mul(unit)
    }

    fn clock(&mut self, updated_ms: i64) -> R<PhaseClock> {
        let allotted_ms = self.time()?;
        let used_ms = allotted_ms.wrapping_add(self.time()?);
        let flags = self.small(3)?;
        let running_since = if flags & 2 != 0 {
            Some(updated_ms.wrapping_add(self.time()?))
        } else {
            None
        };
        Some(PhaseClock {
            allotted_ms,
            used_ms,
            running_since,
            cued: flags & 1 != 0,
            // Not in a link: the time allotted says it all there.
            added_ms: 0,
        })
    }

    /// An exercise run (format 2); an exercise code this version does not
    /// know makes the session malformed.
    fn run(&mut self, updated_ms: i64) -> R<ExerciseRun> {
        let exercise = ExerciseId::from_code(u8::try_from(self.num()?).ok()?)?;
        let step = self.count(MAX_ITEMS)?;
        let steps = exercise.spec().steps.len();
        let finished = step >= steps;
        Some(ExerciseRun {
            exercise,
            step: if finished { step - steps } else { step },
            finished,
            clocks: self.list(MAX_ITEMS, |r| r.clock(updated_ms))?,
            subject: self.str()?,
            picked: match self.small(u64::from(u8::MAX) + 1)? {
                0 => None,
                v => Some((v - 1) as u8),
            },
            notes: self.strs()?,
            prompts: self.list(MAX_ITEMS, |r| {
                Some(PromptAnswer {
                    card: u8::try_from(r.num()?).ok()?,
                    answer: r.str()?,
                    idea: r.str()?,
                })
            })?,
            turns: self.strs()?,
            ideas: self.list(MAX_ITEMS, Self::idea)?,
            draft_turn: self.str()?,
            draft_idea: self.idea()?,
        })
    }

    fn idea(&mut self) -> R<Idea> {
        Some(Idea {
            from: self.str()?,
            text: self.str()?,
            starred: self.flag()?,
        })
    }

    /// A due date (see `Writer::due`); a day outside years 1000 to 9999 is
    /// malformed.
    fn due(&mut self, created_day: i64) -> R<String> {
        match self.num()? {
            0 => Some(String::new()),
            1 => self.str(),
            v => format_days(created_day.checked_add(unzigzag(v - 2))?),
        }
    }

    /// What became of an action (format 3).
    fn status(&mut self) -> R<ActionStatus> {
        Some(match self.small(3)? {
            0 => ActionStatus::Open,
            1 => ActionStatus::InProgress,
            2 => ActionStatus::Done,
            _ => ActionStatus::Dropped,
        })
    }

    /// A follow-up item (format 3): the previous session's id is an app id,
    /// or empty.
    fn follow_up(&mut self, created_day: i64, people: u64) -> R<FollowUpItem> {
        Some(FollowUpItem {
            session: self.str().filter(|id| id.is_empty() || is_valid_id(id))?,
            action: self.u32()?,
            person: match self.small(people)? {
                0 => None,
                v => Some(v as u8 - 1),
            },
            what: self.str()?,
            due: self.due(created_day)?,
            // Not in a link: the previous session's record has it.
            first_step: String::new(),
            status: self.status()?,
            note: self.str()?,
            carried: self.flag()?,
        })
    }

    /// The next meeting (format 3).
    fn next_meeting(&mut self, created_day: i64) -> R<Option<NextMeeting>> {
        let date = match self.num()? {
            0 => return Some(None),
            v => format_days(created_day.checked_add(unzigzag(v - 1))?)?,
        };
        let time = match self.small(24 * 60)? {
            0 => String::new(),
            v => format!("{:02}:{:02}", (v - 1) / 60, (v - 1) % 60),
        };
        let every_weeks = match self.small(MAX_EVERY_WEEKS.into())? {
            0 => None,
            v => Some(v as u8),
        };
        Some(Some(NextMeeting {
            date,
            time,
            every_weeks,
        }))
    }
}

/// Read a session written by [`super::write_session`] in the layout of
/// `version`; `None` if the bytes are not exactly one well-formed session
/// of that version. The result is not normalized yet.
pub fn read_session(bytes: &[u8], version: LinkVersion) -> Option<Session> {
    let (head_len, n) = get_varint(bytes)?;
    let rest = &bytes[n..];
    let head_len = usize::try_from(head_len)
        .ok()
        .filter(|&l| l <= rest.len())?;
    let (head, text) = rest.split_at(head_len);
    let mut r = Reader { head, text };

    let id = r.str().filter(|id| is_valid_id(id))?;
    let created_ms = r.signed()?;
    let updated_ms = created_ms.wrapping_add(r.time()?);
    let created_day = created_ms.div_euclid(DAY_MS);
    let format = match r.num()? {
        0 => Format::Reciprocal,
        1 => Format::OneWay,
        // The number of turns is the number of halves, read below.
        2 if version >= LinkVersion::V4 => Format::Group(0),
        _ => return None,
    };
    let mut names = vec![r.str()?, r.str()?];
    let total_minutes = r.u32()?;
    let mut plans = [[0u32; 4]; 2];
    for plan in &mut plans {
        for m in plan.iter_mut() {
            *m = r.u32()?;
        }
    }
    let flags = r.small(7)?;
    let rule_count = r.count(MAX_ITEMS)?;
    let mut rules = Vec::with_capacity(rule_count);
    for _ in 0..rule_count {
        let v = r.num()?;
        rules.push(if v == 1 {
            Rule::Custom(r.str()?)
        } else if v % 2 == 0 {
            Rule::Builtin(u8::try_from(v / 2).ok()?)
        } else {
            return None;
        });
    }
    let mut agreement = Agreement {
        rules,
        confirmed: vec![flags & 1 != 0, flags & 2 != 0],
        skipped: flags & 4 != 0,
    };
    // Two halves at most for a pair; a group has a turn for each person.
    let half_count = r.count(if format.is_group() { MAX_GROUP } else { 2 })?;
    let mut turns = Vec::with_capacity(half_count);
    for h in 0..half_count {
        let mut turn = Turn::new(h as u8, plans[h.min(1)]);
        turn.goal = Goal {
            topic: r.str()?,
            outcome: r.str()?,
        };
        turn.reality = r.str()?;
        let option_count = r.count(MAX_ITEMS)?;
        for _ in 0..option_count {
            turn.options.push(CoachOption {
                id: r.u32()?,
                text: r.str()?,
                pros: r.strs()?,
                cons: r.strs()?,
                chosen: r.flag()?,
            });
        }
        let action_count = r.count(MAX_ITEMS)?;
        for _ in 0..action_count {
            let id = r.u32()?;
            let what = r.str()?;
            let owner = match r.num()? {
                1 => Owner::Other(r.str()?),
                // Person A or B; in a group (format 4), any of its people.
                v if v % 2 == 0 => {
                    let most = if format.is_group() { MAX_GROUP - 1 } else { 1 };
                    Owner::Person(
                        u8::try_from(v / 2)
                            .ok()
                            .filter(|&p| usize::from(p) <= most)?,
                    )
                }
                _ => return None,
            };
            let due = r.due(created_day)?;
            turn.actions.push(ActionItem {
                id,
                what,
                owner,
                due,
                first_step: r.str()?,
                status: ActionStatus::Open,
                status_note: String::new(),
            });
        }
        turn.confidence = match r.small(11)? {
            0 => None,
            v => Some(v as u8 - 1),
        };
        turn.raise_note = r.str()?;
        for clock in &mut turn.clocks {
            *clock = r.clock(updated_ms)?;
        }
        for deck in &mut turn.cards {
            *deck = CardState {
                drawn: r.bytes()?,
                pinned: r.bytes()?,
            };
        }
        turns.push(turn);
    }
    let step = match r.num()? {
        0 => Step::Agreement,
        1 => Step::Swap,
        2 => Step::WrapUp,
        v => Step::Phase {
            turn: usize::try_from((v - 3) / 4).ok()?,
            phase: Phase::ALL[((v - 3) % 4) as usize],
        },
    };
    let swap = match r.num()? {
        0 => None,
        1 => Some(SwapChoice::Fit),
        2 => Some(SwapChoice::Keep),
        _ => return None,
    };
    let mut reflections = vec![r.reflection()?, r.reflection()?];
    let next_item = r.u32()?;
    if version >= LinkVersion::V2 {
        for turn in &mut turns {
            turn.exercises = r.list(MAX_EXERCISES_PER_HALF, |r| r.run(updated_ms))?;
        }
    }
    // A follow-up item's person: A or B, or in a group any of its people.
    let people = if format.is_group() { MAX_GROUP } else { 2 } as u64;
    let mut follow_up = Vec::new();
    let mut next_meeting = None;
    let mut check_in = None;
    if version >= LinkVersion::V3 {
        for a in turns.iter_mut().flat_map(|h| &mut h.actions) {
            a.status = r.status()?;
            a.status_note = r.str()?;
        }
        follow_up = r.list(MAX_FOLLOW_UP, |r| r.follow_up(created_day, people))?;
        next_meeting = r.next_meeting(created_day)?;
        check_in = match r.small(1)? {
            0 => None,
            _ => Some(CheckIn {
                keep: r.str()?,
                change: r.str()?,
            }),
        };
    }
    let mut absent = Vec::new();
    let mut format = format;
    let mut step = step;
    if version >= LinkVersion::V4 {
        let more = r.count(MAX_GROUP - 2)?;
        for _ in 0..more {
            names.push(r.str()?);
            reflections.push(r.reflection()?);
            agreement.confirmed.push(r.flag()?);
        }
        for turn in &mut turns {
            turn.client = u8::try_from(r.small(MAX_GROUP as u64 - 1)?).ok()?;
            turn.scribe = match r.small(MAX_GROUP as u64)? {
                0 => None,
                v => Some(v as u8 - 1),
            };
        }
        absent = r.bytes()?;
        if let v @ 1.. = r.num()? {
            step = Step::Turn {
                turn: usize::try_from(v - 1).ok()?,
            };
        }
        if format.is_group() {
            format = Format::Group(u8::try_from(turns.len()).ok()?);
        }
    }
    if !r.head.is_empty() || !r.text.is_empty() {
        return None;
    }
    Some(Session {
        absent,
        id,
        created_ms,
        updated_ms,
        format,
        names,
        total_minutes,
        plans,
        agreement,
        turns,
        step,
        swap,
        reflections,
        next_item,
        follow_up,
        next_meeting,
        check_in,
        // Which copy it is stays on the device that kept it.
        copy_of: None,
        item_lane: None,
        ended_ms: None,
    })
}
