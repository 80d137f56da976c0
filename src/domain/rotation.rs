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

use chrono::{Datelike, Days, Months, Weekday};

use crate::domain::dates;

/// Longest name a person on the roster has, in characters (the field
/// takes no more; a longer one is cut there): every name fits the link.
pub const MAX_NAME_CHARS: usize = 80;

/// `name` trimmed and cut to [`MAX_NAME_CHARS`] characters.
pub fn roster_name(name: &str) -> String {
    name.trim()
        .chars()
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim_end()
        .to_string()
}

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
    /// People taken off the roster whom past periods still name: their
    /// names stay with the history they were part of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former: Vec<Member>,
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
            name: roster_name(name),
        });
        id
    }

    /// Renames a person; false when there is no such id.
    pub fn rename(&mut self, id: u32, name: &str) -> bool {
        match self.members.iter_mut().find(|m| m.id == id) {
            Some(m) => {
                m.name = roster_name(name);
                true
            }
            None => false,
        }
    }

    /// Takes a person off the roster; their name is kept among the
    /// former members, for the past periods that name them. False when
    /// there is no such id.
    pub fn remove(&mut self, id: u32) -> bool {
        let Some(at) = self.members.iter().position(|m| m.id == id) else {
            return false;
        };
        let member = self.members.remove(at);
        self.former.retain(|m| m.id != id);
        self.former.push(member);
        true
    }

    /// The name of a person on the roster.
    pub fn name(&self, id: u32) -> Option<&str> {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.as_str())
    }

    /// The name of anyone a period may name: on the roster, or taken off
    /// it since.
    pub fn name_ever(&self, id: u32) -> Option<&str> {
        (self.members.iter().chain(&self.former))
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

/// Two people meeting again in the period `period` although it could
/// have been avoided; they last met in the period `before`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeat {
    pub period: u32,
    pub a: u32,
    pub b: u32,
    pub before: u32,
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
    /// the month (the month's last day when it is shorter), moved to the
    /// Monday after when that is a Saturday or a Sunday; or every N weeks
    /// from the start (the weekday the team chose). `None` when the start
    /// is not a date.
    pub fn period_date(&self, index: u32) -> Option<String> {
        let start = dates::parse(&self.start)?;
        let date = match self.every_weeks {
            Some(weeks) => {
                let step = 7 * u64::from(weeks.max(1)) * u64::from(index);
                start.checked_add_days(Days::new(step))?
            }
            None => {
                // chrono keeps the day, or takes the month's last one.
                let day = start.checked_add_months(Months::new(index))?;
                let to_monday = match day.weekday() {
                    Weekday::Sat => 2,
                    Weekday::Sun => 1,
                    _ => 0,
                };
                day.checked_add_days(Days::new(to_monday))?
            }
        };
        (1000..=9999)
            .contains(&date.year())
            .then(|| dates::format(date))
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
    /// People taken off the roster whom no period names are forgotten.
    pub fn remake_from(&mut self, today: &str) {
        let from = self.first_period_from(today);
        self.regenerate_from(from);
        let named: std::collections::BTreeSet<u32> = (self.periods.iter())
            .flat_map(|p| p.present().into_iter().chain(p.away.iter().copied()))
            .collect();
        self.roster.former.retain(|m| named.contains(&m.id));
    }

    /// Every pair meeting again from the period `from` on while one of
    /// them could still have met a colleague they have met fewer times, or
    /// meeting in two periods running (with more than three people there,
    /// when it can be avoided): what a change must say it could not avoid.
    pub fn repeats_from(&self, from: u32) -> Vec<Repeat> {
        let mut out = Vec::new();
        for (t, p) in self.periods.iter().enumerate().skip(from as usize) {
            let history = &self.periods[..t];
            let present = p.present();
            let weigher = Weigher::new(history, p.index, &present, &present);
            let previous = t.checked_sub(1).map(|u| self.periods[u].pairs());
            for (a, b) in p.pairs() {
                let early = weigher.pair(a, b) >= (1 << 110);
                let running =
                    present.len() > 3 && previous.as_ref().is_some_and(|q| q.contains(&(a, b)));
                if early || running {
                    let before = weigher.met.get(&(a, b)).map_or(0, |m| m.1);
                    out.push(Repeat {
                        period: p.index,
                        a,
                        b,
                        before,
                    });
                }
            }
        }
        out
    }

    /// The repeats from the period `from` on that `self` has and `before`
    /// (the schedule before a change) had not: what the change made.
    pub fn new_repeats(&self, before: &Schedule, from: u32) -> Vec<Repeat> {
        let old = before.repeats_from(from);
        (self.repeats_from(from).into_iter())
            .filter(|r| {
                !old.iter()
                    .any(|o| o.period == r.period && (o.a, o.b) == (r.a, r.b))
            })
            .collect()
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
    /// `b`'s), whichever move makes the fewest early repeats; the later periods are made again with it as history. Locked
    /// pairs survive [`Schedule::regenerate_from`].
    pub fn lock(&mut self, index: u32, a: u32, b: u32) -> Result<(), EditError> {
        let history: Vec<Period> = (self.periods.iter())
            .filter(|p| p.index < index)
            .cloned()
            .collect();
        let period = self.period_mut(index)?;
        if period.locked.contains(&key(a, b)) {
            return Ok(());
        }
        lock_in(period, a, b, &|p| early_meetings(&history, p))?;
        self.regenerate_from(index.saturating_add(1));
        Ok(())
    }

    /// Whether `a` and `b` are locked together in the period `index`.
    pub fn is_locked_pair(&self, index: u32, a: u32, b: u32) -> bool {
        (self.periods.iter())
            .find(|p| p.index == index)
            .is_some_and(|p| p.locked.contains(&key(a, b)))
    }

    /// Unfixes a pair; nobody moves (the groups the lock shaped stay until
    /// the period is made again). False when it was not locked.
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

/// Locks `a` and `b` together; of the moves that can bring them
/// together, the one `score` weighs least (ties: the first).
fn lock_in(
    period: &mut Period,
    a: u32,
    b: u32,
    score: &dyn Fn(&Period) -> u32,
) -> Result<(), EditError> {
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
        let moves: Vec<(u32, u32)> = (mates(sa, a).into_iter().map(|x| (x, b)))
            .chain(mates(sb, b).into_iter().map(|y| (y, a)))
            .collect();
        let best = (moves.iter().enumerate())
            .filter_map(|(i, &(x, y))| {
                let mut trial = period.clone();
                swap_in(&mut trial, x, y).ok()?;
                Some(((score(&trial), i), trial))
            })
            .min_by_key(|(k, _)| *k)
            .map(|(_, trial)| trial);
        match best {
            Some(trial) => *period = trial,
            None => return Err(EditError::Locked(a)),
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
    let end = from.saturating_add(count);
    // Looking ahead past the last period asked for: nobody away, no locks.
    let away = |i: u32| if i < end { away(i) } else { Vec::new() };
    let locks = |i: u32| if i < end { locks(i) } else { Vec::new() };
    for index in from..end {
        let period = make_period(
            &roster,
            schedule.odd,
            &history,
            index,
            &away,
            &locks,
            LOOKAHEAD,
        );
        history.push(period);
    }
    history.split_off(start)
}

/// How often two people have met before a period, and when last:
/// `(count, last index)`.
fn meetings(history: &[Period]) -> HashMap<(u32, u32), (u32, u32)> {
    let mut met: HashMap<(u32, u32), (u32, u32)> = HashMap::new();
    for p in history {
        for pair in p.pairs() {
            let e = met.entry(pair).or_default();
            e.0 += 1;
            e.1 = e.1.max(p.index);
        }
    }
    met
}

/// Whether `id` had the odd one's duty in a period: the trio, or sitting out.
fn on_duty(p: &Period, odd: OddPolicy, id: u32) -> bool {
    match odd {
        OddPolicy::Trio => p.groups.iter().any(|g| g.len() > 2 && g.contains(&id)),
        OddPolicy::SitOut => p.sit_out == Some(id),
    }
}

/// Who may take the odd one's duty (the trio, or sitting out) in the
/// period `index` among `free`, so that over any `n` periods running (`n`
/// the roster's size) everyone has it equally often: `size` times (3 in a
/// trio, 1 sitting out). Counted over the last `n − 1` periods: whoever
/// has had it fewer than `size` times may take it; whoever needs it in
/// every period left of those `n` must. With a fixed roster the duties of
/// the first `n` periods so repeat exactly every `n` periods. When that
/// cannot hold (people away or added), the lowest counts take it.
/// Returns `(required, allowed)`.
pub fn duty_candidates(
    history: &[Period],
    odd: OddPolicy,
    roster_len: usize,
    index: u32,
    free: &[u32],
    size: usize,
) -> (Vec<u32>, Vec<u32>) {
    let since = index.saturating_sub((roster_len as u32).saturating_sub(1));
    let window: Vec<&Period> = (history.iter())
        .filter(|p| p.index >= since && p.index < index)
        .collect();
    let left = roster_len.saturating_sub(window.len()).max(1);
    let count = |id: u32| window.iter().filter(|p| on_duty(p, odd, id)).count();
    let counts: Vec<(usize, u32)> = free.iter().map(|&id| (count(id), id)).collect();
    let need = |c: usize| size.saturating_sub(c);
    let required: Vec<u32> = (counts.iter())
        .filter(|c| need(c.0) >= left)
        .map(|c| c.1)
        .collect();
    let allowed: Vec<u32> = (counts.iter())
        .filter(|c| need(c.0) > 0 && need(c.0) < left)
        .map(|c| c.1)
        .collect();
    if required.len() <= size && required.len() + allowed.len() >= size {
        return (required, allowed);
    }
    // The lowest counts: below the `size`-th lowest must, at it may.
    let mut sorted: Vec<usize> = counts.iter().map(|c| c.0).collect();
    sorted.sort_unstable();
    let Some(&bar) = sorted.get(size.saturating_sub(1)) else {
        return (Vec::new(), free.to_vec());
    };
    let required = (counts.iter()).filter(|c| c.0 < bar).map(|c| c.1).collect();
    let allowed = (counts.iter())
        .filter(|c| c.0 == bar)
        .map(|c| c.1)
        .collect();
    (required, allowed)
}

/// The stand-in partner of whoever sits out.
const BYE: u32 = u32::MAX;
/// The most search steps tried for one period: keeps a large roster with
/// a long history fast (the best found so far is kept).
const SEARCH_BUDGET: u32 = 60_000;

/// Weighs a pair meeting in the period `index`, lighter first: a meeting
/// again while either could still meet a colleague they have met fewer
/// times (the promise) weighs most, then meeting more often than their
/// least, meeting in the last ⌊(n−1)/2⌋ periods or the current round,
/// having met more often, having met more lately.
struct Weigher {
    met: HashMap<(u32, u32), (u32, u32)>,
    /// Per person: the fewest meetings with anyone they could meet.
    least: HashMap<u32, u32>,
    index: u32,
    short: u32,
    cycle: u32,
}

impl Weigher {
    fn new(history: &[Period], index: u32, present: &[u32], free: &[u32]) -> Self {
        let met = meetings(history);
        let count = |a: u32, b: u32| met.get(&key(a, b)).map_or(0, |m| m.0);
        let least = (free.iter())
            .map(|&a| {
                let min = (free.iter())
                    .filter(|&&b| b != a)
                    .map(|&b| count(a, b))
                    .min()
                    .unwrap_or(0);
                (a, min)
            })
            .collect();
        let m = present.len() as u32;
        Weigher {
            met,
            least,
            index,
            short: m.saturating_sub(1) / 2,
            cycle: (m + m % 2).saturating_sub(2),
        }
    }

    fn pair(&self, a: u32, b: u32) -> u128 {
        let Some(&(n, last)) = self.met.get(&key(a, b)) else {
            return 0;
        };
        let least = |x: u32| self.least.get(&x).copied().unwrap_or(0);
        let early = u128::from(n > least(a)) + u128::from(n > least(b));
        let excess = u128::from(n.saturating_sub(least(a)) + n.saturating_sub(least(b)));
        let ago = self.index.saturating_sub(last);
        (early << 110)
            | (excess.min(1 << 14) << 90)
            | (u128::from(ago <= self.short) << 85)
            | (u128::from(ago <= self.cycle) << 80)
            | (u128::from(n.min(1 << 16)) << 56)
            | ((u128::from(last) + 1).min(1 << 24) << 28)
    }
}

/// How many periods the trio's search looks ahead, and how many of the
/// lightest groupings of a period it compares that way.
const LOOKAHEAD: u32 = 2;
const LOOK_CANDIDATES: usize = 24;
/// Larger teams are made without looking ahead (it would be slow).
const LOOK_MAX_TEAM: usize = 11;

/// How many times someone in this period meets a person again while they
/// could still have met a colleague they have met fewer times (each side
/// of a pair counts; locked pairs are hand-made and left out).
pub fn early_meetings(history: &[Period], p: &Period) -> u32 {
    let present = p.present();
    let free: Vec<u32> = (present.iter().copied())
        .filter(|&id| !p.is_locked(id))
        .collect();
    let weigher = Weigher::new(history, p.index, &present, &free);
    (p.pairs().into_iter())
        .filter(|pair| !p.locked.contains(pair))
        .map(|(a, b)| (weigher.pair(a, b) >> 110) as u32)
        .sum()
}

fn make_period(
    roster: &[u32],
    odd: OddPolicy,
    history: &[Period],
    index: u32,
    away_of: &dyn Fn(u32) -> Vec<u32>,
    locks_of: &dyn Fn(u32) -> Vec<(u32, u32)>,
    look: u32,
) -> Period {
    let mut away: Vec<u32> = (away_of(index).into_iter())
        .filter(|id| roster.binary_search(id).is_ok())
        .collect();
    away.sort_unstable();
    away.dedup();
    let present: Vec<u32> = (roster.iter().copied())
        .filter(|id| away.binary_search(id).is_err())
        .collect();
    let mut locked: Vec<(u32, u32)> = Vec::new();
    let mut taken: Vec<u32> = Vec::new();
    for (a, b) in locks_of(index) {
        let ok = a != b
            && [a, b]
                .iter()
                .all(|id| present.binary_search(id).is_ok() && !taken.contains(id));
        if ok {
            locked.push(key(a, b));
            taken.extend([a, b]);
        }
    }
    let free: Vec<u32> = (present.iter().copied())
        .filter(|id| !taken.contains(id))
        .collect();
    let weigher = Weigher::new(history, index, &present, &free);
    let mut groups: Vec<Vec<u32>> = locked.iter().map(|&(a, b)| vec![a, b]).collect();
    let mut sit_out = None;
    let last_duty = |id: u32| {
        (history.iter().rev())
            .find(|p| on_duty(p, odd, id))
            .map_or(0, |p| u128::from(p.index) + 1)
    };

    if free.len() == 1 {
        // Only locked pairs to join: the one met least, or sit out.
        let v = free[0];
        let target = (0..groups.len()).min_by_key(|&i| {
            (
                weigher.pair(v, groups[i][0]) + weigher.pair(v, groups[i][1]),
                i,
            )
        });
        match (odd, target) {
            (OddPolicy::Trio, Some(i)) => groups[i].push(v),
            _ => sit_out = Some(v),
        }
    } else if free.len() % 2 == 1 && odd == OddPolicy::Trio {
        let (required, allowed) = duty_candidates(history, odd, roster.len(), index, &free, 3);
        let duty: Vec<Option<u128>> = (free.iter())
            .map(|id| (required.contains(id) || allowed.contains(id)).then(|| last_duty(*id)))
            .collect();
        let must: Vec<bool> = free.iter().map(|id| required.contains(id)).collect();
        let w: Vec<Vec<u128>> = (free.iter())
            .map(|&a| free.iter().map(|&b| weigher.pair(a, b)).collect())
            .collect();
        let look = if present.len() <= LOOK_MAX_TEAM {
            look
        } else {
            0
        };
        let keep = if look > 0 { LOOK_CANDIDATES } else { 1 };
        let found = best_groupings(&w, &duty, &must, keep, SEARCH_BUDGET);
        let with = |found: &[Vec<usize>]| -> Vec<Vec<u32>> {
            let mut all = groups.clone();
            all.extend(found.iter().map(|g| g.iter().map(|&i| free[i]).collect()));
            all
        };
        // Looking ahead: of the lightest groupings (none with more early
        // meetings than the lightest), the one after which the next
        // periods (made plainly) meet again early the least, then in two
        // periods running the least.
        let chosen = (found.iter())
            .min_by_key(|(cost, found)| {
                if keep == 1 {
                    return (0, 0, 0, *cost);
                }
                let mut trial = history.to_vec();
                let p = Period::new(index, with(found), None, away.clone(), locked.clone());
                trial.push(p);
                // Meeting in two periods running: this one's and the next ones'.
                let running = |trial: &[Period]| -> u32 {
                    let [.., before, last] = trial else { return 0 };
                    let pairs = before.pairs();
                    last.pairs().iter().filter(|p| pairs.contains(p)).count() as u32
                };
                let mut later = 0;
                let mut again = running(&trial);
                for k in 1..=look {
                    let next = index.saturating_add(k);
                    let p = make_period(roster, odd, &trial, next, away_of, locks_of, 0);
                    later += early_meetings(&trial, &p);
                    trial.push(p);
                    again += running(&trial);
                }
                (cost >> 110, later, again, *cost)
            })
            .map(|(_, found)| with(found));
        groups = chosen.unwrap_or(groups);
    } else {
        // Pairs, and with an odd count one person sitting out (paired with
        // a stand-in whose weight keeps the duty in turn).
        let mut free = free;
        let odd_count = free.len() % 2 == 1;
        let (required, allowed) = if odd_count {
            duty_candidates(history, odd, roster.len(), index, &free, 1)
        } else {
            (Vec::new(), Vec::new())
        };
        let allowed = if required.is_empty() {
            allowed
        } else {
            required
        };
        if odd_count {
            free.push(BYE);
        }
        let weight = |a: u32, b: u32| -> u128 {
            if a == BYE || b == BYE {
                let who = a.min(b);
                let refused = u128::from(!allowed.contains(&who));
                return (refused << 120) | last_duty(who);
            }
            weigher.pair(a, b)
        };
        let w: Vec<Vec<u128>> = (free.iter())
            .map(|&a| free.iter().map(|&b| weight(a, b)).collect())
            .collect();
        let mate = best_matching(&w);
        for (i, &j) in mate.iter().enumerate() {
            if i < j {
                if free[j] == BYE {
                    sit_out = Some(free[i]);
                } else {
                    groups.push(vec![free[i], free[j]]);
                }
            }
        }
    }
    Period::new(index, groups, sit_out, away, locked)
}

/// Pairs and one trio over an odd number of places, of least total weight
/// (a trio weighs its three pairs and its members' `duty` tie-breaks):
/// `duty[i]` is `Some` for who may be in the trio, `must[i]` marks who
/// must be. Each group lists ascending places.
fn best_groupings(
    w: &[Vec<u128>],
    duty: &[Option<u128>],
    must: &[bool],
    keep: usize,
    budget: u32,
) -> Vec<(u128, Vec<Vec<usize>>)> {
    let n = w.len();
    let order: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            let mut js: Vec<usize> = (0..n).filter(|&j| j != i).collect();
            js.sort_by_key(|&j| (w[i][j], j));
            js
        })
        .collect();
    let mut search = Grouper {
        w,
        duty,
        must,
        order: &order,
        placed: vec![false; n],
        groups: Vec::new(),
        trio_open: true,
        best: Vec::new(),
        keep: keep.max(1),
        budget,
    };
    search.dfs(0);
    if search.best.is_empty() {
        // Not reached (a trio of the allowed always fits): keep everyone.
        let mut groups: Vec<Vec<usize>> = (0..n / 2 - 1).map(|k| vec![2 * k, 2 * k + 1]).collect();
        groups.push((n - 3..n).collect());
        return vec![(0, groups)];
    }
    search.best
}

struct Grouper<'a> {
    w: &'a [Vec<u128>],
    duty: &'a [Option<u128>],
    must: &'a [bool],
    order: &'a [Vec<usize>],
    placed: Vec<bool>,
    groups: Vec<Vec<usize>>,
    trio_open: bool,
    /// The lightest groupings found, lightest first, at most `keep`.
    best: Vec<(u128, Vec<Vec<usize>>)>,
    keep: usize,
    budget: u32,
}

impl Grouper<'_> {
    /// The weight a grouping must be under to be kept, once enough are.
    fn bar(&self) -> Option<u128> {
        (self.best.len() >= self.keep).then(|| self.best[self.keep - 1].0)
    }

    /// Can `u` and `v` still be together: a pair, or in the trio to come.
    fn can_meet(&self, u: usize, v: usize) -> bool {
        (!self.must[u] && !self.must[v])
            || (self.trio_open && self.duty[u].is_some() && self.duty[v].is_some())
    }

    fn dfs(&mut self, cost: u128) {
        if self.budget == 0 {
            return;
        }
        self.budget -= 1;
        let Some(i) = self.placed.iter().position(|&p| !p) else {
            if !self.trio_open && self.bar().is_none_or(|bar| cost < bar) {
                let at = self.best.partition_point(|b| b.0 <= cost);
                self.best.insert(at, (cost, self.groups.clone()));
                self.best.truncate(self.keep);
            }
            return;
        };
        let n = self.w.len();
        let open: Vec<usize> = (0..n).filter(|&u| !self.placed[u]).collect();
        if self.trio_open {
            let allowed = open.iter().filter(|&&u| self.duty[u].is_some()).count();
            let must = open.iter().filter(|&&u| self.must[u]).count();
            if allowed < 3 || must > 3 {
                return;
            }
        } else if open.iter().any(|&u| self.must[u]) {
            return;
        }
        // Each place's share weighs at least half its lightest possible tie.
        let mut bound = 0u128;
        for &u in &open {
            let lightest = (self.order[u].iter())
                .find(|&&v| !self.placed[v] && self.can_meet(u, v))
                .map(|&v| self.w[u][v]);
            match lightest {
                Some(x) => bound += x,
                None => return,
            }
        }
        if self.bar().is_some_and(|bar| 2 * cost + bound >= 2 * bar) {
            return;
        }
        let mut options: Vec<(u128, Vec<usize>)> = Vec::new();
        if self.trio_open {
            if let Some(di) = self.duty[i] {
                let musts: Vec<usize> = open.iter().copied().filter(|&u| self.must[u]).collect();
                let mates: Vec<usize> = (open.iter().copied())
                    .filter(|&u| u != i && self.duty[u].is_some())
                    .collect();
                for (x, &j) in mates.iter().enumerate() {
                    for &k in &mates[x + 1..] {
                        if musts.iter().all(|m| [i, j, k].contains(m)) {
                            let c = self.w[i][j] + self.w[i][k] + self.w[j][k];
                            let d = di + self.duty[j].unwrap_or(0) + self.duty[k].unwrap_or(0);
                            options.push((c + d, vec![i, j, k]));
                        }
                    }
                }
            }
        }
        if !self.must[i] {
            for &j in &self.order[i] {
                if !self.placed[j] && !self.must[j] {
                    options.push((self.w[i][j], vec![i, j]));
                }
            }
        }
        options.sort();
        for (c, group) in options {
            for &u in &group {
                self.placed[u] = true;
            }
            let trio = group.len() == 3;
            if trio {
                self.trio_open = false;
            }
            self.groups.push(group);
            self.dfs(cost + c);
            let group = self.groups.pop().unwrap_or_default();
            if trio {
                self.trio_open = true;
            }
            for &u in &group {
                self.placed[u] = false;
            }
            if self.budget == 0 {
                return;
            }
        }
    }
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
/// one) and date. A person taken off the roster keeps their name (`#id`
/// only when no name is known). A name
/// starting with a formula sign (`=`, `+`, `-` or `@`) or a tab is
/// prefixed with `'`, so a spreadsheet does not run it.
pub fn to_csv(schedule: &Schedule) -> String {
    let name = |id: u32| -> String {
        let text =
            (schedule.roster.name_ever(id).map(str::to_string)).unwrap_or_else(|| format!("#{id}"));
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
