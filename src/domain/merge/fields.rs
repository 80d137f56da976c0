//! The per-field three-way merge of two versions of a session that grew
//! apart from a common one: two tabs of this device writing at the same
//! moment (and, later, a live sync). Each side's changes are taken against
//! the `base`, the last version both had seen:
//!
//! - a field only one side changed takes that side's value, so edits to
//!   different fields both survive;
//! - a text both sides changed is merged character-wise when the changes
//!   touch different places of it (two people typing at the same point keep
//!   both insertions, this side's first); when they overlap, this side's
//!   version is kept and the field is reported as a [`Conflict`], so that
//!   nothing vanishes without the user being told;
//! - lists of items with an `id` (options, actions) are matched by id: an
//!   item added on each side is kept (the other side's under a new id), an
//!   item removed on one side and left as it was on the other is removed;
//!   other lists are merged element by element while their lengths agree,
//!   otherwise every distinct element of both sides is kept.
//!
//! The merge works on the serialized form of the session, so a field added
//! to the model is merged like every other without being listed here.
//! Bookkeeping (when it changed, the step on screen, the clocks, the decks)
//! takes this side's value without a report when both changed it.

use serde_json::{Map, Value};

use crate::domain::session::Session;

/// A field both sides changed in ways that cannot both be kept: this side's
/// value was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where, as `halves.0.goal.topic`.
    pub path: String,
    /// The other side's value (a text as it is, anything else as JSON).
    pub theirs: String,
}

/// The result of [`merge_fields`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub session: Session,
    pub conflicts: Vec<Conflict>,
}

/// Merge `theirs` into `mine`, field by field, against `base`, the version
/// both grew from. `merge_fields(b, m, b)` is `m` and `merge_fields(b, b, t)`
/// is `t` (both normalized).
pub fn merge_fields(base: &Session, mine: &Session, theirs: &Session) -> Merged {
    let (Ok(b), Ok(m), Ok(t)) = (
        serde_json::to_value(base),
        serde_json::to_value(mine),
        serde_json::to_value(theirs),
    ) else {
        return Merged {
            session: mine.clone(),
            conflicts: Vec::new(),
        };
    };
    let mut cx = Cx {
        conflicts: Vec::new(),
        next_id: u64::from(mine.next_item.max(theirs.next_item)),
    };
    let merged = cx.value("", Some(&b), Some(&m), Some(&t));
    let mut session = merged
        .and_then(|v| serde_json::from_value::<Session>(v).ok())
        .unwrap_or_else(|| mine.clone());
    session.updated_ms = mine.updated_ms.max(theirs.updated_ms);
    session.normalize();
    Merged {
        session,
        conflicts: cx.conflicts,
    }
}

struct Cx {
    conflicts: Vec<Conflict>,
    /// The next free id for an item added on both sides under one id.
    next_id: u64,
}

/// Bookkeeping paths: this side's value, never a conflict.
fn is_bookkeeping(path: &str) -> bool {
    matches!(path, "updated_ms" | "step" | "next_item" | "swap")
        || path.contains("clocks")
        || path.contains("cards")
        || path.ends_with(".step")
}

/// An empty value: what a field holds before anyone wrote in it.
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(_) => false,
    }
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

/// Every element has an id (and there is at least one element).
fn keyed(lists: &[&[Value]]) -> bool {
    let mut any = false;
    for list in lists {
        for v in *list {
            if item_id(v).is_none() {
                return false;
            }
            any = true;
        }
    }
    any
}

impl Cx {
    fn value(
        &mut self,
        path: &str,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if mine == theirs || base == theirs {
            return mine.cloned();
        }
        if base == mine {
            return theirs.cloned();
        }
        // Both changed, differently. A side that only left an empty value
        // where there was none said nothing.
        if base.is_none() {
            match (mine, theirs) {
                (Some(m), Some(t)) if is_empty(m) => return Some(t.clone()),
                (Some(m), Some(t)) if is_empty(t) => return Some(m.clone()),
                _ => {}
            }
        }
        match (mine, theirs) {
            (Some(Value::Object(m)), Some(Value::Object(t))) => {
                let b = base.and_then(Value::as_object);
                Some(Value::Object(self.object(path, b, m, t)))
            }
            (Some(Value::Array(m)), Some(Value::Array(t))) => {
                let b = base.and_then(Value::as_array).map(Vec::as_slice);
                Some(Value::Array(self.array(path, b, m, t)))
            }
            (Some(Value::String(m)), Some(Value::String(t))) => {
                let b = base.and_then(Value::as_str).unwrap_or_default();
                match merge_text(b, m, t) {
                    Some(text) => Some(Value::String(text)),
                    None => {
                        self.conflict(path, theirs);
                        mine.cloned()
                    }
                }
            }
            _ => {
                self.conflict(path, theirs);
                mine.cloned()
            }
        }
    }

    fn conflict(&mut self, path: &str, theirs: Option<&Value>) {
        if is_bookkeeping(path) {
            return;
        }
        let theirs = match theirs {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => String::new(),
        };
        self.conflicts.push(Conflict {
            path: path.to_string(),
            theirs,
        });
    }

    fn object(
        &mut self,
        path: &str,
        base: Option<&Map<String, Value>>,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        let keys = mine
            .keys()
            .chain(theirs.keys().filter(|k| !mine.contains_key(*k)));
        for key in keys {
            let b = base.and_then(|b| b.get(key));
            // A key missing from a side that had the object is its empty
            // value (a field left out when empty).
            let merged = self.value(&join(path, key), b, mine.get(key), theirs.get(key));
            if let Some(v) = merged {
                out.insert(key.clone(), v);
            }
        }
        out
    }

    fn array(
        &mut self,
        path: &str,
        base: Option<&[Value]>,
        mine: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let b = base.unwrap_or_default();
        if keyed(&[b, mine, theirs]) {
            return self.by_id(path, b, mine, theirs);
        }
        // Element by element over what all three have; then what each side
        // added at the end (both sides' additions, each once).
        let common = b.len().min(mine.len()).min(theirs.len());
        let same_shape = mine.len() == theirs.len() && (base.is_none() || b.len() == mine.len());
        let mut out: Vec<Value> = Vec::new();
        let head = if same_shape { mine.len() } else { common };
        for i in 0..head {
            let v = self.value(
                &join(path, &i.to_string()),
                b.get(i),
                mine.get(i),
                theirs.get(i),
            );
            out.extend(v);
        }
        if same_shape {
            return out;
        }
        let (b_tail, m_tail, t_tail) = (&b[common..], &mine[common..], &theirs[common..]);
        // This side's rest, less what the other side removed unchanged.
        for v in m_tail {
            let removed = b_tail.contains(v) && !t_tail.contains(v);
            if !removed {
                out.push(v.clone());
            }
        }
        // The other side's rest that is new: not in the base, not here.
        for v in t_tail {
            if !b_tail.contains(v) && !out.contains(v) {
                out.push(v.clone());
            }
        }
        out
    }

    fn by_id(
        &mut self,
        path: &str,
        base: &[Value],
        mine: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let find = |list: &[Value], id: u64| list.iter().find(|v| item_id(v) == Some(id)).cloned();
        let mut out = Vec::new();
        let mut renamed = Vec::new();
        for m in mine {
            let id = item_id(m).unwrap_or_default();
            let b = find(base, id);
            match (b, find(theirs, id)) {
                // Added on both sides under the same id: two items.
                (None, Some(t)) if &t != m => {
                    out.push(m.clone());
                    renamed.push(t);
                }
                (b, Some(t)) => {
                    let p = join(path, &format!("id{id}"));
                    out.extend(self.value(&p, b.as_ref(), Some(m), Some(&t)));
                }
                // Removed there, unchanged here: removed.
                (Some(b), None) if &b == m => {}
                // Added here, or changed here and removed there: kept.
                _ => out.push(m.clone()),
            }
        }
        for t in theirs {
            let id = item_id(t).unwrap_or_default();
            if find(mine, id).is_some() {
                continue;
            }
            match find(base, id) {
                // Removed here, unchanged there: removed.
                Some(b) if &b == t => {}
                _ => out.push(t.clone()),
            }
        }
        for mut t in renamed {
            if let Some(o) = t.as_object_mut() {
                o.insert("id".into(), Value::from(self.next_id));
                self.next_id += 1;
            }
            out.push(t);
        }
        out
    }
}

/// Merge two edits of one text against the text they started from, when
/// they touch different places (or both insert at one place: this side's
/// insertion first). `None` when they overlap.
pub fn merge_text(base: &str, mine: &str, theirs: &str) -> Option<String> {
    if mine == theirs || base == theirs {
        return Some(mine.to_string());
    }
    if base == mine {
        return Some(theirs.to_string());
    }
    let b: Vec<char> = base.chars().collect();
    let m: Vec<char> = mine.chars().collect();
    let t: Vec<char> = theirs.chars().collect();
    // Each side as one replaced span of the base: b[start..end] -> new.
    let span = |x: &[char]| {
        let pre = b.iter().zip(x).take_while(|(p, q)| p == q).count();
        let max_suf = b.len().min(x.len()) - pre;
        let suf = b
            .iter()
            .rev()
            .zip(x.iter().rev())
            .take(max_suf)
            .take_while(|(p, q)| p == q)
            .count();
        (pre, b.len() - suf, x[pre..x.len() - suf].to_vec())
    };
    let (ms, me, mnew) = span(&m);
    let (ts, te, tnew) = span(&t);
    let apply = |first: (usize, usize, &[char]), second: (usize, usize, &[char])| {
        let mut out: Vec<char> = b[..first.0].to_vec();
        out.extend_from_slice(first.2);
        out.extend_from_slice(&b[first.1..second.0]);
        out.extend_from_slice(second.2);
        out.extend_from_slice(&b[second.1..]);
        out.into_iter().collect::<String>()
    };
    if me <= ts {
        // Mine wholly before theirs; both inserting at one point: mine
        // first.
        return Some(apply((ms, me, &mnew), (ts, te, &tnew)));
    }
    if te <= ms {
        return Some(apply((ts, te, &tnew), (ms, me, &mnew)));
    }
    None
}

// Property tests need proptest, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
