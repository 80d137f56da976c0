//! The first screen of `index.html` (painted before the app runs) speaks
//! the catalogues' own words: its English texts are `en.rs`'s, the Spanish
//! and Portuguese ones `public/shell.js` swaps in are `es.rs`'s and
//! `pt.rs`'s, exactly, and each of them is a text the app's home screen or
//! header shows (so when the app takes over, no word changes on screen).

// Native only: it reads the repository's files.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;

use peer_coach::i18n::{in_lang, t, Key, Lang};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn key(name: &str) -> Key {
    *Key::ALL
        .iter()
        .find(|k| format!("{k:?}") == name)
        .unwrap_or_else(|| panic!("the shell names `{name}`, which is no key"))
}

fn text(lang: Lang, name: &str) -> String {
    in_lang(lang, || t(key(name)).to_string())
}

/// The texts `index.html` marks `data-t="Key"`: key to the element's text.
fn html_texts() -> BTreeMap<String, Vec<String>> {
    let html = read("index.html");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for part in html.split("data-t=\"").skip(1) {
        let (name, rest) = part.split_once('"').expect("a closed attribute");
        let rest = &rest[rest.find('>').expect("the tag ends") + 1..];
        let content = &rest[..rest.find('<').expect("an element's text")];
        out.entry(name.to_string())
            .or_default()
            .push(content.to_string());
    }
    out
}

/// The table of `shell.js` for one language: key to text.
fn script_texts(code: &str) -> BTreeMap<String, String> {
    let script = read("public/shell.js");
    let start = script
        .find(&format!("    {code}: {{\n"))
        .unwrap_or_else(|| panic!("shell.js has no `{code}` texts"));
    let block = &script[start..];
    let block = &block[..block.find("\n    },").expect("the table ends")];
    block
        .lines()
        .skip(1)
        .map(|line| {
            let (name, value) = line.trim().split_once(": ").expect("`Key: \"text\",`");
            let value: String = serde_json::from_str(value.trim_end_matches(','))
                .unwrap_or_else(|e| panic!("{name}: not a plain string ({e})"));
            (name.to_string(), value)
        })
        .collect()
}

#[test]
fn the_english_first_screen_is_the_english_catalogue() {
    let html = html_texts();
    assert!(html.len() >= 10, "the shell's texts were found: {html:?}");
    for (name, contents) in &html {
        for content in contents {
            assert_eq!(
                content,
                &text(Lang::En, name),
                "index.html, data-t=\"{name}\""
            );
        }
    }
    // The sound's other state is only in the script.
    let script = read("public/shell.js");
    let off = serde_json::to_string(&text(Lang::En, "SoundOff")).unwrap();
    assert!(
        script.contains(&format!("english.SoundOff = {off};")),
        "shell.js's English SoundOff is {off}"
    );
}

#[test]
fn the_swapped_texts_are_the_catalogues_and_cover_the_first_screen() {
    let mut wanted: Vec<String> = html_texts().into_keys().collect();
    wanted.push("SoundOff".into());
    wanted.sort();
    for (code, lang) in [("es", Lang::Es), ("pt", Lang::Pt)] {
        let table = script_texts(code);
        let mut names: Vec<String> = table.keys().cloned().collect();
        names.sort();
        assert_eq!(
            names, wanted,
            "shell.js's `{code}` texts are those of index.html"
        );
        for (name, value) in &table {
            assert_eq!(value, &text(lang, name), "shell.js, {code}.{name}");
        }
    }
}

#[test]
fn every_text_of_the_first_screen_is_one_the_app_shows_there() {
    // ("Opening…": what the app says while a screen's part is fetched.)
    let views = read("src/ui/home.rs") + &read("src/ui/header.rs") + &read("src/ui/screens.rs");
    for name in html_texts().keys() {
        assert!(
            views.contains(&format!("Key::{name}")),
            "the home screen or header shows Key::{name}"
        );
    }
}
