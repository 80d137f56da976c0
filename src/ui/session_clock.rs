//! The session clock, on every screen of a session: the real time the
//! session has taken of its length, when it ends (a time of day), and,
//! marked clearly, how far it has run past its length.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::timer::format_duration;
use crate::i18n::{lang, t, texts, Key};
use crate::platform::clock::local_time;

#[component]
pub fn SessionClock() -> impl IntoView {
    let current = use_current();
    let now = use_now();
    // (elapsed, length, ends at, past its length by)
    let clock = Memo::new(move |_| {
        let at = now.get();
        current.read(|s| {
            Some((
                s.session_elapsed(at) / 1000,
                s.planned_ms(),
                s.ends_at(at) / 60_000,
                s.past_length(at) / 1000,
            ))
        })
    });
    let past = move || clock.get().is_some_and(|(_, _, _, past)| past > 0);
    view! {
        <p class="session-clock no-print" class:past=past>
            <span class="muted">{move || t(Key::SessionClockLabel)}" "</span>
            <span>
                {move || {
                    clock.get().map(|(elapsed, total, _, _)| {
                        texts::session_clock(lang(), &format_duration(elapsed * 1000), &format_duration(total))
                    })
                }}
            </span>
            " · "
            <span class="session-ends">
                {move || {
                    clock
                        .get()
                        .map(|(_, _, ends, _)| texts::session_ends(lang(), &local_time(lang(), ends * 60_000)))
                }}
            </span>
            <Show when=past>
                " "
                <strong class="session-past">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || {
                        clock.get().map(|(_, _, _, past)| {
                            texts::session_past(lang(), &format_duration(past * 1000))
                        })
                    }}
                </strong>
            </Show>
        </p>
    }
}
