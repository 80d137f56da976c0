//! Time-boxes as arithmetic on timestamps (milliseconds since the epoch),
//! never on counted ticks: a background tab, a sleeping laptop or a reload
//! neither loses nor drifts time.

use serde::{Deserialize, Serialize};

pub const MINUTE_MS: i64 = 60_000;

/// The year 9999, as milliseconds since the epoch: no real clock says more.
pub const MAX_TIMESTAMP_MS: i64 = 253_402_300_799_000;

/// The clock of one phase: how long it may take, how long it has run, and
/// since when it is running (if it is).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseClock {
    /// Time allotted to the phase.
    pub allotted_ms: i64,
    /// Time run before the current start.
    pub used_ms: i64,
    /// When the clock was last started, if it is running now.
    pub running_since: Option<i64>,
    /// The time-up cue has been given for this phase.
    pub cued: bool,
    /// Time given by hand ("+1 minute"): a group's turn not yet begun
    /// keeps it when the time left is shared again. Kept on this device
    /// (a link carries only the time allotted).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub added_ms: i64,
}

fn is_zero(ms: &i64) -> bool {
    *ms == 0
}

impl PhaseClock {
    pub fn new(allotted_ms: i64) -> Self {
        PhaseClock {
            allotted_ms,
            ..Default::default()
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn has_started(&self) -> bool {
        self.is_running() || self.used_ms > 0
    }

    /// Time run so far. A clock that went backwards counts as no time.
    pub fn elapsed(&self, now: i64) -> i64 {
        let running = self
            .running_since
            .map_or(0, |since| now.saturating_sub(since).max(0));
        self.used_ms.saturating_add(running)
    }

    /// Time left; negative once the phase runs over.
    pub fn remaining(&self, now: i64) -> i64 {
        self.allotted_ms.saturating_sub(self.elapsed(now))
    }

    /// Bring values from storage or a link into a sane range: at most a day
    /// allotted, a week used, and a start time that is a real moment.
    pub fn clamp(&mut self) {
        const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
        self.allotted_ms = self.allotted_ms.clamp(0, DAY_MS);
        self.added_ms = self.added_ms.clamp(0, self.allotted_ms);
        self.used_ms = self.used_ms.clamp(0, 7 * DAY_MS);
        self.running_since = self
            .running_since
            .filter(|since| (0..=MAX_TIMESTAMP_MS).contains(since));
    }

    pub fn is_over(&self, now: i64) -> bool {
        self.remaining(now) <= 0
    }

    pub fn start(&mut self, now: i64) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn pause(&mut self, now: i64) {
        self.used_ms = self.elapsed(now);
        self.running_since = None;
    }

    /// One more minute: a minute more while time is left, and exactly a
    /// minute left once the phase has run over (someone asking for one more
    /// minute at +10:30 expects 1:00, not +9:30). The cue sounds again when
    /// the new time is up.
    pub fn add_minute(&mut self, now: i64) {
        let left = self.remaining(now).max(0);
        let before = self.allotted_ms;
        self.allotted_ms = self
            .elapsed(now)
            .saturating_add(left)
            .saturating_add(MINUTE_MS);
        self.added_ms = self
            .added_ms
            .saturating_add(self.allotted_ms.saturating_sub(before).max(0));
        self.cued = false;
    }

    /// The phase has run out and its cue has not been given yet.
    pub fn cue_due(&self, now: i64) -> bool {
        self.is_over(now) && !self.cued && self.has_started()
    }

    /// True exactly once: when the phase is over and no cue was given yet.
    pub fn take_cue(&mut self, now: i64) -> bool {
        if self.cue_due(now) {
            self.cued = true;
            true
        } else {
            false
        }
    }
}

/// A countdown as the clock face shows it: `4:59` while time is left
/// (rounded up, so a fresh five-minute phase shows `5:00`), `0:00` when it
/// is up, and `+0:12` once it has run over by whole seconds (never `+0:00`).
pub fn format_countdown(remaining_ms: i64) -> String {
    if remaining_ms > 0 {
        format_duration(remaining_ms.saturating_add(999) / 1000 * 1000)
    } else if remaining_ms > -1000 {
        format_duration(0)
    } else {
        format!("+{}", format_duration(remaining_ms.saturating_neg()))
    }
}

/// `m:ss` (or `h:mm:ss` from an hour on) of a non-negative duration, in
/// whole seconds rounded down.
pub fn format_duration(ms: i64) -> String {
    let secs = ms.max(0) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Does something of `minutes` take longer than the time left (nothing
/// once over)? If so, the whole minutes left to say so ("longer than the
/// 3 min left"). The time left is counted as the clock face shows it
/// (rounded up to the second), so the sentence never contradicts the face
/// beside it ("3:00 left" is 3 minutes, not 2).
pub fn longer_than_left(minutes: u32, left_ms: i64) -> Option<i64> {
    let left = shown_left_ms(left_ms);
    (i64::from(minutes) * MINUTE_MS > left).then_some(left / MINUTE_MS)
}

/// The time left as the face shows it: whole seconds, rounded up.
fn shown_left_ms(left_ms: i64) -> i64 {
    (left_ms.max(0) + 999) / 1000 * 1000
}

/// Whole minutes, rounded to the nearest, for sentences ("12 minutes").
pub fn whole_minutes(ms: i64) -> i64 {
    (ms + MINUTE_MS / 2).div_euclid(MINUTE_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_from_timestamps() {
        let mut c = PhaseClock::new(5 * MINUTE_MS);
        assert_eq!(c.remaining(1_000), 5 * MINUTE_MS);
        c.start(1_000);
        assert_eq!(c.remaining(61_000), 4 * MINUTE_MS);
        c.pause(61_000);
        // Paused: time does not pass, however long the tab sleeps.
        assert_eq!(c.remaining(10_000_000), 4 * MINUTE_MS);
        c.start(10_000_000);
        assert_eq!(c.elapsed(10_030_000), 90_000);
    }

    #[test]
    fn a_running_clock_survives_a_reload() {
        let mut c = PhaseClock::new(8 * MINUTE_MS);
        c.start(0);
        let stored = serde_json::to_string(&c).unwrap();
        let restored: PhaseClock = serde_json::from_str(&stored).unwrap();
        assert!(restored.is_running());
        assert_eq!(restored.remaining(3 * MINUTE_MS), 5 * MINUTE_MS);
    }

    #[test]
    fn starting_twice_does_not_reset() {
        let mut c = PhaseClock::new(MINUTE_MS);
        c.start(0);
        c.start(30_000);
        assert_eq!(c.elapsed(40_000), 40_000);
    }

    #[test]
    fn clock_going_backwards_counts_as_no_time() {
        let mut c = PhaseClock::new(MINUTE_MS);
        c.start(50_000);
        assert_eq!(c.elapsed(10_000), 0);
    }

    #[test]
    fn cue_is_given_once_and_again_after_extra_minute() {
        let mut c = PhaseClock::new(MINUTE_MS);
        assert!(!c.take_cue(0), "a clock never started gives no cue");
        c.start(0);
        assert!(!c.take_cue(59_000));
        assert!(c.take_cue(60_000));
        assert!(!c.take_cue(61_000));
        c.add_minute(61_000);
        assert!(!c.cued);
        assert!(
            !c.take_cue(120_000),
            "a whole minute from when it was asked"
        );
        assert!(c.take_cue(121_000));
    }

    #[test]
    fn extra_minute_in_overtime_gives_a_minute_left() {
        let mut c = PhaseClock::new(MINUTE_MS);
        c.start(0);
        assert!(c.take_cue(60_000 + 630_000));
        assert_eq!(format_countdown(c.remaining(690_000)), "+10:30");
        c.add_minute(690_000);
        assert_eq!(format_countdown(c.remaining(690_000)), "1:00");
        assert!(!c.cued, "the cue sounds again when that minute is up");
        assert!(c.take_cue(750_000));
    }

    #[test]
    fn absurd_values_neither_overflow_nor_survive_clamping() {
        let mut c = PhaseClock {
            allotted_ms: i64::MAX,
            used_ms: i64::MAX,
            running_since: Some(i64::MIN),
            cued: false,
            added_ms: i64::MIN,
        };
        assert_eq!(c.elapsed(i64::MAX), i64::MAX);
        let _ = c.remaining(i64::MIN);
        c.clamp();
        assert_eq!(c.running_since, None);
        assert_eq!(c.allotted_ms, 24 * 60 * MINUTE_MS);
        assert_eq!(c.added_ms, 0);
        assert_eq!(
            c.remaining(0),
            24 * 60 * MINUTE_MS - 7 * 24 * 60 * MINUTE_MS
        );
    }

    #[test]
    fn formats_countdown_and_overtime() {
        assert_eq!(format_countdown(5 * MINUTE_MS), "5:00");
        assert_eq!(format_countdown(299_001), "5:00");
        assert_eq!(format_countdown(299_000), "4:59");
        assert_eq!(format_countdown(1), "0:01");
        assert_eq!(format_countdown(0), "0:00");
        assert_eq!(format_countdown(-999), "0:00");
        assert_eq!(format_countdown(-1000), "+0:01");
        assert_eq!(format_countdown(-12_500), "+0:12");
        assert_eq!(format_countdown(-(61 * MINUTE_MS)), "+1:01:00");
        assert_eq!(format_duration(59_999), "0:59");
        assert_eq!(whole_minutes(90_000), 2);
        assert_eq!(whole_minutes(-90_000), -1);
    }

    // Native only: proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn clock() -> impl Strategy<Value = (PhaseClock, i64)> {
            (
                0..180 * MINUTE_MS,
                0..240 * MINUTE_MS,
                proptest::option::of(0..120 * MINUTE_MS),
                any::<bool>(),
                0..120 * MINUTE_MS,
            )
                .prop_map(|(allotted_ms, used_ms, since, cued, later)| {
                    let now = since.unwrap_or(0) + later;
                    let clock = PhaseClock {
                        allotted_ms,
                        used_ms,
                        running_since: since,
                        cued,
                        added_ms: 0,
                    };
                    (clock, now)
                })
        }

        proptest! {
            /// "+1 minute" means one more minute of time left: exactly
            /// 1:00 left in any overtime, a minute more otherwise; the cue
            /// will sound when it is up.
            #[test]
            fn one_more_minute_is_a_minute_left((mut c, now) in clock()) {
                let before = c.remaining(now);
                let elapsed = c.elapsed(now);
                c.add_minute(now);
                prop_assert_eq!(c.remaining(now), before.max(0) + MINUTE_MS);
                prop_assert_eq!(c.elapsed(now), elapsed, "time run is kept");
                prop_assert!(!c.cued);
                if before <= 0 {
                    prop_assert_eq!(format_countdown(c.remaining(now)), "1:00");
                }
            }

            /// An exercise is said to be longer than the time left exactly
            /// when it is, and the minutes said are never more than left.
            #[test]
            fn longer_than_left_says_so_exactly(minutes in 0u32..60, left in -(60 * MINUTE_MS)..60 * MINUTE_MS) {
                let said = longer_than_left(minutes, left);
                // What the face beside it reads, in whole seconds.
                let face_secs = (left.max(0) + 999) / 1000;
                prop_assert_eq!(said.is_some(), i64::from(minutes) * 60 > face_secs);
                if let Some(m) = said {
                    // The minutes said are the face's whole minutes.
                    prop_assert_eq!(m, face_secs / 60);
                    prop_assert!(m < i64::from(minutes));
                }
            }

            /// The face never reads "+0:00"; it shows overtime ("+") only
            /// from a whole second over, and time left rounded up.
            #[test]
            fn the_face_never_reads_plus_zero(ms in -(200 * MINUTE_MS)..200 * MINUTE_MS) {
                let face = format_countdown(ms);
                prop_assert_ne!(face.as_str(), "+0:00");
                prop_assert_eq!(face.starts_with('+'), ms <= -1000);
                if ms > 0 {
                    prop_assert_ne!(face.as_str(), "0:00");
                }
            }
        }
    }
}
