//! GMI stage 1, left/right judgement, as pure rules: the picture sequence, scoring, one
//! session's progress, statistics per side, the difficulty ladder and the stage gate.
//! The flow that loads and stores sessions is `usecases::left_right`.

pub mod gate;
pub mod levels;
pub mod scoring;
pub mod sequence;
pub mod session;
pub mod stats;

pub use gate::{GateBlocker, GateState};
pub use levels::LadderState;
pub use scoring::{Trial, TrialFlags};
pub use session::{AnswerOutcome, FeedbackVerdict, LeftRightSettings, TrialFeedback, TrialPrompt};
pub use stats::{LateralityStats, SideStats};
