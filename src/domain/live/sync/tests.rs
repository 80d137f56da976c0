use super::*;
use crate::domain::live::clock::translate;
use crate::domain::merge::registers::{Registers, Stamp};
use crate::domain::session::{Session, Setup};
use proptest::prelude::*;

/// The session both start from (the host's).
pub(in crate::domain::live) fn base() -> Session {
    let setup = Setup {
        names: ["Amara".into(), "Jonas".into()],
        ..Setup::default()
    };
    let mut s = Session::new("s1".into(), 1_000_000, &setup);
    s.add_option(0, "Agenda".into());
    s.normalize();
    s
}

/// The texts the two type into.
pub(in crate::domain::live) fn field(s: &mut Session, f: usize) -> &mut String {
    match f {
        0 => &mut s.turns[0].goal.topic,
        1 => &mut s.turns[0].reality,
        _ => &mut s.turns[0].options[0].text,
    }
}

fn field_path(s: &Session, f: usize) -> String {
    match f {
        0 => "halves.0.goal.topic".into(),
        1 => "halves.0.reality".into(),
        _ => format!("halves.0.options.id{}.text", s.turns[0].options[0].id),
    }
}

/// One device: its clock (true time plus `skew`), its registers, its side
/// of the connection.
pub(in crate::domain::live) struct Side {
    pub skew: i64,
    pub regs: Registers,
    pub peer: Peer,
    pub writer: String,
    pub n: u64,
    pub told: Vec<Conflict>,
}

/// A write of a text field (to tell which writes a later one saw).
pub(in crate::domain::live) struct Write {
    pub field: usize,
    pub at: Stamp,
    pub text: String,
    pub knew: Knowledge,
}

/// Two devices, host (0) and guest (1), and the messages on their way to
/// each (any of them may be delivered next, twice, or never).
pub(in crate::domain::live) struct Pair {
    pub now: i64,
    pub sides: [Side; 2],
    pub inbox: [Vec<Message>; 2],
    pub writes: Vec<Write>,
    pub sent: Vec<String>,
}

impl Pair {
    /// The host has the session (stamped); the guest nothing yet.
    pub fn new(guest_skew: i64) -> Self {
        let mut host = Registers::unstamped(&base());
        host.stamp_unstamped(&Stamp(1_000_000, "A".into(), 1));
        let side = |skew, regs, role, w: &str| Side {
            skew,
            regs,
            peer: Peer::new(role, w.into(), format!("Person {w}"), "s1".into()),
            writer: w.into(),
            n: 1,
            told: Vec::new(),
        };
        let mut pair = Pair {
            now: 1_000_000,
            sides: [
                side(0, host, Role::Host, "A"),
                side(guest_skew, Registers::default(), Role::Guest, "B"),
            ],
            inbox: [Vec::new(), Vec::new()],
            writes: Vec::new(),
            sent: Vec::new(),
        };
        pair.connect();
        pair
    }

    pub fn local(&self, d: usize) -> i64 {
        self.now + self.sides[d].skew
    }

    fn post(&mut self, from: usize, msgs: Vec<Message>) {
        for m in msgs {
            self.sent.push(m.encode());
            // Through the wire's form, as the app sends it.
            let m = Message::decode(&m.encode()).expect("a message");
            self.inbox[1 - from].push(m);
        }
    }

    /// A new connection (what was on its way on the old one is gone); the
    /// guest goes on with the offset it had fixed, if any.
    pub fn connect(&mut self) {
        self.inbox = [Vec::new(), Vec::new()];
        for d in 0..2 {
            let now = self.local(d);
            let side = &mut self.sides[d];
            let offset = side.peer.wire_offset();
            side.peer = Peer::new(
                side.peer.role(),
                side.writer.clone(),
                format!("Person {}", side.writer),
                "s1".into(),
            );
            if let Some(o) = offset {
                side.peer.resume_offset(o);
            }
            let msgs = side.peer.open(&side.regs, now);
            self.post(d, msgs);
        }
    }

    /// Device `d` changes its session (if it has one yet).
    pub fn edit(&mut self, d: usize, f: impl FnOnce(&mut Session, i64)) -> Option<Stamp> {
        let now = self.local(d);
        let side = &mut self.sides[d];
        let mut s = side.regs.session()?;
        f(&mut s, now);
        s.updated_ms = now;
        s.normalize();
        side.n += 1;
        let at = Stamp(now, side.writer.clone(), side.n);
        side.regs.record(&s, &at);
        let msgs = side.peer.local_change(&side.regs, now);
        self.post(d, msgs);
        Some(at)
    }

    pub fn type_in(&mut self, d: usize, f: usize, c: Option<char>) {
        let path = field_path(&base(), f);
        let knew = self.sides[d]
            .regs
            .0
            .get(&path)
            .map(|r| r.seen.clone())
            .unwrap_or_default();
        let mut text = String::new();
        let at = self.edit(d, |s, _| {
            let t = field(s, f);
            match c {
                Some(c) => t.push(c),
                None => drop(t.pop()),
            }
            text = t.clone();
        });
        let Some(at) = at else { return };
        if self.sides[d].regs.0.get(&path).is_some_and(|r| r.at == at) {
            self.writes.push(Write {
                field: f,
                at,
                text,
                knew,
            });
        }
    }

    /// Device `d` takes the message at `i` of its inbox (kept there to
    /// come again when `dup`).
    pub fn deliver(&mut self, d: usize, i: usize, dup: bool) {
        if self.inbox[d].is_empty() {
            return;
        }
        let i = i % self.inbox[d].len();
        let msg = if dup {
            self.inbox[d][i].clone()
        } else {
            self.inbox[d].remove(i)
        };
        let now = self.local(d);
        let side = &mut self.sides[d];
        let out = side.peer.receive(msg, &mut side.regs, now);
        side.told.extend(out.conflicts);
        self.post(d, out.send);
    }

    pub fn drop_one(&mut self, d: usize, i: usize) {
        if !self.inbox[d].is_empty() {
            let i = i % self.inbox[d].len();
            self.inbox[d].remove(i);
        }
    }

    pub fn tick(&mut self, d: usize) {
        let now = self.local(d);
        let side = &mut self.sides[d];
        let msgs = side.peer.tick(&side.regs, now);
        self.post(d, msgs);
    }

    /// Everything on its way delivered in order, with `ms` of latency.
    pub fn flush(&mut self, ms: i64) {
        for _ in 0..100 {
            if self.inbox.iter().all(Vec::is_empty) {
                return;
            }
            self.now += ms;
            for d in 0..2 {
                while !self.inbox[d].is_empty() {
                    self.deliver(d, 0, false);
                }
            }
        }
        panic!("the two keep talking");
    }

    /// A reliable connection for half a minute: ticks and deliveries.
    pub fn settle(&mut self) {
        for _ in 0..30 {
            self.now += 1_000;
            self.tick(0);
            self.tick(1);
            self.flush(20);
        }
    }

    /// The guest's registers in the host's clock.
    pub fn guest_on_wire(&self) -> Registers {
        let mut r = self.sides[1].regs.clone();
        translate(&mut r, self.sides[1].peer.wire_offset().expect("settled"));
        r
    }
}

#[derive(Clone, Debug)]
enum Op {
    Type(usize, usize, Option<char>),
    Add(usize),
    Clock(usize, u8),
    Deliver(usize, usize, bool),
    Drop(usize, usize),
    Tick(usize),
    Reconnect,
    Wait(i64),
}

fn op() -> impl Strategy<Value = Op> {
    let side = 0usize..2;
    prop_oneof![
        6 => (side.clone(), 0usize..3, proptest::option::weighted(0.8, proptest::char::range('a', 'e')))
            .prop_map(|(d, f, c)| Op::Type(d, f, c)),
        1 => side.clone().prop_map(Op::Add),
        1 => (side.clone(), 0u8..3).prop_map(|(d, k)| Op::Clock(d, k)),
        8 => (side.clone(), 0usize..6, proptest::bool::weighted(0.15))
            .prop_map(|(d, i, dup)| Op::Deliver(d, i, dup)),
        2 => (side.clone(), 0usize..6).prop_map(|(d, i)| Op::Drop(d, i)),
        2 => side.prop_map(Op::Tick),
        1 => Just(Op::Reconnect),
        1 => (10i64..2_000).prop_map(Op::Wait),
    ]
}

fn run(skew: i64, warm: bool, ops: &[Op]) -> Result<Pair, TestCaseError> {
    let mut p = Pair::new(skew);
    if warm {
        // Connected a while: the guest has the session.
        p.settle();
    }
    let mut added = Vec::new();
    for (k, op) in ops.iter().enumerate() {
        p.now += 50;
        match *op {
            Op::Type(d, f, c) => p.type_in(d, f, c),
            Op::Add(d) => {
                let c = char::from_u32(0x4E00 + k as u32).expect("a character");
                let add = |s: &mut Session, _| {
                    let _ = s.add_option(1, c.to_string());
                };
                if p.edit(d, add).is_some() {
                    added.push(c);
                }
            }
            Op::Clock(d, k) => {
                p.edit(d, |s, now| {
                    let c = &mut s.turns[0].clocks[1];
                    match k {
                        0 => c.start(now),
                        1 => c.pause(now),
                        _ => c.add_minute(now),
                    }
                });
            }
            Op::Deliver(d, i, dup) => p.deliver(d, i, dup),
            Op::Drop(d, i) => p.drop_one(d, i),
            Op::Tick(d) => p.tick(d),
            Op::Reconnect => p.connect(),
            Op::Wait(ms) => p.now += ms,
        }
        for side in &p.sides {
            prop_assert!(side.regs.0.is_empty() || side.regs.session().is_some());
        }
    }
    p.settle();
    // The same registers, so the same session, on both (in one clock).
    let host = &p.sides[0].regs;
    prop_assert_eq!(&p.guest_on_wire(), host);
    prop_assert_eq!(p.guest_on_wire().session(), host.session());
    let shown = host.session().expect("a session");
    // Every text no later write of its field had seen is there.
    for f in 0..3 {
        let writes: Vec<&Write> = p.writes.iter().filter(|w| w.field == f).collect();
        let text = field(&mut shown.clone(), f).clone();
        for x in &writes {
            let replaced = writes
                .iter()
                .any(|y| y.knew.get(&x.at.1).is_some_and(|n| *n >= x.at.2));
            let mut rest = text.chars();
            let there = x.text.chars().all(|c| rest.any(|d| d == c));
            prop_assert!(replaced || there, "{:?} lost from {:?}", x.text, text);
        }
    }
    let options: String = shown.turns[1]
        .options
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    for c in added {
        prop_assert!(options.contains(c), "option {} lost", c);
    }
    Ok(p)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Two devices (clocks apart) editing the same session, their messages
    /// lost, repeated and reordered, the connection dropped and made again:
    /// once the connection holds, both hold the same registers (in one
    /// clock) and show the same session, with every edit no later edit of
    /// its field had seen.
    #[test]
    fn two_peers_over_a_lossy_channel_converge_and_keep_every_edit(
        skew in -600_000i64..600_000,
        warm in proptest::bool::weighted(0.75),
        ops in proptest::collection::vec(op(), 0..80),
    ) {
        run(skew, warm, &ops)?;
    }
}

#[test]
fn edits_made_apart_are_kept_when_they_connect_again() {
    let mut p = Pair::new(-180_000);
    p.settle();
    assert_eq!(p.guest_on_wire(), p.sides[0].regs);
    // Apart: each types, in the same field and in others.
    p.inbox = [Vec::new(), Vec::new()];
    for c in "host".chars() {
        p.type_in(0, 0, Some(c));
    }
    for c in "guest".chars() {
        p.type_in(1, 0, Some(c));
    }
    p.type_in(1, 1, Some('r'));
    p.inbox = [Vec::new(), Vec::new()];
    p.connect();
    p.settle();
    assert_eq!(p.guest_on_wire(), p.sides[0].regs);
    let s = p.sides[0].regs.session().unwrap();
    // Both words, whole (the guest's clock is behind: its stamps are
    // older, its word first), the letters they share by chance ("st")
    // not shared.
    assert_eq!(s.turns[0].goal.topic, "guesthost");
    assert_eq!(s.turns[0].reality, "r");
    assert!(p
        .sides
        .iter()
        .all(|d| d.told.iter().any(|c| c.path == "halves.0.goal.topic")));
}

#[test]
fn a_keystroke_sends_what_changed_not_the_whole_session() {
    let mut p = Pair::new(0);
    p.settle();
    p.sent.clear();
    p.type_in(0, 0, Some('x'));
    let changes: Vec<&String> = p
        .sent
        .iter()
        .filter(|m| m.contains(r#""m":"changes""#))
        .collect();
    assert_eq!(changes.len(), 1);
    let Some(Message::Changes { regs, .. }) = Message::decode(changes[0]) else {
        panic!("changes");
    };
    let paths: Vec<&str> = regs.0.keys().map(String::as_str).collect();
    assert_eq!(paths, ["halves.0.goal.topic", "updated_ms"]);
}

#[test]
fn private_notes_airtime_journal_and_copy_of_never_travel() {
    use crate::domain::private::PrivateNotes;
    use crate::domain::session::{CopyOf, CopySource};
    // What a device keeps beside the session, marked.
    let mut notes = PrivateNotes::default();
    notes.set_half(0, "SECRET-NOTE".into());
    let mut p = Pair::new(0);
    p.edit(0, |s, _| {
        s.copy_of = Some(CopyOf {
            session: "SECRET-COPY".into(),
            source: CopySource::Link,
            version_ms: 5,
        })
    });
    p.type_in(0, 0, Some('x'));
    p.settle();
    // The session's form holds none of them: they are records of their own.
    let json = serde_json::to_string(&base()).unwrap();
    for key in ["notes", "private", "airtime", "journal", "copy_of"] {
        assert!(!json.contains(key), "{key} in the session");
    }
    assert!(!p.sent.is_empty());
    for m in &p.sent {
        assert!(!m.contains("SECRET") && !m.contains("copy_of"), "{m}");
        // Only session registers: every path one of the host's.
        if let Some(Message::Changes { regs, .. }) = Message::decode(m) {
            assert!(regs.0.keys().all(|k| p.sides[0].regs.0.contains_key(k)));
        }
    }
    assert!(p.sides[1].regs.session().unwrap().copy_of.is_none());
    // Nor taken in if a peer sends them.
    let mut sneaky = p.sides[0].regs.delta(&Knowledge::new());
    sneaky.0.retain(|k, _| k.starts_with("copy_of"));
    assert!(!sneaky.0.is_empty());
    let now = p.local(1);
    let side = &mut p.sides[1];
    side.peer.receive(
        Message::Changes {
            base: Knowledge::new(),
            regs: sneaky,
        },
        &mut side.regs,
        now,
    );
    assert!(!side.regs.0.keys().any(|k| k.starts_with("copy_of")));
    let _ = notes;
}

#[test]
fn hello_from_another_version_or_session_is_refused() {
    let mut regs = Registers::unstamped(&base());
    let mut peer = Peer::new(Role::Host, "A".into(), "Amara".into(), "s1".into());
    let hello = |v, s: &str| Message::Hello {
        v,
        writer: "B".into(),
        name: "Jonas".into(),
        session: s.into(),
    };
    let out = peer.receive(hello(PROTOCOL, "s1"), &mut regs, 0);
    assert_eq!(
        out.event,
        Some(Event::Joined {
            name: "Jonas".into()
        })
    );
    assert_eq!(peer.peer_name(), Some("Jonas"));
    let out = peer.receive(hello(PROTOCOL + 1, "s1"), &mut regs, 0);
    assert_eq!(out.event, Some(Event::OtherVersion));
    let mut other = Peer::new(Role::Host, "A".into(), "Amara".into(), "s1".into());
    let out = other.receive(hello(PROTOCOL, "s2"), &mut regs, 0);
    assert_eq!(out.event, Some(Event::OtherSession));
    // Refused: nothing taken in or sent.
    let out = other.receive(
        Message::Ack {
            have: Knowledge::new(),
        },
        &mut regs,
        0,
    );
    assert!(out.send.is_empty());
    assert_eq!(
        peer.receive(Message::Bye, &mut regs, 0).event,
        Some(Event::Left)
    );
    assert_eq!(Message::decode("{\"m\":\"nope\"}"), None);
}

#[test]
fn messages_are_compact_json() {
    assert_eq!(Message::Ping { t: 5 }.encode(), r#"{"m":"ping","t":5}"#);
    assert_eq!(
        Message::Pong { t: 5, t2: 9 }.encode(),
        r#"{"m":"pong","t":5,"t2":9}"#
    );
    assert_eq!(Message::Bye.encode(), r#"{"m":"bye"}"#);
    let ack = Message::Ack {
        have: [("A".to_string(), 3)].into(),
    };
    assert_eq!(ack.encode(), r#"{"m":"ack","h":{"A":3}}"#);
    assert_eq!(Message::decode(&ack.encode()), Some(ack));
}

#[test]
fn two_old_copies_stamped_before_connecting_exchange_what_differs() {
    // Both had the session from an old record (unstamped), apart.
    let mut mine = base();
    mine.turns[0].reality = "from here".into();
    let mut theirs = base();
    theirs.turns[0].reality = "from there".into();
    let mut p = Pair::new(0);
    p.sides[0].regs = Registers::unstamped(&mine);
    p.sides[1].regs = Registers::unstamped(&theirs);
    // Unstamped, neither would send it: both count it as known.
    assert!(p.sides[0]
        .regs
        .delta(&p.sides[1].regs.knowledge())
        .0
        .is_empty());
    assert!(p.sides[0].regs.stamp_unstamped(&Stamp(5, "A".into(), 9)));
    assert!(p.sides[1].regs.stamp_unstamped(&Stamp(6, "B".into(), 9)));
    assert!(!p.sides[1].regs.stamp_unstamped(&Stamp(7, "B".into(), 10)));
    p.sides[0].n = 9;
    p.sides[1].n = 9;
    p.connect();
    p.settle();
    assert_eq!(p.guest_on_wire(), p.sides[0].regs);
    let s = p.sides[0].regs.session().unwrap();
    let mut rest = s.turns[0].reality.chars();
    assert!("from here".chars().all(|c| rest.any(|d| d == c)));
    let mut rest = s.turns[0].reality.chars();
    assert!("from there".chars().all(|c| rest.any(|d| d == c)));
}

#[test]
fn a_whole_session_fits_one_data_channel_message() {
    let s = crate::domain::fixtures::reference_group_session();
    let mut regs = Registers::unstamped(&s);
    regs.stamp_unstamped(&Stamp(1, "0123456789abcdef".into(), 1));
    let full = Message::Changes {
        base: Knowledge::new(),
        regs,
    }
    .encode();
    // About 21 KB for the reference group session; 64 KB is what every
    // browser's data channel takes in one message.
    assert!(full.len() < 64_000, "{}", full.len());
}

#[test]
fn changes_based_on_more_than_this_side_has_are_refused_and_it_says_what_it_has() {
    let mut p = Pair::new(0);
    p.settle();
    let have = p.sides[1].regs.knowledge();
    // Changes sent as if the guest knew more than it does.
    let mut base = have.clone();
    base.insert("Z".into(), 7);
    let now = p.local(1);
    let side = &mut p.sides[1];
    let before = side.regs.clone();
    let out = side.peer.receive(
        Message::Changes {
            base,
            regs: before.clone(),
        },
        &mut side.regs,
        now,
    );
    assert_eq!(side.regs, before);
    assert_eq!(out.send, vec![Message::Ack { have }]);
    // The host, told less than it thought, sends from there.
    let mut host = p.sides[0].regs.clone();
    let later = p.local(0) + 10_000;
    let peer = &mut p.sides[0].peer;
    peer.receive(
        Message::Ack {
            have: Knowledge::new(),
        },
        &mut host,
        later,
    );
    let next = peer.tick(&host, later + RESEND_MS);
    assert!(next
        .iter()
        .any(|m| matches!(m, Message::Changes { base, .. } if base.is_empty())));
}

proptest! {
    /// Two people adding options and actions at the same moment, each
    /// device in its lane: no id is given twice, so after the merge (in
    /// either order) every item is there, whole and apart, the same on both.
    #[test]
    fn items_added_at_once_on_two_devices_stay_apart(
        adds in proptest::collection::vec((any::<bool>(), any::<bool>()), 1..6),
        skip in 0u32..3,
    ) {
        let mut start = base();
        start.next_item += skip;
        let mut copies = [start.clone(), start.clone()];
        let mut regs = [Registers::default(), Registers::default()];
        for (side, r) in regs.iter_mut().enumerate() {
            r.record(&start, &Stamp(1, "seed".into(), 1));
            copies[side].item_lane = Some(side as u8);
        }
        for (n, (side, action)) in adds.iter().enumerate() {
            let side = usize::from(*side);
            let text = format!("item {n} of {side}");
            let s = &mut copies[side];
            if *action {
                let id = s.add_action(0).unwrap();
                s.edit_action(0, id, |a| a.what = text);
            } else {
                s.add_option(0, text);
            }
            let at = Stamp(10 + n as i64, format!("w{side}"), n as u64 + 1);
            regs[side].record(&copies[side], &at);
        }
        let mut one = regs[0].clone();
        // (The lane is recorded here, but never travels.)
        let told = |c: Vec<crate::domain::merge::registers::Conflict>| -> Vec<_> {
            c.into_iter().filter(|c| travels(&c.path)).collect()
        };
        let told_one = told(one.merge(&regs[1]));
        let mut two = regs[1].clone();
        let told_two = told(two.merge(&regs[0]));
        // Nobody edited what the other did: neither is told so.
        prop_assert!(told_one.is_empty() && told_two.is_empty(), "{:?} {:?}", told_one, told_two);
        let (one, two) = (one.session().unwrap(), two.session().unwrap());
        prop_assert_eq!(&one, &two);
        let ids: Vec<u32> = one.turns[0].options.iter().map(|o| o.id)
            .chain(one.turns[0].actions.iter().map(|a| a.id)).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        prop_assert_eq!(unique.len(), ids.len());
        let texts: Vec<&str> = one.turns[0].options.iter().map(|o| o.text.as_str())
            .chain(one.turns[0].actions.iter().map(|a| a.what.as_str())).collect();
        for (n, add) in adds.iter().enumerate() {
            let side = usize::from(add.0);
            let text = format!("item {n} of {side}");
            prop_assert!(texts.contains(&text.as_str()), "{} missing from {:?}", text, texts);
        }
    }
}

#[test]
fn the_lane_never_travels() {
    assert!(!travels("item_lane"));
    assert!(!travels("copy_of.session"));
    assert!(travels("item_lanes_of_something_else"));
    assert!(travels("next_item"));
}
