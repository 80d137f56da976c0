//! The English texts of the app's first part: the frame (header, notices,
//! the update prompt), home and what they use. In the release build (the
//! `split` feature) the rest of English is a part of the wasm of its own,
//! like Spanish and Portuguese (`ui::catalogues`): a first visit downloads
//! only these texts before the app runs, and the rest before any other
//! screen is drawn.
//!
//! Which keys these are is not chosen by hand: the test below reads the
//! first part's sources and holds this list to exactly the keys they name.

use super::Key;

macro_rules! first {
    ($($key:ident),* $(,)?) => {
        /// The keys the first part names.
        #[cfg_attr(not(test), allow(dead_code))]
        pub const KEYS: &[Key] = &[$(Key::$key),*];

        /// The English text of a key of the first part; "" for any other,
        /// whose text comes with the rest of English. Each text is written
        /// here when the app builds, so this function never names the
        /// whole catalogue's.
        #[cfg_attr(not(feature = "split"), allow(dead_code))]
        pub(super) fn english(key: Key) -> &'static str {
            match key {
                $(Key::$key => const { super::en::text(Key::$key) },)*
                _ => "",
            }
        }
    };
}

first! {
    AppName, ContinueSession, Dismiss, Home, HomeAllSessions, HomeExercises, HomeHistory,
    HomeIntro, HomeJournal, HomePrivacy, HomeRotation, HomeTrainers, LanguageLabel,
    LanguageUnavailable, MeetingAt, MeetingInDays, MeetingInHours, MeetingInMinutes,
    MeetingToday, MeetingTomorrow, NextMeetingsTitle, NotFound, NotFoundNewer, NotFoundSetAside,
    OpenButton, OpenDropHint, OpenFileLabel, OpenFileUnreadable, OpenPasteHelp, OpenPasteLabel,
    OpenTitle, PersonA, PersonB, PersonLetter, PresetIgnored, RoundTitle, ScreenLoading,
    ScreenTryAgain, ScreenUnloaded, ScreenUnloadedTitle,
    SessionOn, SessionUntitled, SoundOff, SoundOn, SoundToggleLabel, StartSession,
    StatusDone, StatusDropped, StatusInProgress, StatusOpen, StorageCorrupt, StorageFull,
    StorageNewer, StorageOtherTab, StorageOtherTabConflict, StorageOtherTabJournal,
    StoragePreview, StorageUnavailable, TimeUpAnnounce, UpdateReady, UpdateReload, YourSessions,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The sources of the release build's first part: the app's frame and
    /// home, and what they draw with (`make bench` lists the modules in it).
    /// A screen in a group of `ui::screens` is not here: its texts come
    /// with the rest of English, fetched before it is drawn.
    const FIRST_PART: &[(&str, &str)] = &[
        ("ui/mod.rs", include_str!("../ui/mod.rs")),
        ("ui/app.rs", include_str!("../ui/app.rs")),
        ("ui/header.rs", include_str!("../ui/header.rs")),
        ("ui/home.rs", include_str!("../ui/home.rs")),
        (
            "ui/next_meetings.rs",
            include_str!("../ui/next_meetings.rs"),
        ),
        ("ui/open_box.rs", include_str!("../ui/open_box.rs")),
        ("ui/route_link.rs", include_str!("../ui/route_link.rs")),
        ("ui/notice_bar.rs", include_str!("../ui/notice_bar.rs")),
        (
            "ui/update_prompt.rs",
            include_str!("../ui/update_prompt.rs"),
        ),
        ("ui/announcer.rs", include_str!("../ui/announcer.rs")),
        ("ui/shell.rs", include_str!("../ui/shell.rs")),
        ("ui/screens.rs", include_str!("../ui/screens.rs")),
        ("ui/focus.rs", include_str!("../ui/focus.rs")),
        ("ui/catalogues.rs", include_str!("../ui/catalogues.rs")),
        ("app/mod.rs", include_str!("../app/mod.rs")),
        ("app/notices.rs", include_str!("../app/notices.rs")),
        ("app/router.rs", include_str!("../app/router.rs")),
        ("app/ticker.rs", include_str!("../app/ticker.rs")),
        ("app/current.rs", include_str!("../app/current.rs")),
        ("app/journal.rs", include_str!("../app/journal.rs")),
        ("app/sessions.rs", include_str!("../app/sessions.rs")),
        (
            "app/sessions/deletion.rs",
            include_str!("../app/sessions/deletion.rs"),
        ),
        (
            "app/sessions/live.rs",
            include_str!("../app/sessions/live.rs"),
        ),
        (
            "app/sessions/saving.rs",
            include_str!("../app/sessions/saving.rs"),
        ),
        ("i18n/mod.rs", include_str!("mod.rs")),
    ];
    const TEXTS: &str = include_str!("texts.rs");
    const PLURAL: &str = include_str!("plural.rs");

    /// The code of a source file, without its tests.
    fn code(source: &str) -> &str {
        source.split("#[cfg(test)]").next().unwrap_or(source)
    }

    /// Each `prefix` + identifier in `text`.
    fn named<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
        text.match_indices(prefix)
            .map(|(at, _)| {
                let rest = &text[at + prefix.len()..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                &rest[..end]
            })
            // (`Key::ALL` is every key, not one.)
            .filter(|name| !name.is_empty() && *name != "ALL")
            .collect()
    }

    fn key_named(name: &str) -> Key {
        *Key::ALL
            .iter()
            .find(|key| format!("{key:?}") == name)
            .unwrap_or_else(|| panic!("no key {name}"))
    }

    /// The key of a typed text (`texts::time_up_announce` is
    /// `time_up_announce = TimeUpAnnounce(phase);` in texts.rs).
    fn key_of_text(function: &str) -> Key {
        let line = TEXTS
            .lines()
            .map(str::trim)
            .find(|line| line.starts_with(&format!("{function} = ")))
            .unwrap_or_else(|| panic!("texts::{function} is not declared in texts.rs"));
        let key = &line[function.len() + 3..];
        key_named(&key[..key.find('(').expect("a key and its placeholders")])
    }

    /// The keys of a counted text (`Counted::HISTORY`).
    fn keys_of_count(name: &str) -> Vec<Key> {
        let start = PLURAL
            .find(&format!("const {name}: Counted"))
            .unwrap_or_else(|| panic!("no Counted::{name}"));
        let body = &PLURAL[start..start + PLURAL[start..].find(");").unwrap()];
        named(body, "Key::").into_iter().map(key_named).collect()
    }

    /// Each key the first part names, with the first file naming it.
    fn named_by_first_part() -> BTreeMap<String, &'static str> {
        let mut keys = BTreeMap::new();
        for &(file, source) in FIRST_PART {
            let source = code(source);
            let mut found: Vec<Key> = named(source, "Key::").into_iter().map(key_named).collect();
            found.extend(named(source, "texts::").into_iter().map(key_of_text));
            found.extend(
                named(source, "Counted::")
                    .into_iter()
                    .flat_map(keys_of_count),
            );
            for key in found {
                keys.entry(format!("{key:?}")).or_insert(file);
            }
        }
        keys
    }

    /// A first visit in English never shows a blank where a text of the
    /// first screens belongs while the rest of English is on its way, and
    /// downloads no text it does not show: the list is exactly the keys the
    /// first part's sources name (directly, through a typed text, or
    /// through a counted one).
    #[test]
    fn the_first_part_has_exactly_the_english_texts_it_names() {
        let named = named_by_first_part();
        let listed: BTreeSet<String> = KEYS.iter().map(|key| format!("{key:?}")).collect();
        let missing: Vec<String> = named
            .iter()
            .filter(|(key, _)| !listed.contains(*key))
            .map(|(key, file)| format!("{key} (named in {file})"))
            .collect();
        let unused: Vec<&String> = listed
            .iter()
            .filter(|key| !named.contains_key(*key))
            .collect();
        assert!(
            missing.is_empty() && unused.is_empty(),
            "i18n/first.rs: add {missing:?}, remove {unused:?}"
        );
    }

    #[test]
    fn each_first_text_is_the_english_text_and_every_other_is_empty() {
        for &key in Key::ALL {
            let expected = if KEYS.contains(&key) {
                super::super::en::text(key)
            } else {
                ""
            };
            assert_eq!(english(key), expected, "{key:?}");
        }
        for &key in KEYS {
            assert!(!english(key).is_empty(), "{key:?} has no English text");
        }
    }

    #[test]
    fn the_scan_finds_keys_typed_texts_and_counts() {
        assert_eq!(
            named("t(Key::AppName) + Key::Home,", "Key::"),
            ["AppName", "Home"]
        );
        assert_eq!(key_of_text("time_up_announce"), Key::TimeUpAnnounce);
        assert_eq!(keys_of_count("HISTORY").len(), 3);
        assert_eq!(code("a\n#[cfg(test)]\nmod tests { Key::Home }"), "a\n");
    }
}
