//! Saving a text file to the user's downloads, and reading a picked or
//! dropped file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offer `text` as a plain-text file download named `name`; `false` if
/// refused.
pub fn download(name: &str, text: &str) -> bool {
    download_as(name, "text/plain;charset=utf-8", text)
}

/// Offer `text` as a file download of media type `mime` (`text/calendar`,
/// `text/markdown`, `application/json`).
pub fn download_as(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return false;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Some browsers start the download after the click returns: free the
    // file a while later, not at once.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    true
}

/// The text of a file, if it can be read (and is not absurdly large).
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    read_text_up_to(file, 1_048_576.0).await
}

/// The text of a file of at most `max_bytes` (a backup of a long history
/// takes a few megabytes).
pub async fn read_text_up_to(file: &web_sys::File, max_bytes: f64) -> Option<String> {
    if file.size() > max_bytes {
        return None;
    }
    JsFuture::from(file.text()).await.ok()?.as_string()
}
