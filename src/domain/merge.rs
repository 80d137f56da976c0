//! Opening a shared link of a session this device already has: what
//! differs, section by section, and the merge the user chooses. Nothing is
//! overwritten silently.
//!
//! A link does not say which version it grew from, so this merge is
//! two-way, with a rule that never drops a local edit: the suggested
//! choice of a section is "this device's" when the link has nothing there
//! or nothing more, "the link's" only when this device has nothing there,
//! and otherwise "both", which keeps every distinct text and item of both
//! (a text that extends the other is kept once, as the longer; an item is
//! matched by its id and its fields joined, never kept twice). Only a date
//! (a due date, the next meeting) and the names and length, which are one
//! value, keep one version: the newer's date, this device's setup. The
//! per-field three-way merge of two tabs is in [`fields`].

use crate::domain::agreement::Rule;
use crate::domain::exercise::ExerciseRun;
use crate::domain::flow::Phase;
use crate::domain::session::{
    ActionItem, ActionStatus, CheckIn, CoachOption, FollowUpItem, Session, Turn,
};

/// A part of a session that can differ between two copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Names, format and length.
    Setup,
    /// "Since last time": the review of the previous plan.
    FollowUp,
    Agreement,
    Phase {
        turn: usize,
        phase: Phase,
    },
    /// The exercises done in a half.
    Exercises {
        turn: usize,
    },
    /// The reflections, the check-in and the next meeting.
    Reflections,
}

/// What to keep of a section that differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Choice {
    /// This device's version.
    #[default]
    Mine,
    /// The version in the link.
    Theirs,
    /// Both, side by side: lists are joined, texts are put one after the
    /// other. Not offered for the setup (names and length), which keeps mine.
    Both,
}

/// The follow-up merged "both": the same previous action reviewed in both
/// copies keeps the review that says something (a status, a note), with
/// both notes; items only theirs has are added.
fn join_follow_up(mine: &mut Vec<FollowUpItem>, theirs: &[FollowUpItem]) {
    for t in theirs {
        match mine
            .iter_mut()
            .find(|m| m.session == t.session && m.action == t.action)
        {
            Some(m) => {
                if m.status == ActionStatus::Open {
                    m.status = t.status;
                }
                m.note = join(&m.note, &t.note, " / ");
                m.carried |= t.carried;
            }
            None => mine.push(t.clone()),
        }
    }
}

/// The exercises of a half merged "both": every run of mine, then each of
/// theirs that differs from all of mine (two versions of one exercise are
/// both kept, the newer last, so it is the one continued).
fn join_runs(mine: &mut Vec<ExerciseRun>, theirs: &[ExerciseRun]) {
    for run in theirs {
        if !mine.contains(run) {
            mine.push(run.clone());
        }
    }
}

/// Every section of a session of this shape, in order.
pub fn sections(session: &Session) -> Vec<Section> {
    let mut out = vec![Section::Setup, Section::FollowUp, Section::Agreement];
    for turn in 0..session.turns.len() {
        out.extend(
            Phase::ALL
                .iter()
                .map(|&phase| Section::Phase { turn, phase }),
        );
        out.push(Section::Exercises { turn });
    }
    out.push(Section::Reflections);
    out
}

fn same_phase(a: &Turn, b: &Turn, phase: Phase) -> bool {
    match phase {
        Phase::Goal => a.goal == b.goal,
        Phase::Reality => a.reality == b.reality,
        Phase::Options => a.options == b.options,
        Phase::Will => {
            a.actions == b.actions && a.confidence == b.confidence && a.raise_note == b.raise_note
        }
    }
}

/// Who writes in each turn of a group (pairs: none).
fn scribes(s: &Session) -> Vec<Option<u8>> {
    s.turns.iter().map(|h| h.scribe).collect()
}

fn same(mine: &Session, theirs: &Session, section: Section) -> bool {
    match section {
        Section::Setup => {
            mine.names == theirs.names
                && mine.format == theirs.format
                && mine.total_minutes == theirs.total_minutes
                && mine.absent == theirs.absent
                && scribes(mine) == scribes(theirs)
        }
        Section::Agreement => mine.agreement == theirs.agreement,
        Section::Phase { turn, phase } => match (mine.turn(turn), theirs.turn(turn)) {
            (Some(a), Some(b)) => same_phase(a, b, phase),
            (None, None) => true,
            _ => false,
        },
        Section::Exercises { turn } => {
            mine.turn(turn).map(|h| &h.exercises) == theirs.turn(turn).map(|h| &h.exercises)
        }
        Section::FollowUp => mine.follow_up == theirs.follow_up,
        Section::Reflections => {
            mine.reflections == theirs.reflections
                && mine.check_in == theirs.check_in
                && mine.next_meeting == theirs.next_meeting
        }
    }
}

/// The sections where the two copies differ (what the user must decide).
pub fn differences(mine: &Session, theirs: &Session) -> Vec<Section> {
    if mine.format != theirs.format {
        // Differently shaped sessions: only the whole can be chosen.
        return vec![Section::Setup];
    }
    sections(mine)
        .into_iter()
        .filter(|&s| !same(mine, theirs, s))
        .collect()
}

/// Two texts side by side: one, the other, or both on separate lines. A
/// text that holds the other whole (one extends the other) is kept alone.
fn join(mine: &str, theirs: &str, separator: &str) -> String {
    let (m, t) = (mine.trim(), theirs.trim());
    match (m.is_empty(), t.is_empty()) {
        (_, true) => mine.to_string(),
        (true, false) => theirs.to_string(),
        _ if m.contains(t) => mine.to_string(),
        _ if t.contains(m) => theirs.to_string(),
        _ => format!("{mine}{separator}{theirs}"),
    }
}

/// Two lists of short texts (pros, cons): mine, then each of theirs not
/// already there.
fn join_list(mine: &mut Vec<String>, theirs: &[String]) {
    for t in theirs {
        if !mine.iter().any(|m| m.trim() == t.trim()) {
            mine.push(t.clone());
        }
    }
}

/// The same option in both versions (the same id): one option with both
/// versions' words.
fn join_option(m: &mut CoachOption, t: &CoachOption) {
    m.text = join(&m.text, &t.text, " / ");
    join_list(&mut m.pros, &t.pros);
    join_list(&mut m.cons, &t.cons);
    m.chosen |= t.chosen;
}

/// The same action in both versions (the same id): one action with both
/// versions' words; the newer version's due date if they differ.
fn join_action(m: &mut ActionItem, t: &ActionItem, theirs_newer: bool) {
    m.what = join(&m.what, &t.what, " / ");
    m.first_step = join(&m.first_step, &t.first_step, " / ");
    m.status_note = join(&m.status_note, &t.status_note, " / ");
    if m.due.trim().is_empty() || (theirs_newer && !t.due.trim().is_empty()) {
        m.due = t.due.clone();
    }
    if m.status == ActionStatus::Open {
        m.status = t.status;
    }
}

/// Is one text the other, extended or cut (or empty)? Then two items with
/// one id are one item edited on a side; otherwise each side added its own
/// item under the same id.
fn related(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
    a.is_empty() || b.is_empty() || a.contains(&b) || b.contains(&a)
}

/// Both versions' items: the same id with a related text is the same item,
/// joined; an item only theirs has is added (under a fresh id when this
/// device has another item under its id).
fn join_items<T: Clone + PartialEq>(
    mine: &mut Vec<T>,
    theirs: &[T],
    id: impl Fn(&T) -> u32,
    text: impl Fn(&T) -> &str,
    set_id: impl Fn(&mut T, u32),
    join_one: impl Fn(&mut T, &T),
    next_id: &mut u32,
) {
    for t in theirs {
        match mine.iter_mut().find(|m| id(m) == id(t)) {
            Some(m) if m == t => {}
            Some(m) if related(text(m), text(t)) => join_one(m, t),
            Some(_) => {
                let mut t = t.clone();
                set_id(&mut t, *next_id);
                *next_id += 1;
                mine.push(t);
            }
            None => mine.push(t.clone()),
        }
    }
}

/// Which lines of each version the other does not have (each line counted
/// as often as it appears), to highlight what differs line by line.
pub fn differing_lines(mine: &[String], theirs: &[String]) -> (Vec<bool>, Vec<bool>) {
    let mark = |these: &[String], other: &[String]| {
        let mut left: Vec<&String> = other.iter().collect();
        these
            .iter()
            .map(|l| match left.iter().position(|o| *o == l) {
                Some(at) => {
                    left.remove(at);
                    false
                }
                None => true,
            })
            .collect()
    };
    (mark(mine, theirs), mark(theirs, mine))
}

fn merge_phase(out: &mut Session, theirs: &Session, turn: usize, phase: Phase, choice: Choice) {
    let Some(t) = theirs.turn(turn).cloned() else {
        return;
    };
    let theirs_newer = theirs.updated_ms > out.updated_ms;
    let mut next_id = out.next_item.max(theirs.next_item);
    let Some(m) = out.turn_mut(turn) else {
        return;
    };
    match (phase, choice) {
        (_, Choice::Mine) => {}
        (Phase::Goal, Choice::Theirs) => m.goal = t.goal,
        (Phase::Reality, Choice::Theirs) => m.reality = t.reality,
        (Phase::Options, Choice::Theirs) => m.options = t.options,
        (Phase::Will, Choice::Theirs) => {
            m.actions = t.actions;
            m.confidence = t.confidence;
            m.raise_note = t.raise_note;
        }
        (Phase::Goal, Choice::Both) => {
            m.goal.topic = join(&m.goal.topic, &t.goal.topic, " / ");
            m.goal.outcome = join(&m.goal.outcome, &t.goal.outcome, "\n");
        }
        (Phase::Reality, Choice::Both) => m.reality = join(&m.reality, &t.reality, "\n\n"),
        (Phase::Options, Choice::Both) => join_items(
            &mut m.options,
            &t.options,
            |o| o.id,
            |o| &o.text,
            |o, id| o.id = id,
            join_option,
            &mut next_id,
        ),
        (Phase::Will, Choice::Both) => {
            join_items(
                &mut m.actions,
                &t.actions,
                |a| a.id,
                |a| &a.what,
                |a, id| a.id = id,
                |m, t| join_action(m, t, theirs_newer),
                &mut next_id,
            );
            m.confidence = m.confidence.or(t.confidence);
            m.raise_note = join(&m.raise_note, &t.raise_note, "\n");
        }
    }
    out.next_item = next_id;
}

/// Merge `theirs` into `mine` as the user chose, section by section. The
/// clocks keep whichever copy ran longer; the step stays this device's.
pub fn merge(mine: &Session, theirs: &Session, choose: impl Fn(Section) -> Choice) -> Session {
    let mut out = mine.clone();
    if mine.format != theirs.format {
        return match choose(Section::Setup) {
            Choice::Theirs => Session {
                step: mine.step,
                ..theirs.clone()
            },
            _ => out,
        };
    }
    for section in differences(mine, theirs) {
        let choice = choose(section);
        match (section, choice) {
            // Names and length are one version or the other: no "both".
            (_, Choice::Mine) | (Section::Setup, Choice::Both) => {}
            (Section::Setup, Choice::Theirs) => {
                out.names = theirs.names.clone();
                out.total_minutes = theirs.total_minutes;
                // A group's people here today and who writes each turn.
                out.absent = theirs.absent.clone();
                for (o, t) in out.turns.iter_mut().zip(&theirs.turns) {
                    o.scribe = t.scribe;
                    // The turns not begun take their time as theirs say.
                    if !o.has_started() {
                        for (oc, tc) in o.clocks.iter_mut().zip(&t.clocks) {
                            oc.allotted_ms = tc.allotted_ms;
                            oc.added_ms = tc.added_ms;
                        }
                    }
                }
            }
            (Section::Agreement, Choice::Theirs) => out.agreement = theirs.agreement.clone(),
            (Section::Agreement, Choice::Both) => {
                for rule in &theirs.agreement.rules {
                    if !out.agreement.rules.contains(rule) {
                        out.agreement.rules.push(rule.clone());
                    }
                }
                let a = &mut out.agreement;
                a.skipped |= theirs.agreement.skipped;
                // Added rules have not been agreed by both yet.
                if a.rules.len() != mine.agreement.rules.len() {
                    a.reset_confirmations();
                }
            }
            (Section::Phase { turn, phase }, choice) => {
                merge_phase(&mut out, theirs, turn, phase, choice)
            }
            (Section::Exercises { turn }, choice) => {
                let theirs_runs = theirs.turn(turn).map(|h| h.exercises.as_slice());
                if let (Some(m), Some(t)) = (out.turn_mut(turn), theirs_runs) {
                    if choice == Choice::Theirs {
                        m.exercises = t.to_vec();
                    } else {
                        join_runs(&mut m.exercises, t);
                    }
                }
            }
            (Section::FollowUp, Choice::Theirs) => {
                // What was carried into this plan stays carried: the action
                // is in the plan, and carrying again would add it twice.
                let carried_here = |t: &FollowUpItem| {
                    mine.follow_up
                        .iter()
                        .any(|m| m.carried && m.session == t.session && m.action == t.action)
                };
                out.follow_up = theirs.follow_up.clone();
                for t in &mut out.follow_up {
                    t.carried |= carried_here(t);
                }
            }
            (Section::FollowUp, Choice::Both) => {
                join_follow_up(&mut out.follow_up, &theirs.follow_up)
            }
            (Section::Reflections, Choice::Theirs) => {
                out.reflections = theirs.reflections.clone();
                out.check_in = theirs.check_in.clone();
                out.next_meeting = theirs.next_meeting.clone();
            }
            (Section::Reflections, Choice::Both) => {
                for (m, t) in out.reflections.iter_mut().zip(&theirs.reflections) {
                    m.useful = m.useful.or(t.useful);
                    m.sentence = join(&m.sentence, &t.sentence, " ");
                }
                out.check_in = match (out.check_in.take(), &theirs.check_in) {
                    (Some(m), Some(t)) => Some(CheckIn {
                        keep: join(&m.keep, &t.keep, "\n"),
                        change: join(&m.change, &t.change, "\n"),
                    }),
                    (m, t) => m.or_else(|| t.clone()),
                };
                // One meeting at a time: the newer copy's, if it set one.
                let theirs_newer = theirs.updated_ms > mine.updated_ms;
                if theirs.next_meeting.is_some() && (theirs_newer || out.next_meeting.is_none()) {
                    out.next_meeting = theirs.next_meeting.clone();
                }
            }
        }
    }
    // A clock that runs here keeps running; otherwise the copy that ran
    // longer wins (a clock running in theirs counts up to when it was sent).
    let sent = theirs.updated_ms;
    for (m, t) in out.turns.iter_mut().zip(&theirs.turns) {
        for (mc, tc) in m.clocks.iter_mut().zip(&t.clocks) {
            let theirs_ran = tc.elapsed(sent);
            if !mc.is_running() && theirs_ran > mc.used_ms {
                *mc = tc.clone();
                mc.used_ms = theirs_ran;
                mc.running_since = None;
            }
        }
    }
    out.swap = out.swap.or(theirs.swap);
    out.updated_ms = mine.updated_ms.max(theirs.updated_ms);
    out.normalize();
    out
}

/// The first choice offered for a section, one that never drops a local
/// edit: the link's version where this device has nothing there, this
/// device's where the link has nothing (or for the names and length),
/// otherwise both.
pub fn suggested(mine: &Session, theirs: &Session, section: Section) -> Choice {
    let empty = |s: &Session| match section {
        Section::Phase { turn, phase } => s.turn(turn).is_none_or(|h| match phase {
            Phase::Goal => h.goal.topic.trim().is_empty() && h.goal.outcome.trim().is_empty(),
            Phase::Reality => h.reality.trim().is_empty(),
            Phase::Options => h.options.is_empty(),
            Phase::Will => {
                h.actions.is_empty() && h.confidence.is_none() && h.raise_note.trim().is_empty()
            }
        }),
        Section::Exercises { turn } => s.turn(turn).is_none_or(|h| h.exercises.is_empty()),
        Section::Reflections => {
            s.reflections
                .iter()
                .all(|r| r.useful.is_none() && r.sentence.trim().is_empty())
                && s.check_in.is_none()
                && s.next_meeting.is_none()
        }
        Section::FollowUp => s
            .follow_up
            .iter()
            .all(|f| f.status == ActionStatus::Open && f.note.trim().is_empty() && !f.carried),
        Section::Agreement => s
            .agreement
            .rules
            .iter()
            .all(|r| matches!(r, Rule::Custom(t) if t.trim().is_empty())),
        Section::Setup => false,
    };
    match (empty(mine), empty(theirs)) {
        (_, true) | (false, false) if section == Section::Setup => Choice::Mine,
        (true, false) => Choice::Theirs,
        (false, true) => Choice::Mine,
        _ => Choice::Both,
    }
}

pub mod registers;

#[cfg(test)]
mod tests;
