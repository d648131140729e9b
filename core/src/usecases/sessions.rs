//! Sessions of any kind: starting one without pictures, ending one (a left/right session
//! is summarised as it ends), closing those a dead process left running, listing, and
//! the database's status.

use super::{left_right, programme};
use crate::error::{Error, Result};
use crate::laterality::Trial;
use crate::params::Parameters;
use crate::patient::Profile;
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::{BodyPart, Side};
use crate::store::{self, NewSession, SessionRow, Store, TrialRow};
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
    /// A practice picture, kept but never in the statistics.
    pub practice: bool,
}

impl From<TrialRow> for TrialResult {
    fn from(r: TrialRow) -> Self {
        let t: Trial = r.trial;
        TrialResult {
            session_id: r.session_id,
            index: r.index,
            rt_ms: t.response_ns.map(|resp| (resp - t.onset_ns) as f64 / 1e6),
            anticipation: t.anticipated(),
            timeout: t.timed_out(),
            voided: t.voided(),
            practice: t.practice(),
            stimulus_id: t.stimulus,
            side: t.side,
            answer: t.answer,
            correct: t.correct,
            onset_ns: t.onset_ns,
            response_ns: t.response_ns,
        }
    }
}

/// Closes the running sessions whose owning process is gone (killed, crashed); a session
/// another live process is running is left alone. Writes nothing when there is none.
pub fn close_abandoned(store: &Store) -> Result<()> {
    let abandoned = store.read(|c| store::abandoned_sessions(c, store.path()))?;
    if abandoned.is_empty() {
        return Ok(());
    }
    store.write(|tx| {
        for session in store::sessions::running(tx)?.into_iter().filter(|s| abandoned.contains(&s.id)) {
            match session.kind {
                SessionKind::LeftRight => left_right::close_abandoned(tx, &session)?,
                _ => {
                    store::sessions::set_state(tx, session.id, SessionState::Interrupted, None)?;
                }
            }
        }
        Ok(())
    })
}

/// Starts a session of a kind without planned pictures (left/right sessions start with
/// [`left_right::start`]).
pub fn start(
    store: &Store,
    kind: SessionKind,
    body_part: BodyPart,
    seed: u64,
    now: &WallTime,
) -> Result<SessionSummary> {
    now.validate("now")?;
    if kind == SessionKind::LeftRight {
        return Err(Error::invalid(
            "kind",
            "left/right sessions start with start_left_right, which plans their pictures",
        ));
    }
    let params = serde_json::to_string(&Parameters::default())?;
    let new = NewSession { kind, body_part, seed, params_json: &params, level: None, plan: "" };
    Ok(store.write(|tx| store::sessions::start(tx, &new, now))?.into())
}

/// Ends a running session as completed or aborted. A completed session has the
/// programme evaluate its body part's stage in the same transaction.
pub fn end(
    store: &Store,
    session_id: i64,
    state: SessionState,
    now: &WallTime,
    params: &Parameters,
) -> Result<SessionSummary> {
    now.validate("now")?;
    let row = store.write(|tx| {
        let row = match store::sessions::get(tx, session_id)?.kind {
            SessionKind::LeftRight => left_right::end(tx, session_id, state, now)?,
            _ => store::sessions::end(tx, session_id, state, now)?,
        };
        if state == SessionState::Completed {
            programme::after_session(tx, row.body_part, now, params)?;
        }
        Ok(row)
    })?;
    Ok(row.into())
}

/// Every session, newest first.
pub fn list(store: &Store) -> Result<Vec<SessionSummary>> {
    Ok(store.read(store::sessions::list)?.into_iter().map(Into::into).collect())
}

/// A session's trials in order, voided ones included.
pub fn trials(store: &Store, session_id: i64) -> Result<Vec<TrialResult>> {
    Ok(store.read(|c| store::sessions::trials(c, session_id))?.into_iter().map(Into::into).collect())
}

/// Where the data lives and how much there is, from one snapshot.
pub fn status(store: &Store) -> Result<Status> {
    store.read(|c| {
        let (sessions, trials, journal_entries) = store::sessions::counts(c)?;
        Ok(Status {
            db_path: store.path().to_string(),
            schema_version: store::schema::version(c)?,
            profile: store::profile::get(c)?,
            sessions,
            trials,
            journal_entries,
        })
    })
}
