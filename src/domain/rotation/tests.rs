use super::*;

fn none(_: u32) -> Vec<u32> {
    Vec::new()
}

fn no_locks(_: u32) -> Vec<(u32, u32)> {
    Vec::new()
}

fn schedule(n: usize, odd: OddPolicy) -> Schedule {
    let names: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
    Schedule::new(Roster::of(&names), odd, None, "2026-01-31")
}

fn all_pairs(s: &Schedule) -> Vec<(u32, u32)> {
    s.periods.iter().flat_map(Period::pairs).collect()
}

#[test]
fn roster_adds_renames_and_removes_without_reusing_ids() {
    let mut r = Roster::of(&["Ana", "Ben"]);
    assert_eq!(r.ids(), vec![0, 1]);
    assert!(r.rename(1, "  Benedikt "));
    assert_eq!(r.name(1), Some("Benedikt"));
    assert!(r.remove(0));
    assert!(!r.remove(0));
    assert!(!r.rename(0, "x"));
    assert_eq!(r.add("Cleo"), 2);
    assert_eq!(r.ids(), vec![1, 2]);
}

#[test]
fn an_even_roster_is_a_perfect_round_robin_and_then_repeats_it() {
    for n in [2, 4, 6, 8, 10] {
        let mut s = schedule(n, OddPolicy::Trio);
        s.extend(2 * (n as u32 - 1), &none, &no_locks);
        let first: Vec<(u32, u32)> = s.periods[..n - 1].iter().flat_map(Period::pairs).collect();
        let mut unique = first.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            n * (n - 1) / 2,
            "n = {n}: everyone meets once"
        );
        assert_eq!(first.len(), unique.len());
        for p in &s.periods {
            assert_eq!(p.groups.len(), n / 2);
            assert!(p.groups.iter().all(|g| g.len() == 2));
            assert_eq!(p.present(), (0..n as u32).collect::<Vec<_>>());
        }
        // The second round meets everyone once again, in the same order.
        for k in 0..n - 1 {
            assert_eq!(s.periods[k].groups, s.periods[k + n - 1].groups);
        }
    }
}

#[test]
fn an_odd_roster_sits_out_in_turn() {
    let mut s = schedule(5, OddPolicy::SitOut);
    s.extend(10, &none, &no_locks);
    let sat: Vec<u32> = s.periods.iter().map(|p| p.sit_out.unwrap()).collect();
    let mut first: Vec<u32> = sat[..5].to_vec();
    first.sort_unstable();
    assert_eq!(first, vec![0, 1, 2, 3, 4]);
    assert_eq!(sat[..5], sat[5..]);
    let mut pairs = all_pairs(&Schedule {
        periods: s.periods[..5].to_vec(),
        ..s.clone()
    });
    pairs.sort_unstable();
    let count = pairs.len();
    pairs.dedup();
    assert_eq!(
        (count, pairs.len()),
        (10, 10),
        "5 periods: everyone met once"
    );
}

#[test]
fn an_odd_roster_makes_one_trio_of_the_least_trio_ed() {
    let mut s = schedule(7, OddPolicy::Trio);
    s.extend(7, &none, &no_locks);
    let mut trio_members: Vec<u32> = Vec::new();
    for p in &s.periods {
        assert_eq!(p.sit_out, None);
        let trios: Vec<&Vec<u32>> = p.groups.iter().filter(|g| g.len() == 3).collect();
        assert_eq!(trios.len(), 1);
        assert_eq!(p.present(), (0..7).collect::<Vec<_>>());
        trio_members.extend(trios[0]);
    }
    // 7 trios of 3 people: everyone is in one at least once.
    for id in 0..7 {
        assert!(trio_members.contains(&id), "{id} never in a trio");
    }
}

#[test]
fn few_people() {
    for (n, groups, sit) in [(0, 0, None), (1, 0, Some(0)), (2, 1, None), (3, 1, None)] {
        let mut s = schedule(n, OddPolicy::Trio);
        s.extend(3, &none, &no_locks);
        for p in &s.periods {
            assert_eq!(p.groups.len(), groups, "n = {n}");
            assert_eq!(p.sit_out, sit);
        }
    }
}

#[test]
fn away_people_are_left_out_and_locks_placed_first() {
    let mut s = schedule(6, OddPolicy::SitOut);
    s.extend(4, &|i| if i == 1 { vec![2, 99] } else { vec![] }, &|i| {
        if i == 2 {
            vec![(5, 0), (0, 3), (4, 4)]
        } else {
            vec![]
        }
    });
    let p1 = &s.periods[1];
    assert_eq!(p1.away, vec![2]);
    assert_eq!(p1.present(), vec![0, 1, 3, 4, 5]);
    assert!(p1.sit_out.is_some());
    let p2 = &s.periods[2];
    assert_eq!(
        p2.locked,
        vec![(0, 5)],
        "conflicting and self locks dropped"
    );
    assert!(p2.groups.contains(&vec![0, 5]));
}

#[test]
fn swap_lock_and_unlock_by_hand() {
    let mut s = schedule(6, OddPolicy::Trio);
    s.extend(3, &none, &no_locks);
    let before = s.periods[0].clone();
    let (a, b) = (before.groups[0][0], before.groups[1][0]);
    s.swap(0, a, b).unwrap();
    let p = &s.periods[0];
    assert_eq!(p.present(), before.present());
    assert_ne!(p.group_of(a), before.group_of(a));
    assert_eq!(s.swap(0, a, a), Err(EditError::SameGroup));
    assert_eq!(s.swap(9, a, b), Err(EditError::NoSuchPeriod(9)));
    assert_eq!(s.swap(0, a, 42), Err(EditError::NotInPeriod(42)));

    // Lock two people in different groups: they end up together.
    let p = s.periods[1].clone();
    let (x, y) = (p.groups[0][0], p.groups[2][1]);
    s.lock(1, x, y).unwrap();
    let p = &s.periods[1];
    assert!(p.group_of(x).unwrap().contains(&y));
    assert_eq!(p.locked, vec![key(x, y)]);
    assert_eq!(p.present(), (0..6).collect::<Vec<_>>());
    assert_eq!(
        s.swap(
            1,
            x,
            p.groups
                .iter()
                .flatten()
                .copied()
                .find(|&z| z != x && z != y)
                .unwrap()
        ),
        Err(EditError::Locked(x))
    );
    assert_eq!(s.lock(1, x, x), Err(EditError::SamePerson));

    // The lock survives regeneration; the swap in period 0 stays as history.
    let edited = s.periods[0].clone();
    s.regenerate_from(1);
    assert_eq!(s.periods[0], edited);
    assert_eq!(s.periods.len(), 3);
    assert_eq!(s.periods[1].locked, vec![key(x, y)]);
    assert!(s.periods[1].group_of(x).unwrap().contains(&y));
    assert!(s.unlock(1, y, x));
    assert!(!s.unlock(1, y, x));
}

#[test]
fn lock_brings_in_the_one_sitting_out() {
    let mut s = schedule(5, OddPolicy::SitOut);
    s.extend(1, &none, &no_locks);
    let out = s.periods[0].sit_out.unwrap();
    let other = s.periods[0].groups[0][0];
    s.lock(0, out, other).unwrap();
    let p = &s.periods[0];
    assert!(p.group_of(out).unwrap().contains(&other));
    assert_ne!(p.sit_out, Some(out));
    assert_eq!(p.present(), (0..5).collect::<Vec<_>>());
}

#[test]
fn regeneration_is_deterministic_and_avoids_recent_history() {
    let mut s = schedule(8, OddPolicy::Trio);
    s.extend(6, &none, &no_locks);
    let same = s.clone();
    s.regenerate_from(2);
    assert_eq!(s, same, "nothing changed: the same periods");

    // Hand-swap period 0 so that history is no longer a circle round.
    let g = s.periods[0].groups.clone();
    s.swap(0, g[0][1], g[1][0]).unwrap();
    s.regenerate_from(1);
    let recent = s.periods[0].pairs();
    for p in &s.periods[1..=3] {
        for pair in p.pairs() {
            assert!(!recent.contains(&pair), "{pair:?} repeated from period 0");
        }
    }
}

#[test]
fn set_away_regenerates_from_that_period() {
    let mut s = schedule(4, OddPolicy::SitOut);
    s.extend(3, &none, &no_locks);
    let first = s.periods[0].clone();
    s.set_away(1, 3, true).unwrap();
    assert_eq!(s.periods[0], first);
    assert_eq!(s.periods[1].away, vec![3]);
    assert!(!s.periods[1].present().contains(&3));
    assert_eq!(s.periods[1].present().len(), 3);
    assert_eq!(s.periods[2].present().len(), 4);
    s.set_away(1, 3, false).unwrap();
    assert!(s.periods[1].away.is_empty());
    assert_eq!(s.periods[1].present().len(), 4);
}

#[test]
fn period_dates_monthly_and_weekly() {
    let mut s = schedule(2, OddPolicy::Trio);
    let dates: Vec<String> = (0..4).map(|i| s.period_date(i).unwrap()).collect();
    // Saturday 31 January and Saturday 28 February move to the Monday after.
    assert_eq!(
        dates,
        ["2026-02-02", "2026-03-02", "2026-03-31", "2026-04-30"]
    );
    assert_eq!(
        s.period_date(13).unwrap(),
        "2027-03-01",
        "Sunday 28 Feb 2027"
    );
    s.start = "2027-12-15".into();
    assert_eq!(
        s.period_date(1).unwrap(),
        "2028-01-17",
        "Saturday 15 Jan 2028"
    );
    s.every_weeks = Some(2);
    assert_eq!(s.period_date(1).unwrap(), "2027-12-29");
    assert_eq!(s.period_date(2).unwrap(), "2028-01-12");
    s.every_weeks = Some(0);
    assert_eq!(s.period_date(1).unwrap(), "2027-12-22", "0 weeks means 1");
    s.start = "2026-02-30".into();
    assert_eq!(s.period_date(0), None);
}

#[test]
fn csv_quotes_and_defuses_names() {
    let roster = Roster::of(&["Ana, \"the\" coach", "=1+1", "Ben", "Line\nbreak"]);
    let mut s = Schedule::new(roster, OddPolicy::SitOut, Some(1), "2026-03-02");
    s.extend(1, &|_| vec![3], &no_locks);
    s.roster.remove(2);
    let csv = to_csv(&s);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "Period,Date,Kind,People");
    assert!(csv.ends_with("\r\n"));
    assert!(
        csv.contains("1,2026-03-02,away,\"Line\nbreak\"\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\"Ana, \"\"the\"\" coach\""), "{csv}");
    assert!(csv.contains("'=1+1"), "{csv}");
    assert!(
        csv.contains("1,2026-03-02,pair,Ben & ") || csv.contains(" & Ben\r\n"),
        "removed people keep their name in the past periods: {csv}"
    );
    assert!(!csv.contains('#'), "{csv}");
}

#[test]
fn serde_round_trip() {
    let mut s = schedule(5, OddPolicy::SitOut);
    s.extend(3, &|i| vec![i], &|_| vec![(0, 4)]);
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), s);
}

#[test]
fn a_big_roster_with_long_history_stays_whole() {
    // How fast this is belongs in `make bench`, not in a timed test.
    let mut s = schedule(40, OddPolicy::Trio);
    s.extend(30, &|i| vec![i % 40, (i * 7) % 40], &|i| {
        vec![(i % 40, (i + 3) % 40)]
    });
    for p in &s.periods {
        assert_eq!(p.present().len() + p.away.len(), 40);
    }
}

#[test]
fn hand_edits_remake_the_later_periods_around_them() {
    let mut s = schedule(8, OddPolicy::Trio);
    s.extend(6, &none, &no_locks);
    // A swap makes new pairs in period 1: the periods after it avoid them.
    let g = s.periods[1].groups.clone();
    let before = s.periods[..1].to_vec();
    s.swap(1, g[0][1], g[1][0]).unwrap();
    assert_eq!(s.periods[..1], before[..], "earlier periods untouched");
    assert_eq!(s.periods.len(), 6);
    let edited = s.periods[1].pairs();
    for p in &s.periods[2..=4] {
        for pair in p.pairs() {
            assert!(!edited.contains(&pair), "{pair:?} repeated");
        }
    }
    // A lock in period 2 also remakes periods 3 to 5 around it.
    let g = s.periods[2].groups.clone();
    let (x, y) = (g[0][0], g[3][1]);
    s.lock(2, x, y).unwrap();
    assert!(s.is_locked_pair(2, y, x));
    for p in &s.periods[3..=5] {
        assert!(!p.pairs().contains(&key(x, y)), "the locked pair again");
    }
    // Nobody in a locked pair is marked away, and nobody away is locked.
    assert_eq!(s.set_away(2, x, true), Err(EditError::Locked(x)));
    assert_eq!(s.periods[2].away, Vec::<u32>::new());
    let z = g[1][0];
    s.set_away(2, z, true).unwrap();
    assert!(s.is_locked_pair(2, x, y), "the lock holds when remade");
    assert_eq!(s.lock(2, z, g[2][0]), Err(EditError::NotInPeriod(z)));
    assert_eq!(s.swap(2, z, g[2][0]), Err(EditError::NotInPeriod(z)));
}

#[test]
fn a_change_remakes_only_the_periods_from_today() {
    let mut s = schedule(6, OddPolicy::Trio);
    s.extend(4, &none, &no_locks);
    let dates: Vec<String> = (0..4).map(|i| s.period_date(i).unwrap()).collect();
    assert_eq!(s.first_period_from(&dates[2]), 2);
    assert_eq!(s.first_period_from("2000-01-01"), 0);
    assert_eq!(s.first_period_from("2999-01-01"), 4);
    let past = s.periods[..2].to_vec();
    s.roster.add("P6");
    s.remake_from(&dates[2]);
    assert_eq!(&s.periods[..2], &past[..], "the periods before today stay");
    assert_eq!(s.periods.len(), 4);
    assert!(s.periods[2..].iter().all(|p| p.present().contains(&6)));
}

/// The hand-written period date that `chrono`'s month and day arithmetic
/// replaced, kept as the oracle the new one must agree with.
fn oracle_period_date(start: &str, every_weeks: Option<u8>, index: u32) -> Option<String> {
    use crate::domain::dates::{civil_from_days, days_from_civil, days_in_month, weekday};
    let (y, m, d) = dates::parse_iso_date(start)?;
    let (y, m, d) = match every_weeks {
        Some(weeks) => {
            let step = 7 * i64::from(weeks.max(1)) * i64::from(index);
            civil_from_days(days_from_civil(y, m, d) + step)
        }
        None => {
            let months = (m - 1) + i64::from(index);
            let (y, m) = (y + months.div_euclid(12), months.rem_euclid(12) + 1);
            let days = days_from_civil(y, m, d.min(days_in_month(y, m)));
            let to_monday = match weekday(days) {
                6 => 2,
                0 => 1,
                _ => 0,
            };
            civil_from_days(days + to_monday)
        }
    };
    (1000..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[test]
fn period_dates_agree_with_the_hand_written_ones_from_every_month_end() {
    // Every start from the 25th to the month's end of 1999 to 2031, and
    // the edges of the years the app writes: monthly and every 1 to 4
    // weeks, the first 30 periods and some far ones.
    let mut starts: Vec<String> = Vec::new();
    for y in 1999..=2031 {
        for m in 1..=12 {
            for d in 25..=31 {
                starts.push(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    starts.extend(["1000-01-01", "9999-12-31", "9999-01-31", "9998-12-06"].map(String::from));
    for start in starts.iter().filter(|s| dates::is_iso_date(s)) {
        for every in [None, Some(0), Some(1), Some(2), Some(4)] {
            let schedule = Schedule {
                start: start.clone(),
                every_weeks: every,
                ..Schedule::default()
            };
            for index in (0..30).chain([95_999, 96_000, 500_000, u32::MAX]) {
                assert_eq!(
                    schedule.period_date(index),
                    oracle_period_date(start, every, index),
                    "{start} {every:?} {index}"
                );
            }
        }
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod period_date_props {
    use super::*;
    use crate::domain::dates::{civil_from_days, days_from_civil};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Any start of the years 1000 to 9999, any rhythm, any period.
        #[test]
        fn period_dates_agree_with_the_hand_written_ones(
            day in days_from_civil(1000, 1, 1)..=days_from_civil(9999, 12, 31),
            every in proptest::option::of(any::<u8>()),
            index in prop_oneof![0u32..1_000, any::<u32>()],
        ) {
            let (y, m, d) = civil_from_days(day);
            let start = format!("{y:04}-{m:02}-{d:02}");
            let schedule = Schedule {
                start: start.clone(),
                every_weeks: every,
                ..Schedule::default()
            };
            prop_assert_eq!(
                schedule.period_date(index),
                oracle_period_date(&start, every, index)
            );
        }
    }
}
