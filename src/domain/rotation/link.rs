//! A whole rotation schedule in a link: the roster, how it turns and every
//! period (with who is away and the pairs locked by hand), so that a team
//! lead can send the schedule and everyone opens the same one.
//!
//! # Format `r1`
//!
//! The same family as session links (see [`crate::domain::share`]): the
//! fragment is `r1.PAYLOAD`, the payload the outer frame of every link
//! (length, check byte, content, CRC-32, base64url), so a cut-off link is
//! [`LinkError::Truncated`], a changed character [`LinkError::Corrupted`]
//! and a later tag of the family (`r2`) [`LinkError::NewerVersion`]. The
//! content is `varint raw_len ‖ deflate(raw)`, with the primed deflate of
//! session links; `raw` is written by hand, field by field, so that it
//! never changes with the Rust model:
//!
//! ```text
//! raw: varint head_len, head[head_len], text (the strings' UTF-8)
//! head: odd (0 trio, 1 sit out), every_weeks (0 monthly, else weeks),
//!   start (string), next_id, member count, members, period count, periods,
//!   and only when there are any: former count, former members
//! member: id, name (string)
//! former member: id, name (string) (taken off the roster, still named by
//!   a period; an older link has none, so it reads as before)
//! period: group count, groups, sit_out (0 none, 1 + id),
//!   away (count + ids), locked (count + pairs of ids)
//! group: size (2 or 3), ids
//! string: its byte length in the head, its bytes in the text
//! ```
//!
//! Decoding never panics and trusts nothing: the inflated size is capped,
//! every count is capped, every id is below `next_id`, nobody is placed
//! twice in a period, and every locked pair is inside one group.

use std::collections::BTreeSet;

use crate::domain::share::compact::{get_varint, put_varint};
use crate::domain::share::{clean, deflate, frame, unframe_with, LinkError};

use super::{roster_name, Member, OddPolicy, Period, Roster, Schedule};

/// The tag of a plain schedule link, format 1.
pub const TAG: &str = "r1";

/// Most people a decoded roster may have.
pub const MAX_MEMBERS: usize = 1_000;
/// Most periods a decoded schedule may have (a century of months).
pub const MAX_PERIODS: usize = 1_200;
/// Largest schedule the decoder inflates (the raw bytes).
pub const MAX_RAW_BYTES: usize = 256 * 1024;
/// Longest name or start date a decoded schedule may have, in bytes.
const MAX_TEXT: usize = 1_000;

/// The link for a schedule: the fragment payload `r1.…` (without `#`).
pub fn encode(schedule: &Schedule) -> String {
    let raw = write(schedule);
    let mut content = Vec::with_capacity(raw.len() / 2 + 8);
    put_varint(&mut content, raw.len() as u64);
    content.extend_from_slice(&deflate::deflate(&raw));
    frame(TAG, &content)
}

/// Decode a pasted link, a fragment or a payload (it is
/// [`clean`]ed first) into a checked, normalized schedule.
pub fn decode(input: &str) -> Result<Schedule, LinkError> {
    let cleaned = clean(input);
    let ((), content) = unframe_with(&cleaned, parse_tag, |()| TAG)?;
    decode_content(&content)
}

/// The content of an `r1` frame (`varint raw_len ‖ deflate(raw)`, past
/// its checksum) into a checked, normalized schedule.
pub fn decode_content(content: &[u8]) -> Result<Schedule, LinkError> {
    let (raw_len, n) = get_varint(content).ok_or(LinkError::Malformed)?;
    if raw_len > MAX_RAW_BYTES as u64 {
        return Err(LinkError::TooLarge);
    }
    let raw = deflate::inflate(&content[n..], raw_len as usize).map_err(|e| match e {
        deflate::InflateError::TooLarge => LinkError::TooLarge,
        deflate::InflateError::Invalid => LinkError::Malformed,
    })?;
    read(&raw).ok_or(LinkError::Malformed)
}

/// Is this (pasted text, fragment or payload) a link of the schedule
/// family (`r1.…`, or a later `r2.…`), rather than a session's?
pub fn is_schedule_link(input: &str) -> bool {
    let cleaned = clean(input);
    let tag = cleaned.split('.').next().unwrap_or("");
    tag.len() >= 2 && tag.starts_with('r') && tag[1..].bytes().all(|b| b.is_ascii_digit())
}

fn parse_tag(tag: &str) -> Option<()> {
    (tag == TAG).then_some(())
}

struct Writer {
    head: Vec<u8>,
    text: Vec<u8>,
}

impl Writer {
    fn num(&mut self, v: u64) {
        put_varint(&mut self.head, v);
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.text.extend_from_slice(s.as_bytes());
    }

    fn ids(&mut self, ids: &[u32]) {
        self.num(ids.len() as u64);
        for &id in ids {
            self.num(u64::from(id));
        }
    }
}

fn write(s: &Schedule) -> Vec<u8> {
    let mut w = Writer {
        head: Vec::new(),
        text: Vec::new(),
    };
    w.num(match s.odd {
        OddPolicy::Trio => 0,
        OddPolicy::SitOut => 1,
    });
    w.num(s.every_weeks.map_or(0, u64::from));
    w.str(&s.start);
    w.num(u64::from(s.roster.next_id));
    w.num(s.roster.members.len() as u64);
    for m in &s.roster.members {
        w.num(u64::from(m.id));
        w.str(&roster_name(&m.name));
    }
    w.num(s.periods.len() as u64);
    for p in &s.periods {
        w.num(p.groups.len() as u64);
        for g in &p.groups {
            w.ids(g);
        }
        w.num(p.sit_out.map_or(0, |id| u64::from(id) + 1));
        w.ids(&p.away);
        w.num(p.locked.len() as u64);
        for &(a, b) in &p.locked {
            w.num(u64::from(a));
            w.num(u64::from(b));
        }
    }
    if !s.roster.former.is_empty() {
        w.num(s.roster.former.len() as u64);
        for m in &s.roster.former {
            w.num(u64::from(m.id));
            w.str(&roster_name(&m.name));
        }
    }
    let mut raw = Vec::with_capacity(w.head.len() + w.text.len() + 4);
    put_varint(&mut raw, w.head.len() as u64);
    raw.extend_from_slice(&w.head);
    raw.extend_from_slice(&w.text);
    raw
}

struct Reader<'a> {
    head: &'a [u8],
    text: &'a [u8],
    next_id: u32,
}

impl Reader<'_> {
    fn num(&mut self) -> Option<u64> {
        let (v, n) = get_varint(self.head)?;
        self.head = &self.head[n..];
        Some(v)
    }

    fn count(&mut self, max: usize) -> Option<usize> {
        self.num().filter(|&v| v <= max as u64).map(|v| v as usize)
    }

    /// A person's id: below `next_id`.
    fn id(&mut self) -> Option<u32> {
        u32::try_from(self.num()?)
            .ok()
            .filter(|&id| id < self.next_id)
    }

    fn ids(&mut self, max: usize) -> Option<Vec<u32>> {
        let n = self.count(max)?;
        (0..n).map(|_| self.id()).collect()
    }

    fn str(&mut self) -> Option<String> {
        let len = self.count(MAX_TEXT)?;
        if len > self.text.len() {
            return None;
        }
        let (s, rest) = self.text.split_at(len);
        self.text = rest;
        String::from_utf8(s.to_vec()).ok()
    }

    fn period(&mut self, index: u32) -> Option<Period> {
        let mut seen = BTreeSet::new();
        let mut place = |id: u32| seen.insert(id).then_some(id);
        let group_count = self.count(MAX_MEMBERS)?;
        let mut groups = Vec::with_capacity(group_count.min(64));
        for _ in 0..group_count {
            let g = self.ids(3)?;
            if g.len() < 2 {
                return None;
            }
            for &id in &g {
                place(id)?;
            }
            groups.push(g);
        }
        let sit_out = match self.num()? {
            0 => None,
            v => {
                let id = u32::try_from(v - 1).ok().filter(|&id| id < self.next_id)?;
                Some(place(id)?)
            }
        };
        let away = self.ids(MAX_MEMBERS)?;
        for &id in &away {
            place(id)?;
        }
        let lock_count = self.count(MAX_MEMBERS)?;
        let mut locked = Vec::with_capacity(lock_count.min(64));
        let mut in_lock = BTreeSet::new();
        for _ in 0..lock_count {
            let (a, b) = (self.id()?, self.id()?);
            let together = groups.iter().any(|g| g.contains(&a) && g.contains(&b));
            if a == b || !together || !in_lock.insert(a) || !in_lock.insert(b) {
                return None;
            }
            locked.push((a.min(b), a.max(b)));
        }
        Some(Period::new(index, groups, sit_out, away, locked))
    }
}

fn read(raw: &[u8]) -> Option<Schedule> {
    let (head_len, n) = get_varint(raw)?;
    let rest = &raw[n..];
    let head_len = usize::try_from(head_len)
        .ok()
        .filter(|&h| h <= rest.len())?;
    let (head, text) = rest.split_at(head_len);
    let mut r = Reader {
        head,
        text,
        next_id: 0,
    };
    let odd = match r.num()? {
        0 => OddPolicy::Trio,
        1 => OddPolicy::SitOut,
        _ => return None,
    };
    let every_weeks = match r.num()? {
        0 => None,
        w => Some(u8::try_from(w).ok()?),
    };
    let start = r.str()?;
    r.next_id = u32::try_from(r.num()?).ok()?;
    let member_count = r.count(MAX_MEMBERS)?;
    let mut members = Vec::with_capacity(member_count);
    let mut ids = BTreeSet::new();
    for _ in 0..member_count {
        let id = r.id()?;
        let name = r.str()?;
        if !ids.insert(id) {
            return None;
        }
        members.push(Member { id, name });
    }
    let period_count = r.count(MAX_PERIODS)?;
    let mut periods = Vec::with_capacity(period_count.min(64));
    for index in 0..period_count as u32 {
        periods.push(r.period(index)?);
    }
    let mut former = Vec::new();
    if !r.head.is_empty() {
        let count = r.count(MAX_MEMBERS)?;
        if count == 0 {
            return None;
        }
        for _ in 0..count {
            let id = r.id()?;
            let name = r.str()?;
            if !ids.insert(id) {
                return None;
            }
            former.push(Member { id, name });
        }
    }
    // Every byte read: nothing left over in the head or the text.
    if !r.head.is_empty() || !r.text.is_empty() {
        return None;
    }
    Some(Schedule {
        roster: Roster {
            members,
            next_id: r.next_id,
            former,
        },
        odd,
        every_weeks,
        start,
        periods,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Schedule {
        let roster = Roster::of(&["Amara", "Jonas", "Mia", "Lee", "Sam"]);
        let mut s = Schedule::new(roster, OddPolicy::SitOut, Some(2), "2026-03-02");
        s.extend(4, &|i| if i == 1 { vec![2] } else { vec![] }, &|_| vec![]);
        s
    }

    #[test]
    fn round_trips_with_away_and_locks() {
        let mut s = team();
        let p = s.periods[2].clone();
        let (a, b) = (p.groups[0][0], p.groups[1][0]);
        s.lock(2, a, b).unwrap();
        s.roster.remove(4);
        let link = encode(&s);
        assert!(link.starts_with("r1."), "{link}");
        assert_eq!(decode(&link), Ok(s.clone()));
        assert_eq!(decode(&format!("https://x.test/app/#{link}")), Ok(s));
        assert!(is_schedule_link(&link));
        assert!(is_schedule_link("#r2.abc"));
        assert!(!is_schedule_link("#s1.abc"));
        assert!(!is_schedule_link("#/rotation"));
    }

    #[test]
    fn bad_links_say_what_is_wrong() {
        let link = encode(&team());
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode("hello"), Err(LinkError::NotALink));
        assert_eq!(decode(&link[..link.len() - 6]), Err(LinkError::Truncated));
        let mut changed = link.clone().into_bytes();
        let at = changed.len() - 10;
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert_eq!(decode(&changed), Err(LinkError::Corrupted));
        assert_eq!(
            decode(&link.replacen("r1.", "r2.", 1)),
            Err(LinkError::NewerVersion { tag: "r2".into() })
        );
        // A session link is not a schedule.
        assert!(matches!(
            decode(&link.replacen("r1.", "s1.", 1)),
            Err(LinkError::NewerVersion { .. })
        ));
    }

    /// A framed link around any raw bytes, as a faulty program might write.
    fn link_of(raw: &[u8]) -> String {
        let mut content = Vec::new();
        put_varint(&mut content, raw.len() as u64);
        content.extend_from_slice(&deflate::deflate(raw));
        frame(TAG, &content)
    }

    #[test]
    fn intact_but_invalid_schedules_are_malformed() {
        let good = write(&team());
        assert_eq!(read(&good), Some(team()));
        // Every cut of the raw bytes, and trailing bytes, are refused.
        for cut in 0..good.len() {
            assert_eq!(decode(&link_of(&good[..cut])), Err(LinkError::Malformed));
        }
        let mut longer = good.clone();
        longer.push(b'x');
        assert_eq!(decode(&link_of(&longer)), Err(LinkError::Malformed));

        let mut s = team();
        // Someone placed twice, a lock across groups, an unknown id.
        let first = s.periods[0].groups[0][0];
        s.periods[0].away.push(first);
        assert_eq!(decode(&encode(&s)), Err(LinkError::Malformed));
        let mut s = team();
        let g = s.periods[0].groups.clone();
        s.periods[0].locked.push((g[0][0], g[1][0]));
        assert_eq!(decode(&encode(&s)), Err(LinkError::Malformed));
        let mut s = team();
        s.periods[0].groups[0][0] = 99;
        assert_eq!(decode(&encode(&s)), Err(LinkError::Malformed));
    }

    #[test]
    fn a_bomb_is_too_large_before_inflating() {
        let mut content = Vec::new();
        put_varint(&mut content, (MAX_RAW_BYTES + 1) as u64);
        content.extend_from_slice(&deflate::deflate(&vec![0; 1000]));
        assert_eq!(decode(&frame(TAG, &content)), Err(LinkError::TooLarge));
        let raw = vec![0u8; 100_000];
        let mut content = Vec::new();
        put_varint(&mut content, 10);
        content.extend_from_slice(&deflate::deflate(&raw));
        assert_eq!(decode(&frame(TAG, &content)), Err(LinkError::TooLarge));
    }
}
