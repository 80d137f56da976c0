//! Timing helpers shared by the browser benchmarks (`make bench`).
#![cfg(target_arch = "wasm32")]

/// The page's high-resolution clock, in milliseconds.
pub fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// The median of some samples (the upper one of an even count).
pub fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}
