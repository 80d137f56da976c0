//! "Is this working for us?": every few sessions of a pair, the wrap-up
//! asks what to keep and what to change in how they run their sessions.

use leptos::prelude::*;

use crate::app::sessions::{use_current, use_sessions};
use crate::domain::followup::is_check_in_due;
use crate::domain::session::CheckInPart;
use crate::i18n::{t, Key};
use crate::ui::fields::TextField;
use crate::ui::ids;
use crate::ui::text::text_signal;

#[component]
pub fn CheckInSection() -> impl IntoView {
    let current = use_current();
    let sessions = use_sessions();
    let due = current.read_untracked(|s| {
        s.check_in.is_some() || sessions.with_all(|all| is_check_in_due(all, s))
    });
    let field = move |id: &'static str, label: Key, part: CheckInPart| {
        view! {
            <TextField
                id=id
                label=text_signal(label)
                rows=2
                value=current.field(move |s| s.check_in_part(part).to_string())
                on_input=move |v: String| current.update(|s| s.set_check_in(part, v))
            />
        }
    };
    due.then(|| {
        view! {
            <section class="check-in no-print" aria-labelledby=ids::CHECK_IN_TITLE>
                <h2 id=ids::CHECK_IN_TITLE>{move || t(Key::CheckInTitle)}</h2>
                <p class="help-line">{move || t(Key::CheckInIntro)}</p>
                {field("check-in-keep", Key::CheckInKeep, CheckInPart::Keep)}
                {field("check-in-change", Key::CheckInChange, CheckInPart::Change)}
            </section>
        }
    })
}
