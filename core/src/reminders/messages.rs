//! What a reminder says. Kind and encouraging, never a demand; it names the session kind.
//! The wording is picked from a few variants by the slot's seed, so it stays the same
//! across re-plans (and the diff does not churn) but does not repeat word for word.

use super::SessionKind;
use crate::error::{Error, Result};
use crate::messages::{Locale, t};

/// The scheme shells register for deep links.
const DEEP_LINK_SCHEME: &str = "proprio";

/// The title of a reminder.
pub(crate) fn title(kind: SessionKind, snoozed: bool, locale: Locale) -> String {
    if snoozed {
        t!(locale, "reminder-title-snoozed", kind = kind.as_str())
    } else {
        t!(locale, "reminder-title", kind = kind.as_str())
    }
}

/// The body of a reminder, one of three variants chosen by `variant_seed`.
pub(crate) fn body(kind: SessionKind, variant_seed: u64, locale: Locale) -> String {
    match variant_seed % 3 {
        0 => t!(locale, "reminder-body-0", kind = kind.as_str()),
        1 => t!(locale, "reminder-body-1", kind = kind.as_str()),
        _ => t!(locale, "reminder-body-2", kind = kind.as_str()),
    }
}

/// The deep link a tap on the reminder opens: `proprio://practice?kind=…&reminder=…`.
pub(crate) fn deep_link(kind: SessionKind, reminder_id: &str) -> String {
    format!("{DEEP_LINK_SCHEME}://practice?kind={}&reminder={reminder_id}", kind.as_str())
}

/// Longest deep link read: ours are under 100 characters.
const MAX_LINK_CHARS: usize = 256;

/// The session kind a reminder's deep link opens (the link as [`deep_link`] writes it;
/// the reminder id after it is not needed to open the session). Errors name `link`.
pub(crate) fn kind_of_link(link: &str) -> Result<SessionKind> {
    let bad = |reason: &str| Error::invalid("link", reason.to_string());
    if link.len() > MAX_LINK_CHARS {
        return Err(bad("longer than a reminder's link"));
    }
    let query = link
        .strip_prefix(DEEP_LINK_SCHEME)
        .and_then(|rest| rest.strip_prefix("://practice?"))
        .ok_or_else(|| bad("not a Proprio reminder's link (proprio://practice?kind=…)"))?;
    let kind = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("kind="))
        .ok_or_else(|| bad("names no session kind"))?;
    SessionKind::parse(kind, "link")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_names_its_kind_and_anything_else_is_refused_by_name() {
        for &k in SessionKind::ALL {
            assert_eq!(kind_of_link(&deep_link(k, "20261102-left-right-0")).unwrap(), k);
        }
        for bad in [
            "",
            "proprio://practice",
            "proprio://practice?reminder=x",
            "proprio://practice?kind=juggling",
            "https://practice?kind=mirror",
            "proprio://settings?kind=mirror",
            &format!("proprio://practice?kind=mirror&x={}", "y".repeat(300)),
        ] {
            assert!(
                matches!(kind_of_link(bad), Err(Error::InvalidArgument { ref field, .. }) if field == "link"),
                "{bad}"
            );
        }
    }

    #[test]
    fn every_kind_has_its_own_wording_in_every_locale() {
        for &locale in Locale::ALL {
            let titles: std::collections::HashSet<String> =
                SessionKind::ALL.iter().map(|&k| title(k, false, locale)).collect();
            assert_eq!(titles.len(), SessionKind::ALL.len(), "{locale}: {titles:?}");
            for &k in SessionKind::ALL {
                assert_ne!(title(k, true, locale), title(k, false, locale));
                let bodies: std::collections::HashSet<String> = (0..3).map(|s| body(k, s, locale)).collect();
                assert_eq!(bodies.len(), 3, "{locale} {k}");
                assert!(deep_link(k, "x").contains(k.as_str()));
            }
        }
        assert_eq!(title(SessionKind::Mirror, false, Locale::English), "Time for mirror practice");
        assert_eq!(title(SessionKind::Mirror, false, Locale::German), "Zeit für Spiegelübung");
    }
}
