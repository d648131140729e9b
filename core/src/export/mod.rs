//! Exports, as pure formatters: the versioned JSON document (which doubles as the backup
//! a new phone restores), CSV tables for spreadsheets, trials in the column names and
//! codings of the validated hand laterality task (HLJT), a FHIR Bundle and the report.
//!
//! An export is written as it is read, never whole in memory: a [`Formatter`] is given
//! the [`ExportFrame`] (everything but the sessions), then each session oldest first,
//! then told to end. `usecases::export` feeds it from one read snapshot; `read` parses a
//! JSON export the same way, one session at a time (the report and the backup import).
//! Nothing here touches SQL or opens a file.

pub mod crypt;
pub mod csv;
pub mod fhir;
pub mod hljt;
pub mod json;
pub mod read;
pub mod report;
pub mod share;

use crate::error::Result;
use crate::laterality::{Trial, TrialFlags};
use crate::params::ParameterInfo;
use crate::patient::{JournalEntry, Profile};
use crate::plan::PlanSource;
use crate::plan::changes::PlanChange;
use crate::programme::stages::{StagePlan, TransitionOrigin, TransitionReason};
use crate::programme::steps::sensory::{Drill, Region};
use crate::programme::steps::{Answered, Ending, Script, StepAnswer, StepPurpose};
use crate::programme::{SessionKind, SessionState, Stage};
use crate::reminders::ReminderSettings;
use crate::stimulus::{BodyPart, Side, StimulusSpec};
use crate::text::text_enum;
use crate::time::WallTime;
use serde::{Deserialize, Serialize};
use std::io::Write;

/// The `format` field of every Proprio export.
pub const FORMAT: &str = "proprio-export";
/// The document's version; a reader refuses newer ones (update the app).
pub const FORMAT_VERSION: u32 = 1;
/// Largest export a reader takes: five years of practice is about 430 MB of JSON.
pub const MAX_EXPORT_BYTES: usize = 1 << 30;

text_enum!(
    /// What an export holds and how it is written.
    ExportFormat {
        /// One JSON document with everything in it (also the backup).
        Json => "json",
        /// trials.csv, sessions.csv, journal.csv and guided.csv.
        Csv => "csv",
        /// One trials CSV in the HLJT's PsychoPy column names and codings.
        Hljt => "hljt",
        /// A FHIR R4 Bundle: the pseudonymous Patient, pain and session Observations.
        Fhir => "fhir",
        /// The one-minute report: one self-contained HTML file.
        Html => "html",
    }
);

impl ExportFormat {
    /// The files an export in this format is made of, in the order its formatter
    /// writes them.
    pub fn file_names(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Json => &["proprio-export.json"],
            ExportFormat::Csv => &["trials.csv", "sessions.csv", "journal.csv", "guided.csv"],
            ExportFormat::Hljt => &["hljt_trials.csv"],
            ExportFormat::Fhir => &["proprio-fhir.json"],
            ExportFormat::Html => &["proprio-report.html"],
        }
    }
}

/// A format written as it is read: [`Formatter::begin`] with the frame, then every
/// session oldest first, then [`Formatter::end`], which flushes what it wrote.
pub trait Formatter {
    fn begin(&mut self, _frame: &ExportFrame) -> Result<()> {
        Ok(())
    }
    fn session(&mut self, frame: &ExportFrame, session: &ExportSession) -> Result<()>;
    fn end(&mut self, frame: &ExportFrame) -> Result<()>;
}

/// The formatter of `format`, writing its files (as named by [`ExportFormat::file_names`])
/// to `outputs`, one writer each.
pub fn formatter<'a>(format: ExportFormat, outputs: Vec<&'a mut dyn Write>) -> Box<dyn Formatter + 'a> {
    assert_eq!(outputs.len(), format.file_names().len(), "one writer per file of {format}");
    let mut outputs = outputs.into_iter();
    let mut next = || outputs.next().expect("counted above");
    match format {
        ExportFormat::Json => Box::new(json::Document::new(next())),
        ExportFormat::Csv => Box::new(csv::Tables::new(next(), next(), next(), next())),
        ExportFormat::Hljt => Box::new(hljt::Trials::new(next())),
        ExportFormat::Fhir => Box::new(fhir::Bundle::new(next())),
        ExportFormat::Html => Box::new(report::Report::new(next())),
    }
}

/// One file of an export: its suggested name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Everything a patient shares, for a range of local dates (both ends included): the
/// whole JSON document. Only a backup being restored is held whole; exports and the
/// report stream it ([`ExportFrame`] and one [`ExportSession`] at a time).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub exported_at: WallTime,
    /// First and last local date included (`YYYY-MM-DD`); `None`: from the start / to now.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The pseudonymous profile (no name is ever stored).
    pub patient: Profile,
    /// The clinical parameter table in force, with sources.
    pub parameters: Vec<ParameterInfo>,
    /// Every session started in the range, oldest first, with every trial.
    pub sessions: Vec<ExportSession>,
    /// Journal entries made in the range, oldest first.
    pub journal: Vec<JournalEntry>,
    /// The level ladder's state after each completed left/right session.
    pub ladder: Vec<LadderStep>,
    /// Reminder settings and what the phone reported (absent in the first exports).
    #[serde(default)]
    pub reminders: Option<ExportReminders>,
    /// Every stored stage transition and flare event, oldest first, whatever the date
    /// range (absent in the first exports).
    #[serde(default)]
    pub stages: Vec<ExportStageEvent>,
    /// The stage plan stored per body part (absent in the first exports).
    #[serde(default)]
    pub stage_plans: Vec<ExportStagePlan>,
    /// Every therapist's plan received, oldest first; the last is in force (absent in the
    /// first exports).
    #[serde(default)]
    pub plans: Vec<ExportPlan>,
    /// The desensitisation texture ladder as written by the patient or therapist (empty:
    /// the defaults); `None` in exports from before guided sessions were in them.
    #[serde(default)]
    pub texture_ladder: Option<Vec<String>>,
    /// Every exposure ladder step, removed ones too (their exposures stay in the history);
    /// `None` in exports from before guided sessions were in them.
    #[serde(default)]
    pub exposure_ladder: Option<Vec<ExportExposureStep>>,
}

/// Everything in an export but its sessions: the fields of [`ExportDocument`] except
/// `sessions`, with the same meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFrame {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub exported_at: WallTime,
    pub from: Option<String>,
    pub to: Option<String>,
    pub patient: Profile,
    pub parameters: Vec<ParameterInfo>,
    pub journal: Vec<JournalEntry>,
    pub ladder: Vec<LadderStep>,
    pub reminders: Option<ExportReminders>,
    pub stages: Vec<ExportStageEvent>,
    pub stage_plans: Vec<ExportStagePlan>,
    pub plans: Vec<ExportPlan>,
    pub texture_ladder: Option<Vec<String>>,
    pub exposure_ladder: Option<Vec<ExportExposureStep>>,
}

/// A step of the exposure ladder as stored: the fear it was last rated with. What its
/// exposures showed is in their sessions (`guided.subject` names the step).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportExposureStep {
    pub id: i64,
    pub activity: String,
    /// 0–100.
    pub fear: u8,
    pub removed: bool,
}

/// A stored stage transition or flare event (flare events keep `from` and `to` the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportStageEvent {
    pub body_part: BodyPart,
    pub from: Option<Stage>,
    pub to: Stage,
    /// Who or what caused it; follows from `reason`.
    pub origin: TransitionOrigin,
    /// Why, with the values that decided it (`{"code":"gate-passed","days_in_stage":9,…}`).
    pub reason: TransitionReason,
    pub at: WallTime,
}

/// A body part's stored stage plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportStagePlan {
    pub body_part: BodyPart,
    pub plan: StagePlan,
}

/// A therapist's plan as it was received: the plan document itself (`proprio-plan`) and
/// what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportPlan {
    pub received_at: WallTime,
    pub source: PlanSource,
    pub plan: serde_json::Value,
    pub changes: Vec<PlanChange>,
}

/// Reminders as a restored phone needs them to plan and count the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportReminders {
    pub settings: ReminderSettings,
    /// What the OS and the patient reported, oldest first.
    pub events: Vec<ReminderEvent>,
    /// "Learn my times": each slot's learned minute of the day.
    pub learned: Vec<LearnedMinute>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReminderEvent {
    pub reminder_id: String,
    pub kind: SessionKind,
    /// `delivered`, `snoozed` or `done-elsewhere`.
    pub event: String,
    pub at: WallTime,
    /// When a snooze ends, UTC ms.
    pub until_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnedMinute {
    pub kind: SessionKind,
    pub slot: u32,
    /// Minutes after local midnight.
    pub minute: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportSession {
    pub id: i64,
    pub kind: SessionKind,
    pub body_part: BodyPart,
    pub started_at: WallTime,
    pub ended_at: Option<WallTime>,
    pub state: SessionState,
    pub seed: u64,
    pub level: Option<u32>,
    /// How the session ran (parameters in force, feedback on or off), as stored.
    pub params: StoredJson,
    /// The planned pictures, in order (left/right sessions).
    pub plan: Vec<String>,
    pub trials: Vec<ExportTrial>,
    /// A guided session's steps and answers (absent for left/right sessions, and in the
    /// first exports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guided: Option<ExportGuided>,
}

/// A session's parameters as the store holds them (JSON text), written into an export
/// and read back as they are: parsing and writing again 20 000 of them was a fifth of a
/// five-year export's time. serde_json still checks the text is JSON both ways.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredJson(Box<serde_json::value::RawValue>);

impl StoredJson {
    pub fn new(json: String) -> Result<StoredJson> {
        Ok(StoredJson(serde_json::value::RawValue::from_string(json)?))
    }

    pub fn text(&self) -> &str {
        self.0.get()
    }

    pub fn value(&self) -> Result<serde_json::Value> {
        Ok(serde_json::from_str(self.0.get())?)
    }
}

impl PartialEq for StoredJson {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

/// A guided session as stored: the script fixed when it started (what was shown), how its
/// steps ended, every answer, and the sensory drill trials scored from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportGuided {
    pub script: Script,
    /// The texture's place on the ladder (desensitisation) or the exposure step's id.
    pub subject: Option<i64>,
    /// The desensitisation phase or the mirror level.
    pub phase: Option<String>,
    /// `None` while running or when interrupted mid-step.
    pub ending: Option<Ending>,
    /// An exposure after which fear had fallen enough.
    pub passed: bool,
    /// In step order.
    pub answers: Vec<ExportAnswer>,
    /// Sensory drills: each prompt answered, scored.
    pub sensory: Vec<ExportSensoryTrial>,
}

/// What kind of answer a step got (`value` for a rating, `choice` for a choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerKind {
    Done,
    Rating,
    Choice,
    Stop,
}

/// One answer to a step, as stored, with when it was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportAnswer {
    pub index: u32,
    pub purpose: StepPurpose,
    pub answer: AnswerKind,
    pub value: Option<u32>,
    pub choice: Option<String>,
    pub at: WallTime,
}

impl ExportAnswer {
    pub fn new(a: &Answered, at: WallTime) -> ExportAnswer {
        let (answer, value, choice) = match &a.answer {
            StepAnswer::Done => (AnswerKind::Done, None, None),
            StepAnswer::Rating { value } => (AnswerKind::Rating, Some(*value), None),
            StepAnswer::Choice { id } => (AnswerKind::Choice, None, Some(id.clone())),
            StepAnswer::Stop => (AnswerKind::Stop, None, None),
        };
        ExportAnswer { index: a.index, purpose: a.purpose, answer, value, choice, at }
    }

    /// The answer as the engine reads it; refused (named `answer`) if `value` and
    /// `choice` do not go with `answer`.
    pub fn answered(&self) -> Result<Answered> {
        let answer = match (self.answer, self.value, &self.choice) {
            (AnswerKind::Done, None, None) => StepAnswer::Done,
            (AnswerKind::Rating, Some(value), None) => StepAnswer::Rating { value },
            (AnswerKind::Choice, None, Some(id)) => StepAnswer::Choice { id: id.clone() },
            (AnswerKind::Stop, None, None) => StepAnswer::Stop,
            _ => {
                return Err(crate::error::Error::invalid(
                    "answer",
                    "a value goes with a rating and a choice with a choice, nothing with done or stop",
                ));
            }
        };
        Ok(Answered { index: self.index, purpose: self.purpose, answer })
    }
}

/// A sensory drill prompt and what the patient answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportSensoryTrial {
    /// The answer's step.
    pub index: u32,
    pub drill: Drill,
    pub region: Region,
    /// The right answer.
    pub target: String,
    pub answer: String,
    pub correct: bool,
}

/// One trial with the full picture spec and the shell's own stamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportTrial {
    pub index: u32,
    pub stimulus: StimulusSpec,
    pub stimulus_id: String,
    /// The right answer.
    pub side: Side,
    pub answer: Option<Side>,
    pub correct: bool,
    /// Monotonic stamps of the picture's first frame and of the answer, ns.
    pub onset_ns: i64,
    pub response_ns: Option<i64>,
    pub rt_ms: Option<f64>,
    pub anticipation: bool,
    pub timeout: bool,
    pub voided: bool,
    pub practice: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LadderStep {
    pub session_id: i64,
    pub body_part: BodyPart,
    pub level: u32,
    pub good: u32,
    pub poor: u32,
    pub changed_day: Option<i64>,
}

impl ExportSession {
    /// The trials as they are recorded (flags as bits), for statistics and storage.
    pub fn recorded_trials(&self) -> Vec<Trial> {
        self.trials
            .iter()
            .map(|t| Trial {
                stimulus: t.stimulus_id.clone(),
                side: t.side,
                onset_ns: t.onset_ns,
                response_ns: t.response_ns,
                answer: t.answer,
                correct: t.correct,
                flags: flag_bits(t.anticipation, t.timeout, t.voided, t.practice),
            })
            .collect()
    }
}

/// A trial's flags as the store keeps them, from the export's booleans.
pub(crate) fn flag_bits(anticipation: bool, timeout: bool, voided: bool, practice: bool) -> i64 {
    [
        (anticipation, TrialFlags::ANTICIPATION),
        (timeout, TrialFlags::TIMEOUT),
        (voided, TrialFlags::VOIDED),
        (practice, TrialFlags::PRACTICE),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .fold(0, |flags, (_, bit)| flags | bit)
}

impl ExportDocument {
    pub fn from_parts(frame: ExportFrame, sessions: Vec<ExportSession>) -> ExportDocument {
        ExportDocument {
            format: frame.format,
            format_version: frame.format_version,
            app_version: frame.app_version,
            exported_at: frame.exported_at,
            from: frame.from,
            to: frame.to,
            patient: frame.patient,
            parameters: frame.parameters,
            sessions,
            journal: frame.journal,
            ladder: frame.ladder,
            reminders: frame.reminders,
            stages: frame.stages,
            stage_plans: frame.stage_plans,
            plans: frame.plans,
            texture_ladder: frame.texture_ladder,
            exposure_ladder: frame.exposure_ladder,
        }
    }

    /// Reads a whole document (a backup to restore), refusing with a clear error what is
    /// not one of ours, is too large, is truncated or damaged, or comes from a newer
    /// Proprio (see [`read`]).
    pub fn from_json(bytes: &[u8]) -> Result<ExportDocument> {
        let mut sessions = Vec::new();
        let frame = read::from_slice(bytes, &mut |s| {
            sessions.push(s);
            Ok(())
        })?;
        Ok(ExportDocument::from_parts(frame, sessions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn foreign_newer_truncated_and_huge_documents_are_refused_by_name() {
        let field = |bytes: &[u8]| match ExportDocument::from_json(bytes) {
            Err(Error::InvalidArgument { field, reason }) => format!("{field}: {reason}"),
            other => panic!("{other:?}"),
        };
        assert!(field(b"not json").starts_with("backup: not a Proprio export"));
        assert!(field(br#"{"format":"other","format_version":1}"#).starts_with("backup.format:"));
        let newer = field(br#"{"format":"proprio-export","format_version":2}"#);
        assert!(newer.starts_with("backup.format_version:") && newer.contains("update the app"), "{newer}");
        assert!(field(br#"{"format":"proprio-export","format_version":1}"#).starts_with("backup: damaged"));
        assert!(
            field(br#"{"format":"proprio-export","format_version":1,"app_vers"#).starts_with("backup: not a")
        );
    }
}
