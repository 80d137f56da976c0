//! Every address the app is opened at is one of three things: a screen, a
//! link to open, or an address that could not be read (and the app says
//! so). A non-empty fragment never silently opens the home screen, and a
//! fragment that holds a readable link is always opened as one.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::fixtures::reference_session;
use peer_coach::domain::rotation;
use peer_coach::domain::route::Route;
use peer_coach::domain::share::{self, encode_session};
use proptest::prelude::*;

/// Home only for an empty fragment; what is not a screen is kept whole.
fn check(fragment: &str) -> Result<(), TestCaseError> {
    let route = Route::parse(&format!("#{fragment}"));
    prop_assert_eq!(
        route == Route::Home,
        fragment.is_empty() || fragment == "/",
        "{:?} is {:?}",
        fragment,
        route
    );
    match &route {
        Route::Open(p) | Route::Unreadable(p) => prop_assert_eq!(p, fragment),
        other => prop_assert_eq!(Route::parse(&other.to_hash()), other.clone()),
    }
    // What the address bar is given back is read the same way.
    prop_assert_eq!(Route::parse(&route.to_hash()), route.clone());
    // A link that opens is never called unreadable.
    let readable = share::decode(fragment).is_ok() || rotation::link::decode(fragment).is_ok();
    if readable {
        prop_assert!(
            matches!(route, Route::Open(_)),
            "{:?} is {:?}",
            fragment,
            route
        );
    }
    Ok(())
}

/// Every fragment of up to four characters from an alphabet of the
/// characters that matter (route and tag characters, `%`-escapes, a dot),
/// exhaustively.
#[test]
fn every_short_fragment_is_a_screen_a_link_or_unreadable() {
    let alphabet: Vec<char> = "/#.%23s1eabx ".chars().collect();
    let mut fragments = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..4 {
        let next: Vec<String> = last
            .iter()
            .flat_map(|f| alphabet.iter().map(move |c| format!("{f}{c}")))
            .collect();
        fragments.extend(next.iter().cloned());
        last = next;
    }
    assert!(fragments.len() > 30_000);
    for fragment in &fragments {
        check(fragment).unwrap_or_else(|e| panic!("{fragment:?}: {e}"));
    }
}

/// How a link's fragment reaches the app after a chat app, a mail client
/// or a cut had it.
fn mangled() -> impl Strategy<Value = (String, bool)> {
    let link = encode_session(&reference_session());
    let schedule = std::fs::read_to_string(format!(
        "{}/tests/golden/r1.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the golden schedule link")
    .trim()
    .to_string();
    (
        prop::sample::select(vec![link, schedule]),
        0usize..6,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(link, how, at)| match how {
            // Intact: opens.
            0 => (link, true),
            // `#` written as `%23` (once or twice) before it: opens.
            1 => (format!("%23{link}"), true),
            2 => (format!("%2523{link}"), true),
            // In quotes, or with a full stop from the sentence: opens.
            3 => (format!("\"{link}\"."), true),
            // Cut anywhere after its tag: a link that says it is cut.
            4 => {
                let cut = 2 + at.index(link.len() - 2);
                (link[..cut].to_string(), false)
            }
            // The tag alone, without its dot.
            _ => (link[..2].to_string(), false),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any text at all in the fragment.
    #[test]
    fn any_fragment_is_a_screen_a_link_or_unreadable(fragment in "\\PC{0,40}") {
        check(&fragment)?;
    }

    /// Text that looks like a route.
    #[test]
    fn any_route_like_fragment_is_classified(
        fragment in "/?(session|round|exercise|history|new|x)(/[a-z0-9%<> _-]{0,6}){0,5}",
    ) {
        check(&fragment)?;
    }

    /// A real link, however mangled, reaches the opener (which opens it or
    /// says what is wrong), never the home screen.
    #[test]
    fn a_mangled_link_is_opened_as_a_link((fragment, opens) in mangled()) {
        check(&fragment)?;
        let route = Route::parse(&format!("#{}", fragment));
        prop_assert!(matches!(route, Route::Open(_)));
        let read = share::decode(&fragment).is_ok() || rotation::link::decode(&fragment).is_ok();
        prop_assert_eq!(read, opens, "{:?}", fragment);
    }
}
