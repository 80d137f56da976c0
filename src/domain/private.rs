//! Private notes: each person's own scratchpad per half (a coach's
//! observations, say). They are kept on this device only, in their own
//! record beside the session, so no link or shared file can ever carry them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrivateNotes {
    /// One note per turn of the session (stored as `halves`, the name
    /// records were written with before groups had turns).
    #[serde(rename = "halves")]
    pub turns: Vec<String>,
}

impl PrivateNotes {
    pub fn turn(&self, h: usize) -> &str {
        self.turns.get(h).map(String::as_str).unwrap_or("")
    }

    pub fn set_half(&mut self, h: usize, text: String) {
        if h >= 8 {
            return;
        }
        if self.turns.len() <= h {
            self.turns.resize(h + 1, String::new());
        }
        self.turns[h] = text;
    }

    pub fn is_empty(&self) -> bool {
        self.turns.iter().all(|t| t.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_per_half() {
        let mut notes = PrivateNotes::default();
        assert!(notes.is_empty());
        notes.set_half(1, "She hesitated on option 3".into());
        assert_eq!(notes.turn(0), "");
        assert_eq!(notes.turn(1), "She hesitated on option 3");
        assert!(!notes.is_empty());
        notes.set_half(99, "ignored".into());
        assert_eq!(notes.turns.len(), 2);
    }
}
