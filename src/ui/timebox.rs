//! The time-box of a phase: a large countdown, start / pause / resume,
//! one more minute, the next phase, and the session clock. When time is up
//! the clock turns and counts the overtime (the sound and the announcement
//! come from the app's ticker).

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::flow::{Phase, Step};
use crate::domain::timer::{format_countdown, format_duration};
use crate::i18n::{phase_name, t, tf, Key};
use crate::platform::clock::now_ms;

#[component]
pub fn Timebox(half: usize, phase: Phase) -> impl IntoView {
    let current = use_current();
    let now = use_now();
    let remaining = move || {
        let at = now.get();
        current
            .half(half, |h| Some(h.clock(phase).remaining(at)))
            .unwrap_or(0)
    };
    let over = move || remaining() <= 0;
    let running = move || current.half(half, |h| h.clock(phase).is_running());
    let started = move || current.half(half, |h| h.clock(phase).has_started());
    let format = current.read_untracked(|s| s.format);
    let next_label = match (Step::Phase { half, phase }).next(format) {
        Some(Step::Swap) => t(Key::ToSwap),
        Some(Step::WrapUp) => t(Key::ToWrapUp),
        _ => t(Key::NextPhase),
    };
    let session_clock = move || {
        let at = now.get();
        current.read(|s| {
            tf(
                Key::SessionClock,
                &[
                    ("elapsed", &format_duration(s.elapsed(at))),
                    ("total", &format_duration(s.planned_ms())),
                ],
            )
        })
    };

    view! {
        <div
            class="timebox"
            class:over=over
            class:running=running
            role="group"
            aria-label=tf(Key::TimeboxLabel, &[("phase", phase_name(phase))])
        >
            <div class="clock">
                <span class="countdown" role="timer">{move || format_countdown(remaining())}</span>
                <span class="clock-note">
                    {move || if over() { t(Key::TimeUp) } else { t(Key::TimeLeft) }}
                </span>
            </div>
            <div class="clock-actions">
                <button
                    type="button"
                    class="primary"
                    id="timer-toggle"
                    on:click=move |_| {
                        let at = now_ms();
                        crate::platform::audio::prime();
                        if running() {
                            current.update(|s| s.pause_clock(at))
                        } else {
                            current.update(|s| s.start_clock(at))
                        }
                    }
                >
                    {move || {
                        if running() {
                            t(Key::Pause)
                        } else if started() {
                            t(Key::Resume)
                        } else {
                            t(Key::Start)
                        }
                    }}
                </button>
                <button type="button" on:click=move |_| current.update(|s| s.add_minute(now_ms()))>
                    {t(Key::AddMinute)}
                </button>
                <button type="button" on:click=move |_| current.update(|s| s.advance(now_ms()))>
                    {next_label}
                </button>
            </div>
            <p class="session-clock">
                <span class="muted">{t(Key::SessionClockLabel)}" "</span>
                {session_clock}
            </p>
        </div>
    }
}
