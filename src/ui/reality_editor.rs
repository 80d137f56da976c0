//! Reality: free notes on what is happening and what has been tried.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::i18n::Key;
use crate::ui::fields::TextField;
use crate::ui::text::text_signal;

#[component]
pub fn RealityEditor(turn: usize) -> impl IntoView {
    let current = use_current();
    view! {
        <div class="editor">
            <TextField
                id=format!("reality-{turn}")
                label=text_signal(Key::RealityLabel)
                help=text_signal(Key::RealityHelp)
                rows=10
                value=current.turn_field(turn, |h| h.reality.clone())
                on_input=move |v: String| current.update_turn(turn, |h| h.reality = v)
            />
        </div>
    }
}
