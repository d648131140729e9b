//! The left/right session engine: plan a session, hand out its pictures one at a time,
//! score and commit each answer, void and replace interrupted trials, and summarise.
//!
//! All state lives in the database (the plan, every trial), so any call can come from any
//! thread or a new process, and a killed app resumes exactly where it stopped.

use super::gate::{self, GateSession, GateState};
use super::levels::{self, SessionOutcome};
use super::scoring;
use super::sequence::{self, Request};
use super::stats::{self, LateralityStats, Observation};
use crate::error::{Error, Result};
use crate::params::Parameters;
use crate::programme::SessionKind;
use crate::stimulus::{BodyPart, Side, StimulusSpec};
use crate::store::sessions::{self, NewSession, NewTrial, SessionRow, SessionState, TrialFlags, TrialRow};
use crate::store::summaries::{self, SummaryRow};
use crate::store::{AffectedArea, profile};
use crate::time::WallTime;
use chrono::Datelike;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How many past sessions' pictures a new session avoids.
const AVOID_RECENT_SESSIONS: u32 = 5;
/// How many recent sessions the "recent" statistics pool.
const RECENT_STATS_SESSIONS: u32 = 10;

/// What the patient (or their plan) chose for a session; `None` takes the default.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LeftRightSettings {
    pub body_part: BodyPart,
    /// Pictures in the session (10–100; default 50).
    #[uniffi(default = None)]
    pub count: Option<u32>,
    /// Time to answer each picture (2 000–60 000 ms; default 5 000).
    #[uniffi(default = None)]
    pub time_limit_ms: Option<u32>,
    /// Show right/wrong briefly after each answer (default on).
    #[uniffi(default = None)]
    pub feedback: Option<bool>,
    /// Difficulty level 1–6; default: the patient's current level on the ladder.
    #[uniffi(default = None)]
    pub level: Option<u32>,
    /// Seed for the picture sequence; default: drawn at random (and stored either way).
    #[uniffi(default = None)]
    pub seed: Option<u64>,
}

/// The picture to show now.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct TrialPrompt {
    pub session_id: i64,
    /// Trial index to answer with (voided trials use up an index).
    pub index: u32,
    /// 1-based number of this picture in the session, for "12 of 50".
    pub position: u32,
    pub total: u32,
    pub stimulus: StimulusSpec,
    pub stimulus_id: String,
    pub time_limit_ms: u32,
}

/// What happened to one answer, and what comes next.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct AnswerOutcome {
    pub index: u32,
    pub correct: bool,
    pub timeout: bool,
    pub anticipation: bool,
    pub rt_ms: Option<f64>,
    /// How long to show right/wrong; `None` when feedback is off.
    pub feedback_ms: Option<u32>,
    pub answered: u32,
    pub total: u32,
    /// The next picture, or `None` when the session is ready to finish.
    pub next: Option<TrialPrompt>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SessionParams {
    parameters: Parameters,
    feedback: bool,
}

/// Parses a stored stimulus id; a bad id in the database is corruption, not user input.
fn parse_stored(id: &str) -> Result<StimulusSpec> {
    StimulusSpec::from_id(id).map_err(|_| Error::InvalidState(format!("stored stimulus '{id}' is not valid")))
}

/// Local calendar day number of an instant in its own zone.
pub fn local_day(at: &WallTime) -> Result<i64> {
    Ok(i64::from(at.local()?.date_naive().num_days_from_ce()))
}

pub fn start(
    conn: &Connection,
    settings: &LeftRightSettings,
    seed: u64,
    base: &Parameters,
    now: &WallTime,
) -> Result<(SessionRow, TrialPrompt)> {
    now.validate("now")?;
    let mut parameters = base.clone();
    if let Some(count) = settings.count {
        parameters
            .set("images_per_session", f64::from(count))
            .map_err(|_| Error::invalid("count", format!("{count} pictures; choose 10 to 100")))?;
    }
    if let Some(limit) = settings.time_limit_ms {
        parameters
            .set("time_limit_ms", f64::from(limit))
            .map_err(|_| Error::invalid("time_limit_ms", format!("{limit} ms; choose 2000 to 60000")))?;
    }
    let level = match settings.level {
        Some(l) if !(levels::MIN_LEVEL..=levels::MAX_LEVEL).contains(&l) => {
            return Err(Error::invalid("level", format!("{l}; levels run from 1 to 6")));
        }
        Some(l) => l,
        None => current_level(conn, settings.body_part)?,
    };
    let recent: HashSet<StimulusSpec> =
        sessions::recent_stimuli(conn, SessionKind::LeftRight, settings.body_part, AVOID_RECENT_SESSIONS)?
            .iter()
            .filter_map(|id| StimulusSpec::from_id(id).ok())
            .collect();
    let skin_tone = profile::get(conn)?.skin_tone;
    let plan = sequence::generate(&Request {
        body_part: settings.body_part,
        level,
        count: parameters.get_u32("images_per_session"),
        skin_tone,
        seed,
        recent: &recent,
    });
    let plan_text = plan.iter().map(StimulusSpec::id).collect::<Vec<_>>().join(" ");
    let params = SessionParams { parameters, feedback: settings.feedback.unwrap_or(true) };
    let params_json = serde_json::to_string(&params)?;
    let row = sessions::start(
        conn,
        &NewSession {
            kind: SessionKind::LeftRight,
            body_part: settings.body_part,
            seed,
            params_json: &params_json,
            level: Some(level),
            plan: &plan_text,
        },
        now,
    )?;
    let progress = Progress { session: row.clone(), params, plan, trials: Vec::new() };
    let prompt = progress.current().expect("a new session has pictures to show");
    Ok((row, prompt))
}

/// A session with everything needed to know where it stands.
struct Progress {
    session: SessionRow,
    params: SessionParams,
    plan: Vec<StimulusSpec>,
    trials: Vec<TrialRow>,
}

impl Progress {
    fn load(conn: &Connection, session_id: i64) -> Result<Progress> {
        let session = sessions::get(conn, session_id)?;
        if session.kind != SessionKind::LeftRight {
            return Err(Error::InvalidState(format!("session {session_id} is not a left/right session")));
        }
        let params = serde_json::from_str(&session.params)?;
        let plan =
            sessions::plan(conn, session_id)?.iter().map(|id| parse_stored(id)).collect::<Result<_>>()?;
        let trials = sessions::trials(conn, session_id)?;
        Ok(Progress { session, params, plan, trials })
    }

    fn load_running(conn: &Connection, session_id: i64) -> Result<Progress> {
        let p = Self::load(conn, session_id)?;
        if p.session.state != SessionState::Running {
            return Err(Error::InvalidState(format!(
                "session {session_id} is {}, not running",
                p.session.state.as_str()
            )));
        }
        Ok(p)
    }

    fn answered(&self) -> u32 {
        self.trials.iter().filter(|t| t.trial.flags & TrialFlags::VOIDED == 0).count() as u32
    }

    fn time_limit_ms(&self) -> u32 {
        self.params.parameters.get_u32("time_limit_ms")
    }

    /// The picture to show now: the next planned one, or after a void a fresh picture of
    /// the same side, derived from the seed so it is the same on every call.
    fn current(&self) -> Option<TrialPrompt> {
        let answered = self.answered() as usize;
        let planned = *self.plan.get(answered)?;
        let voids = self.trials.iter().rev().take_while(|t| t.trial.flags & TrialFlags::VOIDED != 0).count();
        let stimulus = if voids == 0 {
            planned
        } else {
            let mut shown = self.plan.clone();
            shown.extend(self.trials.iter().filter_map(|t| StimulusSpec::from_id(&t.trial.stimulus).ok()));
            let none = HashSet::new();
            let req = Request {
                body_part: self.session.body_part,
                level: self.session.level.unwrap_or(levels::MIN_LEVEL),
                count: self.plan.len() as u32,
                skin_tone: planned.skin_tone,
                seed: self.session.seed,
                recent: &none,
            };
            sequence::replacement(&req, planned.side, &shown, self.trials.len() as u64)
        };
        Some(TrialPrompt {
            session_id: self.session.id,
            index: self.trials.len() as u32,
            position: answered as u32 + 1,
            total: self.plan.len() as u32,
            stimulus_id: stimulus.id(),
            stimulus,
            time_limit_ms: self.time_limit_ms(),
        })
    }

    /// The current prompt, checking the shell is answering that trial.
    fn expect(&self, index: u32) -> Result<TrialPrompt> {
        let current = self.current().ok_or_else(|| {
            Error::InvalidState(format!(
                "all {} pictures of session {} are answered; finish the session",
                self.plan.len(),
                self.session.id
            ))
        })?;
        if index < current.index {
            return Err(Error::InvalidState(format!("trial {index} was already answered")));
        }
        if index > current.index {
            return Err(Error::InvalidState(format!(
                "trial {index} is out of order: the current trial is {}",
                current.index
            )));
        }
        Ok(current)
    }
}

/// The picture to show now, or `None` when every planned picture is answered.
pub fn current(conn: &Connection, session_id: i64) -> Result<Option<TrialPrompt>> {
    Ok(Progress::load_running(conn, session_id)?.current())
}

/// Scores and stores an answer (`response` is `None` for a timeout).
pub fn answer(
    conn: &Connection,
    session_id: i64,
    index: u32,
    onset_ns: i64,
    response: Option<(i64, Side)>,
) -> Result<AnswerOutcome> {
    let mut p = Progress::load_running(conn, session_id)?;
    let prompt = p.expect(index)?;
    let params = &p.params.parameters;
    let score = scoring::score(
        prompt.stimulus.side,
        onset_ns,
        response,
        params.get_u32("time_limit_ms"),
        params.get_u32("anticipation_ms"),
    )?;
    let new = NewTrial {
        stimulus: prompt.stimulus_id,
        side: prompt.stimulus.side,
        onset_ns,
        response_ns: response.map(|(ns, _)| ns),
        answer: response.map(|(_, side)| side),
        correct: score.correct,
        flags: score.flags,
    };
    let row = sessions::insert_trial(conn, session_id, &new)?;
    let feedback_ms = p.params.feedback.then(|| params.get_u32("feedback_ms"));
    p.trials.push(row);
    let timeout = score.flags & TrialFlags::TIMEOUT != 0;
    Ok(AnswerOutcome {
        index,
        correct: score.correct,
        timeout,
        anticipation: score.flags & TrialFlags::ANTICIPATION != 0,
        rt_ms: response.filter(|_| !timeout).map(|(ns, _)| (ns - onset_ns) as f64 / 1e6),
        feedback_ms,
        answered: p.answered(),
        total: p.plan.len() as u32,
        next: p.current(),
    })
}

/// Voids the current trial (the app left the foreground) and returns its replacement.
pub fn void(conn: &Connection, session_id: i64, index: u32, onset_ns: Option<i64>) -> Result<TrialPrompt> {
    let mut p = Progress::load_running(conn, session_id)?;
    let prompt = p.expect(index)?;
    let onset_ns = onset_ns.unwrap_or(0);
    if onset_ns < 0 {
        return Err(Error::invalid("onset_ns", format!("{onset_ns} is negative")));
    }
    let new = NewTrial {
        stimulus: prompt.stimulus_id,
        side: prompt.stimulus.side,
        onset_ns,
        response_ns: None,
        answer: None,
        correct: false,
        flags: TrialFlags::VOIDED,
    };
    p.trials.push(sessions::insert_trial(conn, session_id, &new)?);
    Ok(p.current().expect("a voided trial leaves its picture to show"))
}

/// Ends a left/right session and stores its per-side summary. Completing requires every
/// planned picture answered; aborting keeps whatever was answered.
pub fn end(conn: &Connection, session_id: i64, state: SessionState, now: &WallTime) -> Result<SessionRow> {
    let p = Progress::load_running(conn, session_id)?;
    if state == SessionState::Completed && p.current().is_some() {
        return Err(Error::InvalidState(format!(
            "{} of {} pictures are still to answer; abort the session to end it early",
            p.plan.len() as u32 - p.answered(),
            p.plan.len()
        )));
    }
    let row = sessions::end(conn, session_id, state, now)?;
    summarise(conn, &p, state)?;
    Ok(row)
}

/// On open: the `abandoned` sessions (their owner is gone, see store/owner.rs) still
/// running are closed, complete if every picture was answered, otherwise interrupted;
/// their trials are kept and summarised.
pub fn close_abandoned(conn: &Connection, abandoned: &[i64]) -> Result<()> {
    for session in sessions::running(conn)?.into_iter().filter(|s| abandoned.contains(&s.id)) {
        if session.kind != SessionKind::LeftRight {
            sessions::set_state(conn, session.id, SessionState::Interrupted, None)?;
            continue;
        }
        let p = Progress::load(conn, session.id)?;
        let state = if p.current().is_none() { SessionState::Completed } else { SessionState::Interrupted };
        sessions::set_state(conn, session.id, state, None)?;
        summarise(conn, &p, state)?;
    }
    Ok(())
}

fn observations(trials: &[TrialRow]) -> Result<Vec<Observation>> {
    trials
        .iter()
        .map(|t| {
            let timeout = t.trial.flags & TrialFlags::TIMEOUT != 0;
            Ok(Observation {
                spec: parse_stored(&t.trial.stimulus)?,
                correct: t.trial.correct,
                rt_ns: t.trial.response_ns.filter(|_| !timeout).map(|r| r - t.trial.onset_ns),
                flags: t.trial.flags,
            })
        })
        .collect()
}

/// Stores the per-side summary of an ended session and, if it was completed, moves the
/// level ladder on by it.
fn summarise(conn: &Connection, p: &Progress, state: SessionState) -> Result<()> {
    let st = stats::compute(&observations(&p.trials)?, &[]);
    summaries::write(conn, p.session.id, &st.left)?;
    summaries::write(conn, p.session.id, &st.right)?;
    if state != SessionState::Completed {
        return Ok(());
    }
    let params = &p.params.parameters;
    let (goal_acc, goal_rt) = (params.get("gate_accuracy"), params.get("gate_rt_ms"));
    let accuracy = |s: &stats::SideStats| s.accuracy.unwrap_or(0.0);
    let at_standard =
        |s: &stats::SideStats| accuracy(s) >= goal_acc && s.median_rt_ms.is_some_and(|m| m <= goal_rt);
    let outcome = SessionOutcome {
        level: p.session.level.unwrap_or(levels::MIN_LEVEL),
        day: local_day(&p.session.started_at)?,
        at_standard: at_standard(&st.left) && at_standard(&st.right),
        worst_accuracy: accuracy(&st.left).min(accuracy(&st.right)),
    };
    let body = p.session.body_part;
    let before = summaries::ladder_latest(conn, body)?.unwrap_or_default();
    summaries::ladder_write(conn, p.session.id, body, &before.step(&outcome, params))
}

fn affected_sides(affected: &[AffectedArea], body_part: BodyPart) -> Vec<Side> {
    affected.iter().filter(|a| a.body_part == body_part).map(|a| a.side).collect()
}

/// A session's results: per-side statistics and the gate as it stands after it.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct SessionResults {
    pub session_id: i64,
    pub state: SessionState,
    pub level: u32,
    pub stats: LateralityStats,
    pub gate: GateState,
}

pub fn results(
    conn: &Connection,
    session_id: i64,
    params: &Parameters,
    now: &WallTime,
) -> Result<SessionResults> {
    let p = Progress::load(conn, session_id)?;
    let affected = affected_sides(&profile::get(conn)?.affected, p.session.body_part);
    Ok(SessionResults {
        session_id,
        state: p.session.state,
        level: p.session.level.unwrap_or(levels::MIN_LEVEL),
        stats: stats::compute(&observations(&p.trials)?, &affected),
        gate: gate_state(conn, p.session.body_part, params, now)?,
    })
}

/// One finished session in the history.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct SessionPoint {
    pub session_id: i64,
    pub started_at: WallTime,
    pub state: SessionState,
    pub level: u32,
    pub left_n: u32,
    pub right_n: u32,
    pub left_accuracy: Option<f64>,
    pub right_accuracy: Option<f64>,
    pub left_median_rt_ms: Option<f64>,
    pub right_median_rt_ms: Option<f64>,
}

/// Everything the stats screen shows for one body part.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct LeftRightOverview {
    pub body_part: BodyPart,
    /// The level the next session will use.
    pub level: u32,
    pub gate: GateState,
    /// Pooled over the last 10 sessions (per side, direction and angle band).
    pub recent: LateralityStats,
    /// Every finished session, oldest first.
    pub history: Vec<SessionPoint>,
}

pub fn overview(
    conn: &Connection,
    body_part: BodyPart,
    params: &Parameters,
    now: &WallTime,
    history_limit: Option<u32>,
) -> Result<LeftRightOverview> {
    now.validate("now")?;
    let affected = affected_sides(&profile::get(conn)?.affected, body_part);
    let history = summaries::history(conn, SessionKind::LeftRight, body_part, history_limit)?;
    let mut recent_trials = Vec::new();
    let recent = summaries::history(conn, SessionKind::LeftRight, body_part, Some(RECENT_STATS_SESSIONS))?;
    for row in &recent {
        recent_trials.extend(sessions::trials(conn, row.session_id)?);
    }
    Ok(LeftRightOverview {
        body_part,
        level: current_level(conn, body_part)?,
        gate: gate_state(conn, body_part, params, now)?,
        recent: stats::compute(&observations(&recent_trials)?, &affected),
        history: history.iter().map(point).collect(),
    })
}

fn point(row: &SummaryRow) -> SessionPoint {
    let acc = |c: u32, n: u32| (n > 0).then(|| f64::from(c) / f64::from(n));
    SessionPoint {
        session_id: row.session_id,
        started_at: row.started_at.clone(),
        state: row.state,
        level: row.level.unwrap_or(levels::MIN_LEVEL),
        left_n: row.left.n,
        right_n: row.right.n,
        left_accuracy: acc(row.left.correct, row.left.n),
        right_accuracy: acc(row.right.correct, row.right.n),
        left_median_rt_ms: row.left.median_rt_ms,
        right_median_rt_ms: row.right.median_rt_ms,
    }
}

/// The level the next session of this body part uses.
pub fn current_level(conn: &Connection, body_part: BodyPart) -> Result<u32> {
    Ok(summaries::ladder_latest(conn, body_part)?.unwrap_or_default().level)
}

/// The gate for a body part as of `now`.
pub fn gate_state(
    conn: &Connection,
    body_part: BodyPart,
    params: &Parameters,
    now: &WallTime,
) -> Result<GateState> {
    let needed = params.get_u32("gate_sessions");
    let mut window = Vec::new();
    for row in sessions::latest_completed(conn, SessionKind::LeftRight, body_part, needed)?.iter().rev() {
        window.push(GateSession {
            day: local_day(&row.started_at)?,
            trials: observations(&sessions::trials(conn, row.id)?)?,
        });
    }
    let days_in_stage = match sessions::first_started(conn, SessionKind::LeftRight, body_part)? {
        Some(first) => (local_day(now)? - local_day(&first)? + 1).max(0) as u32,
        None => 0,
    };
    Ok(gate::evaluate(&window, days_in_stage, params))
}
