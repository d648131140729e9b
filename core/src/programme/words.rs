//! The programme's sentences, made from its typed decisions with the catalogues in
//! `core/locales/<locale>/programme.ftl`. Nothing here decides anything.

use super::flare::FlareSign;
use super::stages::{EaseBack, StageBlocker, StageDecision, TransitionReason};
use super::{SessionKind, Stage};
use crate::laterality::GateBlocker;
use crate::messages::{Locale, decimal, t};
use crate::stimulus::BodyPart;

pub fn stage_name(locale: Locale, stage: Stage) -> String {
    match stage {
        Stage::LeftRight => t!(locale, "stage-left-right"),
        Stage::MotorImagery => t!(locale, "stage-motor-imagery"),
        Stage::Mirror => t!(locale, "stage-mirror"),
        Stage::SensoryDiscrimination => t!(locale, "stage-sensory-discrimination"),
        Stage::GradedMovement => t!(locale, "stage-graded-movement"),
    }
}

pub fn kind_name(locale: Locale, kind: SessionKind) -> String {
    match kind {
        SessionKind::LeftRight => t!(locale, "programme-kind-left-right"),
        SessionKind::MotorImagery => t!(locale, "programme-kind-motor-imagery"),
        SessionKind::Mirror => t!(locale, "programme-kind-mirror"),
        SessionKind::Desensitisation => t!(locale, "programme-kind-desensitisation"),
        SessionKind::Exposure => t!(locale, "programme-kind-exposure"),
        SessionKind::SensoryDiscrimination => t!(locale, "programme-kind-sensory-discrimination"),
    }
}

pub fn part_name(locale: Locale, part: BodyPart) -> String {
    match part {
        BodyPart::Hand => t!(locale, "programme-part-hand"),
        BodyPart::Foot => t!(locale, "programme-part-foot"),
        BodyPart::Back => t!(locale, "programme-part-back"),
        BodyPart::Neck => t!(locale, "programme-part-neck"),
        BodyPart::Knee => t!(locale, "programme-part-knee"),
        BodyPart::Shoulder => t!(locale, "programme-part-shoulder"),
    }
}

/// The sentence for a decision about a body part in `stage`.
pub fn decision(locale: Locale, stage: Stage, d: &StageDecision) -> String {
    let name = stage_name(locale, stage);
    match d {
        StageDecision::Enter { to, .. } => moved_on(locale, *to),
        StageDecision::Advance { from, to } => {
            t!(locale, "stage-advance", from = stage_name(locale, *from), to = stage_name(locale, *to))
        }
        StageDecision::Locked => t!(locale, "stage-locked", stage = name),
        StageDecision::EaseBack { ease } => ease_back(locale, ease),
        StageDecision::Stay { blockers } => match blockers.first() {
            Some(first) => stay(locale, &name, first),
            None => t!(locale, "stage-stay-last", stage = name),
        },
    }
}

/// "Well done: today you move on to motor imagery." — on the day a gate was passed.
pub fn moved_on(locale: Locale, to: Stage) -> String {
    t!(locale, "stage-moved-on", to = stage_name(locale, to))
}

fn stay(locale: Locale, stage: &str, blocker: &StageBlocker) -> String {
    match blocker {
        StageBlocker::Laterality { gate } => laterality(locale, stage, gate),
        StageBlocker::TooFewSessions { have, need } => too_few_sessions(locale, stage, *have, *need),
        StageBlocker::TooFewDays { have, need } => too_few_days(locale, stage, *have, *need),
        StageBlocker::VividnessBelowGoal { median, need } => t!(
            locale,
            "stage-stay-vividness",
            stage = stage,
            median = decimal(locale, *median, 1),
            need = decimal(locale, *need, 1)
        ),
        StageBlocker::FeltWorseRecently { calm_sessions, need } => {
            t!(locale, "stage-stay-felt-worse", stage = stage, more = need.saturating_sub(*calm_sessions))
        }
        StageBlocker::TooFewDaysInStage { day, need } => too_few_days_in_stage(locale, stage, *day, *need),
        StageBlocker::LastStage => t!(locale, "stage-stay-last", stage = stage),
    }
}

/// Stage 1's gate blockers, in the stage machine's words (the gate's own verdict is the
/// left/right screen's).
fn laterality(locale: Locale, stage: &str, blocker: &GateBlocker) -> String {
    match blocker {
        GateBlocker::TooFewSessions { have, need } => too_few_sessions(locale, stage, *have, *need),
        GateBlocker::TooFewDays { have, need } => too_few_days(locale, stage, *have, *need),
        GateBlocker::TooFewDaysInStage { day, need } => too_few_days_in_stage(locale, stage, *day, *need),
        GateBlocker::AccuracyBelowGoal { goal, .. } => {
            t!(locale, "stage-stay-lr-accuracy", stage = stage, goal = (goal * 100.0).round())
        }
        GateBlocker::SlowerThanGoal { goal_ms, .. } => {
            t!(locale, "stage-stay-lr-speed", stage = stage, seconds = decimal(locale, goal_ms / 1000.0, 1))
        }
        GateBlocker::TooManyAnticipations { .. } => t!(locale, "stage-stay-lr-guessing", stage = stage),
        GateBlocker::RecentDrop { .. } => t!(locale, "stage-stay-lr-drop", stage = stage),
        GateBlocker::LevelBelowGoal { need, .. } => {
            t!(locale, "stage-stay-lr-level", stage = stage, need = *need)
        }
    }
}

fn too_few_sessions(locale: Locale, stage: &str, have: u32, need: u32) -> String {
    t!(locale, "stage-stay-sessions", stage = stage, more = need.saturating_sub(have), need = need)
}

fn too_few_days(locale: Locale, stage: &str, have: u32, need: u32) -> String {
    t!(locale, "stage-stay-days", stage = stage, have = have, need = need)
}

fn too_few_days_in_stage(locale: Locale, stage: &str, day: u32, need: u32) -> String {
    t!(locale, "stage-stay-days-in-stage", stage = stage, day = day, need = need)
}

/// The kind explanation, then each suggestion that applies.
pub fn ease_back(locale: Locale, ease: &EaseBack) -> String {
    let mut parts = vec![
        t!(locale, "stage-ease-back"),
        t!(locale, "stage-ease-pictures", images = ease.images_per_session),
    ];
    if let Some(level) = ease.level {
        parts.push(t!(locale, "stage-ease-level", level = level));
    }
    if let Some(stage) = ease.earlier_stage {
        parts.push(t!(locale, "stage-ease-stage", stage = stage_name(locale, stage)));
    }
    parts.join(" ")
}

/// The history's sentence for a stored transition.
pub fn transition(locale: Locale, from: Option<Stage>, to: Stage, reason: &TransitionReason) -> String {
    let to_name = stage_name(locale, to);
    let from_name = stage_name(locale, from.unwrap_or(to));
    match reason {
        TransitionReason::Started => t!(locale, "transition-started", to = to_name),
        TransitionReason::TherapistLock => t!(locale, "transition-therapist-lock", to = to_name),
        TransitionReason::PlanChanged => {
            t!(locale, "transition-plan-changed", from = from_name, to = to_name)
        }
        TransitionReason::GatePassed { days_in_stage, .. } => {
            t!(locale, "transition-gate-passed", from = from_name, to = to_name, days = *days_in_stage)
        }
        TransitionReason::FlareBegan { signs } => match signs.first() {
            Some(FlareSign::FeltWorse { .. }) => {
                t!(locale, "transition-flare-began-felt-worse", stage = to_name)
            }
            _ => t!(locale, "transition-flare-began", stage = to_name),
        },
        TransitionReason::FlareEnded => t!(locale, "transition-flare-ended", stage = to_name),
    }
}

/// The safety message for a flare's first sign.
pub fn flare_safety(locale: Locale, sign: &FlareSign) -> String {
    match sign {
        FlareSign::Pain { baseline, recent, .. } => t!(
            locale,
            "safety-flare-pain",
            baseline = decimal(locale, *baseline, if baseline.fract() == 0.0 { 0 } else { 1 }),
            sessions = recent.len()
        ),
        FlareSign::FeltWorse { .. } => t!(locale, "safety-flare-felt-worse"),
    }
}

pub fn check_first(locale: Locale) -> String {
    t!(locale, "safety-check-first")
}

pub fn set_up(locale: Locale) -> String {
    t!(locale, "today-set-up")
}

pub fn done_for_today(locale: Locale) -> String {
    t!(locale, "today-done")
}

/// "Next: motor imagery (hand). 1 of 3 done today." (no count without a target).
pub fn next(
    locale: Locale,
    kind: SessionKind,
    part: BodyPart,
    gently: bool,
    done: u32,
    target: u32,
) -> String {
    let (kind, part) = (kind_name(locale, kind), part_name(locale, part));
    if gently {
        t!(locale, "today-next-gently", kind = kind, part = part)
    } else if target == 0 {
        t!(locale, "today-next-untargeted", kind = kind, part = part)
    } else {
        t!(locale, "today-next", kind = kind, part = part, done = done, target = target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_in_both_languages() {
        let stay =
            StageDecision::Stay { blockers: vec![StageBlocker::TooFewDaysInStage { day: 9, need: 14 }] };
        assert_eq!(
            decision(Locale::English, Stage::LeftRight, &stay),
            "Stay with left/right judgement for now: each stage lasts at least 14 days, and today is day 9. \
             Going slowly is what makes it work."
        );
        assert!(decision(Locale::German, Stage::LeftRight, &stay).contains("heute ist Tag 9"));
        let sessions =
            StageDecision::Stay { blockers: vec![StageBlocker::TooFewSessions { have: 9, need: 10 }] };
        assert!(
            decision(Locale::English, Stage::Mirror, &sessions).contains("1 more complete session to go")
        );
        let ease = EaseBack { images_per_session: 25, level: Some(3), earlier_stage: Some(Stage::LeftRight) };
        let en = ease_back(Locale::English, &ease);
        assert!(
            en.contains("Early worsening is common") && en.contains("25 pictures") && en.contains("level 3")
        );
        assert!(!en.to_lowercase().contains("push through"), "{en}");
        let de = ease_back(Locale::German, &ease);
        assert!(de.contains("25 Bilder") && de.contains("Links-rechts-Erkennen"), "{de}");
        let vivid = StageDecision::Stay {
            blockers: vec![StageBlocker::VividnessBelowGoal { median: 2.5, need: 3.0 }],
        };
        assert!(decision(Locale::German, Stage::MotorImagery, &vivid).contains("2,5 von 5"));
        let pain = FlareSign::Pain { baseline: 3.5, recent: vec![6, 6, 7], delta: 2 };
        assert!(flare_safety(Locale::English, &pain).contains("(3.5) over your last 3 sessions"));
        assert!(flare_safety(Locale::German, &pain).contains("letzten 3 Übungen"));
    }

    #[test]
    fn every_gate_blocker_has_a_sentence() {
        use crate::stimulus::Side;
        let blockers = [
            GateBlocker::TooFewSessions { have: 1, need: 3 },
            GateBlocker::TooFewDays { have: 1, need: 2 },
            GateBlocker::TooManyAnticipations { sessions: 1, max_fraction: 0.1 },
            GateBlocker::AccuracyBelowGoal { sides: vec![Side::Left], goal: 0.9 },
            GateBlocker::SlowerThanGoal { sides: vec![Side::Left], goal_ms: 1500.0 },
            GateBlocker::RecentDrop { side: Side::Left, accuracy: 0.6, floor: 0.75 },
            GateBlocker::LevelBelowGoal { level: 3, need: 6 },
            GateBlocker::TooFewDaysInStage { day: 3, need: 14 },
        ];
        for locale in Locale::ALL {
            for b in &blockers {
                let d = StageDecision::Stay { blockers: vec![StageBlocker::Laterality { gate: b.clone() }] };
                let s = decision(*locale, Stage::LeftRight, &d);
                assert!(!s.contains("stage-") && s.len() > 30, "{locale}: {s}");
            }
        }
        let speed = StageBlocker::Laterality {
            gate: GateBlocker::SlowerThanGoal { sides: vec![Side::Right], goal_ms: 1500.0 },
        };
        assert!(
            decision(Locale::German, Stage::LeftRight, &StageDecision::Stay { blockers: vec![speed] })
                .contains("1,5 s")
        );
    }
}
