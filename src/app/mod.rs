//! Reactive state built on the domain types, provided through context, and
//! the effects that keep it in step with the browser (storage, address bar,
//! the ticking clock).

pub mod backup;
pub mod current;
pub mod exercises;
pub mod journal;
pub mod lasting;
pub mod link_text;
pub mod live;
pub mod live_invite;
pub mod live_sync;
pub mod notices;
pub mod router;
pub mod sessions;
pub mod sharing;
pub mod ticker;
