//! What to do next today: the session kind each body part's stage practises (or, in a
//! flare, the earlier stage's), against today's sessions done and the daily targets.
//! Pure: the use case gathers the stages and today's progress.

use super::stages::StageDecision;
use super::{SessionKind, Stage};
use crate::stimulus::BodyPart;

/// One body part as `today` sees it.
pub struct PartToday<'a> {
    pub body_part: BodyPart,
    pub stage: Stage,
    pub decision: &'a StageDecision,
}

/// The choice, before it becomes a record with its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// No painful area is set: the profile comes first.
    SetUp,
    /// Practise `kind` for `body_part`; `gently` during a flare.
    Practise { body_part: BodyPart, stage: Stage, kind: SessionKind, done: u32, target: u32, gently: bool },
    /// Every target is met.
    DoneForToday,
}

/// The first body part (in the profile's order) whose kind is under its daily target; if
/// none, the first whose kind has no target and was not practised today; else done.
/// `progress(kind)` gives (done today, daily target; 0 when none is set).
pub fn choose(parts: &[PartToday], progress: impl Fn(SessionKind) -> (u32, u32)) -> Next {
    if parts.is_empty() {
        return Next::SetUp;
    }
    let candidates: Vec<Next> = parts.iter().map(|p| practise(p, None, &progress)).collect();
    let under_target =
        |n: &&Next| matches!(n, Next::Practise { done, target, .. } if *target > 0 && done < target);
    let untargeted = |n: &&Next| matches!(n, Next::Practise { done: 0, target: 0, .. });
    candidates
        .iter()
        .find(under_target)
        .or_else(|| candidates.iter().find(untargeted))
        .copied()
        .unwrap_or(Next::DoneForToday)
}

/// The step a reminder for `kind` opens: the painful part whose stage practises that kind
/// (as [`choose`] would practise it, easing back included); for desensitisation, which
/// runs alongside any stage, the first part; otherwise what Today would offer, so a
/// reminder left from an earlier stage never opens a session the programme has moved
/// past.
pub fn for_kind(
    parts: &[PartToday],
    kind: SessionKind,
    progress: impl Fn(SessionKind) -> (u32, u32),
) -> Next {
    if let Some(n) = parts
        .iter()
        .map(|p| practise(p, None, &progress))
        .find(|n| matches!(n, Next::Practise { kind: k, .. } if *k == kind))
    {
        return n;
    }
    match parts.first() {
        Some(first) if kind == SessionKind::Desensitisation => practise(first, Some(kind), &progress),
        _ => choose(parts, progress),
    }
}

/// A part practised today: its stage's kind (or `as_kind`), the earlier stage gently
/// during a flare, with that kind's sessions done and target.
fn practise(
    p: &PartToday,
    as_kind: Option<SessionKind>,
    progress: &impl Fn(SessionKind) -> (u32, u32),
) -> Next {
    let (stage, gently) = match p.decision {
        StageDecision::EaseBack { ease } => (ease.earlier_stage.unwrap_or(p.stage), true),
        _ => (p.stage, false),
    };
    let kind = as_kind.unwrap_or(stage.session_kind());
    let (done, target) = progress(kind);
    Next::Practise { body_part: p.body_part, stage, kind, done, target, gently }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::stages::EaseBack;

    #[test]
    fn the_first_kind_under_its_target_then_one_without_a_target_then_done() {
        let stay = StageDecision::Stay { blockers: vec![] };
        let parts = [
            PartToday { body_part: BodyPart::Hand, stage: Stage::LeftRight, decision: &stay },
            PartToday { body_part: BodyPart::Back, stage: Stage::SensoryDiscrimination, decision: &stay },
        ];
        let lr_under = |k| if k == SessionKind::LeftRight { (1, 3) } else { (0, 0) };
        assert_eq!(
            choose(&parts, lr_under),
            Next::Practise {
                body_part: BodyPart::Hand,
                stage: Stage::LeftRight,
                kind: SessionKind::LeftRight,
                done: 1,
                target: 3,
                gently: false
            }
        );
        let lr_met = |k| if k == SessionKind::LeftRight { (3, 3) } else { (0, 0) };
        assert!(matches!(
            choose(&parts, lr_met),
            Next::Practise { body_part: BodyPart::Back, target: 0, .. }
        ));
        let all_done = |k| if k == SessionKind::LeftRight { (3, 3) } else { (1, 0) };
        assert_eq!(choose(&parts, all_done), Next::DoneForToday);
        assert_eq!(choose(&[], lr_under), Next::SetUp);
    }

    #[test]
    fn a_reminder_opens_the_part_that_practises_its_kind_or_what_today_offers() {
        let stay = StageDecision::Stay { blockers: vec![] };
        let parts = [
            PartToday { body_part: BodyPart::Hand, stage: Stage::LeftRight, decision: &stay },
            PartToday { body_part: BodyPart::Back, stage: Stage::SensoryDiscrimination, decision: &stay },
        ];
        let none = |_| (0, 0);
        assert!(matches!(
            for_kind(&parts, SessionKind::SensoryDiscrimination, none),
            Next::Practise { body_part: BodyPart::Back, kind: SessionKind::SensoryDiscrimination, .. }
        ));
        assert!(matches!(
            for_kind(&parts, SessionKind::Desensitisation, none),
            Next::Practise { body_part: BodyPart::Hand, kind: SessionKind::Desensitisation, .. }
        ));
        // Mirror therapy is no part's stage: what Today offers instead.
        assert_eq!(for_kind(&parts, SessionKind::Mirror, none), choose(&parts, none));
        assert_eq!(for_kind(&[], SessionKind::Mirror, none), Next::SetUp);
    }

    #[test]
    fn a_flare_suggests_the_earlier_stage_gently() {
        let ease = StageDecision::EaseBack {
            ease: EaseBack { images_per_session: 25, level: None, earlier_stage: Some(Stage::LeftRight) },
        };
        let parts = [PartToday { body_part: BodyPart::Hand, stage: Stage::MotorImagery, decision: &ease }];
        assert!(matches!(
            choose(&parts, |_| (0, 3)),
            Next::Practise { stage: Stage::LeftRight, kind: SessionKind::LeftRight, gently: true, .. }
        ));
    }
}
