//! Property tests of a trainer's presets: the link a course gets reads back
//! as built and never opens the trainers' preview (a course's learners keep
//! their work), and the preview's address is the same preset in preview mode
//! (a page that starts empty and keeps nothing).

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::exercise::ExerciseId;
use peer_coach::domain::flow::Format;
use peer_coach::domain::preset::{with_lang, Preset, LANGUAGES, MAX_PHASE_MINUTES};
use peer_coach::domain::session::Setup;
use peer_coach::domain::setup::split_fits;
use proptest::prelude::*;

fn any_preset() -> impl Strategy<Value = Preset> {
    let exercise = proptest::option::of(proptest::sample::select(ExerciseId::ALL.to_vec()));
    let format = proptest::option::of(prop_oneof![Just(Format::Reciprocal), Just(Format::OneWay)]);
    let minutes = proptest::option::of(proptest::array::uniform4(1..=MAX_PHASE_MINUTES));
    let lang = proptest::option::of(proptest::sample::select(LANGUAGES.to_vec()));
    (
        any::<bool>(),
        exercise,
        format,
        minutes,
        lang,
        any::<bool>(),
        any::<bool>(),
        prop::option::of("(stun|turn):[a-z0-9.%&+#=-]{1,30}(:[0-9]{1,5})?"),
    )
        .prop_map(
            |(embed, exercise, format, minutes, lang, share_off, preview, stun)| Preset {
                embed,
                exercise,
                format,
                minutes,
                lang: lang.map(str::to_string),
                // Sharing shown is the default: a link writes only `off`.
                share: share_off.then_some(false),
                preview,
                stun,
                ignored: Vec::new(),
            },
        )
}

proptest! {
    /// A preset's minutes are the setup's, exactly, or they are left out
    /// and the page says so ("a value that is not valid is ignored, and
    /// the page says which"): never changed without a word.
    #[test]
    fn preset_minutes_are_the_setups_or_said_to_be_left_out(
        format in proptest::option::of(prop_oneof![Just("reciprocal"), Just("one-way")]),
        minutes in proptest::array::uniform4(0u32..60),
        format_first in any::<bool>(),
    ) {
        let m = minutes.map(|x| x.to_string()).join(",");
        let mut params = vec![format!("minutes={m}")];
        if let Some(f) = format {
            params.insert(if format_first { 0 } else { 1 }, format!("format={f}"));
        }
        let preset = Preset::parse(&format!("?{}", params.join("&")));
        let setup = Setup::from_preset(preset.format, preset.minutes);
        let turns = setup.format.turns() as u32;
        if preset.minutes.is_some() {
            prop_assert_eq!(setup.plan, minutes);
            prop_assert_eq!(setup.total_minutes, minutes.iter().sum::<u32>() * turns);
            prop_assert!(preset.ignored.is_empty());
        } else {
            prop_assert!(preset.ignored.iter().any(|(name, value)| name == "minutes" && *value == m));
            prop_assert_eq!(setup.plan, Setup::from_preset(preset.format, None).plan);
        }
        // Minutes that fit are never left out.
        let fits = minutes.iter().all(|&x| (1..=MAX_PHASE_MINUTES).contains(&x))
            && (10..=180).contains(&(minutes.iter().sum::<u32>() * turns));
        prop_assert_eq!(preset.minutes.is_some(), fits);
    }

    /// A trainer's minutes are each phase's, whichever pair format the
    /// people choose at setup: with the format left to them or set, the
    /// other pair format shows the same minutes wherever they fit it
    /// (a session of 10 to 180 minutes in that format), and going back
    /// shows them again.
    #[test]
    fn a_trainers_minutes_stay_in_either_pair_format(
        format in proptest::option::of(prop_oneof![Just(Format::Reciprocal), Just(Format::OneWay)]),
        minutes in proptest::array::uniform4(1u32..=MAX_PHASE_MINUTES),
    ) {
        let first = format.unwrap_or(Format::Reciprocal);
        prop_assume!(split_fits(first, minutes));
        let mut setup = Setup::from_preset(format, Some(minutes));
        let other = if first == Format::OneWay { Format::Reciprocal } else { Format::OneWay };
        setup.set_format(other);
        let sum = minutes.iter().sum::<u32>();
        let turns = if other == Format::OneWay { 1 } else { 2 };
        if (10..=180).contains(&(sum * turns)) {
            prop_assert_eq!(setup.plan, minutes);
            prop_assert_eq!(setup.total_minutes, sum * turns);
        }
        setup.set_format(first);
        prop_assert_eq!(setup.plan, minutes);
    }

    /// The trainers' screen takes any minutes its fields allow (1 to 45
    /// a phase) in any format: the link it builds carries them exactly
    /// when the setup takes them as they are (the session 10 to 180
    /// minutes long, exact oracle), and none otherwise. A course's page
    /// never says it left something of the trainer's out.
    #[test]
    fn a_trainers_link_carries_only_minutes_the_setup_takes(p in any_preset()) {
        let read = Preset::parse(&p.to_query());
        prop_assert!(read.ignored.is_empty(), "{:?}", read.ignored);
        let turns = if p.format == Some(Format::OneWay) { 1 } else { 2 };
        let fits = p.minutes.is_some_and(|m| (10..=180).contains(&(m.iter().sum::<u32>() * turns)));
        prop_assert_eq!(read.minutes, if fits { p.minutes } else { None });
        prop_assert_eq!(p.minutes_fit(), p.minutes.is_none() || fits);
        prop_assert_eq!(p.session_minutes(), p.minutes.map(|m| m.iter().sum::<u32>() * turns));
        if let Some(m) = read.minutes {
            prop_assert_eq!(Setup::from_preset(read.format, read.minutes).plan, m);
        }
    }

    #[test]
    fn the_link_never_previews_and_the_preview_is_the_same_preset(p in any_preset()) {
        // (Minutes that do not fit are left out of it: the property above.)
        prop_assume!(p.minutes.is_none_or(|m| split_fits(p.format.unwrap_or(Format::Reciprocal), m)));
        let link = p.to_query();
        prop_assert!(!link.contains("preview"));
        let read = Preset::parse(&link);
        prop_assert!(!read.preview);
        prop_assert_eq!(read, Preset { preview: false, ..p.clone() });

        let preview = Preset::parse(&p.preview_query());
        prop_assert!(preview.preview);
        prop_assert!(preview.ignored.is_empty());
        prop_assert_eq!(preview, Preset { preview: true, ..p });
    }

    /// Whatever a page's address says, it is a preview exactly when its
    /// last valid `preview` parameter says yes (exact oracle).
    #[test]
    fn only_asking_for_it_previews(
        pairs in proptest::collection::vec(
            (
                proptest::sample::select(vec!["preview", "Preview", "previews", "embed", "share"]),
                proptest::sample::select(vec![None, Some(""), Some("1"), Some("yes"), Some("on"), Some("0"), Some("off"), Some("2")]),
            ),
            0..6,
        )
    ) {
        let query = pairs
            .iter()
            .map(|(name, value)| match value {
                Some(v) => format!("{name}={v}"),
                None => name.to_string(),
            })
            .collect::<Vec<_>>()
            .join("&");
        let mut expected = false;
        for (name, value) in &pairs {
            if *name == "preview" {
                match value.unwrap_or("") {
                    "" | "1" | "yes" | "on" => expected = true,
                    "0" | "off" => expected = false,
                    _ => {}
                }
            }
        }
        prop_assert_eq!(Preset::parse(&query).preview, expected, "{}", query);
    }

    /// A language chosen from the menu is the one a reload speaks: an
    /// address with `lang` (valid or not, any number of times, encoded
    /// or not) asks for it afterwards, and says everything else as it did.
    #[test]
    fn a_language_chosen_is_the_one_the_address_asks_for(
        pairs in proptest::collection::vec(
            (
                proptest::sample::select(vec!["lang", "la%6Eg", "Lang", "embed", "share", "exercise", "x&y", ""]),
                proptest::option::of("[a-zA-Z0-9%+=,.-]{0,8}"),
            ),
            0..6,
        ),
        code in proptest::sample::select(LANGUAGES.to_vec()),
    ) {
        let query = format!("?{}", pairs
            .iter()
            .map(|(name, value)| match value {
                Some(v) => format!("{name}={v}"),
                None => name.to_string(),
            })
            .collect::<Vec<_>>()
            .join("&"));
        let before = Preset::parse(&query);
        let asks = query.trim_start_matches('?').split('&').any(|pair| {
            let name = pair.split_once('=').map_or(pair, |(n, _)| n);
            name == "lang" || name == "la%6Eg"
        });
        match with_lang(&query, code) {
            None => prop_assert!(!asks, "{}", query),
            Some(after) => {
                prop_assert!(asks, "{}", query);
                let read = Preset::parse(&after);
                prop_assert_eq!(read.lang.as_deref(), Some(code));
                // Nothing else changes, nor is any lang left ignored.
                let others = |p: &Preset| Preset {
                    lang: None,
                    ignored: p.ignored.iter().filter(|(n, _)| n.trim() != "lang").cloned().collect(),
                    ..p.clone()
                };
                prop_assert_eq!(others(&read), others(&before));
                prop_assert!(read.ignored.iter().all(|(n, _)| n.trim() != "lang"));
            }
        }
    }
}
