//! Copies on several devices editing one session at once, exchanging full
//! or partial sets of registers that arrive late, twice and out of order:
//! the promises of the multi-value registers (see the module's doc).

use super::tests::{base, slot, slot_path, SLOTS};
use super::union::union_text;
use super::*;
use crate::domain::flow::{Phase, Step};
use crate::domain::timer::PhaseClock;
use proptest::prelude::*;

/// One device: its registers and what it was told.
struct Device {
    regs: Registers,
    n: u64,
    conflicts: Vec<Conflict>,
}

/// A write of a text field: who, when, what, and the field's changes the
/// writer's copy knew before it (to tell which writes a later one saw).
struct Write {
    field: usize,
    at: Stamp,
    text: String,
    knew: BTreeMap<String, u64>,
}

#[derive(Clone, Debug)]
enum Edit {
    Append(char),
    Prepend(char),
    DropLast,
    Replace(char),
}

#[derive(Clone, Debug)]
enum Op {
    /// Device, field, edit.
    Type(usize, usize, Edit),
    /// Device adds an option.
    Add(usize),
    /// Device drives the second phase's clock: start, pause or +1 minute.
    Clock(usize, u8),
    /// Device plans other minutes for a phase of a half.
    Plan(usize, usize, usize, u32),
    /// Device adds a pro to the first option.
    Pro(usize),
    /// Device renames a person (a list of texts of one length).
    Name(usize, usize, char),
    /// Device goes to another step.
    Go(usize, u8),
    /// From, to, how many of the receiver's states ago the sender last
    /// heard what it knows (3: never, the whole registers): a delta.
    Send(usize, usize, usize),
    /// Device hears the message at this place of its queue (kept there
    /// to come again when `dup`).
    Hear(usize, usize, bool),
}

fn edit() -> impl Strategy<Value = Edit> {
    let c = proptest::char::range('a', 'e');
    prop_oneof![
        3 => c.clone().prop_map(Edit::Append),
        1 => c.clone().prop_map(Edit::Prepend),
        1 => Just(Edit::DropLast),
        1 => c.prop_map(Edit::Replace),
    ]
}

fn op(devices: usize) -> impl Strategy<Value = Op> {
    // Few fields, so that devices often type in the same one.
    prop_oneof![
        6 => (0..devices, 0usize..3, edit()).prop_map(|(d, f, e)| Op::Type(d, f, e)),
        1 => (0..devices).prop_map(Op::Add),
        1 => (0..devices, 0u8..3).prop_map(|(d, k)| Op::Clock(d, k)),
        1 => (0..devices, 0usize..2, 0usize..4, 1u32..20).prop_map(|(d, h, p, m)| Op::Plan(d, h, p, m)),
        1 => (0..devices).prop_map(Op::Pro),
        1 => (0..devices, 0usize..2, proptest::char::range('a', 'e')).prop_map(|(d, i, c)| Op::Name(d, i, c)),
        1 => (0..devices, 0u8..5).prop_map(|(d, k)| Op::Go(d, k)),
        3 => (0..devices, 0..devices, 0usize..4).prop_map(|(a, b, l)| Op::Send(a, b, l)),
        4 => (0..devices, 0usize..8, proptest::bool::weighted(0.2))
            .prop_map(|(d, i, dup)| Op::Hear(d, i, dup)),
    ]
}

struct World {
    devices: Vec<Device>,
    queues: Vec<Vec<Registers>>,
    /// Per device, what it knew after each of its changes (newest last).
    known: Vec<Vec<Knowledge>>,
    writes: Vec<Write>,
    added: Vec<char>,
    pros: Vec<char>,
    clocks: Vec<PhaseClock>,
    steps: Vec<Step>,
}

impl World {
    fn new(n: usize) -> Self {
        let start = Registers::unstamped(&base());
        World {
            devices: (0..n)
                .map(|_| Device {
                    regs: start.clone(),
                    n: 0,
                    conflicts: Vec::new(),
                })
                .collect(),
            queues: vec![Vec::new(); n],
            known: vec![vec![start.knowledge()]; n],
            writes: Vec::new(),
            added: Vec::new(),
            pros: Vec::new(),
            clocks: vec![base().turns[0].clocks[1].clone()],
            steps: vec![base().step],
        }
    }

    fn edit(&mut self, d: usize, now: i64, f: impl FnOnce(&mut Session)) -> Stamp {
        let dev = &mut self.devices[d];
        let mut s = dev.regs.session().expect("a session");
        f(&mut s);
        s.updated_ms = now;
        s.normalize();
        self.clocks.push(s.turns[0].clocks[1].clone());
        self.steps.push(s.step);
        dev.n += 1;
        let at = Stamp(now, format!("d{d}"), dev.n);
        dev.regs.record(&s, &at);
        at
    }

    fn apply(&mut self, op: &Op, now: i64) {
        match op.clone() {
            Op::Type(d, f, e) => {
                let path = slot_path(&base(), f);
                let knew = self.devices[d]
                    .regs
                    .0
                    .get(&path)
                    .map(|r| r.seen.clone())
                    .unwrap_or_default();
                let mut text = String::new();
                let at = self.edit(d, now, |s| {
                    let t = slot(s, f);
                    match e {
                        Edit::Append(c) => t.push(c),
                        Edit::Prepend(c) => t.insert(0, c),
                        Edit::DropLast => drop(t.pop()),
                        Edit::Replace(c) => *t = c.to_string(),
                    }
                    text = t.clone();
                });
                // A write that changed nothing is no write.
                if self.devices[d]
                    .regs
                    .0
                    .get(&path)
                    .is_some_and(|r| r.at == at)
                {
                    self.writes.push(Write {
                        field: f,
                        at,
                        text,
                        knew,
                    });
                }
            }
            Op::Add(d) => {
                let c = char::from_u32(0x4E00 + now as u32).expect("a character");
                self.edit(d, now, |s| {
                    let _ = s.add_option(1, c.to_string());
                });
                self.added.push(c);
            }
            Op::Clock(d, k) => {
                self.edit(d, now, |s| {
                    let c = &mut s.turns[0].clocks[1];
                    match k {
                        0 => c.start(now),
                        1 => c.pause(now),
                        _ => c.add_minute(now),
                    }
                });
            }
            Op::Plan(d, h, p, m) => {
                self.edit(d, now, |s| s.plans[h][p] = m);
            }
            Op::Pro(d) => {
                let c = char::from_u32(0x4E00 + now as u32).expect("a character");
                self.edit(d, now, |s| s.turns[0].options[0].pros.push(c.to_string()));
                self.pros.push(c);
            }
            Op::Name(d, i, c) => {
                self.edit(d, now, |s| s.names[i].push(c));
            }
            Op::Go(d, k) => {
                let step = match k {
                    0 => Step::Agreement,
                    1 => Step::Phase {
                        turn: 0,
                        phase: Phase::Goal,
                    },
                    2 => Step::Phase {
                        turn: 1,
                        phase: Phase::Options,
                    },
                    3 => Step::Swap,
                    _ => Step::WrapUp,
                };
                self.edit(d, now, |s| s.go_to(step, now));
            }
            Op::Send(from, to, lag) => {
                let past = &self.known[to];
                let known = match lag {
                    3 => Knowledge::new(),
                    _ => past[past.len().saturating_sub(1 + lag)].clone(),
                };
                let delta = self.devices[from].regs.delta(&known);
                self.queues[to].push(delta);
            }
            Op::Hear(d, i, dup) => {
                let q = &mut self.queues[d];
                if q.is_empty() {
                    return;
                }
                let i = i % q.len();
                let heard = if dup { q[i].clone() } else { q.remove(i) };
                let dev = &mut self.devices[d];
                let c = dev.regs.merge(&heard);
                dev.conflicts.extend(c);
            }
        }
        for (d, dev) in self.devices.iter().enumerate() {
            let k = dev.regs.knowledge();
            if self.known[d].last() != Some(&k) {
                self.known[d].push(k);
            }
        }
    }

    /// Everything in flight delivered, then every device's registers to
    /// every other, whole.
    fn settle(&mut self) {
        for d in 0..self.devices.len() {
            while !self.queues[d].is_empty() {
                self.apply(&Op::Hear(d, 0, false), 0);
            }
        }
        for _ in 0..2 {
            for a in 0..self.devices.len() {
                for b in 0..self.devices.len() {
                    if a != b {
                        self.apply(&Op::Send(a, b, 3), 0);
                        self.apply(&Op::Hear(b, 0, false), 0);
                    }
                }
            }
        }
    }
}

fn check(devices: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut w = World::new(devices);
    for (n, op) in ops.iter().enumerate() {
        w.apply(op, n as i64 + 1);
        // Never a copy that cannot show its session (nothing half-built).
        for dev in &w.devices {
            prop_assert!(dev.regs.session().is_some(), "after {:?}", op);
        }
    }
    w.settle();
    let shown = w.devices[0].regs.session().expect("a session");
    for dev in &w.devices {
        prop_assert_eq!(&dev.regs.session().expect("a session"), &shown);
        prop_assert_eq!(&dev.regs, &w.devices[0].regs);
    }
    let start = base();
    for f in 0..SLOTS {
        let writes: Vec<&Write> = w.writes.iter().filter(|x| x.field == f).collect();
        // The writes no later write of the field had seen: they are what
        // the field holds, shown as their union in stamp order.
        let mut kept: Vec<&Write> = writes
            .iter()
            .copied()
            .filter(|x| {
                !writes
                    .iter()
                    .any(|y| y.knew.get(&x.at.1).is_some_and(|n| *n >= x.at.2))
            })
            .collect();
        kept.sort_by(|a, b| a.at.cmp(&b.at));
        let expected = match kept.as_slice() {
            [] => slot(&mut start.clone(), f).clone(),
            _ => kept
                .iter()
                .map(|x| x.text.clone())
                .reduce(|a, b| union_text(&a, &b))
                .unwrap_or_default(),
        };
        let text = slot(&mut shown.clone(), f).clone();
        prop_assert_eq!(&text, &expected, "field {}", f);
        for x in &kept {
            let mut rest = text.chars();
            prop_assert!(
                x.text.chars().all(|c| rest.any(|d| d == c)),
                "{:?} lost",
                x.text
            );
        }
        // Kept together and differing: some device was told.
        let differ = kept.iter().any(|x| x.text != kept[0].text);
        if differ {
            let path = slot_path(&start, f);
            let told = w
                .devices
                .iter()
                .any(|d| d.conflicts.iter().any(|c| c.path == path));
            prop_assert!(told, "field {} clashed unsaid", f);
        }
    }
    // Every option added is there (two added at once may share an id: one
    // item, both texts in it).
    let texts: String = shown.turns[1]
        .options
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    for c in &w.added {
        prop_assert!(texts.contains(*c), "option {} lost", c);
    }
    let pros: String = shown.turns[0].options[0].pros.concat();
    for c in &w.pros {
        prop_assert!(pros.contains(*c), "pro {} lost", c);
    }
    prop_assert_eq!(shown.names.len(), 2);
    // The step is one that was gone to, whole.
    prop_assert!(
        w.steps.contains(&shown.step),
        "a mixed step {:?}",
        shown.step
    );
    // The clock is one that was written whole, never a mix of two.
    let clock = &shown.turns[0].clocks[1];
    prop_assert!(w.clocks.contains(clock), "a mixed clock {:?}", clock);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Two devices editing the same fields at once, their registers (all
    /// or some) arriving late, twice and out of order: once everything is
    /// delivered, both show the identical session; every text no later
    /// write of its field had seen is there, exactly as the union of those
    /// texts; every option added is there; the clock is one written whole.
    #[test]
    fn two_devices_editing_at_once_converge_and_keep_every_text(
        ops in proptest::collection::vec(op(2), 0..50)
    ) {
        check(2, &ops)?;
    }

    /// The same with three devices.
    #[test]
    fn three_devices_editing_at_once_converge_and_keep_every_text(
        ops in proptest::collection::vec(op(3), 0..50)
    ) {
        check(3, &ops)?;
    }

    /// The merge of copies holding concurrent heads is still a join.
    #[test]
    fn merge_with_heads_is_commutative_associative_idempotent(
        ops in proptest::collection::vec(op(3), 0..40)
    ) {
        let mut w = World::new(3);
        for (n, op) in ops.iter().enumerate() {
            w.apply(op, n as i64 + 1);
        }
        let [a, b, c] = [0, 1, 2].map(|d| w.devices[d].regs.clone());
        let join = |x: &Registers, y: &Registers| {
            let mut z = x.clone();
            z.merge(y);
            z
        };
        prop_assert_eq!(join(&a, &b), join(&b, &a));
        prop_assert_eq!(join(&join(&a, &b), &c), join(&a, &join(&b, &c)));
        prop_assert_eq!(join(&a, &a), a.clone());
        let ab = join(&a, &b);
        prop_assert!(ab.covers(&a) && ab.covers(&b));
        prop_assert_eq!(ab.covers(&c), join(&ab, &c) == ab);
        // Through the stored form, unchanged.
        let back: Registers = serde_json::from_str(&serde_json::to_string(&ab).unwrap()).unwrap();
        prop_assert_eq!(back, ab);
    }
}

/// Two devices, one field, from "we meet": "so we meet" on one, "we meet
/// weekly" on the other.
fn typed_apart() -> (Registers, Registers) {
    let mut s = base();
    s.turns[0].reality = "we meet".into();
    let start = Registers::unstamped(&s);
    let (mut a, mut b) = (start.clone(), start);
    let mut sa = s.clone();
    sa.turns[0].reality = "so we meet".into();
    a.record(&sa, &Stamp(5, "a".into(), 1));
    let mut sb = s;
    sb.turns[0].reality = "we meet weekly".into();
    b.record(&sb, &Stamp(6, "b".into(), 1));
    (a, b)
}

#[test]
fn texts_typed_at_once_on_two_devices_show_every_word() {
    let (a, b) = typed_apart();
    let mut ab = a.clone();
    let told = ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba);
    let shown = ab.session().unwrap();
    assert_eq!(shown.turns[0].reality, "so we meet weekly");
    assert_eq!(
        told,
        vec![Conflict {
            path: "halves.0.reality".into(),
            theirs: "we meet weekly".into()
        }]
    );
    // Nothing changed by hand: recording the shown session writes nothing.
    assert!(!ab.record(&shown, &Stamp(7, "a".into(), 2)));
    // The next change of the field, made seeing both, replaces them.
    let mut next = shown;
    next.turns[0].reality = "so we meet weekly!".into();
    assert!(ab.record(&next, &Stamp(8, "a".into(), 3)));
    let reg = &ab.0["halves.0.reality"];
    assert!(reg.also.is_empty());
    let mut b2 = b.clone();
    assert!(
        b2.merge(&ab).is_empty(),
        "a change that saw both is no clash"
    );
    assert_eq!(b2.session().unwrap().turns[0].reality, "so we meet weekly!");
}

#[test]
fn registers_stored_before_heads_read_and_write_as_before() {
    let old = r#"{"halves.0.reality":{"a":[3,"x",2],"s":{"x":2},"v":"Hi"},"step":{"a":[0,"",0],"v":null}}"#;
    let regs: Registers = serde_json::from_str(old).unwrap();
    assert!(regs.0.values().all(|r| r.also.is_empty()));
    assert_eq!(regs.0["step"].val, Some(Value::Null));
    assert_eq!(serde_json::to_string(&regs).unwrap(), old);
    // With heads: the field is there, and read back.
    let (mut a, b) = typed_apart();
    a.merge(&b);
    let json = serde_json::to_string(&a).unwrap();
    assert!(
        json.contains(r#""c":[{"a":[5,"a",1],"v":"so we meet"}]"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Registers>(&json).unwrap(), a);
}

#[test]
fn a_pause_and_one_more_minute_at_once_give_one_whole_clock() {
    let mut s = base();
    s.turns[0].clocks[1].start(1_000);
    let start = Registers::unstamped(&s);
    let (mut a, mut b) = (start.clone(), start);
    let mut sa = s.clone();
    sa.turns[0].clocks[1].pause(61_000);
    a.record(&sa, &Stamp(61_000, "a".into(), 1));
    let mut sb = s;
    sb.turns[0].clocks[1].add_minute(61_500);
    b.record(&sb, &Stamp(61_500, "b".into(), 1));
    // One register for the whole clock.
    assert!(a.0.contains_key("halves.0.clocks.1"));
    assert!(!a.0.keys().any(|p| p.starts_with("halves.0.clocks.1.")));
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab.session(), ba.session());
    // The later change, whole: still running, a minute more.
    assert_eq!(
        ab.session().unwrap().turns[0].clocks[1],
        sb.turns[0].clocks[1]
    );
}

#[test]
fn a_clock_stored_field_by_field_reads_and_then_is_written_whole() {
    // Registers of the earlier form: a clock's fields apart.
    let s = base();
    let mut old = Registers::default();
    let mut flat = BTreeMap::new();
    let v = to_value(&s).unwrap();
    flatten("", &v, &mut flat);
    for (p, v) in flat {
        match (p.find(".clocks."), v) {
            (Some(_), Value::Object(o)) if !p.ends_with('#') => {
                for (k, x) in o {
                    let reg = Reg::one(Stamp::default(), Some(x), BTreeMap::new());
                    old.0.insert(format!("{p}.{k}"), reg);
                }
            }
            (_, v) => drop(
                old.0
                    .insert(p, Reg::one(Stamp::default(), Some(v), BTreeMap::new())),
            ),
        }
    }
    assert_eq!(old.session(), Some(s.clone()));
    let mut t = s;
    t.turns[0].clocks[0].start(5);
    assert!(old.record(&t, &Stamp(9, "x".into(), 1)));
    assert_eq!(old.session(), Some(t));
}

#[test]
fn an_item_removed_while_edited_elsewhere_stays_gone_whole() {
    let s = base();
    let id = s.turns[0].options[0].id;
    let start = Registers::unstamped(&s);
    let (mut a, mut b) = (start.clone(), start);
    let mut sa = s.clone();
    sa.remove_option(0, id);
    a.record(&sa, &Stamp(5, "a".into(), 1));
    let mut sb = s;
    sb.turns[0].options[0].text = "Agenda early".into();
    sb.turns[0].options[0].pros.push("Quick".into());
    b.record(&sb, &Stamp(6, "b".into(), 1));
    let mut ab = a.clone();
    let told = ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    let shown = ab.session().expect("a session");
    assert_eq!(ba.session(), Some(shown.clone()));
    assert!(
        shown.turns[0].options.is_empty(),
        "{:?}",
        shown.turns[0].options
    );
    assert!(told.iter().any(|c| c.path.contains("options")));
}
