//! The therapy programme. Today: the kinds of session Proprio records. The stage machine
//! (gates, minimum days, regression, therapist overrides) grows here.

use serde::{Deserialize, Serialize};

/// What a session practised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    /// GMI stage 1: left/right judgement.
    LeftRight,
    /// GMI stage 2: explicit motor imagery.
    MotorImagery,
    /// GMI stage 3: mirror therapy.
    Mirror,
    /// Tactile desensitisation (texture ladder).
    Desensitisation,
    /// Graded exposure to feared activities.
    Exposure,
    /// Sensory discrimination drills with a helper.
    SensoryDiscrimination,
}

impl SessionKind {
    pub const ALL: &'static [SessionKind] = &[
        SessionKind::LeftRight,
        SessionKind::MotorImagery,
        SessionKind::Mirror,
        SessionKind::Desensitisation,
        SessionKind::Exposure,
        SessionKind::SensoryDiscrimination,
    ];

    /// The stored and printed name.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::LeftRight => "left-right",
            SessionKind::MotorImagery => "motor-imagery",
            SessionKind::Mirror => "mirror",
            SessionKind::Desensitisation => "desensitisation",
            SessionKind::Exposure => "exposure",
            SessionKind::SensoryDiscrimination => "sensory-discrimination",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.as_str() == text)
    }
}
