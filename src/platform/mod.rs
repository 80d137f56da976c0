//! Thin adapters to the browser. Each one reports refusal as a value and
//! never panics: storage, the address bar, sound and the clock can all be
//! missing or blocked (private mode, a third-party iframe).

pub mod audio;
pub mod clipboard;
pub mod clock;
pub mod crypto;
pub mod embed;
pub mod files;
pub mod language;
pub mod location;
pub mod records;
pub mod rtc;
pub mod storage;
pub mod timezone;
pub mod update;

/// Print the page (the print stylesheet turns it into the action plan).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Ask the user to confirm something that cannot be undone; `false` when
/// the browser refuses to ask (some iframes), so nothing is lost.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// A random number from the browser's cryptographic source, with a
/// fallback on `Math.random` where it is missing.
pub fn random_u32() -> u32 {
    let mut bytes = [0u8; 4];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if filled {
        u32::from_le_bytes(bytes)
    } else {
        (js_sys::Math::random() * u32::MAX as f64) as u32
    }
}

/// A new session id: 12 characters of letters and digits.
pub fn new_id() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..12)
        .map(|_| ALPHABET[random_u32() as usize % ALPHABET.len()] as char)
        .collect()
}
