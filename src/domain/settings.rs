//! Preferences kept on this device (not part of any session).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The time-up sound is off.
    pub muted: bool,
    /// The language chosen in the app (`en`, `es`, `pt`); none: the
    /// browser's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Working together across networks: use [`Settings::stun_server`]
    /// (off by default: then only the same network connects, and nothing
    /// is sent to any server).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub use_stun: bool,
    /// The STUN (or TURN) server's address, `stun:host:port`, kept even
    /// while not used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stun_server: Option<String>,
}

impl Settings {
    /// The ICE server to connect with: the chosen one, if it is chosen and
    /// a valid address; else none.
    pub fn ice_server(&self) -> Option<&str> {
        self.stun_server
            .as_deref()
            .filter(|s| self.use_stun && crate::domain::live::invite::is_valid_server(s))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn no_server_by_default() {
        assert_eq!(Settings::default().ice_server(), None);
        assert_eq!(Settings::decode_default_json(), Settings::default());
    }

    impl Settings {
        fn decode_default_json() -> Settings {
            serde_json::from_str("{}").unwrap()
        }
    }

    proptest! {
        /// A server is used exactly when chosen and valid.
        #[test]
        fn a_server_only_when_chosen(use_stun in any::<bool>(), server in prop::option::of("(stun:|turn:|http://)?[a-z0-9. ]{0,20}")) {
            let s = Settings { use_stun, stun_server: server.clone(), ..Settings::default() };
            let valid = server.as_deref().filter(|s| crate::domain::live::invite::is_valid_server(s));
            prop_assert_eq!(s.ice_server(), if use_stun { valid } else { None });
        }
    }
}
