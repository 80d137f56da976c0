//! Moving keyboard focus after the view has updated.

/// Focus the element with this id (from [`crate::ui::ids`]) on the next
/// frame, if it exists.
pub fn focus_later(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || {
        focus_now(&id);
    });
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
