//! The time-box of a phase: a large countdown, start / pause / resume,
//! one more minute, the next phase, and the session clock. When time is up
//! the clock turns and counts the overtime (the sound and the announcement
//! come from the app's ticker).

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::flow::{Phase, Step};
use crate::i18n::{lang, phase_name, texts, Key};
use crate::platform::clock::now_ms;
use crate::ui::clock_face::ClockFace;
use crate::ui::session_clock::SessionClock;
use crate::ui::text::text_signal;

#[component]
pub fn Timebox(turn: usize, phase: Phase) -> impl IntoView {
    let current = use_current();
    let now = use_now();
    let remaining = move || {
        let at = now.get();
        current
            .turn(turn, |h| Some(h.clock(phase).remaining(at)))
            .unwrap_or(0)
    };
    let running = move || current.turn(turn, |h| h.clock(phase).is_running());
    let started = move || current.turn(turn, |h| h.clock(phase).has_started());
    let next_label = text_signal(
        match current.read_untracked(|s| s.step_after(Step::Phase { turn, phase })) {
            Some(Step::Swap) => Key::ToSwap,
            Some(Step::Turn { .. }) => Key::ToNextTurn,
            Some(Step::WrapUp) => Key::ToWrapUp,
            _ => Key::NextPhase,
        },
    );

    view! {
        <ClockFace
            label=Signal::derive(move || texts::timebox_label(lang(), phase_name(phase)))
            remaining=Signal::derive(remaining)
            running=Signal::derive(running)
            started=Signal::derive(started)
            on_toggle=move |_| {
                let at = now_ms();
                if running() {
                    current.update(|s| s.pause_clock(at))
                } else {
                    current.update(|s| s.start_clock(at))
                }
            }
            on_add_minute=move |_| current.update(|s| s.add_minute(now_ms()))
            next_label=next_label
            on_next=move |_| current.update(|s| s.advance(now_ms()))
        >
            <SessionClock />
        </ClockFace>
    }
}
