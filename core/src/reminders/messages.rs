//! What a reminder says. Kind and encouraging, never a demand; it names the session kind.
//! The wording is picked from a few variants by the slot's seed, so it stays the same
//! across re-plans (and the diff does not churn) but does not repeat word for word.

use super::SessionKind;

/// The scheme shells register for deep links.
const DEEP_LINK_SCHEME: &str = "proprio";

fn name(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::LeftRight => "left/right practice",
        SessionKind::MotorImagery => "motor imagery",
        SessionKind::Mirror => "mirror practice",
        SessionKind::Desensitisation => "touch practice",
        SessionKind::Exposure => "your next step",
        SessionKind::SensoryDiscrimination => "touch discrimination",
    }
}

fn bodies(kind: SessionKind) -> [&'static str; 3] {
    match kind {
        SessionKind::LeftRight => [
            "A couple of minutes of left or right pictures, at your own pace.",
            "Short and regular is what helps. A few pictures whenever you are ready.",
            "Your brain practises a little every time. Two minutes is plenty.",
        ],
        SessionKind::MotorImagery => [
            "Imagine the movement slowly, a few times each. No need to move.",
            "A few minutes of imagined movement, gently and at your pace.",
            "Picture the pose and ease back out of it. Short is fine.",
        ],
        SessionKind::Mirror => [
            "A few minutes with the mirror, moving your other side gently.",
            "Mirror time: slow, easy movements, stop whenever you like.",
            "A short, calm mirror session when you have a moment.",
        ],
        SessionKind::Desensitisation => [
            "A few minutes with your texture, light touch only. Stop above 3 out of 10.",
            "Gentle touch practice when you are ready. Easy does it.",
            "Light touch for a few minutes, at a level that feels safe.",
        ],
        SessionKind::Exposure => [
            "When you feel ready, try your next step, within your limits.",
            "A small step today counts. Take a breath first.",
            "Your next step is waiting, at your pace and within your plan.",
        ],
        SessionKind::SensoryDiscrimination => [
            "A few minutes of touch guessing with your helper.",
            "Short touch practice with your helper, whenever suits you both.",
            "A quick round of touch discrimination when your helper is free.",
        ],
    }
}

/// The title of a reminder.
pub(crate) fn title(kind: SessionKind, snoozed: bool) -> String {
    let n = name(kind);
    let mut t = String::with_capacity(32);
    t.push_str(if snoozed { "Ready now? " } else { "Time for " });
    t.push_str(n);
    t
}

/// The body of a reminder, chosen by `variant_seed`.
pub(crate) fn body(kind: SessionKind, variant_seed: u64) -> String {
    let b = bodies(kind);
    b[(variant_seed % b.len() as u64) as usize].to_string()
}

/// The deep link a tap on the reminder opens: `proprio://practice?kind=…&reminder=…`.
pub(crate) fn deep_link(kind: SessionKind, reminder_id: &str) -> String {
    format!("{DEEP_LINK_SCHEME}://practice?kind={}&reminder={reminder_id}", kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_wording_that_names_it() {
        for &k in SessionKind::ALL {
            assert!(title(k, false).contains(name(k)));
            for s in 0..3 {
                assert!(!body(k, s).is_empty());
            }
            assert!(deep_link(k, "x").contains(k.as_str()));
        }
    }
}
