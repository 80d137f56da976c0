//! What an exercise captured, as label and text pairs: shown under the
//! runner, in a session's wrap-up and in both print views.

use leptos::prelude::*;

pub use crate::i18n::result_lines;

/// The lines of [`result_lines`] as a description list.
#[component]
pub fn ResultList(lines: Vec<(String, String)>) -> impl IntoView {
    view! {
        <dl class="result-list">
            {lines.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}
