//! The app's routes, carried in the URL fragment (`#/...`).

/// A screen the address bar can point at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// The setup of a new session.
    NewSession,
    /// A session on this device, by id.
    Session(String),
}

impl Route {
    /// Read a fragment (with or without its `#`). Anything unknown is home.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("new"), None, None) => Route::NewSession,
            (Some("session"), Some(id), None) if is_valid_id(id) => Route::Session(id.to_string()),
            _ => Route::Home,
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::NewSession => "#/new".to_string(),
            Route::Session(id) => format!("#/session/{id}"),
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
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn unknown_or_unsafe_fragments_go_home() {
        for hash in [
            "",
            "#",
            "#/nope",
            "#/session/",
            "#/session/a b",
            "#/session/<script>",
            "#/session/a/b",
        ] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash}");
        }
        assert_eq!(Route::parse("/new"), Route::NewSession);
    }
}
