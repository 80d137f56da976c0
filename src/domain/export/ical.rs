//! iCalendar files (RFC 5545) for the user's calendar app: the pair's next
//! meeting, and the due dates of the action plan.
//!
//! The caller passes what the domain does not know: the texts (in the
//! user's language), the user's time zone, and the current time. A meeting
//! at a time of day is written in the user's zone by its IANA name, with a
//! `VTIMEZONE` describing it, so a weekly meeting stays at 09:30 across
//! daylight-saving changes; without a zone name it falls back to UTC.
//! Events have stable UIDs derived from the session, so importing a newer
//! file updates the events instead of adding copies.

use crate::domain::dates::{civil_from_days, day_of};
use crate::domain::export::zone::{Zone, DAY_MS};
use crate::domain::followup::NextMeeting;
use crate::domain::rotation::{Period, Schedule};
use crate::domain::session::{ActionItem, Session};
use crate::domain::timer::MINUTE_MS;

/// Who wrote the file (`PRODID`).
pub const PRODID: &str = "-//Peer Coach//Peer Coach//EN";

/// The domain part of every UID.
pub const UID_DOMAIN: &str = "peer-coach";

/// The longest line RFC 5545 allows, in octets, without the line break.
pub const MAX_LINE_OCTETS: usize = 75;

/// The pair's next meeting, as an event.
#[derive(Clone, Copy, Debug)]
pub struct Meeting<'a> {
    /// The session that set the meeting: its id makes the event's UID.
    pub session_id: &'a str,
    pub when: &'a NextMeeting,
    /// How long the meeting takes (the session's total minutes).
    pub minutes: u32,
    /// The event's title and notes, in the user's language.
    pub summary: &'a str,
    pub description: &'a str,
}

/// The texts of one event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventText {
    pub summary: String,
    /// Left out of the file when empty.
    pub description: String,
}

/// A calendar with the next meeting, or `None` if its date is not a valid
/// `YYYY-MM-DD`. A meeting without a time of day is an all-day event; one
/// that repeats gets a weekly `RRULE`. `now_ms` is the file's `DTSTAMP`.
pub fn meeting_calendar(meeting: &Meeting, zone: &Zone, now_ms: i64) -> Option<String> {
    let when = meeting.when.clone().normalized()?;
    let day = day_of(&when.date)?;
    let mut cal = Calendar::new();
    let tzid = zone.tzid();
    let time = minute_of_day(&when.time);
    if let (Some(_), Some(tzid)) = (time, tzid) {
        cal.vtimezone(tzid, zone);
    }
    cal.line("BEGIN:VEVENT");
    cal.text("UID", &format!("{}-next@{UID_DOMAIN}", meeting.session_id));
    cal.prop("DTSTAMP", &utc_stamp(now_ms));
    match (time, tzid) {
        (None, _) => cal.all_day(day),
        (Some(minute), tzid) => {
            let start_local = day * DAY_MS + minute * MINUTE_MS;
            let start = zone.local_to_utc(start_local);
            let end = start + i64::from(meeting.minutes.max(1)) * MINUTE_MS;
            match tzid {
                Some(tzid) => {
                    let end_local = zone.utc_to_local(end);
                    cal.prop(&format!("DTSTART;TZID={tzid}"), &local_stamp(start_local));
                    cal.prop(&format!("DTEND;TZID={tzid}"), &local_stamp(end_local));
                }
                None => {
                    cal.prop("DTSTART", &utc_stamp(start));
                    cal.prop("DTEND", &utc_stamp(end));
                }
            }
        }
    }
    if let Some(weeks) = when.every_weeks {
        cal.prop("RRULE", &format!("FREQ=WEEKLY;INTERVAL={weeks}"));
    }
    cal.event_text(meeting.summary, meeting.description);
    cal.line("END:VEVENT");
    Some(cal.finish())
}

/// A calendar with one all-day event per written action that has a due
/// date `YYYY-MM-DD`, with the texts `text` gives it; `None` if no action
/// has one (a calendar needs at least one event).
pub fn actions_calendar(
    session: &Session,
    text: &dyn Fn(&ActionItem) -> EventText,
    now_ms: i64,
) -> Option<String> {
    let due: Vec<(&ActionItem, i64)> = session
        .turns
        .iter()
        .flat_map(|h| &h.actions)
        .filter(|a| !a.what.trim().is_empty())
        .filter_map(|a| day_of(&a.due).map(|day| (a, day)))
        .collect();
    if due.is_empty() {
        return None;
    }
    let mut cal = Calendar::new();
    for (action, day) in due {
        let texts = text(action);
        cal.line("BEGIN:VEVENT");
        cal.text(
            "UID",
            &format!("{}-action-{}@{UID_DOMAIN}", session.id, action.id),
        );
        cal.prop("DTSTAMP", &utc_stamp(now_ms));
        cal.all_day(day);
        cal.event_text(&texts.summary, &texts.description);
        cal.line("END:VEVENT");
    }
    Some(cal.finish())
}

/// A calendar of a team rotation: one all-day event per period and group
/// (only the groups of `only`, when given: one person's calendar), on the
/// period's date, with the texts `text` gives it (the caller names the
/// people, in the user's language); `None` if there is no event.
///
/// The UID of an event is the schedule's start, the period's number and
/// the group's place in it: importing the file again after a change
/// updates the events (the new names) instead of adding copies.
pub fn rotation_calendar(
    schedule: &Schedule,
    only: Option<u32>,
    text: &dyn Fn(&Period, &[u32]) -> EventText,
    now_ms: i64,
) -> Option<String> {
    let start: String = schedule
        .start
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let mut cal = Calendar::new();
    let mut events = 0;
    for period in &schedule.periods {
        let Some(day) = schedule
            .period_date(period.index)
            .and_then(|date| day_of(&date))
        else {
            continue;
        };
        for (g, group) in period.groups.iter().enumerate() {
            if only.is_some_and(|id| !group.contains(&id)) {
                continue;
            }
            let texts = text(period, group);
            cal.line("BEGIN:VEVENT");
            cal.text(
                "UID",
                &format!(
                    "rotation-{start}-{}-{}@{UID_DOMAIN}",
                    period.index + 1,
                    g + 1
                ),
            );
            cal.prop("DTSTAMP", &utc_stamp(now_ms));
            cal.all_day(day);
            cal.event_text(&texts.summary, &texts.description);
            cal.prop("TRANSP", "TRANSPARENT");
            cal.line("END:VEVENT");
            events += 1;
        }
    }
    (events > 0).then(|| cal.finish())
}

/// A calendar file being written: content lines folded and ended by CRLF.
struct Calendar {
    out: String,
}

impl Calendar {
    fn new() -> Self {
        let mut cal = Calendar { out: String::new() };
        cal.line("BEGIN:VCALENDAR");
        cal.prop("VERSION", "2.0");
        cal.prop("PRODID", PRODID);
        cal.prop("CALSCALE", "GREGORIAN");
        cal.prop("METHOD", "PUBLISH");
        cal
    }

    fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }

    /// One content line, folded.
    fn line(&mut self, line: &str) {
        self.out.push_str(&fold(line));
        self.out.push_str("\r\n");
    }

    /// A property whose value is written as it is.
    fn prop(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    /// A property of type TEXT, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.prop(name, &escape_text(value));
    }

    fn event_text(&mut self, summary: &str, description: &str) {
        self.text("SUMMARY", summary.trim());
        if !description.trim().is_empty() {
            self.text("DESCRIPTION", description.trim());
        }
    }

    /// The start and (exclusive) end of an event lasting the day `day`.
    fn all_day(&mut self, day: i64) {
        self.prop("DTSTART;VALUE=DATE", &date_stamp(day));
        self.prop("DTEND;VALUE=DATE", &date_stamp(day + 1));
    }

    /// The `VTIMEZONE` of `zone`, named `tzid`.
    fn vtimezone(&mut self, tzid: &str, zone: &Zone) {
        self.line("BEGIN:VTIMEZONE");
        self.prop("TZID", tzid);
        for o in zone.observances() {
            let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
            self.prop("BEGIN", kind);
            self.prop("DTSTART", &local_stamp(o.start_local_ms));
            self.prop("TZOFFSETFROM", &utc_offset(o.from_min));
            self.prop("TZOFFSETTO", &utc_offset(o.to_min));
            if let Some(rule) = o.rule {
                self.prop(
                    "RRULE",
                    &format!("FREQ=YEARLY;BYMONTH={};BYDAY={}", rule.month, rule.byday()),
                );
            }
            self.prop("END", kind);
        }
        self.line("END:VTIMEZONE");
    }
}

/// A value of type TEXT: backslash, semicolon and comma escaped, line
/// breaks as `\n`, other control characters (not allowed) left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets: a line break and one space before
/// what does not fit, never inside a UTF-8 sequence.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

/// Minutes after midnight of a time of day `HH:MM`.
fn minute_of_day(time: &str) -> Option<i64> {
    let (h, m) = time.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

/// `YYYYMMDD` of a day count.
fn date_stamp(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}{m:02}{d:02}")
}

/// `YYYYMMDDTHHMMSS` of local milliseconds (a floating or `TZID` time).
fn local_stamp(local_ms: i64) -> String {
    let seconds = local_ms.rem_euclid(DAY_MS) / 1000;
    format!(
        "{}T{:02}{:02}{:02}",
        date_stamp(local_ms.div_euclid(DAY_MS)),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// `YYYYMMDDTHHMMSSZ` of an instant.
fn utc_stamp(utc_ms: i64) -> String {
    format!("{}Z", local_stamp(utc_ms))
}

/// `+HHMM` or `-HHMM` of an offset in minutes east of UTC.
fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests;
