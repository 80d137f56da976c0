//! Plural forms by each language's CLDR cardinal rules.
//!
//! The rules, as CLDR writes them (`common/supplemental/plurals.xml`,
//! CLDR 46, <https://www.unicode.org/cldr/charts/46/supplemental/language_plural_rules.html>):
//!
//! - `en`: one: `i = 1 and v = 0`; other: everything else.
//! - `es`: one: `n = 1`; many: `e = 0 and i != 0 and i % 1000000 = 0 and
//!   v = 0 or e != 0..5`; other: everything else.
//! - `pt`: one: `i = 0..1`; many: as `es`; other: everything else.
//!
//! The app counts whole things written in full, so `n = i`, `v = 0` (no
//! visible fraction digits) and `e = 0` (no compact exponent): these rules
//! come down to the ones below, and tests check them against the rule
//! texts above (exhaustively up to 100,000 and around every million,
//! by property up to ten million).

use super::{fill, number_in, text_in, texts, Key, Lang};

/// A CLDR plural category (only those the app's languages use for whole
/// numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Many,
    Other,
}

/// The plural category of the whole number `n` in `lang`.
pub fn plural(lang: Lang, n: u64) -> Plural {
    let many = n != 0 && n.is_multiple_of(1_000_000);
    match lang {
        Lang::En if n == 1 => Plural::One,
        Lang::En => Plural::Other,
        Lang::Es if n == 1 => Plural::One,
        Lang::Pt if n <= 1 => Plural::One,
        Lang::Es | Lang::Pt if many => Plural::Many,
        Lang::Es | Lang::Pt => Plural::Other,
    }
}

/// A counted text: one text per plural category, each with `{n}`.
#[derive(Clone, Copy, Debug)]
pub struct Counted {
    one: Key,
    many: Key,
    other: Key,
}

impl Counted {
    /// The forms of a count; each must name `{n}` and nothing else, or the
    /// app does not build.
    const fn new(one: Key, many: Key, other: Key) -> Counted {
        let forms = [one, many, other];
        let mut i = 0;
        while i < forms.len() {
            let names = texts::placeholders(forms[i]);
            assert!(
                names.len() == 1 && names[0].len() == 1 && names[0].as_bytes()[0] == b'n',
                "each form of a count names {{n}} and nothing else"
            );
            i += 1;
        }
        Counted { one, many, other }
    }

    pub const HISTORY: Counted = Counted::new(
        Key::HistoryCountOne,
        Key::HistoryCountMany,
        Key::HistoryCount,
    );
    pub const HISTORY_FOUND: Counted = Counted::new(
        Key::HistoryFoundOne,
        Key::HistoryFoundMany,
        Key::HistoryFound,
    );
    pub const JOURNAL: Counted = Counted::new(
        Key::JournalCountOne,
        Key::JournalCountMany,
        Key::JournalCount,
    );
}

/// `n` things in words, in the form `lang` uses for `n` ("1 entry",
/// "0 registro", "1.000.000 de entradas"), the number as `lang` writes it.
pub fn count_in(lang: Lang, n: usize, forms: Counted) -> String {
    let key = match plural(lang, n as u64) {
        Plural::One => forms.one,
        Plural::Many => forms.many,
        Plural::Other => forms.other,
    };
    fill(text_in(lang, key), &[("n", &number_in(lang, n))])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CLDR rule texts, verbatim (see the module's doc).
    const RULES: [(Lang, &str, &str); 3] = [
        (Lang::En, "i = 1 and v = 0", ""),
        (
            Lang::Es,
            "n = 1",
            "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
        ),
        (
            Lang::Pt,
            "i = 0..1",
            "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
        ),
    ];

    /// An oracle: evaluates a CLDR rule text (`or` of `and`s of relations
    /// `operand [% m] (=|!=) ranges`) for a whole number `n` written in full
    /// (`i = n`, `v = 0`, `e = 0`).
    fn holds(rule: &str, n: u64) -> bool {
        if rule.trim().is_empty() {
            return false;
        }
        rule.split(" or ").any(|all| {
            all.split(" and ").all(|relation| {
                let (left, negated, right) = match relation.split_once(" != ") {
                    Some((l, r)) => (l, true, r),
                    None => {
                        let (l, r) = relation.split_once(" = ").expect("a relation");
                        (l, false, r)
                    }
                };
                let mut left = left.split(" % ");
                let value = match left.next().unwrap().trim() {
                    "n" | "i" => n,
                    "v" | "e" | "f" | "t" | "c" | "w" => 0,
                    other => panic!("operand {other}"),
                };
                let value = match left.next() {
                    Some(m) => value % m.trim().parse::<u64>().unwrap(),
                    None => value,
                };
                let inside = right.split(',').any(|range| match range.split_once("..") {
                    Some((lo, hi)) => {
                        (lo.trim().parse().unwrap()..=hi.trim().parse().unwrap()).contains(&value)
                    }
                    None => value == range.trim().parse::<u64>().unwrap(),
                });
                inside != negated
            })
        })
    }

    fn oracle(lang: Lang, n: u64) -> Plural {
        let (_, one, many) = RULES.iter().find(|r| r.0 == lang).unwrap();
        if holds(one, n) {
            Plural::One
        } else if holds(many, n) {
            Plural::Many
        } else {
            Plural::Other
        }
    }

    /// Every number up to 100,000, and every multiple of a million up to
    /// a billion with its neighbours (the proptest below covers the rest of
    /// 0..10^7).
    #[test]
    fn categories_follow_cldr_for_small_numbers_and_millions() {
        let millions = (1..=1_000u64).flat_map(|m| {
            let n = m * 1_000_000;
            [n - 1, n, n + 1]
        });
        for n in (0..=100_000u64).chain(millions) {
            for lang in Lang::ALL {
                assert_eq!(plural(lang, n), oracle(lang, n), "{lang:?} {n}");
            }
        }
    }

    #[test]
    fn cldr_examples() {
        use Plural::*;
        let cases = [
            (Lang::En, 0, Other),
            (Lang::En, 1, One),
            (Lang::En, 2, Other),
            (Lang::Es, 0, Other),
            (Lang::Es, 1, One),
            (Lang::Es, 1_000_000, Many),
            (Lang::Es, 2_000_000, Many),
            (Lang::Es, 1_000_001, Other),
            (Lang::Pt, 0, One),
            (Lang::Pt, 1, One),
            (Lang::Pt, 2, Other),
            (Lang::Pt, 1_000_000, Many),
        ];
        for (lang, n, category) in cases {
            assert_eq!(plural(lang, n), category, "{lang:?} {n}");
            assert_eq!(oracle(lang, n), category, "oracle {lang:?} {n}");
        }
    }

    #[test]
    fn counts_read_naturally() {
        let j = Counted::JOURNAL;
        assert_eq!(count_in(Lang::En, 1, j), "1 entry.");
        assert_eq!(count_in(Lang::En, 0, j), "0 entries.");
        assert_eq!(count_in(Lang::Pt, 0, j), "0 registro.");
        assert_eq!(count_in(Lang::Pt, 2, j), "2 registros.");
        assert_eq!(count_in(Lang::Es, 1_000_000, j), "1.000.000 de entradas.");
        assert_eq!(count_in(Lang::Es, 12_580, j), "12.580 entradas.");
        assert_eq!(
            count_in(Lang::Pt, 3_000_000, Counted::HISTORY),
            "3.000.000 de sessões neste dispositivo."
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// For any number up to ten million, in every language, the
            /// category is the one the CLDR rule texts give.
            #[test]
            fn categories_follow_cldr_up_to_ten_million(n in 0u64..10_000_000) {
                for lang in Lang::ALL {
                    prop_assert_eq!(plural(lang, n), oracle(lang, n));
                }
            }

            /// For any count in every language: the text is the form of
            /// the number's CLDR category, with the number written in it.
            #[test]
            fn a_count_uses_the_form_of_its_cldr_category(n in 0usize..100_000_000) {
                for lang in Lang::ALL {
                    for forms in [Counted::HISTORY, Counted::HISTORY_FOUND, Counted::JOURNAL] {
                        let key = match oracle(lang, n as u64) {
                            Plural::One => forms.one,
                            Plural::Many => forms.many,
                            Plural::Other => forms.other,
                        };
                        let expected = text_in(lang, key).replace("{n}", &number_in(lang, n));
                        prop_assert_eq!(count_in(lang, n, forms), expected);
                    }
                }
            }
        }
    }
}
