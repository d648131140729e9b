//! Plain records crossing the FFI, and their conversions from internal rows.

use crate::programme::SessionKind;
use crate::stimulus::{BodyPart, Side};
use crate::store::Profile;
use crate::store::sessions::{SessionRow, SessionState, TrialFlags, TrialRow};
use crate::time::WallTime;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct Status {
    pub db_path: String,
    pub schema_version: i64,
    pub profile: Profile,
    pub sessions: u64,
    pub trials: u64,
    pub journal_entries: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SessionSummary {
    pub id: i64,
    pub kind: SessionKind,
    pub body_part: BodyPart,
    pub started_at: WallTime,
    pub ended_at: Option<WallTime>,
    pub state: SessionState,
    pub seed: u64,
    /// Answered or timed-out trials (voided ones not included).
    pub trial_count: u32,
    pub voided_count: u32,
}

impl From<SessionRow> for SessionSummary {
    fn from(r: SessionRow) -> Self {
        SessionSummary {
            id: r.id,
            kind: r.kind,
            body_part: r.body_part,
            started_at: r.started_at,
            ended_at: r.ended_at,
            state: r.state,
            seed: r.seed,
            trial_count: r.trial_count,
            voided_count: r.voided_count,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct TrialResult {
    pub session_id: i64,
    pub index: u32,
    pub stimulus_id: String,
    /// The right answer.
    pub side: Side,
    pub answer: Option<Side>,
    pub correct: bool,
    pub onset_ns: i64,
    pub response_ns: Option<i64>,
    /// Response time in milliseconds, when answered.
    pub rt_ms: Option<f64>,
    pub anticipation: bool,
    pub timeout: bool,
    pub voided: bool,
}

impl From<TrialRow> for TrialResult {
    fn from(r: TrialRow) -> Self {
        let t = r.trial;
        TrialResult {
            session_id: r.session_id,
            index: r.index,
            rt_ms: t.response_ns.map(|resp| (resp - t.onset_ns) as f64 / 1e6),
            anticipation: t.flags & TrialFlags::ANTICIPATION != 0,
            timeout: t.flags & TrialFlags::TIMEOUT != 0,
            voided: t.flags & TrialFlags::VOIDED != 0,
            stimulus_id: t.stimulus,
            side: t.side,
            answer: t.answer,
            correct: t.correct,
            onset_ns: t.onset_ns,
            response_ns: t.response_ns,
        }
    }
}
