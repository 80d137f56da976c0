use super::*;
use crate::domain::session::{Setup, Side};

fn base() -> Session {
    let setup = Setup {
        names: ["Amara".into(), "Jonas".into()],
        ..Setup::default()
    };
    Session::new("s1".into(), 0, &setup)
}

#[test]
fn identical_copies_have_no_differences() {
    let s = base();
    assert!(differences(&s, &s.clone()).is_empty());
}

#[test]
fn the_share_back_loop_ends_with_both_peoples_work() {
    // A fills the first half and shares; B continues the second half.
    let mut a = base();
    a.turns[0].goal.topic = "Quieter people".into();
    a.add_option(0, "Agenda a day early".into());
    a.updated_ms = 10;
    let mut b = a.clone();
    b.turns[1].goal.topic = "Saying no".into();
    b.add_action(1);
    b.updated_ms = 20;

    let diffs = differences(&a, &b);
    assert_eq!(
        diffs,
        vec![
            Section::Phase {
                turn: 1,
                phase: Phase::Goal
            },
            Section::Phase {
                turn: 1,
                phase: Phase::Will
            },
        ]
    );
    let merged = merge(&a, &b, |s| suggested(&a, &b, s));
    assert_eq!(merged.turns[0].goal.topic, "Quieter people");
    assert_eq!(merged.turns[0].options.len(), 1);
    assert_eq!(merged.turns[1].goal.topic, "Saying no");
    assert_eq!(merged.turns[1].actions.len(), 1);
    assert!(differences(&merged, &b).is_empty());
}

#[test]
fn mine_theirs_and_both_for_texts() {
    let mut a = base();
    a.turns[0].reality = "Mine".into();
    let mut b = a.clone();
    b.turns[0].reality = "Theirs".into();
    let section = Section::Phase {
        turn: 0,
        phase: Phase::Reality,
    };
    assert_eq!(differences(&a, &b), vec![section]);
    assert_eq!(merge(&a, &b, |_| Choice::Mine).turns[0].reality, "Mine");
    assert_eq!(merge(&a, &b, |_| Choice::Theirs).turns[0].reality, "Theirs");
    assert_eq!(
        merge(&a, &b, |_| Choice::Both).turns[0].reality,
        "Mine\n\nTheirs"
    );
}

#[test]
fn both_joins_lists_and_keeps_clashing_ids_apart() {
    let mut a = base();
    let mut b = base();
    a.add_option(0, "From A".into());
    b.add_option(0, "From B".into()); // the same id, other content
    let id = b.turns[0].options[0].id;
    b.add_point(0, id, Side::Pros);
    let merged = merge(&a, &b, |_| Choice::Both);
    let texts: Vec<_> = merged.turns[0]
        .options
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(texts, ["From A", "From B"]);
    let ids: Vec<_> = merged.turns[0].options.iter().map(|o| o.id).collect();
    assert_ne!(ids[0], ids[1]);
    assert!(merged.next_item > ids[1]);
}

#[test]
fn suggestion_prefers_content_over_nothing() {
    let a = base();
    let mut b = base();
    b.turns[0].goal.topic = "Something".into();
    let goal = Section::Phase {
        turn: 0,
        phase: Phase::Goal,
    };
    assert_eq!(suggested(&a, &b, goal), Choice::Theirs);
    assert_eq!(suggested(&b, &a, goal), Choice::Mine);
}

#[test]
fn clocks_keep_the_copy_that_ran_longer() {
    let mut a = base();
    let mut b = base();
    b.turns[0].clocks[0].used_ms = 90_000;
    a.turns[0].clocks[1].used_ms = 30_000;
    let merged = merge(&a, &b, |_| Choice::Mine);
    assert_eq!(merged.turns[0].clocks[0].used_ms, 90_000);
    assert_eq!(merged.turns[0].clocks[1].used_ms, 30_000);

    // Running in theirs: it counts up to when they sent it.
    b.turns[0].clocks[2].running_since = Some(1_000);
    b.updated_ms = 61_000;
    let merged = merge(&a, &b, |_| Choice::Mine);
    assert_eq!(merged.turns[0].clocks[2].used_ms, 60_000);
    assert!(!merged.turns[0].clocks[2].is_running());
}

#[test]
fn differently_shaped_sessions_are_one_choice() {
    let a = base();
    let mut setup = Setup::default();
    setup.set_format(crate::domain::flow::Format::OneWay);
    let b = Session::new("s1".into(), 0, &setup);
    assert_eq!(differences(&a, &b), vec![Section::Setup]);
    assert_eq!(merge(&a, &b, |_| Choice::Mine).turns.len(), 2);
    assert_eq!(merge(&a, &b, |_| Choice::Theirs).turns.len(), 1);
}

#[test]
fn agreement_both_adds_rules_and_asks_again() {
    let mut a = base();
    a.agreement.confirmed = vec![true, true];
    let mut b = a.clone();
    b.agreement.add();
    b.agreement.edit(4, "Phones away".into());
    let merged = merge(&a, &b, |_| Choice::Both);
    assert_eq!(merged.agreement.rules.len(), 5);
    assert_eq!(merged.agreement.confirmed, vec![false, false]);
}

#[test]
fn exercises_are_a_section_per_half_and_both_keeps_every_version() {
    use crate::domain::exercise::ExerciseId;
    let mut mine = base();
    mine.turns[0].open_exercise(ExerciseId::WhatIf).subject = "Mine".into();
    let mut theirs = mine.clone();
    theirs.turns[0].open_exercise(ExerciseId::WhatIf).subject = "Theirs".into();
    theirs.turns[0].open_exercise(ExerciseId::RolePlay);
    theirs.turns[1].open_exercise(ExerciseId::Empathy);
    theirs.updated_ms = 5;

    assert_eq!(
        differences(&mine, &theirs),
        vec![
            Section::Exercises { turn: 0 },
            Section::Exercises { turn: 1 }
        ]
    );
    // Nothing here in half 1: theirs is offered; half 0 has both: the newer.
    assert_eq!(
        suggested(&mine, &theirs, Section::Exercises { turn: 1 }),
        Choice::Theirs
    );
    let both = merge(&mine, &theirs, |_| Choice::Both);
    let subjects: Vec<_> = both.turns[0]
        .exercises
        .iter()
        .map(|r| r.subject.as_str())
        .collect();
    assert_eq!(subjects, ["Mine", "Theirs", ""]);
    assert_eq!(
        both.turns[0]
            .exercise(ExerciseId::WhatIf)
            .map(|r| r.subject.as_str()),
        Some("Theirs"),
        "the version merged in last is the one continued"
    );
    assert_eq!(both.turns[1].exercises.len(), 1);

    let taken = merge(&mine, &theirs, |_| Choice::Theirs);
    assert_eq!(taken.turns[0].exercises, theirs.turns[0].exercises);
    let kept = merge(&mine, &theirs, |_| Choice::Mine);
    assert_eq!(kept.turns, mine.turns);
}

#[test]
fn the_follow_up_and_the_next_meeting_are_never_lost_in_a_merge() {
    use crate::domain::session::{ActionStatus, FollowUpItem, NextMeeting};
    let item = |status, note: &str| FollowUpItem {
        session: "prev".into(),
        action: 1,
        what: "Send the agenda".into(),
        status,
        note: note.into(),
        ..FollowUpItem::default()
    };
    let mut mine = base();
    mine.follow_up = vec![item(ActionStatus::Open, "")];
    let mut theirs = mine.clone();
    theirs.follow_up = vec![item(ActionStatus::Done, "Two people added items")];
    theirs.next_meeting = Some(NextMeeting {
        date: "2026-03-24".into(),
        time: "09:30".into(),
        every_weeks: Some(2),
    });
    theirs.updated_ms = 5;
    assert_eq!(
        differences(&mine, &theirs),
        vec![Section::FollowUp, Section::Reflections]
    );
    assert_eq!(suggested(&mine, &theirs, Section::FollowUp), Choice::Theirs);
    assert_eq!(
        suggested(&mine, &theirs, Section::Reflections),
        Choice::Theirs
    );
    let both = merge(&mine, &theirs, |_| Choice::Both);
    assert_eq!(both.follow_up[0].status, ActionStatus::Done);
    assert_eq!(both.follow_up[0].note, "Two people added items");
    assert_eq!(both.next_meeting, theirs.next_meeting);
    let taken = merge(&mine, &theirs, |s| suggested(&mine, &theirs, s));
    assert!(differences(&taken, &theirs).is_empty());

    // Carried here, reviewed there: taking theirs keeps it carried.
    mine.follow_up[0].carried = true;
    let taken = merge(&mine, &theirs, |_| Choice::Theirs);
    assert!(taken.follow_up[0].carried);
    assert_eq!(taken.follow_up[0].status, ActionStatus::Done);
    // Both set a meeting: the newer copy's.
    mine.next_meeting = Some(NextMeeting {
        date: "2026-03-31".into(),
        ..NextMeeting::default()
    });
    let both = merge(&mine, &theirs, |_| Choice::Both);
    assert_eq!(both.next_meeting, theirs.next_meeting);
}

#[test]
fn a_group_member_marked_away_on_the_other_device_is_a_difference_to_choose() {
    let mine = crate::domain::fixtures::reference_group_session();
    let mut theirs = mine.clone();
    theirs.set_absent(2, false, theirs.updated_ms);
    theirs.set_absent(4, true, theirs.updated_ms);
    theirs.updated_ms += 1_000;
    assert_eq!(differences(&mine, &theirs), vec![Section::Setup]);
    let taken = merge(&mine, &theirs, |_| Choice::Theirs);
    assert_eq!(taken.absent, vec![4]);
    assert!(taken.is_skipped(4) && !taken.is_skipped(2));
    assert_eq!(taken.turn_plan(), theirs.turn_plan());
    let kept = merge(&mine, &theirs, |_| Choice::Mine);
    assert_eq!(kept.absent, vec![2]);
}

#[cfg(not(target_arch = "wasm32"))]
mod default_choices {
    use super::*;
    use crate::domain::agreement::Rule;
    use crate::domain::session::{each_text, CheckIn, TextKind};
    use proptest::prelude::*;

    fn start() -> Session {
        let mut s = base();
        s.add_option(0, "Agenda".into());
        let id = s.add_action(0).unwrap();
        s.edit_action(0, id, |a| a.what = "Call".into());
        s
    }

    fn slot(s: &mut Session, n: u8) -> &mut String {
        crate::domain::merge::registers::tests::slot(s, usize::from(n))
    }

    #[derive(Clone, Debug)]
    enum Edit {
        Set(u8, String),
        Append(u8, String),
        AddOption(usize, String),
        AddAction(usize, String, String),
        AddPro(String),
        CheckIn(String),
        Rule(String),
        Subject(usize, String),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let word = "[a-z]{1,6}";
        prop_oneof![
            (0u8..10, word).prop_map(|(n, w)| Edit::Set(n, w)),
            (0u8..10, word).prop_map(|(n, w)| Edit::Append(n, w)),
            (0usize..2, word).prop_map(|(h, w)| Edit::AddOption(h, w)),
            (0usize..2, word, word).prop_map(|(h, w, f)| Edit::AddAction(h, w, f)),
            word.prop_map(Edit::AddPro),
            word.prop_map(Edit::CheckIn),
            word.prop_map(Edit::Rule),
            (0usize..2, word).prop_map(|(h, w)| Edit::Subject(h, w)),
        ]
    }

    fn apply(s: &mut Session, edits: &[Edit]) {
        for e in edits {
            match e.clone() {
                Edit::Set(n, w) => *slot(s, n) = w,
                Edit::Append(n, w) => slot(s, n).push_str(&format!(" {w}")),
                Edit::AddOption(h, w) => {
                    s.add_option(h, w);
                }
                Edit::AddAction(h, w, f) => {
                    let id = s.add_action(h).unwrap();
                    s.edit_action(h, id, |a| {
                        a.what = w;
                        a.first_step = f;
                    });
                }
                Edit::AddPro(w) => s.turns[0].options[0].pros.push(w),
                Edit::CheckIn(w) => {
                    s.check_in = Some(CheckIn {
                        keep: w,
                        change: String::new(),
                    })
                }
                Edit::Rule(w) => s.agreement.rules.push(Rule::Custom(w)),
                Edit::Subject(h, w) => {
                    s.turns[h]
                        .open_exercise(crate::domain::exercise::ExerciseId::ALL[0])
                        .subject = w;
                }
            }
        }
    }

    /// The texts a merge must keep: every written text but the names and
    /// dates (one value each, see the module's rule).
    fn kept_texts(s: &Session) -> Vec<String> {
        let mut out = Vec::new();
        each_text(s, &mut |path, kind, text| {
            let date = path.ends_with(".due") || path.starts_with("next_meeting");
            if kind == TextKind::Written
                && !path.starts_with("names")
                && !date
                && !text.trim().is_empty()
            {
                out.push(text.trim().to_string());
            }
        });
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Two copies edited apart and merged with the choices offered
        /// first: every distinct text and item of both sides is kept.
        #[test]
        fn default_choices_keep_every_text_of_both_sides(
            mine_edits in proptest::collection::vec(edit(), 0..8),
            their_edits in proptest::collection::vec(edit(), 0..8),
            theirs_newer in any::<bool>(),
        ) {
            let start = start();
            let mut mine = start.clone();
            apply(&mut mine, &mine_edits);
            let mut theirs = start.clone();
            apply(&mut theirs, &their_edits);
            mine.updated_ms = if theirs_newer { 1 } else { 2 };
            theirs.updated_ms = if theirs_newer { 2 } else { 1 };
            let merged = merge(&mine, &theirs, |s| suggested(&mine, &theirs, s));
            let all = kept_texts(&merged).join("\n");
            for text in kept_texts(&mine).iter().chain(&kept_texts(&theirs)) {
                prop_assert!(all.contains(text.as_str()), "{:?} lost: {}", text, all);
            }
            // Every item of both sides is there (by its words), none twice
            // that was one item.
            let actions = |s: &Session| s.turns.iter().map(|h| h.actions.len()).sum::<usize>();
            prop_assert!(actions(&merged) <= actions(&mine) + actions(&theirs));
            // And what this device had alone never changes by merging.
            let again = merge(&merged, &mine, |s| suggested(&merged, &mine, s));
            prop_assert_eq!(kept_texts(&again), kept_texts(&merged));
        }
    }

    #[test]
    fn an_action_edited_on_one_side_is_one_action_with_the_longer_text() {
        let start = start();
        let mut mine = start.clone();
        let id = mine.turns[0].actions[0].id;
        mine.edit_action(0, id, |a| a.what = "Call the supplier".into());
        let mut theirs = start.clone();
        theirs.add_action(0);
        theirs.updated_ms = mine.updated_ms + 1;
        let section = Section::Phase {
            turn: 0,
            phase: Phase::Will,
        };
        assert_eq!(suggested(&mine, &theirs, section), Choice::Both);
        let merged = merge(&mine, &theirs, |s| suggested(&mine, &theirs, s));
        let whats: Vec<&str> = merged.turns[0]
            .actions
            .iter()
            .map(|a| a.what.as_str())
            .collect();
        assert_eq!(whats, ["Call the supplier", ""]);
        // A sentence one version extends is kept once.
        let mut a = start.clone();
        a.turns[0].reality = "We meet weekly".into();
        let mut b = a.clone();
        b.turns[0].reality = "We meet weekly, and it runs over".into();
        let merged = merge(&a, &b, |_| Choice::Both);
        assert_eq!(merged.turns[0].reality, "We meet weekly, and it runs over");
    }

    #[test]
    fn differing_lines_are_marked_on_each_side() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (m, t) = differing_lines(&l(&["a", "b", "b"]), &l(&["b", "c"]));
        assert_eq!(m, [true, false, true]);
        assert_eq!(t, [false, true]);
    }
}
