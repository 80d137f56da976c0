//! A session as a map of registers, one per field: the state two tabs of
//! this device, and a live sync between two browsers (`domain::live`),
//! exchange and merge. Each register holds a field's value (or that it was
//! removed), the [`Stamp`] of the change that wrote it, and which changes
//! of that field are known with it (per writer, the last).
//!
//! **The merge model: multi-value registers, shown as a union.** Two people
//! can type in the same field at the same moment. We chose per-field
//! registers that keep *every* concurrent change (a multi-value register)
//! over a text CRDT such as `yrs` (a second copy of every text with its
//! history, a large wasm cost, and a new stored format) and over
//! operational transforms (a server-like ordering neither side has): the
//! fields are short and typed by one person at a time almost always, the
//! registers were already stored beside each session, and old records
//! keep reading as before. So:
//!
//! - A change written after seeing others ([`Registers::record`]) replaces
//!   every change of that field it has seen.
//! - Two changes of one field made without either seeing the other are
//!   both kept, as concurrent *heads* ([`Reg::also`] beside the latest);
//!   [`Registers::merge`] reports them as a [`Conflict`] (a "both edited
//!   this" notice), and the next change of that field made after seeing
//!   them replaces them all.
//! - What a field with several heads shows is resolved the same way on
//!   every copy whatever the order things arrived in (the heads in stamp
//!   order): removed if the latest change removed it (so the fields one
//!   change wrote together keep its shape), else a text is the union of
//!   the heads (`union::union_text`: a character diff made readable as
//!   diff-match-patch does; every character typed on either side is
//!   there, and where both typed words at one place each side's words
//!   stay whole: "Zoë 0" and "João 0" show "ZoëJoão 0", "wo" and
//!   "wor" show "wor"; a deletion on one side concurrent with typing
//!   on the other comes back, which is the price of
//!   never losing text); a list of item ids (`list.#`) is the
//!   union keeping both orders; lists of one length are resolved item by
//!   item (a plan's minutes, an exercise's notes per step keep their
//!   shape); lists of texts of other lengths (pros, a story's lines) are
//!   the union keeping both orders; anything else is the latest change.
//!
//! [`Registers::merge`] is commutative, associative and idempotent (a join
//! of dotted multi-value registers: a head stays unless the other copy
//! knows its change and no longer holds it), so copies that have taken in
//! the same changes, in any order, any number of times, show the same
//! session. Edits to different fields never touch each other's registers.
//!
//! Paths: object keys joined with `.`; a list of items with an `id` is
//! `list.#` (the ids in order) and `list.id7.…` per item; a list of
//! objects without ids is `list.#` (its length, the latest) and
//! `list.0.…`; any other value (texts, numbers, lists of texts) is one
//! register. A time-box ([`crate::domain::timer::PhaseClock`], in any list
//! named `clocks`) is one register as a whole, `…clocks.2`: its fields
//! (how long, how long run, since when, cued) are only consistent as they
//! were written together, so a pause on one side and "+1 minute" on the
//! other give one of the two clocks, the later, never a mix of both.
//!
//! The step on screen (`step`) is one register as well.
//!
//! Removed items: removing an item writes "removed" over every field of it
//! and its id; a change to one of its fields made at the same moment on
//! another copy is kept in its register but the item stays gone (no item
//! without its id is shown), so it never comes back half-built; the change
//! is reported as a [`Conflict`].
//!
//! The registers live beside the session in the stored record, never in a
//! share link. Records written before heads existed read as before (a
//! register with one head); the heads are a field left out when empty.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::session::Session;

/// When a change was made and by whom: `(ms, writer, counter)`, ordered
/// in that order. A writer's stamps only grow.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp(pub i64, pub String, pub u64);

/// One field: its latest value (`None`: removed), the change that wrote
/// it, the other changes of it made at the same moment without seeing it
/// or each other (concurrent heads), and the changes of it known where it
/// is (per writer, the last).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reg {
    #[serde(rename = "a")]
    pub at: Stamp,
    #[serde(rename = "s", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, u64>,
    #[serde(
        rename = "v",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub val: Option<Value>,
    /// The concurrent heads besides the latest, oldest first.
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Head>,
}

/// A concurrent change of a field: when, and the value it wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    #[serde(rename = "a")]
    pub at: Stamp,
    #[serde(
        rename = "v",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub val: Option<Value>,
}

/// A value that is there, even `null` (a field set to nothing, not a
/// removed one); a missing one is `None` by `default`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The order of heads with one stamp (only copies of an old record, all
/// stamped zero, have those): the greater value.
fn val_key(val: &Option<Value>) -> String {
    val.as_ref().map(Value::to_string).unwrap_or_default()
}

impl Reg {
    /// A register of one change, known with what `seen` says.
    fn one(at: Stamp, val: Option<Value>, seen: BTreeMap<String, u64>) -> Self {
        Reg {
            at,
            seen,
            val,
            also: Vec::new(),
        }
    }

    /// Every head, oldest first (the latest last).
    pub fn heads(&self) -> impl Iterator<Item = (&Stamp, &Option<Value>)> {
        self.also
            .iter()
            .map(|h| (&h.at, &h.val))
            .chain(std::iter::once((&self.at, &self.val)))
    }

    /// Was the change `at` known here?
    fn knows(&self, at: &Stamp) -> bool {
        *at == Stamp::default() || self.seen.get(&at.1).is_some_and(|n| *n >= at.2)
    }

    fn holds(&self, at: &Stamp) -> bool {
        self.heads().any(|(a, _)| a == at)
    }

    /// The join of two copies of one field: a head stays unless the other
    /// copy knows its change and does not hold it (a later change there
    /// replaced it); both copies' knowledge.
    fn joined(&self, other: &Reg) -> Reg {
        let mut heads: BTreeMap<Stamp, Option<Value>> = BTreeMap::new();
        for (from, to) in [(self, other), (other, self)] {
            for (at, val) in from.heads() {
                if to.holds(at) || !to.knows(at) {
                    let slot = heads.entry(at.clone()).or_insert_with(|| val.clone());
                    if val_key(val) > val_key(slot) {
                        *slot = val.clone();
                    }
                }
            }
        }
        let mut seen = self.seen.clone();
        for (w, n) in &other.seen {
            let mine = seen.entry(w.clone()).or_default();
            *mine = (*mine).max(*n);
        }
        let mut also: Vec<Head> = heads
            .into_iter()
            .map(|(at, val)| Head { at, val })
            .collect();
        // Never empty: each side's latest head stays or was replaced by a
        // head the other side holds.
        let Head { at, val } = also.pop().unwrap_or_else(|| {
            let latest = [self, other]
                .into_iter()
                .max_by_key(|r| (&r.at, val_key(&r.val)))
                .unwrap_or(self);
            Head {
                at: latest.at.clone(),
                val: latest.val.clone(),
            }
        });
        Reg {
            at,
            seen,
            val,
            also,
        }
    }

    /// What the field shows, and the change that decides it (the latest):
    /// `None` when the latest change removed it (the fields one change
    /// wrote together keep one shape), else the heads with a value
    /// resolved (see the module's rules).
    pub fn shown(&self, path: &str) -> Option<(&Stamp, Value)> {
        self.val.as_ref()?;
        if self.also.is_empty() {
            return Some((&self.at, self.val.clone()?));
        }
        let vals: Vec<&Value> = self.heads().filter_map(|(_, v)| v.as_ref()).collect();
        Some((&self.at, resolve(&vals, path.ends_with('#'))))
    }
}

/// What several heads of one field show (oldest first, the latest last):
/// see the module's rules. A list of item ids (`ids`) is the union keeping
/// both orders, each id once; lists of one length are resolved item by
/// item (a time-box plan, the notes of an exercise's steps: their shape
/// stays); lists of texts of other lengths (pros, a story's lines) are the
/// union keeping both orders; texts their union; anything
/// else the latest.
fn resolve(vals: &[&Value], ids: bool) -> Value {
    let Some(latest) = vals.last().copied() else {
        return Value::Null;
    };
    if vals.iter().all(|v| *v == latest) {
        return latest.clone();
    }
    if vals.iter().all(|v| v.is_string()) {
        let text = vals
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .reduce(|a, b| union::union_text(&a, &b))
            .unwrap_or_default();
        return Value::String(text);
    }
    let Some(lists) = vals
        .iter()
        .map(|v| v.as_array())
        .collect::<Option<Vec<_>>>()
    else {
        return latest.clone();
    };
    let len = lists.last().map_or(0, |l| l.len());
    if ids {
        let mut list = lists
            .into_iter()
            .cloned()
            .reduce(|a, b| union::union(&a, &b))
            .unwrap_or_default();
        let mut once = std::collections::BTreeSet::new();
        list.retain(|id| once.insert(id.to_string()));
        Value::Array(list)
    } else if lists.iter().all(|l| l.len() == len) {
        Value::Array(
            (0..len)
                .map(|i| resolve(&lists.iter().map(|l| &l[i]).collect::<Vec<_>>(), false))
                .collect(),
        )
    } else if lists.iter().all(|l| l.iter().all(Value::is_string)) {
        Value::Array(
            lists
                .into_iter()
                .cloned()
                .reduce(|a, b| union::union(&a, &b))
                .unwrap_or_default(),
        )
    } else {
        latest.clone()
    }
}

mod union;

/// Per writer, the last of its changes known.
pub type Knowledge = BTreeMap<String, u64>;

/// A session's fields as registers, by path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Registers(pub BTreeMap<String, Reg>);

/// Bookkeeping paths (when it changed, the step on screen, the clocks,
/// the decks): a clash there is not reported.
fn is_bookkeeping(path: &str) -> bool {
    matches!(path, "updated_ms" | "step" | "next_item" | "swap" | "")
        || path.starts_with("step.")
        || path.starts_with("swap.")
        || path.contains("clocks")
        || path.contains("cards")
        || path.ends_with(".step")
        || path.contains(".step.")
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn item_id(v: &Value) -> Option<u64> {
    v.as_object()?.get("id")?.as_u64()
}

/// The session's fields as `path -> value`.
fn flatten(path: &str, v: &Value, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                flatten(&join(path, k), x, out);
            }
            if o.is_empty() {
                out.insert(path.to_string(), Value::Object(Map::new()));
            }
        }
        Value::Array(a) if a.is_empty() => {
            out.insert(join(path, "#"), Value::Array(Vec::new()));
        }
        Value::Array(a) if a.iter().all(|x| item_id(x).is_some()) => {
            let ids: Vec<Value> = a.iter().filter_map(item_id).map(Value::from).collect();
            out.insert(join(path, "#"), Value::Array(ids));
            for x in a {
                let id = item_id(x).unwrap_or_default();
                flatten(&join(path, &format!("id{id}")), x, out);
            }
        }
        Value::Array(a) if path.ends_with("clocks") && a.iter().all(Value::is_object) => {
            // Time-boxes: one register each, whole (see the module's doc).
            out.insert(join(path, "#"), Value::from(a.len()));
            for (i, x) in a.iter().enumerate() {
                out.insert(join(path, &i.to_string()), x.clone());
            }
        }
        Value::Array(a) if a.iter().all(Value::is_object) => {
            out.insert(join(path, "#"), Value::from(a.len()));
            for (i, x) in a.iter().enumerate() {
                flatten(&join(path, &i.to_string()), x, out);
            }
        }
        _ => {
            out.insert(path.to_string(), v.clone());
        }
    }
}

fn flat(session: &Session) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    if let Ok(mut v) = to_value(session) {
        // The step on screen: one register, whole (its fields say one
        // step only together).
        if let Some(step) = v.as_object_mut().and_then(|o| o.remove("step")) {
            out.insert("step".to_string(), step);
        }
        flatten("", &v, &mut out);
    }
    out
}

// A session to a JSON value and back by way of its stored text, not with
// `serde_json::to_value`/`from_value`: the text form is what a record is
// read and written in anyway, so this makes no second copy of the session's
// (de)serializing code in the wasm (about 10 KB brotli of the first load).
// The value is the same: both write a float that is not finite as null.
fn to_value(session: &Session) -> serde_json::Result<Value> {
    serde_json::from_str(&serde_json::to_string(session)?)
}

fn from_value(value: &Value) -> serde_json::Result<Session> {
    serde_json::from_str(&value.to_string())
}

/// A tree of the fields shown (each with the change that shows it), to
/// be made a value again.
#[derive(Default)]
struct Node<'a> {
    leaf: Option<(&'a Stamp, Value)>,
    kids: BTreeMap<&'a str, Node<'a>>,
}

impl<'a> Node<'a> {
    fn insert(&mut self, path: &'a str, shown: (&'a Stamp, Value)) {
        if path.is_empty() {
            self.leaf = Some(shown);
            return;
        }
        let (head, rest) = path.split_once('.').unwrap_or((path, ""));
        self.kids.entry(head).or_default().insert(rest, shown);
    }

    /// The latest change under this node (the register itself aside).
    fn latest_below(&self) -> Option<&'a Stamp> {
        self.kids
            .values()
            .filter_map(|k| {
                let own = k.leaf.as_ref().map(|(at, _)| *at);
                own.max(k.latest_below())
            })
            .max()
    }

    fn value(&self) -> Option<Value> {
        // A value set whole, or fields below it: the later change.
        if let Some((at, val)) = &self.leaf {
            if self.latest_below().is_none_or(|below| below < *at) {
                return Some(val.clone());
            }
        }
        let order = self
            .kids
            .get("#")
            .and_then(|n| n.leaf.as_ref())
            .map(|(_, v)| v);
        match order {
            Some(Value::Array(ids)) => Some(Value::Array(
                ids.iter()
                    .filter_map(Value::as_u64)
                    .filter_map(|id| self.kids.get(format!("id{id}").as_str()))
                    // An item removed in one copy while changed in another
                    // is gone (its id went with the removal).
                    .filter(|item| item.kids.contains_key("id"))
                    .filter_map(Node::value)
                    .collect(),
            )),
            Some(Value::Number(n)) => {
                let n = n.as_u64().unwrap_or_default();
                Some(Value::Array(
                    (0..n)
                        .map(|i| {
                            self.kids
                                .get(i.to_string().as_str())
                                .and_then(Node::value)
                                .unwrap_or(Value::Object(Map::new()))
                        })
                        .collect(),
                ))
            }
            _ if self.kids.is_empty() => None,
            _ => {
                let fields: Map<String, Value> = self
                    .kids
                    .iter()
                    .filter(|(k, _)| **k != "#")
                    .filter_map(|(k, n)| Some((k.to_string(), n.value()?)))
                    .collect();
                (!fields.is_empty()).then_some(Value::Object(fields))
            }
        }
    }
}

impl Registers {
    /// A session's registers with no stamps: an old record, written before
    /// they were kept. Two tabs reading it make the same registers.
    pub fn unstamped(session: &Session) -> Self {
        Registers(
            flat(session)
                .into_iter()
                .map(|(p, v)| (p, Reg::one(Stamp::default(), Some(v), BTreeMap::new())))
                .collect(),
        )
    }

    /// The session these registers hold (`None` only if they hold none).
    pub fn session(&self) -> Option<Session> {
        let mut root = Node::default();
        for (path, reg) in &self.0 {
            if let Some(shown) = reg.shown(path) {
                root.insert(path, shown);
            }
        }
        let mut session = from_value(&root.value()?).ok()?;
        session.normalize();
        Some(session)
    }

    /// This writer changed the session to `now`: every field that differs
    /// from what the registers hold is written with `at`. Returns whether
    /// anything was.
    pub fn record(&mut self, now: &Session, at: &Stamp) -> bool {
        let new = flat(now);
        // What this copy shows: registers it holds but does not show (an
        // item another copy removed) are not removed again.
        let shown = self.session().map(|s| flat(&s)).unwrap_or_default();
        let mut changed = false;
        let mut write = |regs: &mut BTreeMap<String, Reg>, path: &str, val: Option<Value>| {
            // It replaces every head of the field: all are shown here.
            let mut seen = regs.get(path).map(|r| r.seen.clone()).unwrap_or_default();
            seen.insert(at.1.clone(), at.2);
            regs.insert(path.to_string(), Reg::one(at.clone(), val, seen));
            changed = true;
        };
        for path in shown.keys() {
            if !new.contains_key(path) {
                write(&mut self.0, path, None);
            }
        }
        for (path, val) in new {
            let now_shown = self.0.get(&path).and_then(|r| r.shown(&path));
            if now_shown.map(|(_, v)| v).as_ref() != Some(&val) {
                write(&mut self.0, &path, Some(val));
            }
        }
        changed
    }

    /// Write every value still unstamped (from a record stored before
    /// registers were kept) again with `at`, as it is: two copies that
    /// hold such values otherwise never tell they differ (unstamped values
    /// count as known everywhere). Returns whether any was.
    pub fn stamp_unstamped(&mut self, at: &Stamp) -> bool {
        let mut changed = false;
        for reg in self.0.values_mut() {
            if reg.at == Stamp::default() && reg.also.is_empty() {
                let mut seen = std::mem::take(&mut reg.seen);
                seen.insert(at.1.clone(), at.2);
                *reg = Reg::one(at.clone(), reg.val.take(), seen);
                changed = true;
            }
        }
        changed
    }

    /// The latest stamp written by `writer`, to go on from.
    pub fn latest_of(&self, writer: &str) -> Option<&Stamp> {
        self.0
            .values()
            .flat_map(Reg::heads)
            .map(|(at, _)| at)
            .filter(|s| s.1 == writer)
            .max()
    }

    /// Take in another copy's changes: field by field, the changes
    /// neither copy had replaced stay (see the module's rules). Returns the
    /// fields that now hold changes made without seeing each other, newly
    /// (bookkeeping aside), with the other copy's value.
    pub fn merge(&mut self, other: &Registers) -> Vec<Conflict> {
        let mut conflicts = Vec::new();
        for (path, theirs) in &other.0 {
            let Some(mine) = self.0.get_mut(path) else {
                self.0.insert(path.clone(), theirs.clone());
                continue;
            };
            if mine == theirs {
                continue;
            }
            let kept = mine.joined(theirs);
            let new_clash = kept.also.iter().any(|h| !mine.holds(&h.at))
                || (!kept.also.is_empty() && !mine.holds(&kept.at));
            let differ = kept.heads().any(|(_, v)| *v != kept.val);
            if new_clash && differ {
                // Theirs: the latest of their heads this copy did not hold.
                let lost = theirs
                    .heads()
                    .filter(|(at, _)| !mine.holds(at))
                    .last()
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| theirs.val.clone());
                conflicts.extend(conflict(path, &lost));
            }
            *mine = kept;
        }
        conflicts
    }

    /// What these registers know: per writer, the last of its changes
    /// they hold or have seen replaced (unstamped values count as the
    /// writer `""`, change 0). A copy that only ever took in whole copies
    /// and [`Registers::delta`]s against what it knew holds *every*
    /// change of each writer up to that one.
    pub fn knowledge(&self) -> Knowledge {
        let mut k = Knowledge::new();
        let mut note = |w: &str, n: u64| {
            let e = k.entry(w.to_string()).or_default();
            *e = (*e).max(n);
        };
        for reg in self.0.values() {
            for (at, _) in reg.heads() {
                note(&at.1, at.2);
            }
            for (w, n) in &reg.seen {
                note(w, *n);
            }
        }
        k
    }

    /// The registers holding a change `known` lacks: what a copy that
    /// knows `known` needs to hold everything these hold. Merging it there
    /// is the same as merging all of these.
    pub fn delta(&self, known: &Knowledge) -> Registers {
        let lacks = |w: &str, n: u64| known.get(w).is_none_or(|k| *k < n);
        Registers(
            self.0
                .iter()
                .filter(|(_, r)| {
                    r.heads().any(|(at, _)| lacks(&at.1, at.2))
                        || r.seen.iter().any(|(w, n)| lacks(w, *n))
                })
                .map(|(p, r)| (p.clone(), r.clone()))
                .collect(),
        )
    }

    /// Does `self` hold every change `other` holds (merging it in would
    /// change nothing)?
    pub fn covers(&self, other: &Registers) -> bool {
        other
            .0
            .iter()
            .all(|(p, r)| self.0.get(p).is_some_and(|m| m == r || m.joined(r) == *m))
    }
}

fn conflict(path: &str, lost: &Option<Value>) -> Option<Conflict> {
    // A list's ids or length (`list.#`): items added or removed on both
    // sides at once. Each item's own fields say if both edited one.
    if is_bookkeeping(path) || path.ends_with('#') {
        return None;
    }
    let theirs = match lost {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    Some(Conflict {
        path: path.to_string(),
        theirs,
    })
}

/// A field two copies changed without either seeing the other's change:
/// both changes are kept (the field shows them together), and reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where, as `turns.0.goal.topic`.
    pub path: String,
    /// The other copy's change (a text as it is, anything else as JSON).
    pub theirs: String,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod concurrent;
