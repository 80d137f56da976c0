//! The message catalogue: every text the user sees, keyed by id. English
//! only for now; a language is one more module with the same shape, and the
//! compiler checks that it has every key (an exhaustive `match`) and every
//! card (fixed-size arrays).

mod en;
mod exercises;
mod journal;
mod key;
mod markdown;

pub use exercises::{
    deck, exercise_matches, exercise_name, exercise_texts, helps_label, ExerciseTexts,
};
pub use journal::journal_prompt;
pub use key::Key;
pub use markdown::{round_markdown, session_markdown};

use crate::domain::deck::DECK_SIZE;
use crate::domain::flow::Phase;

/// Everything a language provides.
pub struct Catalogue {
    pub text: fn(Key) -> &'static str,
    /// Question cards for the coach, per phase (Goal, Reality, Options, Will).
    pub questions: [[&'static str; DECK_SIZE]; 4],
    /// The built-in ground rules, by number.
    pub rules: [&'static str; crate::domain::agreement::BUILTIN_RULES as usize],
    pub phase_names: [&'static str; 4],
    /// What each phase is about, in a few words.
    pub phase_purposes: [&'static str; 4],
    /// A one-line inquiry reminder for the coach, per phase.
    pub coach_reminders: [&'static str; 4],
    /// A one-line hint for the client, per phase.
    pub client_hints: [&'static str; 4],
}

/// The catalogue in use.
pub fn catalogue() -> &'static Catalogue {
    &en::CATALOGUE
}

/// The text for `key`.
pub fn t(key: Key) -> &'static str {
    (catalogue().text)(key)
}

/// The text for `key` with `{name}` placeholders filled in. Values are
/// inserted as text; nothing here is ever HTML.
pub fn tf(key: Key, args: &[(&str, &str)]) -> String {
    fill(t(key), args)
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn phase_name(phase: Phase) -> &'static str {
    catalogue().phase_names[phase.index()]
}

pub fn question(phase: Phase, card: u8) -> &'static str {
    catalogue().questions[phase.index()][(card as usize).min(DECK_SIZE - 1)]
}

/// A built-in ground rule's text ("" for a number this build does not know).
pub fn rule(n: u8) -> &'static str {
    catalogue().rules.get(n as usize).copied().unwrap_or("")
}

/// A person's name as shown: the first name given, or "Person A/B".
/// The word for what became of an action.
pub fn status_name(status: crate::domain::session::ActionStatus) -> &'static str {
    use crate::domain::session::ActionStatus;
    t(match status {
        ActionStatus::Open => Key::StatusOpen,
        ActionStatus::InProgress => Key::StatusInProgress,
        ActionStatus::Done => Key::StatusDone,
        ActionStatus::Dropped => Key::StatusDropped,
    })
}

/// A count in words: `one` for exactly one, else `other` with `{n}`.
pub fn count(n: usize, one: Key, other: Key) -> String {
    if n == 1 {
        t(one).to_string()
    } else {
        tf(other, &[("n", &n.to_string())])
    }
}

/// The pair as shown: "Amara & Jonas"; a group: "Amara, Jonas & Mia".
pub fn pair(names: &[String]) -> String {
    let all: Vec<String> = (0..names.len().max(2) as u8)
        .map(|who| person(names, who))
        .collect();
    list(&all)
}

/// Names as a list: "A & B", "A, B & C".
pub fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} & {last}", rest.join(", ")),
    }
}

/// A person's first name, or "Person A", "Person B"… when none was given.
pub fn person(names: &[String], who: u8) -> String {
    let name = names.get(usize::from(who)).map_or("", |n| n.trim());
    if !name.is_empty() {
        return name.to_string();
    }
    match who {
        0 => t(Key::PersonA).to_string(),
        1 => t(Key::PersonB).to_string(),
        n => {
            let letter = char::from(b'A' + n.min(25));
            tf(Key::PersonLetter, &[("letter", &letter.to_string())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_as_text() {
        assert_eq!(
            fill(
                "{coach} coaches {client}",
                &[("coach", "Jonas"), ("client", "<b>")]
            ),
            "Jonas coaches <b>"
        );
        assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[("a", "b")]), "");
    }

    #[test]
    fn every_text_is_written() {
        for key in Key::ALL {
            assert!(!t(*key).trim().is_empty(), "{key:?} is empty");
        }
        let c = catalogue();
        for deck in &c.questions {
            for q in deck {
                assert!(q.ends_with('?'), "a card should be a question: {q}");
            }
            let mut unique: Vec<_> = deck.to_vec();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), DECK_SIZE, "no card twice in a deck");
        }
        for text in c
            .rules
            .iter()
            .chain(&c.phase_names)
            .chain(&c.coach_reminders)
            .chain(&c.client_hints)
        {
            assert!(!text.trim().is_empty());
        }
    }

    #[test]
    fn names_default_to_person_a_and_b() {
        let names = [" ".to_string(), "Jonas".to_string()];
        assert_eq!(person(&names, 0), "Person A");
        assert_eq!(person(&names, 1), "Jonas");
        assert_eq!(person(&names, 4), "Person E");
        let group: Vec<String> = ["Amara", "", "Mia"].map(String::from).to_vec();
        assert_eq!(pair(&group), "Amara, Person B & Mia");
        assert_eq!(pair(&names), "Person A & Jonas");
    }
}
