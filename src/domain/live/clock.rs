//! One clock for two devices. Each device's clock may be minutes off; the
//! time-boxes are arithmetic on absolute timestamps (`domain::timer`), so a
//! clock started at 10:00:00 on one device would show minutes too many or
//! too few on the other. Two things fix that:
//!
//! - [`ClockSync`] estimates the offset between the two clocks from
//!   Ping/Pong round trips, NTP style: of all samples, the one with the
//!   shortest round trip (its error is at most half of it).
//! - [`translate`] moves the timestamps a time-box is computed from (a
//!   clock's `running_since`, the session's `created_ms` and `ended_ms`)
//!   by that offset. The wire speaks the *host's* clock (the one who
//!   invited): the host sends and takes its own timestamps as they are;
//!   the guest translates what it receives into its clock and what it
//!   sends back into the host's, with one offset, so a value that goes
//!   there and back is unchanged. The stamps that order changes
//!   ([`crate::domain::merge::registers::Stamp`]) are never translated:
//!   they only need to grow per writer.
//!
//! A connection fixes the offset it translates with once it has measured
//! [`SETTLE_AFTER`] round trips (the best of them): a value that goes
//! there and back is then unchanged, exactly. A new connection measures
//! again.

use serde_json::Value;

use crate::domain::merge::registers::Registers;

/// Round trips measured before a connection fixes its offset.
pub const SETTLE_AFTER: u32 = 3;

/// One round trip: the offset it says (the peer's clock minus this one's)
/// and how long it took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    pub offset_ms: i64,
    pub rtt_ms: i64,
}

/// A round trip: a Ping sent at `sent` (this clock), answered at `theirs`
/// (the peer's clock), its Pong received at `received` (this clock). The
/// offset is exact to within half the round trip, whatever the delays
/// each way. `None` if this clock went backwards meanwhile.
pub fn sample(sent: i64, theirs: i64, received: i64) -> Option<Sample> {
    let rtt = received.checked_sub(sent).filter(|r| *r >= 0)?;
    let mid = sent.saturating_add(rtt / 2);
    Some(Sample {
        offset_ms: theirs.saturating_sub(mid),
        rtt_ms: rtt,
    })
}

/// The offset between this device's clock and the peer's: the round trip
/// with the shortest time of those measured.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClockSync {
    best: Option<Sample>,
    count: u32,
}

impl ClockSync {
    /// Take in a round trip (see [`sample`]).
    pub fn add(&mut self, sent: i64, theirs: i64, received: i64) {
        let Some(s) = sample(sent, theirs, received) else {
            return;
        };
        self.count = self.count.saturating_add(1);
        if self.best.is_none_or(|b| s.rtt_ms < b.rtt_ms) {
            self.best = Some(s);
        }
    }

    /// The best round trip so far: its offset (the peer's clock minus this
    /// one's) and the bound on its error, half its round trip.
    pub fn best(&self) -> Option<Sample> {
        self.best
    }

    /// The offset, once [`SETTLE_AFTER`] round trips were measured.
    pub fn settled(&self) -> Option<i64> {
        (self.count >= SETTLE_AFTER).then_some(self.best?.offset_ms)
    }
}

/// Is this register one that holds a moment on a device's clock, and
/// where? (`None`: no.)
fn moment(path: &str) -> Option<Moment> {
    if path == "created_ms" || path == "ended_ms" {
        return Some(Moment::Number);
    }
    let (parent, last) = path.rsplit_once('.')?;
    if last == "running_since" && parent.contains("clocks.") {
        // A clock stored field by field (registers of an older form).
        return Some(Moment::Number);
    }
    let is_clock = last.bytes().all(|b| b.is_ascii_digit())
        && (parent == "clocks" || parent.ends_with(".clocks"));
    is_clock.then_some(Moment::InClock)
}

enum Moment {
    /// The value is the moment.
    Number,
    /// The value is a whole clock: its `running_since`.
    InClock,
}

fn shift(v: &mut Value, by: i64) {
    if let Some(n) = v.as_i64() {
        *v = Value::from(n.saturating_add(by));
    }
}

/// Move every device-clock moment in `regs` by `by` ms (every head of
/// their registers): `-offset` for what a guest receives, `+offset` for
/// what it sends. Nothing else changes.
pub fn translate(regs: &mut Registers, by: i64) {
    if by == 0 {
        return;
    }
    for (path, reg) in &mut regs.0 {
        let Some(kind) = moment(path) else {
            continue;
        };
        let vals = std::iter::once(&mut reg.val).chain(reg.also.iter_mut().map(|h| &mut h.val));
        for v in vals.flatten() {
            match kind {
                Moment::Number => shift(v, by),
                Moment::InClock => {
                    if let Some(since) = v.get_mut("running_since") {
                        shift(since, by);
                    }
                }
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
