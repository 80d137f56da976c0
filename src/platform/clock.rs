//! Wall-clock time for the time-boxes.

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

/// A date in the app's language, for lists of sessions.
pub fn local_date(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(d.to_locale_date_string(
        crate::i18n::lang().locale(),
        &wasm_bindgen::JsValue::UNDEFINED,
    ))
}

/// A calendar date (`YYYY-MM-DD`) in the app's language, with its weekday,
/// e.g. "Tue, Mar 31, 2026"; the text itself if it is not a date.
pub fn local_day(date: &str) -> String {
    let Some((y, m, d)) = crate::domain::dates::parse_iso_date(date) else {
        return date.to_string();
    };
    let day = js_sys::Date::new_with_year_month_day(y as u32, (m - 1) as i32, d as i32);
    let options = js_sys::Object::new();
    for (key, value) in [
        ("weekday", "short"),
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(day.to_locale_date_string(crate::i18n::lang().locale(), &options))
}

/// A moment as a time of day in the browser's own format ("15:20",
/// "3:20 PM"), hours and minutes.
pub fn local_time(ms: i64) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("hour", "numeric"), ("minute", "2-digit")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options);
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format
        .format()
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
