use super::*;
use crate::domain::session::Setup;
use proptest::prelude::*;

fn base() -> Session {
    let setup = Setup {
        names: ["Amara".into(), "Jonas".into()],
        ..Setup::default()
    };
    let mut s = Session::new("s1".into(), 0, &setup);
    s.add_option(0, "Agenda".into());
    s.add_action(0);
    s
}

/// The texts two tabs type into, and where each is in the merge's paths.
const SLOTS: usize = 10;

fn slot(s: &mut Session, n: usize) -> &mut String {
    let (h0, rest) = s.halves.split_at_mut(1);
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

fn slot_path(s: &Session, n: usize) -> String {
    let option = s.halves[0].options[0].id;
    let action = s.halves[0].actions[0].id;
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

/// One tab: what it shows, the last version it saw, what it was told.
struct Tab {
    local: Session,
    seen: Session,
    conflicts: Vec<Conflict>,
}

impl Tab {
    fn new(s: &Session) -> Self {
        Tab {
            local: s.clone(),
            seen: s.clone(),
            conflicts: Vec::new(),
        }
    }

    /// Save as the app does: merge what is stored, if another tab wrote
    /// since this one last saw it, then write.
    fn save(&mut self, stored: &mut Session) {
        if *stored != self.seen {
            let merged = merge_fields(&self.seen, &self.local, stored);
            self.conflicts.extend(merged.conflicts);
            self.local = merged.session;
        }
        *stored = self.local.clone();
        self.seen = self.local.clone();
    }

    /// The storage event of another tab's write, however late it comes:
    /// the stored record is read and merged.
    fn hear(&mut self, stored: &Session) {
        let merged = merge_fields(&self.seen, &self.local, stored);
        self.conflicts.extend(merged.conflicts);
        self.local = merged.session;
        self.seen = stored.clone();
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// A key typed by tab 0 or 1 into a slot.
    Key(usize, usize),
    /// A tab hears of the other's writes.
    Hear(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..2, 0..SLOTS).prop_map(|(t, f)| Op::Key(t, f)),
        1 => (0usize..2).prop_map(Op::Hear),
    ]
}

/// Runs the ops; returns the stored session, the tabs, and per slot the
/// keys typed (the tab and the character, in order).
/// Per slot, the keys typed: the tab and the character, in order.
type Typed = Vec<Vec<(usize, char)>>;

fn run(ops: &[Op]) -> (Session, [Tab; 2], Typed) {
    let start = base();
    let mut stored = start.clone();
    let mut tabs = [Tab::new(&start), Tab::new(&start)];
    let mut typed = vec![Vec::new(); SLOTS];
    for (n, op) in ops.iter().enumerate() {
        match *op {
            Op::Key(t, f) => {
                // A character of its own for every key, to find it again.
                let c = char::from_u32(0x4E00 + n as u32).unwrap();
                let tab = &mut tabs[t];
                slot(&mut tab.local, f).push(c);
                tab.local.updated_ms = n as i64 + 1;
                tab.save(&mut stored);
                typed[f].push((t, c));
            }
            Op::Hear(t) => tabs[t].hear(&stored),
        }
    }
    for tab in &mut tabs {
        tab.hear(&stored);
    }
    (stored, tabs, typed)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Two tabs typing at once, their writes heard late or not at all:
    /// what only one tab typed into a field is all there, in order; a
    /// field both typed into keeps every key, or the loss is reported to a
    /// tab; both tabs end showing what is stored.
    #[test]
    fn two_tabs_typing_keep_every_key_or_say_so(ops in proptest::collection::vec(op(), 0..60)) {
        let (mut stored, tabs, typed) = run(&ops);
        let start = base();
        for f in 0..SLOTS {
            let keys = &typed[f];
            let got = slot(&mut stored, f).clone();
            let one_tab = keys.iter().all(|(t, _)| *t == keys.first().map_or(0, |k| k.0));
            let path = slot_path(&start, f);
            let reported = tabs.iter().flat_map(|t| &t.conflicts).any(|c| c.path == path);
            if one_tab {
                let typed: String = keys.iter().map(|(_, c)| *c).collect();
                let want = format!("{}{typed}", slot(&mut start.clone(), f));
                prop_assert_eq!(&got, &want, "slot {}", f);
                prop_assert!(!reported, "no conflict for one tab's field {}", f);
            } else {
                let all_there = keys.iter().all(|(_, c)| got.contains(*c));
                prop_assert!(all_there || reported, "slot {}: {:?} lost {:?} silently", f, got, keys);
            }
        }
        for tab in &tabs {
            prop_assert_eq!(&tab.local, &stored);
        }
    }

    /// A text merge of edits at different places keeps both edits.
    #[test]
    fn edits_at_different_places_of_a_text_both_stay(
        left in "[a-z]{0,8}", middle in "[a-z]{0,8}", right in "[a-z]{0,8}",
        a in "[A-Z]{1,4}", b in "[0-9]{1,4}",
    ) {
        let base = format!("{left}{middle}{right}");
        let mine = format!("{left}{a}{middle}{right}");
        let theirs = format!("{left}{middle}{b}{right}");
        let merged = merge_text(&base, &mine, &theirs).unwrap();
        prop_assert_eq!(merged, format!("{left}{a}{middle}{b}{right}"));
    }

    /// Merging with an unchanged side gives the other side.
    #[test]
    fn a_side_that_did_not_change_takes_the_other(ops in proptest::collection::vec(op(), 0..20)) {
        let (stored, _, _) = run(&ops);
        let start = base();
        let mut stored = stored;
        stored.normalize();
        prop_assert_eq!(&merge_fields(&start, &start, &stored).session, &stored);
        let mut mine = merge_fields(&start, &stored, &start).session;
        mine.updated_ms = stored.updated_ms;
        prop_assert_eq!(&mine, &stored);
    }
}

#[test]
fn the_reported_race_topic_in_one_tab_outcome_in_the_other() {
    // "ABCDEFGHIJ" typed into the topic in one tab while the outcome is
    // typed in another; each write is heard only after the other tab's
    // next key.
    let mut ops = Vec::new();
    for _ in 0..10 {
        ops.push(Op::Key(0, 0));
        ops.push(Op::Key(1, 1));
        ops.push(Op::Hear(0));
        ops.push(Op::Hear(1));
    }
    let (mut stored, tabs, typed) = run(&ops);
    for f in [0, 1] {
        let want: String = typed[f].iter().map(|(_, c)| *c).collect::<String>();
        assert_eq!(*slot(&mut stored, f), want);
    }
    assert!(tabs.iter().all(|t| t.conflicts.is_empty()));
}

#[test]
fn the_same_field_typed_in_two_tabs_keeps_both_insertions() {
    assert_eq!(
        merge_text("Hello", "Hello A", "Hello B").as_deref(),
        Some("Hello A B")
    );
    // Overlapping replacements cannot both stay.
    assert_eq!(merge_text("abc", "aXc", "aYc"), None);
    let mut b = base();
    b.halves[0].reality = "abc".into();
    let mut m = b.clone();
    m.halves[0].reality = "aXc".into();
    let mut t = b.clone();
    t.halves[0].reality = "aYc".into();
    let merged = merge_fields(&b, &m, &t);
    assert_eq!(merged.session.halves[0].reality, "aXc");
    assert_eq!(
        merged.conflicts,
        vec![Conflict {
            path: "halves.0.reality".into(),
            theirs: "aYc".into()
        }]
    );
}

#[test]
fn items_added_in_both_tabs_are_both_kept() {
    let b = base();
    let mut m = b.clone();
    m.add_option(1, "Mine".into());
    let mut t = b.clone();
    t.add_option(1, "Theirs".into());
    let merged = merge_fields(&b, &m, &t).session;
    let texts: Vec<&str> = merged.halves[1]
        .options
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(texts, ["Mine", "Theirs"]);
    let ids: Vec<u32> = merged.halves[1].options.iter().map(|o| o.id).collect();
    assert_ne!(ids[0], ids[1]);
    assert!(merged.next_item > ids[0].max(ids[1]));

    // Removed in one tab and left alone in the other: removed.
    let mut m = b.clone();
    let id = m.halves[0].options[0].id;
    m.remove_option(0, id);
    let mut t = b.clone();
    t.halves[1].reality = "Elsewhere".into();
    let merged = merge_fields(&b, &m, &t).session;
    assert!(merged.halves[0].options.is_empty());
    assert_eq!(merged.halves[1].reality, "Elsewhere");
}
