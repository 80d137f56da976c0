//! "Now", ticking four times a second while the app is open. Views derive
//! every clock from it and from stored timestamps, so a throttled or
//! sleeping tab loses nothing: the next tick simply shows the right time.

use std::time::Duration;

use leptos::prelude::*;

use crate::platform::clock::now_ms;

#[derive(Clone, Copy)]
pub struct Now(ReadSignal<i64>);

impl Now {
    pub fn get(&self) -> i64 {
        self.0.get()
    }

    /// The time of the last tick, without tracking. Actions use the real
    /// clock (`now_ms`) rather than this.
    pub fn get_untracked(&self) -> i64 {
        self.0.get_untracked()
    }
}

/// Start the ticker; `on_tick` runs after each tick with the new time.
pub fn provide_now(on_tick: impl Fn(i64) + 'static) -> Now {
    let (now, set_now) = signal(now_ms());
    let tick = move || {
        let t = now_ms();
        set_now.set(t);
        on_tick(t);
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    let now = Now(now);
    provide_context(now);
    now
}

pub fn use_now() -> Now {
    expect_context::<Now>()
}
