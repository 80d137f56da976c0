//! A new version of the app, as the service worker reports it (see
//! `scripts/post-build.mjs`): the boot script sets
//! `window.peerCoachUpdateReady`, fires `peer-coach-update-ready`, and
//! offers `window.peerCoachUpdate()`, which lets the new version take over
//! and reloads the page once it has.

use wasm_bindgen::JsCast;

const READY_FLAG: &str = "peerCoachUpdateReady";
const APPLY: &str = "peerCoachUpdate";
/// The event the boot script fires when a new version waits.
pub const READY_EVENT: &str = "peer-coach-update-ready";

fn window_value(name: &str) -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &name.into()).ok()
}

/// Is a new version installed and waiting?
pub fn is_ready() -> bool {
    window_value(READY_FLAG).is_some_and(|v| v.is_truthy())
}

/// Let the waiting version take over; the page reloads when it has.
/// `false` when there is nothing to apply.
pub fn apply() -> bool {
    match window_value(APPLY).and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(f) => f.call0(&wasm_bindgen::JsValue::NULL).is_ok(),
        None => false,
    }
}
