//! Copying to the clipboard. Blocked in many iframes and some browsers: the
//! caller then shows the text selected with "press Ctrl+C" instead.

use wasm_bindgen_futures::JsFuture;

/// Copy `text`; `false` when the browser refused.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // `navigator.clipboard` is undefined in insecure contexts.
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
