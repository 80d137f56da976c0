//! The compact binary form of a session inside `s1`/`e1` (format 1) and
//! `s2`/`e2` (format 2) links.
//!
//! Not serde: the layout is written out by hand, field by field, so that it
//! never changes when the Rust model gains or renames a field (a released
//! link must decode forever), and so that it is small:
//!
//! - integers are LEB128 varints; signed ones are zigzagged;
//! - times are stored relative to a neighbour (`updated` to `created`,
//!   `used` to `allotted`, a running clock's start to `updated`), in whole
//!   minutes or seconds when they are (see `Writer::time`);
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
//! Layout of format 2 (`s2` and the plaintext of `e2`): format 1 with the
//! exercise runs appended at the end of the head, their strings in the same
//! text block (after those of format 1), so the prose stays in one piece:
//!
//! ```text
//! head: format 1 head, then for each half (as many as format 1 has):
//!   run count (≤ MAX_EXERCISES_PER_HALF), runs
//! run: exercise code (1–7, ExerciseId::code; any other is malformed),
//!   step, clock count + clocks, subject, picked (0 none, 1 + card),
//!   notes (count + strings), prompt count, prompts,
//!   turns (count + strings), idea count, ideas, draft_turn, draft_idea
//! prompt: card, answer, idea
//! idea: from, text, starred
//! ```
//!
//! A run's clocks are encoded as a half's (a running one's start relative
//! to the session's `updated_ms`).
//!
//! Differences of timestamps use wrapping arithmetic, so every `i64` value
//! survives the round trip. Reading checks every length and count and
//! returns `None` for anything that is not a well-formed session.

use crate::domain::dates::is_iso_date;

mod read;
mod write;

pub use read::read_session;
pub use write::write_session;

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

#[cfg(test)]
mod tests {
    use super::read::Reader;
    use super::write::Writer;
    use super::*;
    use crate::domain::fixtures::{reference_session, reference_session_with_exercises};
    use crate::domain::share::LinkVersion::{V1, V2};

    /// The head and the text block of compact bytes.
    fn parts(raw: &[u8]) -> (&[u8], &[u8]) {
        let (len, n) = get_varint(raw).unwrap();
        raw[n..].split_at(len as usize)
    }

    #[test]
    fn format_2_without_runs_is_format_1_and_zero_counts() {
        let s = reference_session();
        let (v1, v2) = (write_session(&s, V1), write_session(&s, V2));
        let ((head1, text1), (head2, text2)) = (parts(&v1), parts(&v2));
        assert_eq!(text2, text1);
        assert_eq!(head2, [head1, &[0, 0]].concat(), "one zero per half");
        assert_eq!(read_session(&v2, V2), Some(s.clone()));
        assert_eq!(read_session(&v1, V1), Some(s));
        // Each version reads only its own layout.
        assert_eq!(read_session(&v2, V1), None);
        assert_eq!(read_session(&v1, V2), None);
    }

    #[test]
    fn runs_round_trip_and_unknown_exercises_are_malformed() {
        let s = reference_session_with_exercises();
        let raw = write_session(&s, V2);
        assert_eq!(read_session(&raw, V2), Some(s.clone()));
        // The first half's block: its run count, then the first run's code.
        let (_, n) = get_varint(&raw).unwrap();
        let block = n + parts(&write_session(&s, V1)).0.len();
        assert_eq!(raw[block], 1, "one run in the first half");
        assert_eq!(raw[block + 1], s.halves[0].exercises[0].exercise.code());
        for code in [0, 8, 127] {
            let mut bad = raw.clone();
            bad[block + 1] = code;
            assert_eq!(read_session(&bad, V2), None, "code {code}");
        }
        // Cut anywhere, or a byte too many: never a session.
        for len in 0..raw.len() {
            assert_eq!(read_session(&raw[..len], V2), None, "cut at {len}");
        }
        let mut longer = raw;
        longer.push(0);
        assert_eq!(read_session(&longer, V2), None);
    }

    #[test]
    fn at_most_the_kept_runs_are_written() {
        use crate::domain::exercise::{ExerciseId, ExerciseRun};
        use crate::domain::session::MAX_EXERCISES_PER_HALF;
        let mut s = reference_session();
        s.halves[1].exercises = vec![ExerciseRun::new(ExerciseId::QuickAsk); 40];
        let read = read_session(&write_session(&s, V2), V2).unwrap();
        assert_eq!(read.halves[1].exercises.len(), MAX_EXERCISES_PER_HALF);
    }

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
