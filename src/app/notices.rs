//! Plain-spoken notices about storage and the languages' texts, each
//! shown once until dismissed.

use leptos::prelude::*;

use crate::i18n::Key;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Notice {
    /// Storage is unavailable: nothing will be kept after closing.
    Unavailable,
    /// The trainers' preview: it starts empty and keeps nothing.
    Preview,
    /// Storage is full: changes live only in this page.
    Full,
    /// Unreadable data was set aside.
    Corrupt,
    /// Data from a newer version was left alone.
    Newer,
    /// Another tab changed a session: this tab shows the latest version.
    OtherTab,
    /// The same field was changed in this tab and another at once: both
    /// changes were kept, joined (`merge::registers`).
    OtherTabConflict,
    /// Another tab changed the journal: this tab shows the latest version.
    OtherTabJournal,
    /// The texts of the language asked for could not be fetched: the app
    /// speaks the one it spoke (English at start).
    LanguageUnavailable,
}

impl Notice {
    pub fn text(self) -> Key {
        match self {
            Notice::Unavailable => Key::StorageUnavailable,
            Notice::Preview => Key::StoragePreview,
            Notice::Full => Key::StorageFull,
            Notice::Corrupt => Key::StorageCorrupt,
            Notice::Newer => Key::StorageNewer,
            Notice::OtherTab => Key::StorageOtherTab,
            Notice::OtherTabConflict => Key::StorageOtherTabConflict,
            Notice::OtherTabJournal => Key::StorageOtherTabJournal,
            Notice::LanguageUnavailable => Key::LanguageUnavailable,
        }
    }
}

/// The notices on show, and which were already shown once.
#[derive(Clone, Copy)]
pub struct Notices {
    shown: RwSignal<Vec<Notice>>,
    given: StoredValue<Vec<Notice>>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            shown: RwSignal::new(Vec::new()),
            given: StoredValue::new(Vec::new()),
        }
    }

    /// Show a notice, unless it was already given in this page's life.
    pub fn raise(&self, notice: Notice) {
        if self.given.with_value(|g| g.contains(&notice)) {
            return;
        }
        self.given.update_value(|g| g.push(notice));
        self.shown.update(|s| s.push(notice));
    }

    /// Storage works again: a later "full" may be told again.
    pub fn clear_full(&self) {
        if self.given.with_value(|g| g.contains(&Notice::Full)) {
            self.given
                .update_value(|g| g.retain(|n| *n != Notice::Full));
            self.shown.update(|s| s.retain(|n| *n != Notice::Full));
        }
    }

    /// Show a notice again, even if it was given before: a new failure.
    pub fn raise_again(&self, notice: Notice) {
        self.given.update_value(|g| g.retain(|n| *n != notice));
        self.shown.update(|s| s.retain(|n| *n != notice));
        self.raise(notice);
    }

    pub fn dismiss(&self, notice: Notice) {
        self.shown.update(|s| s.retain(|n| *n != notice));
    }

    pub fn shown(&self) -> Vec<Notice> {
        self.shown.get()
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}
