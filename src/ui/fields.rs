//! Labelled text inputs. What the user types is kept as text, always.

use leptos::prelude::*;

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
) -> impl IntoView {
    let help_id = help.as_ref().map(|_| format!("{id}-help"));
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let field = match rows {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                rows=rows
                aria-describedby=help_id.clone()
                prop:value=move || value.get()
                on:input=input
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
                prop:value=move || value.get()
                on:input=input
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
