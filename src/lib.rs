//! Peer Coach: a peer-coaching session companion that runs in the browser.
//!
//! Layers (imports only go down): `ui` → `app` → `domain`, and
//! `ui`/`app` → `platform` → `domain`. `domain` and `i18n` are plain Rust,
//! tested natively; the browser layers only compile for wasm32.

pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
