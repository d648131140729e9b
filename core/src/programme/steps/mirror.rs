//! Mirror therapy (GMI stage 3): the painful limb hidden behind a mirror (a mirror box, or
//! a phone propped up as a mirror), the other limb moving in front of it; a progressive
//! list of movements, and later both limbs moving. Afterwards: fine, felt strange or
//! felt worse (the flare rule reads "felt worse"), and pain after.

use super::{About, Script, Step, StepPurpose, TimerCue};
use crate::error::{Error, Result};
use crate::params::Parameters;
use crate::stimulus::BodyPart;
use crate::text::text_enum;
use serde::{Deserialize, Serialize};

text_enum!(
    /// How far along mirror therapy is, by sessions done.
    Level {
        /// The first, simplest movements; only the limb in front of the mirror moves.
        First => "first",
        /// Every movement; only the limb in front of the mirror moves.
        AllMovements => "all-movements",
        /// Every movement, both limbs moving together (the hidden one as far as it can
        /// comfortably).
        BothLimbs => "both-limbs",
    }
);

text_enum!(
    /// How the mirror is set up.
    Setup { MirrorBox => "mirror-box", Phone => "phone" }
);

text_enum!(
    /// How the session felt.
    Feeling { Fine => "fine", Strange => "strange", Worse => "worse" }
);

/// Movements, simplest first for each body part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Movement {
    OpenClose,
    SpreadFingers,
    WristUpDown,
    ThumbToFingers,
    TurnPalm,
    ToesCurl,
    AnkleUpDown,
    AnkleCircles,
    FootInOut,
    KneeBend,
    KneeLift,
    ArmForward,
    ArmOut,
    HandBehindHead,
}

/// The movements for a body part, simplest first; backs and necks have none (a mirror
/// cannot show a back: the RESOLVE track has no mirror stage).
pub fn movements(body_part: BodyPart) -> Result<&'static [Movement]> {
    use Movement::*;
    match body_part {
        BodyPart::Hand => Ok(&[OpenClose, SpreadFingers, WristUpDown, ThumbToFingers, TurnPalm]),
        BodyPart::Foot => Ok(&[ToesCurl, AnkleUpDown, AnkleCircles, FootInOut]),
        BodyPart::Knee => Ok(&[KneeBend, KneeLift]),
        BodyPart::Shoulder => Ok(&[ArmForward, ArmOut, HandBehindHead]),
        BodyPart::Back | BodyPart::Neck => Err(Error::invalid(
            "body_part",
            format!("mirror therapy needs a limb; a {body_part} follows the sensory and imagery stages"),
        )),
    }
}

/// The level after `sessions` completed mirror sessions that did not feel worse.
pub fn level(sessions: u32, p: &Parameters) -> Level {
    match sessions / p.mirror_sessions_per_level.max(1) {
        0 => Level::First,
        1 => Level::AllMovements,
        _ => Level::BothLimbs,
    }
}

/// The session: pain before, which mirror, how to place it, each movement with a rest
/// between, how it felt, pain after.
pub fn script(body_part: BodyPart, level: Level, p: &Parameters) -> Result<Script> {
    let all = movements(body_part)?;
    let chosen = if level == Level::First { &all[..all.len().div_ceil(2)] } else { all };
    let mut steps = vec![
        Step::new(StepPurpose::PainBefore, About::Nothing),
        Step::new(StepPurpose::Setup, About::MirrorSetup { level }),
        Step::new(StepPurpose::MirrorPlacement, About::MirrorSetup { level }),
    ];
    for (i, &movement) in chosen.iter().enumerate() {
        let about = About::Mirror { movement, level };
        if i > 0 && p.mirror_rest_s > 0 {
            steps.push(Step::timed(StepPurpose::Rest, p.mirror_rest_s, TimerCue::Rest, about.clone()));
        }
        steps.push(Step::timed(StepPurpose::Movement, p.mirror_movement_s, TimerCue::Move, about));
    }
    steps.push(Step::new(StepPurpose::Feeling, About::Nothing));
    steps.push(Step::new(StepPurpose::PainAfter, About::Nothing));
    Ok(Script { steps, stop_above: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves(s: &Script) -> Vec<(Movement, Level)> {
        s.steps
            .iter()
            .filter(|s| s.purpose == StepPurpose::Movement)
            .map(|s| match s.about {
                About::Mirror { movement, level } => (movement, level),
                _ => panic!("{s:?}"),
            })
            .collect()
    }

    #[test]
    fn progression_by_sessions_done() {
        let p = Parameters::default();
        assert_eq!(
            [0, 4, 5, 9, 10, 99].map(|n| level(n, &p)),
            [
                Level::First,
                Level::First,
                Level::AllMovements,
                Level::AllMovements,
                Level::BothLimbs,
                Level::BothLimbs
            ]
        );
        let first = moves(&script(BodyPart::Hand, Level::First, &p).unwrap());
        assert_eq!(
            first.iter().map(|m| m.0).collect::<Vec<_>>(),
            [Movement::OpenClose, Movement::SpreadFingers, Movement::WristUpDown]
        );
        assert_eq!(moves(&script(BodyPart::Hand, Level::AllMovements, &p).unwrap()).len(), 5);
        let both = moves(&script(BodyPart::Foot, Level::BothLimbs, &p).unwrap());
        assert!(both.len() == 4 && both.iter().all(|m| m.1 == Level::BothLimbs));
    }

    #[test]
    fn timed_movements_with_rests_between_and_the_feeling_at_the_end() {
        let p = Parameters::default();
        let s = script(BodyPart::Knee, Level::AllMovements, &p).unwrap();
        let purposes: Vec<_> = s.steps.iter().map(|s| s.purpose).collect();
        use StepPurpose::*;
        assert_eq!(
            purposes,
            [PainBefore, Setup, MirrorPlacement, Movement, Rest, Movement, Feeling, PainAfter]
        );
        assert_eq!(s.steps[3].timer.unwrap().seconds, 30);
        assert_eq!(s.steps[4].timer.unwrap().cue, TimerCue::Rest);
        assert_eq!(s.steps[1].choices(), ["mirror-box", "phone"]);
        assert_eq!(s.steps[6].choices(), ["fine", "strange", "worse"]);
    }

    #[test]
    fn a_back_has_no_mirror_stage() {
        let err = script(BodyPart::Back, Level::First, &Parameters::default()).unwrap_err();
        assert!(matches!(err, Error::InvalidArgument { ref field, .. } if field == "body_part"));
    }
}
