//! Moving keyboard focus after the view has updated.

/// Focus the element with this id on the next frame, if it exists.
pub fn focus_later(id: String) {
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
