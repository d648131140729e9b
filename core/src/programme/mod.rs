//! The therapy programme. Today: the kinds of session Proprio records and the states a
//! session goes through. The stage machine (gates, minimum days, regression, therapist
//! overrides) grows here.

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
