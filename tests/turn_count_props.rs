//! "Turn k of n" counts only the turns that happen: for every group size,
//! every pattern of who is here, and turns begun before someone left, a
//! held turn's k runs 1, 2, … n over the held turns in order, n is the
//! number of turns held, and a skipped turn has no number.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::flow::{Format, Phase, Step, MAX_GROUP, MIN_GROUP};
use peer_coach::domain::session::{Session, Setup};
use peer_coach::domain::timer::MINUTE_MS;
use proptest::prelude::*;

fn group(people: usize, everyone: bool, turns: u8) -> Session {
    let mut setup = Setup::default();
    setup.set_format(Format::Group(0));
    setup.members = (0..people).map(|i| format!("P{i}")).collect();
    setup.set_everyone(everyone);
    setup.set_turns(turns);
    setup.set_total(120);
    Session::new("g".into(), 0, &setup)
}

/// The rule, checked on one session.
fn numbers_count_only_turns_held(s: &Session) -> Result<(), TestCaseError> {
    let held: Vec<usize> = (0..s.turns.len()).filter(|&h| !s.is_skipped(h)).collect();
    let mut k = 0;
    for h in 0..s.turns.len() {
        match s.turn_number(h) {
            Some((n, total)) => {
                k += 1;
                prop_assert!(!s.is_skipped(h));
                prop_assert_eq!(n, k, "turn {} is the {}th held", h, k);
                prop_assert!(n <= total);
                prop_assert_eq!(total, held.len());
            }
            None => prop_assert!(s.is_skipped(h)),
        }
    }
    prop_assert_eq!(k, held.len());
    Ok(())
}

#[test]
fn every_group_size_and_presence_pattern() {
    for people in MIN_GROUP..=MAX_GROUP {
        for away in 0u32..(1 << people) {
            let mut s = group(people, true, people as u8);
            for who in 0..people {
                if away & (1 << who) != 0 {
                    s.set_absent(who as u8, true, 0);
                }
            }
            numbers_count_only_turns_held(&s).unwrap();
            // Nothing has begun: exactly the turns of the people here.
            // (The app keeps at least enough people here to meet.)
            let here = (0..people as u8).filter(|&w| s.is_present(w)).count();
            let last = s.turns.len() - 1;
            if let Some((_, total)) = (0..=last).find_map(|h| s.turn_number(h)) {
                assert_eq!(total, here, "{people} people, away {away:b}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// With turns begun and people leaving or coming back in any order.
    #[test]
    fn whatever_happens_during_the_session(
        people in MIN_GROUP..=MAX_GROUP,
        everyone in any::<bool>(),
        turns in 1u8..=7,
        events in proptest::collection::vec((0u8..8, any::<bool>(), 0usize..8), 0..16),
    ) {
        let mut s = group(people, everyone, turns);
        let mut now = 0;
        for (who, away, run) in events {
            s.set_absent(who, away, now);
            if run < s.turns.len() && !s.is_skipped(run) {
                s.go_to(Step::Phase { turn: run, phase: Phase::Goal }, now);
                s.start_clock(now);
                now += MINUTE_MS;
                s.pause_clock(now);
            }
            numbers_count_only_turns_held(&s)?;
        }
    }
}
