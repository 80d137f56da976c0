//! One choice of a radio group, with its label and an optional line of help.

use leptos::prelude::*;

#[component]
pub fn RadioChoice(
    /// The group's name.
    #[prop(into)]
    name: String,
    /// The input's id, unique on the page.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// A line of help under the label, read out with it.
    #[prop(optional, into)]
    help: Option<Signal<String>>,
    /// Is this the choice made?
    #[prop(into)]
    checked: Signal<bool>,
    /// Called when this choice is picked.
    #[prop(into)]
    on_pick: Callback<()>,
) -> impl IntoView {
    let help_id = help.as_ref().map(|_| format!("{id}-help"));
    view! {
        <div class="choice">
            <input
                type="radio"
                name=name
                id=id.clone()
                aria-describedby=help_id.clone()
                prop:checked=move || checked.get()
                on:change=move |_| on_pick.run(())
            />
            <label for=id>{move || label.get()}</label>
            {help.map(|h| view! { <p class="help" id=help_id>{move || h.get()}</p> })}
        </div>
    }
}
