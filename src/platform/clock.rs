//! Wall-clock time for the time-boxes, and dates as the reader writes
//! them (in the language given).

use crate::i18n::Lang;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date in local time as `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The locale dates are written in: the browser's own for `lang` (see
/// `i18n::date_locale`).
pub fn date_locale(lang: Lang) -> String {
    crate::i18n::date_locale(lang, &crate::platform::language::browser_languages())
}

/// A date written with `Intl.DateTimeFormat` in [`date_locale`], with
/// these options (none: the locale's short numeric date).
fn intl_date(lang: Lang, date: &js_sys::Date, options: &[(&str, &str)]) -> String {
    let locales = js_sys::Array::of1(&date_locale(lang).into());
    let opts = js_sys::Object::new();
    for (key, value) in options {
        let _ = js_sys::Reflect::set(&opts, &(*key).into(), &(*value).into());
    }
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &opts).format();
    format
        .call1(&wasm_bindgen::JsValue::UNDEFINED, date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A moment's date as the browser writes dates, for lists of sessions
/// ("03/10/2026" in en-GB, "10/3/2026" in en-US).
pub fn local_date(lang: Lang, ms: i64) -> String {
    intl_date(
        lang,
        &js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)),
        &[],
    )
}

/// A calendar day (year, month 1 to 12, day) as the browser writes dates,
/// with the month in words: "3 Oct 2026" in en-GB, "Oct 3, 2026" in
/// en-US, "3 oct 2026" in Spanish. For `i18n::day`.
pub fn format_day(lang: Lang, y: i64, m: i64, d: i64) -> String {
    let day = js_sys::Date::new_with_year_month_day(y as u32, (m - 1) as i32, d as i32);
    intl_date(
        lang,
        &day,
        &[("year", "numeric"), ("month", "short"), ("day", "numeric")],
    )
}

/// A calendar date (`YYYY-MM-DD`) as the browser writes dates, with its
/// weekday, e.g. "Tue, 31 Mar 2026" in en-GB; the text itself if it is not
/// a date.
pub fn local_day(lang: Lang, date: &str) -> String {
    let Some((y, m, d)) = crate::domain::dates::parse_iso_date(date) else {
        return date.to_string();
    };
    let day = js_sys::Date::new_with_year_month_day(y as u32, (m - 1) as i32, d as i32);
    intl_date(
        lang,
        &day,
        &[
            ("weekday", "short"),
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
        ],
    )
}

/// A moment as a time of day, hours and minutes, written as the dates
/// beside it are ([`date_locale`]): "15:20" in Spanish, "3:20 PM" in
/// en-US, "15:20" in en-GB.
pub fn local_time(lang: Lang, ms: i64) -> String {
    intl_date(
        lang,
        &js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)),
        &[("hour", "numeric"), ("minute", "2-digit")],
    )
}
