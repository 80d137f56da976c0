//! The app's routes, carried in the URL fragment (`#/...`).
//!
//! Every fragment is one of three things: a screen of the app (empty, `#/`
//! and unknown-free paths like `#/history`), a shared link to open
//! (`#s1.…`, also as a chat app or mail client mangled it: `#%23s1.…`, a
//! bare `#s1`), or an address that could not be read, which the app says
//! so about. A non-empty fragment never silently opens the home screen.

use crate::domain::share;

/// A screen the address bar can point at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// The setup of a new session.
    NewSession,
    /// A session on this device, by id.
    Session(String),
    /// An exercise done inside a session's half (0 or 1) or a group's turn
    /// (0 to 6), by slug: its run is attached to that half.
    SessionExercise {
        id: String,
        turn: usize,
        slug: String,
    },
    /// Every session on the device, with search, exports and backup.
    History,
    /// The private journal kept between sessions.
    Journal,
    /// A team's rotation of pairs.
    Rotation,
    /// The FeedForward rounds on this device and a new one.
    Rounds,
    /// For trainers: a preset link, the iframe code and a preview.
    Trainers,
    /// A FeedForward round on this device, by number (0 the first).
    Round(usize),
    /// The exercise library.
    Exercises,
    /// One exercise, by slug (unknown slugs are kept, to say so).
    Exercise(String),
    /// A shared link's payload to open (`#s1.…`, `#e1.…`): it starts with
    /// a version tag, a lower-case letter and digits, then a dot; or it
    /// becomes one once cleaned of what chat apps and mail clients add
    /// (`#%23s1.…`, a cut-off `#s1`): the opener says what is wrong with it.
    Open(String),
    /// A fragment that is neither a screen nor a link (kept as it was, to
    /// say that the address could not be read).
    Unreadable(String),
}

/// Does this fragment carry a shared payload rather than a route?
fn is_payload(path: &str) -> bool {
    let tag = path.split('.').next().unwrap_or("");
    path.len() > tag.len()
        && tag.len() >= 2
        && tag.as_bytes()[0].is_ascii_lowercase()
        && tag[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Does this fragment hold a link once cleaned of what a chat app, a mail
/// client or a cut may have done to it: a version tag (a lower-case letter
/// and digits), alone or followed by a dot?
fn is_mangled_payload(fragment: &str) -> bool {
    let cleaned = share::clean(fragment);
    let tag = cleaned.split('.').next().unwrap_or("");
    (2..=6).contains(&tag.len())
        && tag.as_bytes()[0].is_ascii_lowercase()
        && tag[1..].bytes().all(|b| b.is_ascii_digit())
}

impl Route {
    /// Read a fragment (with or without its `#`): empty is home, a screen's
    /// path is that screen, a link (even a mangled one) is [`Route::Open`],
    /// and anything else is [`Route::Unreadable`].
    pub fn parse(hash: &str) -> Route {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if is_payload(fragment) {
            return Route::Open(fragment.to_string());
        }
        match Route::parse_path(fragment) {
            Some(route) => route,
            None if is_mangled_payload(fragment) => Route::Open(fragment.to_string()),
            None => Route::Unreadable(fragment.to_string()),
        }
    }

    /// The screen a path names (`/history`, `history`), if it names one.
    fn parse_path(fragment: &str) -> Option<Route> {
        let path = fragment.strip_prefix('/').unwrap_or(fragment);
        let parts: Vec<&str> = path.split('/').collect();
        Some(match parts[..] {
            [""] => Route::Home,
            ["new"] => Route::NewSession,
            ["exercises"] => Route::Exercises,
            ["history"] => Route::History,
            ["journal"] => Route::Journal,
            ["rotation"] => Route::Rotation,
            ["round"] => Route::Rounds,
            ["trainers"] => Route::Trainers,
            // Written as `to_hash` writes it: no sign, no leading zero.
            ["round", n]
                if !n.starts_with('0')
                    && (1..=4).contains(&n.len())
                    && n.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Route::Round(n.parse::<usize>().ok()? - 1)
            }
            ["exercise", slug] if is_valid_id(slug) => Route::Exercise(slug.to_string()),
            ["session", id] if is_valid_id(id) => Route::Session(id.to_string()),
            ["session", id, "half", turn, "exercise", slug]
                if is_valid_id(id)
                    && is_valid_id(slug)
                    && matches!(turn, "1" | "2" | "3" | "4" | "5" | "6" | "7") =>
            {
                Route::SessionExercise {
                    id: id.to_string(),
                    turn: usize::from(turn.as_bytes()[0] - b'1'),
                    slug: slug.to_string(),
                }
            }
            _ => return None,
        })
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::NewSession => "#/new".to_string(),
            Route::Session(id) => format!("#/session/{id}"),
            Route::SessionExercise { id, turn, slug } => {
                format!("#/session/{id}/half/{}/exercise/{slug}", turn + 1)
            }
            Route::Open(payload) | Route::Unreadable(payload) => format!("#{payload}"),
            Route::Exercises => "#/exercises".to_string(),
            Route::History => "#/history".to_string(),
            Route::Journal => "#/journal".to_string(),
            Route::Rotation => "#/rotation".to_string(),
            Route::Rounds => "#/round".to_string(),
            Route::Trainers => "#/trainers".to_string(),
            Route::Round(n) => format!("#/round/{}", n + 1),
            Route::Exercise(slug) => format!("#/exercise/{slug}"),
        }
    }
}

/// Session ids are short strings of letters, digits, `-` and `_`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for route in [
            Route::Home,
            Route::NewSession,
            Route::Session("k3J9-x_2".into()),
            Route::Open("s1.AbC-_9".into()),
            Route::Exercises,
            Route::History,
            Route::Journal,
            Route::Rotation,
            Route::Rounds,
            Route::Trainers,
            Route::Round(0),
            Route::Round(41),
            Route::Exercise("role-play".into()),
            Route::SessionExercise {
                id: "group".into(),
                turn: 6,
                slug: "feedforward".into(),
            },
            Route::SessionExercise {
                id: "k3J9".into(),
                turn: 1,
                slug: "what-if".into(),
            },
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn only_an_empty_fragment_is_home() {
        for hash in ["", "#", "#/", "/"] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash}");
        }
        assert_eq!(Route::parse("/new"), Route::NewSession);
    }

    #[test]
    fn unknown_or_unsafe_fragments_are_unreadable() {
        for hash in [
            "#/nope",
            "#//",
            "#/session/",
            "#/session/a b",
            "#/session/<script>",
            "#/session/a/b",
            "#/session/a/half/8/exercise/what-if",
            "#/session/a/half/0/exercise/what-if",
            "#/round/0",
            "#/round/01",
            "#/round/x",
            "#/round/1/2",
            "#/session/a/half/1/exercise/<b>",
            "#/session/a/half/1/exercise",
            "#hello",
            "#%2Fnope",
            "#S1.x",
        ] {
            let fragment = hash.trim_start_matches('#').to_string();
            assert_eq!(Route::parse(hash), Route::Unreadable(fragment), "{hash}");
        }
    }

    #[test]
    fn payloads_are_told_from_routes() {
        assert_eq!(Route::parse("#e1.xyz"), Route::Open("e1.xyz".into()));
        assert_eq!(Route::parse("#s12.x"), Route::Open("s12.x".into()));
        // A rotation schedule's link is a payload too.
        assert_eq!(Route::parse("#r1.AbC-_9"), Route::Open("r1.AbC-_9".into()));
        // An emptied link still reaches the opener, which says it is empty.
        assert_eq!(Route::parse("#s1."), Route::Open("s1.".into()));
        // Mangled on the way, or cut off: still a link, for the opener to
        // open or to say what is wrong with it.
        for hash in ["#%23s1.x", "#%2523s1.x", "#s1", "#e2", "#s1.x%22"] {
            let fragment = hash.trim_start_matches('#').to_string();
            assert_eq!(Route::parse(hash), Route::Open(fragment), "{hash}");
        }
        // Not a tag: no digits, upper case, a digit first.
        for hash in ["#s.x", "#S1.x", "#1s.x"] {
            assert!(matches!(Route::parse(hash), Route::Unreadable(_)), "{hash}");
        }
    }
}
