use super::*;
use crate::domain::flow::{Phase, Step};
use crate::domain::live::sync::tests::{base, Pair};
use crate::domain::merge::registers::Stamp;
use proptest::prelude::*;

proptest! {
    /// Round trips with any delays each way, any offset: the offset kept
    /// (the shortest round trip's) is within half that round trip of the
    /// true one.
    #[test]
    fn the_offset_is_within_half_the_best_round_trip(
        offset in -86_400_000i64..86_400_000,
        trips in proptest::collection::vec((0i64..1_000_000, 0i64..3_000, 0i64..3_000), 1..12),
    ) {
        let mut sync = ClockSync::default();
        for (i, (at, there, back)) in trips.iter().enumerate() {
            let sent = 1_700_000_000_000 + at;
            sync.add(sent, sent + there + offset, sent + there + back);
            let best = sync.best().expect("a sample");
            prop_assert!((best.offset_ms - offset).abs() * 2 <= best.rtt_ms + 1,
                "{:?} vs {}", best, offset);
            let shortest = trips[..=i].iter().map(|(_, a, b)| a + b).min();
            prop_assert_eq!(Some(best.rtt_ms), shortest);
            prop_assert_eq!(sync.settled().is_some(), i + 1 >= SETTLE_AFTER as usize);
        }
        // A clock that went backwards says nothing.
        prop_assert_eq!(sample(10, 5, 9), None);
    }

    /// Translating moves the moments of the time-boxes (running clocks,
    /// the session's start and end), in every head, and nothing else, and
    /// back exactly.
    #[test]
    fn translation_moves_only_clock_moments_and_comes_back_exactly(
        by in -600_000i64..600_000,
        started in proptest::collection::vec((0usize..2, 0usize..4, 0i64..100_000), 0..5),
    ) {
        let mut s = base();
        for (h, c, at) in &started {
            s.turns[*h].clocks[*c].start(2_000_000 + at);
        }
        s.ended_ms = Some(3_000_000);
        let mut regs = Registers::unstamped(&s);
        // A concurrent head too.
        let mut other = Registers::unstamped(&s);
        let mut t = s.clone();
        t.turns[1].clocks[3].start(2_500_000);
        other.record(&t, &Stamp(9, "x".into(), 1));
        let mut u = s.clone();
        u.turns[1].clocks[3].start(2_600_000);
        regs.record(&u, &Stamp(9, "y".into(), 1));
        regs.merge(&other);
        let before = regs.clone();
        translate(&mut regs, by);
        for (path, reg) in &regs.0 {
            let old = &before.0[path];
            prop_assert_eq!(&reg.at, &old.at);
            prop_assert_eq!(reg.heads().count(), old.heads().count());
            let moved = moment(path).is_some() && by != 0 && reg.heads().any(|(_, v)| {
                v.as_ref().is_some_and(|v| !v.is_null() && v.get("running_since").is_none_or(|r| !r.is_null()))
            });
            prop_assert_eq!(reg != old, moved, "{}", path);
        }
        let moved = regs.session().expect("a session");
        prop_assert_eq!(moved.created_ms, s.created_ms + by);
        prop_assert_eq!(moved.ended_ms, Some(3_000_000 + by));
        for (h, c, _) in &started {
            let (a, b) = (&moved.turns[*h].clocks[*c], &s.turns[*h].clocks[*c]);
            prop_assert_eq!(a.running_since, b.running_since.map(|r| r + by));
            prop_assert_eq!((a.used_ms, a.allotted_ms), (b.used_ms, b.allotted_ms));
        }
        translate(&mut regs, -by);
        prop_assert_eq!(regs, before);
    }
}

#[derive(Clone, Debug)]
enum Act {
    Start(usize),
    Pause(usize),
    Minute(usize),
    Next(usize),
    Wait(i64),
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        (0usize..2).prop_map(Act::Start),
        (0usize..2).prop_map(Act::Pause),
        (0usize..2).prop_map(Act::Minute),
        (0usize..2).prop_map(Act::Next),
        (1i64..200_000).prop_map(Act::Wait),
    ]
}

/// Everything on its way delivered, `there` ms to the guest, `back` ms to
/// the host.
fn flush(p: &mut Pair, there: i64, back: i64) {
    for _ in 0..50 {
        if p.inbox.iter().all(Vec::is_empty) {
            return;
        }
        p.now += there;
        while !p.inbox[1].is_empty() {
            p.deliver(1, 0, false);
        }
        p.now += back;
        while !p.inbox[0].is_empty() {
            p.deliver(0, 0, false);
        }
    }
    panic!("the two keep talking");
}

/// Connected with these delays; both on the first phase.
fn connected(skew: i64, there: i64, back: i64) -> Pair {
    let mut p = Pair::new(skew);
    for _ in 0..10 {
        p.now += 300;
        p.tick(0);
        p.tick(1);
        flush(&mut p, there, back);
    }
    assert!(p.sides[1].peer.wire_offset().is_some(), "settled");
    p.edit(0, |s, now| {
        s.go_to(
            Step::Phase {
                turn: 0,
                phase: Phase::Goal,
            },
            now,
        )
    });
    flush(&mut p, there, back);
    p
}

/// What each screen shows at one true moment: the phase's time left and
/// the session's, in ms.
fn shown(p: &Pair, later: i64) -> [(i64, i64, Step); 2] {
    [0, 1].map(|d| {
        let s = p.sides[d].regs.session().expect("a session");
        let now = p.local(d) + later;
        let phase = s.current_clock().map_or(0, |c| c.remaining(now));
        (phase, s.session_left(now), s.step)
    })
}

fn drive(p: &mut Pair, acts: &[Act], there: i64, back: i64) -> Result<(), TestCaseError> {
    for a in acts {
        match *a {
            Act::Start(d) => drop(p.edit(d, |s, now| s.start_clock(now))),
            Act::Pause(d) => drop(p.edit(d, |s, now| s.pause_clock(now))),
            Act::Minute(d) => drop(p.edit(d, |s, now| s.add_minute(now))),
            Act::Next(d) => drop(p.edit(d, |s, now| s.advance(now))),
            Act::Wait(ms) => p.now += ms,
        }
        flush(p, there, back);
        for later in [0, 1_000, 59_000, 600_000] {
            let [host, guest] = shown(p, later);
            prop_assert_eq!(host.2, guest.2, "the same step");
            prop_assert!(
                (host.0 - guest.0).abs() < 1_000,
                "phase {:?} vs {:?} after {:?}",
                host,
                guest,
                a
            );
            prop_assert!(
                (host.1 - guest.1).abs() < 1_000,
                "session {:?} vs {:?} after {:?}",
                host,
                guest,
                a
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Two devices whose clocks are up to ten minutes apart, messages
    /// taking up to half a second each way: whoever starts, pauses, adds
    /// a minute or moves on, both screens show the same time left (of the
    /// phase and of the session) within a second, now and later.
    #[test]
    fn two_devices_with_clocks_apart_show_the_same_time_box(
        skew in -600_000i64..600_000,
        there in 1i64..500,
        back in 1i64..500,
        acts in proptest::collection::vec(act(), 1..12),
    ) {
        let mut p = connected(skew, there, back);
        drive(&mut p, &acts, there, back)?;
    }
}

#[test]
fn clocks_three_minutes_apart_start_pause_and_one_more_minute_from_either_side() {
    for skew in [180_000, -180_000] {
        let mut p = connected(skew, 40, 120);
        let acts = [
            Act::Start(1),
            Act::Wait(30_000),
            Act::Pause(0),
            Act::Wait(10_000),
            Act::Minute(1),
            Act::Start(0),
            Act::Wait(200_000),
            Act::Minute(0),
            Act::Next(1),
            Act::Start(1),
        ];
        drive(&mut p, &acts, 40, 120).unwrap();
        // And the clock really ran: 30 s before the pause, 200 s after.
        let s = p.sides[0].regs.session().unwrap();
        let goal = &s.turns[0].clocks[0];
        assert!((goal.used_ms - 230_000).abs() < 1_000, "{goal:?}");
    }
}
