//! The texts, fetched when first needed. In the release build (the `split`
//! feature) each catalogue is a split point: its part of the wasm is
//! fetched before the app first speaks that language (at start, or when it
//! is chosen) and kept by the service worker. English is one too, but the
//! app starts with the first part's English texts (`i18n::first`): the
//! rest is fetched before any other screen is drawn (fetched and
//! instantiated at start, it made a long task of about 25 ms right after
//! the first screen here; the service worker has it by then anyway).
//! Without the feature every catalogue is always at hand.

use crate::i18n::Lang;
#[cfg(feature = "split")]
use crate::i18n::{self, Catalogue};

#[cfg(feature = "split")]
use leptos::wasm_split::SplitLoaderError;

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    catalogue_en,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn english() -> Result<&'static Catalogue, SplitLoaderError> {
    Ok(i18n::english())
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    catalogue_es,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn spanish() -> Result<&'static Catalogue, SplitLoaderError> {
    Ok(i18n::spanish())
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    catalogue_pt,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn portuguese() -> Result<&'static Catalogue, SplitLoaderError> {
    Ok(i18n::portuguese())
}

/// Make `lang`'s own texts ready (at once where they are). False where
/// they could not be fetched (the network failed before the service worker
/// had them): the texts stay English until a later try.
pub async fn ready(lang: Lang) -> bool {
    #[cfg(feature = "split")]
    if !i18n::is_installed(lang) {
        let fetched = match lang {
            Lang::Es => spanish().await,
            Lang::Pt => portuguese().await,
            Lang::En => english().await,
        };
        let Ok(catalogue) = fetched else {
            return false;
        };
        i18n::install(lang, catalogue);
    }
    #[cfg(not(feature = "split"))]
    let _ = lang;
    true
}

/// Make every text a screen of `ui::screens` may show ready: the language
/// in use, and all of English where that is the language (or stands in
/// for one whose texts could not be fetched). False where they could not
/// be fetched: the screen says so, with "Try again".
#[cfg(feature = "split")]
pub async fn ready_for_screens() -> bool {
    // Untracked: the screen that waits for this is not drawn again when
    // the language changes (its texts follow it).
    let lang = leptos::prelude::untrack(i18n::lang);
    if i18n::is_installed(lang) {
        return true;
    }
    ready(lang).await || (lang != Lang::En && ready(Lang::En).await)
}
