//! Pure domain code: the coaching session and its rules, with no browser
//! imports, tested natively with `cargo test`.

pub mod agreement;
pub mod airtime;
pub mod backup;
pub mod caret;
pub mod dates;
pub mod deck;
pub mod exercise;
pub mod export;
// Test data only: never in a build the app ships (see the `fixtures`
// feature in Cargo.toml).
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod flow;
pub mod followup;
pub mod history;
pub mod journal;
pub mod live;
pub mod merge;
pub mod plan;
pub mod preset;
pub mod private;
pub mod progress;
pub mod qr;
pub mod rotation;
pub mod route;
pub mod session;
pub mod settings;
pub mod setup;
pub mod share;
pub mod store;
pub mod timer;
