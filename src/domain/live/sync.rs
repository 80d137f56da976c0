//! The live sync between two browsers, as a pure state machine per peer:
//! what to send, and what to do with what arrives. The app carries the
//! messages (a WebRTC data channel, reliable and ordered), but nothing here
//! counts on that: a message lost, late, repeated or out of order only
//! delays things, never makes the two copies differ.
//!
//! The state is the session's registers (`merge::registers`): each side
//! sends the registers the other's acknowledged knowledge lacks (a delta,
//! not the whole session at every key), the other merges them (a join:
//! order and repetition do not matter) and acknowledges what it now knows
//! (per writer, its last change). An acknowledgement that does not cover
//! what was sent is answered with what it lacks; [`Peer::tick`] sends again
//! what stays unacknowledged. After a reconnection the first
//! acknowledgement brings both up to date; edits made apart are kept (the
//! registers keep concurrent changes).
//!
//! What travels: only the session's registers (never private notes, the
//! airtime counts or the journal: they are not in the session), and of
//! those not `copy_of` (which copy of what this device keeps). Timestamps
//! of the time-boxes travel in the host's clock (`live::clock`).
//!
//! Messages are compact JSON ([`Message::encode`]).

use serde::{Deserialize, Serialize};

use super::clock::{translate, ClockSync};
use crate::domain::merge::registers::{Conflict, Knowledge, Registers};

/// The protocol spoken; a peer speaking another is refused.
pub const PROTOCOL: u32 = 1;

/// What stays unacknowledged is sent again after this long.
pub const RESEND_MS: i64 = 1_000;

/// A round trip is measured this often (more often until a first one).
pub const PING_MS: i64 = 5_000;
const FIRST_PING_MS: i64 = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "m", rename_all = "lowercase")]
pub enum Message {
    /// Who I am: the protocol, my writer id, the name to show, the session.
    Hello {
        v: u32,
        #[serde(rename = "w")]
        writer: String,
        #[serde(rename = "n")]
        name: String,
        #[serde(rename = "s")]
        session: String,
    },
    /// Registers you lack, computed from what you acknowledged (`base`).
    Changes {
        #[serde(rename = "b")]
        base: Knowledge,
        #[serde(rename = "r")]
        regs: Registers,
    },
    /// What I have: per writer, its last change.
    Ack {
        #[serde(rename = "h")]
        have: Knowledge,
    },
    /// A round trip: my clock when sent.
    Ping { t: i64 },
    /// The answer: the ping's `t`, and my clock when answering.
    Pong { t: i64, t2: i64 },
    /// I am leaving.
    Bye,
}

impl Message {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `None` for anything that is not a message of this protocol.
    pub fn decode(text: &str) -> Option<Message> {
        serde_json::from_str(text).ok()
    }
}

/// Who invited (whose clock the wire speaks) and who joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Host,
    Guest,
}

/// Something to tell the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The other side said hello: its name.
    Joined { name: String },
    /// The other side left.
    Left,
    /// The other side speaks another protocol version (an older or newer
    /// app): nothing is exchanged.
    OtherVersion,
    /// The other side has another session open: nothing is exchanged.
    OtherSession,
}

/// What handling a message or a tick gave: messages to send, whether the
/// registers changed (show the session again), fields both edited at once
/// (say so, politely), and an event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub send: Vec<Message>,
    pub changed: bool,
    pub conflicts: Vec<Conflict>,
    pub event: Option<Event>,
}

/// Does this register travel? Everything in the session but what is this
/// device's own: `copy_of` and `item_lane`.
pub fn travels(path: &str) -> bool {
    !["copy_of", "item_lane"]
        .iter()
        .any(|own| path == *own || path.strip_prefix(own).is_some_and(|r| r.starts_with('.')))
}

/// One side of a live connection.
#[derive(Clone, Debug)]
pub struct Peer {
    role: Role,
    writer: String,
    name: String,
    session: String,
    /// The other side's name, once it said hello (and was accepted).
    peer: Option<String>,
    refused: bool,
    /// What the other side acknowledged (`None`: nothing yet).
    theirs: Option<Knowledge>,
    /// When changes were last sent, and the last ping.
    sent_at: Option<i64>,
    pinged_at: Option<i64>,
    clock: ClockSync,
    /// How far this side's timestamps move to speak the wire's clock,
    /// fixed for the connection once known (`live::clock`).
    wire: Option<i64>,
}

impl Peer {
    pub fn new(role: Role, writer: String, name: String, session: String) -> Self {
        Peer {
            role,
            writer,
            name,
            session,
            peer: None,
            refused: false,
            theirs: None,
            sent_at: None,
            pinged_at: None,
            clock: ClockSync::default(),
            wire: match role {
                Role::Host => Some(0),
                Role::Guest => None,
            },
        }
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// The other side's name, once it said hello.
    pub fn peer_name(&self) -> Option<&str> {
        self.peer.as_deref()
    }

    /// The clock estimate (the peer's clock minus this one's).
    pub fn clock(&self) -> &ClockSync {
        &self.clock
    }

    /// Connecting again to the same device: a guest goes on with the
    /// offset the last connection fixed ([`Peer::wire_offset`]), so what
    /// it translated then comes back unchanged. (A new estimate would
    /// differ by its error, a fraction of a second, in the values
    /// exchanged before.)
    pub fn resume_offset(&mut self, wire: i64) {
        if self.role == Role::Guest {
            self.wire = Some(wire);
        }
    }

    /// The offset this side translates with (0 for the host), once fixed.
    pub fn wire_offset(&self) -> Option<i64> {
        self.wire
    }

    /// The connection opened: say hello, measure the clocks, and (once
    /// the clocks' offset is fixed: before, what arrives could not be
    /// translated) acknowledge what this side has. Before opening, stamp
    /// any unstamped registers ([`Registers::stamp_unstamped`]): what two
    /// old copies hold unstamped is otherwise never exchanged.
    pub fn open(&mut self, regs: &Registers, now: i64) -> Vec<Message> {
        self.pinged_at = Some(now);
        let mut send = vec![self.hello(), Message::Ping { t: now }];
        send.extend(self.ack(regs));
        send
    }

    fn hello(&self) -> Message {
        Message::Hello {
            v: PROTOCOL,
            writer: self.writer.clone(),
            name: self.name.clone(),
            session: self.session.clone(),
        }
    }

    /// Leaving: say so.
    pub fn close(&mut self) -> Message {
        Message::Bye
    }

    /// What this side has, once it can take changes in.
    fn ack(&self, regs: &Registers) -> Option<Message> {
        self.wire.is_some().then(|| Message::Ack {
            have: regs.knowledge(),
        })
    }

    /// The registers the other side lacks, in the wire's clock, if any
    /// (and if they can be sent yet).
    fn changes(&mut self, regs: &Registers, now: i64) -> Option<Message> {
        if self.refused {
            return None;
        }
        let by = self.wire?;
        let mut base = self.theirs.clone()?;
        let mut delta = regs.delta(&base);
        delta.0.retain(|p, _| travels(p));
        if delta.0.is_empty() {
            return None;
        }
        translate(&mut delta, by);
        base.retain(|w, _| !w.is_empty());
        self.sent_at = Some(now);
        Some(Message::Changes { base, regs: delta })
    }

    /// This side changed the session (its registers were recorded): send
    /// what the other side lacks.
    pub fn local_change(&mut self, regs: &Registers, now: i64) -> Vec<Message> {
        self.changes(regs, now).into_iter().collect()
    }

    /// Time passes (call it every few hundred ms): send again what stays
    /// unacknowledged; measure the round trip now and then, with hello
    /// (until answered) and what this side has (a lost one is no stall).
    pub fn tick(&mut self, regs: &Registers, now: i64) -> Vec<Message> {
        let mut send = Vec::new();
        let every = if self.wire.is_some() {
            PING_MS
        } else {
            FIRST_PING_MS
        };
        if self.pinged_at.is_none_or(|t| now - t >= every || now < t) {
            self.pinged_at = Some(now);
            if self.peer.is_none() {
                send.push(self.hello());
            }
            send.push(Message::Ping { t: now });
            send.extend(self.ack(regs));
        }
        if self.sent_at.is_none_or(|t| now - t >= RESEND_MS || now < t) {
            send.extend(self.changes(regs, now));
        }
        send
    }

    /// A message arrived (already decoded): merge, answer, tell.
    pub fn receive(&mut self, msg: Message, regs: &mut Registers, now: i64) -> Outcome {
        let mut out = Outcome::default();
        match msg {
            Message::Hello {
                v,
                writer: _,
                name,
                session,
            } => {
                out.event = Some(if v != PROTOCOL {
                    self.refused = true;
                    Event::OtherVersion
                } else if session != self.session {
                    self.refused = true;
                    Event::OtherSession
                } else {
                    self.peer = Some(name.clone());
                    Event::Joined { name }
                });
            }
            Message::Changes {
                base,
                regs: mut theirs,
            } => {
                // Nothing before the clocks' offset is known (a guest), and
                // nothing sent against knowledge this side does not have
                // (it could leave a copy holding part of a change).
                let mine = regs.knowledge();
                let based = base
                    .iter()
                    .all(|(w, n)| mine.get(w).is_some_and(|m| m >= n));
                let Some(by) = self.wire.filter(|_| !self.refused) else {
                    return out;
                };
                if !based {
                    // Say what this side has: the next changes start there.
                    out.send.extend(self.ack(regs));
                    return out;
                }
                theirs.0.retain(|p, _| travels(p));
                translate(&mut theirs, -by);
                let before = regs.clone();
                out.conflicts = regs.merge(&theirs);
                out.changed = *regs != before;
                out.send.extend(self.ack(regs));
            }
            Message::Ack { have } => {
                // The latest word (an older one, late, only makes the next
                // changes larger than needed).
                self.theirs = Some(have);
                out.send.extend(self.changes(regs, now));
            }
            Message::Ping { t } => out.send.push(Message::Pong { t, t2: now }),
            Message::Pong { t, t2 } => {
                self.clock.add(t, t2, now);
                if self.wire.is_none() {
                    // A guest fixes its offset: now it can take changes in.
                    self.wire = self.clock.settled();
                    if self.wire.is_some() {
                        out.send.extend(self.ack(regs));
                        out.send.extend(self.changes(regs, now));
                    }
                }
            }
            Message::Bye => {
                self.peer = None;
                out.event = Some(Event::Left);
            }
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(in crate::domain::live) mod tests;
