//! The sessions on the device as a history: one line per session, newest
//! first, and a search through everything the pair wrote.

use crate::domain::flow::Format;
use crate::domain::session::Session;

/// What the history shows of one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRow {
    pub id: String,
    pub created_ms: i64,
    pub names: Vec<String>,
    pub format: Format,
    /// Each half's (or held turn's) client and topic (empty when not
    /// written yet).
    pub topics: Vec<(u8, String)>,
    /// Actions done, of those written down.
    pub done: usize,
    pub actions: usize,
}

impl HistoryRow {
    pub fn of(s: &Session) -> HistoryRow {
        let (done, actions) = s.actions_done();
        HistoryRow {
            id: s.id.clone(),
            created_ms: s.created_ms,
            names: s.names.clone(),
            format: s.format,
            topics: s
                .turns_held()
                .map(|(_, h)| (h.client, h.goal.topic.trim().to_string()))
                .collect(),
            done,
            actions,
        }
    }
}

/// Every text of a session a person may search for: names, goals, reality,
/// options with pros and cons, actions, the follow-up, reflections, the
/// subjects and notes of exercises.
fn texts(s: &Session) -> impl Iterator<Item = &str> {
    let halves = s.halves.iter().flat_map(|h| {
        [
            h.goal.topic.as_str(),
            &h.goal.outcome,
            &h.reality,
            &h.raise_note,
        ]
        .into_iter()
        .chain(h.options.iter().flat_map(|o| {
            std::iter::once(o.text.as_str())
                .chain(o.pros.iter().map(String::as_str))
                .chain(o.cons.iter().map(String::as_str))
        }))
        .chain(
            h.actions
                .iter()
                .flat_map(|a| [a.what.as_str(), &a.first_step, &a.status_note]),
        )
        .chain(h.exercises.iter().flat_map(|r| {
            std::iter::once(r.subject.as_str()).chain(r.notes.iter().map(String::as_str))
        }))
    });
    s.names
        .iter()
        .map(String::as_str)
        .chain(halves)
        .chain(s.follow_up.iter().flat_map(|f| [f.what.as_str(), &f.note]))
        .chain(s.reflections.iter().map(|r| r.sentence.as_str()))
}

/// Does the session hold every word of `query` (ignoring case)? An empty
/// query matches every session.
pub fn matches(s: &Session, query: &str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let all: String = texts(s)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("\n");
    words.iter().all(|w| all.contains(w.as_str()))
}

/// The rows of the sessions matching `query`, newest first.
pub fn search(sessions: &[Session], query: &str) -> Vec<HistoryRow> {
    let mut rows: Vec<HistoryRow> = sessions
        .iter()
        .filter(|s| matches(s, query))
        .map(HistoryRow::of)
        .collect();
    rows.sort_by(|a, b| {
        b.created_ms
            .cmp(&a.created_ms)
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::reference_session;
    use crate::domain::session::{ActionStatus, Setup};

    #[test]
    fn rows_count_done_actions_and_show_each_topic() {
        let mut s = reference_session();
        let id = s.halves[0].actions[0].id;
        s.edit_action(0, id, |a| a.status = ActionStatus::Done);
        let row = HistoryRow::of(&s);
        assert_eq!(row.topics.len(), 2);
        assert!(row.topics[0]
            .1
            .starts_with("Running our weekly team meeting"));
        let group = HistoryRow::of(&crate::domain::fixtures::reference_group_session());
        // Mia's skipped turn is not listed; Lee's is, by Lee's number.
        let clients: Vec<u8> = group.topics.iter().map(|(c, _)| *c).collect();
        assert_eq!(clients, vec![0, 1, 3, 4]);
        assert_eq!((row.done, row.actions), (1, s.actions_done().1));
        assert!(row.actions >= 3);
    }

    #[test]
    fn search_finds_any_written_word_in_any_order_and_case() {
        let s = reference_session();
        let other = Session::new("other".into(), s.created_ms + 1, &Setup::default());
        let all = [s.clone(), other];
        assert_eq!(search(&all, "").len(), 2);
        assert_eq!(search(&all, "")[0].id, "other", "newest first");
        let found = search(&all, "ROUND-ROBIN engineers");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, s.id);
        assert!(
            search(&all, "jonas").iter().any(|r| r.id == s.id),
            "names too"
        );
        assert!(search(&all, "zebra").is_empty());
    }
}
