//! The schedule link (`r1`): the golden link decodes to its schedule in
//! every later version (never edit or regenerate `tests/golden/r1.txt`),
//! every schedule the app makes travels whole, and a bad link says what is
//! wrong without a panic.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::rotation::link::{decode, encode, is_schedule_link, MAX_PERIODS};
use peer_coach::domain::rotation::{OddPolicy, Period, Roster, Schedule};
use peer_coach::domain::share::LinkError;
use proptest::prelude::*;

fn golden() -> String {
    let path = format!("{}/tests/golden/r1.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .trim()
        .to_string()
}

fn period(index: u32, groups: &[&[u32]], away: &[u32], locked: &[(u32, u32)]) -> Period {
    Period {
        index,
        groups: groups.iter().map(|g| g.to_vec()).collect(),
        sit_out: None,
        away: away.to_vec(),
        locked: locked.to_vec(),
    }
}

/// The team of nine of the golden link, written out: six monthly periods,
/// Sam away in the second, Amara and Jonas locked in the third, a swap in
/// the fourth.
fn golden_team() -> Schedule {
    let names = [
        "Amara",
        "Jonas",
        "Mia",
        "Lee",
        "Sam",
        "Noor",
        "Ivo",
        "Zoë",
        "Ruth, the new one",
    ];
    let mut s = Schedule::new(Roster::of(&names), OddPolicy::Trio, None, "2026-03-02");
    s.periods = vec![
        period(0, &[&[0, 1, 8], &[2, 7], &[3, 6], &[4, 5]], &[], &[]),
        period(1, &[&[0, 5], &[1, 3], &[2, 8], &[6, 7]], &[4], &[]),
        period(2, &[&[0, 1], &[2, 3, 4], &[5, 6], &[7, 8]], &[], &[(0, 1)]),
        period(3, &[&[0, 8], &[1, 2, 6], &[3, 4], &[5, 7]], &[], &[]),
        period(4, &[&[0, 2], &[1, 4, 7], &[3, 5], &[6, 8]], &[], &[]),
        period(5, &[&[0, 3], &[1, 5, 8], &[2, 7], &[4, 6]], &[], &[]),
    ];
    s
}

#[test]
fn r1_golden_link_decodes_to_its_schedule() {
    let link = golden();
    assert!(link.starts_with("r1."));
    assert!(is_schedule_link(&link));
    assert_eq!(decode(&link), Ok(golden_team()));
    // Pasted the ways people paste it.
    let wrapped = format!(
        "> https://example.org/peer-coach/#{}\n> {}.",
        &link[..40],
        &link[40..]
    );
    assert_eq!(decode(&wrapped), Ok(golden_team()));
    assert_eq!(decode(&link.replacen("r1.", "r1%2E", 1)), Ok(golden_team()));
}

#[test]
fn r1_encoder_still_writes_the_golden_link() {
    assert_eq!(encode(&golden_team()), golden());
}

#[test]
fn a_team_of_nine_over_six_months_is_a_short_link() {
    let link = encode(&golden_team());
    assert!(link.len() < 400, "{} characters", link.len());
}

#[test]
fn every_way_a_link_goes_wrong() {
    let link = golden();
    assert_eq!(decode(""), Err(LinkError::Empty));
    assert_eq!(decode("  #  "), Err(LinkError::Empty));
    assert_eq!(decode("see you on Monday"), Err(LinkError::NotALink));
    assert_eq!(decode("r1"), Err(LinkError::Truncated));
    assert_eq!(decode("r1."), Err(LinkError::Truncated));
    for cut in [4, 20, link.len() / 2, link.len() - 1] {
        let result = decode(&link[..cut]);
        assert!(
            matches!(result, Err(LinkError::Truncated | LinkError::Corrupted)),
            "cut at {cut}: {result:?}"
        );
    }
    assert_eq!(decode(&link[..link.len() - 8]), Err(LinkError::Truncated));
    assert_eq!(decode(&format!("{link}A")), Err(LinkError::Corrupted));
    for at in 3..link.len() {
        let mut bytes = link.clone().into_bytes();
        bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
        let changed = String::from_utf8(bytes).unwrap();
        assert!(
            matches!(
                decode(&changed),
                Err(LinkError::Corrupted | LinkError::Truncated)
            ),
            "changed at {at}"
        );
    }
    assert_eq!(
        decode(&link.replacen("r1.", "r2.", 1)),
        Err(LinkError::NewerVersion { tag: "r2".into() })
    );
}

fn policy() -> impl Strategy<Value = OddPolicy> {
    prop_oneof![Just(OddPolicy::Trio), Just(OddPolicy::SitOut)]
}

/// A hand edit of one period: someone away, a swap, a lock.
#[derive(Clone, Debug)]
enum Edit {
    Away(u32, u32),
    Swap(u32, u32, u32),
    Lock(u32, u32, u32),
}

fn edit(n: u32, periods: u32) -> impl Strategy<Value = Edit> {
    let (p, id) = (0..periods, 0..n);
    prop_oneof![
        (p.clone(), id.clone()).prop_map(|(p, a)| Edit::Away(p, a)),
        (p.clone(), id.clone(), id.clone()).prop_map(|(p, a, b)| Edit::Swap(p, a, b)),
        (p, id.clone(), id).prop_map(|(p, a, b)| Edit::Lock(p, a, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the app makes (any roster, names of any length, cadence,
    /// hand edits, people removed) comes back from its link exactly.
    #[test]
    fn every_schedule_round_trips(
        names in prop::collection::vec(prop_oneof!["\\PC{0,24}", "[\u{4e00}-\u{9fff}]{340,400}"], 2..14),
        odd in policy(),
        weeks in prop::option::of(1u8..=8),
        periods in 1u32..10,
        edits in prop::collection::vec(edit(14, 10), 0..8),
        removed in prop::option::of(0u32..14),
    ) {
        let mut s = Schedule::new(Roster::of(&names), odd, weeks, "2026-01-31");
        s.extend(periods, &|_| vec![], &|_| vec![]);
        for e in edits {
            let _ = match e {
                Edit::Away(p, a) => s.set_away(p, a, true),
                Edit::Swap(p, a, b) => s.swap(p, a, b),
                Edit::Lock(p, a, b) => s.lock(p, a, b),
            };
        }
        if let Some(id) = removed {
            s.roster.remove(id);
        }
        let link = encode(&s);
        prop_assert_eq!(decode(&link), Ok(s));
    }

    /// Any text at all: an error or a schedule, never a panic; a schedule
    /// decoded is within the caps.
    #[test]
    fn decoding_anything_never_panics(text in "(r1\\.)?[A-Za-z0-9_-]{0,300}") {
        if let Ok(s) = decode(&text) {
            prop_assert!(s.periods.len() <= MAX_PERIODS);
        }
    }
}
