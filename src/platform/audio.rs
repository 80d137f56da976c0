//! The time-up cue: a short, soft two-note chime made with Web Audio. Where
//! audio is unavailable or blocked, it stays silent (the visual cue and the
//! screen-reader announcement still happen).

use std::cell::RefCell;

use web_sys::{AudioContext, OscillatorType};

thread_local! {
    /// One audio context for the page's life (browsers limit how many).
    static CONTEXT: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

fn context() -> Option<AudioContext> {
    CONTEXT.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = AudioContext::new().ok();
        }
        cell.clone()
    })
}

/// Wake audio up during a click or key press: browsers only let a page
/// play sound it started from a user gesture, and the cue comes later, from
/// the clock.
pub fn prime() {
    if let Some(ctx) = context() {
        let _ = ctx.resume();
    }
}

pub fn chime() {
    let _ = try_chime();
}

fn try_chime() -> Result<(), wasm_bindgen::JsValue> {
    let ctx = context().ok_or(wasm_bindgen::JsValue::NULL)?;
    let start = ctx.current_time();
    for (i, freq) in [660.0_f32, 880.0].into_iter().enumerate() {
        let at = start + i as f64 * 0.18;
        let osc = ctx.create_oscillator()?;
        let gain = ctx.create_gain()?;
        osc.set_type(OscillatorType::Sine);
        osc.frequency().set_value(freq);
        gain.gain().set_value_at_time(0.0001, at)?;
        gain.gain()
            .exponential_ramp_to_value_at_time(0.25, at + 0.02)?;
        gain.gain()
            .exponential_ramp_to_value_at_time(0.0001, at + 0.35)?;
        osc.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&ctx.destination())?;
        osc.start_with_when(at)?;
        osc.stop_with_when(at + 0.4)?;
    }
    Ok(())
}
