//! Property tests of the team rotation: everyone present is placed exactly
//! once, a fixed even roster is a round-robin, sit-outs take turns, locks
//! hold, and regeneration honours the history it keeps.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use peer_coach::domain::rotation::{OddPolicy, Period, Roster, Schedule};
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

/// Is there a pairing of `people` (even count) with no pair in `banned`?
fn avoidable(people: &[u32], banned: &BTreeSet<(u32, u32)>) -> bool {
    let Some((&first, rest)) = people.split_first() else {
        return true;
    };
    rest.iter().enumerate().any(|(i, &other)| {
        if banned.contains(&key(first, other)) {
            return false;
        }
        let mut left = rest.to_vec();
        left.remove(i);
        avoidable(&left, banned)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

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
        half in 1usize..=8,
        split in 0u32..20,
    ) {
        let n = 2 * half;
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
    fn sit_outs_differ_until_everyone_has_sat_out(half in 1usize..=7, split in 0u32..16) {
        let n = 2 * half + 1;
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
    /// again never repeat a pair of the last ⌊(n−1)/2⌋ periods when a
    /// pairing without one exists; remaking with nothing changed changes
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

        let window = (n - 1) / 2;
        for t in kept.len()..s.periods.len() {
            let p = &s.periods[t];
            let banned: BTreeSet<(u32, u32)> = s.periods[t.saturating_sub(window)..t]
                .iter()
                .flat_map(Period::pairs)
                .collect();
            // Odd rosters: who sits out (or joins a pair) is chosen first,
            // for fairness, among those who did so least; the rest are paired.
            let everyone: Vec<u32> = (0..n as u32).collect();
            let left_over: Vec<Option<u32>> = if n % 2 == 0 {
                vec![None]
            } else {
                let times = |id: u32| s.periods[..t].iter().filter(|q| match odd {
                    OddPolicy::SitOut => q.sit_out == Some(id),
                    OddPolicy::Trio => q.groups.iter().any(|g| g.len() == 3 && g.contains(&id)),
                }).count();
                let least = everyone.iter().map(|&id| times(id)).min().unwrap();
                everyone.iter().copied().filter(|&id| times(id) == least).map(Some).collect()
            };
            let could_avoid = left_over.iter().any(|v| {
                let rest: Vec<u32> = everyone.iter().copied().filter(|&x| Some(x) != *v).collect();
                avoidable(&rest, &banned)
            });
            // The pairing made: every pair, and the trio minus whoever joined.
            let pairs_ok = |joined: Option<u32>| p.groups.iter().all(|g| {
                let g: Vec<u32> = g.iter().copied().filter(|&x| Some(x) != joined).collect();
                g.len() != 2 || !banned.contains(&key(g[0], g[1]))
            });
            let avoided = match p.groups.iter().find(|g| g.len() == 3) {
                Some(trio) => trio.iter().any(|&x| left_over.contains(&Some(x)) && pairs_ok(Some(x))),
                None => pairs_ok(None),
            };
            if could_avoid {
                prop_assert!(avoided, "period {}: {:?} after {:?}", t, p, banned);
            }
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
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// After any hand edits: everyone present placed exactly once, nobody
    /// away placed, every lock inside a group and kept through the remaking
    /// of later periods; and the periods after the last edit never repeat a
    /// pair of the ⌊(n−1)/2⌋ periods before them (with pairs only, every
    /// person may still meet at least n/2 others: such a pairing exists).
    #[test]
    fn hand_edits_keep_every_period_whole(
        half in 2usize..=6,
        plan in edits(12, 8),
    ) {
        let n = 2 * half;
        let mut s = schedule(n, OddPolicy::Trio);
        s.extend(8, &|_| vec![], &|_| vec![]);
        let mut last = None;
        for e in plan {
            let (index, result) = match e {
                Edit::Away(p, a, on) => (p, s.set_away(p, a, on)),
                Edit::Swap(p, a, b) => (p, s.swap(p, a, b)),
                Edit::Lock(p, a, b) => (p, s.lock(p, a, b)),
                Edit::Unlock(p, a, b) => (p, Ok(s.unlock(p, a, b)).map(|_| ())),
            };
            if result.is_ok() {
                last = Some(last.map_or(index, |l: u32| l.max(index)));
            }
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
        let Some(last) = last else { return Ok(()) };
        let window = (n - 1) / 2;
        let clean = |p: &Period| p.away.is_empty() && p.locked.is_empty();
        for t in (last as usize + 1)..s.periods.len() {
            let from = t.saturating_sub(window);
            let pairs_only = s.periods[from..t].iter().all(|p| p.groups.iter().all(|g| g.len() == 2));
            if !clean(&s.periods[t]) || !pairs_only {
                continue;
            }
            let recent: BTreeSet<(u32, u32)> = s.periods[t.saturating_sub(window)..t]
                .iter()
                .flat_map(Period::pairs)
                .collect();
            for pair in s.periods[t].pairs() {
                prop_assert!(!recent.contains(&pair), "period {}: {:?} again", t, pair);
            }
        }
    }
}
