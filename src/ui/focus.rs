//! Moving keyboard focus after the view has updated.

use std::cell::Cell;

use crate::ui::ids;

thread_local! {
    /// Counts changes of screen: a wait for a title ends when a newer
    /// change starts one.
    static SCREEN_CHANGES: Cell<u32> = const { Cell::new(0) };
}

/// How many frames a new screen's title is waited for (about ten seconds:
/// a screen whose part is fetched first is drawn when it arrives).
const TITLE_FRAMES: u32 = 600;

/// After a change of screen, give the new screen's title the focus once it
/// is drawn, so the keyboard and a screen reader start on the new screen
/// rather than at the top of the page. Only where the focus went with the
/// old screen: a screen that focuses a field of its own, or a control
/// outside the screen (the header's), keeps it.
pub fn focus_title_when_drawn() {
    let change = SCREEN_CHANGES.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    wait_for_title(change, TITLE_FRAMES);
}

fn wait_for_title(change: u32, frames_left: u32) {
    leptos::prelude::request_animation_frame(move || {
        if SCREEN_CHANGES.with(Cell::get) != change || !focus_is_lost() {
            return;
        }
        if !focus_now(ids::SCREEN_TITLE) && frames_left > 0 {
            wait_for_title(change, frames_left - 1);
        }
    });
}

/// Nothing has the focus (it was on something that left the page).
fn focus_is_lost() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some() && active_element().is_none()
}

/// Focus the element with this id (from [`crate::ui::ids`]) on the next
/// frame, if it exists, unless the person has moved the focus on by then:
/// on a slow phone a frame can come after their next Tab or tap, and the
/// focus must not be pulled back from the field they went to.
pub fn focus_later(id: impl Into<String>) {
    let id = id.into();
    let before = active_element();
    leptos::prelude::request_animation_frame(move || {
        let now = active_element();
        if now.is_none() || now == before {
            focus_now(&id);
        }
    });
}

/// The element with the focus, if any (not the page's body).
fn active_element() -> Option<web_sys::Element> {
    let document = web_sys::window().and_then(|w| w.document())?;
    let active = document.active_element()?;
    match document.body() {
        Some(body) if active == *body.as_ref() => None,
        _ => Some(active),
    }
}

/// A Remove button's click: runs `f`, but not for the second click of a
/// mouse's double click (it would land on the next row's Remove, which
/// moved up under the pointer). Taps on a touch screen each count, however
/// quick (a phone counts taps in a row as clicks of count 2, 3…). A
/// keyboard's press is a click of count 0.
pub fn single_click(f: impl Fn() + 'static) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        // A click is a PointerEvent in the browsers that say how it was
        // made; read without the PointerEvent binding.
        let touch = js_sys::Reflect::get(&ev, &wasm_bindgen::JsValue::from_str("pointerType"))
            .ok()
            .and_then(|kind| kind.as_string())
            .is_some_and(|kind| kind == "touch" || kind == "pen");
        if touch || ev.detail() <= 1 {
            f();
        }
    }
}

pub fn focus_now(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// Scroll the step indicator sideways so the current step is in view (on a
/// phone only a few steps fit).
pub fn reveal_current_step() {
    use wasm_bindgen::JsCast;
    let doc = web_sys::window().and_then(|w| w.document());
    let nav = doc
        .as_ref()
        .and_then(|d| d.query_selector("nav.steps").ok().flatten());
    let current = doc
        .as_ref()
        .and_then(|d| d.query_selector("nav.steps [aria-current]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let (Some(nav), Some(current)) = (nav, current) {
        let centre = current.offset_left() + current.offset_width() / 2 - nav.client_width() / 2;
        nav.set_scroll_left(centre.max(0));
    }
}

/// Focus a text field or area by id on the next frame and select all its
/// text (for copying by hand where the clipboard is blocked).
pub fn select_later(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        if let Some(input) = element
            .clone()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.focus();
            input.select();
        } else if let Some(area) =
            element.and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let _ = area.focus();
            area.select();
        }
    });
}
