//! The user's time zone as the browser knows it: its IANA name, and the
//! changes of its UTC offset, for the calendar files of
//! [`crate::domain::export`]; and the conversion between a local date and
//! time as the user typed it and an instant.

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::dates::parse_iso_date;
use crate::domain::export::zone::{Transition, Zone, DAY_MS};
use crate::domain::followup::is_time_of_day;
use crate::domain::timer::MINUTE_MS;

/// The user's zone: its name from `Intl` (if the browser says), and its
/// offset changes in the local year of `around_ms` and the next one, found
/// by comparing the offset day by day and then to the minute.
pub fn local_zone(around_ms: i64) -> Zone {
    let clock = Date::new(&JsValue::from_f64(around_ms as f64));
    let year = f64::from(clock.get_full_year());
    let start = Date::utc(year, 0.0) as i64;
    let end = Date::utc(year + 2.0, 0.0) as i64;
    let offset_min = offset_at(&clock, start);
    let mut transitions = Vec::new();
    let (mut at, mut offset) = (start, offset_min);
    while at < end {
        let next = at + DAY_MS;
        let next_offset = offset_at(&clock, next);
        if next_offset != offset {
            transitions.push(find_change(&clock, at, next, offset, next_offset));
        }
        (at, offset) = (next, next_offset);
    }
    Zone {
        name: zone_name(),
        offset_min,
        transitions,
    }
}

/// The instant of a local date `YYYY-MM-DD` and time `HH:MM` (or empty,
/// for midnight) in the user's zone; `None` if either is not valid.
pub fn local_to_utc_ms(date: &str, time: &str) -> Option<i64> {
    let (y, m, d) = parse_iso_date(date)?;
    let (h, min) = match time {
        "" => (0, 0),
        t if is_time_of_day(t) => (t[..2].parse().ok()?, t[3..].parse().ok()?),
        _ => return None,
    };
    let local = Date::new_with_year_month_day_hr_min(y as u32, m as i32 - 1, d as i32, h, min);
    let ms = local.get_time();
    (!ms.is_nan()).then_some(ms as i64)
}

/// The local date `YYYY-MM-DD` and time `HH:MM` of an instant in the user's
/// zone: the reverse of [`local_to_utc_ms`].
pub fn local_date_time(utc_ms: i64) -> (String, String) {
    let d = Date::new(&JsValue::from_f64(utc_ms as f64));
    (
        format!(
            "{:04}-{:02}-{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date()
        ),
        format!("{:02}:{:02}", d.get_hours(), d.get_minutes()),
    )
}

/// The zone's IANA name, e.g. `Europe/Berlin`, if the browser has `Intl`
/// and says.
fn zone_name() -> Option<String> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    if !intl.is_object() {
        return None;
    }
    let options = Intl::DateTimeFormat::new(&Array::new(), &Object::new()).resolved_options();
    Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
        .filter(|name| !name.trim().is_empty())
}

/// The offset at `utc_ms` in minutes east of UTC (`getTimezoneOffset` is
/// west of UTC), using `clock` as scratch.
fn offset_at(clock: &Date, utc_ms: i64) -> i32 {
    clock.set_time(utc_ms as f64);
    let west = clock.get_timezone_offset();
    if west.is_finite() {
        -(west.round() as i32)
    } else {
        0
    }
}

/// The minute in `(from, to]` at which the offset changes from `before` to
/// `after`, by halving.
fn find_change(clock: &Date, from: i64, to: i64, before: i32, after: i32) -> Transition {
    let (mut lo, mut hi) = (from, to);
    while hi - lo > MINUTE_MS {
        let mid = lo + (hi - lo) / MINUTE_MS / 2 * MINUTE_MS;
        if offset_at(clock, mid) == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Transition {
        at_ms: hi,
        before_min: before,
        after_min: after,
    }
}
