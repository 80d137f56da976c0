//! The sessions on the device as a history: one line per session, newest
//! first, and a search through everything the pair wrote.

use crate::domain::flow::Format;
use crate::domain::session::{CopySource, Session};

/// Which of two versions of one session a row is, when the device keeps
/// both (a link's version kept separately, a backup restored beside an
/// edited session).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Version {
    /// The only version here.
    Only,
    /// This device's own version, with copies beside it.
    Original,
    /// A copy, from a link or a backup, of the version made then.
    Copy { source: CopySource, version_ms: i64 },
}

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
    pub version: Version,
}

impl HistoryRow {
    /// The row of `s`, among `all` the sessions on the device (to tell an
    /// original from its copies).
    pub fn of(s: &Session, all: &[Session]) -> HistoryRow {
        let (done, actions) = s.actions_done();
        let version = match &s.copy_of {
            Some(c) => Version::Copy {
                source: c.source,
                version_ms: c.version_ms,
            },
            None if all
                .iter()
                .any(|o| o.copy_of.as_ref().is_some_and(|c| c.session == s.id)) =>
            {
                Version::Original
            }
            None => Version::Only,
        };
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
            version,
        }
    }
}

/// Does the session hold every word of `query` (ignoring case)? An empty
/// query matches every session.
pub fn matches(s: &Session, query: &str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    // Every text of the session (`session::each_text`: every field a
    // person writes, the check-in and exercise answers included).
    let mut all = String::new();
    crate::domain::session::each_text(s, &mut |_, _, text| {
        all.push_str(&text.to_lowercase());
        all.push('\n');
    });
    words.iter().all(|w| all.contains(w.as_str()))
}

/// The rows of the sessions matching `query`, newest first.
pub fn search(sessions: &[Session], query: &str) -> Vec<HistoryRow> {
    let mut rows: Vec<HistoryRow> = sessions
        .iter()
        .filter(|s| matches(s, query))
        .map(|s| HistoryRow::of(s, sessions))
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
        let id = s.turns[0].actions[0].id;
        s.edit_action(0, id, |a| a.status = ActionStatus::Done);
        let row = HistoryRow::of(&s, &[]);
        assert_eq!(row.topics.len(), 2);
        assert!(row.topics[0]
            .1
            .starts_with("Running our weekly team meeting"));
        let group = HistoryRow::of(&crate::domain::fixtures::reference_group_session(), &[]);
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

#[cfg(test)]
mod every_text {
    use super::*;
    use crate::domain::session::{full_session, texts};

    /// Every text a session can hold (the list comes from the model) is
    /// found by History's search.
    #[test]
    fn every_text_of_a_session_is_found() {
        let s = full_session();
        let other = Session::new("other".into(), 0, &Default::default());
        let all = [s.clone(), other];
        for (path, _, text) in texts(&s) {
            let found = search(&all, text);
            assert_eq!(found.len(), 1, "{path}: {text}");
            assert_eq!(found[0].id, s.id);
        }
    }
}
