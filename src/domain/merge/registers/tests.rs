use super::*;
use crate::domain::session::Setup;
use crate::domain::store::Record;
use proptest::prelude::*;
use std::collections::VecDeque;

pub(in crate::domain::merge) fn base() -> Session {
    let setup = Setup {
        names: ["Amara".into(), "Jonas".into()],
        ..Setup::default()
    };
    let mut s = Session::new("s1".into(), 0, &setup);
    s.add_option(0, "Agenda".into());
    s.add_action(0);
    s.normalize();
    s
}

/// The texts the tabs type into.
pub(in crate::domain::merge) const SLOTS: usize = 10;

/// The `n`th of the texts two sides type into (the merge's tests use
/// them too).
pub(in crate::domain::merge) fn slot(s: &mut Session, n: usize) -> &mut String {
    let (h0, rest) = s.turns.split_at_mut(1);
    let (h0, h1) = (&mut h0[0], &mut rest[0]);
    match n {
        0 => &mut h0.goal.topic,
        1 => &mut h0.goal.outcome,
        2 => &mut h0.reality,
        3 => &mut h1.goal.topic,
        4 => &mut h1.raise_note,
        5 => &mut h0.options[0].text,
        6 => &mut h0.actions[0].what,
        7 => &mut h0.actions[0].first_step,
        8 => &mut s.reflections[0].sentence,
        _ => &mut s.reflections[1].sentence,
    }
}

pub(in crate::domain::merge) fn slot_path(s: &Session, n: usize) -> String {
    let option = s.turns[0].options[0].id;
    let action = s.turns[0].actions[0].id;
    match n {
        0 => "halves.0.goal.topic".into(),
        1 => "halves.0.goal.outcome".into(),
        2 => "halves.0.reality".into(),
        3 => "halves.1.goal.topic".into(),
        4 => "halves.1.raise_note".into(),
        5 => format!("halves.0.options.id{option}.text"),
        6 => format!("halves.0.actions.id{action}.what"),
        7 => format!("halves.0.actions.id{action}.first_step"),
        8 => "reflections.0.sentence".into(),
        _ => "reflections.1.sentence".into(),
    }
}

#[test]
fn a_session_survives_its_registers() {
    let mut s = base();
    s.turns[0].options[0].pros.push("Quick".into());
    s.turns[1].goal.topic = "Saying no".into();
    s.add_option(1, "Ask first".into());
    s.normalize();
    assert_eq!(Registers::unstamped(&s).session(), Some(s.clone()));
    // Through the stored form too.
    let json = serde_json::to_string(&Registers::unstamped(&s)).unwrap();
    let back: Registers = serde_json::from_str(&json).unwrap();
    assert_eq!(back.session(), Some(s));
}

#[test]
fn removing_and_adding_items_is_recorded() {
    let s = base();
    let mut regs = Registers::unstamped(&s);
    let mut t = s.clone();
    t.turns[0].options.clear();
    t.add_option(0, "Other".into());
    t.turns[0].options[0].pros = vec!["a".into(), "b".into()];
    t.reflections[0].useful = Some(3);
    t.normalize();
    assert!(regs.record(&t, &Stamp(1, "x".into(), 1)));
    assert_eq!(regs.session(), Some(t.clone()));
    assert!(!regs.record(&t, &Stamp(2, "x".into(), 2)));
}

/// A tab: its registers, what it was told.
struct Tab {
    regs: Registers,
    conflicts: Vec<Conflict>,
    n: u64,
}

impl Tab {
    fn view(&self) -> Session {
        self.regs.session().expect("a session")
    }
}

/// The store, its past versions (a tab may read one of them: a late read),
/// the tabs, and each tab's storage events not yet delivered.
struct World {
    history: Vec<Registers>,
    tabs: Vec<Tab>,
    inbox: Vec<VecDeque<Registers>>,
}

impl World {
    fn new(tabs: usize) -> Self {
        let start = Registers::unstamped(&base());
        World {
            history: vec![start.clone()],
            tabs: (0..tabs)
                .map(|_| Tab {
                    regs: start.clone(),
                    conflicts: Vec::new(),
                    n: 0,
                })
                .collect(),
            inbox: vec![VecDeque::new(); tabs],
        }
    }

    /// What tab `t` reads from the store: the version `late` writes back.
    fn read(&mut self, t: usize, late: usize) {
        let at = self.history.len() - 1 - late.min(self.history.len() - 1);
        let stored = self.history[at].clone();
        let tab = &mut self.tabs[t];
        let c = tab.regs.merge(&stored);
        tab.conflicts.extend(c);
    }

    /// Tab `t` stores its registers; every other tab gets an event.
    fn write(&mut self, t: usize) {
        let regs = self.tabs[t].regs.clone();
        self.history.push(regs.clone());
        for (u, inbox) in self.inbox.iter_mut().enumerate() {
            if u != t {
                inbox.push_back(regs.clone());
            }
        }
    }

    /// Tab `t` changes its session as the app's `update` does: reads the
    /// store (perhaps late), changes, stamps, writes.
    fn edit(&mut self, t: usize, now: i64, late: usize, f: impl FnOnce(&mut Session)) {
        self.read(t, late);
        let tab = &mut self.tabs[t];
        let mut s = tab.view();
        f(&mut s);
        s.updated_ms = now;
        s.normalize();
        tab.n += 1;
        let at = Stamp(now, t.to_string(), tab.n);
        tab.regs.record(&s, &at);
        self.write(t);
    }

    /// Tab `t` hears the event at `i` of its inbox (kept there too when
    /// `dup`: delivered again later); returns false if it has none.
    fn hear(&mut self, t: usize, i: usize, dup: bool, late: usize) -> bool {
        if self.inbox[t].is_empty() {
            return false;
        }
        let i = i % self.inbox[t].len();
        let heard = if dup {
            self.inbox[t][i].clone()
        } else {
            self.inbox[t].remove(i).expect("in range")
        };
        let tab = &mut self.tabs[t];
        let c = tab.regs.merge(&heard);
        tab.conflicts.extend(c);
        if !heard.covers(&tab.regs) {
            self.read(t, late);
            self.write(t);
        }
        true
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// Tab, slot, how late its read of the store is.
    Key(usize, usize, usize),
    /// A tab adds an option.
    Add(usize, usize),
    /// Tab, which event, delivered again later, how late its read is.
    Hear(usize, usize, bool, usize),
}

fn op(tabs: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..tabs, 0..SLOTS, 0usize..4).prop_map(|(t, f, l)| Op::Key(t, f, l)),
        1 => (0..tabs, 0usize..4).prop_map(|(t, l)| Op::Add(t, l)),
        3 => (0..tabs, 0usize..8, proptest::bool::weighted(0.2), 0usize..4)
            .prop_map(|(t, i, d, l)| Op::Hear(t, i, d, l)),
    ]
}

/// Per slot, the keys typed (tab, character); the options added (tab,
/// text).
struct Typed {
    keys: Vec<Vec<(usize, char)>>,
    added: Vec<(usize, String)>,
}

fn run(tabs: usize, ops: &[Op]) -> (World, Typed) {
    let mut w = World::new(tabs);
    let mut typed = Typed {
        keys: vec![Vec::new(); SLOTS],
        added: Vec::new(),
    };
    for (n, op) in ops.iter().enumerate() {
        let now = n as i64 + 1;
        // A character of its own for every key, to find it again.
        let c = char::from_u32(0x4E00 + n as u32).expect("a character");
        match *op {
            Op::Key(t, f, late) => {
                w.edit(t, now, late, |s| slot(s, f).push(c));
                typed.keys[f].push((t, c));
            }
            Op::Add(t, late) => {
                w.edit(t, now, late, |s| {
                    let _ = s.add_option(1, c.to_string());
                });
                typed.added.push((t, c.to_string()));
            }
            Op::Hear(t, i, dup, late) => {
                w.hear(t, i, dup, late);
            }
        }
    }
    // Every event delivered, in order, once: the tabs settle.
    let mut rounds = 0;
    while (0..tabs).any(|t| !w.inbox[t].is_empty()) {
        for t in 0..tabs {
            w.hear(t, 0, false, 0);
        }
        rounds += 1;
        assert!(rounds < 1000, "the tabs keep rewriting");
    }
    (w, typed)
}

fn check(tabs: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    let (w, typed) = run(tabs, ops);
    let stored = w
        .history
        .last()
        .expect("stored")
        .session()
        .expect("a session");
    // Every tab shows what is stored.
    for tab in &w.tabs {
        prop_assert_eq!(&tab.view(), &stored);
    }
    let told = |path: &str| {
        w.tabs
            .iter()
            .any(|t| t.conflicts.iter().any(|c| c.path == path))
    };
    let start = base();
    for (f, keys) in typed.keys.iter().enumerate() {
        let mut s = stored.clone();
        let text = slot(&mut s, f).clone();
        let mut b = start.clone();
        let all: String = std::iter::once(slot(&mut b, f).clone())
            .chain(keys.iter().map(|(_, c)| c.to_string()))
            .collect();
        let one_tab = keys
            .iter()
            .all(|(t, _)| Some(t) == keys.first().map(|k| &k.0));
        if one_tab {
            // Typed in one tab only: every key, in order.
            prop_assert_eq!(&text, &all, "slot {}", f);
        } else if text != all {
            // Typed in several at once: a key lost is said.
            let path = slot_path(&start, f);
            prop_assert!(
                told(&path),
                "slot {} lost keys silently: {:?} vs {:?}",
                f,
                text,
                all
            );
        }
    }
    // An option added is there, or a clash in that list was said.
    for (_, text) in &typed.added {
        let there = stored.turns[1].options.iter().any(|o| &o.text == text);
        let said = w.tabs.iter().any(|t| {
            t.conflicts
                .iter()
                .any(|c| c.path.starts_with("halves.1.options"))
        });
        prop_assert!(there || said, "option {} lost silently", text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Two tabs typing at once, reading the store late, their events
    /// delivered late, out of order, twice: every key typed into a field
    /// only one tab typed in is kept, in order; a field typed in both keeps
    /// every key or a tab is told; all tabs end with the stored session.
    #[test]
    fn two_tabs_typing_keep_every_key_or_say_so(ops in proptest::collection::vec(op(2), 0..60)) {
        check(2, &ops)?;
    }

    /// The same with three tabs.
    #[test]
    fn three_tabs_typing_keep_every_key_or_say_so(ops in proptest::collection::vec(op(3), 0..60)) {
        check(3, &ops)?;
    }

    /// The merge is a join: commutative, associative, idempotent, so the
    /// order and repetition of what is heard do not matter.
    #[test]
    fn merge_is_commutative_associative_idempotent(ops in proptest::collection::vec(op(3), 0..40)) {
        let (w, _) = run(3, &ops);
        // Three versions from the history, as they were.
        let h = &w.history;
        let pick = |k: usize| h[k * (h.len() - 1) / 2].clone();
        let (a, b, c) = (pick(0), pick(1), pick(2));
        let join = |x: &Registers, y: &Registers| {
            let mut z = x.clone();
            z.merge(y);
            z
        };
        prop_assert_eq!(join(&a, &b), join(&b, &a));
        prop_assert_eq!(join(&join(&a, &b), &c), join(&a, &join(&b, &c)));
        prop_assert_eq!(join(&a, &a), a.clone());
        prop_assert!(join(&a, &b).covers(&a) && join(&a, &b).covers(&b));
    }
}

#[test]
fn the_reported_race_topic_in_one_tab_outcome_in_the_other() {
    // 150 ms a key; each tab reads the store before the other's last write
    // reached it.
    let mut ops = Vec::new();
    for _ in 0..10 {
        ops.push(Op::Key(0, 0, 1));
        ops.push(Op::Key(1, 1, 1));
        ops.push(Op::Hear(0, 0, false, 1));
        ops.push(Op::Hear(1, 0, false, 1));
    }
    check(2, &ops).unwrap();
}

#[test]
fn one_field_typed_in_two_tabs_at_once_is_said() {
    let ops = [
        Op::Key(0, 0, 0),
        Op::Key(1, 0, 1),
        Op::Hear(0, 0, false, 0),
        Op::Hear(1, 0, false, 0),
    ];
    let (w, _) = run(2, &ops);
    assert!(w
        .tabs
        .iter()
        .all(|t| t.conflicts.iter().any(|c| c.path == "halves.0.goal.topic")));
}

#[test]
fn an_old_record_without_stamps_loads() {
    let s = base();
    let raw = s.encode();
    let back = Session::decode(&raw).unwrap();
    let regs = crate::domain::store::decode_registers(&raw, &back);
    assert_eq!(regs, Registers::unstamped(&back));
    assert_eq!(regs.session(), Some(back));
}

/// Found by the property test: options added in two tabs from late reads,
/// one tab's copy not showing an item the other then typed into. Every
/// copy keeps a session at every step.
#[test]
fn items_added_and_hidden_in_two_tabs_keep_a_session() {
    let ops = [
        Op::Add(1, 0),
        Op::Add(0, 1),
        Op::Add(1, 0),
        Op::Hear(0, 0, false, 1),
        Op::Add(1, 0),
        Op::Add(0, 1),
        Op::Hear(0, 0, false, 0),
        Op::Key(0, 0, 2),
        Op::Key(0, 0, 0),
        Op::Add(1, 2),
    ];
    let mut w = World::new(2);
    for (n, op) in ops.iter().enumerate() {
        let c = char::from_u32(0x4E00 + n as u32).unwrap();
        match *op {
            Op::Add(t, late) => w.edit(t, n as i64 + 1, late, |s| {
                let _ = s.add_option(1, c.to_string());
            }),
            Op::Hear(t, i, d, l) => {
                w.hear(t, i, d, l);
            }
            Op::Key(t, f, late) => w.edit(t, n as i64 + 1, late, |s| slot(s, f).push(c)),
        }
        for (k, t) in w.tabs.iter().enumerate() {
            if t.regs.session().is_none() {
                for (p, r) in &t.regs.0 {
                    if p.contains("halves.1.options") || p.contains("next_item") {
                        eprintln!("{k} {p} {:?} {:?}", r.at, r.val);
                    }
                }
                panic!("tab {k} after op {n}");
            }
        }
    }
    for round in 0..20 {
        for t in 0..2 {
            w.hear(t, 0, false, 0);
        }
        for (k, t) in w.tabs.iter().enumerate() {
            if t.regs.session().is_none() {
                for (p, r) in &t.regs.0 {
                    if p.contains("halves.1.options") || p.contains("next_item") {
                        eprintln!("{k} {p} {:?} {:?}", r.at, r.val);
                    }
                }
                panic!("tab {k} in round {round}");
            }
        }
    }
}

/// A step of two people typing into one field at once: side `.0` types
/// its next key (at the end of what it shows, or at a position of it),
/// or hears the other side's registers as they are now.
#[derive(Clone, Debug)]
enum Typing {
    Key(usize, Option<usize>),
    Hear(usize),
}

fn typing(anywhere: bool) -> impl Strategy<Value = Typing> {
    let at = if anywhere {
        proptest::option::of(0usize..64).boxed()
    } else {
        Just(None).boxed()
    };
    prop_oneof![
        3 => (0usize..2, at).prop_map(|(s, p)| Typing::Key(s, p)),
        2 => (0usize..2).prop_map(Typing::Hear),
    ]
}

/// Two people type `texts` into the same field key by key, hearing each
/// other (state-based: each side merges the other's registers, its view
/// is their union; its own key supersedes what it has seen) at the
/// `steps`' moments; then each types what is left, and both hear each
/// other. Returns what each side shows.
fn type_together(texts: [&str; 2], steps: &[Typing]) -> [String; 2] {
    let start = Registers::unstamped(&base());
    let mut regs = [start.clone(), start];
    let mut next = [0usize; 2];
    let keys: [Vec<char>; 2] = texts.map(|t| t.chars().collect());
    let mut now = 0;
    let mut key = |regs: &mut [Registers; 2], s: usize, at: Option<usize>| {
        let Some(&c) = keys[s].get(next[s]) else {
            return;
        };
        next[s] += 1;
        now += 1;
        let mut view = regs[s].session().expect("a session");
        let field = slot(&mut view, 0);
        let chars: Vec<char> = field.chars().collect();
        let at = at.map_or(chars.len(), |p| p % (chars.len() + 1));
        *field = chars[..at].iter().chain([&c]).chain(&chars[at..]).collect();
        regs[s].record(&view, &Stamp(now, s.to_string(), now as u64));
    };
    for step in steps {
        match *step {
            Typing::Key(s, at) => key(&mut regs, s, at),
            Typing::Hear(s) => {
                let other = regs[1 - s].clone();
                regs[s].merge(&other);
            }
        }
    }
    for (s, text) in texts.iter().enumerate() {
        for _ in text.chars() {
            key(&mut regs, s, None);
        }
    }
    let (r0, r1) = (regs[0].clone(), regs[1].clone());
    regs[0].merge(&r1);
    regs[1].merge(&r0);
    regs.map(|r| slot(&mut r.session().expect("a session"), 0).clone())
}

fn sorted(s: &str) -> Vec<char> {
    let mut c: Vec<char> = s.chars().collect();
    c.sort_unstable();
    c
}

/// Both show the same text, holding every key typed (none lost); with
/// `exact`, none doubled either (no character more often than typed).
/// Not promised when heard at any moments: a side that hears late can
/// have put the two sides' first keys in the other order (the heads'
/// stamp order changes as they are superseded), and a union keeping both
/// orders shows one of those keys twice.
fn typed_together(texts: [&str; 2], steps: &[Typing], exact: bool) -> Result<(), TestCaseError> {
    let start = slot(&mut base(), 0).clone();
    let [x, y] = type_together(texts, steps);
    prop_assert_eq!(&x, &y);
    let all = format!("{start}{}{}", texts[0], texts[1]);
    let n = |s: &str, c: char| s.chars().filter(|d| *d == c).count();
    // Keys alike may coincide (one shown for both) when the texts share
    // characters.
    let distinct = !texts[0].chars().any(|c| texts[1].contains(c));
    for c in all.chars() {
        let at_least = if distinct { n(&all, c) } else { 1 };
        prop_assert!(n(&x, c) >= at_least, "{:?} lost in {:?}", c, x);
    }
    if exact {
        prop_assert_eq!(sorted(&x), sorted(&all), "{:?}", x);
    }
    Ok(())
}

/// Lockstep: each key, at the end, heard by the other before its next.
fn lockstep(turns: &[usize]) -> Vec<Typing> {
    turns
        .iter()
        .flat_map(|&s| [Typing::Key(s, None), Typing::Hear(1 - s)])
        .collect()
}

proptest! {
    /// Two people typing different words (lowercase; uppercase and
    /// digits) at the end of the same field, hearing each other at any
    /// moments: both show the same, every key there.
    #[test]
    fn two_people_typing_at_the_end_lose_no_key(
        a in "[a-z ]{0,14}",
        b in "[A-Z0-9]{0,14}",
        steps in proptest::collection::vec(typing(false), 0..40),
    ) {
        typed_together([&a, &b], &steps, false)?;
    }

    /// The same, each key at the end or anywhere in what its typist
    /// sees.
    #[test]
    fn two_people_typing_anywhere_lose_no_key(
        a in "[a-z ]{0,14}",
        b in "[A-Z0-9]{0,14}",
        steps in proptest::collection::vec(typing(true), 0..40),
    ) {
        typed_together([&a, &b], &steps, false)?;
    }

    /// Two people typing different texts (disjoint alphabets) at the end
    /// of one field in turns, each key heard by the other before its
    /// next (the live sync): every key exactly once.
    #[test]
    fn two_people_typing_in_turns_keep_every_key_once(
        a in "[a-z ]{0,14}",
        b in "[A-Z0-9_]{0,14}",
        turns in proptest::collection::vec(0usize..2, 0..30),
    ) {
        typed_together([&a, &b], &lockstep(&turns), true)?;
    }

    /// Texts sharing characters: none lost either.
    #[test]
    fn two_people_typing_shared_letters_lose_none(
        a in "[a-e ]{0,14}",
        b in "[a-e ]{0,14}",
        steps in proptest::collection::vec(typing(true), 0..40),
    ) {
        typed_together([&a, &b], &steps, false)?;
    }
}

/// The end-to-end case: "left words" and "RIGHT WORDS" typed into one
/// field at once, each key heard by the other before the next.
#[test]
fn left_words_and_right_words_typed_at_once_are_each_once() {
    let steps: Vec<Typing> = (0..11)
        .flat_map(|_| {
            [
                Typing::Key(0, None),
                Typing::Key(1, None),
                Typing::Hear(1),
                Typing::Hear(0),
            ]
        })
        .collect();
    let [x, y] = type_together(["left words", "RIGHT WORDS"], &steps);
    assert_eq!(x, y);
    assert_eq!(sorted(&x), sorted("left wordsRIGHT WORDS"), "{x:?}");
}
