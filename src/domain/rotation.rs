//! Team rotation: a roster of people and a schedule of who meets whom in
//! each period (monthly by default, or every N weeks).
//!
//! The schedule is plain data (serde) and every change is a pure function
//! or a method over it. Generation is deterministic: the same roster,
//! history, away lists and locks always give the same periods.
//!
//! How a period is made:
//! - people marked away are left out; locked pairs are placed first;
//! - everyone else is paired by a minimum-cost matching whose starting
//!   point is the circle method (round-robin), so a fixed even roster meets
//!   everyone exactly once every n−1 periods;
//! - the cost of a pair prefers, in this order: not having met in the last
//!   ⌊(n−1)/2⌋ periods, not having met in the current round (n−2 periods
//!   for an even n), having met fewer times, having met longer ago;
//! - an odd count leaves one person over, chosen among those who sat out
//!   (or were in a trio) least, then longest ago: with [`OddPolicy::SitOut`]
//!   they sit the period out, with [`OddPolicy::Trio`] they join the pair
//!   they have met least.
//!
//! Hand edits of one period ([`Schedule::set_away`], [`Schedule::swap`],
//! [`Schedule::lock`]) leave the periods before it as they are and make the
//! later ones again with the edited period as history, each keeping its own
//! away list and locked pairs: so the later periods repeat none of the
//! edit's new pairs, and sit-outs stay in turn. Someone in a locked pair is
//! not marked away (unlock first); nobody away is locked or swapped.
//! A schedule travels whole in a link: see [`link`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::dates::{civil_from_days, days_from_civil, days_in_month, parse_iso_date};

/// A person on the roster. The id never changes and is never reused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: u32,
    pub name: String,
}

/// The people taking part in the rotation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub members: Vec<Member>,
    pub next_id: u32,
}

impl Roster {
    /// A roster of these names, with ids 0, 1, 2…
    pub fn of<S: AsRef<str>>(names: &[S]) -> Self {
        let mut roster = Roster::default();
        for name in names {
            roster.add(name.as_ref());
        }
        roster
    }

    /// Adds a person and returns their new id.
    pub fn add(&mut self, name: &str) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        self.members.push(Member {
            id,
            name: name.trim().to_string(),
        });
        id
    }

    /// Renames a person; false when there is no such id.
    pub fn rename(&mut self, id: u32, name: &str) -> bool {
        match self.members.iter_mut().find(|m| m.id == id) {
            Some(m) => {
                m.name = name.trim().to_string();
                true
            }
            None => false,
        }
    }

    /// Takes a person off the roster (past periods still name their id);
    /// false when there is no such id.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.members.len();
        self.members.retain(|m| m.id != id);
        self.members.len() != before
    }

    /// The name of a person on the roster.
    pub fn name(&self, id: u32) -> Option<&str> {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.as_str())
    }

    /// The ids on the roster, ascending.
    pub fn ids(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = self.members.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// What happens to the one person left over when an odd number is present.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OddPolicy {
    /// They join a pair, making one trio.
    #[default]
    Trio,
    /// They sit the period out, in turn.
    SitOut,
}

/// Who meets whom in one period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// 0 for the first period of the schedule.
    pub index: u32,
    /// Pairs, and at most one trio; each group ascending, groups ordered by
    /// their first id.
    pub groups: Vec<Vec<u32>>,
    /// Who sits this period out (odd count with [`OddPolicy::SitOut`], or a
    /// single person present).
    #[serde(default)]
    pub sit_out: Option<u32>,
    /// Who is away this period, ascending.
    #[serde(default)]
    pub away: Vec<u32>,
    /// Pairs fixed by hand, `(smaller id, larger id)`, ascending; each one
    /// is inside one group.
    #[serde(default)]
    pub locked: Vec<(u32, u32)>,
}

impl Period {
    /// A period of these groups, in its normal order.
    pub fn new(
        index: u32,
        groups: Vec<Vec<u32>>,
        sit_out: Option<u32>,
        away: Vec<u32>,
        locked: Vec<(u32, u32)>,
    ) -> Period {
        let mut period = Period {
            index,
            groups,
            sit_out,
            away,
            locked,
        };
        period.normalize();
        period
    }

    /// Everyone placed this period: in a group or sitting out, ascending.
    pub fn present(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = self.groups.iter().flatten().copied().collect();
        ids.extend(self.sit_out);
        ids.sort_unstable();
        ids
    }

    /// Every pair of people who meet this period (a trio gives three),
    /// each as `(smaller id, larger id)`.
    pub fn pairs(&self) -> Vec<(u32, u32)> {
        let mut pairs = Vec::new();
        for g in &self.groups {
            for (i, &a) in g.iter().enumerate() {
                for &b in &g[i + 1..] {
                    pairs.push(key(a, b));
                }
            }
        }
        pairs
    }

    /// The group `id` is in, if any.
    pub fn group_of(&self, id: u32) -> Option<&[u32]> {
        self.groups
            .iter()
            .find(|g| g.contains(&id))
            .map(Vec::as_slice)
    }

    fn is_locked(&self, id: u32) -> bool {
        self.locked.iter().any(|&(a, b)| a == id || b == id)
    }

    fn normalize(&mut self) {
        for g in &mut self.groups {
            g.sort_unstable();
        }
        self.groups.retain(|g| !g.is_empty());
        self.groups.sort();
        self.away.sort_unstable();
        self.away.dedup();
        self.locked.sort_unstable();
        self.locked.dedup();
    }
}

/// Why a hand edit was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The schedule has no period with this index.
    NoSuchPeriod(u32),
    /// This person is not placed in the period (away or not on it).
    NotInPeriod(u32),
    /// Both people are already in the same group.
    SameGroup,
    /// This person is in a locked pair; unlock it first.
    Locked(u32),
    /// A person cannot be paired with themselves.
    SamePerson,
}

/// A rotation: the roster, how often it turns, and the periods so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub roster: Roster,
    pub odd: OddPolicy,
    /// `None` for monthly periods, else a period every N weeks.
    #[serde(default)]
    pub every_weeks: Option<u8>,
    /// The date of the first period, `YYYY-MM-DD`.
    pub start: String,
    /// Periods by index: `periods[i].index == i`.
    #[serde(default)]
    pub periods: Vec<Period>,
}

impl Schedule {
    /// An empty schedule.
    pub fn new(roster: Roster, odd: OddPolicy, every_weeks: Option<u8>, start: &str) -> Self {
        Schedule {
            roster,
            odd,
            every_weeks,
            start: start.to_string(),
            periods: Vec::new(),
        }
    }

    /// The date of a period, `YYYY-MM-DD`: monthly on the start's day of
    /// the month (the month's last day when it is shorter), or every N weeks.
    /// `None` when the start is not a date.
    pub fn period_date(&self, index: u32) -> Option<String> {
        let (y, m, d) = parse_iso_date(&self.start)?;
        let (y, m, d) = match self.every_weeks {
            Some(weeks) => {
                let step = 7 * i64::from(weeks.max(1)) * i64::from(index);
                civil_from_days(days_from_civil(y, m, d) + step)
            }
            None => {
                let months = (m - 1) + i64::from(index);
                let (y, m) = (y + months.div_euclid(12), months.rem_euclid(12) + 1);
                (y, m, d.min(days_in_month(y, m)))
            }
        };
        if !(1000..=9999).contains(&y) {
            return None;
        }
        Some(format!("{y:04}-{m:02}-{d:02}"))
    }

    /// Appends `count` periods; `away(index)` and `locks(index)` give who
    /// is away and which pairs are fixed in the period with that index.
    pub fn extend(
        &mut self,
        count: u32,
        away: &dyn Fn(u32) -> Vec<u32>,
        locks: &dyn Fn(u32) -> Vec<(u32, u32)>,
    ) {
        let from = self.periods.len() as u32;
        let new = generate(self, from, count, away, locks);
        self.periods.extend(new);
    }

    /// The first period on or after `today` (`YYYY-MM-DD`), or the number
    /// of periods when all are past.
    pub fn first_period_from(&self, today: &str) -> u32 {
        let count = self.periods.len() as u32;
        (0..count)
            .find(|&i| self.period_date(i).is_some_and(|d| d.as_str() >= today))
            .unwrap_or(count)
    }

    /// After a change of the roster or the settings: the periods from
    /// `today` on are made again; the ones before stay, as history.
    pub fn remake_from(&mut self, today: &str) {
        let from = self.first_period_from(today);
        self.regenerate_from(from);
    }

    /// Keeps the periods before `from` as history and makes the later ones
    /// again, with their own away lists and locked pairs (other hand edits
    /// are redone).
    pub fn regenerate_from(&mut self, from: u32) {
        let from = from.min(self.periods.len() as u32);
        let later: Vec<Period> = self.periods.split_off(from as usize);
        let away = |i: u32| {
            later
                .get((i - from) as usize)
                .map(|p| p.away.clone())
                .unwrap_or_default()
        };
        let locks = |i: u32| {
            later
                .get((i - from) as usize)
                .map(|p| p.locked.clone())
                .unwrap_or_default()
        };
        let new = generate(self, from, later.len() as u32, &away, &locks);
        self.periods.extend(new);
    }

    /// Marks a person away (or back) for one period, and makes that period
    /// and the later ones again. Someone in a locked pair is unlocked first
    /// ([`EditError::Locked`]).
    pub fn set_away(&mut self, index: u32, id: u32, away: bool) -> Result<(), EditError> {
        let period = self.period_mut(index)?;
        if away {
            if period.is_locked(id) {
                return Err(EditError::Locked(id));
            }
            period.away.push(id);
        } else {
            period.away.retain(|&x| x != id);
        }
        period.normalize();
        self.regenerate_from(index);
        Ok(())
    }

    /// Exchanges two people between their groups (or with the one sitting
    /// out) in one period, and makes the later periods again with it as
    /// history (so they repeat none of its new pairs).
    pub fn swap(&mut self, index: u32, a: u32, b: u32) -> Result<(), EditError> {
        let period = self.period_mut(index)?;
        swap_in(period, a, b)?;
        self.regenerate_from(index.saturating_add(1));
        Ok(())
    }

    /// Fixes `a` and `b` together in one period, moving people as needed:
    /// `b` takes the place of someone in `a`'s group (or `a` of someone in
    /// `b`'s); the later periods are made again with it as history. Locked
    /// pairs survive [`Schedule::regenerate_from`].
    pub fn lock(&mut self, index: u32, a: u32, b: u32) -> Result<(), EditError> {
        let period = self.period_mut(index)?;
        if period.locked.contains(&key(a, b)) {
            return Ok(());
        }
        lock_in(period, a, b)?;
        self.regenerate_from(index.saturating_add(1));
        Ok(())
    }

    /// Whether `a` and `b` are locked together in the period `index`.
    pub fn is_locked_pair(&self, index: u32, a: u32, b: u32) -> bool {
        (self.periods.iter())
            .find(|p| p.index == index)
            .is_some_and(|p| p.locked.contains(&key(a, b)))
    }

    /// Unfixes a pair; false when it was not locked.
    pub fn unlock(&mut self, index: u32, a: u32, b: u32) -> bool {
        let Ok(period) = self.period_mut(index) else {
            return false;
        };
        let before = period.locked.len();
        period.locked.retain(|&p| p != key(a, b));
        period.locked.len() != before
    }

    fn period_mut(&mut self, index: u32) -> Result<&mut Period, EditError> {
        self.periods
            .iter_mut()
            .find(|p| p.index == index)
            .ok_or(EditError::NoSuchPeriod(index))
    }
}

fn key(a: u32, b: u32) -> (u32, u32) {
    (a.min(b), a.max(b))
}

/// The slot a person holds in a period: a group, or sitting out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Group(usize),
    SitOut,
}

fn slot_of(period: &Period, id: u32) -> Option<Slot> {
    if period.sit_out == Some(id) {
        return Some(Slot::SitOut);
    }
    period
        .groups
        .iter()
        .position(|g| g.contains(&id))
        .map(Slot::Group)
}

fn swap_in(period: &mut Period, a: u32, b: u32) -> Result<(), EditError> {
    let sa = slot_of(period, a).ok_or(EditError::NotInPeriod(a))?;
    let sb = slot_of(period, b).ok_or(EditError::NotInPeriod(b))?;
    if sa == sb {
        return Err(EditError::SameGroup);
    }
    for id in [a, b] {
        if period.is_locked(id) {
            return Err(EditError::Locked(id));
        }
    }
    let mut put = |slot: Slot, from: u32, to: u32| match slot {
        Slot::SitOut => period.sit_out = Some(to),
        Slot::Group(g) => {
            for x in &mut period.groups[g] {
                if *x == from {
                    *x = to;
                }
            }
        }
    };
    put(sa, a, b);
    put(sb, b, a);
    period.normalize();
    Ok(())
}

fn lock_in(period: &mut Period, a: u32, b: u32) -> Result<(), EditError> {
    if a == b {
        return Err(EditError::SamePerson);
    }
    let pair = key(a, b);
    if period.locked.contains(&pair) {
        return Ok(());
    }
    let sa = slot_of(period, a).ok_or(EditError::NotInPeriod(a))?;
    let sb = slot_of(period, b).ok_or(EditError::NotInPeriod(b))?;
    for id in [a, b] {
        if period.is_locked(id) {
            return Err(EditError::Locked(id));
        }
    }
    if sa != sb {
        // Someone unlocked in one's group makes room for the other.
        let mates = |s: Slot, me: u32| -> Vec<u32> {
            match s {
                Slot::SitOut => Vec::new(),
                Slot::Group(g) => period.groups[g]
                    .iter()
                    .copied()
                    .filter(|&x| x != me && !period.is_locked(x))
                    .collect(),
            }
        };
        if let Some(&x) = mates(sa, a).first() {
            swap_in(period, x, b)?;
        } else if let Some(&y) = mates(sb, b).first() {
            swap_in(period, y, a)?;
        } else {
            return Err(EditError::Locked(a));
        }
    }
    period.locked.push(pair);
    period.normalize();
    Ok(())
}

/// Makes `count` periods with indexes `from`, `from + 1`…, taking the
/// schedule's periods before `from` as history (later ones are ignored).
/// `away(index)` lists who is away; `locks(index)` lists pairs to fix
/// (a lock naming someone away or already locked is dropped).
pub fn generate(
    schedule: &Schedule,
    from: u32,
    count: u32,
    away: &dyn Fn(u32) -> Vec<u32>,
    locks: &dyn Fn(u32) -> Vec<(u32, u32)>,
) -> Vec<Period> {
    let mut history: Vec<Period> = (schedule.periods.iter())
        .filter(|p| p.index < from)
        .cloned()
        .collect();
    let start = history.len();
    let roster = schedule.roster.ids();
    for index in from..from.saturating_add(count) {
        let period = make_period(&roster, schedule.odd, &history, index, away, locks);
        history.push(period);
    }
    history.split_off(start)
}

/// How often and how lately something happened: `(count, last index)`.
type Tally = HashMap<u32, (u32, u32)>;

struct Stats {
    met: HashMap<(u32, u32), (u32, u32)>,
    sat_out: Tally,
    in_trio: Tally,
}

impl Stats {
    fn of(history: &[Period]) -> Self {
        let mut stats = Stats {
            met: HashMap::new(),
            sat_out: HashMap::new(),
            in_trio: HashMap::new(),
        };
        let bump = |e: &mut (u32, u32), index: u32| {
            e.0 += 1;
            e.1 = e.1.max(index);
        };
        for p in history {
            for pair in p.pairs() {
                bump(stats.met.entry(pair).or_default(), p.index);
            }
            if let Some(s) = p.sit_out {
                bump(stats.sat_out.entry(s).or_default(), p.index);
            }
            for g in p.groups.iter().filter(|g| g.len() > 2) {
                for &id in g {
                    bump(stats.in_trio.entry(id).or_default(), p.index);
                }
            }
        }
        stats
    }
}

/// The stand-in partner of whoever is left over with an odd count.
const BYE: u32 = u32::MAX;
/// The most matching steps tried for one period: keeps a large roster with
/// a long history fast (the best found so far is kept).
const SEARCH_BUDGET: u32 = 40_000;

fn make_period(
    roster: &[u32],
    odd: OddPolicy,
    history: &[Period],
    index: u32,
    away: &dyn Fn(u32) -> Vec<u32>,
    locks: &dyn Fn(u32) -> Vec<(u32, u32)>,
) -> Period {
    let mut away: Vec<u32> = (away(index).into_iter())
        .filter(|id| roster.binary_search(id).is_ok())
        .collect();
    away.sort_unstable();
    away.dedup();
    let present: Vec<u32> = (roster.iter().copied())
        .filter(|id| away.binary_search(id).is_err())
        .collect();
    let mut locked: Vec<(u32, u32)> = Vec::new();
    let mut taken: Vec<u32> = Vec::new();
    for (a, b) in locks(index) {
        let ok = a != b
            && [a, b]
                .iter()
                .all(|id| present.binary_search(id).is_ok() && !taken.contains(id));
        if ok {
            locked.push(key(a, b));
            taken.extend([a, b]);
        }
    }
    let mut free: Vec<u32> = (present.iter().copied())
        .filter(|id| !taken.contains(id))
        .collect();
    if free.len() % 2 == 1 {
        free.push(BYE);
    }

    let stats = Stats::of(history);
    let m = present.len() as u32;
    let short = m.saturating_sub(1) / 2;
    let cycle = (m + m % 2).saturating_sub(2);
    let fairness = match odd {
        OddPolicy::Trio => &stats.in_trio,
        OddPolicy::SitOut => &stats.sat_out,
    };
    let least = (free.iter())
        .filter(|&&id| id != BYE)
        .map(|id| fairness.get(id).map_or(0, |t| t.0))
        .min()
        .unwrap_or(0);
    let weight = |a: u32, b: u32| -> u128 {
        if a == BYE || b == BYE {
            let who = a.min(b);
            let (n, last) = fairness.get(&who).map_or((0, None), |t| (t.0, Some(t.1)));
            let excess = u128::from(n.saturating_sub(least).min(1 << 20));
            return (excess << 96) | last.map_or(0, |l| u128::from(l) + 1);
        }
        match stats.met.get(&key(a, b)) {
            None => 0,
            Some(&(n, last)) => {
                let ago = index.saturating_sub(last);
                let t1 = u128::from(ago <= short);
                let t2 = u128::from(ago <= cycle);
                (t1 << 80)
                    | (t2 << 64)
                    | (u128::from(n.min(1 << 18)) << 40)
                    | (u128::from(last) + 1)
            }
        }
    };
    let w: Vec<Vec<u128>> = (free.iter())
        .map(|&a| free.iter().map(|&b| weight(a, b)).collect())
        .collect();
    let mate = best_matching(&w);

    let mut groups: Vec<Vec<u32>> = locked.iter().map(|&(a, b)| vec![a, b]).collect();
    let mut left_over = None;
    for (i, &j) in mate.iter().enumerate() {
        if i < j {
            if free[j] == BYE {
                left_over = Some(free[i]);
            } else {
                groups.push(vec![free[i], free[j]]);
            }
        }
    }
    let mut sit_out = None;
    if let Some(v) = left_over {
        // The pair the left-over person has met least, unlocked if any.
        let target = (groups.iter().enumerate())
            .min_by_key(|(_, g)| {
                let is_locked = locked.contains(&key(g[0], g[1]));
                (is_locked, weight(v, g[0]) + weight(v, g[1]), g[0])
            })
            .map(|(i, _)| i);
        match (odd, target) {
            (OddPolicy::Trio, Some(i)) => groups[i].push(v),
            _ => sit_out = Some(v),
        }
    }
    Period::new(index, groups, sit_out, away, locked)
}

/// The pairs of round `r` of the circle method over `n` (even) places:
/// the last place stays, the others turn.
fn circle_round(n: usize, r: usize) -> Vec<(usize, usize)> {
    let turning = n - 1;
    let mut pairs = vec![(r % turning, n - 1)];
    for i in 1..n / 2 {
        pairs.push(((r + i) % turning, (r + turning - i) % turning));
    }
    pairs
}

/// A perfect matching of minimum total weight over an even number of
/// places (`mate[i]` is `i`'s partner). The circle-method round of least
/// weight is the starting point; a search replaces it only when it finds a
/// strictly lighter matching.
fn best_matching(w: &[Vec<u128>]) -> Vec<usize> {
    let n = w.len();
    if n == 0 {
        return Vec::new();
    }
    let mut best = vec![0; n];
    let mut best_cost = u128::MAX;
    for r in 0..n - 1 {
        let pairs = circle_round(n, r);
        let cost: u128 = pairs.iter().map(|&(a, b)| w[a][b]).sum();
        if cost < best_cost {
            best_cost = cost;
            for (a, b) in pairs {
                best[a] = b;
                best[b] = a;
            }
        }
    }
    let order: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            let mut js: Vec<usize> = (0..n).filter(|&j| j != i).collect();
            js.sort_by_key(|&j| (w[i][j], j));
            js
        })
        .collect();
    let mut search = Search {
        w,
        order: &order,
        mate: vec![usize::MAX; n],
        best,
        best_cost,
        budget: SEARCH_BUDGET,
    };
    search.dfs(0);
    search.best
}

struct Search<'a> {
    w: &'a [Vec<u128>],
    order: &'a [Vec<usize>],
    mate: Vec<usize>,
    best: Vec<usize>,
    best_cost: u128,
    budget: u32,
}

impl Search<'_> {
    fn dfs(&mut self, cost: u128) {
        if self.budget == 0 {
            return;
        }
        self.budget -= 1;
        let Some(i) = self.mate.iter().position(|&m| m == usize::MAX) else {
            if cost < self.best_cost {
                self.best_cost = cost;
                self.best = self.mate.clone();
            }
            return;
        };
        // Each edge weighs at least half the lightest edge of each end.
        let mut bound = 0u128;
        for (u, &m) in self.mate.iter().enumerate() {
            if m == usize::MAX {
                let lightest = (self.order[u].iter())
                    .find(|&&v| self.mate[v] == usize::MAX)
                    .map_or(0, |&v| self.w[u][v]);
                bound += lightest;
            }
        }
        if 2 * cost + bound >= 2 * self.best_cost {
            return;
        }
        let order = self.order;
        for &j in &order[i] {
            if self.mate[j] != usize::MAX {
                continue;
            }
            self.mate[i] = j;
            self.mate[j] = i;
            self.dfs(cost + self.w[i][j]);
            self.mate[i] = usize::MAX;
            self.mate[j] = usize::MAX;
            if self.budget == 0 {
                return;
            }
        }
    }
}

/// The schedule as CSV (RFC 4180, CRLF line ends): one row per group, per
/// person sitting out and per person away, with the period's number (from
/// one) and date. A person no longer on the roster is named `#id`. A name
/// starting with a formula sign (`=`, `+`, `-` or `@`) or a tab is
/// prefixed with `'`, so a spreadsheet does not run it.
pub fn to_csv(schedule: &Schedule) -> String {
    let name = |id: u32| -> String {
        let text =
            (schedule.roster.name(id).map(str::to_string)).unwrap_or_else(|| format!("#{id}"));
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{text}")
        } else {
            text
        }
    };
    let names = |ids: &[u32]| {
        ids.iter()
            .map(|&id| name(id))
            .collect::<Vec<_>>()
            .join(" & ")
    };
    let mut out = String::from("Period,Date,Kind,People\r\n");
    for p in &schedule.periods {
        let number = (p.index + 1).to_string();
        let date = schedule.period_date(p.index).unwrap_or_default();
        let mut row = |kind: &str, people: String| {
            let fields = [number.as_str(), date.as_str(), kind, people.as_str()];
            let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&quoted.join(","));
            out.push_str("\r\n");
        };
        for g in &p.groups {
            let kind = if g.len() > 2 { "trio" } else { "pair" };
            row(kind, names(g));
        }
        if let Some(s) = p.sit_out {
            row("sits out", names(&[s]));
        }
        for &a in &p.away {
            row("away", names(&[a]));
        }
    }
    out
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

pub mod link;

#[cfg(test)]
mod tests;
