//! A labelled search box over a list (the history, the journal).

use leptos::prelude::*;

#[component]
pub fn SearchField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    /// The query, changed as the user types.
    query: RwSignal<String>,
    /// Called after each change (a list goes back to its first page).
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let field_class = match class {
        Some(c) => format!("field {c}"),
        None => "field".to_string(),
    };
    view! {
        <div class=field_class>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                type="search"
                id=id
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    if let Some(f) = on_change {
                        f.run(());
                    }
                }
            />
        </div>
    }
}
