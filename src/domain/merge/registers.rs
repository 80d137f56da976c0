//! A session as a map of last-writer-wins registers, one per field: the
//! state two tabs of this device (and, later, a live sync between two
//! browsers) exchange and merge. Each register holds a field's value (or
//! that it was removed), the [`Stamp`] of the change that wrote it, and
//! which changes of that field are known with it (per writer, the last).
//!
//! [`Registers::merge`] keeps, field by field, the later change. It is
//! commutative, associative and idempotent, so tabs that have taken in the
//! same changes, in any order, any number of times, hold the same session:
//! a stale copy written over a newer one is recognised as older, field by
//! field, and loses. Edits to different fields never touch each other's
//! registers, so both survive. Two changes of one field made without
//! seeing each other (neither's writer knew the other) are
//! reported as a [`Conflict`]: the later one is kept and nothing vanishes
//! without the user being told.
//!
//! Paths: object keys joined with `.`; a list of items with an `id` is
//! `list.#` (the ids in order) and `list.id7.…` per item; a list of
//! objects without ids is `list.#` (its length) and `list.0.…`; any other
//! value (texts, numbers, lists of texts) is one register. The registers
//! live beside the session in the stored record, never in a share link.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::session::Session;

/// When a change was made and by whom: `(ms, writer, counter)`, ordered
/// in that order. A writer's stamps only grow.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp(pub i64, pub String, pub u64);

/// One field: its value (`None`: removed), the change that wrote it, and
/// the changes of it known where it is (per writer, the last counter).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reg {
    #[serde(rename = "a")]
    pub at: Stamp,
    #[serde(rename = "s", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, u64>,
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none")]
    pub val: Option<Value>,
}

impl Reg {
    /// The total order the merge keeps the greatest of: the stamp, then
    /// (only for copies of an old record, all stamped zero) the value.
    fn key(&self) -> (&Stamp, String) {
        let val = self.val.as_ref().map(Value::to_string).unwrap_or_default();
        (&self.at, val)
    }

    /// Was the change `at` known here?
    fn knows(&self, at: &Stamp) -> bool {
        *at == Stamp::default() || self.seen.get(&at.1).is_some_and(|n| *n >= at.2)
    }

    /// Both registers' knowledge.
    fn learn(&mut self, other: &Reg) {
        for (w, n) in &other.seen {
            let mine = self.seen.entry(w.clone()).or_default();
            *mine = (*mine).max(*n);
        }
    }
}

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
    if let Ok(v) = to_value(session) {
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

/// A tree of the present registers, to be made a value again.
#[derive(Default)]
struct Node<'a> {
    leaf: Option<&'a Reg>,
    kids: BTreeMap<&'a str, Node<'a>>,
}

impl<'a> Node<'a> {
    fn insert(&mut self, path: &'a str, reg: &'a Reg) {
        if path.is_empty() {
            self.leaf = Some(reg);
            return;
        }
        let (head, rest) = path.split_once('.').unwrap_or((path, ""));
        self.kids.entry(head).or_default().insert(rest, reg);
    }

    /// The latest change under this node (the register itself aside).
    fn latest_below(&self) -> Option<&'a Stamp> {
        self.kids
            .values()
            .filter_map(|k| {
                let own = k.leaf.map(|r| &r.at);
                own.max(k.latest_below())
            })
            .max()
    }

    fn value(&self) -> Option<Value> {
        // A value set whole, or fields below it: the later change.
        if let Some(reg) = self.leaf {
            if self.latest_below().is_none_or(|below| *below < reg.at) {
                return reg.val.clone();
            }
        }
        let order = self
            .kids
            .get("#")
            .and_then(|n| n.leaf)
            .and_then(|r| r.val.as_ref());
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
                .map(|(p, v)| {
                    let reg = Reg {
                        at: Stamp::default(),
                        seen: BTreeMap::new(),
                        val: Some(v),
                    };
                    (p, reg)
                })
                .collect(),
        )
    }

    /// The session these registers hold (`None` only if they hold none).
    pub fn session(&self) -> Option<Session> {
        let mut root = Node::default();
        for (path, reg) in &self.0 {
            if reg.val.is_some() {
                root.insert(path, reg);
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
            let mut seen = regs.get(path).map(|r| r.seen.clone()).unwrap_or_default();
            seen.insert(at.1.clone(), at.2);
            regs.insert(
                path.to_string(),
                Reg {
                    at: at.clone(),
                    seen,
                    val,
                },
            );
            changed = true;
        };
        for path in shown.keys() {
            if !new.contains_key(path) {
                write(&mut self.0, path, None);
            }
        }
        for (path, val) in new {
            if self.0.get(&path).and_then(|r| r.val.as_ref()) != Some(&val) {
                write(&mut self.0, &path, Some(val));
            }
        }
        changed
    }

    /// The latest stamp written by `writer`, to go on from.
    pub fn latest_of(&self, writer: &str) -> Option<&Stamp> {
        self.0
            .values()
            .map(|r| &r.at)
            .filter(|s| s.1 == writer)
            .max()
    }

    /// Take in another copy's changes: field by field, the later change
    /// stays. Returns the changes of one field made without seeing each
    /// other, the value that lost in each (bookkeeping aside).
    pub fn merge(&mut self, other: &Registers) -> Vec<Conflict> {
        let mut conflicts = Vec::new();
        for (path, theirs) in &other.0 {
            let Some(mine) = self.0.get_mut(path) else {
                self.0.insert(path.clone(), theirs.clone());
                continue;
            };
            let (won, lost) = if mine.key() >= theirs.key() {
                (mine.clone(), theirs)
            } else {
                (theirs.clone(), &*mine)
            };
            if won.val != lost.val && !won.knows(&lost.at) && !lost.knows(&won.at) {
                conflicts.extend(conflict(path, lost));
            }
            let mut kept = won;
            kept.learn(lost);
            *mine = kept;
        }
        conflicts
    }

    /// Does `self` hold every change `other` holds?
    pub fn covers(&self, other: &Registers) -> bool {
        other.0.iter().all(|(p, r)| {
            self.0.get(p).is_some_and(|m| {
                m.key() >= r.key() && r.seen.iter().all(|(w, n)| m.seen.get(w) >= Some(n))
            })
        })
    }
}

fn conflict(path: &str, lost: &Reg) -> Option<Conflict> {
    if is_bookkeeping(path) {
        return None;
    }
    let theirs = match &lost.val {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    Some(Conflict {
        path: path.to_string(),
        theirs,
    })
}

/// A field two tabs changed without either seeing the other's change: the
/// later change was kept, and the other is reported (never lost unsaid).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where, as `turns.0.goal.topic`.
    pub path: String,
    /// The change that lost (a text as it is, anything else as JSON).
    pub theirs: String,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) mod tests;
