//! A time zone as the browser describes it: its IANA name (when the browser
//! says), and the changes of its UTC offset over the current and the next
//! year. From those, the yearly rules a calendar needs (the last Sunday of
//! March at 02:00, the second Sunday of March, …), and the conversion
//! between the local wall clock and UTC.
//!
//! Wall-clock times are kept as "local milliseconds": milliseconds since
//! 1970-01-01 00:00 *on the wall clock*, as if the local time were UTC. The
//! offset of a zone is in minutes east of UTC (Berlin in winter is +60,
//! New York −300), the opposite sign of JavaScript's `getTimezoneOffset`.

use crate::domain::dates::{civil_from_days, days_from_civil, days_in_month, weekday};
use crate::domain::timer::MINUTE_MS;

/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

/// A change of a zone's UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The instant of the change, in milliseconds since the epoch (UTC).
    pub at_ms: i64,
    /// The offset before and after it, in minutes east of UTC.
    pub before_min: i32,
    pub after_min: i32,
}

impl Transition {
    /// The wall-clock time of the change as it reads just before it (the
    /// time a calendar writes for it: 02:00 for Berlin in March).
    pub fn local_ms(&self) -> i64 {
        self.at_ms + i64::from(self.before_min) * MINUTE_MS
    }
}

/// The user's time zone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Zone {
    /// The IANA name, e.g. `Europe/Berlin`; `None` when the browser does
    /// not say.
    pub name: Option<String>,
    /// The offset before the first transition: the only one if there is no
    /// transition.
    pub offset_min: i32,
    /// The offset changes found, in time order.
    pub transitions: Vec<Transition>,
}

/// A yearly rule for an offset change: the `week`-th `weekday` of `month`
/// (`week` −1 for the last one), at the wall-clock time of its first onset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearlyRule {
    /// 1 to 12.
    pub month: u8,
    /// 1 to 4, or −1 for the last.
    pub week: i8,
    /// 0 for Sunday to 6 for Saturday.
    pub weekday: u8,
}

impl YearlyRule {
    /// The day count (since 1970-01-01) of the rule's day in `year`.
    pub fn day_in(&self, year: i64) -> i64 {
        let month = i64::from(self.month);
        let wd = i64::from(self.weekday);
        if self.week < 0 {
            let last = days_from_civil(year, month, days_in_month(year, month));
            last - (i64::from(weekday(last)) - wd).rem_euclid(7)
        } else {
            let first = days_from_civil(year, month, 1);
            first + (wd - i64::from(weekday(first))).rem_euclid(7) + 7 * (i64::from(self.week) - 1)
        }
    }

    /// The iCalendar `BYDAY` value: `-1SU`, `2SU`.
    pub fn byday(&self) -> String {
        const DAYS: [&str; 7] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
        format!("{}{}", self.week, DAYS[usize::from(self.weekday % 7)])
    }

    /// The rules that put a change on the day `days`: by its week of the
    /// month counted from the start (if not a fifth), and as the last one
    /// (if it is). The last one first: "last Sunday" rules are the common
    /// ones, and a fourth Sunday is often the last too.
    fn candidates(days: i64) -> Vec<YearlyRule> {
        let (y, m, d) = civil_from_days(days);
        let (month, weekday) = (m as u8, weekday(days));
        let mut rules = Vec::new();
        if d + 7 > days_in_month(y, m) {
            rules.push(YearlyRule {
                month,
                week: -1,
                weekday,
            });
        }
        let week = (d - 1) / 7 + 1;
        if week <= 4 {
            rules.push(YearlyRule {
                month,
                week: week as i8,
                weekday,
            });
        }
        rules
    }
}

/// One offset in force from an onset on: an iCalendar `STANDARD` or
/// `DAYLIGHT` component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Observance {
    /// The offsets before and after the onset, in minutes east of UTC.
    pub from_min: i32,
    pub to_min: i32,
    /// The (first) onset on the wall clock as it reads before it, in local
    /// milliseconds.
    pub start_local_ms: i64,
    /// How it recurs every year; `None` for a single onset.
    pub rule: Option<YearlyRule>,
    /// Daylight saving time (an offset above the zone's lowest) rather
    /// than standard time.
    pub daylight: bool,
}

impl Observance {
    /// The onsets of this observance in `year` (UTC instants), at most one.
    fn onset_in(&self, year: i64) -> Option<i64> {
        let local = match self.rule {
            Some(rule) => {
                let time = self.start_local_ms.rem_euclid(DAY_MS);
                let local = rule.day_in(year) * DAY_MS + time;
                (local >= self.start_local_ms).then_some(local)?
            }
            None => {
                let (y, _, _) = civil_from_days(self.start_local_ms.div_euclid(DAY_MS));
                (y == year).then_some(self.start_local_ms)?
            }
        };
        Some(local - i64::from(self.from_min) * MINUTE_MS)
    }
}

impl Zone {
    /// UTC itself, with its name.
    pub fn utc() -> Zone {
        Zone::fixed(Some("UTC"), 0)
    }

    /// A zone whose offset never changes.
    pub fn fixed(name: Option<&str>, offset_min: i32) -> Zone {
        Zone {
            name: name.map(str::to_string),
            offset_min,
            transitions: Vec::new(),
        }
    }

    /// The name to use as an iCalendar `TZID`: an IANA-style name of
    /// letters, digits and `/_+-` only, so it never needs quoting.
    pub fn tzid(&self) -> Option<&str> {
        let name = self.name.as_deref()?.trim();
        let plain = name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b));
        (plain && !name.is_empty() && name.len() <= 64).then_some(name)
    }

    /// The observances that describe this zone, in onset order: a yearly
    /// rule for each kind of change (from one offset to another) if every
    /// kind was seen once a year in consecutive years, always on the same
    /// `week`-th weekday of the month at the same time; otherwise one
    /// observance per change, after a first one for the offset before
    /// them. A zone without changes has one.
    ///
    /// A rule starts at its onset of the year before the first change
    /// seen, so that every time from the start of that year on is covered.
    pub fn observances(&self) -> Vec<Observance> {
        let lowest = self
            .transitions
            .iter()
            .flat_map(|t| [t.before_min, t.after_min])
            .chain([self.offset_min])
            .min()
            .unwrap_or(self.offset_min);
        let observance = |from_min, to_min, start_local_ms, rule| Observance {
            from_min,
            to_min,
            start_local_ms,
            rule,
            daylight: to_min > lowest,
        };
        let mut kinds: Vec<(i32, i32)> = Vec::new();
        for t in &self.transitions {
            if !kinds.contains(&(t.before_min, t.after_min)) {
                kinds.push((t.before_min, t.after_min));
            }
        }
        let rules: Option<Vec<Observance>> = kinds
            .into_iter()
            .map(|(from, to)| {
                let changes: Vec<&Transition> = self
                    .transitions
                    .iter()
                    .filter(|t| (t.before_min, t.after_min) == (from, to))
                    .collect();
                let (rule, time) = yearly_rule(&changes)?;
                let first = changes[0].local_ms().div_euclid(DAY_MS);
                let (year, _, _) = civil_from_days(first);
                let start = rule.day_in(year - 1) * DAY_MS + time;
                Some(observance(from, to, start, Some(rule)))
            })
            .collect();
        let mut found = match rules {
            Some(rules) if !rules.is_empty() => rules,
            // No change at all, or not every change recurs by a rule (a zone
            // that changes by other dates, or changes its rules): each one
            // on its own, after the offset before the first, which holds
            // from long ago (the date iCalendar writers use for "always").
            _ => {
                let first = self
                    .transitions
                    .first()
                    .map_or(self.offset_min, |t| t.before_min);
                let single =
                    |t: &Transition| observance(t.before_min, t.after_min, t.local_ms(), None);
                [observance(first, first, 0, None)]
                    .into_iter()
                    .chain(self.transitions.iter().map(single))
                    .collect()
            }
        };
        found.sort_by_key(|o| o.start_local_ms);
        found
    }

    /// The offset in force at the instant `utc_ms`, in minutes east of UTC:
    /// by the zone's observances, so it agrees with the calendar's
    /// `VTIMEZONE`. In years after the ones the browser was asked about,
    /// yearly rules go on; without them, the last offset seen holds.
    pub fn offset_at(&self, utc_ms: i64) -> i32 {
        if self.transitions.is_empty() {
            return self.offset_min;
        }
        let observances = self.observances();
        let year = utc_year(utc_ms);
        let latest = observances
            .iter()
            .flat_map(|o| {
                [year - 1, year, year + 1]
                    .into_iter()
                    .filter_map(|y| o.onset_in(y).map(|at| (at, o.to_min)))
            })
            .filter(|(at, _)| *at <= utc_ms)
            .max_by_key(|(at, _)| *at);
        match latest {
            Some((_, offset)) => offset,
            // Before the first onset (before every change seen), or long
            // after single changes.
            None => {
                let last_gone = self.transitions.iter().rev().find(|t| t.at_ms <= utc_ms);
                last_gone.map_or(self.transitions[0].before_min, |t| t.after_min)
            }
        }
    }

    /// The wall-clock time at the instant `utc_ms`, in local milliseconds.
    pub fn utc_to_local(&self, utc_ms: i64) -> i64 {
        utc_ms + i64::from(self.offset_at(utc_ms)) * MINUTE_MS
    }

    /// The instant at which the wall clock reads `local_ms`. As browsers
    /// do: a time that happens twice (when clocks go back) is the first
    /// one; a time skipped (when clocks go forward) counts with the offset
    /// before the change, so 02:30 on that day is 03:30 of the new offset.
    pub fn local_to_utc(&self, local_ms: i64) -> i64 {
        let before = self.offset_at(local_ms - DAY_MS);
        let after = self.offset_at(local_ms + DAY_MS);
        let fits = |offset: i32| {
            let utc = local_ms - i64::from(offset) * MINUTE_MS;
            (self.offset_at(utc) == offset).then_some(utc)
        };
        fits(before)
            .or_else(|| fits(after))
            .unwrap_or(local_ms - i64::from(before) * MINUTE_MS)
    }
}

/// The rule every change of `changes` follows, with the wall-clock time
/// (milliseconds into the day) they happen at: only for changes in
/// consecutive years, at least two, one a year.
fn yearly_rule(changes: &[&Transition]) -> Option<(YearlyRule, i64)> {
    let first = changes.first()?;
    let days = |t: &Transition| t.local_ms().div_euclid(DAY_MS);
    let time = first.local_ms().rem_euclid(DAY_MS);
    let years: Vec<i64> = changes.iter().map(|t| civil_from_days(days(t)).0).collect();
    let yearly = changes.len() >= 2 && years.windows(2).all(|w| w[1] == w[0] + 1);
    if !yearly
        || changes
            .iter()
            .any(|t| t.local_ms().rem_euclid(DAY_MS) != time)
    {
        return None;
    }
    YearlyRule::candidates(days(first))
        .into_iter()
        .find(|rule| {
            changes
                .iter()
                .zip(&years)
                .all(|(t, &y)| rule.day_in(y) == days(t))
        })
        .map(|rule| (rule, time))
}

/// The UTC calendar year of an instant.
fn utc_year(utc_ms: i64) -> i64 {
    civil_from_days(utc_ms.div_euclid(DAY_MS)).0
}

/// Local milliseconds of a wall-clock date and time.
pub fn local_ms(y: i64, m: i64, d: i64, minute_of_day: i64) -> i64 {
    days_from_civil(y, m, d) * DAY_MS + minute_of_day * MINUTE_MS
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const HOUR_MS: i64 = 60 * MINUTE_MS;

    /// An instant from a UTC date and time.
    pub(crate) fn utc(y: i64, m: i64, d: i64, h: i64, min: i64) -> i64 {
        local_ms(y, m, d, h * 60 + min)
    }

    /// Europe/Berlin in 2026 and 2027, as a browser reports it: the last
    /// Sunday of March at 01:00 UTC (02:00 local) to +02:00, the last
    /// Sunday of October at 01:00 UTC (03:00 local) back to +01:00.
    pub(crate) fn berlin() -> Zone {
        let t = |at_ms, before_min, after_min| Transition {
            at_ms,
            before_min,
            after_min,
        };
        Zone {
            name: Some("Europe/Berlin".into()),
            offset_min: 60,
            transitions: vec![
                t(utc(2026, 3, 29, 1, 0), 60, 120),
                t(utc(2026, 10, 25, 1, 0), 120, 60),
                t(utc(2027, 3, 28, 1, 0), 60, 120),
                t(utc(2027, 10, 31, 1, 0), 120, 60),
            ],
        }
    }

    /// America/New_York in 2026 and 2027: the second Sunday of March at
    /// 02:00 local to −04:00, the first Sunday of November at 02:00 local
    /// back to −05:00.
    pub(crate) fn new_york() -> Zone {
        let t = |at_ms, before_min, after_min| Transition {
            at_ms,
            before_min,
            after_min,
        };
        Zone {
            name: Some("America/New_York".into()),
            offset_min: -300,
            transitions: vec![
                t(utc(2026, 3, 8, 7, 0), -300, -240),
                t(utc(2026, 11, 1, 6, 0), -240, -300),
                t(utc(2027, 3, 14, 7, 0), -300, -240),
                t(utc(2027, 11, 7, 6, 0), -240, -300),
            ],
        }
    }

    #[test]
    fn rules_of_a_european_zone() {
        let o = berlin().observances();
        assert_eq!(o.len(), 2);
        let (summer, winter) = (o[0], o[1]);
        assert_eq!(
            summer.rule,
            Some(YearlyRule {
                month: 3,
                week: -1,
                weekday: 0
            })
        );
        assert_eq!(
            (summer.from_min, summer.to_min, summer.daylight),
            (60, 120, true)
        );
        // The onset a year before the first change seen: 2025-03-30 02:00.
        assert_eq!(summer.start_local_ms, local_ms(2025, 3, 30, 120));
        assert_eq!(winter.rule.map(|r| r.byday()), Some("-1SU".into()));
        assert_eq!(winter.start_local_ms, local_ms(2025, 10, 26, 180));
        assert!(!winter.daylight);
    }

    #[test]
    fn rules_of_an_american_zone() {
        let o = new_york().observances();
        let bydays: Vec<_> = o
            .iter()
            .map(|o| (o.rule.unwrap().month, o.rule.unwrap().byday()))
            .collect();
        assert_eq!(bydays, [(3, "2SU".to_string()), (11, "1SU".to_string())]);
        assert_eq!(o[0].start_local_ms, local_ms(2025, 3, 9, 120));
        assert_eq!(o[1].start_local_ms, local_ms(2025, 11, 2, 120));
    }

    #[test]
    fn rules_of_a_southern_zone() {
        // Australia/Sydney: summer time from the first Sunday of October
        // (02:00 to +11:00) to the first Sunday of April (03:00 to +10:00).
        let t = |at_ms, before_min, after_min| Transition {
            at_ms,
            before_min,
            after_min,
        };
        let z = Zone {
            name: Some("Australia/Sydney".into()),
            offset_min: 660,
            transitions: vec![
                t(utc(2026, 4, 4, 16, 0), 660, 600),
                t(utc(2026, 10, 3, 16, 0), 600, 660),
                t(utc(2027, 4, 3, 16, 0), 660, 600),
                t(utc(2027, 10, 2, 16, 0), 600, 660),
            ],
        };
        let o = z.observances();
        let summary: Vec<_> = o
            .iter()
            .map(|o| (o.daylight, o.rule.map(|r| (r.month, r.byday()))))
            .collect();
        assert_eq!(
            summary,
            [
                (false, Some((4, "1SU".to_string()))),
                (true, Some((10, "1SU".to_string())))
            ]
        );
        assert_eq!(o[0].start_local_ms, local_ms(2025, 4, 6, 180));
        assert_eq!(z.offset_at(utc(2026, 1, 10, 0, 0)), 660);
        assert_eq!(z.offset_at(utc(2026, 6, 1, 0, 0)), 600);
        assert_eq!(z.offset_at(utc(2028, 12, 25, 0, 0)), 660);
        assert_eq!(
            z.local_to_utc(local_ms(2026, 1, 10, 9 * 60)),
            utc(2026, 1, 9, 22, 0)
        );
    }

    #[test]
    fn rule_days() {
        let last_sunday_of_march = YearlyRule {
            month: 3,
            week: -1,
            weekday: 0,
        };
        let second_sunday_of_march = YearlyRule {
            week: 2,
            ..last_sunday_of_march
        };
        for (year, last, second) in [
            (2026, 29, 8),
            (2027, 28, 14),
            (2028, 26, 12),
            (2029, 25, 11),
        ] {
            assert_eq!(
                last_sunday_of_march.day_in(year),
                days_from_civil(year, 3, last)
            );
            assert_eq!(
                second_sunday_of_march.day_in(year),
                days_from_civil(year, 3, second)
            );
        }
    }

    #[test]
    fn offsets_follow_the_rules_in_any_year() {
        let z = berlin();
        assert_eq!(z.offset_at(utc(2026, 1, 15, 12, 0)), 60);
        assert_eq!(z.offset_at(utc(2026, 3, 29, 0, 59)), 60);
        assert_eq!(z.offset_at(utc(2026, 3, 29, 1, 0)), 120);
        assert_eq!(z.offset_at(utc(2026, 10, 25, 0, 59)), 120);
        assert_eq!(z.offset_at(utc(2026, 10, 25, 1, 0)), 60);
        // Beyond the two years the browser was asked about, by the rules.
        assert_eq!(z.offset_at(utc(2030, 7, 1, 12, 0)), 120);
        assert_eq!(z.offset_at(utc(2030, 3, 31, 0, 30)), 60);
        assert_eq!(z.offset_at(utc(2030, 3, 31, 1, 30)), 120);
        let ny = new_york();
        assert_eq!(ny.offset_at(utc(2026, 3, 8, 6, 59)), -300);
        assert_eq!(ny.offset_at(utc(2026, 3, 8, 7, 0)), -240);
        assert_eq!(ny.offset_at(utc(2028, 11, 5, 5, 59)), -240);
        assert_eq!(ny.offset_at(utc(2028, 11, 5, 6, 0)), -300);
    }

    #[test]
    fn wall_clock_and_utc() {
        let z = berlin();
        let at = |h: i64, m: i64| local_ms(2026, 3, 24, h * 60 + m);
        assert_eq!(z.local_to_utc(at(9, 30)), utc(2026, 3, 24, 8, 30));
        assert_eq!(z.utc_to_local(utc(2026, 3, 24, 8, 30)), at(9, 30));
        let summer = local_ms(2026, 7, 1, 9 * 60);
        assert_eq!(z.local_to_utc(summer), utc(2026, 7, 1, 7, 0));
        // Skipped: 02:30 on the last Sunday of March is 03:30 summer time.
        let skipped = z.local_to_utc(local_ms(2026, 3, 29, 150));
        assert_eq!(skipped, utc(2026, 3, 29, 1, 30));
        assert_eq!(z.utc_to_local(skipped), local_ms(2026, 3, 29, 210));
        // Twice: 02:30 on the last Sunday of October is the first one.
        let twice = z.local_to_utc(local_ms(2026, 10, 25, 150));
        assert_eq!(twice, utc(2026, 10, 25, 0, 30));
        assert_eq!(twice + HOUR_MS, utc(2026, 10, 25, 1, 30));
        assert_eq!(z.utc_to_local(twice + HOUR_MS), local_ms(2026, 10, 25, 150));
        let ny = new_york();
        assert_eq!(
            ny.local_to_utc(local_ms(2026, 12, 1, 9 * 60)),
            utc(2026, 12, 1, 14, 0)
        );
    }

    #[test]
    fn fixed_zones_and_names() {
        let kolkata = Zone::fixed(Some("Asia/Kolkata"), 330);
        assert_eq!(kolkata.offset_at(utc(2026, 6, 1, 0, 0)), 330);
        assert_eq!(
            kolkata.local_to_utc(local_ms(2026, 6, 1, 9 * 60)),
            utc(2026, 6, 1, 3, 30)
        );
        let o = kolkata.observances();
        assert_eq!(o.len(), 1);
        assert_eq!((o[0].from_min, o[0].to_min, o[0].rule), (330, 330, None));
        assert_eq!(Zone::utc().tzid(), Some("UTC"));
        assert_eq!(berlin().tzid(), Some("Europe/Berlin"));
        assert_eq!(
            Zone::fixed(Some("America/Argentina/Buenos_Aires"), -180).tzid(),
            Some("America/Argentina/Buenos_Aires")
        );
        for bad in ["", "Europe/Berlin;X=1", "a:b", "\"Q\"", "Zone, Two"] {
            assert_eq!(Zone::fixed(Some(bad), 0).tzid(), None, "{bad}");
        }
        assert_eq!(Zone::fixed(None, 0).tzid(), None);
    }

    #[test]
    fn irregular_changes_are_kept_one_by_one() {
        // A zone that leaves summer time for good: one change each way.
        let t = |at_ms, before_min, after_min| Transition {
            at_ms,
            before_min,
            after_min,
        };
        let z = Zone {
            name: Some("Test/Once".into()),
            offset_min: 180,
            transitions: vec![
                t(utc(2026, 4, 3, 21, 0), 180, 120),
                t(utc(2026, 9, 4, 22, 0), 120, 180),
            ],
        };
        let o = z.observances();
        assert_eq!(o.len(), 3);
        assert!(o.iter().all(|o| o.rule.is_none()));
        assert_eq!(
            (o[0].from_min, o[0].to_min, o[0].start_local_ms),
            (180, 180, 0)
        );
        assert_eq!(o[1].start_local_ms, local_ms(2026, 4, 4, 0));
        assert_eq!(z.offset_at(utc(2026, 1, 1, 0, 0)), 180);
        assert_eq!(z.offset_at(utc(2026, 5, 1, 0, 0)), 120);
        assert_eq!(z.offset_at(utc(2026, 12, 1, 0, 0)), 180);
        assert_eq!(z.offset_at(utc(2029, 6, 1, 0, 0)), 180);
        // When one kind of change follows a rule and the other does not
        // (Asia/Gaza: the last Saturday of March, but the Saturday before
        // the last Sunday of October), none is taken as a rule.
        let z = Zone {
            name: Some("Asia/Gaza".into()),
            offset_min: 120,
            transitions: vec![
                t(utc(2026, 3, 28, 0, 0), 120, 180),
                t(utc(2026, 10, 23, 23, 0), 180, 120),
                t(utc(2027, 3, 27, 0, 0), 120, 180),
                t(utc(2027, 10, 29, 23, 0), 180, 120),
            ],
        };
        assert_eq!(z.observances().len(), 5);
        assert!(z.observances().iter().all(|o| o.rule.is_none()));
        assert_eq!(z.offset_at(utc(2026, 2, 1, 0, 0)), 120);
        assert_eq!(z.offset_at(utc(2026, 7, 1, 0, 0)), 180);
        assert_eq!(z.offset_at(utc(2026, 12, 1, 0, 0)), 120);
        assert_eq!(z.offset_at(utc(2027, 10, 29, 22, 59)), 180);
        assert_eq!(z.offset_at(utc(2027, 10, 29, 23, 0)), 120);
        // Dates that no week-of-month rule describes stay single too.
        let z = Zone {
            name: None,
            offset_min: 0,
            transitions: vec![
                t(utc(2026, 3, 20, 0, 0), 0, 60),
                t(utc(2027, 3, 20, 0, 0), 0, 60),
            ],
        };
        assert!(z.observances().iter().all(|o| o.rule.is_none()));
    }
}
