//! Working together live: the pure side of two browsers sharing one session (the sync protocol, the shared clock).

pub mod clock;
pub mod sync;
