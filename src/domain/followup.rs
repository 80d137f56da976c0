//! Between sessions: what became of last time's actions, and when the pair
//! meets next. A new session with a partner met before starts from the
//! previous session's plan ("since last time"); the follow-up is part of the
//! new session, so it travels in its link like everything else.

use serde::{Deserialize, Serialize};

use crate::domain::session::{Owner, Session, Setup};

/// What became of an action item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not looked at yet.
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// Still to be done: worth carrying into the next plan.
    pub fn is_unfinished(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// One action of the previous session, as the pair reviews it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpItem {
    /// The previous session and the action's id there.
    pub session: String,
    pub action: u32,
    /// Whose action it was: 0 for A, 1 for B of *this* session, or `None`
    /// for someone else.
    pub person: Option<u8>,
    pub what: String,
    /// The due date it had (`YYYY-MM-DD` or free text, possibly empty).
    pub due: String,
    /// The first step it had (kept on this device; a link does not carry
    /// it, the previous session's record has it).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub first_step: String,
    pub status: ActionStatus,
    /// One line on how it went.
    pub note: String,
    /// Carried into this session's plan (as a new action of that person).
    pub carried: bool,
}

/// When the pair meets next, set at the wrap-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NextMeeting {
    /// Local date `YYYY-MM-DD`.
    pub date: String,
    /// Local time `HH:MM`, or empty for "some time that day".
    pub time: String,
    /// Repeats every this many weeks (1 to 12); `None` for once.
    pub every_weeks: Option<u8>,
}

/// The pair's "is this working for us?" check-in, asked every few sessions
/// at the wrap-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    /// What to keep doing in these sessions.
    pub keep: String,
    /// What to change.
    pub change: String,
}

/// The check-in is asked at every this many sessions of a pair.
pub const CHECK_IN_EVERY: usize = 3;

/// Is the session the `CHECK_IN_EVERY`-th (6th, 9th…) of its pair among
/// `sessions`? Sessions of unnamed pairs are never checked in on.
pub fn is_check_in_due(sessions: &[Session], session: &Session) -> bool {
    let Some(key) = pair_key(&session.names) else {
        return false;
    };
    let nth = sessions
        .iter()
        .filter(|s| pair_key(&s.names).as_ref() == Some(&key))
        .filter(|s| (s.created_ms, &s.id) <= (session.created_ms, &session.id))
        .count();
    nth > 0 && nth % CHECK_IN_EVERY == 0
}

/// A meeting to come, as the home screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upcoming {
    /// The session that set it.
    pub session: String,
    pub names: Vec<String>,
    /// The date of the next meeting (a repeat's, for a repeating one).
    pub date: String,
    pub time: String,
}

/// The meetings to come on or after `today`, soonest first: for each pair,
/// the one set by its latest session that set one.
pub fn upcoming(sessions: &[Session], today: &str) -> Vec<Upcoming> {
    let mut latest: Vec<&Session> = Vec::new();
    let mut by_date: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.next_meeting.is_some())
        .collect();
    by_date.sort_by_key(|s| std::cmp::Reverse(s.created_ms));
    for s in by_date {
        let key = pair_key(&s.names);
        let seen = latest
            .iter()
            .any(|l| l.id == s.id || (key.is_some() && pair_key(&l.names) == key));
        if !seen {
            latest.push(s);
        }
    }
    // A one-off meeting set before the pair's latest session has happened
    // (that session was it, or replaced it).
    let met_since = |s: &Session| {
        let key = pair_key(&s.names);
        key.is_some()
            && sessions
                .iter()
                .any(|o| o.created_ms > s.created_ms && pair_key(&o.names) == key)
    };
    let mut out: Vec<Upcoming> = latest
        .into_iter()
        .filter(|s| {
            s.next_meeting
                .as_ref()
                .is_some_and(|m| m.every_weeks.is_some())
                || !met_since(s)
        })
        .filter_map(|s| {
            let meeting = s.next_meeting.as_ref()?;
            Some(Upcoming {
                session: s.id.clone(),
                names: s.names.clone(),
                date: meeting.next_on_or_after(today)?,
                time: meeting.time.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.date, &a.time).cmp(&(&b.date, &b.time)));
    out
}

/// How far off a meeting is, as the home screen says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    /// Today, and its time has come (or it has no time).
    Today,
    /// Today, in this many hours and minutes.
    InTime {
        hours: i64,
        minutes: i64,
    },
    Tomorrow,
    InDays(i64),
}

/// How far off a meeting is, from the calendar days between today and its
/// date, and the time until it starts (for a meeting later today).
pub fn countdown(days_until: i64, until_ms: i64) -> Countdown {
    match days_until {
        d if d >= 2 => Countdown::InDays(d),
        1 => Countdown::Tomorrow,
        _ if until_ms <= 0 => Countdown::Today,
        _ => {
            let minutes = (until_ms + 59_999) / 60_000;
            Countdown::InTime {
                hours: minutes / 60,
                minutes: minutes % 60,
            }
        }
    }
}

/// Calendar days from `today` to `date` (both `YYYY-MM-DD`).
pub fn days_between(today: &str, date: &str) -> Option<i64> {
    use crate::domain::dates::day_of;
    Some(day_of(date)? - day_of(today)?)
}

/// Most weeks between recurring meetings.
pub const MAX_EVERY_WEEKS: u8 = 12;

/// The first names of a session's pair (or group), in any order, ignoring
/// case and spaces: how "a partner met before" (or the same group) is
/// recognised. Empty names ("Person A") never match.
pub fn pair_key(names: &[String]) -> Option<Vec<String>> {
    let mut pair: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).collect();
    if pair.iter().any(String::is_empty) {
        return None;
    }
    pair.sort();
    Some(pair)
}

/// The most recent earlier session of the same pair that has an action
/// plan, among `sessions` (any order).
pub fn previous_with_plan<'a>(sessions: &'a [Session], new: &Session) -> Option<&'a Session> {
    let key = pair_key(&new.names)?;
    sessions
        .iter()
        .filter(|s| s.id != new.id && s.created_ms <= new.created_ms)
        .filter(|s| pair_key(&s.names).as_ref() == Some(&key))
        .filter(|s| {
            s.turns
                .iter()
                .any(|h| h.actions.iter().any(|a| !a.what.trim().is_empty()))
        })
        .max_by_key(|s| s.created_ms)
}

/// The setup of the next session of a pair: the same people, format and
/// length, and the same split of the first half.
pub fn next_setup(previous: &Session) -> Setup {
    let group = previous.format.is_group();
    let mut names: [String; 2] = Default::default();
    if !group {
        for (to, from) in names.iter_mut().zip(&previous.names) {
            to.clone_from(from);
        }
    }
    let mut setup = Setup {
        format: previous.format,
        names,
        total_minutes: previous.total_minutes,
        plan: previous.plans[0],
        own: None,
        members: if group {
            previous.names.clone()
        } else {
            Vec::new()
        },
        everyone: !group || previous.turns.len() == previous.names.len(),
        turns: previous.turns.len() as u8,
        aside: Vec::new(),
    };
    if !group {
        setup.own_split_set();
    }
    setup
}

/// The latest session whose follow-up reviews the session `previous`.
pub fn latest_review_of<'a>(sessions: &'a [Session], previous: &str) -> Option<&'a Session> {
    sessions
        .iter()
        .filter(|s| s.follow_up.iter().any(|f| f.session == previous))
        .max_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)))
}

/// Person `p` of `previous` among `new_names`, by name (compared as
/// [`pair_key`] does).
fn person_in_new(previous: &Session, p: u8, new_names: &[String]) -> Option<u8> {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    let name = previous.names.get(usize::from(p))?;
    (0..new_names.len().min(usize::from(u8::MAX)) as u8)
        .find(|&i| same(&new_names[usize::from(i)], name))
}

/// The follow-up of `previous`'s plan for a new session: every written
/// action, with its owner mapped to the new session's A or B by name.
pub fn follow_up_of(previous: &Session, new_names: &[String]) -> Vec<FollowUpItem> {
    let person_in_new = |p: u8| person_in_new(previous, p, new_names);
    previous
        .turns
        .iter()
        .flat_map(|h| &h.actions)
        .filter(|a| !a.what.trim().is_empty())
        .map(|a| FollowUpItem {
            session: previous.id.clone(),
            action: a.id,
            person: match &a.owner {
                Owner::Person(p) => person_in_new(*p),
                Owner::Other(_) => None,
            },
            what: a.what.trim().to_string(),
            due: a.due.clone(),
            first_step: a.first_step.clone(),
            status: a.status,
            note: a.status_note.clone(),
            carried: false,
        })
        .collect()
}

/// What this device's record of the previous session says of one of its
/// actions, for carrying it into a session of `new_names`: a follow-up
/// item (which travels in links) keeps only whether its owner is one of
/// the new session's people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Its first step (a link does not carry it).
    pub first_step: String,
    /// Whose it is, in the new session: one of its people, or someone
    /// else by name (a person of the previous session who is not in the
    /// new one is someone else too, and keeps their name).
    pub owner: Owner,
    /// The new session's person in whose plan it was (the client of its
    /// half), if they are in the new session.
    pub client: Option<u8>,
}

/// The [`Origin`] of action `action` of `previous`, carried into a session
/// of `new_names` (`None` if `previous` has no such action).
pub fn origin_of(previous: &Session, action: u32, new_names: &[String]) -> Option<Origin> {
    let (turn, a) = previous
        .turns
        .iter()
        .find_map(|h| h.actions.iter().find(|a| a.id == action).map(|a| (h, a)))?;
    let owner = match &a.owner {
        Owner::Person(p) => match person_in_new(previous, *p, new_names) {
            Some(n) => Owner::Person(n),
            None => Owner::Other(
                previous
                    .names
                    .get(usize::from(*p))
                    .map_or(String::new(), |n| n.trim().to_string()),
            ),
        },
        Owner::Other(name) => Owner::Other(name.clone()),
    };
    Some(Origin {
        first_step: a.first_step.clone(),
        owner,
        client: person_in_new(previous, turn.client, new_names),
    })
}

/// Most follow-up items a session keeps (a plan has a handful).
pub const MAX_FOLLOW_UP: usize = 200;

/// Is `text` a time of day written `HH:MM` (24-hour)?
pub fn is_time_of_day(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && text[..2]
            .parse::<u8>()
            .is_ok_and(|h| h < 24 && b[0].is_ascii_digit() && b[1].is_ascii_digit())
        && text[3..]
            .parse::<u8>()
            .is_ok_and(|m| m < 60 && b[3].is_ascii_digit() && b[4].is_ascii_digit())
}

impl NextMeeting {
    /// The date of the first meeting on or after `today` (`YYYY-MM-DD`):
    /// the date itself, or for a repeating meeting the next repeat. `None`
    /// when a one-off meeting is past.
    pub fn next_on_or_after(&self, today: &str) -> Option<String> {
        use crate::domain::dates::{date_of_day, day_of, format};
        let (first, today) = (day_of(&self.date)?, day_of(today)?);
        let next = match self.every_weeks {
            _ if first >= today => first,
            None => return None,
            Some(weeks) => {
                let step = i64::from(weeks.max(1)) * 7;
                first + (today - first + step - 1) / step * step
            }
        };
        date_of_day(next).map(format)
    }

    /// Put what storage or a link may get wrong in range; `None` if there
    /// is no valid date.
    pub fn normalized(mut self) -> Option<NextMeeting> {
        if !crate::domain::dates::is_iso_date(&self.date) {
            return None;
        }
        if !is_time_of_day(&self.time) {
            self.time.clear();
        }
        self.every_weeks = self.every_weeks.map(|w| w.clamp(1, MAX_EVERY_WEEKS));
        Some(self)
    }
}

impl Session {
    /// Repair the follow-up and the next meeting (part of
    /// [`Session::normalize`]).
    pub(crate) fn normalize_between(&mut self) {
        self.follow_up.truncate(MAX_FOLLOW_UP);
        // A or B; in a group, any of its people.
        let people = self.names.len().max(2);
        for item in &mut self.follow_up {
            item.person = item.person.filter(|&p| usize::from(p) < people);
        }
        self.next_meeting = self.next_meeting.take().and_then(NextMeeting::normalized);
    }

    /// Change a follow-up item: its status, its note.
    pub fn edit_follow_up(&mut self, at: usize, edit: impl FnOnce(&mut FollowUpItem)) {
        if let Some(item) = self.follow_up.get_mut(at) {
            edit(item);
        }
    }

    /// Carry an unfinished item into this session's plan. With this
    /// device's record of the previous session (`origin`), the action
    /// keeps its owner by name and goes into the plan of the same client;
    /// without (the session came by link), it is the same person's, in
    /// the half where that person is the client, and someone else's
    /// (unnamed) goes into the first half. A first step the item has is
    /// kept, else the record's. Returns the new action's id.
    pub fn carry_follow_up(&mut self, at: usize, origin: Option<Origin>) -> Option<u32> {
        let item = self.follow_up.get(at).filter(|i| !i.carried)?.clone();
        let client = origin.as_ref().and_then(|o| o.client).or(item.person);
        let h = client
            .and_then(|c| self.turns.iter().position(|h| h.client == c))
            .unwrap_or(0);
        let id = self.add_action(h)?;
        let (owner, first_step) = match origin {
            Some(o) => (o.owner, o.first_step),
            None => (
                item.person
                    .map_or(Owner::Other(String::new()), Owner::Person),
                String::new(),
            ),
        };
        self.edit_action(h, id, |a| {
            a.what = item.what.clone();
            // When and how it starts stay as they were planned.
            a.due = item.due.clone();
            a.first_step = if item.first_step.is_empty() {
                first_step
            } else {
                item.first_step.clone()
            };
            // Someone else's action stays someone else's.
            a.owner = owner;
        });
        self.follow_up[at].carried = true;
        Some(id)
    }

    /// Record on this (earlier) session what a later session's follow-up
    /// said of one of its actions.
    pub fn take_follow_up(&mut self, item: &FollowUpItem) {
        if item.session != self.id {
            return;
        }
        for turn in &mut self.turns {
            for a in turn.actions.iter_mut().filter(|a| a.id == item.action) {
                a.status = item.status;
                a.status_note = item.note.clone();
            }
        }
    }

    /// Action items written down, and how many of them are done.
    pub fn actions_done(&self) -> (usize, usize) {
        let written = self
            .turns
            .iter()
            .flat_map(|h| &h.actions)
            .filter(|a| !a.what.trim().is_empty());
        written.fold((0, 0), |(done, all), a| {
            (done + usize::from(a.status == ActionStatus::Done), all + 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Setup;

    fn session(id: &str, created: i64, names: [&str; 2]) -> Session {
        let setup = Setup {
            names: names.map(String::from),
            ..Setup::default()
        };
        Session::new(id.into(), created, &setup)
    }

    #[test]
    fn next_meetings_and_times_are_checked() {
        assert!(is_time_of_day("09:30") && is_time_of_day("23:59"));
        for bad in ["9:30", "24:00", "12:60", "+1:00", "12-30", ""] {
            assert!(!is_time_of_day(bad), "{bad}");
        }
        let mut s = session("a", 1, ["Amara", "Jonas"]);
        s.next_meeting = Some(NextMeeting {
            date: "2026-03-24".into(),
            time: "9:30".into(),
            every_weeks: Some(40),
        });
        s.follow_up.push(FollowUpItem {
            person: Some(7),
            ..FollowUpItem::default()
        });
        s.normalize();
        let m = s.next_meeting.clone().unwrap();
        assert_eq!(
            (m.time.as_str(), m.every_weeks),
            ("", Some(MAX_EVERY_WEEKS))
        );
        assert_eq!(s.follow_up[0].person, None);
        s.next_meeting.as_mut().unwrap().date = "next week".into();
        s.normalize();
        assert_eq!(s.next_meeting, None);
    }

    #[test]
    fn the_check_in_comes_every_third_session_of_a_pair() {
        let pair: Vec<Session> = (0..7)
            .map(|i| session(&format!("p{i}"), i, ["Amara", "Jonas"]))
            .collect();
        let mut all = pair.clone();
        all.push(session("x", 2, ["Amara", "Mia"]));
        let due: Vec<bool> = pair.iter().map(|s| is_check_in_due(&all, s)).collect();
        assert_eq!(due, [false, false, true, false, false, true, false]);
        let unnamed = session("u", 9, ["", ""]);
        assert!(!is_check_in_due(std::slice::from_ref(&unnamed), &unnamed));
    }

    #[test]
    fn the_next_meeting_and_its_repeats() {
        let m = |date: &str, every: Option<u8>| NextMeeting {
            date: date.into(),
            time: "09:00".into(),
            every_weeks: every,
        };
        assert_eq!(
            m("2026-03-31", None)
                .next_on_or_after("2026-03-20")
                .as_deref(),
            Some("2026-03-31")
        );
        assert_eq!(
            m("2026-03-31", None)
                .next_on_or_after("2026-03-31")
                .as_deref(),
            Some("2026-03-31")
        );
        assert_eq!(m("2026-03-31", None).next_on_or_after("2026-04-01"), None);
        // Every two weeks from Tuesday 31 March: 14 April, 28 April...
        let every2 = m("2026-03-31", Some(2));
        assert_eq!(
            every2.next_on_or_after("2026-04-01").as_deref(),
            Some("2026-04-14")
        );
        assert_eq!(
            every2.next_on_or_after("2026-04-14").as_deref(),
            Some("2026-04-14")
        );
        assert_eq!(
            every2.next_on_or_after("2026-12-30").as_deref(),
            Some("2027-01-05")
        );
    }

    #[test]
    fn countdowns_in_days_then_hours() {
        assert_eq!(days_between("2026-03-30", "2026-04-02"), Some(3));
        assert_eq!(countdown(3, 0), Countdown::InDays(3));
        assert_eq!(countdown(1, 0), Countdown::Tomorrow);
        assert_eq!(
            countdown(0, 2 * 3_600_000 + 600_000),
            Countdown::InTime {
                hours: 2,
                minutes: 10
            }
        );
        assert_eq!(
            countdown(0, 30_000),
            Countdown::InTime {
                hours: 0,
                minutes: 1
            }
        );
        assert_eq!(countdown(0, -5), Countdown::Today);
    }

    #[test]
    fn upcoming_meetings_are_the_latest_per_pair_soonest_first() {
        let meeting = |date: &str| {
            Some(NextMeeting {
                date: date.into(),
                ..NextMeeting::default()
            })
        };
        let mut old = session("old", 1, ["Amara", "Jonas"]);
        old.next_meeting = meeting("2026-05-01");
        let mut new = session("new", 2, ["Jonas", "Amara"]);
        new.next_meeting = meeting("2026-04-20");
        let mut mia = session("mia", 3, ["Amara", "Mia"]);
        mia.next_meeting = meeting("2026-04-10");
        let mut past = session("past", 4, ["Amara", "Lee"]);
        past.next_meeting = meeting("2026-01-10");
        let list = upcoming(&[old, new.clone(), mia.clone(), past], "2026-04-01");
        let ids: Vec<&str> = list.iter().map(|u| u.session.as_str()).collect();
        assert_eq!(ids, ["mia", "new"]);
        // The pair met again before the one-off date: that meeting is done.
        let early = session("early", 5, ["Amara", "Jonas"]);
        let list = upcoming(&[new.clone(), mia.clone(), early.clone()], "2026-04-01");
        assert_eq!(list.len(), 1);
        // A repeating one goes on.
        let mut repeating = new;
        repeating.next_meeting.as_mut().unwrap().every_weeks = Some(2);
        assert_eq!(upcoming(&[repeating, mia, early], "2026-04-01").len(), 2);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;

        proptest::proptest! {
            /// Carrying an action into today's plan keeps everything it said:
            /// what, whose, when it is due and its first step.
            #[test]
            fn carrying_keeps_what_due_and_first_step(
                what in "[a-zA-Z ]{0,12}[a-z]",
                due in "(2026-0[1-9]-1[0-9])?|[a-z ]{0,8}",
                first_step in "[a-zA-Z ]{0,16}",
                turn in 0usize..2,
            ) {
                let mut first = session("a", 1, ["Amara", "Jonas"]);
                let id = first.add_action(turn).unwrap();
                first.edit_action(turn, id, |a| {
                    a.what = what.clone();
                    a.due = due.clone();
                    a.first_step = first_step.clone();
                });
                let mut next = session("b", 2, ["Amara", "Jonas"]);
                next.follow_up = follow_up_of(&first, &next.names);
                let origin = origin_of(&first, id, &next.names);
                let new_id = next.carry_follow_up(0, origin).unwrap();
                let carried = next.turns[turn].actions.iter().find(|a| a.id == new_id).unwrap();
                proptest::prop_assert_eq!(&carried.what, what.trim());
                proptest::prop_assert_eq!(&carried.due, &due);
                proptest::prop_assert_eq!(&carried.first_step, &first_step);
                proptest::prop_assert_eq!(&carried.owner, &Owner::Person(turn as u8));
            }

            /// "A carried action stays whose it was, in the plan it was
            /// in": with this device's record of the previous session,
            /// whatever the owners (either person, someone else) and the
            /// people of the new session (the same in any order or case,
            /// or someone new), each carried action names the same owner
            /// (a person no longer here is someone else, by name) and is
            /// in the plan of the same client, by name, when they are
            /// here (exact oracle over names).
            #[test]
            fn a_carried_action_keeps_its_owner_and_its_plan(
                actions in proptest::collection::vec((0usize..2, 0u8..3, "[A-Z][a-z]{0,5}"), 1..6),
                new_names in proptest::sample::select(vec![
                    ["Amara", "Jonas"], ["jonas", "AMARA "], ["Amara", "Mia"], ["Mia", "Jonas"], ["Lee", "Mia"],
                ]),
            ) {
                let mut first = session("a", 1, ["Amara", "Jonas"]);
                for (turn, owner, other) in &actions {
                    let id = first.add_action(*turn).unwrap();
                    first.edit_action(*turn, id, |a| {
                        a.what = format!("Action {id}");
                        a.owner = match owner {
                            2 => Owner::Other(other.clone()),
                            p => Owner::Person(*p),
                        };
                    });
                }
                let mut next = session("b", 2, new_names);
                next.follow_up = follow_up_of(&first, &next.names);
                let key = |n: &str| n.trim().to_lowercase();
                let names = next.names.clone();
                let here = |name: &str| names.iter().position(|n| key(n) == key(name)).map(|i| i as u8);
                for at in 0..next.follow_up.len() {
                    let item = next.follow_up[at].clone();
                    let (turn, before) = first.turns.iter().enumerate()
                        .find_map(|(h, t)| t.actions.iter().find(|a| a.id == item.action).map(|a| (h, a.clone())))
                        .unwrap();
                    let origin = origin_of(&first, item.action, &next.names);
                    let id = next.carry_follow_up(at, origin).unwrap();
                    let (h, after) = next.turns.iter().enumerate()
                        .find_map(|(h, t)| t.actions.iter().find(|a| a.id == id).map(|a| (h, a.clone())))
                        .unwrap();
                    let owner_name = match &before.owner {
                        Owner::Person(p) => first.names[usize::from(*p)].clone(),
                        Owner::Other(n) => n.clone(),
                    };
                    let expected = match (&before.owner, here(&owner_name)) {
                        (Owner::Person(_), Some(i)) => Owner::Person(i),
                        _ => Owner::Other(owner_name.trim().to_string()),
                    };
                    proptest::prop_assert_eq!(&after.owner, &expected);
                    let client = here(&first.names[usize::from(first.turns[turn].client)]);
                    let plan = client
                        .or(item.person)
                        .and_then(|c| next.turns.iter().position(|t| t.client == c))
                        .unwrap_or(0);
                    proptest::prop_assert_eq!(h, plan);
                    proptest::prop_assert_eq!(&after.what, &before.what);
                }
            }
        }
    }

    #[test]
    fn owners_are_matched_by_name_beyond_ascii_and_others_stay_others() {
        let mut first = session("a", 1, ["Émile", "Jonas"]);
        let id = first.add_action(0).unwrap();
        first.edit_action(0, id, |a| a.what = "Call the supplier".into());
        let id = first.add_action(1).unwrap();
        first.edit_action(1, id, |a| {
            a.what = "Ask Sam".into();
            a.owner = Owner::Other("Sam".into());
        });
        let mut next = session("b", 2, ["jonas", "ÉMILE"]);
        next.follow_up = follow_up_of(&first, &next.names);
        assert_eq!(next.follow_up[0].person, Some(1), "Émile is B now");
        assert_eq!(next.follow_up[1].person, None);
        // Carried with this device's record: Sam's, by name, in the plan
        // of Jonas (A now), whose plan it was in.
        let mut here = next.clone();
        here.carry_follow_up(1, origin_of(&first, id, &here.names))
            .unwrap();
        assert_eq!(here.turns[0].actions[0].owner, Owner::Other("Sam".into()));
        // Came by link, with no record here: someone else's, unnamed.
        next.carry_follow_up(1, None).unwrap();
        assert_eq!(next.turns[0].actions[0].owner, Owner::Other(String::new()));

        // The latest session reviewing the first one speaks for it.
        let mut later = session("c", 3, ["Jonas", "Émile"]);
        later.follow_up = next.follow_up.clone();
        let all = [first, next, later];
        assert_eq!(
            latest_review_of(&all, "a").map(|s| s.id.as_str()),
            Some("c")
        );
        assert_eq!(latest_review_of(&all, "zzz"), None);
    }

    #[test]
    fn the_same_pair_in_any_order_and_case() {
        assert_eq!(
            pair_key(&["Amara".into(), " jonas ".into()]),
            pair_key(&["Jonas".into(), "AMARA".into()])
        );
        assert_eq!(pair_key(&["Amara".into(), String::new()]), None);
    }

    #[test]
    fn the_previous_plan_of_the_pair_is_followed_up_with_owners_by_name() {
        let mut first = session("a", 1, ["Amara", "Jonas"]);
        let id = first.add_action(0).unwrap();
        first.edit_action(0, id, |a| a.what = "Send the agenda".into());
        let id = first.add_action(1).unwrap();
        first.edit_action(1, id, |a| a.what = "Talk to sales".into());
        let empty_later = session("b", 2, ["Jonas", "Amara"]);
        let other_pair = {
            let mut s = session("c", 3, ["Amara", "Mia"]);
            let id = s.add_action(0).unwrap();
            s.edit_action(0, id, |a| a.what = "Not ours".into());
            s
        };
        let new = session("d", 4, ["Jonas", "Amara"]);
        let all = vec![first.clone(), empty_later, other_pair, new.clone()];
        let previous = previous_with_plan(&all, &new).expect("found");
        assert_eq!(previous.id, "a", "the latest one with a plan");

        let items = follow_up_of(previous, &new.names);
        assert_eq!(items.len(), 2);
        // Amara was A then, is B now; Jonas the other way round.
        assert_eq!(
            (items[0].what.as_str(), items[0].person),
            ("Send the agenda", Some(1))
        );
        assert_eq!(
            (items[1].what.as_str(), items[1].person),
            ("Talk to sales", Some(0))
        );
        assert!(items
            .iter()
            .all(|i| i.status == ActionStatus::Open && !i.carried));
    }
}
