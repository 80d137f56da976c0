//! Calendar dates as the app keeps them: `YYYY-MM-DD`, a day without a time
//! zone (a due date means the same day wherever the reader is), and the
//! civil-calendar arithmetic on day counts that the exports need.

/// Is `text` a calendar date written `YYYY-MM-DD`?
pub fn is_iso_date(text: &str) -> bool {
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
        return false;
    }
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    text.len() == 10
        && (1000..=9999).contains(&y)
        && (1..=12).contains(&m)
        && (1..=days_in_month(y.into(), m.into())).contains(&i64::from(d))
}

/// The year, month and day of a date written `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> Option<(i64, i64, i64)> {
    if !is_iso_date(text) {
        return None;
    }
    let y = text.get(0..4)?.parse().ok()?;
    let m = text.get(5..7)?.parse().ok()?;
    let d = text.get(8..10)?.parse().ok()?;
    Some((y, m, d))
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
/// it). Howard Hinnant's `days_from_civil`.
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
/// inverse of [`days_from_civil`].
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
        assert_eq!(parse_iso_date("2026-03-16"), Some((2026, 3, 16)));
        assert_eq!(parse_iso_date("2026-02-30"), None);
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
