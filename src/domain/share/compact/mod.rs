//! The compact binary form of a session inside `s1`/`e1` (format 1),
//! `s2`/`e2` (format 2), `s3`/`e3` (format 3) and `s4`/`e4` (format 4)
//! links.
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
//!   step (+ the exercise's step count once the run is finished),
//!   clock count + clocks, subject, picked (0 none, 1 + card),
//!   notes (count + strings), prompt count, prompts,
//!   turns (count + strings), idea count, ideas, draft_turn, draft_idea
//! prompt: card, answer, idea
//! idea: from, text, starred
//! ```
//!
//! A run's clocks are encoded as a half's (a running one's start relative
//! to the session's `updated_ms`).
//!
//! Layout of format 3 (`s3` and the plaintext of `e3`): format 2 with what
//! happens between sessions appended at the end of the head (after the
//! exercise block), its strings in the same text block (after those of
//! format 2):
//!
//! ```text
//! head: format 2 head, then
//!   for each action of each half, in format 1's order (no count: format 1
//!     gave it): status, status_note
//!   follow-up count (≤ MAX_FOLLOW_UP), follow-up items,
//!   next meeting, check-in (0 none; 1 + keep, change)
//! status: 0 open, 1 in progress, 2 done, 3 dropped
//! follow-up item: session (the previous session's id: an app id or empty;
//!   any other string is malformed), action (id), person (0 none, 1 + p,
//!   p ≤ 1; in a group of format 4, p ≤ 6), what, due (as an action's
//!   due), status, note, carried (flag)
//! next meeting: 0 none, or 1 + zz(date's days after creation day),
//!   then time (0 none, 1 + minute of the day, < 1440),
//!   every_weeks (0 once, or 1 to MAX_EVERY_WEEKS)
//! ```
//!
//! A session without any of these (every action open without a note, no
//! follow-up, no next meeting, no check-in) is never written in format 3
//! (see `LinkVersion::needed_for`).
//!
//! Format 3 is deliberately *not* made forward-extensible (say, trailing
//! sections an older reader skips): a later field goes into a format 4
//! with its own tag, at the cost of a two-character tag and a version test
//! in the reader. Skippable sections would let an older app open a newer
//! link and silently drop what it cannot read, and then share or merge the
//! session without it, which is the very loss format 3 exists to end; and
//! sections it must not skip would be found only after the passphrase is
//! asked for, where an unknown tag says "update the app" before that.
//!
//! Layout of format 4 (`s4` and the plaintext of `e4`): format 3, where
//! a group session writes format 2 (group) in format 1's format field, its
//! first two people as name A and B (and their agreement flags and
//! reflections in format 1's places), up to 7 halves (its turns), action
//! owners p ≤ 6, and a group step (a turn's first screen) as 0; then at the
//! end of the head:
//!
//! ```text
//! head: format 3 head, then
//!   people beyond two: count (≤ 5), each: name, reflection, agreed (flag)
//!   for each half: client (≤ 6), scribe (0 none, 1 + p)
//!   absent (count + bytes), turn step (0 none, 1 + half: a turn's first
//!     screen, over format 1's step)
//! ```
//!
//! Pair sessions never use format 4 (see `LinkVersion::needed_for`).
//!
//! Differences of timestamps use wrapping arithmetic, so every `i64` value
//! survives the round trip. Reading checks every length and count and
//! returns `None` for anything that is not a well-formed session.

use chrono::Datelike;

use crate::domain::dates::{self, date_of_day, day_of};

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
/// The day count of a due date written exactly as `YYYY-MM-DD`.
fn date_days(text: &str) -> Option<i64> {
    let days = day_of(text)?;
    (format_days(days).as_deref() == Some(text)).then_some(days)
}

/// Is `text` a date exactly as the link's day counts write it back
/// (`YYYY-MM-DD`, years 1000 to 9999)?
pub fn is_canonical_date(text: &str) -> bool {
    date_days(text).is_some()
}

fn format_days(days: i64) -> Option<String> {
    date_of_day(days)
        .filter(|date| (1000..=9999).contains(&date.year()))
        .map(dates::format)
}

#[cfg(test)]
mod tests {
    use super::read::Reader;
    use super::write::Writer;
    use super::*;
    use crate::domain::fixtures::{
        reference_session, reference_session_followed_up, reference_session_with_exercises,
    };
    use crate::domain::followup::{CheckIn, FollowUpItem, NextMeeting};
    use crate::domain::session::Session;
    use crate::domain::share::LinkVersion::{self, V1, V2, V3};

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
        assert_eq!(raw[block + 1], s.turns[0].exercises[0].exercise.code());
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
    fn format_3_without_its_data_is_format_2_and_zeros() {
        let s = reference_session_with_exercises();
        let (v2, v3) = (write_session(&s, V2), write_session(&s, V3));
        let ((head2, text2), (head3, text3)) = (parts(&v2), parts(&v3));
        assert_eq!(text3, text2);
        // Status and note length of the four actions, then no follow-up,
        // no next meeting, no check-in.
        let zeros = [0; 4 * 2 + 3];
        assert_eq!(head3, [head2, &zeros].concat());
        assert_eq!(read_session(&v3, V3), Some(s));
    }

    #[test]
    fn between_sessions_round_trips_in_format_3_only() {
        let mut s = reference_session_followed_up();
        s.check_in = Some(CheckIn {
            keep: "Starting from the last plan".into(),
            change: String::new(),
        });
        let raw = write_session(&s, V3);
        assert_eq!(read_session(&raw, V3), Some(s.clone()));
        for version in [V1, V2] {
            assert_eq!(read_session(&raw, version), None, "{version:?}");
            assert_eq!(read_session(&write_session(&s, version), V3), None);
        }
        for len in 0..raw.len() {
            assert_eq!(read_session(&raw[..len], V3), None, "cut at {len}");
        }
        let mut longer = raw;
        longer.push(0);
        assert_eq!(read_session(&longer, V3), None);
    }

    /// A session with only a next meeting, written in format 3, and where
    /// its head ends.
    fn with_meeting(time: &str, every_weeks: Option<u8>) -> (Session, Vec<u8>, usize) {
        let mut s = reference_session();
        s.next_meeting = Some(NextMeeting {
            date: "2026-03-17".into(),
            time: time.into(),
            every_weeks,
        });
        let raw = write_session(&s, V3);
        let (head_len, n) = get_varint(&raw).unwrap();
        (s, raw, n + head_len as usize)
    }

    #[test]
    fn next_meetings_are_days_minutes_and_weeks() {
        let (s, raw, end) = with_meeting("23:59", Some(12));
        // 1 + zz(7 days), 1 + 1,439 minutes (two bytes), 12 weeks, no
        // check-in.
        assert_eq!(raw[end - 5..end], [15, 0xA0, 0x0B, 12, 0]);
        assert_eq!(read_session(&raw, V3), Some(s));
        let (s, raw, end) = with_meeting("", None);
        assert_eq!(raw[end - 4..end], [15, 0, 0, 0]);
        assert_eq!(read_session(&raw, V3), Some(s));
        // Weeks above 12, a minute past the day: malformed.
        let (_, mut raw, end) = with_meeting("00:00", Some(1));
        raw[end - 2] = 13;
        assert_eq!(read_session(&raw, V3), None);
        raw[end - 2] = 1;
        assert!(read_session(&raw, V3).is_some());
        let (_, raw, end) = with_meeting("23:59", None);
        let mut bad = raw.clone();
        bad[end - 3] = 0x0C; // 1 + 1,440
        assert_eq!(read_session(&bad, V3), None);
    }

    #[test]
    fn statuses_and_follow_up_items_are_checked() {
        let mut s = reference_session();
        s.follow_up.push(FollowUpItem {
            session: String::new(),
            action: 3,
            person: Some(1),
            due: "in May".into(),
            ..FollowUpItem::default()
        });
        let raw = write_session(&s, V3);
        assert_eq!(read_session(&raw, V3), Some(s.clone()));
        // The first action's status: right after format 2's head.
        let (_, n) = get_varint(&raw).unwrap();
        let at = n + parts(&write_session(&s, V2)).0.len();
        for (code, ok) in [(3, true), (4, false)] {
            let mut raw = raw.clone();
            raw[at] = code;
            assert_eq!(read_session(&raw, V3).is_some(), ok, "status {code}");
        }
        // Only app ids, or none, name the previous session.
        for (id, ok) in [("ref-2026-03-10", true), ("no spaces", false)] {
            s.follow_up[0].session = id.into();
            let read = read_session(&write_session(&s, V3), V3);
            assert_eq!(read.is_some(), ok, "{id}");
        }
    }

    #[test]
    fn at_most_the_kept_follow_up_is_written() {
        use crate::domain::followup::MAX_FOLLOW_UP;
        let mut s = reference_session();
        s.follow_up = vec![FollowUpItem::default(); MAX_FOLLOW_UP + 5];
        let read = read_session(&write_session(&s, V3), V3).unwrap();
        assert_eq!(read.follow_up.len(), MAX_FOLLOW_UP);
    }

    #[test]
    fn the_oldest_format_that_holds_the_session() {
        use crate::domain::session::ActionStatus;
        let plain = reference_session();
        assert_eq!(LinkVersion::needed_for(&plain), V1);
        assert_eq!(
            LinkVersion::needed_for(&reference_session_with_exercises()),
            V2
        );
        assert_eq!(
            LinkVersion::needed_for(&reference_session_followed_up()),
            V3
        );
        let edits: [fn(&mut Session); 5] = [
            |s| s.turns[1].actions[0].status = ActionStatus::Dropped,
            |s| s.turns[0].actions[1].status_note = "later".into(),
            |s| s.follow_up.push(FollowUpItem::default()),
            |s| s.next_meeting = Some(NextMeeting::default()),
            |s| s.check_in = Some(CheckIn::default()),
        ];
        for (i, edit) in edits.into_iter().enumerate() {
            let mut s = plain.clone();
            edit(&mut s);
            assert_eq!(LinkVersion::needed_for(&s), V3, "edit {i}");
        }
    }

    #[test]
    fn at_most_the_kept_runs_are_written() {
        use crate::domain::exercise::{ExerciseId, ExerciseRun};
        use crate::domain::session::MAX_EXERCISES_PER_HALF;
        let mut s = reference_session();
        s.turns[1].exercises = vec![ExerciseRun::new(ExerciseId::QuickAsk); 40];
        let read = read_session(&write_session(&s, V2), V2).unwrap();
        assert_eq!(read.turns[1].exercises.len(), MAX_EXERCISES_PER_HALF);
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
        use crate::domain::dates::{civil_from_days, days_from_civil};
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
