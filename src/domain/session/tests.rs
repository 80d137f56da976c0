use super::*;
use crate::domain::flow::Phase::*;

fn session(format: Format) -> Session {
    let mut setup = Setup::default();
    setup.set_format(format);
    setup.names = ["  Amara ".into(), "Jonas".into()];
    Session::new("s1".into(), 1_000, &setup)
}

fn at(turn: usize, phase: Phase) -> Step {
    Step::Phase { turn, phase }
}

#[test]
fn setup_defaults_match_the_brief() {
    let setup = Setup::default();
    assert_eq!(setup.format, Format::Reciprocal);
    assert_eq!(setup.total_minutes, 60);
    assert_eq!(setup.plan, [5, 8, 10, 7]);
}

#[test]
fn setup_total_and_phase_edits_stay_consistent() {
    let mut setup = Setup::default();
    setup.set_total(90);
    assert_eq!(setup.plan.iter().sum::<u32>(), 45);
    setup.set_phase_minutes(Options, 20);
    assert_eq!(setup.total_minutes, setup.plan.iter().sum::<u32>() * 2);
    setup.set_format(Format::OneWay);
    assert_eq!(setup.plan.iter().sum::<u32>(), setup.total_minutes);
    setup.set_total(5);
    assert_eq!(setup.total_minutes, 10);
}

#[test]
fn split_edits_keep_the_total_between_10_and_180() {
    let mut setup = Setup::default();
    setup.set_phase_minutes(Options, 100);
    assert_eq!(setup.total_minutes, 180);
    for phase in Phase::ALL {
        setup.set_phase_minutes(phase, 1);
    }
    assert!(setup.total_minutes >= 10, "{}", setup.total_minutes);
    setup.set_format(Format::OneWay);
    setup.set_phase_minutes(Will, 500);
    assert_eq!(setup.total_minutes, 180);
}

#[test]
fn normalize_bounds_what_a_link_or_storage_may_hold() {
    let mut s = session(Format::Reciprocal);
    s.total_minutes = 100_000;
    s.plans[1] = [0, u32::MAX, 5, 5];
    s.turns[0].clocks[0].running_since = Some(-5);
    s.turns[0].clocks[1].allotted_ms = i64::MAX;
    s.normalize();
    assert_eq!(s.total_minutes, 180);
    assert_eq!(s.plans[1], [1, 180, 5, 5]);
    assert_eq!(s.turns[0].clocks[0].running_since, None);
    let _ = s.elapsed(i64::MAX);
    let _ = s.swap_info(i64::MIN);
}

#[test]
fn odd_total_is_whole_halves_even_after_a_group() {
    let mut setup = Setup::default();
    setup.set_total(61);
    assert_eq!(setup.total_minutes, 60);
    // Back to Reciprocal after a look at Group: its own 60 minutes again.
    setup.set_format(Format::Group(0));
    setup.set_format(Format::Reciprocal);
    assert_eq!(setup.total_minutes, 60);
    // One-way for 75 minutes, a group of 75 (no reciprocal minutes to go
    // back to), then Reciprocal: the one-way length in two halves of 37.
    setup.set_format(Format::OneWay);
    setup.set_total(75);
    setup.set_format(Format::Group(0));
    setup.members = (0..5).map(|i| format!("P{i}")).collect();
    setup.set_everyone(true);
    setup.set_total(75);
    setup.aside.retain(|a| a.format == Format::OneWay);
    setup.set_format(Format::Reciprocal);
    assert_eq!(setup.total_minutes, 74);
    assert_eq!(setup.plan.iter().sum::<u32>() * 2, 74);
    let s = Session::new("s".into(), 0, &setup);
    assert_eq!(s.swap_info(0).second_half_ms, 37 * MINUTE_MS);
}

// Native only: proptest is a native dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn format() -> impl Strategy<Value = Format> {
        prop_oneof![
            Just(Format::Reciprocal),
            Just(Format::OneWay),
            Just(Format::Group(0))
        ]
    }

    proptest! {
        /// Whatever the pair does at setup (formats back and forth, totals,
        /// phase edits), the phases shown for each half add up to the total,
        /// both halves of a session are what the form showed, and the swap
        /// promises the second half's share of the total.
        #[test]
        fn the_phases_shown_add_up_to_the_total(
            edits in proptest::collection::vec(
                (format(), 0u32..300, 0usize..4, 0u32..200), 1..8),
        ) {
            let mut setup = Setup {
                members: (0..5).map(|i| format!("P{i}")).collect(),
                ..Setup::default()
            };
            for (format, total, phase, minutes) in edits {
                setup.set_format(format);
                setup.set_total(total);
                setup.set_phase_minutes(Phase::ALL[phase], minutes);
                if setup.format.is_group() {
                    continue;
                }
                let turns = setup.format.turns() as u32;
                prop_assert_eq!(setup.plan.iter().sum::<u32>() * turns, setup.total_minutes);
                let s = Session::new("s".into(), 0, &setup);
                for turn in &s.turns {
                    prop_assert_eq!(turn.clocks.each_ref().map(|c| c.allotted_ms / MINUTE_MS),
                        setup.plan.map(i64::from));
                }
                if turns == 2 {
                    prop_assert_eq!(s.swap_info(0).second_half_ms,
                        i64::from(setup.total_minutes / 2) * MINUTE_MS);
                }
            }
        }
    }
}

#[test]
fn new_session_has_roles_and_trimmed_names() {
    let s = session(Format::Reciprocal);
    assert_eq!(s.names, ["Amara".to_string(), "Jonas".to_string()]);
    assert_eq!(s.turns.len(), 2);
    // Half A: B coaches A. Half B: A coaches B.
    assert_eq!(s.roles(0), (1, 0));
    assert_eq!(s.roles(1), (0, 1));
    assert_eq!(s.turns[0].clock(Goal).allotted_ms, 5 * MINUTE_MS);
    assert_eq!(s.step, Step::Agreement);
    assert_eq!(session(Format::OneWay).turns.len(), 1);
}

#[test]
fn advancing_a_running_phase_starts_the_next_clock() {
    let mut s = session(Format::Reciprocal);
    s.go_to(at(0, Goal), 0);
    s.start_clock(0);
    s.advance(5 * MINUTE_MS);
    assert_eq!(s.step, at(0, Reality));
    assert!(!s.turns[0].clock(Goal).is_running());
    assert_eq!(s.turns[0].clock(Goal).used_ms, 5 * MINUTE_MS);
    assert!(s.turns[0].clock(Reality).is_running());
    assert_eq!(s.elapsed(6 * MINUTE_MS), 6 * MINUTE_MS);
}

#[test]
fn only_one_clock_runs_and_jumping_pauses_it() {
    let mut s = session(Format::Reciprocal);
    s.go_to(at(0, Goal), 0);
    s.start_clock(0);
    s.go_to(at(0, Options), 1_000);
    assert!(s
        .turns
        .iter()
        .all(|h| h.clocks.iter().all(|c| !c.is_running())));
    s.start_clock(2_000);
    s.go_to(Step::WrapUp, 3_000);
    s.back(3_000);
    assert_eq!(s.step, at(1, Will));
}

#[test]
fn a_step_of_another_format_is_refused() {
    let mut s = session(Format::OneWay);
    s.go_to(Step::Swap, 0);
    assert_eq!(s.step, Step::Agreement);
}

#[test]
fn cue_fires_once_for_the_phase_on_screen() {
    let mut s = session(Format::OneWay);
    s.go_to(at(0, Goal), 0);
    s.start_clock(0);
    let goal_ms = s.turns[0].clock(Goal).allotted_ms;
    assert!(!s.take_cue(goal_ms - 1));
    assert!(s.take_cue(goal_ms));
    assert!(!s.take_cue(goal_ms + 5_000));
}

#[test]
fn swap_on_time_needs_no_choice() {
    let mut s = session(Format::Reciprocal);
    s.go_to(at(0, Goal), 0);
    s.start_clock(0);
    s.go_to(Step::Swap, 30 * MINUTE_MS);
    let info = s.swap_info(30 * MINUTE_MS);
    assert_eq!(info.over_ms, 0);
    assert_eq!(info.left_ms, 30 * MINUTE_MS);
    assert!(!info.must_choose());
}

#[test]
fn swap_after_overrun_fits_or_keeps_second_half() {
    let mut s = session(Format::Reciprocal);
    s.go_to(at(0, Goal), 0);
    s.start_clock(0);
    s.go_to(Step::Swap, 36 * MINUTE_MS);
    let info = s.swap_info(36 * MINUTE_MS);
    assert_eq!(info.over_ms, 6 * MINUTE_MS);
    assert_eq!(info.left_ms, 24 * MINUTE_MS);
    assert!(info.must_choose());

    s.choose_swap(SwapChoice::Fit, 36 * MINUTE_MS);
    assert_eq!(s.turns[1].allotted(), 24 * MINUTE_MS);
    assert_eq!(s.swap, Some(SwapChoice::Fit));

    s.choose_swap(SwapChoice::Keep, 36 * MINUTE_MS);
    assert_eq!(s.turns[1].allotted(), 30 * MINUTE_MS);
}

#[test]
fn options_can_be_added_edited_reordered_chosen_and_removed() {
    let mut s = session(Format::Reciprocal);
    let a = s.add_option(0, "Agenda a day early".into()).unwrap();
    let b = s.add_option(0, "Silent writing".into()).unwrap();
    let c = s.add_option(0, "Rotate the chair".into()).unwrap();
    assert_ne!(a, b);
    s.edit_option(0, b, "Two-minute silent writing".into());
    s.move_option(0, c, -1);
    s.move_option(0, a, -1); // already first: no change
    let texts: Vec<_> = s.turns[0].options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Agenda a day early",
            "Rotate the chair",
            "Two-minute silent writing"
        ]
    );
    s.toggle_chosen(0, a);
    s.add_point(0, a, Side::Pros);
    s.edit_point(0, a, Side::Pros, 0, "People can prepare".into());
    s.add_point(0, a, Side::Cons);
    s.remove_point(0, a, Side::Cons, 0);
    let first = &s.turns[0].options[0];
    assert!(first.chosen);
    assert_eq!(first.pros, vec!["People can prepare".to_string()]);
    assert!(first.cons.is_empty());
    assert_eq!(s.turns[0].option_number(c), 2);
    assert_eq!(s.turns[0].option_number(999), 0);
    s.remove_option(0, c);
    assert_eq!(s.turns[0].options.len(), 2);
    assert_eq!(s.turns[0].chosen_options().count(), 1);
    assert!(s.turns[0].few_options());
}

#[test]
fn actions_belong_to_the_client_by_default() {
    let mut s = session(Format::Reciprocal);
    let id = s.add_action(1).unwrap();
    s.edit_action(1, id, |a| {
        a.what = "Propose an office hour".into();
        a.due = "2026-03-13".into();
    });
    assert_eq!(s.turns[1].action_number(id), 1);
    let action = &s.turns[1].actions[0];
    assert_eq!(action.owner, Owner::Person(1));
    assert_eq!(action.due, "2026-03-13");
    s.remove_action(1, id);
    assert!(s.turns[1].actions.is_empty());
}

#[test]
fn low_confidence_prompts_for_what_would_raise_it() {
    let mut s = session(Format::OneWay);
    assert!(!s.turns[0].needs_raise_prompt());
    s.set_confidence(0, Some(6));
    assert!(s.turns[0].needs_raise_prompt());
    s.set_confidence(0, Some(7));
    assert!(!s.turns[0].needs_raise_prompt());
    s.set_confidence(0, Some(42));
    assert_eq!(s.turns[0].confidence, Some(10));
}

#[test]
fn normalize_repairs_a_damaged_session() {
    let mut s = session(Format::Reciprocal);
    s.add_option(0, "x".into());
    s.turns.pop();
    s.step = at(5, Goal);
    s.next_item = 0;
    s.normalize();
    assert_eq!(s.turns.len(), 2);
    assert_eq!(s.step, Step::Agreement);
    assert!(s.next_item > s.turns[0].options[0].id);
}

#[test]
fn exercises_attach_to_a_half_once_each_and_old_records_load() {
    use crate::domain::exercise::ExerciseId;
    let mut s = session(Format::Reciprocal);
    let turn = s.turn_mut(0).unwrap();
    turn.open_exercise(ExerciseId::WhatIf).subject = "Hiring plan".into();
    turn.open_exercise(ExerciseId::RolePlay);
    assert_eq!(
        turn.open_exercise(ExerciseId::WhatIf).subject,
        "Hiring plan",
        "opened again: the same run"
    );
    assert_eq!(turn.exercises.len(), 2);
    turn.remove_exercise(ExerciseId::RolePlay);
    assert!(turn.exercise(ExerciseId::RolePlay).is_none());

    // A run a link or record got wrong is repaired with the session.
    s.turns[0].exercises[0].step = 99;
    s.normalize();
    assert_eq!(s.turns[0].exercises[0].step, 2);

    // Records from before exercises existed load with none.
    let mut json = serde_json::to_value(&s).unwrap();
    json["halves"][1]
        .as_object_mut()
        .unwrap()
        .remove("exercises");
    let back: Session = serde_json::from_value(json).unwrap();
    assert!(back.turns[1].exercises.is_empty());
    assert_eq!(back.turns[0].exercises.len(), 1);
}

#[cfg(not(target_arch = "wasm32"))]
mod exercise_runs {
    use super::*;
    use crate::domain::exercise::ExerciseId;
    use proptest::prelude::*;

    proptest! {
        /// Starting an exercise again, or opening one, in a half never
        /// wipes a run that is on screen: the new run is the one shown,
        /// the one before is kept under Earlier runs ("Start again keeps
        /// the one before"), every other exercise's run stays as it was,
        /// and the earlier runs stay in order; at the half's limit only the
        /// oldest earlier runs make room. Saving (normalizing) keeps all
        /// that too.
        #[test]
        fn starting_again_in_a_half_keeps_the_earlier_runs(
            steps in proptest::collection::vec((0usize..7, "[a-z ]{0,2}", any::<bool>()), 0..150)
        ) {
            let mut s = session(Format::Reciprocal);
            for (which, subject, again) in &steps {
                let turn = s.turn_mut(0).unwrap();
                let id = ExerciseId::ALL[*which];
                let shown: Vec<(ExerciseId, ExerciseRun)> = ExerciseId::ALL
                    .into_iter()
                    .filter_map(|e| turn.exercise(e).map(|r| (e, r.clone())))
                    .collect();
                let mut before: Vec<ExerciseRun> =
                    turn.earlier_runs(id).into_iter().cloned().collect();
                let prev = turn.exercise(id).cloned();
                if *again {
                    if let Some(prev) = prev.clone().filter(|r| !r.is_blank()) {
                        before.push(prev);
                    }
                    turn.restart_exercise(id).subject = subject.clone();
                } else {
                    turn.open_exercise(id).subject = subject.clone();
                }
                prop_assert!(turn.exercises.len() <= MAX_EXERCISES_PER_HALF);
                prop_assert_eq!(&turn.exercise(id).unwrap().subject, subject);
                for (e, run) in &shown {
                    if *e != id {
                        prop_assert_eq!(turn.exercise(*e), Some(run));
                    }
                }
                let earlier: Vec<ExerciseRun> =
                    turn.earlier_runs(id).into_iter().cloned().collect();
                if *again {
                    // The one before is kept; older ones only go oldest first.
                    prop_assert!(before.ends_with(&earlier), "{:?} / {:?}", before, earlier);
                    if let Some(prev) = prev.filter(|r| !r.is_blank()) {
                        prop_assert_eq!(earlier.last(), Some(&prev));
                    }
                } else {
                    prop_assert!(before.ends_with(&earlier));
                }
            }
            let shown: Vec<Option<ExerciseRun>> = ExerciseId::ALL
                .into_iter()
                .map(|e| s.turn(0).unwrap().exercise(e).cloned())
                .collect();
            s.normalize();
            let after: Vec<Option<ExerciseRun>> = ExerciseId::ALL
                .into_iter()
                .map(|e| s.turn(0).unwrap().exercise(e).cloned())
                .collect();
            // (Normalizing may tidy a run's own fields, never drop it.)
            prop_assert_eq!(
                shown.iter().map(Option::is_some).collect::<Vec<_>>(),
                after.iter().map(Option::is_some).collect::<Vec<_>>()
            );
        }
    }
}
