//! The DOM ids the views render, focus and point at are defined once, in
//! `src/ui/ids.rs`: no view writes an id as a string literal, every fixed id
//! that something points at (a label's `for`, `aria-labelledby`,
//! `aria-describedby`, `aria-controls`, a focus call) is also rendered as an
//! element's `id`, and ids built from data are valid, distinct and never
//! one of the fixed ids. (That each rendered screen holds the ids its labels
//! name is checked in the browser: `tests/e2e/screens.spec.ts`.)

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../src/ui/ids.rs"]
mod ids;

use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/ui` but `ids.rs`, with its text.
fn ui_sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).expect("src/ui is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("ids.rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut out,
    );
    assert!(out.len() > 40, "the views were found");
    out
}

/// The attributes that name an element by its id.
const POINTERS: [&str; 4] = [
    "for=",
    "aria-labelledby=",
    "aria-describedby=",
    "aria-controls=",
];
/// The calls that find an element by its id.
const FINDERS: [&str; 4] = [
    "focus_later(",
    "select_later(",
    "focus_now(",
    "get_element_by_id(",
];

/// The constant's name (`SCREEN_TITLE`) right after `at`, if `ids::` is there.
fn const_after(text: &str, at: usize) -> Option<&str> {
    let rest = text[at..].strip_prefix("ids::")?;
    let end = rest
        .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0 && rest[..end].chars().any(|c| c.is_ascii_uppercase())).then_some(&rest[..end])
}

/// Whether `text[at..]` starts with `attr` as a whole attribute name.
fn attribute_at(text: &str, at: usize, attr: &str) -> bool {
    text[at..].starts_with(attr)
        && text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_whitespace())
}

#[test]
fn no_view_writes_an_id_as_a_literal() {
    let mut found = Vec::new();
    for (path, text) in ui_sources() {
        for (n, line) in text.lines().enumerate() {
            // An id only its own element uses may be built in place; one
            // that something points at comes from ids.rs or a shared value.
            let literal_attr = std::iter::once(&"id=").chain(POINTERS.iter()).any(|attr| {
                line.match_indices(attr).any(|(at, _)| {
                    let value = &line[at + attr.len()..];
                    attribute_at(line, at, attr)
                        && (value.starts_with('"')
                            || (*attr != "id=" && value.starts_with("format!")))
                })
            });
            let literal_call = FINDERS.iter().any(|call| {
                line.match_indices(call).any(|(at, _)| {
                    let arg = &line[at + call.len()..];
                    arg.starts_with('"')
                        || arg.starts_with("format!")
                        || arg.starts_with("&format!")
                })
            });
            if literal_attr || literal_call {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "ids belong in src/ui/ids.rs:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_fixed_id_is_valid_and_defined_once() {
    let mut seen = BTreeSet::new();
    for id in ids::ALL {
        assert!(
            !id.is_empty()
                && id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id:?} is a plain lower-case id"
        );
        assert!(seen.insert(id), "{id:?} is defined twice");
    }
}

#[test]
fn every_fixed_id_pointed_at_is_rendered_and_every_one_is_used() {
    let names: BTreeMap<&str, &str> = {
        let text = include_str!("../src/ui/ids.rs");
        text.lines()
            .filter_map(|l| {
                let (name, value) = l.trim().split_once(" = \"")?;
                Some((name, value.strip_suffix("\",")?))
            })
            .collect()
    };
    assert_eq!(
        names.len(),
        ids::ALL.len(),
        "every fixed id is read from ids.rs"
    );
    let mut rendered = BTreeSet::new();
    let mut pointed = BTreeMap::new();
    let mut used = BTreeSet::new();
    let sources = ui_sources();
    for (path, text) in &sources {
        let text = text.as_str();
        for (at, _) in text.match_indices("ids::") {
            if let Some(name) = const_after(text, at) {
                used.insert(name);
            }
        }
        for (at, _) in text.match_indices("id=ids::") {
            if attribute_at(text, at, "id=") {
                rendered.extend(const_after(text, at + 3));
            }
        }
        for pointer in POINTERS.iter().chain(FINDERS.iter()) {
            for (at, _) in text.match_indices(pointer) {
                if let Some(name) = const_after(text, at + pointer.len()) {
                    pointed.insert(name, path.display().to_string());
                }
            }
        }
    }
    for (name, place) in &pointed {
        assert!(
            names.contains_key(name),
            "ids::{name} (in {place}) is in ids.rs"
        );
        assert!(
            rendered.contains(name),
            "ids::{name} is pointed at in {place} but no element renders it"
        );
    }
    for name in names.keys() {
        assert!(used.contains(name), "ids::{name} is used by a view");
    }
}

/// Every id built from data, tagged with the function that built it.
fn built(n: usize, m: u32, turn: char, side: char, tag: &str) -> Vec<(&'static str, String)> {
    vec![
        ("member", ids::member(n)),
        ("member_arrow", ids::member_arrow(n, n.is_multiple_of(2))),
        ("round_person", ids::round_person(n)),
        ("rule", ids::rule(n)),
        ("carried", ids::carried(n)),
        ("answer", ids::answer(n)),
        ("new_option", ids::new_option(turn)),
        ("option", ids::option(turn, m)),
        ("option_part", ids::option_part(turn, m, tag)),
        ("option_point", ids::option_point(turn, m, tag, n)),
        ("option_point_add", ids::option_point_add(turn, m, tag)),
        ("action_part", ids::action_part(turn, m, tag)),
        ("add_action", ids::add_action(turn)),
        ("period_change", ids::period_change(m)),
        ("period_edit", ids::period_edit(m)),
        ("period_edit_title", ids::period_edit_title(m)),
        ("period_error", ids::period_error(m)),
        ("pair_button", ids::pair_button(tag, m)),
        ("pair_choice", ids::pair_choice(tag, side, m)),
        ("away", ids::away(m, n as u32)),
    ]
}

proptest! {
    /// An id built from data is one token (so it can stand in an
    /// `aria-labelledby` list), never a fixed id, and two different
    /// functions never build the same id from the same data.
    #[test]
    fn built_ids_are_tokens_distinct_from_each_other_and_the_fixed_ones(
        n in 0usize..1000,
        m in 0u32..1000,
        turn in prop::sample::select(vec!['a', 'b']),
        side in prop::sample::select(vec!['a', 'b']),
        tag in prop::sample::select(vec!["pro", "con", "up", "down", "chosen", "swap", "lock"]),
    ) {
        let all = built(n, m, turn, side, tag);
        let mut seen = BTreeMap::new();
        for (function, id) in &all {
            prop_assert!(!id.is_empty() && !id.contains(char::is_whitespace), "{function}: {id:?}");
            prop_assert!(!ids::ALL.contains(&id.as_str()), "{function}: {id:?} is a fixed id");
            if let Some(other) = seen.insert(id.clone(), *function) {
                prop_assert!(false, "{function} and {other} both build {id:?}");
            }
        }
    }

    /// Different data never builds the same id in one function.
    #[test]
    fn built_ids_tell_their_data_apart(
        (n1, n2) in (0usize..1000, 0usize..1000),
        (m1, m2) in (0u32..1000, 0u32..1000),
    ) {
        prop_assume!(n1 != n2 && m1 != m2);
        let one = built(n1, m1, 'a', 'a', "pro");
        let two = built(n2, m2, 'a', 'a', "pro");
        for ((function, a), (_, b)) in one.iter().zip(&two) {
            let by_data = !matches!(*function, "new_option" | "add_action");
            if by_data {
                prop_assert_ne!(a, b, "{} built the same id for different data", function);
            }
        }
    }
}
