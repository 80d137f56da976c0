//! Goal: the topic, and the outcome the client wants from today.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::i18n::{t, Key};
use crate::ui::fields::TextField;

#[component]
pub fn GoalEditor(half: usize) -> impl IntoView {
    let current = use_current();
    view! {
        <div class="editor">
            <TextField
                id=format!("topic-{half}")
                label=t(Key::TopicLabel)
                help=t(Key::TopicHelp)
                value=current.half_field(half, |h| h.goal.topic.clone())
                on_input=move |v: String| current.update_half(half, |h| h.goal.topic = v)
            />
            <TextField
                id=format!("outcome-{half}")
                label=t(Key::OutcomeLabel)
                help=t(Key::OutcomeHelp)
                rows=3
                value=current.half_field(half, |h| h.goal.outcome.clone())
                on_input=move |v: String| current.update_half(half, |h| h.goal.outcome = v)
            />
        </div>
    }
}
