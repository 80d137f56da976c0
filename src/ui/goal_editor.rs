//! Goal: the topic, and the outcome the client wants from today.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::i18n::Key;
use crate::ui::fields::TextField;
use crate::ui::text::text_signal;

#[component]
pub fn GoalEditor(turn: usize) -> impl IntoView {
    let current = use_current();
    view! {
        <div class="editor">
            <TextField
                id=format!("topic-{turn}")
                label=text_signal(Key::TopicLabel)
                help=text_signal(Key::TopicHelp)
                value=current.turn_field(turn, |h| h.goal.topic.clone())
                on_input=move |v: String| current.update_turn(turn, |h| h.goal.topic = v)
            />
            <TextField
                id=format!("outcome-{turn}")
                label=text_signal(Key::OutcomeLabel)
                help=text_signal(Key::OutcomeHelp)
                rows=3
                value=current.turn_field(turn, |h| h.goal.outcome.clone())
                on_input=move |v: String| current.update_turn(turn, |h| h.goal.outcome = v)
            />
        </div>
    }
}
