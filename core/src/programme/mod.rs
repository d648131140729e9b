//! The therapy programme: the kinds of session, the states a session goes through, the
//! stages of each track and the stage machine (gates, minimum days, flare rule, a
//! therapist's locks and order).

pub mod flare;
pub mod gates;
pub mod next;
pub mod stages;
pub mod words;

pub use stages::{
    EaseBack, EntryReason, StageBlocker, StageDecision, StageMinDays, StagePlan, TransitionOrigin,
    TransitionReason,
};

use crate::stimulus::BodyPart;
use crate::text::text_enum;

text_enum!(
    /// What a session practised.
    SessionKind {
        /// GMI stage 1: left/right judgement.
        LeftRight => "left-right",
        /// GMI stage 2: explicit motor imagery.
        MotorImagery => "motor-imagery",
        /// GMI stage 3: mirror therapy.
        Mirror => "mirror",
        /// Tactile desensitisation (texture ladder).
        Desensitisation => "desensitisation",
        /// Graded exposure to feared activities.
        Exposure => "exposure",
        /// Sensory discrimination drills with a helper.
        SensoryDiscrimination => "sensory-discrimination",
    }
);

text_enum!(
    /// Where a session stands.
    SessionState {
        Running => "running",
        Completed => "completed",
        /// Ended early by the patient; answered trials are kept.
        Aborted => "aborted",
        /// The app was killed or crashed mid-session; noticed on the next open.
        Interrupted => "interrupted",
    }
);

text_enum!(
    /// A stage of a track; a patient is in one stage per body part at a time.
    Stage {
        /// GMI stage 1: left/right judgement.
        LeftRight => "left-right",
        /// GMI stage 2: explicit motor imagery.
        MotorImagery => "motor-imagery",
        /// GMI stage 3: mirror therapy.
        Mirror => "mirror",
        /// RESOLVE: sensory discrimination with a helper.
        SensoryDiscrimination => "sensory-discrimination",
        /// Graded real movement and exposure to feared activities.
        GradedMovement => "graded-movement",
    }
);

text_enum!(
    /// The sequence a body part follows (../shared/CLINICAL.md).
    Track {
        /// Moseley's graded motor imagery, for limbs: left/right → imagery → mirror →
        /// graded movement.
        Gmi => "gmi",
        /// RESOLVE-style graded sensorimotor retraining, for backs and necks: sensory
        /// discrimination → left/right of back movements → imagery → graded movement.
        /// A mirror cannot show a back, so there is no mirror stage.
        Resolve => "resolve",
    }
);

impl Track {
    /// The track a body part follows unless a plan says otherwise.
    pub fn for_body_part(part: BodyPart) -> Track {
        match part {
            BodyPart::Back | BodyPart::Neck => Track::Resolve,
            BodyPart::Hand | BodyPart::Foot | BodyPart::Knee | BodyPart::Shoulder => Track::Gmi,
        }
    }

    /// The stages in their default order.
    pub fn stages(self) -> &'static [Stage] {
        match self {
            Track::Gmi => &[Stage::LeftRight, Stage::MotorImagery, Stage::Mirror, Stage::GradedMovement],
            Track::Resolve => {
                &[Stage::SensoryDiscrimination, Stage::LeftRight, Stage::MotorImagery, Stage::GradedMovement]
            }
        }
    }
}

impl Stage {
    /// The session kind that practises this stage. Desensitisation is not a stage: it
    /// runs alongside any stage when a plan or the patient asks for it.
    pub fn session_kind(self) -> SessionKind {
        match self {
            Stage::LeftRight => SessionKind::LeftRight,
            Stage::MotorImagery => SessionKind::MotorImagery,
            Stage::Mirror => SessionKind::Mirror,
            Stage::SensoryDiscrimination => SessionKind::SensoryDiscrimination,
            Stage::GradedMovement => SessionKind::Exposure,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_track_starts_with_judgement_or_sensing_and_ends_with_movement() {
        for &part in BodyPart::ALL {
            let stages = Track::for_body_part(part).stages();
            assert_eq!(stages.last(), Some(&Stage::GradedMovement));
            assert!(stages.contains(&Stage::LeftRight), "{part}");
        }
        assert!(!Track::Resolve.stages().contains(&Stage::Mirror));
    }
}
