//! The first screen `index.html` paints before the app runs: the home
//! screen's header, title and main buttons (`[data-shell]`, the same
//! elements and classes as [`Header`](super::header) and
//! [`Home`](super::home) draw; `public/shell.js` sets their language).
//! The app takes its place in the same frame it renders: the focused
//! control and the scroll position stay, and a language or a sound setting
//! chosen on it before the app ran is the app's.

use wasm_bindgen::JsCast;

const SHELL: &str = "[data-shell]";
/// What `public/shell.js` writes on `<html>` for a choice made on the shell.
const CHOSEN_LANG: &str = "data-shell-lang";
/// The same choice, kept in the tab (`sessionStorage`) until the app has
/// taken it: a reload before the app ran keeps it (public/shell.js).
const CHOSEN_LANG_KEY: &str = "peer-coach.shell-lang";
const CHOSEN_MUTED: &str = "data-shell-muted";
/// What `public/shell.js` writes on `<html>` when a tap on the shell opened
/// another screen.
const WENT: &str = "data-shell-went";
/// What `public/shell.js` and the stylesheet put on `<html>` for the shell.
const CLASSES: [&str; 3] = ["shell-wait", "shell-away", "shell-bare"];
/// Controls that can hold focus.
const FOCUSABLE: &str = "a[href], button, select, input, textarea, [tabindex]";

/// What the shell was showing just before the app mounts.
pub struct Before {
    /// The focused control of the shell: its tag and name.
    focus: Option<(String, String)>,
    scroll: (f64, f64),
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// How a control is found again in the app: its id, else its text.
fn name(el: &web_sys::Element) -> String {
    let id = el.id();
    if !id.is_empty() {
        return format!("#{id}");
    }
    let text = el.text_content().unwrap_or_default();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Read the shell's state; call it just before the app mounts.
pub fn before_mount() -> Before {
    let focus = document()
        .and_then(|d| d.active_element())
        .filter(|el| el.closest(SHELL).ok().flatten().is_some())
        .map(|el| (el.tag_name(), name(&el)));
    let scroll = web_sys::window().map_or((0.0, 0.0), |w| {
        (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))
    });
    Before { focus, scroll }
}

/// Remove the shell once the app is in the page (the same task, so the
/// same frame), give focus to the app's control of the same name and keep
/// the scroll position.
pub fn after_mount(before: Before) {
    let Some(document) = document() else {
        return;
    };
    if let Ok(nodes) = document.query_selector_all(SHELL) {
        for i in 0..nodes.length() {
            if let Some(el) = nodes
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                el.remove();
            }
        }
    }
    if let Some(root) = document.document_element() {
        for class in CLASSES {
            let _ = root.class_list().remove_1(class);
        }
    }
    if let Some((tag, wanted)) = before.focus {
        if let Ok(nodes) = document.query_selector_all(FOCUSABLE) {
            let found = (0..nodes.length())
                .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                .find(|el| el.tag_name() == tag && name(el) == wanted);
            if let Some(el) = found {
                let _ = el.focus();
            }
        }
    }
    // Reading the scroll position here would lay out the whole new page
    // in this task (about 10 ms before the first button here); the
    // browser lays it out for the next frame anyway. A page that was not
    // scrolled stays at the top: the app's page starts there too.
    let (x, y) = before.scroll;
    if (x, y) != (0.0, 0.0) {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(x, y);
        }
    }
}

/// A language chosen on the shell before the app ran (`en`, `es`, `pt`).
pub fn chosen_language() -> Option<String> {
    document()?.document_element()?.get_attribute(CHOSEN_LANG)
}

/// The sound switched on the shell before the app ran: muted or not.
pub fn chosen_muted() -> Option<bool> {
    let value = document()?
        .document_element()?
        .get_attribute(CHOSEN_MUTED)?;
    Some(value == "true")
}

/// A tap on the shell opened another screen before the app ran (its
/// button is gone, and the focus with it).
pub fn went_elsewhere() -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.has_attribute(WENT))
}

/// Forget the choices made on the shell, once the app has taken them.
pub fn forget_choices() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.remove_attribute(CHOSEN_LANG);
        let _ = root.remove_attribute(CHOSEN_MUTED);
        let _ = root.remove_attribute(WENT);
    }
    if let Some(tab) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = tab.remove_item(CHOSEN_LANG_KEY);
    }
}
