//! Texts for components that take a text as a prop: a signal that follows
//! the language on screen.

use leptos::prelude::*;

use crate::i18n::{t, Key};

/// The text for `key`, following the language on screen.
pub fn text_signal(key: Key) -> Signal<String> {
    Signal::derive(move || t(key).to_string())
}
