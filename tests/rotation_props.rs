//! Property tests of the team rotation: everyone present is placed exactly
//! once, a fixed even roster is a round-robin, sit-outs take turns, locks
//! hold, and regeneration honours the history it keeps.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use peer_coach::domain::rotation::{duty_candidates, OddPolicy, Period, Roster, Schedule};
use proptest::prelude::*;

fn schedule(n: usize, odd: OddPolicy) -> Schedule {
    let names: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
    Schedule::new(Roster::of(&names), odd, None, "2026-01-15")
}

fn policy() -> impl Strategy<Value = OddPolicy> {
    prop_oneof![Just(OddPolicy::Trio), Just(OddPolicy::SitOut)]
}

fn key(a: u32, b: u32) -> (u32, u32) {
    (a.min(b), a.max(b))
}

/// Per period: who is away, and which locks are asked for.
type Plan = Vec<(Vec<u32>, Vec<(u32, u32)>)>;

fn plan(n: usize, periods: usize) -> impl Strategy<Value = Plan> {
    let id = 0..n as u32 + 1; // n is not on the roster: it must be ignored
    let away = prop::collection::vec(id.clone(), 0..=n / 2);
    let locks = prop::collection::vec((id.clone(), id), 0..3);
    prop::collection::vec((away, locks), periods)
}

/// The locks that can hold: both present, neither locked already.
fn applicable(asked: &[(u32, u32)], present: &[u32]) -> Vec<(u32, u32)> {
    let mut taken = BTreeSet::new();
    let mut out = Vec::new();
    for &(a, b) in asked {
        if a != b
            && present.contains(&a)
            && present.contains(&b)
            && !taken.contains(&a)
            && !taken.contains(&b)
        {
            taken.extend([a, b]);
            out.push(key(a, b));
        }
    }
    out.sort_unstable();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Every period places everyone present exactly once: in a pair, in the
    /// one trio, or as the one sitting out; locks hold; away people and
    /// unknown ids are left out.
    #[test]
    fn everyone_present_is_placed_exactly_once(
        (n, plan) in (2usize..=16).prop_flat_map(|n| (Just(n), plan(n, 6))),
        odd in policy(),
    ) {
        let mut s = schedule(n, odd);
        let (p1, p2) = (plan.clone(), plan.clone());
        s.extend(
            plan.len() as u32,
            &move |i| p1[i as usize].0.clone(),
            &move |i| p2[i as usize].1.clone(),
        );
        prop_assert_eq!(s.periods.len(), 6);
        for (i, p) in s.periods.iter().enumerate() {
            prop_assert_eq!(p.index, i as u32);
            let away: BTreeSet<u32> = plan[i].0.iter().copied().filter(|&a| a < n as u32).collect();
            prop_assert_eq!(&p.away, &away.iter().copied().collect::<Vec<_>>());
            let present: Vec<u32> = (0..n as u32).filter(|id| !away.contains(id)).collect();
            let mut placed: Vec<u32> = p.groups.iter().flatten().copied().collect();
            placed.extend(p.sit_out);
            placed.sort_unstable();
            prop_assert_eq!(&placed, &present, "each present person exactly once");
            let trios = p.groups.iter().filter(|g| g.len() == 3).count();
            prop_assert!(p.groups.iter().all(|g| g.len() == 2 || g.len() == 3));
            let m = present.len();
            match (odd, m % 2 == 1) {
                (_, false) => prop_assert!(trios == 0 && p.sit_out.is_none()),
                (OddPolicy::SitOut, true) => prop_assert!(trios == 0 && p.sit_out.is_some()),
                (OddPolicy::Trio, true) if m == 1 => prop_assert!(p.sit_out.is_some()),
                (OddPolicy::Trio, true) => prop_assert!(trios == 1 && p.sit_out.is_none()),
            }
            prop_assert_eq!(&p.locked, &applicable(&plan[i].1, &present));
            for &(a, b) in &p.locked {
                prop_assert!(p.group_of(a).is_some_and(|g| g.contains(&b)), "lock {a}-{b}");
            }
        }
    }

    /// A fixed even roster meets everyone before meeting anyone again, even
    /// when made in several goes.
    #[test]
    fn a_fixed_even_roster_never_repeats_within_n_minus_1_periods(
        turn in 1usize..=8,
        split in 0u32..20,
    ) {
        let n = 2 * turn;
        let total = 2 * (n as u32 - 1) + 1;
        let split = split.min(total);
        let mut s = schedule(n, OddPolicy::Trio);
        s.extend(split, &|_| vec![], &|_| vec![]);
        s.extend(total - split, &|_| vec![], &|_| vec![]);
        let mut whole = schedule(n, OddPolicy::Trio);
        whole.extend(total, &|_| vec![], &|_| vec![]);
        prop_assert_eq!(&s, &whole, "made in one go or two: the same");
        for window in s.periods.windows(n - 1) {
            let pairs: Vec<(u32, u32)> = window.iter().flat_map(Period::pairs).collect();
            let unique: BTreeSet<(u32, u32)> = pairs.iter().copied().collect();
            prop_assert_eq!(unique.len(), pairs.len());
            prop_assert_eq!(unique.len(), n * (n - 1) / 2);
        }
    }

    /// With an odd roster sitting out in turn, everyone sits out once before
    /// anyone sits out again.
    #[test]
    fn sit_outs_differ_until_everyone_has_sat_out(turn in 1usize..=7, split in 0u32..16) {
        let n = 2 * turn + 1;
        let total = 2 * n as u32 + 1;
        let mut s = schedule(n, OddPolicy::SitOut);
        s.extend(split.min(total), &|_| vec![], &|_| vec![]);
        s.extend(total - split.min(total), &|_| vec![], &|_| vec![]);
        let sat: Vec<u32> = s.periods.iter().map(|p| p.sit_out.unwrap()).collect();
        for window in sat.windows(n) {
            let unique: BTreeSet<u32> = window.iter().copied().collect();
            prop_assert_eq!(unique.len(), n, "{:?}", sat);
        }
    }

    /// After any history (pairings made or edited by hand), the periods made
    /// again have the fewest early repeats any grouping could (every one
    /// tried, teams up to ten); remaking with nothing changed changes
    /// nothing; the kept history stays as it was.
    #[test]
    fn regeneration_honours_recent_history(
        (n, history) in (2usize..=16).prop_flat_map(|n| {
            let ids: Vec<u32> = (0..n as u32).collect();
            (Just(n), prop::collection::vec(Just(ids).prop_shuffle(), 1..8))
        }),
        odd in policy(),
        more in 1u32..6,
    ) {
        let mut s = schedule(n, odd);
        for (i, order) in history.iter().enumerate() {
            let mut order = order.clone();
            let sit_out = if n % 2 == 1 && odd == OddPolicy::SitOut { order.pop() } else { None };
            let mut groups: Vec<Vec<u32>> = order.chunks(2).map(|c| {
                let mut g = c.to_vec();
                g.sort_unstable();
                g
            }).collect();
            if groups.last().is_some_and(|g| g.len() == 1) {
                let lone = groups.pop().unwrap()[0];
                match groups.last_mut() {
                    Some(g) => { g.push(lone); g.sort_unstable(); }
                    None => groups.push(vec![lone]),
                }
            }
            groups.retain(|g| g.len() > 1);
            groups.sort();
            s.periods.push(Period { index: i as u32, groups, sit_out, ..Period::default() });
        }
        let kept = s.periods.clone();
        s.extend(more, &|_| vec![], &|_| vec![]);
        let made = s.clone();
        s.regenerate_from(kept.len() as u32);
        prop_assert_eq!(&s, &made, "deterministic");
        prop_assert_eq!(&s.periods[..kept.len()], &kept[..]);

        // After any history: the fewest early repeats each period can have.
        for t in kept.len()..s.periods.len() {
            let p = &s.periods[t];
            let history = &s.periods[..t];
            let free = p.present();
            if n > 10 || free.len() < 2 {
                continue;
            }
            let size = if odd == OddPolicy::Trio { 3 } else { 1 };
            let (required, allowed) = duty_candidates(history, odd, n, t as u32, &free, size);
            let met = met_counts(history);
            let best = fewest_early(&met, &free, odd, &required, &allowed);
            prop_assert_eq!(early_in(&met, p), best, "period {}: {:?}", t, p);
        }
    }
}

/// A hand edit: someone away (or back), a swap, a lock, an unlock.
#[derive(Clone, Debug)]
enum Edit {
    Away(u32, u32, bool),
    Swap(u32, u32, u32),
    Lock(u32, u32, u32),
    Unlock(u32, u32, u32),
}

fn edits(n: u32, periods: u32) -> impl Strategy<Value = Vec<Edit>> {
    let (p, id) = (0..periods, 0..n);
    let one = prop_oneof![
        (p.clone(), id.clone(), any::<bool>()).prop_map(|(p, a, on)| Edit::Away(p, a, on)),
        (p.clone(), id.clone(), id.clone()).prop_map(|(p, a, b)| Edit::Swap(p, a, b)),
        (p.clone(), id.clone(), id.clone()).prop_map(|(p, a, b)| Edit::Lock(p, a, b)),
        (p, id.clone(), id).prop_map(|(p, a, b)| Edit::Unlock(p, a, b)),
    ];
    prop::collection::vec(one, 0..10)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// After any hand edits: everyone present placed exactly once, nobody
    /// away placed, every lock inside a group and kept through the remaking
    /// of later periods (that the remade periods repeat nobody early is
    /// `no_early_repeat_while_an_unmet_colleague_could_be_met`).
    #[test]
    fn hand_edits_keep_every_period_whole(
        turn in 2usize..=6,
        plan in edits(12, 8),
    ) {
        let n = 2 * turn;
        let mut s = schedule(n, OddPolicy::Trio);
        s.extend(8, &|_| vec![], &|_| vec![]);
        for e in plan {
            // Refused edits change nothing; the checks below hold either way.
            let _ = match e {
                Edit::Away(p, a, on) => s.set_away(p, a, on),
                Edit::Swap(p, a, b) => s.swap(p, a, b),
                Edit::Lock(p, a, b) => s.lock(p, a, b),
                Edit::Unlock(p, a, b) => Ok(s.unlock(p, a, b)).map(|_| ()),
            };
            let locks_before: Vec<Vec<(u32, u32)>> = s.periods.iter().map(|p| p.locked.clone()).collect();
            for p in &s.periods {
                let mut placed = p.present();
                placed.extend(&p.away);
                placed.sort_unstable();
                prop_assert_eq!(placed, (0..n as u32).collect::<Vec<_>>());
                for &(a, b) in &p.locked {
                    prop_assert!(p.group_of(a).is_some_and(|g| g.contains(&b)));
                    prop_assert!(!p.away.contains(&a) && !p.away.contains(&b));
                }
            }
            let mut remade = s.clone();
            remade.regenerate_from(0);
            let locks_after: Vec<Vec<(u32, u32)>> = remade.periods.iter().map(|p| p.locked.clone()).collect();
            prop_assert_eq!(locks_before, locks_after, "locks survive remaking");
        }
    }
}

/// The meetings before `t`: how often each pair has met.
fn met_counts(periods: &[Period]) -> std::collections::HashMap<(u32, u32), u32> {
    let mut met = std::collections::HashMap::new();
    for p in periods {
        for pair in p.pairs() {
            *met.entry(pair).or_insert(0) += 1;
        }
    }
    met
}

/// The fewest early meetings any grouping of the period `t` could have,
/// by trying them all: `free` are the people present and not locked;
/// with an odd count, the trio (or who sits out) is among `required` and
/// `allowed` (the duty rule) and holds all of `required`. An early meeting
/// is one side of a pair who could have met someone they have met fewer
/// times.
fn fewest_early(
    met: &std::collections::HashMap<(u32, u32), u32>,
    free: &[u32],
    odd: OddPolicy,
    required: &[u32],
    allowed: &[u32],
) -> u32 {
    let early = early_rule(met, free);
    fn pairings(people: &[u32], early: &dyn Fn(u32, u32) -> u32) -> u32 {
        let Some((&first, rest)) = people.split_first() else {
            return 0;
        };
        (0..rest.len())
            .map(|i| {
                let mut left = rest.to_vec();
                let other = left.remove(i);
                early(first, other) + pairings(&left, early)
            })
            .min()
            .unwrap_or(u32::MAX / 4)
    }
    if free.len().is_multiple_of(2) {
        return pairings(free, &early);
    }
    let duty: Vec<u32> = required.iter().chain(allowed).copied().collect();
    let rest_of =
        |out: &[u32]| -> Vec<u32> { free.iter().copied().filter(|x| !out.contains(x)).collect() };
    let mut best = u32::MAX;
    match odd {
        OddPolicy::SitOut => {
            for &v in &duty {
                if required.iter().all(|&r| r == v) {
                    best = best.min(pairings(&rest_of(&[v]), &early));
                }
            }
        }
        OddPolicy::Trio => {
            for (i, &x) in duty.iter().enumerate() {
                for (j, &y) in duty.iter().enumerate().skip(i + 1) {
                    for &z in &duty[j + 1..] {
                        let trio = [x, y, z];
                        if required.iter().all(|r| trio.contains(r)) {
                            let own = early(x, y) + early(x, z) + early(y, z);
                            best = best.min(own + pairings(&rest_of(&trio), &early));
                        }
                    }
                }
            }
        }
    }
    best
}

/// The early meetings of a period as made (locked pairs left out).
fn early_in(met: &std::collections::HashMap<(u32, u32), u32>, p: &Period) -> u32 {
    let free: Vec<u32> = p
        .present()
        .into_iter()
        .filter(|id| !p.locked.iter().any(|&(a, b)| a == *id || b == *id))
        .collect();
    let early = early_rule(met, &free);
    p.pairs()
        .into_iter()
        .filter(|pair| !p.locked.contains(pair))
        .map(|(a, b)| early(a, b))
        .sum()
}

/// How early a meeting of `a` and `b` is among `free`: one for each of
/// them who has met someone of `free` fewer times than the other.
fn early_rule<'a>(
    met: &'a std::collections::HashMap<(u32, u32), u32>,
    free: &'a [u32],
) -> impl Fn(u32, u32) -> u32 + 'a {
    let count = move |a: u32, b: u32| met.get(&key(a, b)).copied().unwrap_or(0);
    let least = move |a: u32| {
        free.iter()
            .filter(|&&b| b != a)
            .map(|&b| count(a, b))
            .min()
            .unwrap_or(0)
    };
    move |a, b| u32::from(count(a, b) > least(a)) + u32::from(count(a, b) > least(b))
}

/// Applies hand edits; returns the periods last made by hand (a swap or a
/// lock moves people by hand; the periods after it, and a period where
/// someone is marked away or back, are made again by the generator, the
/// locks kept; an unlock moves nobody, so a period whose groups a lock
/// shaped keeps them, as made by hand).
fn apply(s: &mut Schedule, plan: &[Edit]) -> BTreeSet<u32> {
    let mut by_hand = BTreeSet::new();
    for e in plan {
        match *e {
            Edit::Away(p, a, on) => {
                if s.set_away(p, a, on).is_ok() {
                    by_hand.retain(|&h| h < p);
                }
            }
            Edit::Swap(p, a, b) | Edit::Lock(p, a, b) => {
                let done = match e {
                    Edit::Swap(..) => s.swap(p, a, b),
                    _ => s.lock(p, a, b),
                };
                if done.is_ok() {
                    by_hand.retain(|&h| h <= p);
                    by_hand.insert(p);
                }
            }
            Edit::Unlock(p, a, b) => {
                if s.unlock(p, a, b) {
                    by_hand.insert(p);
                }
            }
        }
    }
    by_hand
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// The promise, for teams up to ten (every grouping tried): in every
    /// period the generator makes, after any away, lock and swap edits and
    /// with either odd-team mode, nobody meets someone again while they
    /// could have met a colleague they have met fewer times, unless every
    /// grouping of that period (with its locks, and the trio or sit-out
    /// among those whose turn it is) would make as many such meetings.
    #[test]
    fn no_early_repeat_while_an_unmet_colleague_could_be_met(
        (n, plan) in (3usize..=10).prop_flat_map(|n| (Just(n), edits(n as u32 + 1, 6))),
        odd in policy(),
    ) {
        let mut s = schedule(n, odd);
        s.extend(6, &|_| vec![], &|_| vec![]);
        let by_hand = apply(&mut s, &plan);
        for (t, p) in s.periods.iter().enumerate() {
            if by_hand.contains(&(t as u32)) {
                continue;
            }
            let history = &s.periods[..t];
            let met = met_counts(history);
            let free: Vec<u32> = p.present().into_iter()
                .filter(|id| !p.locked.iter().any(|&(a, b)| a == *id || b == *id))
                .collect();
            if free.len() < 2 {
                continue;
            }
            let size = if odd == OddPolicy::Trio { 3 } else { 1 };
            let (required, allowed) = duty_candidates(history, odd, n, t as u32, &free, size);
            let best = fewest_early(&met, &free, odd, &required, &allowed);
            prop_assert_eq!(early_in(&met, p), best, "period {}: {:?} after {:?}", t, p, history);
        }
    }

    /// Larger teams (11 to 20) after any edits: every period is whole, and
    /// a period made by the generator with nobody away and no lock has no
    /// early repeat among its first n/2 − 1 periods (everyone still has
    /// colleagues to meet, and such a grouping is easy to find).
    #[test]
    fn larger_teams_stay_whole_and_fresh(
        (n, plan) in (11usize..=20).prop_flat_map(|n| (Just(n), edits(n as u32, 4))),
        odd in policy(),
    ) {
        let mut s = schedule(n, odd);
        s.extend(4, &|_| vec![], &|_| vec![]);
        let plan: Vec<Edit> = plan.into_iter().take(3).collect();
        let by_hand = apply(&mut s, &plan);
        for (t, p) in s.periods.iter().enumerate() {
            let mut placed = p.present();
            placed.extend(&p.away);
            placed.sort_unstable();
            prop_assert_eq!(placed, (0..n as u32).collect::<Vec<_>>());
            let clean = s.periods[..=t].iter().all(|q| q.away.is_empty() && q.locked.is_empty());
            if clean && by_hand.is_empty() {
                prop_assert_eq!(early_in(&met_counts(&s.periods[..t]), p), 0, "period {}", t);
            }
        }
    }
}

/// Every team size from 3 to 20, both odd-team modes, made in two goes:
/// the trio (or sitting out) is everyone's equally often, to within one,
/// over any n periods running; and nobody meets anyone twice before the
/// schedule could no longer avoid it (n − 1 periods for an even team, n
/// sitting out; with a trio, 6 periods for a team of nine, 7 for eleven).
#[test]
fn duty_is_balanced_over_any_n_periods_for_every_team_size() {
    for odd in [OddPolicy::Trio, OddPolicy::SitOut] {
        for n in 3..=20usize {
            let total = 2 * n as u32 + 1;
            let mut s = schedule(n, odd);
            s.extend(total / 3, &|_| vec![], &|_| vec![]);
            s.extend(total - total / 3, &|_| vec![], &|_| vec![]);
            if n % 2 == 1 {
                for window in s.periods.windows(n) {
                    let counts: Vec<usize> = (0..n as u32)
                        .map(|id| {
                            (window.iter())
                                .filter(|p| match odd {
                                    OddPolicy::Trio => {
                                        p.groups.iter().any(|g| g.len() == 3 && g.contains(&id))
                                    }
                                    OddPolicy::SitOut => p.sit_out == Some(id),
                                })
                                .count()
                        })
                        .collect();
                    let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
                    assert!(hi - lo <= 1, "{odd:?}, n = {n}: {counts:?}");
                }
            }
            let fresh = match (odd, n % 2) {
                (_, 0) => n - 1,
                (OddPolicy::SitOut, _) => n,
                (OddPolicy::Trio, _) => match n {
                    9 => 6,
                    11 => 7,
                    _ => 1,
                },
            };
            let mut seen = BTreeSet::new();
            for p in &s.periods[..fresh] {
                for pair in p.pairs() {
                    assert!(
                        seen.insert(pair),
                        "{odd:?}, n = {n}: {pair:?} again in period {}",
                        p.index
                    );
                }
            }
        }
    }
}

/// The day of the week of `YYYY-MM-DD`: 0 Sunday to 6 Saturday (Sakamoto).
fn weekday_of(date: &str) -> u32 {
    let y: i32 = date[0..4].parse().unwrap();
    let m: usize = date[5..7].parse().unwrap();
    let d: i32 = date[8..10].parse().unwrap();
    let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    ((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d).rem_euclid(7)) as u32
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Monthly periods never fall on a Saturday or a Sunday (they move to
    /// the Monday after), come in order, one in each month or the first
    /// days of the next; every N weeks keeps the start's weekday.
    #[test]
    fn monthly_dates_are_weekdays_in_order(
        y in 2000i32..2100, m in 1u32..=12, d in 1u32..=28, weeks in 1u8..=8,
    ) {
        let mut s = schedule(2, OddPolicy::Trio);
        s.start = format!("{y:04}-{m:02}-{d:02}");
        let dates: Vec<String> = (0..40).map(|i| s.period_date(i).unwrap()).collect();
        for (i, date) in dates.iter().enumerate() {
            prop_assert!(!matches!(weekday_of(date), 0 | 6), "{} is a weekend", date);
            if i > 0 {
                prop_assert!(dates[i - 1] < *date, "{:?}", dates);
            }
        }
        s.every_weeks = Some(weeks);
        let first = weekday_of(&s.period_date(0).unwrap());
        for i in 0..10 {
            prop_assert_eq!(weekday_of(&s.period_date(i).unwrap()), first);
        }
    }

    /// A swap or a lock that makes two people meet in two periods running
    /// says so: the pair is among the repeats the change made, and nothing
    /// said was there before the change.
    #[test]
    fn a_swap_or_lock_that_makes_people_meet_again_says_so(
        n in 4usize..=12,
        odd in policy(),
        at in 1u32..5,
        (a, b) in (0u32..12, 0u32..12),
        lock in any::<bool>(),
    ) {
        let mut s = schedule(n, odd);
        s.extend(6, &|_| vec![], &|_| vec![]);
        let before = s.clone();
        let changed = if lock { s.lock(at, a, b) } else { s.swap(at, a, b) };
        if changed.is_err() {
            return Ok(());
        }
        let made = s.new_repeats(&before, at);
        let i = at as usize;
        let old = before.periods[i].pairs();
        for pair in s.periods[i].pairs().into_iter().filter(|p| !old.contains(p)) {
            let running = s.periods[i - 1].pairs().contains(&pair);
            if running {
                prop_assert!(
                    made.iter().any(|r| r.period == at && (r.a, r.b) == pair && r.before == at - 1),
                    "{:?} meet in periods {} and {}: {:?}", pair, at - 1, at, made
                );
            }
        }
        // Nothing said that was there before the change.
        let old = before.repeats_from(at);
        for r in &made {
            prop_assert!(!old.contains(r));
        }
    }
}

/// Removing someone keeps their name in the periods they were part of,
/// in the CSV and through the link; once no period names them, it goes.
#[test]
fn a_removed_person_keeps_their_name_in_the_past() {
    use peer_coach::domain::rotation::{link, to_csv};
    let mut s = Schedule::new(
        Roster::of(&["Amara", "Jonas", "Mia", "Lee"]),
        OddPolicy::Trio,
        None,
        "2026-03-02",
    );
    s.extend(4, &|_| vec![], &|_| vec![]);
    let today = s.period_date(2).unwrap();
    assert!(s.roster.remove(1));
    s.remake_from(&today);
    assert_eq!(s.roster.name(1), None, "off the roster");
    assert_eq!(s.roster.name_ever(1), Some("Jonas"));
    assert!(s.periods[..2].iter().all(|p| p.present().contains(&1)));
    assert!(s.periods[2..].iter().all(|p| !p.present().contains(&1)));
    let csv = to_csv(&s);
    assert!(csv.contains("Jonas") && !csv.contains('#'), "{csv}");
    assert_eq!(link::decode(&link::encode(&s)), Ok(s.clone()));
    // Once the periods that named them are made again, the name goes.
    s.remake_from("2000-01-01");
    assert!(s.roster.former.is_empty());
    assert_eq!(s.roster.name_ever(1), None);
}
