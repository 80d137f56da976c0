//! Property tests: any session survives a plain and an encrypted link, and
//! no text whatsoever makes the decoder panic.

// Native only: the reference cryptography and proptest are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

mod share_common;

use peer_coach::domain::agreement::{Agreement, Rule};
use peer_coach::domain::deck::CardState;
use peer_coach::domain::exercise::{ExerciseId, ExerciseRun, Idea, PromptAnswer};
use peer_coach::domain::flow::{Format, Phase, Step};
use peer_coach::domain::followup::{CheckIn, FollowUpItem, NextMeeting};
use peer_coach::domain::session::{
    ActionItem, ActionStatus, CoachOption, Goal, Owner, Reflection, Session, SwapChoice, Turn,
};
use peer_coach::domain::share::{
    decode, encode_session, lock, sanitize, unlock, Decoded, Envelope, LinkError, LinkVersion,
};
use peer_coach::domain::timer::PhaseClock;
use proptest::prelude::*;
use share_common::RustCipher;

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "\\PC{0,40}",
        2 => "[a-zA-Z ,.;'\"!?-]{0,80}",
        1 => Just("<script>alert('x')</script>".to_string()),
        1 => Just("\"; DROP TABLE sessions; --".to_string()),
        1 => Just("Zoë 中文 العربية 🙂 \u{200B}\u{FEFF}\n\ttabs".to_string()),
        1 => Just(String::new()),
    ]
    .boxed()
}

fn due() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        (1000u32..=9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (2026u32..2027, 1u32..=12, 29u32..=31)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        text(),
    ]
    .boxed()
}

fn clock() -> BoxedStrategy<PhaseClock> {
    (
        prop_oneof![(0i64..200).prop_map(|m| m * 60_000), any::<i64>()],
        prop_oneof![0i64..4_000_000, any::<i64>()],
        proptest::option::of(any::<i64>()),
        any::<bool>(),
        // Time given by hand: this device's own, never in a link.
        prop_oneof![Just(0i64), (1i64..5).prop_map(|m| m * 60_000)],
    )
        .prop_map(
            |(allotted_ms, used_ms, running_since, cued, added_ms)| PhaseClock {
                allotted_ms,
                used_ms,
                running_since,
                cued,
                added_ms,
            },
        )
        .boxed()
}

fn deck() -> BoxedStrategy<CardState> {
    (
        proptest::collection::vec(any::<u8>(), 0..14),
        proptest::collection::vec(any::<u8>(), 0..5),
    )
        .prop_map(|(drawn, pinned)| CardState { drawn, pinned })
        .boxed()
}

fn option() -> BoxedStrategy<CoachOption> {
    (
        any::<u32>(),
        text(),
        proptest::collection::vec(text(), 0..4),
        proptest::collection::vec(text(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(id, text, pros, cons, chosen)| CoachOption {
            id: id % 100_000,
            text,
            pros,
            cons,
            chosen,
        })
        .boxed()
}

fn action() -> BoxedStrategy<ActionItem> {
    (
        any::<u32>(),
        text(),
        prop_oneof![
            any::<u8>().prop_map(Owner::Person),
            text().prop_map(Owner::Other)
        ],
        due(),
        text(),
        status(),
        text(),
    )
        .prop_map(
            |(id, what, owner, due, first_step, status, status_note)| ActionItem {
                id: id % 100_000,
                what,
                owner,
                due,
                first_step,
                status,
                status_note,
            },
        )
        .boxed()
}

fn status() -> impl Strategy<Value = ActionStatus> {
    proptest::sample::select(ActionStatus::ALL.to_vec())
}

fn follow_up_item() -> BoxedStrategy<FollowUpItem> {
    (
        // App ids, none, or any text (sanitizing forgets what is no id).
        prop_oneof!["[a-zA-Z0-9_-]{1,64}", Just(String::new()), text()],
        any::<u32>(),
        proptest::option::of(prop_oneof![0u8..2, any::<u8>()]),
        text(),
        due(),
        status(),
        text(),
        any::<bool>(),
    )
        .prop_map(
            |(session, action, person, what, due, status, note, carried)| FollowUpItem {
                session,
                action,
                person,
                what,
                due,
                // Not carried by a link (the previous session has it).
                first_step: String::new(),
                status,
                note,
                carried,
            },
        )
        .boxed()
}

/// Next meetings, some of which sanitizing repairs (a time that is no
/// `HH:MM`, weeks out of range) or drops (a date that is none, or not
/// written canonically).
fn next_meeting() -> BoxedStrategy<NextMeeting> {
    (
        prop_oneof![
            4 => (1000u32..=9999, 1u32..=12, 1u32..=31)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            1 => Just("2026-+3-16".to_string()),
            1 => due(),
        ],
        prop_oneof![
            3 => "([01][0-9]|2[0-3]):[0-5][0-9]",
            1 => Just(String::new()),
            1 => Just("24:00".to_string()),
            1 => text(),
        ],
        proptest::option::of(prop_oneof![1u8..=12, any::<u8>()]),
    )
        .prop_map(|(date, time, every_weeks)| NextMeeting {
            date,
            time,
            every_weeks,
        })
        .boxed()
}

fn idea() -> BoxedStrategy<Idea> {
    (text(), text(), any::<bool>())
        .prop_map(|(from, text, starred)| Idea {
            from,
            text,
            starred,
        })
        .boxed()
}

fn run() -> BoxedStrategy<ExerciseRun> {
    (
        (
            proptest::sample::select(ExerciseId::ALL.to_vec()),
            prop_oneof![0usize..6, any::<usize>()],
            proptest::collection::vec(clock(), 0..7),
            text(),
            proptest::option::of(any::<u8>()),
            any::<bool>(),
        ),
        (
            proptest::collection::vec(text(), 0..7),
            proptest::collection::vec(
                (prop_oneof![0u8..30, any::<u8>()], text(), text())
                    .prop_map(|(card, answer, idea)| PromptAnswer { card, answer, idea }),
                0..5,
            ),
            proptest::collection::vec(text(), 0..5),
            proptest::collection::vec(idea(), 0..5),
            text(),
            idea(),
        ),
    )
        .prop_map(
            |(
                (exercise, step, clocks, subject, picked, finished),
                (notes, prompts, turns, ideas, draft_turn, draft_idea),
            )| ExerciseRun {
                exercise,
                step,
                clocks,
                subject,
                picked,
                notes,
                prompts,
                turns,
                ideas,
                draft_turn,
                draft_idea,
                finished,
            },
        )
        .boxed()
}

fn turn() -> BoxedStrategy<Turn> {
    (
        (text(), text(), text()),
        proptest::collection::vec(option(), 0..25),
        proptest::collection::vec(action(), 0..12),
        proptest::option::of(any::<u8>()),
        text(),
        proptest::array::uniform4(clock()),
        proptest::array::uniform4(deck()),
        proptest::collection::vec(run(), 0..3),
    )
        .prop_map(
            |(
                (topic, outcome, reality),
                options,
                actions,
                confidence,
                raise_note,
                clocks,
                cards,
                exercises,
            )| {
                Turn {
                    client: 0,
                    scribe: None,
                    goal: Goal { topic, outcome },
                    reality,
                    options,
                    actions,
                    confidence,
                    raise_note,
                    clocks,
                    cards,
                    exercises,
                }
            },
        )
        .boxed()
}

fn step() -> BoxedStrategy<Step> {
    prop_oneof![
        Just(Step::Agreement),
        Just(Step::Swap),
        Just(Step::WrapUp),
        (0usize..8).prop_map(|turn| Step::Turn { turn }),
        (0usize..3, 0usize..4).prop_map(|(turn, p)| Step::Phase {
            turn,
            phase: Phase::ALL[p]
        }),
    ]
    .boxed()
}

/// Whether a session has anything between sessions (its actions' status
/// and notes are kept only then), its follow-up, next meeting and check-in.
#[allow(clippy::type_complexity)]
fn between() -> BoxedStrategy<(
    bool,
    Vec<FollowUpItem>,
    Option<NextMeeting>,
    Option<CheckIn>,
)> {
    (
        any::<bool>(),
        proptest::collection::vec(follow_up_item(), 0..6),
        proptest::option::of(next_meeting()),
        proptest::option::of((text(), text()).prop_map(|(keep, change)| CheckIn { keep, change })),
    )
        .boxed()
}

prop_compose! {
    fn session()(
        id in "[a-zA-Z0-9_-]{1,64}",
        created_ms in prop_oneof![1_600_000_000_000i64..1_900_000_000_000, any::<i64>()],
        updated in any::<i64>(),
        // 0 reciprocal, 1 one-way, 2 and up a group of that many turns.
        format in prop_oneof![3 => 0u8..2, 1 => 2u8..9],
        names in proptest::collection::vec(text(), 0..9),
        clients in proptest::collection::vec((any::<u8>(), proptest::option::of(any::<u8>())), 8),
        absent in proptest::collection::vec(any::<u8>(), 0..4),
        total_minutes in any::<u32>(),
        plans in any::<[[u32; 4]; 2]>(),
        rules in proptest::collection::vec(
            prop_oneof![any::<u8>().prop_map(Rule::Builtin), text().prop_map(Rule::Custom)], 0..8),
        confirmed in proptest::collection::vec(any::<bool>(), 0..9),
        skipped in any::<bool>(),
        turns in proptest::collection::vec(turn(), 0..9),
        step in step(),
        swap in proptest::option::of(prop_oneof![Just(SwapChoice::Fit), Just(SwapChoice::Keep)]),
        reflections in proptest::collection::vec(
            (proptest::option::of(any::<u8>()), text())
                .prop_map(|(useful, sentence)| Reflection { useful, sentence }), 0..9),
        next_item in any::<u32>(),
        // Half the sessions have nothing between sessions, so that formats
        // 1 and 2 are written too.
        (between, follow_up, next_meeting, check_in) in between(),
    ) -> Session {
        let mut turns = turns;
        for (turn, &(client, scribe)) in turns.iter_mut().zip(&clients) {
            turn.client = client;
            turn.scribe = scribe;
        }
        if !between {
            for action in turns.iter_mut().flat_map(|h| &mut h.actions) {
                action.status = ActionStatus::Open;
                action.status_note.clear();
            }
        }
        Session {
            id,
            created_ms,
            updated_ms: updated,
            format: match format {
                0 => Format::Reciprocal,
                1 => Format::OneWay,
                turns => Format::Group(turns - 1),
            },
            names,
            absent,
            total_minutes,
            plans,
            agreement: Agreement { rules, confirmed, skipped },
            turns,
            step,
            swap,
            reflections,
            next_item: next_item % 1_000_000,
            follow_up: if between { follow_up } else { Vec::new() },
            next_meeting: next_meeting.filter(|_| between),
            check_in: check_in.filter(|_| between),
            copy_of: None,
            item_lane: None,
            ended_ms: None,
        }
    }
}

fn sanitized(s: &Session) -> Session {
    let mut s = s.clone();
    sanitize(&mut s);
    s
}

/// The version a session's links must have, after sanitizing: format 3
/// if an action has a status or a note, or there is a follow-up, a next
/// meeting or a check-in; else format 2 if an exercise run is left; else
/// format 1.
fn expected_version(s: &Session) -> LinkVersion {
    let s = sanitized(s);
    if s.format.is_group() {
        return LinkVersion::V4;
    }
    let actions = || s.turns.iter().flat_map(|h| &h.actions);
    if actions().any(|a| a.status != ActionStatus::Open || !a.status_note.is_empty())
        || !s.follow_up.is_empty()
        || s.next_meeting.is_some()
        || s.check_in.is_some()
    {
        LinkVersion::V3
    } else if s.turns.iter().any(|h| !h.exercises.is_empty()) {
        LinkVersion::V2
    } else {
        LinkVersion::V1
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn plain_links_round_trip(s in session()) {
        let link = encode_session(&s);
        let tag = expected_version(&s).plain_tag();
        prop_assert!(link.starts_with(&format!("{tag}.")), "{} for {}", &link[..3], tag);
        prop_assert_eq!(decode(&link), Ok(Decoded::Session(sanitized(&s))));
        // And through a mail client.
        let wrapped = format!("> https://x.example/#{}\n", link.replace('.', "%2E"));
        prop_assert_eq!(decode(&wrapped), Ok(Decoded::Session(sanitized(&s))));
    }

    #[test]
    fn encrypted_links_round_trip(
        s in session(),
        pass in "\\PC{1,30}",
        salt in any::<[u8; 16]>(),
        nonce in any::<[u8; 12]>(),
        rounds in 1u32..50,
    ) {
        let link = lock(&s, &pass, rounds, salt, nonce, &RustCipher);
        let envelope = Envelope::parse(&link).unwrap();
        prop_assert_eq!(envelope.version, expected_version(&s));
        let tag = envelope.version.locked_tag();
        prop_assert!(link.starts_with(&format!("{tag}.")), "{} for {}", &link[..3], tag);
        prop_assert_eq!(decode(&link), Ok(Decoded::Locked(envelope.clone())));
        prop_assert_eq!(unlock(&envelope, &pass, &RustCipher), Ok(sanitized(&s)));
        let wrong = format!("{pass}x");
        prop_assert_eq!(unlock(&envelope, &wrong, &RustCipher), Err(LinkError::WrongPassphrase));
    }

    #[test]
    fn any_text_decodes_or_errs(input in "\\PC{0,200}") {
        let _ = decode(&input);
        let _ = Envelope::parse(&input);
    }

    #[test]
    fn any_payload_after_a_tag_decodes_or_errs(
        tag in proptest::sample::select(
            LinkVersion::ALL.iter().flat_map(|v| [v.plain_tag(), v.locked_tag()]).collect::<Vec<_>>()
        ),
        body in "[A-Za-z0-9_-]{0,300}",
    ) {
        let _ = decode(&format!("{tag}.{body}"));
    }

    #[test]
    fn damaging_a_real_link_is_always_reported(s in session(), at in any::<prop::sample::Index>()) {
        let link = encode_session(&s);
        let cut = 3 + at.index(link.len() - 3);
        prop_assert_eq!(decode(&link[..cut]), Err(LinkError::Truncated));
        let mut bad = link.clone().into_bytes();
        bad[cut] = if bad[cut] == b'A' { b'B' } else { b'A' };
        let bad = String::from_utf8(bad).unwrap();
        prop_assert_eq!(decode(&bad), Err(LinkError::Corrupted));
    }
}
