//! Property tests of the setup form kept in the tab ("a reload loses
//! nothing typed"): whatever the form was made to hold, it reads back the
//! same; and whatever a stored draft holds (damaged, edited by hand, of an
//! older build), it reads back as a setup the form could have made.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::flow::{Format, Phase, MAX_GROUP, MIN_GROUP};
use peer_coach::domain::plan::{self, MAX_TOTAL_MINUTES, MIN_TOTAL_MINUTES};
use peer_coach::domain::session::Setup;
use peer_coach::domain::setup::{Aside, MinutesField};
use peer_coach::domain::store::Record;
use proptest::prelude::*;

/// What someone does on the setup form.
#[derive(Clone, Debug)]
enum Edit {
    Format(Format),
    Name(usize, String),
    Total(u32),
    PhaseMinutes(usize, u32),
    Member(usize, String),
    Add,
    Remove(usize),
    Move(usize, bool),
    Shuffle(u64),
    Everyone(bool),
    Turns(u8),
}

/// Names as people type them: any script, spaces, quotes, emoji, markup.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[ A-Za-zÀ-ÿŁłŻżßØø'\"<>&-]{0,12}",
        "\\PC{0,8}",
        Just("Ngozi 👩🏾‍💼".to_string()),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        prop_oneof![
            Just(Format::Reciprocal),
            Just(Format::OneWay),
            Just(Format::Group(0))
        ]
        .prop_map(Edit::Format),
        (0usize..2, text()).prop_map(|(i, n)| Edit::Name(i, n)),
        (0u32..400).prop_map(Edit::Total),
        (0usize..4, 0u32..200).prop_map(|(p, m)| Edit::PhaseMinutes(p, m)),
        (0usize..8, text()).prop_map(|(i, n)| Edit::Member(i, n)),
        Just(Edit::Add),
        (0usize..8).prop_map(Edit::Remove),
        (0usize..8, any::<bool>()).prop_map(|(i, up)| Edit::Move(i, up)),
        any::<u64>().prop_map(Edit::Shuffle),
        any::<bool>().prop_map(Edit::Everyone),
        (0u8..10).prop_map(Edit::Turns),
    ]
}

/// The form's edits; the people of a group are edited only on a group's
/// form (the pair's form has no such fields).
fn apply(setup: &mut Setup, edit: Edit) {
    let group = setup.format.is_group();
    match edit {
        Edit::Member(..)
        | Edit::Add
        | Edit::Remove(_)
        | Edit::Move(..)
        | Edit::Shuffle(_)
        | Edit::Everyone(_)
        | Edit::Turns(_)
            if !group => {}
        Edit::Format(f) => setup.set_format(f),
        Edit::Name(i, n) => setup.names[i] = n,
        Edit::Total(m) => setup.set_total(m),
        Edit::PhaseMinutes(p, m) => setup.set_phase_minutes(Phase::ALL[p], m),
        Edit::Member(i, n) => setup.set_member(i, n),
        Edit::Add => {
            setup.add_member();
        }
        Edit::Remove(i) => {
            setup.remove_member(i);
        }
        Edit::Move(i, up) => {
            setup.move_member(i, up);
        }
        Edit::Shuffle(seed) => setup.shuffle(seed),
        Edit::Everyone(e) => setup.set_everyone(e),
        Edit::Turns(t) => setup.set_turns(t),
    }
}

/// A setup the form made: from the default, or a trainer's preset format
/// and minutes (as the setup screen starts), then any edits.
fn made_by_the_form() -> impl Strategy<Value = Setup> {
    (
        proptest::option::of(prop_oneof![
            Just(Format::Reciprocal),
            Just(Format::OneWay),
            Just(Format::Group(0))
        ]),
        proptest::option::of(proptest::array::uniform4(1u32..60)),
        proptest::collection::vec(edit(), 0..24),
    )
        .prop_map(|(format, minutes, edits)| {
            let mut setup = Setup::from_preset(format, minutes);
            for e in edits {
                apply(&mut setup, e);
            }
            setup
        })
}

/// Anything a stored draft could hold.
fn any_draft() -> impl Strategy<Value = Setup> {
    (
        prop_oneof![
            Just(Format::Reciprocal),
            Just(Format::OneWay),
            any::<u8>().prop_map(Format::Group)
        ],
        (text(), text()),
        any::<u32>(),
        proptest::array::uniform4(prop_oneof![0u32..80, any::<u32>()]),
        proptest::collection::vec(text(), 0..12),
        any::<bool>(),
        any::<u8>(),
        proptest::collection::vec(
            (
                prop_oneof![
                    Just(Format::Reciprocal),
                    Just(Format::OneWay),
                    any::<u8>().prop_map(Format::Group)
                ],
                any::<u32>(),
                proptest::array::uniform4(prop_oneof![0u32..80, any::<u32>()]),
                any_own(),
            )
                .prop_map(|(format, total_minutes, plan, own)| Aside {
                    format,
                    total_minutes,
                    plan,
                    own,
                }),
            0..5,
        ),
        any_own(),
    )
        .prop_map(
            |(format, (a, b), total, plan, members, everyone, turns, aside, own)| Setup {
                format,
                names: [a, b],
                total_minutes: total,
                plan,
                own,
                members,
                everyone,
                turns,
                aside,
            },
        )
}

/// A pair's own split as a stored draft could hold it.
fn any_own() -> impl Strategy<Value = Option<[u32; 4]>> {
    proptest::option::of(proptest::array::uniform4(prop_oneof![
        0u32..80,
        any::<u32>()
    ]))
}

/// What the form itself always keeps true.
fn form_could_show(s: &Setup) -> Result<(), TestCaseError> {
    let turns = s.format.turns() as u32;
    prop_assert!(
        s.plan.iter().all(|&m| m >= 1),
        "a phase of no minutes: {:?}",
        s.plan
    );
    prop_assert!(s.total_minutes <= MAX_TOTAL_MINUTES);
    prop_assert!(s.members.is_empty() || (MIN_GROUP..=MAX_GROUP).contains(&s.members.len()));
    match s.format {
        Format::Group(n) => {
            prop_assert_eq!(n, s.group_turns());
            prop_assert_eq!(s.total_minutes, plan::clamp_group_total(s.total_minutes, n));
            prop_assert!(s.members.len() >= MIN_GROUP);
        }
        _ => {
            prop_assert!(s.total_minutes >= MIN_TOTAL_MINUTES);
            prop_assert_eq!(s.plan.iter().sum::<u32>() * turns, s.total_minutes);
        }
    }
    // Both halves' phases add up to the session.
    let [first, second] = s.plans();
    match s.format {
        Format::OneWay => prop_assert_eq!(first.iter().sum::<u32>(), s.total_minutes),
        Format::Reciprocal => prop_assert_eq!(
            first.iter().sum::<u32>() + second.iter().sum::<u32>(),
            s.total_minutes
        ),
        Format::Group(_) => {}
    }
    Ok(())
}

/// Each phase of `plan` is within a minute of its exact share of `own`
/// (where every share is a minute or more: else the minute each phase
/// keeps comes first).
fn within_a_minute_of_shares(own: [u32; 4], plan: [u32; 4]) -> Result<(), TestCaseError> {
    let (before, half): (u32, u32) = (own.iter().sum(), plan.iter().sum());
    let exact: Vec<f64> = own
        .iter()
        .map(|&m| f64::from(m) * f64::from(half) / f64::from(before))
        .collect();
    if exact.iter().all(|&e| e >= 1.0) {
        for (m, e) in plan.iter().zip(&exact) {
            prop_assert!(
                (f64::from(*m) - e).abs() < 1.0,
                "{:?} -> {:?} ({:?})",
                own,
                plan,
                exact
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A reload loses nothing: the form reads back exactly as it was left.
    #[test]
    fn the_form_reads_back_as_it_was_left(setup in made_by_the_form()) {
        form_could_show(&setup)?;
        let back = Setup::decode(&setup.encode()).expect("a draft the app wrote reads back");
        prop_assert_eq!(back, setup);
    }

    /// Whatever a stored draft holds, it reads back as a setup the form
    /// could show, keeping every name it held (within the seven people a
    /// group can have), and reading it again changes nothing more.
    #[test]
    fn any_draft_reads_back_as_a_form_could_show(draft in any_draft()) {
        let back = Setup::decode(&draft.encode()).expect("any setup encodes and decodes");
        form_could_show(&back)?;
        prop_assert_eq!(&back.names, &draft.names);
        let kept = draft.members.len().min(MAX_GROUP);
        prop_assert_eq!(&back.members[..kept], &draft.members[..kept]);
        prop_assert!(back.members[kept..].iter().all(String::is_empty));
        prop_assert_eq!(back.format.is_group(), draft.format.is_group());
        let mut again = back.clone();
        again.normalize();
        prop_assert_eq!(&again, &back);
        // And whatever was set aside, switching format still gives a form
        // the app could show.
        for format in [Format::Group(0), Format::Reciprocal, Format::OneWay, Format::Group(0)] {
            again.set_format(format);
            form_could_show(&again)?;
        }
    }

    /// A minutes field left with any text gives a form the app could show;
    /// text that is not a whole number changes nothing (the custom split
    /// included), and the field's own number entered again changes nothing.
    #[test]
    fn any_text_entered_in_a_minutes_field(
        setup in made_by_the_form(),
        phase in proptest::option::of(0usize..4),
        typed in prop_oneof![
            "[0-9]{1,4}",
            " ?[0-9]{1,3} ?",
            "-?[0-9]{0,3}[.,][0-9]",
            "\\PC{0,6}",
        ],
    ) {
        let field = phase.map_or(MinutesField::Total, |p| MinutesField::Phase(Phase::ALL[p]));
        let shown = match field {
            MinutesField::Total => setup.total_minutes,
            MinutesField::Phase(p) => setup.plan[p.index()],
        };
        let mut s = setup.clone();
        s.enter_minutes(field, &shown.to_string());
        if !setup.format.is_group() || field == MinutesField::Total {
            prop_assert_eq!(&s, &setup);
        }
        let mut s = setup.clone();
        s.enter_minutes(field, &typed);
        form_could_show(&s)?;
        if typed.trim().parse::<u32>().is_err() {
            prop_assert_eq!(&s, &setup);
        }
    }

    /// A new total keeps a pair's own split in proportion: each phase
    /// within a minute of its exact share of the new half (where each
    /// share is a minute or more), adding up to the half; the usual split
    /// stays the usual one.
    #[test]
    fn a_new_total_keeps_the_pairs_own_split(
        setup in made_by_the_form(),
        total in MIN_TOTAL_MINUTES..=MAX_TOTAL_MINUTES,
    ) {
        prop_assume!(!setup.format.is_group() && total != setup.total_minutes);
        let turns = setup.format.turns() as u32;
        let mut s = setup.clone();
        s.enter_minutes(MinutesField::Total, &total.to_string());
        form_could_show(&s)?;
        let half: u32 = s.plan.iter().sum();
        prop_assert_eq!(half * turns, s.total_minutes);
        match setup.own {
            None => prop_assert_eq!(s.plan, plan::split(half)),
            Some(own) => within_a_minute_of_shares(own, s.plan)?,
        }
    }

    /// A length tried and taken back gives back the split the pair set by
    /// hand, exactly: each new total is split from their split, never from
    /// a rounding of it (Goal 10, Reality 10, Options 5, Will 5 at an hour,
    /// then 20 minutes, then an hour again is 10, 10, 5, 5, not 9, 9, 6, 6).
    /// On the way every split is in proportion to theirs.
    #[test]
    fn a_length_tried_and_taken_back_gives_back_the_pairs_split(
        format in prop_oneof![Just(Format::Reciprocal), Just(Format::OneWay)],
        minutes in proptest::array::uniform4(1u32..60),
        tries in proptest::collection::vec(
            prop_oneof![0u32..400, MIN_TOTAL_MINUTES..=MAX_TOTAL_MINUTES],
            1..6,
        ),
    ) {
        let mut s = Setup::default();
        s.set_format(format);
        for phase in Phase::ALL {
            s.enter_minutes(MinutesField::Phase(phase), &minutes[phase.index()].to_string());
        }
        let (theirs, total) = (s.plan, s.total_minutes);
        for t in tries {
            s.enter_minutes(MinutesField::Total, &t.to_string());
            form_could_show(&s)?;
            if theirs != plan::split(theirs.iter().sum()) {
                within_a_minute_of_shares(theirs, s.plan)?;
            }
        }
        s.enter_minutes(MinutesField::Total, &total.to_string());
        prop_assert_eq!(s.plan, theirs);
        prop_assert_eq!(s.total_minutes, total);
    }

    /// Looking at other formats and going back changes no minute: the
    /// session is as long as it was, split as it was (a keyboard passes
    /// through the formats between on its way).
    #[test]
    fn a_look_at_other_formats_changes_no_minute(
        setup in made_by_the_form(),
        looks in proptest::collection::vec(prop_oneof![
            Just(Format::Reciprocal),
            Just(Format::OneWay),
            Just(Format::Group(0))
        ], 1..6),
        pair in prop_oneof![Just(Format::Reciprocal), Just(Format::OneWay)],
        edits in proptest::collection::vec(edit(), 0..6),
    ) {
        let mut s = setup.clone();
        for format in looks {
            s.set_format(format);
            form_could_show(&s)?;
        }
        s.set_format(setup.format);
        prop_assert_eq!(s.format, setup.format);
        prop_assert_eq!(s.total_minutes, setup.total_minutes);
        prop_assert_eq!(s.plan, setup.plan);
        let other = if setup.format.is_group() { pair } else { Format::Group(0) };
        // Edits in between (names, people, minutes of the other format)
        // leave a form the app could show, and a pair's length comes back.
        let mut t = setup.clone();
        t.set_format(other);
        for e in edits.into_iter().filter(|e| !matches!(e, Edit::Format(_))) {
            apply(&mut t, e);
        }
        t.set_format(setup.format);
        form_could_show(&t)?;
        if !setup.format.is_group() {
            prop_assert_eq!(t.total_minutes, setup.total_minutes);
        }
    }

    /// A pair's format always has a pair's length: its own as it was left,
    /// else the other pair format's last length, else the usual hour;
    /// never a group's (a quarter of an hour a person).
    #[test]
    fn a_pair_never_takes_a_groups_length(
        preset in proptest::option::of(prop_oneof![
            Just(Format::Reciprocal),
            Just(Format::OneWay),
            Just(Format::Group(0))
        ]),
        edits in proptest::collection::vec(edit(), 0..32),
    ) {
        let mut s = Setup::default();
        // The model: each pair format's last length, and the latest of either.
        let mut seen: Vec<(Format, u32)> = vec![(s.format, s.total_minutes)];
        let mut latest = s.total_minutes;
        let mut edits = edits;
        if let Some(format) = preset {
            edits.insert(0, Edit::Format(format));
        }
        for e in edits {
            let entering = match e {
                Edit::Format(f) if !f.is_group() && f != s.format => Some(f),
                _ => None,
            };
            apply(&mut s, e);
            if let Some(f) = entering {
                let expected = seen.iter().find(|(g, _)| *g == f).map_or_else(
                    || match f {
                        Format::Reciprocal => plan::clamp_total(latest) / 2 * 2,
                        _ => plan::clamp_total(latest),
                    },
                    |&(_, m)| m,
                );
                prop_assert_eq!(s.total_minutes, expected, "{:?}", f);
            }
            if !s.format.is_group() {
                seen.retain(|(g, _)| *g != s.format);
                seen.push((s.format, s.total_minutes));
                latest = s.total_minutes;
            }
        }
    }
}

/// A draft of an older build (fields missing) or of no known shape reads
/// as a form with what it has, or not at all; never a panic.
#[test]
fn partial_and_damaged_drafts() {
    let partial = Setup::decode(r#"{"v":1,"data":{"names":["Ngozi","Łukasz"]}}"#).unwrap();
    assert_eq!(partial.names, ["Ngozi", "Łukasz"]);
    assert_eq!(partial.total_minutes, Setup::default().total_minutes);
    assert!(Setup::decode("{not json").is_err());
    assert!(Setup::decode(r#"{"v":1,"data":{"names":"Ngozi"}}"#).is_err());
    assert!(Setup::decode(r#"{"v":99,"data":{}}"#).is_err());
}
