//! Working together live: two browsers connected directly (WebRTC), the
//! codes that connect them (`sdp`, `invite`), and the session kept the
//! same on both (`sync`, with the shared clock in `clock`).

pub mod clock;
pub mod follow;
pub mod invite;
pub mod news;
pub mod sdp;
pub mod sync;

/// The connection a tab had open, kept in the tab's own storage: a reload
/// closes it, and the page comes back saying it was lost.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WasOpen {
    /// The session it was about (its id).
    pub session: String,
    /// The other person's name, if they gave one.
    pub peer: Option<String>,
    /// This side's first name, offered again for a new invitation.
    #[serde(default)]
    pub me: String,
}

impl WasOpen {
    /// As the tab keeps it.
    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What the tab kept; `None` where it cannot be read (nothing then
    /// says a connection was lost).
    pub fn read(raw: &str) -> Option<WasOpen> {
        serde_json::from_str(raw).ok()
    }
}

/// Who the other person is when they gave no name: the session's other
/// name, where it has exactly two people and one of them goes by `me`
/// (compared as written, ignoring case and surrounding spaces). `None`
/// where that cannot be told.
pub fn other_name(names: &[String], me: &str) -> Option<String> {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    let [first, second] = names else {
        return None;
    };
    if me.trim().is_empty()
        || first.trim().is_empty()
        || second.trim().is_empty()
        || same(first, second)
    {
        return None;
    }
    if same(first, me) {
        Some(second.trim().to_string())
    } else if same(second, me) {
        Some(first.trim().to_string())
    } else {
        None
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{other_name, WasOpen};
    use proptest::prelude::*;

    fn same(a: &str, b: &str) -> bool {
        a.trim().to_lowercase() == b.trim().to_lowercase()
    }

    proptest! {
        /// The name said is the session's other person's, never this
        /// side's own: exactly when the session has two different,
        /// non-blank names and one of them is this side's.
        #[test]
        fn the_other_name_is_the_other_person_or_none(
            names in proptest::collection::vec("[ aAbBé]{0,3}", 0..4),
            me in "[ aAbBé]{0,3}",
        ) {
            let found = other_name(&names, &me);
            let telling = names.len() == 2
                && !me.trim().is_empty()
                && names.iter().all(|n| !n.trim().is_empty())
                && !same(&names[0], &names[1])
                && names.iter().any(|n| same(n, &me));
            prop_assert_eq!(found.is_some(), telling, "{:?} {:?}", names, me);
            if let Some(other) = found {
                prop_assert!(!same(&other, &me));
                prop_assert!(names.iter().any(|n| n.trim() == other));
            }
        }
    }

    proptest! {
        /// What a tab keeps of its open connection reads back as it was;
        /// anything else reads as nothing, never as a connection.
        #[test]
        fn an_open_connection_reads_back_and_garbage_reads_as_none(
            session in "[A-Za-z0-9_-]{0,12}",
            peer in proptest::option::of("\\PC{0,12}"),
            me in "\\PC{0,12}",
            garbage in "\\PC{0,40}",
        ) {
            let open = WasOpen { session, peer, me };
            prop_assert_eq!(WasOpen::read(&open.write()), Some(open));
            if !garbage.trim_start().starts_with('{') {
                prop_assert_eq!(WasOpen::read(&garbage), None);
            }
        }
    }

    #[test]
    fn each_side_names_the_other() {
        let names = ["Amara".to_string(), "Jonas".to_string()];
        assert_eq!(other_name(&names, " amara").as_deref(), Some("Jonas"));
        assert_eq!(other_name(&names, "Jonas").as_deref(), Some("Amara"));
        assert_eq!(other_name(&names, "Sam"), None);
        assert_eq!(other_name(&names, ""), None);
    }
}
