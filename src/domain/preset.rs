//! Presets a trainer puts in the page's address (the query string, before
//! the `#`), to embed the app in a course: embed mode, one exercise or the
//! full flow, the format, the phase minutes, the language, and whether
//! sharing is shown. For example:
//!
//! ```text
//! ?embed=1&exercise=role-play&lang=es&share=off
//! ?embed=1&format=one-way&minutes=5,8,10,7
//! ```
//!
//! The trainers' screen previews a link with `preview=1` added (see
//! [`Preset::preview_query`]): that page keeps nothing and starts empty,
//! so a preview never shows nor touches the trainer's own saved data. The
//! link a trainer copies never carries it.
//!
//! Reading never fails: an unknown parameter or a value that is not valid
//! is left out and listed in [`Preset::ignored`], so the page can say so.

use crate::domain::exercise::ExerciseId;
use crate::domain::flow::Format;
use crate::domain::setup::split_fits;

/// The languages a preset may ask for.
pub const LANGUAGES: [&str; 3] = ["en", "es", "pt"];

/// Most minutes a preset gives one phase.
pub const MAX_PHASE_MINUTES: u32 = 45;

/// Longest value kept in a note about an ignored parameter.
const NOTE_CHARS: usize = 40;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preset {
    /// Compact layout for an iframe, reporting its height to the parent.
    pub embed: bool,
    /// Open this exercise rather than the full flow.
    pub exercise: Option<ExerciseId>,
    /// The session's format at setup (pairs only).
    pub format: Option<Format>,
    /// Minutes of Goal, Reality, Options and Will for each half.
    pub minutes: Option<[u32; 4]>,
    /// The language (`en`, `es`, `pt`).
    pub lang: Option<String>,
    /// Is sharing shown? (Default: yes.)
    pub share: Option<bool>,
    /// The trainers' preview: start empty and keep nothing on the device.
    pub preview: bool,
    /// A STUN (or TURN) server for working together across networks
    /// (`stun=stun:host:port`): the Work together panel offers it, chosen.
    pub stun: Option<String>,
    /// Parameters left out: `(name, value)`, as typed (shortened).
    pub ignored: Vec<(String, String)>,
}

impl Preset {
    /// Read a query string (`?a=b&c=d`, with or without its `?`).
    pub fn parse(query: &str) -> Preset {
        let mut preset = Preset::default();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (name, value) = (decode(name), decode(value));
            if !preset.take(&name, &value) {
                preset.ignored.push((shorten(&name), shorten(&value)));
            }
        }
        // Minutes whose session would be shorter or longer than the form
        // allows (10 to 180 minutes, both halves) are left out too, and
        // said: the form would otherwise change them without a word.
        if let Some(m) = preset.minutes.filter(|_| !preset.minutes_fit()) {
            preset.minutes = None;
            let typed = m.map(|x| x.to_string()).join(",");
            preset.ignored.push(("minutes".to_string(), typed));
        }
        preset
    }

    /// How long the session of these minutes is, in the format the link
    /// opens (reciprocal if none): both halves of a reciprocal session.
    pub fn session_minutes(&self) -> Option<u32> {
        let format = self.format.unwrap_or(Format::Reciprocal);
        self.minutes
            .map(|m| m.iter().sum::<u32>().saturating_mul(format.turns() as u32))
    }

    /// Do the minutes, if any, make a session the setup takes as they are
    /// (10 to 180 minutes, every phase a minute or more)? Minutes that do
    /// not are left out when a link is read, so a link never carries them.
    pub fn minutes_fit(&self) -> bool {
        let format = self.format.unwrap_or(Format::Reciprocal);
        self.minutes.is_none_or(|m| split_fits(format, m))
    }

    /// Use one parameter; `false` if it is unknown or its value invalid.
    fn take(&mut self, name: &str, value: &str) -> bool {
        let value = value.trim();
        match name.trim() {
            "embed" => flag(value).map(|on| self.embed = on).is_some(),
            "share" => flag(value).map(|on| self.share = Some(on)).is_some(),
            "preview" => flag(value).map(|on| self.preview = on).is_some(),
            "exercise" => ExerciseId::from_slug(value)
                .map(|id| self.exercise = Some(id))
                .is_some(),
            "format" => match value {
                "reciprocal" => {
                    self.format = Some(Format::Reciprocal);
                    true
                }
                "one-way" => {
                    self.format = Some(Format::OneWay);
                    true
                }
                _ => false,
            },
            "minutes" => minutes(value).map(|m| self.minutes = Some(m)).is_some(),
            "stun" if crate::domain::live::invite::is_valid_server(value) => {
                self.stun = Some(value.to_string());
                true
            }
            "lang" => {
                let code = value.to_ascii_lowercase();
                let ok = LANGUAGES.contains(&code.as_str());
                if ok {
                    self.lang = Some(code);
                }
                ok
            }
            _ => false,
        }
    }

    /// Is sharing shown?
    pub fn shows_sharing(&self) -> bool {
        self.share != Some(false)
    }

    /// The query string of the trainers' preview of this preset: the
    /// link's own query with `preview=1`, so the preview page keeps nothing.
    pub fn preview_query(&self) -> String {
        let link = Preset {
            preview: false,
            ..self.clone()
        }
        .to_query();
        if link.is_empty() {
            "?preview=1".to_string()
        } else {
            format!("{link}&preview=1")
        }
    }

    /// The query string of this preset (`?embed=1&…`, empty for none), as
    /// the trainers' screen builds it for a course. It never carries
    /// `preview`: a course's learners keep their work. Nor minutes that
    /// do not fit ([`Preset::minutes_fit`]): the page would only say it
    /// left them out (the trainers' screen says so, and why).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if let Some(id) = self.exercise {
            parts.push(format!("exercise={}", id.slug()));
        }
        match self.format {
            Some(Format::Reciprocal) => parts.push("format=reciprocal".into()),
            Some(Format::OneWay) => parts.push("format=one-way".into()),
            _ => {}
        }
        if let Some(m) = self.minutes.filter(|_| self.minutes_fit()) {
            parts.push(format!("minutes={},{},{},{}", m[0], m[1], m[2], m[3]));
        }
        if let Some(lang) = &self.lang {
            parts.push(format!("lang={lang}"));
        }
        if self.share == Some(false) {
            parts.push("share=off".into());
        }
        if let Some(stun) = &self.stun {
            // Its characters are printable ASCII: only `%`, `&`, `+` and
            // `#` would read back otherwise.
            let escaped = stun
                .replace('%', "%25")
                .replace('&', "%26")
                .replace('+', "%2B")
                .replace('#', "%23");
            parts.push(format!("stun={escaped}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// The page's query string once the language `code` is chosen from the
/// menu: each `lang` parameter says it (the rest as it was, to the
/// character), so a reload speaks the language chosen, not the link's.
/// `None` where the query has no `lang`: the device's choice is enough.
pub fn with_lang(query: &str, code: &str) -> Option<String> {
    let mut found = false;
    let pairs: Vec<String> = query
        .trim_start_matches('?')
        .split('&')
        .map(|pair| {
            let name = pair.split_once('=').map_or(pair, |(name, _)| name);
            if decode(name).trim() == "lang" {
                found = true;
                format!("{name}={code}")
            } else {
                pair.to_string()
            }
        })
        .collect();
    found.then(|| format!("?{}", pairs.join("&")))
}

fn flag(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Four phase minutes, `5,8,10,7`, each 1 to [`MAX_PHASE_MINUTES`].
fn minutes(value: &str) -> Option<[u32; 4]> {
    let parts: Vec<u32> = value
        .split(',')
        .map(|p| p.trim().parse::<u32>().ok())
        .collect::<Option<_>>()?;
    let m: [u32; 4] = parts.try_into().ok()?;
    m.iter()
        .all(|&x| (1..=MAX_PHASE_MINUTES).contains(&x))
        .then_some(m)
}

/// Percent-decoding (`+` is a space); invalid sequences stay as typed and
/// invalid UTF-8 becomes U+FFFD.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(NOTE_CHARS).collect();
    if text.chars().count() > NOTE_CHARS {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trainers_preset_is_read() {
        let p = Preset::parse(
            "?embed=1&exercise=role-play&format=one-way&minutes=5,8,10,7&lang=ES&share=off",
        );
        assert!(p.embed);
        assert_eq!(p.exercise, Some(ExerciseId::RolePlay));
        assert_eq!(p.format, Some(Format::OneWay));
        assert_eq!(p.minutes, Some([5, 8, 10, 7]));
        assert_eq!(p.lang.as_deref(), Some("es"));
        assert!(!p.shows_sharing());
        assert!(p.ignored.is_empty());
    }

    #[test]
    fn nothing_is_a_plain_page() {
        for q in ["", "?", "&&"] {
            let p = Preset::parse(q);
            assert_eq!(p, Preset::default());
            assert!(p.shows_sharing());
            assert_eq!(p.to_query(), "");
        }
        assert!(Preset::parse("?embed").embed);
    }

    #[test]
    fn unknown_or_invalid_values_are_ignored_and_listed() {
        let p = Preset::parse(
            "?format=triangle&minutes=5,8,10&minutes=0,1,1,1&lang=fr&exercise=juggling&share=maybe&colour=red&embed=2",
        );
        assert_eq!(
            p,
            Preset {
                ignored: vec![
                    ("format".into(), "triangle".into()),
                    ("minutes".into(), "5,8,10".into()),
                    ("minutes".into(), "0,1,1,1".into()),
                    ("lang".into(), "fr".into()),
                    ("exercise".into(), "juggling".into()),
                    ("share".into(), "maybe".into()),
                    ("colour".into(), "red".into()),
                    ("embed".into(), "2".into()),
                ],
                ..Preset::default()
            }
        );
    }

    #[test]
    fn script_in_a_parameter_is_only_ever_a_listed_value() {
        let p = Preset::parse("?exercise=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=%22%3E%3Cimg%20src%3Dx%3E&x%3Cb%3E=1&minutes=1%2C2%2C3%2C%3Cb%3E");
        assert_eq!(p.exercise, None);
        assert_eq!(
            p.ignored[0],
            ("exercise".into(), "<script>alert(1)</script>".into())
        );
        assert_eq!(p.ignored[1], ("lang".into(), "\"><img src=x>".into()));
        assert_eq!(p.ignored[2], ("x<b>".into(), "1".into()));
        assert_eq!(p.ignored.len(), 4);
        let long = format!("?{}=1", "a".repeat(500));
        assert_eq!(
            Preset::parse(&long).ignored[0].0.chars().count(),
            NOTE_CHARS + 1
        );
        // Broken escapes and bytes stay text.
        let odd = Preset::parse("?x=%&y=%zz&z=%E2%82&%=1");
        assert_eq!(odd.ignored.len(), 4);
        assert_eq!(odd.ignored[0].1, "%");
        assert_eq!(odd.ignored[1].1, "%zz");
    }

    #[test]
    fn the_trainers_link_reads_back_as_built() {
        let p = Preset {
            embed: true,
            exercise: Some(ExerciseId::WhatIf),
            format: Some(Format::Reciprocal),
            minutes: Some([4, 6, 8, 6]),
            lang: Some("pt".into()),
            share: Some(false),
            preview: false,
            stun: Some("stun:stun.example.org:3478".into()),
            ignored: Vec::new(),
        };
        assert_eq!(
            p.to_query(),
            "?embed=1&exercise=what-if&format=reciprocal&minutes=4,6,8,6&lang=pt&share=off&stun=stun:stun.example.org:3478"
        );
        assert_eq!(Preset::parse(&p.to_query()), p);
    }
}
