//! A numbered scale (confidence 1 to 10, usefulness 1 to 5) as a group of
//! radio buttons drawn as boxes: Tab into it, arrows to choose.

use leptos::prelude::*;

#[component]
pub fn Scale(
    /// The radio group's name, unique on the page (also the ids' prefix).
    #[prop(into)]
    name: String,
    /// The highest value; the scale runs from 1.
    max: u8,
    /// The value chosen, if any.
    #[prop(into)]
    value: Signal<Option<u8>>,
    /// Called with the value picked.
    #[prop(into)]
    on_pick: Callback<u8>,
) -> impl IntoView {
    let level = move |n: u8| {
        let id = format!("{name}-{n}");
        view! {
            <span class="level">
                <input
                    type="radio"
                    name=name.clone()
                    id=id.clone()
                    value=n
                    prop:checked=move || value.get() == Some(n)
                    on:change=move |_| on_pick.run(n)
                />
                <label for=id>{n}</label>
            </span>
        }
    };
    view! { <div class="scale">{(1..=max).map(level).collect_view()}</div> }
}
