//! The calendar files against checked-in fixtures (`tests/fixtures/ical`,
//! kept with plain line feeds for reading; the files themselves use CRLF),
//! and a parse-back of every file written here.

use super::*;
use crate::domain::export::zone::tests::{berlin, new_york, utc};
use crate::domain::fixtures::reference_session;

/// 2026-03-10 08:00:00 UTC, the reference session's start.
const NOW: i64 = 1_773_129_600_000;

/// The fixture `name`, with the CRLF line endings of a calendar file.
fn fixture(name: &str) -> String {
    let text = match name {
        "berlin" => include_str!("../../../../tests/fixtures/ical/meeting-berlin.ics"),
        "new-york" => include_str!("../../../../tests/fixtures/ical/meeting-new-york.ics"),
        "all-day" => include_str!("../../../../tests/fixtures/ical/meeting-all-day.ics"),
        "utc" => include_str!("../../../../tests/fixtures/ical/meeting-utc.ics"),
        "actions" => include_str!("../../../../tests/fixtures/ical/actions.ics"),
        "rotation" => include_str!("../../../../tests/fixtures/ical/rotation.ics"),
        _ => unreachable!("no fixture {name}"),
    };
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

fn weekly(date: &str, time: &str, every_weeks: Option<u8>) -> NextMeeting {
    NextMeeting {
        date: date.into(),
        time: time.into(),
        every_weeks,
    }
}

fn meeting<'a>(when: &'a NextMeeting, description: &'a str) -> Meeting<'a> {
    Meeting {
        session_id: "ref-2026-03-10",
        when,
        minutes: 60,
        summary: "Peer coaching: Amara and Jonas",
        description,
    }
}

/// A content line: its name, its parameters, its value.
#[derive(Debug)]
struct Property {
    name: String,
    params: Vec<String>,
    value: String,
}

/// Read a calendar file back: every physical line ends with CRLF and has
/// at most 75 octets; unfolded, every line is `NAME;PARAMS:VALUE`, and
/// components nest properly.
fn parse(text: &str) -> Vec<Property> {
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    let body = &text[..text.len() - 2];
    for line in body.split("\r\n") {
        assert!(
            line.len() <= MAX_LINE_OCTETS,
            "{} octets: {line}",
            line.len()
        );
        assert!(
            !line.contains('\r') && !line.contains('\n'),
            "a bare line break"
        );
    }
    let unfolded = body.replace("\r\n ", "");
    let mut open: Vec<String> = Vec::new();
    let props: Vec<Property> = unfolded
        .split("\r\n")
        .map(|line| {
            let (head, value) = line.split_once(':').expect("NAME:VALUE");
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_string();
            assert!(
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'),
                "a property name: {name}"
            );
            Property {
                name,
                params: parts.map(str::to_string).collect(),
                value: value.to_string(),
            }
        })
        .collect();
    for p in &props {
        match p.name.as_str() {
            "BEGIN" => open.push(p.value.clone()),
            "END" => assert_eq!(open.pop().as_deref(), Some(p.value.as_str())),
            _ => assert!(!open.is_empty(), "{} outside any component", p.name),
        }
    }
    assert!(open.is_empty(), "every component ends");
    assert_eq!(props.first().map(|p| p.value.as_str()), Some("VCALENDAR"));
    props
}

/// The properties of each component named `kind`, in order.
fn components<'a>(props: &'a [Property], kind: &str) -> Vec<Vec<&'a Property>> {
    let mut found = Vec::new();
    let mut current: Option<Vec<&Property>> = None;
    for p in props {
        match (p.name.as_str(), &mut current) {
            ("BEGIN", None) if p.value == kind => current = Some(Vec::new()),
            ("END", Some(_)) if p.value == kind => found.extend(current.take()),
            (_, Some(list)) => list.push(p),
            _ => {}
        }
    }
    found
}

fn has(props: &[&Property], name: &str) -> bool {
    props.iter().any(|p| p.name == name)
}

/// Every calendar has its required properties, every event its own, and
/// every `TZID` used is defined.
fn check(text: &str) -> Vec<Property> {
    let props = parse(text);
    let top: Vec<&Property> = props.iter().collect();
    for name in ["VERSION", "PRODID", "CALSCALE", "METHOD"] {
        assert!(has(&top, name), "calendar {name}");
    }
    let events = components(&props, "VEVENT");
    assert!(!events.is_empty(), "at least one event");
    let zones: Vec<String> = components(&props, "VTIMEZONE")
        .iter()
        .map(|z| z.iter().find(|p| p.name == "TZID").unwrap().value.clone())
        .collect();
    for event in &events {
        for name in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
            assert!(has(event, name), "event {name}");
        }
        let stamp = event.iter().find(|p| p.name == "DTSTAMP").unwrap();
        assert!(stamp.value.ends_with('Z') && stamp.value.len() == 16);
        for p in event.iter().filter(|p| p.name.starts_with("DT")) {
            for tzid in p.params.iter().filter_map(|p| p.strip_prefix("TZID=")) {
                assert!(zones.iter().any(|z| z == tzid), "{tzid} is defined");
            }
        }
    }
    props
}

/// Notes long enough to fold, in several scripts, with characters to
/// escape. The first line folds inside a three-octet character, so it ends at
/// 73 octets.
const BERLIN_NOTES: &str = "Seit dem letzten Mal: Wie lief die Agenda? Notizen: 日本語のメモ 🙂 \
     Überprüfen, ob die Maßnahmen wirken; Fragen, und dann weiter.\nBring the plan.";

#[test]
fn a_weekly_meeting_in_berlin() {
    let when = weekly("2026-03-24", "09:30", Some(2));
    let description = BERLIN_NOTES;
    let ics = meeting_calendar(&meeting(&when, description), &berlin(), NOW).unwrap();
    assert_eq!(ics, fixture("berlin"));
    check(&ics);
}

#[test]
fn a_meeting_across_the_change_to_summer_time() {
    // Late on the Saturday before: the hour lost at night makes the
    // wall-clock end one hour later than the start plus the length.
    let when = weekly("2026-03-28", "23:30", None);
    let m = Meeting {
        minutes: 180,
        ..meeting(&when, "")
    };
    let ics = meeting_calendar(&m, &berlin(), NOW).unwrap();
    assert!(ics.contains("\r\nDTSTART;TZID=Europe/Berlin:20260328T233000\r\n"));
    assert!(ics.contains("\r\nDTEND;TZID=Europe/Berlin:20260329T033000\r\n"));
    assert!(!ics.contains("RRULE:FREQ=WEEKLY"));
    assert!(!ics.contains("DESCRIPTION"), "left out when empty");
    check(&ics);
}

#[test]
fn a_weekly_meeting_in_new_york() {
    let when = weekly("2026-11-03", "17:00", Some(1));
    let ics = meeting_calendar(&meeting(&when, ""), &new_york(), NOW).unwrap();
    assert_eq!(ics, fixture("new-york"));
    check(&ics);
}

#[test]
fn a_meeting_without_a_time_lasts_the_day() {
    let when = weekly("2026-12-31", "", Some(4));
    let ics = meeting_calendar(&meeting(&when, ""), &berlin(), NOW).unwrap();
    assert_eq!(ics, fixture("all-day"));
    assert!(!ics.contains("VTIMEZONE"), "no zone for a day");
    check(&ics);
}

#[test]
fn without_a_zone_name_times_are_in_utc() {
    let zone = Zone {
        name: None,
        ..berlin()
    };
    let when = weekly("2026-07-01", "09:00", Some(3));
    let ics = meeting_calendar(&meeting(&when, ""), &zone, NOW).unwrap();
    assert_eq!(ics, fixture("utc"));
    check(&ics);
    // A name that cannot be a TZID counts as none.
    let odd = Zone {
        name: Some("Europe/Berlin;X-EVIL=1".into()),
        ..berlin()
    };
    assert_eq!(
        meeting_calendar(&meeting(&when, ""), &odd, NOW).as_deref(),
        Some(ics.as_str())
    );
}

#[test]
fn a_fixed_zone_has_one_standard_observance() {
    let when = weekly("2026-06-01", "09:00", None);
    let zone = Zone::fixed(Some("Asia/Kolkata"), 330);
    let ics = meeting_calendar(&meeting(&when, ""), &zone, NOW).unwrap();
    let expected = "BEGIN:VTIMEZONE\r\n\
                    TZID:Asia/Kolkata\r\n\
                    BEGIN:STANDARD\r\n\
                    DTSTART:19700101T000000\r\n\
                    TZOFFSETFROM:+0530\r\n\
                    TZOFFSETTO:+0530\r\n\
                    END:STANDARD\r\n\
                    END:VTIMEZONE\r\n";
    assert!(ics.contains(expected), "{ics}");
    assert!(ics.contains("DTEND;TZID=Asia/Kolkata:20260601T100000\r\n"));
    check(&ics);
    let west = Zone::fixed(Some("America/Sao_Paulo"), -180);
    let ics = meeting_calendar(&meeting(&when, ""), &west, NOW).unwrap();
    assert!(ics.contains("TZOFFSETTO:-0300\r\n"));
}

#[test]
fn no_meeting_without_a_valid_date() {
    for date in ["", "next Tuesday", "2026-02-30"] {
        let when = weekly(date, "09:00", None);
        assert_eq!(meeting_calendar(&meeting(&when, ""), &berlin(), NOW), None);
    }
    // A time that is not `HH:MM` makes it a day.
    let when = weekly("2026-03-24", "9.30", None);
    let ics = meeting_calendar(&meeting(&when, ""), &berlin(), NOW).unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20260324\r\n"));
}

#[test]
fn the_action_plan_due_dates() {
    let s = reference_session();
    let text = |a: &ActionItem| EventText {
        summary: format!("Due: {}", a.what),
        description: a.first_step.clone(),
    };
    let ics = actions_calendar(&s, &text, NOW).unwrap();
    assert_eq!(ics, fixture("actions"));
    let props = check(&ics);
    // Three of the four actions have a due date.
    assert_eq!(components(&props, "VEVENT").len(), 3);

    let mut none_due = s.clone();
    for a in none_due.turns.iter_mut().flat_map(|h| &mut h.actions) {
        a.due = "soon".into();
    }
    assert_eq!(actions_calendar(&none_due, &text, NOW), None);
}

/// A team of five, every two weeks, one away in the second period: one
/// event per pair and trio, names escaped and a long one folded.
#[test]
fn the_team_rotation() {
    use crate::domain::rotation::{OddPolicy, Roster, Schedule};
    let roster = Roster::of(&[
        "Amara",
        "Jonas",
        "Mia; Li",
        "Lee, the new one",
        "Maximiliane Theodora Überschwänglich-Wolkenstein",
    ]);
    let mut s = Schedule::new(roster, OddPolicy::Trio, Some(2), "2026-03-02");
    s.extend(2, &|i| if i == 1 { vec![1] } else { vec![] }, &|_| vec![]);
    let text = |p: &Period, group: &[u32]| {
        let names: Vec<&str> = group.iter().filter_map(|&id| s.roster.name(id)).collect();
        EventText {
            summary: format!("Peer coaching: {}", names.join(" & ")),
            description: format!("Period {}", p.index + 1),
        }
    };
    let ics = rotation_calendar(&s, None, &text, NOW).unwrap();
    let props = check(&ics);
    // Period 1: a pair and a trio; period 2 (Jonas away): two pairs.
    assert_eq!(components(&props, "VEVENT").len(), 4);
    assert!(ics.contains("UID:rotation-20260302-2-1@peer-coach\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260316\r\n"));
    assert!(ics.contains("Mia\\; Li") && ics.contains("Lee\\, the new one"));
    assert_eq!(ics, fixture("rotation"));

    // Jonas's own calendar: his one event, with the team file's UID.
    let jonas = rotation_calendar(&s, Some(1), &text, NOW).unwrap();
    let props = check(&jonas);
    let events = components(&props, "VEVENT");
    assert_eq!(events.len(), 1);
    assert!(jonas.contains("UID:rotation-20260302-1-1@peer-coach\r\n"));
    assert!(jonas.contains("SUMMARY:Peer coaching: Amara & Jonas & "));
    assert_eq!(rotation_calendar(&s, Some(42), &text, NOW), None);

    let mut none = s.clone();
    none.start = "soon".into();
    assert_eq!(rotation_calendar(&none, None, &text, NOW), None);
    none.periods.clear();
    assert_eq!(rotation_calendar(&none, None, &text, NOW), None);
}

#[test]
fn text_is_escaped() {
    assert_eq!(
        escape_text("a\\b;c,d\ne\r\nf\rg\th\u{7}i"),
        "a\\\\b\\;c\\,d\\ne\\nf\\ng\thi"
    );
    assert_eq!(escape_text("Übung: 10 €"), "Übung: 10 €");
    let when = weekly("2026-03-24", "09:30", None);
    let m = Meeting {
        summary: "Coaching; Amara, Jonas",
        ..meeting(&when, "Line one\nC:\\path; two, three")
    };
    let ics = meeting_calendar(&m, &berlin(), NOW).unwrap();
    assert!(ics.contains("\r\nSUMMARY:Coaching\\; Amara\\, Jonas\r\n"));
    assert!(ics.contains("\r\nDESCRIPTION:Line one\\nC:\\\\path\\; two\\, three\r\n"));
    check(&ics);
}

#[test]
fn long_lines_fold_at_75_octets_between_characters() {
    assert_eq!(fold("SUMMARY:short"), "SUMMARY:short");
    let ascii = format!("DESCRIPTION:{}", "x".repeat(200));
    let folded = fold(&ascii);
    let lines: Vec<&str> = folded.split("\r\n").collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].len(), 75);
    assert_eq!(lines[1].len(), 75);
    assert!(lines[1].starts_with(' ') && lines[2].starts_with(' '));
    assert_eq!(folded.replace("\r\n ", ""), ascii);

    // Two, three and four octets per character: every line is as full as
    // it can be without splitting one.
    let text = "Überprüfung — 日本語のテキスト 🙂🙂 ".repeat(8);
    let line = format!("SUMMARY:{}", escape_text(&text));
    let folded = fold(&line);
    assert_eq!(folded.replace("\r\n ", ""), line);
    let lines: Vec<&str> = folded.split("\r\n").collect();
    assert!(lines.len() > 5);
    for (i, l) in lines.iter().enumerate() {
        assert!(l.len() <= MAX_LINE_OCTETS);
        if i + 1 < lines.len() {
            assert!(l.len() > MAX_LINE_OCTETS - 4, "{} octets: {l}", l.len());
        }
    }
    let when = weekly("2026-03-24", "09:30", None);
    let m = Meeting {
        summary: &text,
        ..meeting(&when, &text)
    };
    let props = check(&meeting_calendar(&m, &berlin(), NOW).unwrap());
    let summary = props.iter().find(|p| p.name == "SUMMARY").unwrap();
    assert_eq!(summary.value, escape_text(text.trim()));
}

#[test]
fn stamps_and_offsets() {
    assert_eq!(utc_stamp(NOW), "20260310T080000Z");
    assert_eq!(
        utc_stamp(utc(1999, 12, 31, 23, 59) + 59_000),
        "19991231T235959Z"
    );
    assert_eq!(date_stamp(-1), "19691231");
    assert_eq!(utc_offset(60), "+0100");
    assert_eq!(utc_offset(-570), "-0930");
    assert_eq!(utc_offset(345), "+0545");
    assert_eq!(utc_offset(0), "+0000");
    assert_eq!(minute_of_day("09:30"), Some(570));
    assert_eq!(minute_of_day("24:00"), None);
}
