//! Calendar dates as the app keeps them: `YYYY-MM-DD`, a day without a time
//! zone (a due date means the same day wherever the reader is), read,
//! checked, counted and moved by `chrono`'s [`NaiveDate`] (without its
//! time-zone database; it adds 3,083 bytes to the release wasm, 643
//! brotli).
//!
//! The day counts of instants (`days_from_civil`, `civil_from_days`) stay
//! hand-written: the zone rules (`export::zone`) turn any instant a browser
//! reports into a day, over all of `i64` milliseconds, where `chrono`'s
//! dates end at about ±262,000 years and every step would become an
//! `Option`. The property tests hold the two to the same calendar.

use chrono::{Datelike, NaiveDate};

/// 1970-01-01 as `chrono` counts days (0001-01-01 is day 1).
const UNIX_EPOCH_FROM_CE: i64 = 719_163;

/// The date written `YYYY-MM-DD` (exactly: four-digit years from 1000,
/// two-digit months and days, no signs), if it is one.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?).filter(|d| d.year() >= 1000)
}

/// Is `text` a calendar date written `YYYY-MM-DD`?
pub fn is_iso_date(text: &str) -> bool {
    parse(text).is_some()
}

/// The year, month and day of a date written `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> Option<(i64, i64, i64)> {
    parse(text).map(|d| (d.year().into(), d.month().into(), d.day().into()))
}

/// `YYYY-MM-DD` of a date (the year with at least four digits).
pub fn format(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Days since 1970-01-01 of a date (negative before it).
pub fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - UNIX_EPOCH_FROM_CE
}

/// The date of a day count since 1970-01-01, if `chrono` can hold it.
pub fn date_of_day(days: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days.checked_add(UNIX_EPOCH_FROM_CE)?).ok()?)
}

/// The day count since 1970-01-01 of a date written `YYYY-MM-DD`.
pub fn day_of(text: &str) -> Option<i64> {
    parse(text).map(day_number)
}

/// The number of days of a month (1 to 12) of the proleptic Gregorian
/// calendar; 0 for a month that does not exist.
pub fn days_in_month(y: i64, m: i64) -> i64 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before
/// it), for any year. Howard Hinnant's `days_from_civil`.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `(year, month, day)` of a day count since 1970-01-01, the
/// inverse of [`days_from_civil`], for any day count.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
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

/// The day of the week of a day count since 1970-01-01: 0 for Sunday to
/// 6 for Saturday (1970-01-01 was a Thursday).
pub fn weekday(days: i64) -> u8 {
    (days + 4).rem_euclid(7) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written reader that `chrono` replaced, kept as the oracle
    /// that it reads exactly the same texts as dates.
    fn oracle_parse(text: &str) -> Option<(i64, i64, i64)> {
        let b = text.as_bytes();
        let digits = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !digits {
            return None;
        }
        let (y, m, d): (i64, i64, i64) = (
            text[0..4].parse().ok()?,
            text[5..7].parse().ok()?,
            text[8..10].parse().ok()?,
        );
        ((1000..=9999).contains(&y)
            && (1..=12).contains(&m)
            && (1..=days_in_month(y, m)).contains(&d))
        .then_some((y, m, d))
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2026-03-16"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("16/03/2026"));
        assert!(!is_iso_date(""));
        assert!(!is_iso_date("2026-3-16"));
        assert!(!is_iso_date("2026-00-10"));
        assert!(!is_iso_date("2026-+3-16"), "signs are not digits");
        assert!(!is_iso_date("+026-03-16"));
        assert!(!is_iso_date("0999-12-31"));
        assert_eq!(parse_iso_date("2026-03-16"), Some((2026, 3, 16)));
        assert_eq!(parse_iso_date("2026-02-30"), None);
        assert_eq!(day_of("2026-03-10"), Some(20_522));
        assert_eq!(
            date_of_day(20_522).map(format).as_deref(),
            Some("2026-03-10")
        );
    }

    /// Every day from 0001-01-01 to 10000-12-31: `chrono`'s date and day
    /// count are the civil arithmetic's, both ways.
    #[test]
    fn chrono_days_are_the_civil_days_over_every_day() {
        let first = days_from_civil(1, 1, 1);
        let last = days_from_civil(10_000, 12, 31);
        for days in first..=last {
            let date = date_of_day(days).expect("in chrono's range");
            let (y, m, d) = civil_from_days(days);
            assert_eq!(
                (
                    i64::from(date.year()),
                    i64::from(date.month()),
                    i64::from(date.day())
                ),
                (y, m, d)
            );
            assert_eq!(day_number(date), days);
            assert_eq!(
                u8::try_from(date.weekday().num_days_from_sunday()),
                Ok(weekday(days))
            );
        }
        assert_eq!(date_of_day(i64::MAX), None);
        assert_eq!(date_of_day(i64::MIN / 2), None);
    }

    /// Every date text of the years 0999 to 10000 with months 00 to 13 and
    /// days 00 to 32 (valid and not): read as the old reader read it.
    #[test]
    fn parsing_agrees_with_the_hand_written_reader_on_every_date_text() {
        for y in (999..=1100).chain(1500..=2500).chain(9900..=10_000) {
            for m in 0..=13 {
                for d in 0..=32 {
                    let text = format!("{y:04}-{m:02}-{d:02}");
                    assert_eq!(parse_iso_date(&text), oracle_parse(&text), "{text}");
                    if let Some(date) = parse(&text) {
                        assert_eq!(format(date), text);
                    }
                }
            }
        }
    }

    // Native only: proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(4096))]

            /// Any text, and texts shaped almost like dates: read as the
            /// old reader read them.
            #[test]
            fn any_text_is_read_as_before(
                text in "[0-9+ -]{0,12}|[0-9]{4}-[0-9]{2}-[0-9]{2}|.{0,12}"
            ) {
                prop_assert_eq!(parse_iso_date(&text), oracle_parse(&text));
            }
        }
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2026, 3, 10), 20_522);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert!((1..=days_in_month(y, m)).contains(&d));
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(20_522), (2026, 3, 10));
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(0), 4, "a Thursday");
        assert_eq!(weekday(-1), 3);
        // 2026-03-29 is a Sunday, 2026-03-10 a Tuesday.
        assert_eq!(weekday(days_from_civil(2026, 3, 29)), 0);
        assert_eq!(weekday(days_from_civil(2026, 3, 10)), 2);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2026, 13), 0);
    }
}
