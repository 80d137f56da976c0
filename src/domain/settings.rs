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
}
