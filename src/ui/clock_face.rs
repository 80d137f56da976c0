//! A time-box as the pair sees it: a large countdown that turns into
//! overtime, start / pause / resume, one more minute, and the next step.
//! Used by session phases and exercise steps alike.

use leptos::prelude::*;

use crate::domain::timer::format_countdown;
use crate::i18n::{t, Key};

#[component]
pub fn ClockFace(
    /// The group's accessible name ("Time for Goal").
    #[prop(into)]
    label: Signal<String>,
    /// Time left in ms; negative once over.
    #[prop(into)]
    remaining: Signal<i64>,
    #[prop(into)] running: Signal<bool>,
    /// The clock has run at some point (Resume rather than Start).
    #[prop(into)]
    started: Signal<bool>,
    /// Start or pause.
    #[prop(into)]
    on_toggle: Callback<()>,
    #[prop(into)] on_add_minute: Callback<()>,
    /// The label of the button to the next step, if there is a next step.
    #[prop(optional, into)]
    next_label: Option<Signal<String>>,
    #[prop(optional, into)] on_next: Option<Callback<()>>,
    /// A line under the buttons (the session clock).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let over = move || remaining.get() <= 0;
    view! {
        <div class="timebox" class:over=over class:running=move || running.get() role="group" aria-label=move || label.get()>
            <div class="clock">
                <span class="countdown" role="timer">{move || format_countdown(remaining.get())}</span>
                <span class="clock-note">{move || if over() { t(Key::TimeUp) } else { t(Key::TimeLeft) }}</span>
            </div>
            <div class="clock-actions">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        crate::platform::audio::prime();
                        on_toggle.run(());
                    }
                >
                    {move || {
                        if running.get() {
                            t(Key::Pause)
                        } else if started.get() {
                            t(Key::Resume)
                        } else {
                            t(Key::Start)
                        }
                    }}
                </button>
                <button type="button" on:click=move |_| on_add_minute.run(())>{move || t(Key::AddMinute)}</button>
                {next_label
                    .zip(on_next)
                    .map(|(label, next)| view! { <button type="button" on:click=move |_| next.run(())>{move || label.get()}</button> })}
            </div>
            {children.map(|c| c())}
        </div>
    }
}
