//! The app inside an iframe: it tells the page around it its height (so the
//! iframe can grow with it) and a few events a course may use. Every
//! message is `{ type, … }` with no text a person wrote:
//!
//! - `{ type: "peer-coach:height", height }`: the content's own height in
//!   CSS pixels (less than the frame when the content got shorter), on load
//!   and after every change;
//! - `{ type: "peer-coach:event", event: "exercise-completed", exercise }`
//!   (the exercise's slug, e.g. `"role-play"`);
//! - `{ type: "peer-coach:event", event: "session-completed", format }`
//!   (`"reciprocal"`, `"one-way"` or `"group"`).
//!
//! Messages go to the parent only when there is one, to any origin: they
//! carry nothing private.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Is the page inside a frame?
pub fn is_framed() -> bool {
    web_sys::window()
        .and_then(|w| {
            let parent = w.parent().ok().flatten()?;
            Some(!js_sys::Object::is(&parent, &w))
        })
        .unwrap_or(false)
}

fn post(fields: &[(&str, JsValue)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    let _ = parent.post_message(&message, "*");
}

thread_local! {
    /// The events already told in this page, so a view drawn again (a
    /// change of language, a step back and forth) does not tell them twice.
    static TOLD: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// [`event`], at most once per page for the same `key`.
pub fn event_once(key: &str, event_name: &str, field: &str, value: &str) {
    if TOLD.with(|told| told.borrow_mut().insert(key.to_string())) {
        event(event_name, field, value);
    }
}

/// Tell the parent an event (no user text: names and slugs only).
pub fn event(event: &str, key: &str, value: &str) {
    post(&[
        ("type", "peer-coach:event".into()),
        ("event", event.into()),
        (key, value.into()),
    ]);
}

/// The content's own height: the height of `<body>` and what overflows it.
/// Not the document's scroll height, which is never less than the frame
/// itself: a frame sized from it could grow but never shrink. In embed
/// mode the stylesheet makes `<body>` hold its children's margins
/// (`display: flow-root`) and gives `<html>` and `<body>` no height of
/// their own, so the body's box is exactly what is drawn.
fn content_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .map_or(0.0, |b| f64::from(b.scroll_height()))
}

/// Embed mode: the compact layout (`<html class="embed">`), and the
/// content's height told to the parent now and after every change.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("embed");
    }
    let last = std::rc::Rc::new(std::cell::Cell::new(-1.0));
    let report = move || {
        let height = content_height().ceil();
        // Nothing is drawn yet at 0: a frame told 0 would collapse for a moment.
        if height > 0.0 && height != last.get() {
            last.set(height);
            post(&[
                ("type", "peer-coach:height".into()),
                ("height", height.into()),
            ]);
        }
    };
    report();
    let on_resize = Closure::<dyn FnMut()>::new(report);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document.body(),
    ) {
        observer.observe(&body);
        if let Some(root) = document.document_element() {
            observer.observe(&root);
        }
    }
    // The page lives as long as the observer: keep its callback.
    on_resize.forget();
}
