//! The words a patient reads: every sentence the core hands to a shell comes from the
//! Fluent catalogues in `core/locales/<locale>/<area>.ftl`, with its values filled in
//! here. Rules decide in types; only this module turns a decision into a sentence, so a
//! translation can never change what the app decides.
//!
//! Use [`t!`](crate::messages::t): `t!(locale, "gate-ready")` or
//! `t!(locale, "gate-rt", side = side_name, ms = 1500)`. Numbers that need decimals are
//! formatted with [`decimal`] first (Fluent's own number formatting is not localised).
//! The tests check that every id used in the sources exists in every catalogue with the
//! same variables.

use crate::text::text_enum;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::OnceLock;

text_enum!(
    /// A catalogue the core has: the device's language picks one ([`Locale::from_tag`]).
    Locale {
        English => "en",
        German => "de",
    }
);

/// Every catalogue file, by locale and area. Adding an area: add its two files here.
const CATALOGUES: &[(Locale, &str)] = &[
    (Locale::English, include_str!("../../locales/en/common.ftl")),
    (Locale::English, include_str!("../../locales/en/left-right.ftl")),
    (Locale::English, include_str!("../../locales/en/reminders.ftl")),
    (Locale::English, include_str!("../../locales/en/programme.ftl")),
    (Locale::English, include_str!("../../locales/en/sessions.ftl")),
    (Locale::English, include_str!("../../locales/en/plan.ftl")),
    (Locale::English, include_str!("../../locales/en/screens.ftl")),
    (Locale::German, include_str!("../../locales/de/common.ftl")),
    (Locale::German, include_str!("../../locales/de/left-right.ftl")),
    (Locale::German, include_str!("../../locales/de/reminders.ftl")),
    (Locale::German, include_str!("../../locales/de/programme.ftl")),
    (Locale::German, include_str!("../../locales/de/sessions.ftl")),
    (Locale::German, include_str!("../../locales/de/plan.ftl")),
    (Locale::German, include_str!("../../locales/de/screens.ftl")),
];

impl Locale {
    /// The catalogue for a BCP 47 tag from the device or the shell ("de-AT", "de_CH.UTF-8"
    /// → German). Any language without a catalogue gets English: a phone set to Finnish
    /// still works.
    pub fn from_tag(tag: &str) -> Locale {
        let language = tag.split(['-', '_', '.']).next().unwrap_or("").to_ascii_lowercase();
        Locale::ALL.iter().copied().find(|l| l.as_str() == language).unwrap_or(Locale::English)
    }
}

/// A value filled into a message: text, or a number (which also picks plural forms).
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
macro_rules! number_arg {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )+};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

fn bundles() -> &'static [(Locale, FluentBundle<FluentResource>)] {
    static BUNDLES: OnceLock<Vec<(Locale, FluentBundle<FluentResource>)>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Locale::ALL
            .iter()
            .map(|&locale| {
                let id = locale.as_str().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Shells draw plain text; Unicode isolation marks would show as boxes in
                // some terminals.
                bundle.set_use_isolating(false);
                for (_, source) in CATALOGUES.iter().filter(|(l, _)| *l == locale) {
                    // A syntax error drops only the broken entry; the tests keep the
                    // catalogues free of them.
                    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
                    let _ = bundle.add_resource(resource);
                }
                (locale, bundle)
            })
            .collect()
    })
}

fn format(locale: Locale, id: &str, args: &FluentArgs) -> Option<String> {
    let (_, bundle) = bundles().iter().find(|(l, _)| *l == locale)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The sentence `id` in `locale` with `args` filled in. A message missing from a
/// catalogue falls back to English, then to its id; the tests keep both from happening.
pub fn text(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent.set(*name, FluentValue::from(s.as_ref())),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    format(locale, id, &fluent)
        .or_else(|| format(Locale::English, id, &fluent))
        .unwrap_or_else(|| id.to_string())
}

/// `x` with `places` decimals, written as the locale writes numbers (1.5 / 1,5).
pub fn decimal(locale: Locale, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match locale {
        Locale::English => s,
        Locale::German => s.replace('.', ","),
    }
}

/// `t!(locale, "id", name = value, …)`: the sentence `id` with its values filled in.
macro_rules! t {
    ($locale:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::text(
            $locale,
            $id,
            &[$((stringify!($name), $crate::messages::Arg::from($value))),*],
        )
    };
}

pub(crate) use t;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id → the variables its text (all its variants) uses, per locale.
    fn catalogue(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
        let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (_, source) in CATALOGUES.iter().filter(|(l, _)| *l == locale) {
            let mut current = None;
            for line in source.lines() {
                if line.starts_with('#') {
                    current = None; // a comment ends the entry above it
                    continue;
                }
                let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                if starts_entry && let Some((id, _)) = line.split_once(" =") {
                    assert!(messages.insert(id.trim().to_string(), BTreeSet::new()).is_none(), "{id} twice");
                    current = Some(id.trim().to_string());
                }
                if let Some(id) = &current {
                    let vars = messages.get_mut(id).unwrap();
                    for part in line.split('$').skip(1) {
                        let name: String =
                            part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                        vars.insert(name);
                    }
                }
            }
        }
        messages
    }

    #[test]
    fn every_catalogue_parses_and_the_locales_hold_the_same_messages() {
        for (locale, source) in CATALOGUES {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{locale}: {errors:?}");
            }
        }
        let en = catalogue(Locale::English);
        let de = catalogue(Locale::German);
        assert_eq!(en.keys().collect::<Vec<_>>(), de.keys().collect::<Vec<_>>(), "en and de differ");
        for (id, vars) in &en {
            assert_eq!(vars, &de[id], "{id}: en and de use different variables");
        }
    }

    /// Scans the sources for `t!(…, "id"` and checks each id is in the catalogues.
    #[test]
    fn every_message_the_code_uses_exists() {
        let en = catalogue(Locale::English);
        let mut used = 0;
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                for (i, _) in source.match_indices("t!(") {
                    let before = source[..i].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue; // format!( and friends
                    }
                    let line_start = source[..i].rfind('\n').map_or(0, |n| n + 1);
                    if source[line_start..i].trim_start().starts_with("//") {
                        continue; // an example in a comment
                    }
                    let rest = &source[i..];
                    let Some(start) = rest.find('"') else { continue };
                    let head = rest[3..start].trim_end();
                    if !head.ends_with(',') || head.contains(['{', ';']) {
                        continue; // not a call with a literal id, e.g. this test's own text
                    }
                    let id: String = rest[start + 1..].chars().take_while(|c| *c != '"').collect();
                    assert!(
                        en.contains_key(&id),
                        "{}: message '{id}' is not in the catalogues",
                        path.display()
                    );
                    used += 1;
                }
            }
        }
        assert!(used > 0);
    }

    #[test]
    fn values_plurals_and_fallbacks() {
        assert_eq!(t!(Locale::English, "days", count = 1), "1 day");
        assert_eq!(t!(Locale::English, "days", count = 3), "3 days");
        assert_eq!(t!(Locale::German, "days", count = 1), "1 Tag");
        assert_eq!(t!(Locale::German, "days", count = 3), "3 Tage");
        assert_eq!(text(Locale::German, "no-such-message", &[]), "no-such-message");
        assert_eq!(decimal(Locale::German, 1.25, 1), "1,2");
        assert_eq!(decimal(Locale::English, 1.5, 1), "1.5");
    }

    #[test]
    fn device_tags_pick_a_catalogue() {
        assert_eq!(Locale::from_tag("de-AT"), Locale::German);
        assert_eq!(Locale::from_tag("de_CH.UTF-8"), Locale::German);
        assert_eq!(Locale::from_tag("en-GB"), Locale::English);
        assert_eq!(Locale::from_tag("fi"), Locale::English);
        assert_eq!(Locale::from_tag(""), Locale::English);
    }
}
