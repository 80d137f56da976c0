//! Property tests of group sessions and airtime: the turns' time is shared
//! fairly whatever happens (people leaving and coming back, turns under
//! way), skipped turns are exactly those of people away that had not begun,
//! every turn to come has a scribe who is here; and airtime shares add up.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::airtime::Airtime;
use peer_coach::domain::flow::{Format, Phase, Step};
use peer_coach::domain::plan::{self, MIN_TURN_MINUTES, ON_TIME_GRACE_MS};
use peer_coach::domain::session::{Session, Setup, SwapChoice};
use peer_coach::domain::timer::MINUTE_MS;
use proptest::prelude::*;

fn group_setup(people: usize, total: u32, everyone: bool, turns: u8) -> Setup {
    let mut setup = Setup::default();
    setup.set_format(Format::Group(0));
    setup.members = (0..people).map(|i| format!("P{i}")).collect();
    setup.set_everyone(everyone);
    setup.set_turns(turns);
    setup.set_total(total);
    setup
}

fn group(people: usize, total: u32, everyone: bool, turns: u8) -> Session {
    Session::new("g".into(), 0, &group_setup(people, total, everyone, turns))
}

/// Something that happens during a group session.
#[derive(Clone, Debug)]
enum Event {
    /// Someone is marked away (true) or here after all.
    Away(u8, bool),
    /// A turn runs its Goal phase for some minutes.
    Run(usize, i64),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        (0u8..8, any::<bool>()).prop_map(|(w, a)| Event::Away(w, a)),
        (0usize..8, 0i64..30).prop_map(|(h, m)| Event::Run(h, m)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn turns_share_the_time_fairly_whatever_happens(
        people in 3usize..=7,
        total in 10u32..=180,
        everyone in any::<bool>(),
        turns in 1u8..=7,
        events in proptest::collection::vec(event(), 0..12),
    ) {
        let mut s = group(people, total, everyone, turns);
        let expected_turns = if everyone { people } else { usize::from(turns).min(people) };
        prop_assert_eq!(s.turns.len(), expected_turns);
        prop_assert_eq!(s.format, Format::Group(expected_turns as u8));
        let total = s.total_minutes;
        prop_assert!(total >= MIN_TURN_MINUTES * expected_turns as u32);
        let first: Vec<u32> = s.turn_plan();
        prop_assert_eq!(first.iter().sum::<u32>(), total);
        prop_assert_eq!(first, plan::turn_minutes(total, expected_turns as u8));

        let mut now = 0;
        for e in events {
            // The time is shared again when someone leaves or comes back
            // (a turn running over is the group's to catch up, as a pair's).
            let absent_before = s.absent.clone();
            match e {
                Event::Away(who, away) => s.set_absent(who, away, now),
                Event::Run(h, minutes) => {
                    if h < s.turns.len() && !s.is_skipped(h) {
                        s.go_to(Step::Phase { turn: h, phase: Phase::Goal }, now);
                        s.start_clock(now);
                        now += minutes * MINUTE_MS;
                        s.pause_clock(now);
                    }
                }
            }
            let shared_again = s.absent != absent_before;
            // At least two people stay; nobody away twice.
            prop_assert!(s.people() - s.absent.len() >= 2);
            let mut absent = s.absent.clone();
            absent.dedup();
            prop_assert_eq!(&absent, &s.absent);
            // Skipped turns are exactly those of people away, not begun.
            for (h, turn) in s.turns.iter().enumerate() {
                prop_assert_eq!(
                    s.is_skipped(h),
                    !s.is_present(turn.client) && !turn.has_started()
                );
            }
            // The turns to come share what is left, within a minute of
            // each other, a minute per phase at least.
            let waiting: Vec<usize> = (0..s.turns.len())
                .filter(|&h| !s.turns[h].has_started() && !s.is_skipped(h))
                .collect();
            let plan = s.turn_plan();
            if let (Some(&lo), Some(&hi)) = (
                waiting.iter().map(|&h| &plan[h]).min(),
                waiting.iter().map(|&h| &plan[h]).max(),
            ) {
                prop_assert!(hi - lo <= 1, "{plan:?}");
                prop_assert!(lo >= MIN_TURN_MINUTES);
                // What is left by the session clock (here the phases' time:
                // no time passes between them), less what the turns under
                // way still hold from the screen on.
                let from = s.step.turn().unwrap_or(0);
                let under_way: i64 = s.turns.iter().enumerate()
                    .filter(|(h, turn)| *h == from && turn.has_started())
                    .flat_map(|(_, turn)| turn.clocks.iter())
                    .map(|c| c.remaining(now).max(0))
                    .sum();
                let session_used = now.max(s.elapsed(now));
                let left = ((i64::from(total) * MINUTE_MS - session_used - under_way).max(0)
                    / MINUTE_MS) as u32;
                let shared: u32 = waiting.iter().map(|&h| plan[h]).sum();
                if shared_again {
                    prop_assert!(shared >= left);
                }
                if shared_again && left >= MIN_TURN_MINUTES * waiting.len() as u32 {
                    prop_assert_eq!(shared, left);
                }
            }
            // Every turn to come has a scribe who is here and not its client.
            for &h in &waiting {
                let turn = &s.turns[h];
                let scribe = turn.scribe.expect("a scribe");
                prop_assert!(scribe != turn.client && s.is_present(scribe));
            }
            // Whatever happened, the session is still normal.
            let mut normal = s.clone();
            normal.normalize();
            prop_assert_eq!(normal, s.clone());
        }
    }

    /// A group that begins its turns on time (less than the grace after
    /// the setup's Begin) is not told it runs late: every turn keeps the
    /// minutes the setup showed. Later, it is asked how to run exactly when
    /// the turns' full shares no longer fit by the grace or more.
    #[test]
    fn a_group_on_time_keeps_the_turns_the_setup_showed(
        people in 3usize..=7,
        total in 10u32..=180,
        everyone in any::<bool>(),
        turns in 1u8..=7,
        before in 0i64..ON_TIME_GRACE_MS,
        later in 0i64..(20 * MINUTE_MS),
    ) {
        let mut s = group(people, total, everyone, turns);
        let shown = plan::turn_minutes(s.total_minutes, s.turns.len() as u8);
        // The setup's hint ("about 13–14 min") spans exactly the turns.
        let (short, long) = group_setup(people, total, everyone, turns).turn_range();
        prop_assert_eq!(short, *shown.iter().min().unwrap());
        prop_assert_eq!(long, *shown.iter().max().unwrap());
        prop_assert!(long - short <= 1);
        s.go_to(Step::Turn { turn: 0 }, before);
        for h in 0..s.turns.len() {
            prop_assert_eq!(s.turn_shortened(h, before), None);
        }
        prop_assert_eq!(s.turn_plan(), shown.clone());
        s.go_to(Step::Phase { turn: 0, phase: Phase::Goal }, before);
        s.start_clock(before);
        prop_assert_eq!(s.turn_plan(), shown.clone());

        // A wait before the first turn: late exactly from the grace on.
        let mut s = group(people, total, everyone, turns);
        let now = before + later;
        s.go_to(Step::Turn { turn: 0 }, now);
        let full: i64 = shown.iter().map(|&m| i64::from(m) * MINUTE_MS).sum();
        let late = full - s.session_left(now) >= ON_TIME_GRACE_MS;
        let can_shorten = shown.iter().any(|&m| m > MIN_TURN_MINUTES);
        // Asked on the first turn's screen, whichever turn the minutes
        // fall on.
        let shortened = s.turn_shortened(0, now).is_some();
        prop_assert_eq!(shortened, late && can_shorten,
            "{:?} left {} ms", shown, s.session_left(now));
        // The question's two choices say what each gives the turns to come.
        prop_assert_eq!(s.pace_choices(0, now).is_some(), shortened);
        if let Some((fit, keep)) = s.pace_choices(0, now) {
            s.choose_pace(SwapChoice::Fit, now);
            prop_assert_eq!(&s.turn_plan(), &fit);
            prop_assert!(i64::from(fit.iter().sum::<u32>()) * MINUTE_MS <= s.session_left(now)
                || fit.iter().all(|&m| m == MIN_TURN_MINUTES));
            s.choose_pace(SwapChoice::Keep, now);
            prop_assert_eq!(&s.turn_plan(), &keep);
            prop_assert!(keep.iter().zip(&shown).all(|(k, f)| k >= f));
        }
    }

    #[test]
    fn airtime_shares_add_up_and_the_cue_names_only_those_over(
        people in 2usize..=7,
        steps in proptest::collection::vec((0usize..8, 0i64..200_000), 0..40),
    ) {
        let mut a = Airtime::new(people);
        let mut expected = vec![0i64; people];
        let mut speaking: Option<(usize, i64)> = None;
        let mut now = 0;
        for (who, dt) in steps {
            now += dt;
            // Key 0 (here `who == people` or more) pauses; a name speaks,
            // or stops when pressed again.
            if let Some((w, since)) = speaking.take() {
                expected[w] += now - since;
            }
            if who < people {
                let same = a.speaking.is_some_and(|(w, _)| w == who);
                a.speak(who, now);
                if !same {
                    speaking = Some((who, now));
                }
            } else {
                a.stop(now);
            }
            prop_assert_eq!(a.totals(now), expected.clone());
            let shares = a.shares(now);
            let sum: f64 = shares.iter().sum();
            if expected.iter().any(|&t| t > 0) {
                prop_assert!((sum - 1.0).abs() < 1e-9);
            } else {
                prop_assert_eq!(sum, 0.0);
            }
            prop_assert!(shares.iter().all(|&s| (0.0..=1.0).contains(&s)));
            for who in a.over_share(now) {
                prop_assert!(shares[who] > 1.5 / people as f64);
            }
        }
    }

    /// "The session ends on time": for any group, length, people away or
    /// back, time spent between turns, overruns and extra minutes, when a
    /// turn begins the plan ends by the session's end (the time left is
    /// shared again at the start of every turn), unless the group chose to
    /// run over or the turns to come are already at their shortest. A group
    /// that chose to run over gives every turn at least its full share.
    #[test]
    fn every_turn_begins_with_a_plan_that_ends_on_time(
        people in 3usize..=7,
        total in 10u32..=180,
        events in proptest::collection::vec(group_event(), 0..16),
    ) {
        let mut s = group(people, total, true, 0);
        let end = i64::from(s.total_minutes) * MINUTE_MS;
        let mut now = 0i64;
        for e in events {
            match e {
                GroupEvent::Away(who, away) => s.set_absent(who, away, now),
                GroupEvent::Wait(seconds) => now += seconds * 1000,
                GroupEvent::Pace(keep) => s.choose_pace(
                    if keep { SwapChoice::Keep } else { SwapChoice::Fit },
                    now,
                ),
                GroupEvent::Turn(over) => {
                    let Some(h) = (0..s.turns.len())
                        .find(|&h| !s.turns[h].has_started() && !s.is_skipped(h))
                    else {
                        continue;
                    };
                    s.go_to(Step::Turn { turn: h }, now);
                    now += 20_000;
                    s.go_to(Step::Phase { turn: h, phase: Phase::Goal }, now);
                    s.start_clock(now);
                    let planned_end = now + s.plan_left(now);
                    let keep = s.swap == Some(SwapChoice::Keep);
                    let shortest = (0..s.turns.len())
                        .filter(|&t| t == h || (t > h && !s.turns[t].has_started()))
                        .filter(|&t| !s.is_skipped(t))
                        .all(|t| s.turns[t].allotted() == i64::from(MIN_TURN_MINUTES) * MINUTE_MS);
                    // (On time is within the grace, as at a pair's swap.)
                    prop_assert!(
                        planned_end < end + ON_TIME_GRACE_MS || keep || shortest,
                        "turn {h} at {now}: plan ends {planned_end}, session {end}"
                    );
                    if keep {
                        prop_assert!(s.turns[h].allotted()
                            >= i64::from(s.full_turn_minutes(h)) * MINUTE_MS);
                    }
                    // The turn runs, each phase over (or under) its time,
                    // sometimes with one more minute asked.
                    for (phase, (seconds, extra)) in Phase::ALL.into_iter().zip(over) {
                        prop_assert_eq!(s.step, Step::Phase { turn: h, phase });
                        if extra {
                            s.add_minute(now);
                        }
                        let left = s.current_clock().map_or(0, |c| c.remaining(now));
                        now += (left + seconds * 1000).max(0);
                        s.advance(now);
                    }
                    s.pause_clock(now);
                }
            }
            prop_assert!(s.session_elapsed(now) >= now.min(s.elapsed(now)));
        }
    }
}

proptest! {
    /// "+1 minute" pressed on a phase of a turn not yet begun is still
    /// there once the turn starts (when the time left is shared again):
    /// whatever the group, its pace, the time passed and the minutes
    /// asked, each phase of the turn that starts has the time it has
    /// without them, plus those asked for it (exact oracle: the same
    /// session with no minute asked).
    #[test]
    fn a_minute_asked_before_a_turn_begins_is_kept(
        people in 3usize..=7,
        total in 10u32..=180,
        keep in proptest::option::of(any::<bool>()),
        waited in 0i64..3_600,
        asked in proptest::collection::vec(0usize..4, 0..6),
    ) {
        let mut with = group(people, total, true, 0);
        if let Some(keep) = keep {
            with.choose_pace(if keep { SwapChoice::Keep } else { SwapChoice::Fit }, 0);
        }
        with.go_to(Step::Turn { turn: 0 }, 0);
        let mut without = with.clone();
        let now = waited * 1000;
        for &p in &asked {
            with.go_to(Step::Phase { turn: 0, phase: Phase::ALL[p] }, now);
            with.add_minute(now);
        }
        for s in [&mut with, &mut without] {
            s.go_to(Step::Phase { turn: 0, phase: Phase::Goal }, now);
            s.start_clock(now);
        }
        for p in 0..4 {
            let minutes = asked.iter().filter(|&&a| a == p).count() as i64;
            prop_assert_eq!(
                with.turns[0].clocks[p].allotted_ms,
                without.turns[0].clocks[p].allotted_ms + minutes * MINUTE_MS,
                "phase {}", p
            );
        }
    }
}

/// Something that happens in a group session, for the end-on-time rule.
#[derive(Clone, Debug)]
enum GroupEvent {
    Away(u8, bool),
    /// Time passes outside the phases (agreement, between turns, a pause).
    Wait(i64),
    /// The group chooses to run over (true) or to end on time.
    Pace(bool),
    /// The next turn runs, each phase some seconds over (or under) its time,
    /// and perhaps with one more minute.
    Turn([(i64, bool); 4]),
}

fn group_event() -> impl Strategy<Value = GroupEvent> {
    prop_oneof![
        (0u8..8, any::<bool>()).prop_map(|(w, a)| GroupEvent::Away(w, a)),
        (0i64..900).prop_map(GroupEvent::Wait),
        any::<bool>().prop_map(GroupEvent::Pace),
        proptest::array::uniform4((-120i64..400, proptest::bool::weighted(0.2)))
            .prop_map(GroupEvent::Turn),
    ]
}
