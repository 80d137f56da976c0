//! Working together live: two browsers connected directly (WebRTC), the
//! codes that connect them (`sdp`, `invite`), and the session kept the
//! same on both (`sync`, with the shared clock in `clock`).

pub mod clock;
pub mod invite;
pub mod news;
pub mod sdp;
pub mod sync;
