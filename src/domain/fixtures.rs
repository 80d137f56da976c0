//! Test and benchmark data built in the app's own model.
//!
//! [`reference_session`] is the reference session of the design notes
//! (`shared/reference-session.md`): a complete reciprocal session between
//! Amara and Jonas, with every text verbatim. The share-link budget and the
//! golden links are measured on it, so it must never change.
//! [`reference_session_with_exercises`] adds exercise results to it (the
//! golden links of format 2); it must never change either. Nor must
//! [`reference_session_followed_up`], the pair's next session a week later
//! (the golden links of format 3).

use crate::domain::exercise::{ExerciseId, PromptAnswer};
use crate::domain::flow::{Phase, Step};
use crate::domain::session::{Owner, Reflection, Session, Setup, Side};
use crate::domain::timer::MINUTE_MS;

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
    let mut s = Session::new("ref-2026-03-10".into(), REFERENCE_CREATED_MS, &setup);
    s.agreement.confirmed = vec![true, true];
    let now = play(&mut s, &ROUNDS, REFERENCE_CREATED_MS);
    s.go_to(Step::WrapUp, now);
    // As a link carries it: when this device reached the wrap-up is its own.
    s.ended_ms = None;
    s.reflections = vec![
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

/// Run every phase of both halves from `now`, each to exactly its time,
/// writing in what `rounds` says; returns when the last phase ended.
fn play(s: &mut Session, rounds: &[Round], mut now: i64) -> i64 {
    for (h, round) in rounds.iter().enumerate() {
        for phase in Phase::ALL {
            let step = Step::Phase { turn: h, phase };
            s.go_to(step, now);
            s.start_clock(now);
            match phase {
                Phase::Goal => {
                    if let Some(turn) = s.turn_mut(h) {
                        turn.goal.topic = round.topic.into();
                        turn.goal.outcome = round.outcome.into();
                    }
                }
                Phase::Reality => {
                    if let Some(turn) = s.turn_mut(h) {
                        turn.reality = round.reality.into();
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
                    if let Some(turn) = s.turn_mut(h) {
                        turn.raise_note = round.raise_note.into();
                    }
                }
            }
            now += s.current_clock().map_or(0, |c| c.allotted_ms);
            s.take_cue(now);
            s.pause_clock(now);
        }
    }
    now
}

/// When the reference group session was created: 2026-03-24 14:00 UTC.
pub const GROUP_CREATED_MS: i64 = REFERENCE_CREATED_MS + 14 * 86_400_000 + 5 * 3_600_000;

/// The reference group session: Amara, Jonas, Mia, Lee and Sam, 75
/// minutes, everyone a turn as client (15 minutes each). Amara's and
/// Jonas's turns ran to exactly their time with the reference session's
/// content (Jonas's second action is Lee's to do); then Mia could not come
/// after all (her turn skipped, the 45 minutes left shared by Lee and Sam),
/// Sam writes for Lee instead of Mia, two reflections are in, and the group
/// is at the start of Lee's turn. The golden links of format 4 are made of
/// it: it must never change.
pub fn reference_group_session() -> Session {
    let mut setup = Setup::default();
    setup.set_format(crate::domain::flow::Format::Group(0));
    setup.members = ["Amara", "Jonas", "Mia", "Lee", "Sam"]
        .map(String::from)
        .to_vec();
    setup.set_everyone(true);
    setup.set_total(75);
    let mut s = Session::new("grp-2026-03-24".into(), GROUP_CREATED_MS, &setup);
    // Everyone agreed but Mia, who had not come.
    s.agreement.confirmed = vec![true, true, false, true, true];
    let now = play(&mut s, &ROUNDS, GROUP_CREATED_MS);
    let lees = s.turns[1].actions[1].id;
    s.edit_action(1, lees, |a| a.owner = Owner::Person(3));
    s.set_absent(2, true, now);
    s.set_scribe(3, 4);
    s.go_to(Step::Turn { turn: 3 }, now);
    s.reflections[0] = Reflection {
        useful: Some(5),
        sentence: "Five people asking questions gave me five ways in.".into(),
    };
    s.reflections[4] = Reflection {
        useful: Some(4),
        sentence: "Writing for Lee taught me to listen for the verbs.".into(),
    };
    s.updated_ms = now;
    s
}

/// When a phase of the reference session started (every phase ran exactly
/// its time, one after the other).
fn phase_start(s: &Session, turn: usize, phase: Phase) -> i64 {
    let before: i64 = s
        .turns
        .iter()
        .flat_map(|h| h.clocks.iter())
        .take(turn * 4 + phase.index())
        .map(|c| c.allotted_ms)
        .sum();
    s.created_ms + before
}

/// The reference session with the exercises the pair did on the way: a
/// what-if run in Amara's Options phase (three prompts answered, two with
/// a new idea, and an action noted), then in Jonas's half a role play of
/// a picked scenario during Will, after a FeedForward round in Options
/// (three ideas, one starred). Every exercise clock ran and is paused.
pub fn reference_session_with_exercises() -> Session {
    let mut s = reference_session();

    let mut now = phase_start(&s, 0, Phase::Options) + 2 * MINUTE_MS;
    let what_if = s.turns[0].open_exercise(ExerciseId::WhatIf);
    what_if.subject = "Getting the two newest hires to speak in the weekly meeting".into();
    what_if.start_clock(now);
    now += MINUTE_MS;
    what_if.next(now);
    for (card, answer, idea) in [
        (
            2,
            "I would drop the status round and ask for updates in writing the day before.",
            "Status updates in writing, so the meeting is for discussion",
        ),
        (
            5,
            "If the senior engineers agreed at once, I would ask them to invite the new \
             hires in, not just to hold back.",
            "Ask the seniors for help instead of asking them to talk less",
        ),
        (
            13,
            "I would ask each new hire one direct question they can prepare for.",
            "",
        ),
    ] {
        what_if.prompts.push(PromptAnswer {
            card,
            answer: answer.into(),
            idea: idea.into(),
        });
    }
    now += 9 * MINUTE_MS;
    what_if.next(now);
    what_if.set_note(
        2,
        "Ask both seniors on Monday to invite one quieter person each into the discussion.".into(),
    );
    now += 2 * MINUTE_MS;
    what_if.pause_clock(now);

    let mut now = phase_start(&s, 1, Phase::Options) + MINUTE_MS;
    let feedforward = s.turns[1].open_exercise(ExerciseId::FeedForward);
    feedforward.subject = "Saying no without over-explaining".into();
    feedforward.start_clock(now);
    now += 2 * MINUTE_MS;
    feedforward.next(now);
    now += MINUTE_MS;
    feedforward.next(now);
    feedforward.draft_idea.from = "Amara".into();
    for text in [
        "Give the reason once, in one sentence, and then stop talking.",
        "Keep a list of what you already promised this week and show it when asked.",
        "Say you will check your week and answer by noon, instead of on the spot.",
    ] {
        feedforward.draft_idea.text = text.into();
        feedforward.add_idea();
    }
    feedforward.toggle_star(0);
    now += 5 * MINUTE_MS;
    feedforward.next(now);
    feedforward.set_note(
        3,
        "Try the one-sentence reason with the next three requests.".into(),
    );
    now += MINUTE_MS;
    feedforward.pause_clock(now);

    let mut now = phase_start(&s, 1, Phase::Will) + MINUTE_MS;
    let role_play = s.turns[1].open_exercise(ExerciseId::RolePlay);
    // "Saying no to an extra request from a senior person".
    role_play.pick(4);
    role_play.start_clock(now);
    now += MINUTE_MS;
    role_play.next(now);
    role_play.set_note(
        1,
        "Friday morning at Jonas's desk. Amara plays Priya, the sales lead, asking for \
         \"only ten minutes\" on a customer report; Jonas tries the trade-off sentence."
            .into(),
    );
    for minutes in [2, 3, 2] {
        now += minutes * MINUTE_MS;
        role_play.next(now);
    }
    role_play.set_note(
        4,
        "Naming the cost first felt less rude than I expected. Offer the Thursday slot in \
         the same breath, and do not apologise twice."
            .into(),
    );
    now += 3 * MINUTE_MS;
    role_play.pause_clock(now);
    s
}

/// 2026-03-17 09:00 in Europe (UTC+1): a week after the reference session.
pub const FOLLOWED_UP_CREATED_MS: i64 = REFERENCE_CREATED_MS + 7 * 86_400_000;

/// The second session of Amara and Jonas, a week after the reference one.
const FOLLOWED_UP_ROUNDS: [Round; 2] = [
    Round {
        topic: "Keeping the quieter people speaking once the new format is no longer new",
        outcome: "One habit I keep up myself, without the board",
        reality: "I tried the silent writing round at Friday's stand-up: both new hires wrote \
                  two items each, and one of them spoke to hers. The senior engineers still \
                  answer first in the open discussion. Today's meeting is the real test.",
        options: &[
            (
                "Ask each senior engineer to invite one quieter person into the discussion.",
                &["uses their standing to help."],
                &["they may forget after a week."],
                true,
            ),
            (
                "Ask whoever wrote an item to present it.",
                &["a clear moment to speak."],
                &["can feel like being put on the spot."],
                true,
            ),
            ("Drop the board once everyone speaks up.", &[], &[], false),
        ],
        actions: &[
            (
                "Ask both seniors on Monday to invite one quieter person each",
                "2026-03-23",
            ),
            (
                "Keep the board for four more meetings, then ask the team about it",
                "2026-04-14",
            ),
        ],
        confidence: 8,
        raise_note: "",
    },
    Round {
        topic: "Handling the urgent requests that do not fit any slot",
        outcome: "A rule for what counts as urgent",
        reality: "The office hour never happened: the sales leads asked for a shared channel \
                  instead, and it works for most questions. Two requests a week still come \
                  by direct message, marked urgent. I said yes to both last week.",
        options: &[
            (
                "Agree with the sales leads what urgent means, in writing.",
                &["the rule is theirs too."],
                &["takes a meeting to agree."],
                true,
            ),
            (
                "Answer urgent messages only in the shared channel.",
                &["everyone sees the load."],
                &["feels cold to people I like."],
                true,
            ),
            (
                "Keep saying yes and track the hours for a month.",
                &["numbers for my manager."],
                &["another month of lost Fridays."],
                false,
            ),
        ],
        actions: &[
            (
                "Send the sales leads a one-line definition of urgent",
                "2026-03-20",
            ),
            (
                "Pin the channel's rules at the top of the shared channel",
                "",
            ),
        ],
        confidence: 6,
        raise_note: "knowing the sales leads agree",
    },
];

/// The second session of Amara and Jonas, a week after the reference
/// session (2026-03-17 09:00, UTC+1), as the app starts it: its follow-up
/// reviews the reference session's plan, where the agenda and the silent
/// writing round are done (with notes), the office hour was dropped and the
/// trade-off sentence is in progress and carried into this plan (Jonas's
/// first action, still in progress). Jonas pinned the channel's rules
/// during the session (done). Then both halves run to exactly their time,
/// and at the wrap-up the pair meets next on 2026-03-31 at 09:00, every two
/// weeks. The golden links of format 3 are made of it: it must never
/// change.
pub fn reference_session_followed_up() -> Session {
    use crate::domain::followup::{follow_up_of, NextMeeting};
    use crate::domain::session::ActionStatus;

    let setup = Setup {
        names: ["Amara".into(), "Jonas".into()],
        ..Setup::default()
    };
    let mut s = Session::new("ref-2026-03-17".into(), FOLLOWED_UP_CREATED_MS, &setup);
    s.follow_up = follow_up_of(&reference_session(), &s.names);
    for (at, status, note) in [
        (
            0,
            ActionStatus::Done,
            "Sent on Monday; five of the eight added an item.",
        ),
        (
            1,
            ActionStatus::Done,
            "Tried it at Friday's stand-up; both new hires wrote on the board.",
        ),
        (
            2,
            ActionStatus::Dropped,
            "The sales leads preferred a shared channel to a fixed hour.",
        ),
        (
            3,
            ActionStatus::InProgress,
            "Used it for three of five requests; two came as urgent.",
        ),
    ] {
        s.edit_follow_up(at, |item| {
            item.status = status;
            item.note = note.into();
        });
    }
    let carried = s.carry_follow_up(3, None);
    s.agreement.confirmed = vec![true, true];
    let now = play(&mut s, &FOLLOWED_UP_ROUNDS, FOLLOWED_UP_CREATED_MS);
    if let Some(id) = carried {
        s.edit_action(1, id, |a| {
            a.status = ActionStatus::InProgress;
            a.status_note = "Two more weeks, counting the requests it moves.".into();
        });
    }
    if let Some(id) = s.turns[1].actions.last().map(|a| a.id) {
        s.edit_action(1, id, |a| {
            a.status = ActionStatus::Done;
            a.status_note = "Pinned during the session.".into();
        });
    }
    s.go_to(Step::WrapUp, now);
    // As a link carries it: when this device reached the wrap-up is its own.
    s.ended_ms = None;
    s.next_meeting = Some(NextMeeting {
        date: "2026-03-31".into(),
        time: "09:00".into(),
        every_weeks: Some(2),
    });
    s.reflections = vec![
        Reflection {
            useful: Some(4),
            sentence: "Starting from last week's plan made this one start fast.".into(),
        },
        Reflection {
            useful: Some(5),
            sentence: "Dropping the office hour felt like failing until we wrote down why.".into(),
        },
    ];
    s.updated_ms = now;
    s
}

/// A long history on one device, for benchmarks and tests of the history,
/// the journal and backups: `sessions` reciprocal sessions of one person
/// ("Robin") with a dozen partners in turn, spread over about three years
/// from 2023-03-01, each with 3 to 6 actions in various states (the
/// follow-up of the pair's previous plan included), and `entries` journal
/// entries over the same years, half of them about an action. The same
/// arguments always give the same data, normalized as a record holds it.
pub fn large_history(
    sessions: usize,
    entries: usize,
) -> (Vec<Session>, Vec<crate::domain::journal::JournalEntry>) {
    use crate::domain::followup::{follow_up_of, ActionStatus};
    use crate::domain::journal::{self, ActionRef, JournalEntry, JOURNAL_PROMPTS};

    const START_MS: i64 = 1_677_628_800_000; // 2023-03-01T00:00:00Z
    const SPAN_MS: i64 = 1_095 * 24 * 60 * MINUTE_MS;
    const PARTNERS: [&str; 12] = [
        "Amara", "Jonas", "Mia", "Sam", "Priya", "Lukas", "Chen", "Fatima", "Noah", "Elena",
        "Kofi", "Yuki",
    ];
    const TOPICS: [&str; 10] = [
        "Getting quieter people to speak up in meetings",
        "Saying no to extra requests",
        "Preparing a difficult conversation with my manager",
        "Delegating more of the release work",
        "Finding time for deep work",
        "Giving feedback to a senior colleague",
        "Deciding whether to apply for the lead role",
        "Onboarding two new hires well",
        "Keeping a side project going",
        "Running better retrospectives",
    ];
    const ACTIONS: [&str; 8] = [
        "Send the agenda a day early",
        "Ask for one item from each person",
        "Block two mornings a week",
        "Write down the trade-off sentence",
        "Book half an hour with my manager",
        "Try a silent writing round",
        "Ask Sam how the last release felt",
        "Draft the proposal and share it",
    ];
    const STATUSES: [ActionStatus; 4] = [
        ActionStatus::Done,
        ActionStatus::InProgress,
        ActionStatus::Dropped,
        ActionStatus::Open,
    ];
    // A small linear congruential generator: the same numbers every run.
    let mut seed: u64 = 0x5eed_c0ac;
    let mut next = move |n: usize| -> usize {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let step = |i: usize, n: usize| START_MS + SPAN_MS / n.max(1) as i64 * i as i64;

    let mut out: Vec<Session> = Vec::with_capacity(sessions);
    for i in 0..sessions {
        let partner = PARTNERS[i % PARTNERS.len()];
        let setup = Setup {
            names: ["Robin".into(), partner.into()],
            ..Setup::default()
        };
        let created = step(i, sessions) + next(10 * 60) as i64 * MINUTE_MS;
        let mut s = Session::new(format!("hist-{i:05}"), created, &setup);
        s.agreement.confirmed = vec![true, true];
        if let Some(prev) = out.iter().rev().find(|p| p.names == s.names) {
            s.follow_up = follow_up_of(prev, &s.names);
            for item in &mut s.follow_up {
                item.status = STATUSES[next(4)];
            }
        }
        for h in 0..2 {
            s.turns[h].goal.topic = TOPICS[next(TOPICS.len())].into();
            s.turns[h].goal.outcome = "One thing to try before we meet again".into();
            s.turns[h].reality = format!(
                "It has come up {} times this month; I tried a few things already.",
                1 + next(5)
            );
            for o in 0..2 + next(3) {
                if let Some(id) = s.add_option(h, format!("Option {} for {partner}", o + 1)) {
                    if o == 0 {
                        s.toggle_chosen(h, id);
                    }
                }
            }
            s.set_confidence(h, Some(4 + next(7) as u8));
        }
        for a in 0..3 + next(4) {
            let h = a % 2;
            let what = ACTIONS[next(ACTIONS.len())];
            let status = STATUSES[next(4)];
            let due = journal::utc_date(created + (7 + next(21)) as i64 * 24 * 60 * MINUTE_MS);
            if let Some(id) = s.add_action(h) {
                s.edit_action(h, id, |item| {
                    item.what = what.into();
                    item.owner = Owner::Person(h as u8);
                    item.due = due;
                    item.first_step = "Open the calendar".into();
                    item.status = status;
                    if status == ActionStatus::Dropped {
                        item.status_note = "Not worth it after all".into();
                    }
                });
            }
        }
        s.go_to(Step::WrapUp, created);
        // As a link carries it: when this device reached the wrap-up is its own.
        s.ended_ms = None;
        s.reflections = vec![
            Reflection {
                useful: Some(3 + next(3) as u8),
                sentence: "Saying it out loud helped.".into(),
            },
            Reflection {
                useful: Some(3 + next(3) as u8),
                sentence: String::new(),
            },
        ];
        s.updated_ms = created + 60 * MINUTE_MS;
        s.normalize();
        out.push(s);
    }

    let journal = (0..entries)
        .map(|i| {
            let created = step(i, entries) + next(12 * 60) as i64 * MINUTE_MS;
            let mut e = JournalEntry::new(
                format!("jour-{i:05}"),
                created,
                journal::utc_date(created),
                (i % JOURNAL_PROMPTS as usize) as u8,
            );
            e.tried = ACTIONS[next(ACTIONS.len())].into();
            e.went = [
                "Better than expected",
                "Awkward at first",
                "It did not happen",
            ][next(3)]
            .into();
            if i % 3 == 0 {
                e.learned = "Asking early makes it easier for everyone.".into();
            }
            if i % 4 == 0 {
                e.prompt_answer = "That I had more time than I thought.".into();
            }
            // About an action of a session before it, every other entry.
            let before = out.partition_point(|s| s.created_ms <= created);
            if i % 2 == 0 && before > 0 {
                let s = &out[next(before)];
                if let Some(a) = s.turns.iter().flat_map(|h| &h.actions).next() {
                    e.action = Some(ActionRef {
                        session: s.id.clone(),
                        action: a.id,
                    });
                }
            }
            e.updated_ms = created + next(3 * 24 * 60) as i64 * MINUTE_MS;
            e.normalize();
            e
        })
        .collect();
    (out, journal)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for turn in &s.turns {
            for clock in &turn.clocks {
                assert!(!clock.is_running() && clock.cued);
                assert_eq!(clock.used_ms, clock.allotted_ms);
            }
        }
        assert_eq!(s.turns[0].options.len(), 4);
        assert_eq!(s.turns[1].options.len(), 3);
        assert_eq!(s.turns[0].chosen_options().count(), 2);
        assert_eq!(s.turns[1].actions[1].due, "");
        assert_eq!(s.turns[0].raise_note, "a dry run with Jonas");
        assert_eq!(s.next_item, 12);
        let mut normalized = s.clone();
        normalized.normalize();
        assert_eq!(normalized, s);
    }

    #[test]
    fn the_followed_up_session_reviews_the_reference_plan() {
        use crate::domain::session::ActionStatus::{Done, Dropped, InProgress, Open};
        let s = reference_session_followed_up();
        let reference = reference_session();
        assert_eq!(s.created_ms - reference.created_ms, 7 * 24 * 60 * MINUTE_MS);
        assert_eq!(s.step, Step::WrapUp);
        assert_eq!(s.updated_ms - s.created_ms, 60 * MINUTE_MS);
        let reviewed: Vec<_> = s
            .follow_up
            .iter()
            .map(|i| (i.session.as_str(), i.person, i.status, i.carried))
            .collect();
        let id = reference.id.as_str();
        assert_eq!(
            reviewed,
            [
                (id, Some(0), Done, false),
                (id, Some(0), Done, false),
                (id, Some(1), Dropped, false),
                (id, Some(1), InProgress, true),
            ]
        );
        assert!(s.follow_up.iter().all(|i| !i.note.is_empty()));
        assert_eq!(s.follow_up[0].due, "2026-03-16");
        let statuses: Vec<Vec<_>> = s
            .turns
            .iter()
            .map(|h| h.actions.iter().map(|a| a.status).collect())
            .collect();
        assert_eq!(statuses, [vec![Open, Open], vec![InProgress, Open, Done]]);
        let carried = &s.turns[1].actions[0];
        assert_eq!(carried.what, s.follow_up[3].what);
        assert_eq!(carried.owner, Owner::Person(1));
        let meeting = s.next_meeting.clone().unwrap();
        assert_eq!(
            (
                meeting.date.as_str(),
                meeting.time.as_str(),
                meeting.every_weeks
            ),
            ("2026-03-31", "09:00", Some(2))
        );
        let mut normalized = s.clone();
        normalized.normalize();
        assert_eq!(normalized, s);
    }

    #[test]
    fn the_group_session_skips_mias_turn_and_shares_its_time() {
        let s = reference_group_session();
        assert_eq!(s.format, crate::domain::flow::Format::Group(5));
        assert_eq!(s.absent, vec![2]);
        assert!(s.is_skipped(2));
        assert_eq!(s.turn_plan(), vec![15, 15, 0, 23, 22]);
        assert_eq!(s.turns[3].scribe, Some(4));
        assert_eq!(s.turns[1].actions[1].owner, Owner::Person(3));
        assert_eq!(s.step, Step::Turn { turn: 3 });
        let mut normalized = s.clone();
        normalized.normalize();
        assert_eq!(normalized, s, "the fixture is already normal");
    }

    #[test]
    fn exercises_come_on_top_of_the_reference_session() {
        let s = reference_session_with_exercises();
        let mut without = s.clone();
        for turn in &mut without.turns {
            turn.exercises.clear();
        }
        assert_eq!(without, reference_session());
        let runs: Vec<_> = s
            .turns
            .iter()
            .map(|h| h.exercises.iter().map(|r| r.exercise).collect::<Vec<_>>())
            .collect();
        assert_eq!(
            runs,
            [
                vec![ExerciseId::WhatIf],
                vec![ExerciseId::FeedForward, ExerciseId::RolePlay]
            ]
        );
        let what_if = &s.turns[0].exercises[0];
        assert_eq!(what_if.prompts.len(), 3);
        assert_eq!(what_if.clocks[1].used_ms, 9 * MINUTE_MS);
        let feedforward = &s.turns[1].exercises[0];
        assert_eq!(feedforward.ideas.len(), 3);
        assert_eq!(feedforward.ideas.iter().filter(|i| i.starred).count(), 1);
        let role_play = &s.turns[1].exercises[1];
        assert_eq!(role_play.picked, Some(4));
        assert!(role_play.clocks.iter().all(|c| !c.is_running()));
        assert_eq!(role_play.clocks[4].used_ms, 3 * MINUTE_MS);
        let mut normalized = s.clone();
        normalized.normalize();
        assert_eq!(normalized, s);
    }
}
