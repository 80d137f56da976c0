//! The compact binary form of a session inside `s1` and `e1` links.
//!
//! Not serde: the layout is written out by hand, field by field, so that it
//! never changes when the Rust model gains or renames a field (a released
//! link must decode forever), and so that it is small:
//!
//! - integers are LEB128 varints; signed ones are zigzagged;
//! - times are stored relative to a neighbour (`updated` to `created`,
//!   `used` to `allotted`, a running clock's start to `updated`), in whole
//!   minutes or seconds when they are (see [`put_time`]);
//! - due dates that are calendar dates travel as a day count relative to the
//!   session's creation day (one byte for the usual "next week");
//! - built-in texts (ground rules, question cards) are numbers;
//! - the numbers go first and every string after them, in one text block,
//!   so that the compressor sees the prose in one piece.
//!
//! Layout of format 1 (`s1` and the plaintext of `e1`):
//!
//! ```text
//! varint head_len, head[head_len], text (the strings' UTF-8, concatenated)
//! head: every field below in order; each string is its byte length here
//!   id, created_ms (zz), updated_ms - created_ms (time),
//!   format (0 reciprocal, 1 one-way), name A, name B, total_minutes,
//!   plans[2][4], flags (bit 0/1 A/B confirmed, bit 2 skipped),
//!   rule count, rules (2n: built-in n; 1 + string: custom),
//!   half count (≤ 2), halves, step, swap (0 none, 1 fit, 2 keep),
//!   2 × (useful: 0 none, 1 + value; sentence), next_item
//! half: topic, outcome, reality, option count, options, action count,
//!   actions, confidence (0 none, 1 + value), raise_note, 4 clocks, 4 decks
//! option: id, text, pros (count + strings), cons (count + strings), chosen
//! action: id, what, owner (2p: person p; 1 + string: someone else),
//!   due (0 empty; 1 + string: free text; 2 + zz(days after creation day)),
//!   first_step
//! clock: allotted (time), used - allotted (time),
//!   flags (bit 0 cued, bit 1 running), [running_since - updated (time)]
//! deck: drawn (count + bytes), pinned (count + bytes)
//! step: 0 agreement, 1 swap, 2 wrap-up, 3 + 4·half + phase
//! ```
//!
//! Differences of timestamps use wrapping arithmetic, so every `i64` value
//! survives the round trip. Reading checks every length and count and
//! returns `None` for anything that is not a well-formed session.

use crate::domain::agreement::{Agreement, Rule};
use crate::domain::deck::CardState;
use crate::domain::flow::{Format, Phase, Step};
use crate::domain::route::is_valid_id;
use crate::domain::session::{
    is_iso_date, ActionItem, CoachOption, Goal, Half, Owner, Reflection, Session, SwapChoice,
};
use crate::domain::timer::PhaseClock;

/// Most items a decoded list may have (options, actions, pros, cons, rules).
pub const MAX_ITEMS: usize = 1_000;
/// Most cards a decoded deck list may have (a deck has 12).
pub const MAX_CARDS: usize = 64;

const DAY_MS: i64 = 86_400_000;

pub fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Read a varint from the front of `bytes`; `None` if it runs off the end
/// or does not fit 64 bits. Returns the value and the bytes it took.
pub fn get_varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        let part = u64::from(b & 0x7F);
        if i == 9 && part > 1 {
            return None;
        }
        v |= part << (7 * i);
        if b & 0x80 == 0 {
            return Some((v, i + 1));
        }
    }
    None
}

struct Writer {
    head: Vec<u8>,
    text: Vec<u8>,
}

impl Writer {
    fn num(&mut self, v: u64) {
        put_varint(&mut self.head, v);
    }

    fn signed(&mut self, v: i64) {
        self.num(zigzag(v));
    }

    fn flag(&mut self, b: bool) {
        self.num(b as u64);
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.text.extend_from_slice(s.as_bytes());
    }

    fn strs(&mut self, list: &[String]) {
        self.num(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }

    fn bytes(&mut self, list: &[u8]) {
        self.num(list.len() as u64);
        self.head.extend_from_slice(list);
    }

    /// A duration or time difference: whole minutes (low bits 0), whole
    /// seconds (1), milliseconds (2), or a full 64-bit value (3).
    fn time(&mut self, v: i64) {
        let (unit, sel) = if v % 60_000 == 0 {
            (60_000, 0)
        } else if v % 1_000 == 0 {
            (1_000, 1)
        } else {
            (1, 2)
        };
        let z = zigzag(v / unit);
        if z < 1 << 62 {
            self.num(z << 2 | sel);
        } else {
            self.num(3);
            self.num(zigzag(v));
        }
    }
}

struct Reader<'a> {
    head: &'a [u8],
    text: &'a [u8],
}

type R<T> = Option<T>;

impl<'a> Reader<'a> {
    fn num(&mut self) -> R<u64> {
        let (v, n) = get_varint(self.head)?;
        self.head = &self.head[n..];
        Some(v)
    }

    fn small(&mut self, max: u64) -> R<u64> {
        self.num().filter(|&v| v <= max)
    }

    fn count(&mut self, max: usize) -> R<usize> {
        Some(self.small(max as u64)? as usize)
    }

    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.num()?).ok()
    }

    fn signed(&mut self) -> R<i64> {
        Some(unzigzag(self.num()?))
    }

    fn flag(&mut self) -> R<bool> {
        Some(self.small(1)? == 1)
    }

    fn str(&mut self) -> R<String> {
        let len = usize::try_from(self.num()?).ok()?;
        if len > self.text.len() {
            return None;
        }
        let (s, rest) = self.text.split_at(len);
        self.text = rest;
        String::from_utf8(s.to_vec()).ok()
    }

    fn strs(&mut self) -> R<Vec<String>> {
        let n = self.count(MAX_ITEMS)?;
        (0..n).map(|_| self.str()).collect()
    }

    fn bytes(&mut self) -> R<Vec<u8>> {
        let n = self.count(MAX_CARDS)?;
        if n > self.head.len() {
            return None;
        }
        let (b, rest) = self.head.split_at(n);
        self.head = rest;
        Some(b.to_vec())
    }

    fn time(&mut self) -> R<i64> {
        let v = self.num()?;
        let unit = match v & 3 {
            0 => 60_000,
            1 => 1_000,
            2 => 1,
            _ => {
                return if v == 3 { self.signed() } else { None };
            }
        };
        unzigzag(v >> 2).checked_mul(unit)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The day count of a due date written exactly as `YYYY-MM-DD`.
fn date_days(text: &str) -> Option<i64> {
    if !is_iso_date(text) {
        return None;
    }
    let y = text.get(0..4)?.parse().ok()?;
    let m = text.get(5..7)?.parse().ok()?;
    let d = text.get(8..10)?.parse().ok()?;
    let days = days_from_civil(y, m, d);
    (format_days(days).as_deref() == Some(text)).then_some(days)
}

fn format_days(days: i64) -> Option<String> {
    let (y, m, d) = civil_from_days(days);
    (1000..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

pub fn write_session(s: &Session) -> Vec<u8> {
    let mut w = Writer {
        head: Vec::with_capacity(256),
        text: Vec::with_capacity(2048),
    };
    let created_day = s.created_ms.div_euclid(DAY_MS);
    w.str(&s.id);
    w.signed(s.created_ms);
    w.time(s.updated_ms.wrapping_sub(s.created_ms));
    w.num(match s.format {
        Format::Reciprocal => 0,
        Format::OneWay => 1,
    });
    w.str(&s.names[0]);
    w.str(&s.names[1]);
    w.num(s.total_minutes.into());
    for plan in &s.plans {
        for &m in plan {
            w.num(m.into());
        }
    }
    let a = &s.agreement;
    w.num(a.confirmed[0] as u64 | (a.confirmed[1] as u64) << 1 | (a.skipped as u64) << 2);
    w.num(a.rules.len() as u64);
    for rule in &a.rules {
        match rule {
            Rule::Builtin(n) => w.num(u64::from(*n) * 2),
            Rule::Custom(text) => {
                w.num(1);
                w.str(text);
            }
        }
    }
    w.num(s.halves.len() as u64);
    for half in &s.halves {
        w.str(&half.goal.topic);
        w.str(&half.goal.outcome);
        w.str(&half.reality);
        w.num(half.options.len() as u64);
        for o in &half.options {
            w.num(o.id.into());
            w.str(&o.text);
            w.strs(&o.pros);
            w.strs(&o.cons);
            w.flag(o.chosen);
        }
        w.num(half.actions.len() as u64);
        for a in &half.actions {
            w.num(a.id.into());
            w.str(&a.what);
            match &a.owner {
                Owner::Person(p) => w.num(u64::from(*p) * 2),
                Owner::Other(name) => {
                    w.num(1);
                    w.str(name);
                }
            }
            if a.due.is_empty() {
                w.num(0);
            } else if let Some(days) = date_days(&a.due) {
                w.num(2 + zigzag(days - created_day));
            } else {
                w.num(1);
                w.str(&a.due);
            }
            w.str(&a.first_step);
        }
        w.num(half.confidence.map_or(0, |c| u64::from(c) + 1));
        w.str(&half.raise_note);
        for c in &half.clocks {
            w.time(c.allotted_ms);
            w.time(c.used_ms.wrapping_sub(c.allotted_ms));
            w.num(c.cued as u64 | (c.running_since.is_some() as u64) << 1);
            if let Some(since) = c.running_since {
                w.time(since.wrapping_sub(s.updated_ms));
            }
        }
        for deck in &half.cards {
            w.bytes(&deck.drawn);
            w.bytes(&deck.pinned);
        }
    }
    w.num(match s.step {
        Step::Agreement => 0,
        Step::Swap => 1,
        Step::WrapUp => 2,
        Step::Phase { half, phase } => (half as u64)
            .saturating_mul(4)
            .saturating_add(3 + phase.index() as u64),
    });
    w.num(match s.swap {
        None => 0,
        Some(SwapChoice::Fit) => 1,
        Some(SwapChoice::Keep) => 2,
    });
    for r in &s.reflections {
        w.num(r.useful.map_or(0, |u| u64::from(u) + 1));
        w.str(&r.sentence);
    }
    w.num(s.next_item.into());

    let mut out = Vec::with_capacity(w.head.len() + w.text.len() + 3);
    put_varint(&mut out, w.head.len() as u64);
    out.extend_from_slice(&w.head);
    out.extend_from_slice(&w.text);
    out
}

/// Read a session written by [`write_session`]; `None` if the bytes are not
/// exactly one well-formed session. The result is not normalized yet.
pub fn read_session(bytes: &[u8]) -> Option<Session> {
    let (head_len, n) = get_varint(bytes)?;
    let rest = &bytes[n..];
    let head_len = usize::try_from(head_len)
        .ok()
        .filter(|&l| l <= rest.len())?;
    let (head, text) = rest.split_at(head_len);
    let mut r = Reader { head, text };

    let id = r.str().filter(|id| is_valid_id(id))?;
    let created_ms = r.signed()?;
    let updated_ms = created_ms.wrapping_add(r.time()?);
    let created_day = created_ms.div_euclid(DAY_MS);
    let format = match r.num()? {
        0 => Format::Reciprocal,
        1 => Format::OneWay,
        _ => return None,
    };
    let names = [r.str()?, r.str()?];
    let total_minutes = r.u32()?;
    let mut plans = [[0u32; 4]; 2];
    for plan in &mut plans {
        for m in plan.iter_mut() {
            *m = r.u32()?;
        }
    }
    let flags = r.small(7)?;
    let rule_count = r.count(MAX_ITEMS)?;
    let mut rules = Vec::with_capacity(rule_count);
    for _ in 0..rule_count {
        let v = r.num()?;
        rules.push(if v == 1 {
            Rule::Custom(r.str()?)
        } else if v % 2 == 0 {
            Rule::Builtin(u8::try_from(v / 2).ok()?)
        } else {
            return None;
        });
    }
    let agreement = Agreement {
        rules,
        confirmed: [flags & 1 != 0, flags & 2 != 0],
        skipped: flags & 4 != 0,
    };
    let half_count = r.count(2)?;
    let mut halves = Vec::with_capacity(half_count);
    for (h, &plan) in plans.iter().enumerate().take(half_count) {
        let mut half = Half::new(h as u8, plan);
        half.goal = Goal {
            topic: r.str()?,
            outcome: r.str()?,
        };
        half.reality = r.str()?;
        let option_count = r.count(MAX_ITEMS)?;
        for _ in 0..option_count {
            half.options.push(CoachOption {
                id: r.u32()?,
                text: r.str()?,
                pros: r.strs()?,
                cons: r.strs()?,
                chosen: r.flag()?,
            });
        }
        let action_count = r.count(MAX_ITEMS)?;
        for _ in 0..action_count {
            let id = r.u32()?;
            let what = r.str()?;
            let owner = match r.num()? {
                1 => Owner::Other(r.str()?),
                v if v % 2 == 0 => Owner::Person(u8::try_from(v / 2).ok().filter(|&p| p <= 1)?),
                _ => return None,
            };
            let due = match r.num()? {
                0 => String::new(),
                1 => r.str()?,
                v => format_days(created_day.checked_add(unzigzag(v - 2))?)?,
            };
            half.actions.push(ActionItem {
                id,
                what,
                owner,
                due,
                first_step: r.str()?,
            });
        }
        half.confidence = match r.small(11)? {
            0 => None,
            v => Some(v as u8 - 1),
        };
        half.raise_note = r.str()?;
        for clock in &mut half.clocks {
            let allotted_ms = r.time()?;
            let used_ms = allotted_ms.wrapping_add(r.time()?);
            let flags = r.small(3)?;
            let running_since = if flags & 2 != 0 {
                Some(updated_ms.wrapping_add(r.time()?))
            } else {
                None
            };
            *clock = PhaseClock {
                allotted_ms,
                used_ms,
                running_since,
                cued: flags & 1 != 0,
            };
        }
        for deck in &mut half.cards {
            *deck = CardState {
                drawn: r.bytes()?,
                pinned: r.bytes()?,
            };
        }
        halves.push(half);
    }
    let step = match r.num()? {
        0 => Step::Agreement,
        1 => Step::Swap,
        2 => Step::WrapUp,
        v => Step::Phase {
            half: usize::try_from((v - 3) / 4).ok()?,
            phase: Phase::ALL[((v - 3) % 4) as usize],
        },
    };
    let swap = match r.num()? {
        0 => None,
        1 => Some(SwapChoice::Fit),
        2 => Some(SwapChoice::Keep),
        _ => return None,
    };
    let mut reflections: [Reflection; 2] = Default::default();
    for refl in &mut reflections {
        refl.useful = match r.small(6)? {
            0 => None,
            v => Some(v as u8 - 1),
        };
        refl.sentence = r.str()?;
    }
    let next_item = r.u32()?;
    if !r.head.is_empty() || !r.text.is_empty() {
        return None;
    }
    Some(Session {
        id,
        created_ms,
        updated_ms,
        format,
        names,
        total_minutes,
        plans,
        agreement,
        halves,
        step,
        swap,
        reflections,
        next_item,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_zigzag() {
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            assert_eq!(get_varint(&out), Some((v, out.len())));
        }
        assert_eq!(get_varint(&[0x80]), None);
        assert_eq!(get_varint(&[0xFF; 11]), None);
        for v in [0i64, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
    }

    #[test]
    fn dates_round_trip_and_odd_texts_stay_text() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2026, 3, 10), 20_522);
        for days in [-354_285, 0, 20_522, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(date_days("2026-03-16"), Some(20_528));
        assert_eq!(date_days("2026-+3-16"), None);
        assert_eq!(date_days("next week"), None);
    }

    #[test]
    fn times_of_every_size() {
        for v in [
            0,
            60_000,
            -60_000,
            1_000,
            1,
            -1,
            i64::MIN,
            i64::MAX,
            1 << 61,
        ] {
            let mut w = Writer {
                head: Vec::new(),
                text: Vec::new(),
            };
            w.time(v);
            let mut r = Reader {
                head: &w.head,
                text: &[],
            };
            assert_eq!(r.time(), Some(v), "{v}");
            assert!(r.head.is_empty());
        }
    }
}
