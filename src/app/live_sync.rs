//! One session on two screens: the live connection (`app::live`) carries
//! the sync protocol (`domain::live::sync`) between this tab's registers
//! of the session and the other person's.
//!
//! - A change made here is recorded (stamped) at once and its registers
//!   sent (a keystroke sends the field it changed, not the session).
//! - What arrives is merged into this tab's registers (concurrent changes
//!   of one field are both kept), shown at once and saved soon; what this
//!   tab shows and has not recorded yet is recorded first, so a key typed
//!   a moment ago is never lost. The field being typed in keeps its caret
//!   (`ui::fields`).
//! - Every quarter second, what stays unacknowledged is sent again and
//!   the round trip measured (the time-boxes speak the inviter's clock).
//! - A move of the other person, or what they did to the time-box, is
//!   said politely ([`said`]); typing never is.
//!
//! It starts with the first invitation or answer of the page
//! ([`follow`]), so that none of it is in the app's first download.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;

use crate::app::live::{use_live, Link, Role as LiveRole, Stage};
use crate::app::sessions::Sessions;
use crate::domain::live::news::{news, News};
use crate::domain::live::sync::{Event, Message, Peer, Role};
use crate::platform::clock::now_ms;

/// Something to say about the other person's changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    News(News),
    /// The same field changed on both sides at once: both kept, joined.
    BothEdited,
    /// The other side's app speaks another version of the protocol.
    OtherVersion,
    /// The other person pressed Leave.
    Left,
}

/// The sync of the open connection: its session and its side.
struct Sync {
    id: String,
    peer: Peer,
}

thread_local! {
    static SYNC: RefCell<Option<Sync>> = const { RefCell::new(None) };
    static FOLLOWING: Cell<bool> = const { Cell::new(false) };
    /// Per session, the offset a guest's last connection fixed: used
    /// again when it connects again (`Peer::resume_offset`).
    static WIRE: RefCell<HashMap<String, i64>> = RefCell::new(HashMap::new());
    static SAID: ArcRwSignal<Option<(u32, Said)>> = ArcRwSignal::new(None);
    /// What views read of it, made once to last as long as the page (see
    /// `crate::app::lasting`).
    static SAID_READ: (Signal<Option<(u32, Said)>>, Owner) = crate::app::lasting::lasting(|| {
        let s = SAID.with(ArcRwSignal::clone);
        (Signal::derive(move || s.get()), Owner::current().unwrap_or_default())
    });
}

/// The latest thing to say, numbered (the same thing twice is said twice).
pub fn said() -> Signal<Option<(u32, Said)>> {
    SAID_READ.with(|(said, _)| *said)
}

fn say(what: Said) {
    SAID.with(|s| s.update(|v| *v = Some((v.map_or(0, |(n, _)| n + 1), what))));
}

/// Keep the session the live connection is about the same on both sides,
/// from now on (once per page: later calls do nothing).
pub fn follow(sessions: Sessions) {
    if FOLLOWING.with(|f| f.replace(true)) {
        return;
    }
    let live = use_live();
    live.on_open(move || opened(sessions));
    live.on_message(move |text| received(sessions, &text));
    // The changes made here, as they are made. The effect belongs to no
    // view: the connection outlives every screen.
    let owner = Owner::new_root(None);
    owner.with(|| {
        let link = live.link();
        let session = live.session_id();
        Effect::new(move || {
            if link.get() != Link::Open {
                return;
            }
            let Some(id) = session.get() else {
                return;
            };
            // The joiner's copy arrives after the connection opens: the
            // list is read too, so that the effect follows the session
            // once it is here (else the joiner's edits waited for the
            // resend tick, about a second, and a reload lost them).
            if sessions.exists(&id) {
                if let Some(entry) = sessions.entry(&id) {
                    entry.with(|_| ());
                }
            }
            untrack(|| changed_here(sessions, &id));
        });
    });
    std::mem::forget(owner);
    let tick = move || {
        if use_live().stage_untracked() == Stage::Open {
            ticked(sessions);
        }
    };
    // For the page's life, like the connection (never cleared).
    let _ = set_interval_with_handle(tick, Duration::from_millis(250));
}

/// Run `f` on the open connection's sync, if any, and send what it gives.
fn with_sync(f: impl FnOnce(&mut Sync) -> Vec<Message>) {
    let Some(mut sync) = SYNC.with(|s| s.borrow_mut().take()) else {
        return;
    };
    let send = f(&mut sync);
    if let Some(wire) = sync.peer.wire_offset() {
        WIRE.with(|w| {
            w.borrow_mut().insert(sync.id.clone(), wire);
        });
    }
    SYNC.with(|s| *s.borrow_mut() = Some(sync));
    let live = use_live();
    for message in send {
        live.send(&message.encode());
    }
}

/// This side leaves: the other is told (it says "… left" rather than
/// "connection lost"), before the connection closes.
pub fn leaving() {
    with_sync(|sync| vec![sync.peer.close()]);
    SYNC.with(|s| s.borrow_mut().take());
}

/// A connection opened: a new sync for its session, which says hello and
/// what this side has. What was said of the last connection is done with.
fn opened(sessions: Sessions) {
    SAID.with(|s| s.set(None));
    let live = use_live();
    let Some(id) = live.session_id().get_untracked() else {
        return;
    };
    let role = match live.role().get_untracked() {
        Some(LiveRole::Inviter) => Role::Host,
        _ => Role::Guest,
    };
    let mut peer = Peer::new(role, sessions.writer_id(), live.my_name(), id.clone());
    if let Some(wire) = WIRE.with(|w| w.borrow().get(&id).copied()) {
        peer.resume_offset(wire);
    }
    keep_lane(sessions, &id, role);
    let regs = sessions.live_registers(&id, true);
    SYNC.with(|s| *s.borrow_mut() = Some(Sync { id, peer }));
    with_sync(|sync| sync.peer.open(&regs, now_ms()));
}

/// New options and actions of this device get ids of its own lane (the
/// inviter's even, the other's odd): two added at the same moment on the
/// two screens never share an id (`Session::item_lane`).
fn keep_lane(sessions: Sessions, id: &str, role: Role) {
    let lane = match role {
        Role::Host => 0,
        Role::Guest => 1,
    };
    if sessions.read_untracked(id, |s| s.item_lane != Some(lane)) == Some(true) {
        sessions.update(id, |s| s.item_lane = Some(lane));
    }
}

fn changed_here(sessions: Sessions, id: &str) {
    with_sync(|sync| {
        if sync.id != id {
            return Vec::new();
        }
        let regs = sessions.live_registers(id, false);
        sync.peer.local_change(&regs, now_ms())
    });
}

fn ticked(sessions: Sessions) {
    with_sync(|sync| {
        let regs = sessions.live_registers(&sync.id, false);
        sync.peer.tick(&regs, now_ms())
    });
}

fn received(sessions: Sessions, text: &str) {
    let Some(message) = Message::decode(text) else {
        return;
    };
    let mut heard = Vec::new();
    with_sync(|sync| {
        let id = sync.id.clone();
        let before = sessions.get_untracked(&id);
        let mut regs = sessions.live_registers(&id, false);
        let out = sync.peer.receive(message, &mut regs, now_ms());
        if out.changed {
            sessions.take_in_live(&id, regs);
            keep_lane(sessions, &id, sync.peer.role());
            let after = sessions.get_untracked(&id);
            if let (Some(before), Some(after)) = (before, after) {
                heard.extend(news(&before, &after).map(Said::News));
            }
        }
        if !out.conflicts.is_empty() {
            heard.push(Said::BothEdited);
        }
        match out.event {
            Some(Event::OtherVersion) => heard.push(Said::OtherVersion),
            Some(Event::Left) => heard.push(Said::Left),
            _ => {}
        }
        out.send
    });
    for what in heard {
        say(what);
    }
}
