//! Working together live: two browsers connected directly (WebRTC), the
//! codes that connect them, and the session kept the same on both.

pub mod invite;
pub mod sdp;
