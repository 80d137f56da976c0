//! Labelled text inputs. What the user types is kept as text, always.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::caret;

/// A labelled single-line or multi-line text field.
#[component]
pub fn TextField(
    /// The input's id, unique on the page (focus is restored by it).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// A line of help under the label, read out with the field.
    #[prop(optional, into)]
    help: Option<Signal<String>>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// A text area instead of a single line, with this many rows.
    #[prop(optional)]
    rows: Option<u32>,
    /// Hide the label visually (it is still read out).
    #[prop(optional)]
    label_hidden: bool,
    /// A code rather than prose (a passphrase): phones neither capitalise
    /// nor correct it, and it is not spell-checked.
    #[prop(optional)]
    code: bool,
    /// What a phone's Enter key says (`enterkeyhint`: "next" in a form
    /// where Enter moves on, see [`enter_moves_on`]).
    #[prop(optional)]
    enter_hint: Option<&'static str>,
) -> impl IntoView {
    let help_id = help.as_ref().map(|_| format!("{id}-help"));
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let area = NodeRef::<leptos::html::Textarea>::new();
    let line = NodeRef::<leptos::html::Input>::new();
    // While an input method composes a word, the field's text is the
    // person's, half typed: a change from elsewhere waits for the end.
    let composing = RwSignal::new(false);
    Effect::new(move || {
        let text = value.get();
        if composing.get() {
            return;
        }
        let field = area
            .get()
            .map(Field::Area)
            .or_else(|| line.get().map(Field::Line));
        if let Some(field) = field {
            field.show(&text);
        }
    });
    let field = match rows {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                rows=rows
                aria-describedby=help_id.clone()
                node_ref=area
                on:input=input
                on:compositionstart=move |_| composing.set(true)
                on:compositionend=move |_| composing.set(false)
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                type="text"
                id=id.clone()
                aria-describedby=help_id.clone()
                autocapitalize=code.then_some("none")
                autocomplete=code.then_some("off")
                spellcheck=code.then_some("false")
                enterkeyhint=enter_hint
                node_ref=line
                on:input=input
                on:compositionstart=move |_| composing.set(true)
                on:compositionend=move |_| composing.set(false)
            />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id.clone() class:sr-only=label_hidden>{move || label.get()}</label>
            {help.map(|h| view! { <p class="help" id=help_id.clone()>{move || h.get()}</p> })}
            {field}
        </div>
    }
}

/// A form's keydown: Enter in one of its fields (not while a word is
/// composed, nor with a modifier) moves to its next field, as Tab would
/// but passing over buttons, instead of sending the form; after the last
/// field, to the button that sends it. Only that button sends it (a form
/// that begins something is not sent by a key meant for the next field).
/// Moving on commits a number typed, as leaving the field does.
pub fn enter_moves_on(ev: &leptos::ev::KeyboardEvent) {
    let plain = !(ev.shift_key() || ev.ctrl_key() || ev.alt_key() || ev.meta_key());
    if ev.key() != "Enter" || !plain || ev.is_composing() {
        return;
    }
    let Some(field) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return; // a button, a text area, a menu: Enter as usual
    };
    if matches!(
        field.type_().as_str(),
        "submit" | "button" | "reset" | "image"
    ) {
        return;
    }
    ev.prevent_default();
    let Ok(Some(form)) = field.closest("form") else {
        return;
    };
    let Ok(controls) = form.query_selector_all("input, select, textarea, button[type=submit]")
    else {
        return;
    };
    let radio_group = (field.type_() == "radio").then(|| field.name());
    let mut after = false;
    for i in 0..controls.length() {
        let Some(control) = controls
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if !after {
            after = control.is_same_node(Some(&field));
            continue;
        }
        let same_group = radio_group
            .as_deref()
            .is_some_and(|name| control.get_attribute("name").as_deref() == Some(name));
        let usable = !control.has_attribute("disabled")
            && control.offset_parent().is_some()
            && control.get_attribute("tabindex").as_deref() != Some("-1");
        if usable && !same_group && control.focus().is_ok() {
            return;
        }
    }
}

/// A text field's element, single- or multi-line.
enum Field {
    Area(web_sys::HtmlTextAreaElement),
    Line(web_sys::HtmlInputElement),
}

impl Field {
    /// Show `text`. If the person is typing in the field (it has focus),
    /// the caret and selection stay with the text around them
    /// ([`caret::follow_selection`]): a change that arrives from elsewhere
    /// (another tab, the other person) never moves them.
    fn show(&self, text: &str) {
        let (old, focused) = match self {
            Field::Area(e) => (e.value(), is_focused(e)),
            Field::Line(e) => (e.value(), is_focused(e)),
        };
        if old == text {
            return;
        }
        let selection = match self {
            Field::Area(e) => (e.selection_start(), e.selection_end()),
            Field::Line(e) => (e.selection_start(), e.selection_end()),
        };
        match self {
            Field::Area(e) => e.set_value(text),
            Field::Line(e) => e.set_value(text),
        }
        if let (true, (Ok(Some(start)), Ok(Some(end)))) = (focused, selection) {
            let (start, end) = caret::follow_selection(&old, text, start as usize, end as usize);
            let _ = match self {
                Field::Area(e) => e.set_selection_range(start as u32, end as u32),
                Field::Line(e) => e.set_selection_range(start as u32, end as u32),
            };
        }
    }
}

fn is_focused(element: &web_sys::HtmlElement) -> bool {
    element
        .owner_document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| a.unchecked_ref::<web_sys::HtmlElement>() == element)
}
