//! Property tests of the ground rules: a removed rule can always be put
//! back as it was, where it was ("Undo" after "Remove ground rule n").

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::agreement::{Agreement, Rule};
use proptest::prelude::*;

fn rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (0u8..4).prop_map(Rule::Builtin),
        ".{0,20}".prop_map(Rule::Custom),
    ]
}

proptest! {
    #[test]
    fn a_removed_rule_is_put_back_where_it_was(
        rules in proptest::collection::vec(rule(), 0..8),
        confirmed in proptest::collection::vec(any::<bool>(), 2..8),
        at in 0usize..10,
    ) {
        let mut a = Agreement { rules: rules.clone(), confirmed, skipped: false };
        match a.remove(at) {
            None => {
                // Nothing there: nothing changes.
                prop_assert!(at >= rules.len());
                prop_assert_eq!(&a.rules, &rules);
            }
            Some(gone) => {
                prop_assert_eq!(&gone, &rules[at]);
                prop_assert_eq!(a.rules.len(), rules.len() - 1);
                // The rules changed: everyone confirms again.
                prop_assert!(a.confirmed.iter().all(|&c| !c));
                a.restore(at, gone);
                prop_assert_eq!(&a.rules, &rules);
                prop_assert!(a.confirmed.iter().all(|&c| !c));
            }
        }
    }

    /// Two removals undone in the reverse order give back the list.
    #[test]
    fn removals_undone_last_first_give_back_the_rules(
        rules in proptest::collection::vec(rule(), 2..8),
        first in 0usize..8,
        second in 0usize..8,
    ) {
        let mut a = Agreement { rules: rules.clone(), ..Agreement::default() };
        let first = first % rules.len();
        let second = second % (rules.len() - 1);
        let one = a.remove(first).expect("a rule");
        let two = a.remove(second).expect("a rule");
        a.restore(second, two);
        a.restore(first, one);
        prop_assert_eq!(a.rules, rules);
    }
}
