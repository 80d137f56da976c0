//! The Spanish and Portuguese texts, fetched when first needed. In the
//! release build (the `split` feature) each catalogue is a split point: its
//! part of the wasm is fetched before the app first speaks that language (at
//! start, or when it is chosen) and kept by the service worker. Without the
//! feature every catalogue is always at hand.

use crate::i18n::Lang;
#[cfg(feature = "split")]
use crate::i18n::{self, Catalogue};

#[cfg(feature = "split")]
#[leptos::lazy]
fn spanish() -> &'static Catalogue {
    i18n::spanish()
}

#[cfg(feature = "split")]
#[leptos::lazy]
fn portuguese() -> &'static Catalogue {
    i18n::portuguese()
}

/// Make `lang`'s own texts ready (at once where they are).
pub async fn ready(lang: Lang) {
    #[cfg(feature = "split")]
    if !i18n::is_installed(lang) {
        let catalogue = match lang {
            Lang::Es => spanish().await,
            Lang::Pt => portuguese().await,
            Lang::En => return,
        };
        i18n::install(lang, catalogue);
    }
    #[cfg(not(feature = "split"))]
    let _ = lang;
}
