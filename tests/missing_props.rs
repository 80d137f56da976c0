//! The address of a session that is not shown says why: set aside (its
//! record could not be read), written by a newer version, or not on this
//! device. Never "not on this device" when its record was set aside.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::store::{aside_key, session_key, why_missing, Missing};
use proptest::prelude::*;

/// What the device may hold of one session.
#[derive(Clone, Copy, Debug)]
enum Held {
    Nothing,
    /// Set aside `n + 1` times (keys `…`, `….1`…).
    Aside(u32),
    Newer,
    /// Unreadable, and could not be moved aside.
    Stuck,
}

fn held() -> impl Strategy<Value = Held> {
    prop_oneof![
        Just(Held::Nothing),
        (0u32..4).prop_map(Held::Aside),
        Just(Held::Newer),
        Just(Held::Stuck),
    ]
}

fn records(id: &str, held: Held) -> Vec<(String, String)> {
    match held {
        Held::Nothing => vec![],
        Held::Aside(n) => (0..=n)
            .map(|i| (aside_key(&session_key(id), i), "{broken".to_string()))
            .collect(),
        Held::Newer => vec![(
            session_key(id),
            format!(r#"{{"v":99,"data":{{"id":"{id}"}}}}"#),
        )],
        Held::Stuck => vec![(session_key(id), "{broken".to_string())],
    }
}

fn expected(held: Held) -> Missing {
    match held {
        Held::Nothing => Missing::NotHere,
        Held::Aside(_) | Held::Stuck => Missing::SetAside,
        Held::Newer => Missing::Newer,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever the device holds of this session and of any other (ids
    /// that share a beginning included), the reason is this session's own.
    #[test]
    fn a_missing_session_says_why(
        id in "[A-Za-z0-9_-]{1,12}",
        other in "[A-Za-z0-9_-]{1,12}",
        mine in held(),
        theirs in held(),
        longer in held(),
        junk in prop::collection::vec(("peer-coach\\.[a-z.]{0,20}", "\\PC{0,8}"), 0..4),
    ) {
        prop_assume!(other != id);
        let longer_id = format!("{id}x");
        let mut all = records(&id, mine);
        all.extend(records(&other, theirs));
        all.extend(records(&longer_id, longer));
        all.extend(junk.into_iter().filter(|(k, _)| !k.contains("session")));
        let pairs = all.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        prop_assert_eq!(why_missing(pairs, &id), expected(mine));
    }
}
