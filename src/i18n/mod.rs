//! The message catalogue: every text the user sees, keyed by id, in
//! English, Spanish and Portuguese. A language is one module with the same
//! shape, and the compiler checks that it has every key (an exhaustive
//! `match`) and every card (fixed-size arrays): a missing text cannot
//! build.
//!
//! Links and files never hold these texts (built-in texts travel as
//! numbers), so a session shared from one language opens in another with
//! the built-in texts in the reader's language.

mod en;
mod es;
mod exercises;
mod first;
mod journal;
mod key;
mod markdown;
mod plural;
mod pt;
pub mod texts;

pub use exercises::{
    deck, exercise_matches, exercise_name, exercise_texts, helps_label, result_lines, ExerciseTexts,
};
pub use journal::journal_prompt;
pub use key::Key;
pub use markdown::{round_markdown, session_markdown};
pub use plural::{count_in, plural, Counted, Plural};

use crate::domain::deck::DECK_SIZE;
use crate::domain::flow::Phase;

/// Everything a language provides.
pub struct Catalogue {
    pub text: fn(Key) -> &'static str,
    /// Question cards for the coach, per phase (Goal, Reality, Options, Will).
    pub questions: [[&'static str; DECK_SIZE]; 4],
    /// The built-in ground rules, by number.
    pub rules: [&'static str; crate::domain::agreement::BUILTIN_RULES as usize],
    pub phase_names: [&'static str; 4],
    /// What each phase is about, in a few words.
    pub phase_purposes: [&'static str; 4],
    /// A one-line inquiry reminder for the coach, per phase.
    pub coach_reminders: [&'static str; 4],
    /// A one-line hint for the client, per phase.
    pub client_hints: [&'static str; 4],
}

/// A language of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Pt];

    /// The code kept in the settings, in presets (`?lang=es`) and in the
    /// page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// The locale dates and numbers are written in.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt-BR",
        }
    }

    /// The language's own name, as the language menu shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Pt => "Português",
        }
    }

    /// The language of a code or a browser's language tag (`pt-BR`,
    /// `es-419`, `EN`), if the app speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages the app speaks, else
    /// English.
    pub fn preferred<S: AsRef<str>>(tags: &[S]) -> Lang {
        tags.iter()
            .find_map(|t| Lang::from_tag(t.as_ref()))
            .unwrap_or(Lang::En)
    }

    /// The language the app starts in: the first of these the app speaks,
    /// in this order: one chosen on the first screen before the app ran,
    /// the trainer's preset (`?lang=`), the one chosen on this device, the
    /// browser's preferred ones; else English. (`public/shell.js` follows
    /// the same rule for the first screen.)
    pub fn starting<S: AsRef<str>>(
        on_first_screen: Option<&str>,
        preset: Option<&str>,
        stored: Option<&str>,
        browser: &[S],
    ) -> Lang {
        [on_first_screen, preset, stored]
            .into_iter()
            .flatten()
            .find_map(Lang::from_tag)
            .unwrap_or_else(|| Lang::preferred(browser))
    }
}

/// The locale dates are written in: the browser's own tag for the app's
/// language (`en-GB` writes 3 Oct 2026 where `en-US` writes Oct 3, 2026;
/// `es-MX`, `pt-PT`), else the language's default. Never a tag of another
/// language (its month names would be foreign), never a malformed one.
pub fn date_locale<S: AsRef<str>>(lang: Lang, browser: &[S]) -> String {
    browser
        .iter()
        .map(|t| t.as_ref().trim().replace('_', "-"))
        .find(|t| is_plain_tag(t) && Lang::from_tag(t) == Some(lang))
        .unwrap_or_else(|| lang.locale().to_string())
}

/// A language tag of plain subtags (`en`, `en-GB`, `es-419`,
/// `zh-Hant-TW`): what `Intl` accepts without throwing.
fn is_plain_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// How a calendar date (year, month, day) is written for the reader; set
/// once by the platform (the browser's `Intl`).
static DAY_FORMAT: std::sync::OnceLock<DayFormat> = std::sync::OnceLock::new();

/// Writes a calendar day (year, month, day) in a language.
pub type DayFormat = fn(Lang, i64, i64, i64) -> String;

pub fn set_day_format(format: DayFormat) {
    let _ = DAY_FORMAT.set(format);
}

/// A due date as the reader writes dates ("3 Oct 2026" in en-GB, "Oct 3,
/// 2026" in en-US, "3 oct 2026" in Spanish); a due date in words ("next
/// week") as it is. The domain keeps `YYYY-MM-DD`; nobody reads that.
pub fn day(text: &str) -> String {
    match (
        crate::domain::dates::parse_iso_date(text.trim()),
        DAY_FORMAT.get(),
    ) {
        (Some((y, m, d)), Some(format)) => format(lang(), y, m, d),
        _ => text.to_string(),
    }
}

/// Where the language in use comes from: the app registers its reactive
/// language once, so that a view reading a text follows a change of
/// language (and nothing else is drawn again). None registered (native
/// tests, domain code): English.
static SOURCE: std::sync::OnceLock<fn() -> Lang> = std::sync::OnceLock::new();

thread_local! {
    /// The language of [`in_lang`], while it runs.
    static SCOPED: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Read the language in use from `source` from now on (set once).
pub fn set_lang_source(source: fn() -> Lang) {
    let _ = SOURCE.set(source);
}

/// The language in use: the one [`in_lang`] gives, else the app's.
pub fn lang() -> Lang {
    SCOPED
        .with(std::cell::Cell::get)
        .or_else(|| SOURCE.get().map(|source| source()))
        .unwrap_or(Lang::En)
}

/// Runs `f` with every text in `lang`, whatever the app speaks: for texts
/// made outside the views (a Markdown export), and callable natively.
pub fn in_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SCOPED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SCOPED.with(|s| s.replace(Some(lang))));
    f()
}

/// The catalogue in use.
pub fn catalogue() -> &'static Catalogue {
    catalogue_of(lang())
}

/// The catalogue of `lang`.
///
/// In the release build (the `split` feature) the Spanish and Portuguese
/// catalogues are parts of the wasm of their own, fetched when the language
/// is first needed and then [`install`]ed (see `ui::catalogues`): a first
/// visit in English never downloads them. Until then this is English. So
/// is most of English: until it is installed, only the first part's texts
/// ([`first`]) are at hand.
pub fn catalogue_of(lang: Lang) -> &'static Catalogue {
    #[cfg(not(feature = "split"))]
    return match lang {
        Lang::En => &en::CATALOGUE,
        Lang::Es => &es::CATALOGUE,
        Lang::Pt => &pt::CATALOGUE,
    };
    #[cfg(feature = "split")]
    {
        let english = || {
            INSTALLED[Lang::En as usize]
                .get()
                .copied()
                .unwrap_or(&en::FIRST)
        };
        match lang {
            Lang::En => english(),
            other => INSTALLED[other as usize]
                .get()
                .copied()
                .unwrap_or_else(english),
        }
    }
}

/// The catalogues fetched so far (the `split` feature).
#[cfg(feature = "split")]
static INSTALLED: [std::sync::OnceLock<&'static Catalogue>; 3] =
    [const { std::sync::OnceLock::new() }; 3];

/// Whether all of `lang`'s own texts are at hand (for English: not only
/// the first part's, see `first`; for the others: not English in their
/// place).
pub fn is_installed(lang: Lang) -> bool {
    #[cfg(feature = "split")]
    return INSTALLED[lang as usize].get().is_some();
    #[cfg(not(feature = "split"))]
    {
        let _ = lang;
        true
    }
}

/// Take `lang`'s catalogue into use, once it has been fetched.
#[cfg(feature = "split")]
pub fn install(lang: Lang, catalogue: &'static Catalogue) {
    let _ = INSTALLED[lang as usize].set(catalogue);
}

/// The whole English catalogue: only its loader (`ui::catalogues`) names
/// it, so in the release build it is in that loader's part of the wasm and
/// the first part has only the texts of `first`.
pub fn english() -> &'static Catalogue {
    &en::CATALOGUE
}

/// The Spanish catalogue: only its loader (`ui::catalogues`) names it, so in
/// the release build it is in that loader's part of the wasm.
pub fn spanish() -> &'static Catalogue {
    &es::CATALOGUE
}

/// The Portuguese catalogue (see [`spanish`]).
pub fn portuguese() -> &'static Catalogue {
    &pt::CATALOGUE
}

/// The text for `key`, in the language in use. A text with placeholders
/// is read through its typed function in [`texts`] instead.
/// A sentence starts with a capital, whoever it names first: "the other
/// person went to Goal." is said "The other person went to Goal.".
pub fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !first.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

pub fn t(key: Key) -> &'static str {
    text_in(lang(), key)
}

/// The text for `key` in `lang`, as written (placeholders unfilled).
pub fn text_in(lang: Lang, key: Key) -> &'static str {
    (catalogue_of(lang).text)(key)
}

/// [`text_in`] when the app builds, for the checks of [`texts`]: every
/// catalogue, whatever is installed.
pub const fn text_when_built(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Es => es::text(key),
        Lang::Pt => pt::text(key),
    }
}

/// `template` with its `{name}` placeholders filled in. Values are
/// inserted as text; nothing here is ever HTML. Only [`texts`] calls it,
/// with the names its key declares (and [`count_in`], with `n`).
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn phase_name(phase: Phase) -> &'static str {
    catalogue().phase_names[phase.index()]
}

pub fn question(phase: Phase, card: u8) -> &'static str {
    catalogue().questions[phase.index()][(card as usize).min(DECK_SIZE - 1)]
}

/// A built-in ground rule's text ("" for a number this build does not know).
pub fn rule(n: u8) -> &'static str {
    catalogue().rules.get(n as usize).copied().unwrap_or("")
}

/// The word for what became of an action.
pub fn status_name(status: crate::domain::session::ActionStatus) -> &'static str {
    use crate::domain::session::ActionStatus;
    t(match status {
        ActionStatus::Open => Key::StatusOpen,
        ActionStatus::InProgress => Key::StatusInProgress,
        ActionStatus::Done => Key::StatusDone,
        ActionStatus::Dropped => Key::StatusDropped,
    })
}

/// A count in words, in the form the language in use takes for `n`
/// (its CLDR plural category, see [`plural`]).
pub fn count(n: usize, forms: Counted) -> String {
    count_in(lang(), n, forms)
}

/// A whole number as the language writes it: `12,580` in English,
/// `12.580` in Spanish (four digits stay together: `1258`) and Portuguese.
pub fn number(n: usize) -> String {
    number_in(lang(), n)
}

fn number_in(lang: Lang, n: usize) -> String {
    let (separator, from) = match lang {
        Lang::En => (',', 1_000),
        Lang::Es => ('.', 10_000),
        Lang::Pt => ('.', 1_000),
    };
    let digits = n.to_string();
    if n < from {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The pair as shown: "Amara & Jonas"; a group: "Amara, Jonas & Mia"
/// ("Amara y Jonas", "Amara e Jonas").
pub fn pair(names: &[String]) -> String {
    let all: Vec<String> = (0..names.len().max(2) as u8)
        .map(|who| person(names, who))
        .collect();
    list(&all)
}

/// Names as a list, as the language joins them: "A, B & C" in English
/// (always "&" between names), "A, B y C" in Spanish ("e" before a name
/// said with an "i" sound: "Ana e Inés"), "A, B e C" in Portuguese.
pub fn list(names: &[String]) -> String {
    list_in(lang(), names)
}

fn list_in(lang: Lang, names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = match lang {
                Lang::En => "&",
                Lang::Es if says_i_first(last) => "e",
                Lang::Es => "y",
                Lang::Pt => "e",
            };
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

/// Does a word begin with an "i" sound ("Inés", "Hilda", "Ítalo"), but
/// not "hie…" or "hia…" ("Hielo")? Spanish says "e" rather than "y" there.
fn says_i_first(word: &str) -> bool {
    let lower = word.trim().to_lowercase();
    let rest = lower.strip_prefix('h').unwrap_or(&lower);
    let mut chars = rest.chars();
    matches!(chars.next(), Some('i' | 'í'))
        && !(lower.starts_with('h') && matches!(chars.next(), Some('e' | 'a')))
}

/// A person's first name, or "Person A", "Person B"… when none was given.
pub fn person(names: &[String], who: u8) -> String {
    let name = names.get(usize::from(who)).map_or("", |n| n.trim());
    if !name.is_empty() {
        return name.to_string();
    }
    match who {
        0 => t(Key::PersonA).to_string(),
        1 => t(Key::PersonB).to_string(),
        n => {
            let letter = char::from(b'A' + n.min(25));
            texts::person_letter(lang(), &letter.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_starts_with_a_capital_whoever_it_names() {
        assert_eq!(
            sentence("the other person left.".into()),
            "The other person left."
        );
        assert_eq!(
            sentence("la otra persona se fue.".into()),
            "La otra persona se fue."
        );
        assert_eq!(sentence("Åsa left.".into()), "Åsa left.");
        assert_eq!(sentence("élodie left.".into()), "Élodie left.");
        assert_eq!(sentence(String::new()), "");
    }

    #[test]
    fn fills_placeholders_as_text() {
        assert_eq!(
            fill(
                "{coach} coaches {client}",
                &[("coach", "Jonas"), ("client", "<b>")]
            ),
            "Jonas coaches <b>"
        );
        assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[("a", "b")]), "");
    }

    #[test]
    fn every_text_is_written() {
        for key in Key::ALL {
            assert!(!t(*key).trim().is_empty(), "{key:?} is empty");
        }
        let c = catalogue();
        for deck in &c.questions {
            for q in deck {
                assert!(q.ends_with('?'), "a card should be a question: {q}");
            }
            let mut unique: Vec<_> = deck.to_vec();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), DECK_SIZE, "no card twice in a deck");
        }
        for text in c
            .rules
            .iter()
            .chain(&c.phase_names)
            .chain(&c.coach_reminders)
            .chain(&c.client_hints)
        {
            assert!(!text.trim().is_empty());
        }
    }

    #[test]
    fn names_default_to_person_a_and_b() {
        let names = [" ".to_string(), "Jonas".to_string()];
        assert_eq!(person(&names, 0), "Person A");
        assert_eq!(person(&names, 1), "Jonas");
        assert_eq!(person(&names, 4), "Person E");
        let group: Vec<String> = ["Amara", "", "Mia"].map(String::from).to_vec();
        assert_eq!(pair(&group), "Amara, Person B & Mia");
        assert_eq!(pair(&names), "Person A & Jonas");
    }

    /// The `{placeholder}` names of a text, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_language_has_every_text_with_the_same_placeholders() {
        for catalogue in [&es::CATALOGUE, &pt::CATALOGUE] {
            for &key in Key::ALL {
                let (english, other) = ((en::CATALOGUE.text)(key), (catalogue.text)(key));
                assert!(
                    !other.trim().is_empty() || english.trim().is_empty(),
                    "{key:?} is empty"
                );
                assert_eq!(
                    placeholders(english),
                    placeholders(other),
                    "{key:?}: {other}"
                );
            }
            for text in catalogue
                .questions
                .iter()
                .flatten()
                .chain(&catalogue.rules)
                .chain(&catalogue.phase_names)
                .chain(&catalogue.phase_purposes)
                .chain(&catalogue.coach_reminders)
                .chain(&catalogue.client_hints)
            {
                assert!(!text.trim().is_empty());
            }
        }
        for texts in [&es::EXERCISES, &pt::EXERCISES] {
            for (id, steps) in texts.steps.iter().enumerate() {
                assert_eq!(steps.len(), exercises::EN.steps[id].len(), "exercise {id}");
            }
        }
        for prompts in [&es::JOURNAL_PROMPT_TEXTS, &pt::JOURNAL_PROMPT_TEXTS] {
            assert!(prompts
                .iter()
                .all(|p| p.trim().ends_with('?') || p.trim().ends_with('？')));
        }
    }

    /// Texts shown only in a reciprocal session (two halves, two people),
    /// or that speak of two versions rather than of people: the only ones
    /// that may speak of halves or of "both".
    const PAIR_ONLY: &[Key] = &[
        Key::HomeIntro,
        Key::FormatReciprocalHelp,
        Key::SplitHelpReciprocal,
        Key::SwapOnTime,
        Key::SwapOver,
        Key::SwapChoiceLegend,
        Key::StartSecondHalf,
        Key::AgreementWaiting,
        Key::MergeBoth,
        Key::MergeKeepSeparate,
    ];

    /// Words that speak of a session's halves or of exactly two people.
    fn pair_words(lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::En => &[
                "this half",
                "our half",
                "each half",
                "half time",
                "first half",
                "second half",
                "both",
            ],
            Lang::Es => &[
                "esta mitad",
                "nuestra mitad",
                "cada mitad",
                "primera mitad",
                "segunda mitad",
                "ambos",
                "ambas",
                "los dos",
                "del otro",
            ],
            Lang::Pt => &[
                "nesta metade",
                "desta metade",
                "nossa metade",
                "cada metade",
                "primeira metade",
                "segunda metade",
                "ambos",
                "os dois",
                "um do outro",
            ],
        }
    }

    /// The question cards, ground rules, phase texts and every other text
    /// a one-way session or a group's turn shows say nothing of halves or
    /// of "both" (a group agrees "unless we all agree").
    #[test]
    fn texts_for_one_way_sessions_and_groups_speak_of_no_half_and_no_pair() {
        let mut found = Vec::new();
        for (lang, c) in [
            (Lang::En, &en::CATALOGUE),
            (Lang::Es, &es::CATALOGUE),
            (Lang::Pt, &pt::CATALOGUE),
        ] {
            let keys = Key::ALL
                .iter()
                .filter(|k| !PAIR_ONLY.contains(k))
                .map(|k| (c.text)(*k));
            let texts: Vec<&str> = c
                .questions
                .iter()
                .flatten()
                .chain(&c.rules)
                .chain(&c.phase_purposes)
                .chain(&c.coach_reminders)
                .chain(&c.client_hints)
                .copied()
                .chain(keys)
                .collect();
            for text in texts {
                // Placeholders are names, not words.
                let words = text.to_lowercase();
                let words: String = words
                    .split('{')
                    .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                    .collect();
                if pair_words(lang).iter().any(|w| words.contains(w)) {
                    found.push(format!("{lang:?}: {text}"));
                }
            }
        }
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn names_are_joined_as_each_language_joins_them() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            list_in(Lang::En, &names(&["Amara", "Jonas", "Mia"])),
            "Amara, Jonas & Mia"
        );
        assert_eq!(
            list_in(Lang::Es, &names(&["Amara", "Jonas", "Mia"])),
            "Amara, Jonas y Mia"
        );
        assert_eq!(
            list_in(Lang::Es, &names(&["Amara", "Inés"])),
            "Amara e Inés"
        );
        assert_eq!(
            list_in(Lang::Es, &names(&["Amara", "Hilda"])),
            "Amara e Hilda"
        );
        assert_eq!(
            list_in(Lang::Es, &names(&["Amara", "Hierro"])),
            "Amara y Hierro"
        );
        assert_eq!(
            list_in(Lang::Pt, &names(&["Amara", "Jonas"])),
            "Amara e Jonas"
        );
        assert_eq!(list_in(Lang::Pt, &names(&["Amara"])), "Amara");
        assert_eq!(list_in(Lang::Pt, &[]), "");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod lists {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// For any names, in every language: every name once, in
            /// order, commas between all but the last two, and the
            /// language's own word before the last (never "&" in Spanish or
            /// Portuguese; always "&" in English).
            #[test]
            fn names_are_joined_per_language_for_any_list(
                names in proptest::collection::vec("[A-Za-zÍíÉé][a-záíóú]{0,6}", 0..8)
            ) {
                for lang in Lang::ALL {
                    let joined = list_in(lang, &names);
                    let and = match lang {
                        Lang::En => " & ",
                        Lang::Es => if names.last().is_some_and(|l| says_i_first(l)) { " e " } else { " y " },
                        Lang::Pt => " e ",
                    };
                    let expected = match names.as_slice() {
                        [] => String::new(),
                        [one] => one.clone(),
                        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
                    };
                    prop_assert_eq!(&joined, &expected);
                    if lang != Lang::En {
                        prop_assert!(!joined.contains('&'));
                    }
                }
            }
        }
    }

    #[test]
    fn dates_follow_the_browsers_own_locale_for_the_apps_language() {
        assert_eq!(date_locale(Lang::En, &["en-GB", "en-US"]), "en-GB");
        assert_eq!(date_locale(Lang::En, &["de-DE", "en_GB"]), "en-GB");
        assert_eq!(date_locale(Lang::Es, &["en-GB", "es-MX"]), "es-MX");
        assert_eq!(date_locale(Lang::Pt, &["pt-PT"]), "pt-PT");
        assert_eq!(date_locale(Lang::Pt, &["en-GB"]), "pt-BR");
        assert_eq!(date_locale(Lang::En, &["fr-FR"]), "en");
        assert_eq!(date_locale::<&str>(Lang::Es, &[]), "es");
        assert_eq!(date_locale(Lang::En, &["en-GB<script>", "en-AU"]), "en-AU");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod starting {
        use super::*;
        use proptest::prelude::*;

        fn tag() -> impl Strategy<Value = Option<String>> {
            proptest::option::of(prop_oneof![
                "(en|es|pt|fr|de)(-[A-Z]{2})?",
                "[a-zA-Z<>_ -]{0,6}"
            ])
        }

        proptest! {
            /// For any choices, the app starts in the first one it speaks,
            /// in the order first screen, preset, this device, browser;
            /// English only where none is spoken (an oracle written as the
            /// rule reads).
            #[test]
            fn the_first_choice_the_app_speaks_wins(
                shell in tag(),
                preset in tag(),
                stored in tag(),
                browser in proptest::collection::vec("(en|es|pt|fr|de)(-[A-Z]{2})?|[a-z]{0,3}", 0..4),
            ) {
                let got = Lang::starting(shell.as_deref(), preset.as_deref(), stored.as_deref(), &browser);
                let speaks = |t: &Option<String>| t.as_deref().and_then(Lang::from_tag);
                let expected = if let Some(l) = speaks(&shell) {
                    l
                } else if let Some(l) = speaks(&preset) {
                    l
                } else if let Some(l) = speaks(&stored) {
                    l
                } else {
                    browser.iter().find_map(|t| Lang::from_tag(t)).unwrap_or(Lang::En)
                };
                prop_assert_eq!(got, expected);
            }
        }

        /// Every text read at run time is the catalogue's, in every
        /// language, for every key (the build-time checks read them
        /// through `text_when_built`).
        #[test]
        fn the_texts_read_at_run_time_are_the_catalogues() {
            for lang in Lang::ALL {
                for &key in Key::ALL {
                    assert_eq!(
                        text_in(lang, key),
                        text_when_built(lang, key),
                        "{lang:?} {key:?}"
                    );
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod date_locales {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// For any preferred languages, dates are written in the app's
            /// language (never another's), in the first well-formed tag of
            /// it the browser prefers, and Intl can read the tag.
            #[test]
            fn the_date_locale_is_the_apps_language_as_the_browser_prefers(
                tags in proptest::collection::vec(
                    prop_oneof![
                        "(en|es|pt|fr|de)([-_][A-Z]{2}|-419)?",
                        "[a-zA-Z<>_ -]{0,8}",
                    ],
                    0..5,
                )
            ) {
                for lang in Lang::ALL {
                    let locale = date_locale(lang, &tags);
                    prop_assert_eq!(Lang::from_tag(&locale), Some(lang));
                    prop_assert!(is_plain_tag(&locale));
                    let first = tags
                        .iter()
                        .map(|t| t.trim().replace('_', "-"))
                        .find(|t| is_plain_tag(t) && Lang::from_tag(t) == Some(lang));
                    prop_assert_eq!(locale, first.unwrap_or_else(|| lang.locale().to_string()));
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(number_in(Lang::En, 999), "999");
        assert_eq!(number_in(Lang::En, 1258), "1,258");
        assert_eq!(number_in(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number_in(Lang::Es, 1258), "1258");
        assert_eq!(number_in(Lang::Es, 12_580), "12.580");
        assert_eq!(number_in(Lang::Pt, 1258), "1.258");
        assert_eq!(number_in(Lang::Pt, 0), "0");
    }

    #[test]
    fn the_language_follows_the_browser_and_english_is_the_default() {
        assert_eq!(Lang::preferred(&["de-DE", "pt-BR", "es"]), Lang::Pt);
        assert_eq!(Lang::preferred(&["es-419"]), Lang::Es);
        assert_eq!(Lang::preferred(&["EN_gb"]), Lang::En);
        assert_eq!(Lang::preferred::<&str>(&[]), Lang::En);
        assert_eq!(Lang::preferred(&["fr", "de"]), Lang::En);
        assert_eq!(Lang::from_tag("pt"), Some(Lang::Pt));
        assert_eq!(Lang::from_tag(""), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }
}
