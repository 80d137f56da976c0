//! The agreement the pair makes before the first half: ground rules they can
//! edit, and each person's own confirmation.

use serde::{Deserialize, Serialize};

/// Number of built-in ground rules (their texts are in the catalogue).
pub const BUILTIN_RULES: u8 = 4;

/// A ground rule: one of ours, by number, or the pair's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    #[serde(rename = "b")]
    Builtin(u8),
    #[serde(rename = "t")]
    Custom(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub rules: Vec<Rule>,
    /// Each person's confirmation: A, then B (a group: everyone in order).
    pub confirmed: Vec<bool>,
    /// The pair chose to skip the agreement explicitly.
    pub skipped: bool,
}

impl Default for Agreement {
    fn default() -> Self {
        Agreement {
            rules: (0..BUILTIN_RULES).map(Rule::Builtin).collect(),
            confirmed: vec![false, false],
            skipped: false,
        }
    }
}

impl Agreement {
    pub fn is_settled(&self) -> bool {
        self.skipped || self.confirmed.iter().all(|&c| c)
    }

    /// Both people ticked their box.
    pub fn both_agreed(&self) -> bool {
        self.confirmed.iter().all(|&c| c)
    }

    /// Replace a rule's text with the pair's own words. An emptied built-in
    /// rule becomes an empty custom rule (removing is explicit). Changed
    /// rules need both confirmations again.
    pub fn edit(&mut self, at: usize, text: String) {
        if let Some(rule) = self.rules.get_mut(at) {
            *rule = Rule::Custom(text);
            self.reset_confirmations();
        }
    }

    pub fn add(&mut self) {
        self.rules.push(Rule::Custom(String::new()));
        self.reset_confirmations();
    }

    /// Remove a rule; it is given back, for an undo.
    pub fn remove(&mut self, at: usize) -> Option<Rule> {
        (at < self.rules.len()).then(|| {
            self.reset_confirmations();
            self.rules.remove(at)
        })
    }

    /// Put a removed rule back where it was (at the end if the list has
    /// grown shorter since).
    pub fn restore(&mut self, at: usize, rule: Rule) {
        self.rules.insert(at.min(self.rules.len()), rule);
        self.reset_confirmations();
    }

    /// Changing the rules after someone confirmed means they confirmed
    /// something else: ask again.
    pub fn reset_confirmations(&mut self) {
        self.confirmed.fill(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_our_four_rules_unconfirmed() {
        let a = Agreement::default();
        assert_eq!(a.rules.len(), 4);
        assert!(!a.is_settled());
    }

    #[test]
    fn settled_by_both_confirming_or_by_skipping() {
        let mut a = Agreement::default();
        a.confirmed[0] = true;
        assert!(!a.is_settled());
        a.confirmed[1] = true;
        assert!(a.is_settled());
        let b = Agreement {
            skipped: true,
            ..Agreement::default()
        };
        assert!(b.is_settled());
    }

    #[test]
    fn edit_add_remove() {
        let mut a = Agreement {
            confirmed: vec![true, true],
            ..Agreement::default()
        };
        a.add();
        assert!(!a.both_agreed(), "changed rules are agreed again");
        a.remove(4);
        a.edit(1, "We start on time".into());
        a.add();
        a.remove(0);
        a.remove(99);
        assert_eq!(
            a.rules,
            vec![
                Rule::Custom("We start on time".into()),
                Rule::Builtin(2),
                Rule::Builtin(3),
                Rule::Custom(String::new()),
            ]
        );
    }

    #[test]
    fn built_in_rules_are_stored_by_number() {
        let json = serde_json::to_string(&Agreement::default().rules).unwrap();
        assert_eq!(json, r#"[{"b":0},{"b":1},{"b":2},{"b":3}]"#);
    }
}
