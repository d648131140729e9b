//! Proprio's core: everything the phone apps and the CLI share.
//!
//! The shells (SwiftUI, Compose, the `proprio` CLI) only draw and report events; every
//! rule, threshold, schedule and SQL statement lives here. Layers, each using only those
//! below it (docs/architecture.md):
//!
//! - `api` — the uniffi surface: the [`Proprio`] object and plain records;
//! - `usecases` — the flows that read and write the store, one file per feature;
//! - `store` — SQLite only: connections, schema steps, rows and typed queries;
//! - the rules, pure: `laterality`, `reminders`, `stimulus`, `programme`, `patient`,
//!   `plan` (the therapist's plan), `params`, `time`.
//!
//! The public Rust surface is the re-exports below (what the CLI and the bindings use);
//! `simulate` (a virtual patient) is built only with the `simulate` feature.

uniffi::setup_scaffolding!();

mod api;
mod error;
mod export;
mod files;
mod laterality;
mod messages;
mod params;
mod patient;
mod plan;
mod programme;
pub mod reminders;
#[cfg(feature = "simulate")]
pub mod simulate;
pub mod stimulus;
mod store;
mod text;
mod time;
mod usecases;

pub use api::{
    Proprio, ReminderToday, RenderedImage, StimulusMetadata, decrypt_export, encrypt_export, plan_from_code,
    plan_qr_png, plan_qr_svg, plan_qr_text, plan_to_code, render_report, render_stimulus,
    render_stimulus_png, stimulus_metadata,
};
pub use error::{Error, ProprioError, Result};
pub use export::crypt::is_encrypted as export_is_encrypted;
pub use export::{ExportFile, ExportFormat};
pub use laterality::stats::GroupStats;
pub use laterality::{
    AnswerOutcome, FeedbackVerdict, GateBlocker, GateState, LateralityStats, LeftRightSettings, SideStats,
    TrialFeedback, TrialPrompt,
};
pub use messages::Locale;
pub use params::ParameterInfo;
pub use patient::{
    AffectedArea, Handedness, JournalEntry, MAX_NOTE_CHARS, NewJournalEntry, Profile, ProfileUpdate,
};
pub use plan::changes::PlanChange;
pub use plan::input::{PlanReadProblem, PlanWarning, PlanWarningKind};
pub use plan::{
    FORMAT as PLAN_FORMAT, FORMAT_VERSION as PLAN_FORMAT_VERSION, MAX_PLAN_BYTES, ParameterOverride,
    PlanProblem, PlanSource, PlanStage, PlanTrack, TherapyPlan, TimeSpan,
};
pub use programme::flare::FlareSign;
pub use programme::steps::mirror::{Feeling, Level as MirrorLevel};
pub use programme::steps::sensory::{Drill, Region};
pub use programme::steps::textures::Phase as TexturePhase;
pub use programme::steps::{
    CountdownWords, Ending, Offer, RatingScale, Scale, SensoryPrompt, SessionStep, StepAnswer, StepChoice,
    StepPurpose, StepTimer, TimerCue,
};
pub use programme::{
    EaseBack, EntryReason, SessionKind, SessionState, Stage, StageBlocker, StageDecision, StageMinDays,
    StagePlan, Track, TransitionOrigin, TransitionReason,
};
pub use store::schema::{APPLICATION_ID, LATEST as SCHEMA_VERSION};
pub use time::{WallTime, parse_zone};
pub use usecases::export::{ImportSummary, report_file};
pub use usecases::guided::{
    ExposureStep, GuidedResults, GuidedStart, RegionAccuracy, StepResult, TextureEdit, TextureLadder,
};
pub use usecases::left_right::{LeftRightOverview, LeftRightStart, SessionPoint, SessionResults};
pub use usecases::plan::{
    PlanChangeNote, PlanEntry, PlanHistoryItem, PlanPage, PlanPreview, PlanWay, PlanWayIn,
};
pub use usecases::programme::{
    NextAction, NextStep, SafetyKind, SafetyMessage, StageStatus, StageTransition, Today,
};
pub use usecases::sessions::{SessionSummary, Status, TrialResult};
