//! Reflection prompts of the journal (`domain::journal`): questions that
//! invite a look back without telling anyone what to think. The deck's
//! length is checked by the compiler.

use crate::domain::journal::JOURNAL_PROMPTS;

pub static JOURNAL_PROMPT_TEXTS: [&str; JOURNAL_PROMPTS as usize] = [
    "What surprised you when you tried it?",
    "What did you notice in yourself while it was happening?",
    "What would you keep, and what would you change next time?",
    "Who else was part of it, and how did they respond?",
    "What made it easier or harder than you expected?",
    "What do you know now that you did not know before?",
    "If you tried it again tomorrow, what would be your first step?",
    "What are you glad you did, however small?",
    "What question is still open for you?",
    "What would you like to bring to your next session?",
];

/// The text of reflection prompt `n` ("" for a number this build does not
/// know, e.g. from a newer version's record).
pub fn journal_prompt(n: u8) -> &'static str {
    let texts = match super::lang() {
        super::Lang::En => &JOURNAL_PROMPT_TEXTS,
        super::Lang::Es => &super::es::JOURNAL_PROMPT_TEXTS,
        super::Lang::Pt => &super::pt::JOURNAL_PROMPT_TEXTS,
    };
    texts.get(n as usize).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prompt_is_a_distinct_question() {
        let mut seen = std::collections::BTreeSet::new();
        for n in 0..JOURNAL_PROMPTS {
            let text = journal_prompt(n);
            assert!(!text.trim().is_empty(), "prompt {n} is blank");
            assert!(text.ends_with('?'), "prompt {n} should ask: {text}");
            assert!(seen.insert(text.to_lowercase()), "prompt {n} repeats");
        }
        assert!(seen.len() >= 8);
        assert_eq!(journal_prompt(JOURNAL_PROMPTS), "");
    }
}
