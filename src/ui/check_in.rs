//! "Is this working for us?": every few sessions of a pair, the wrap-up
//! asks what to keep and what to change in how they run their sessions.

use leptos::prelude::*;

use crate::app::sessions::{use_current, use_sessions};
use crate::domain::followup::{is_check_in_due, CheckIn};
use crate::i18n::{t, Key};
use crate::ui::fields::TextField;
use crate::ui::text::text_signal;

#[component]
pub fn CheckInSection() -> impl IntoView {
    let current = use_current();
    let sessions = use_sessions();
    let due = current.read_untracked(|s| {
        s.check_in.is_some() || sessions.with_all(|all| is_check_in_due(all, s))
    });
    let field = move |id: &'static str,
                      label: Key,
                      get: fn(&CheckIn) -> &String,
                      set: fn(&mut CheckIn, String)| {
        view! {
            <TextField
                id=id
                label=text_signal(label)
                rows=2
                value=Signal::derive(move || {
                    current.read(|s| s.check_in.as_ref().map(|c| get(c).clone())).unwrap_or_default()
                })
                on_input=move |v: String| current.update(|s| {
                    set(s.check_in.get_or_insert_with(CheckIn::default), v);
                    // Both cleared: no check-in at all.
                    if s.check_in.as_ref().is_some_and(|c| c.keep.trim().is_empty() && c.change.trim().is_empty()) {
                        s.check_in = None;
                    }
                })
            />
        }
    };
    due.then(|| {
        view! {
            <section class="check-in no-print" aria-labelledby="check-in-title">
                <h2 id="check-in-title">{move || t(Key::CheckInTitle)}</h2>
                <p class="help-line">{move || t(Key::CheckInIntro)}</p>
                {field("check-in-keep", Key::CheckInKeep, |c| &c.keep, |c, v| c.keep = v)}
                {field("check-in-change", Key::CheckInChange, |c| &c.change, |c, v| c.change = v)}
            </section>
        }
    })
}
