//! What a reminder says. Kind and encouraging, never a demand; it names the session kind.
//! The wording is picked from a few variants by the slot's seed, so it stays the same
//! across re-plans (and the diff does not churn) but does not repeat word for word.

use super::SessionKind;
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

#[cfg(test)]
mod tests {
    use super::*;

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
