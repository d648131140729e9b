//! Graded exposure (seed 000): the patient's own ladder of feared activities, each rated
//! for fear 0–100; one step at a time, least feared first. Each exposure starts with a
//! short breathing cue and logs expected and actual pain and fear before and after; the
//! next step is offered once fear after an exposure has fallen to at most half (a
//! parameter) of the step's own rating.

use super::{About, Script, Step, StepPurpose, TimerCue};
use crate::error::{Error, Result};
use crate::params::Parameters;

/// Most steps on the ladder (removed ones not counted).
pub const MAX_STEPS: usize = 20;
/// Longest activity, in characters.
pub const MAX_ACTIVITY_CHARS: usize = 80;
/// Fear of an activity is rated 0–100.
pub const MAX_FEAR: u8 = 100;

/// Checks an activity and its fear rating; errors name `activity` and `fear`.
pub fn check_step(activity: &str, fear: u8) -> Result<String> {
    let activity = activity.trim();
    let chars = activity.chars().count();
    if chars == 0 || chars > MAX_ACTIVITY_CHARS {
        return Err(Error::invalid(
            "activity",
            format!("{chars} characters; an activity has 1 to {MAX_ACTIVITY_CHARS}"),
        ));
    }
    if activity.chars().any(char::is_control) {
        return Err(Error::invalid("activity", "an activity cannot hold control characters"));
    }
    if fear > MAX_FEAR {
        return Err(Error::invalid("fear", format!("{fear} is outside the 0–{MAX_FEAR} scale")));
    }
    Ok(activity.to_string())
}

/// Whether fear has fallen enough to offer the next step: fear after the exposure at or
/// below the step's rating less `exposure_fear_drop` of it.
pub fn fear_fell(rated: u8, fear_after: u32, p: &Parameters) -> bool {
    f64::from(fear_after) <= f64::from(rated) * (1.0 - p.exposure_fear_drop)
}

/// A ladder step, for choosing the one to practise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rung {
    pub id: i64,
    pub fear: u8,
    /// Fear has fallen enough after one of its exposures.
    pub passed: bool,
}

/// The step to practise: the least feared not yet passed (ties: the older one first).
pub fn current(rungs: &[Rung]) -> Option<&Rung> {
    rungs.iter().filter(|r| !r.passed).min_by_key(|r| (r.fear, r.id))
}

/// One exposure: pain before, expected pain, fear before, breathing, the activity, the
/// pain it brought, fear after, pain after.
pub fn script(activity: &str, p: &Parameters) -> Script {
    let about = || About::Activity { name: activity.to_string() };
    let steps = vec![
        Step::new(StepPurpose::PainBefore, About::Nothing),
        Step::new(StepPurpose::ExpectedPain, about()),
        Step::new(StepPurpose::FearBefore, about()),
        Step::timed(StepPurpose::Breathing, p.exposure_breathing_s, TimerCue::Breathe, About::Nothing),
        Step::new(StepPurpose::Activity, about()),
        Step::new(StepPurpose::ActualPain, about()),
        Step::new(StepPurpose::FearAfter, about()),
        Step::new(StepPurpose::PainAfter, About::Nothing),
    ];
    Script { steps, stop_above: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_step_is_offered_when_fear_halves() {
        let p = Parameters::default();
        assert!(!fear_fell(60, 31, &p));
        assert!(fear_fell(60, 30, &p));
        assert!(fear_fell(0, 0, &p), "an unfeared step passes with no fear");
        let rungs = [
            Rung { id: 1, fear: 30, passed: true },
            Rung { id: 2, fear: 70, passed: false },
            Rung { id: 3, fear: 50, passed: false },
            Rung { id: 4, fear: 50, passed: false },
        ];
        assert_eq!(current(&rungs).map(|r| r.id), Some(3));
        assert_eq!(current(&rungs[..1]), None);
    }

    #[test]
    fn a_breathing_cue_comes_before_the_activity() {
        let s = script("carry a bag of shopping", &Parameters::default());
        let at = |p: StepPurpose| s.steps.iter().position(|s| s.purpose == p).unwrap();
        assert!(at(StepPurpose::Breathing) < at(StepPurpose::Activity));
        assert!(at(StepPurpose::ExpectedPain) < at(StepPurpose::Activity));
        assert!(at(StepPurpose::Activity) < at(StepPurpose::ActualPain));
        assert_eq!(s.steps[at(StepPurpose::Breathing)].timer.unwrap().seconds, 60);
        assert_eq!(s.steps[at(StepPurpose::FearBefore)].scale(), Some(super::super::Scale::Fear));
    }

    #[test]
    fn activities_and_fear_are_bounded() {
        assert_eq!(check_step("  stairs ", 40).unwrap(), "stairs");
        for (activity, fear, field) in
            [("", 10, "activity"), ("x\u{7}", 10, "activity"), ("stairs", 101, "fear")]
        {
            assert!(matches!(check_step(activity, fear),
                Err(Error::InvalidArgument { field: f, .. }) if f == field));
        }
        assert!(check_step(&"é".repeat(MAX_ACTIVITY_CHARS), 0).is_ok());
        assert!(check_step(&"é".repeat(MAX_ACTIVITY_CHARS + 1), 0).is_err());
    }
}
