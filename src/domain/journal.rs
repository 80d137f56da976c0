//! The journal: private dated entries between sessions (what I tried, how
//! it went, what I learned), optionally tied to one of my action items, with
//! a rotating reflection prompt. Entries are kept on this device only, each
//! in its own record: no link or shared file ever carries them. A later
//! session's follow-up may show them to their writer.

use serde::{Deserialize, Serialize};

use crate::domain::dates::{civil_from_days, is_iso_date};
use crate::domain::route::is_valid_id;

/// How many reflection prompts the deck holds (their texts are in
/// `i18n::journal`, an array of exactly this length).
pub const JOURNAL_PROMPTS: u8 = 10;

/// An action item of a session: the session's id and the action's id there.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionRef {
    pub session: String,
    pub action: u32,
}

/// One journal entry. Every field may be missing from a stored record (one
/// written before the field existed): it then takes its empty value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JournalEntry {
    pub id: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    /// The day it is about, as `YYYY-MM-DD` (local; the writer may change it).
    pub date: String,
    /// What I tried.
    pub tried: String,
    /// How it went.
    pub went: String,
    /// What I learned.
    pub learned: String,
    /// The action item it is about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionRef>,
    /// The reflection prompt shown (its number in the deck), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<u8>,
    /// The answer to that prompt.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prompt_answer: String,
}

impl JournalEntry {
    /// A new, empty entry for `date` (today, `YYYY-MM-DD` local), showing
    /// reflection prompt `prompt`.
    pub fn new(id: String, now: i64, date: String, prompt: u8) -> Self {
        let mut entry = JournalEntry {
            id,
            created_ms: now,
            updated_ms: now,
            date,
            prompt: Some(prompt),
            ..JournalEntry::default()
        };
        entry.normalize();
        entry
    }

    /// Nothing written yet (an entry opened and left: not worth keeping).
    pub fn is_blank(&self) -> bool {
        [&self.tried, &self.went, &self.learned, &self.prompt_answer]
            .iter()
            .all(|t| t.trim().is_empty())
    }

    /// Repair what storage or a backup may get wrong: a date that is not a
    /// calendar day becomes the day it was written (UTC: the best a record
    /// without a time zone can say), a prompt this deck does not have is
    /// dropped, an action of a session id that cannot exist is dropped.
    /// Normalizing twice changes nothing more.
    pub fn normalize(&mut self) {
        self.created_ms = self.created_ms.max(0);
        self.updated_ms = self.updated_ms.max(self.created_ms);
        if !is_iso_date(&self.date) {
            self.date = utc_date(self.created_ms);
        }
        self.prompt = self.prompt.filter(|&p| p < JOURNAL_PROMPTS);
        self.action = self.action.take().filter(|a| is_valid_id(&a.session));
    }

    /// Does the entry contain every word of `query` (in any of its texts or
    /// its date), ignoring case? An empty query matches everything.
    pub fn matches(&self, query: &str) -> bool {
        let text = [
            self.date.as_str(),
            &self.tried,
            &self.went,
            &self.learned,
            &self.prompt_answer,
        ]
        .join("\n")
        .to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|word| text.contains(word))
    }
}

/// See [`JournalEntry::matches`].
pub fn matches(entry: &JournalEntry, query: &str) -> bool {
    entry.matches(query)
}

/// Newest first: by date, then by when it was written (then by id, so the
/// order never depends on the order entries were loaded in).
pub fn sort_newest_first(entries: &mut [JournalEntry]) {
    entries.sort_by(newest_first);
}

fn newest_first(a: &JournalEntry, b: &JournalEntry) -> std::cmp::Ordering {
    (&b.date, b.created_ms, &b.id).cmp(&(&a.date, a.created_ms, &a.id))
}

/// The entries about one action item, in the order given.
pub fn entries_for_action<'a>(
    entries: &'a [JournalEntry],
    action: &ActionRef,
) -> Vec<&'a JournalEntry> {
    entries
        .iter()
        .filter(|e| e.action.as_ref() == Some(action))
        .collect()
}

/// The entries written at or after `since_ms` (the previous session, for
/// the next one's follow-up), newest first. Blank entries are left out.
pub fn entries_since(entries: &[JournalEntry], since_ms: i64) -> Vec<&JournalEntry> {
    let mut found: Vec<&JournalEntry> = entries
        .iter()
        .filter(|e| e.created_ms >= since_ms && !e.is_blank())
        .collect();
    found.sort_by(|a, b| newest_first(a, b));
    found
}

/// The prompt for a new entry: the one after the prompt of the most
/// recently written entry that had one, so the deck rotates and the last
/// prompt never comes twice in a row. Without any, the count of entries
/// picks the place in the deck.
pub fn prompt_for(entries: &[JournalEntry]) -> u8 {
    let last = entries
        .iter()
        .filter(|e| e.prompt.is_some())
        .max_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)))
        .and_then(|e| e.prompt);
    match last {
        Some(p) => next_prompt(p),
        None => (entries.len() % JOURNAL_PROMPTS as usize) as u8,
    }
}

/// The prompt after `prompt` ("another prompt"), never `prompt` itself.
pub fn next_prompt(prompt: u8) -> u8 {
    (prompt % JOURNAL_PROMPTS + 1) % JOURNAL_PROMPTS
}

const DAY_MS: i64 = 86_400_000;

/// The calendar day (UTC) of a time, as `YYYY-MM-DD`.
pub fn utc_date(ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(DAY_MS));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, created: i64, date: &str) -> JournalEntry {
        JournalEntry {
            id: id.into(),
            created_ms: created,
            updated_ms: created,
            date: date.into(),
            tried: format!("tried {id}"),
            ..JournalEntry::default()
        }
    }

    #[test]
    fn utc_dates() {
        assert_eq!(utc_date(0), "1970-01-01");
        // The reference session: 2026-03-10T08:00:00Z.
        assert_eq!(utc_date(1_773_129_600_000), "2026-03-10");
        assert_eq!(utc_date(1_709_164_800_000), "2024-02-29");
        assert_eq!(utc_date(DAY_MS - 1), "1970-01-01");
        assert_eq!(utc_date(-1), "1969-12-31");
        for day in (0..30_000).step_by(7) {
            assert!(is_iso_date(&utc_date(day * DAY_MS)), "{day}");
        }
    }

    #[test]
    fn newest_first_by_date_then_by_time_written() {
        let mut entries = vec![
            entry("a", 5, "2026-03-01"),
            entry("b", 1, "2026-03-12"),
            entry("c", 9, "2026-03-12"),
            entry("d", 7, "2025-12-31"),
        ];
        sort_newest_first(&mut entries);
        let ids: Vec<_> = entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a", "d"]);
    }

    #[test]
    fn entries_of_an_action_and_since_a_time() {
        let agenda = ActionRef {
            session: "s1".into(),
            action: 3,
        };
        let mut a = entry("a", 10, "2026-03-11");
        a.action = Some(agenda.clone());
        let mut b = entry("b", 20, "2026-03-12");
        b.action = Some(ActionRef {
            session: "s1".into(),
            action: 4,
        });
        let mut c = entry("c", 30, "2026-03-13");
        c.action = Some(agenda.clone());
        let mut blank = entry("blank", 40, "2026-03-14");
        blank.tried.clear();
        let entries = vec![a, b, c, blank];
        let ids = |found: Vec<&JournalEntry>| -> Vec<String> {
            found.iter().map(|e| e.id.clone()).collect()
        };
        assert_eq!(ids(entries_for_action(&entries, &agenda)), ["a", "c"]);
        assert_eq!(ids(entries_since(&entries, 20)), ["c", "b"]);
        assert!(entries_since(&entries, 41).is_empty());
    }

    #[test]
    fn prompts_rotate_and_never_repeat_the_last_one() {
        assert_eq!(prompt_for(&[]), 0);
        let mut entries = Vec::new();
        let mut seen = Vec::new();
        for i in 0..(2 * JOURNAL_PROMPTS as i64) {
            let p = prompt_for(&entries);
            assert!(p < JOURNAL_PROMPTS);
            if let Some(last) = seen.last() {
                assert_ne!(p, *last, "the same prompt twice in a row");
            }
            seen.push(p);
            entries.push(JournalEntry::new(
                format!("e{i}"),
                i,
                "2026-03-10".into(),
                p,
            ));
        }
        let first_round: std::collections::BTreeSet<_> =
            seen[..JOURNAL_PROMPTS as usize].iter().collect();
        assert_eq!(
            first_round.len(),
            JOURNAL_PROMPTS as usize,
            "every prompt once"
        );
        // Entries without a prompt still move the deck on.
        let plain = vec![entry("x", 1, "2026-03-10"), entry("y", 2, "2026-03-10")];
        assert_eq!(prompt_for(&plain), 2);
        for p in 0..JOURNAL_PROMPTS {
            assert_ne!(next_prompt(p), p);
            assert!(next_prompt(p) < JOURNAL_PROMPTS);
        }
        assert_eq!(next_prompt(JOURNAL_PROMPTS - 1), 0);
    }

    #[test]
    fn search_covers_every_text_and_ignores_case() {
        let mut e = entry("a", 1, "2026-03-12");
        e.tried = "The silent writing round".into();
        e.went = "Mia spoke first!".into();
        e.learned = "Start before the status updates".into();
        e.prompt_answer = "That it took two minutes".into();
        for query in [
            "",
            "  ",
            "SILENT",
            "mia",
            "status updates",
            "minutes silent",
            "2026-03",
        ] {
            assert!(matches(&e, query), "{query}");
        }
        assert!(!e.matches("agenda"));
        assert!(!e.matches("silent agenda"), "every word must be found");
    }

    #[test]
    fn normalizing_repairs_dates_prompts_and_actions() {
        let mut e = entry("a", 1_773_129_600_000, "");
        e.updated_ms = 5;
        e.prompt = Some(JOURNAL_PROMPTS);
        e.action = Some(ActionRef {
            session: "no spaces allowed".into(),
            action: 1,
        });
        e.normalize();
        assert_eq!(e.date, "2026-03-10");
        assert_eq!(e.updated_ms, e.created_ms);
        assert_eq!((e.prompt, e.action.clone()), (None, None));
        let once = e.clone();
        e.normalize();
        assert_eq!(e, once);
        let mut odd = entry("b", 0, "2026-02-30");
        odd.normalize();
        assert_eq!(odd.date, "1970-01-01");
        let mut kept = entry("c", 0, "2024-02-29");
        kept.prompt = Some(3);
        kept.normalize();
        assert_eq!((kept.date.as_str(), kept.prompt), ("2024-02-29", Some(3)));
    }

    #[test]
    fn records_tolerate_missing_and_unknown_fields() {
        let e: JournalEntry =
            serde_json::from_str(r#"{"id":"a","tried":"x","mood":"added later"}"#).unwrap();
        assert_eq!((e.id.as_str(), e.tried.as_str()), ("a", "x"));
        assert_eq!(e.action, None);
        let mut full = entry("b", 3, "2026-03-12");
        full.action = Some(ActionRef {
            session: "s1".into(),
            action: 2,
        });
        full.prompt = Some(1);
        full.prompt_answer = "this".into();
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(serde_json::from_str::<JournalEntry>(&json).unwrap(), full);
        let bare = serde_json::to_string(&entry("c", 3, "2026-03-12")).unwrap();
        assert!(!bare.contains("action") && !bare.contains("prompt"));
    }

    #[test]
    fn a_new_entry_is_blank_until_something_is_written() {
        let mut e = JournalEntry::new("a".into(), 7, "2026-03-12".into(), 2);
        assert!(e.is_blank());
        assert_eq!(e.prompt, Some(2));
        e.prompt_answer = "something".into();
        assert!(!e.is_blank());
    }
}
