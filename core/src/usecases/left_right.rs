//! The left/right session flow: plan a session, hand out its pictures one at a time,
//! score and commit each answer, void and replace interrupted trials, summarise, and
//! read the history and the gate.
//!
//! All state lives in the database (the plan, every trial), so any call can come from any
//! thread or a new process, and a killed app resumes exactly where it stopped. Each write
//! is one transaction; each read one snapshot.

use super::programme;
use super::screens::{self, FactSection};
use super::sessions::SessionSummary;
use crate::error::{Error, Result};
use crate::laterality::gate::{self, GateSession, GateState};
use crate::laterality::levels::{self, LadderState};
use crate::laterality::scoring;
use crate::laterality::sequence::{self, Request};
use crate::laterality::session::{
    AnswerOutcome, LeftRightSettings, Progress, TrialPrompt, observations, parse_plan,
};
use crate::laterality::stats::{self, LateralityStats};
use crate::messages::{Locale, t};
use crate::params::Parameters;
use crate::patient::AffectedArea;
use crate::programme::{SessionKind, SessionState, Stage};
use crate::stimulus::{BodyPart, Side, StimulusSpec};
use crate::store::summaries::{self, SummaryRow};
use crate::store::{NewSession, SessionRow, Store, profile, sessions};
use crate::time::WallTime;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// How far back a new session looks to show what was seen longest ago first: three
/// sessions a day for three weeks.
const HISTORY_SESSIONS: u32 = 63;
/// How many recent sessions the "recent" statistics pool.
const RECENT_STATS_SESSIONS: u32 = 10;

/// A new session and its first picture.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct LeftRightStart {
    pub session: SessionSummary,
    pub level: u32,
    pub first: TrialPrompt,
}

/// A session's results: per-side statistics and the gate as it stands after it.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct SessionResults {
    pub session_id: i64,
    pub state: SessionState,
    pub level: u32,
    pub stats: LateralityStats,
    pub gate: GateState,
    /// "Session complete", "Session stopped early", …
    pub title: String,
    pub level_text: String,
    /// The per-side numbers worded, left then right.
    pub sides: Vec<FactSection>,
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
    /// "Left/right: Hand, level 2".
    pub heading: String,
    /// The level the next session will use.
    pub level: u32,
    pub gate: GateState,
    /// Pooled over the last `recent_sessions` summarised sessions.
    pub recent: LateralityStats,
    /// How many sessions `recent` pools (up to 10).
    pub recent_sessions: u32,
    /// Every finished session, oldest first.
    pub history: Vec<SessionPoint>,
}

/// Plans and starts a session; its pictures are fixed by `seed` and the recent history.
pub fn start(
    store: &Store,
    settings: &LeftRightSettings,
    seed: u64,
    base: &Parameters,
    now: &WallTime,
    locale: Locale,
) -> Result<LeftRightStart> {
    now.validate("now")?;
    let mut params = settings.session_params(base)?;
    store.write(|tx| {
        // During a flare a session has fewer pictures (programme/flare.rs).
        if let Some(most) = programme::flare_images(tx, settings.body_part, base)? {
            params.parameters.images_per_session = params.parameters.images_per_session.min(most);
        }
        let level = match settings.level {
            Some(level) => level,
            None => current_level(tx, settings.body_part)?,
        };
        let mut last_seen = HashMap::new();
        for (age, id) in
            sessions::recent_stimuli(tx, SessionKind::LeftRight, settings.body_part, HISTORY_SESSIONS)?
        {
            if let Ok(spec) = StimulusSpec::from_id(&id) {
                // Newest first: keep the first (smallest) age of each picture.
                last_seen.entry(sequence::history_key(&spec)).or_insert(age);
            }
        }
        let plan = sequence::generate(&Request {
            body_part: settings.body_part,
            level,
            count: params.parameters.images_per_session + params.parameters.practice_trials,
            skin_tone: profile::get(tx)?.skin_tone,
            seed,
            last_seen: &last_seen,
        });
        let plan_text = plan.iter().map(StimulusSpec::id).collect::<Vec<_>>().join(" ");
        let row = sessions::start(
            tx,
            &NewSession {
                kind: SessionKind::LeftRight,
                body_part: settings.body_part,
                seed,
                params_json: &serde_json::to_string(&params)?,
                level: Some(level),
                plan: &plan_text,
            },
            now,
        )?;
        let progress = Progress {
            session_id: row.id,
            body_part: row.body_part,
            level,
            seed,
            params: params.clone(),
            plan,
            trials: Vec::new(),
        };
        let first = progress
            .current(locale)
            .ok_or_else(|| Error::InvalidState("the session has no pictures".into()))?;
        Ok(LeftRightStart { session: row.into(), level, first })
    })
}

/// The picture to show now, or `None` when every planned picture is answered.
pub fn current(store: &Store, session_id: i64, locale: Locale) -> Result<Option<TrialPrompt>> {
    store.read(|c| Ok(load_running(c, session_id)?.current(locale)))
}

/// Scores and stores an answer (`response` is `None` for a timeout).
pub fn answer(
    store: &Store,
    session_id: i64,
    index: u32,
    onset_ns: i64,
    response: Option<(i64, Side)>,
    locale: Locale,
) -> Result<AnswerOutcome> {
    store.write(|tx| {
        let mut p = load_running(tx, session_id)?;
        let prompt = p.expect(index, locale)?;
        let params = &p.params.parameters;
        let score = scoring::score(
            prompt.stimulus.side,
            onset_ns,
            response,
            params.time_limit_ms,
            params.anticipation_ms,
        )?;
        let trial = Progress::record(&prompt, onset_ns, response, score);
        sessions::insert_trial(tx, session_id, &trial)?;
        p.trials.push(trial.clone());
        Ok(p.outcome(&trial, index, locale))
    })
}

/// Voids the current trial (the app left the foreground) and returns its replacement.
pub fn void(
    store: &Store,
    session_id: i64,
    index: u32,
    onset_ns: Option<i64>,
    locale: Locale,
) -> Result<TrialPrompt> {
    store.write(|tx| {
        let mut p = load_running(tx, session_id)?;
        let trial = Progress::void_record(&p.expect(index, locale)?, onset_ns)?;
        sessions::insert_trial(tx, session_id, &trial)?;
        p.trials.push(trial);
        p.current(locale)
            .ok_or_else(|| Error::InvalidState("a voided trial leaves its picture to show".into()))
    })
}

/// Ends a left/right session and stores its per-side summary. Completing requires every
/// planned picture answered; aborting keeps whatever was answered.
pub fn end(tx: &Connection, session_id: i64, state: SessionState, now: &WallTime) -> Result<SessionRow> {
    let p = load_running(tx, session_id)?;
    if state == SessionState::Completed && !p.finished() {
        return Err(Error::InvalidState(format!(
            "{} of {} pictures are still to answer; abort the session to end it early",
            p.total() - p.answered(),
            p.total()
        )));
    }
    let row = sessions::end(tx, session_id, state, now)?;
    summarise(tx, &p, &row, state)?;
    Ok(row)
}

/// Closes an abandoned left/right session (its owner is gone, see store/owner.rs):
/// complete if every picture was answered, otherwise interrupted; its trials are kept
/// and summarised.
pub fn close_abandoned(tx: &Connection, session: &SessionRow) -> Result<()> {
    let p = load(tx, session)?;
    let state = if p.finished() { SessionState::Completed } else { SessionState::Interrupted };
    let row = sessions::set_state(tx, session.id, state, None)?;
    summarise(tx, &p, &row, state)
}

/// A session's statistics and the gate as of `now`.
pub fn results(
    store: &Store,
    session_id: i64,
    params: &Parameters,
    now: &WallTime,
    locale: Locale,
) -> Result<SessionResults> {
    now.validate("now")?;
    store.read(|c| {
        let row = sessions::get(c, session_id)?;
        let p = load(c, &row)?;
        let affected = affected_sides(&profile::get(c)?.affected, p.body_part);
        let stats = stats::compute(&observations(&p.trials)?, &affected);
        Ok(SessionResults {
            session_id,
            state: row.state,
            level: p.level,
            title: t!(locale, "summary-title", state = row.state.as_str()),
            level_text: t!(locale, "level", level = p.level),
            sides: [&stats.left, &stats.right].map(|s| screens::side_section(locale, s)).to_vec(),
            stats,
            gate: gate_state(c, p.body_part, params, now, locale)?,
        })
    })
}

/// Level, gate, recent statistics and the newest `history_limit` sessions of a body part.
pub fn overview(
    store: &Store,
    body_part: BodyPart,
    params: &Parameters,
    now: &WallTime,
    history_limit: Option<u32>,
    locale: Locale,
) -> Result<LeftRightOverview> {
    now.validate("now")?;
    store.read(|c| {
        let affected = affected_sides(&profile::get(c)?.affected, body_part);
        let history = summaries::history(c, SessionKind::LeftRight, body_part, history_limit)?;
        let mut recent_trials = Vec::new();
        let pooled = summaries::history(c, SessionKind::LeftRight, body_part, Some(RECENT_STATS_SESSIONS))?;
        for row in &pooled {
            recent_trials.extend(sessions::trials(c, row.session_id)?.into_iter().map(|t| t.trial));
        }
        let level = current_level(c, body_part)?;
        Ok(LeftRightOverview {
            body_part,
            heading: t!(locale, "left-right-heading", part = body_part.as_str(), level = level),
            level,
            gate: gate_state(c, body_part, params, now, locale)?,
            recent: stats::compute(&observations(&recent_trials)?, &affected),
            recent_sessions: pooled.len() as u32,
            history: history.iter().map(point).collect(),
        })
    })
}

fn load(c: &Connection, session: &SessionRow) -> Result<Progress> {
    if session.kind != SessionKind::LeftRight {
        return Err(Error::InvalidState(format!("session {} is not a left/right session", session.id)));
    }
    Ok(Progress {
        session_id: session.id,
        body_part: session.body_part,
        level: session.level.unwrap_or(levels::MIN_LEVEL),
        seed: session.seed,
        params: serde_json::from_str(&session.params)?,
        plan: parse_plan(&sessions::plan(c, session.id)?)?,
        trials: sessions::trials(c, session.id)?.into_iter().map(|t| t.trial).collect(),
    })
}

fn load_running(c: &Connection, session_id: i64) -> Result<Progress> {
    load(c, &sessions::get_running(c, session_id)?)
}

/// Stores the per-side summary of an ended session and, if it was completed, moves the
/// level ladder on by it.
fn summarise(tx: &Connection, p: &Progress, row: &SessionRow, state: SessionState) -> Result<()> {
    let st = stats::compute(&observations(&p.trials)?, &[]);
    summaries::write(tx, p.session_id, &st.left)?;
    summaries::write(tx, p.session_id, &st.right)?;
    if state != SessionState::Completed {
        return Ok(());
    }
    let outcome = p.ladder_outcome(&st, row.started_at.local_day()?);
    let before = summaries::ladder_latest(tx, p.body_part)?.unwrap_or_default();
    summaries::ladder_write(tx, p.session_id, p.body_part, &before.step(&outcome, &p.params.parameters))
}

fn affected_sides(affected: &[AffectedArea], body_part: BodyPart) -> Vec<Side> {
    affected.iter().filter(|a| a.body_part == body_part).map(|a| a.side).collect()
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
pub(crate) fn current_level(c: &Connection, body_part: BodyPart) -> Result<u32> {
    Ok(summaries::ladder_latest(c, body_part)?.map_or(LadderState::default().level, |l| l.level))
}

/// The gate for a body part as of `now`.
fn gate_state(
    c: &Connection,
    body_part: BodyPart,
    params: &Parameters,
    now: &WallTime,
    locale: Locale,
) -> Result<GateState> {
    let recent = gate_sessions(c, body_part, params)?;
    // Days since the programme entered left/right judgement, as the stage machine counts
    // them; before it has (or after it moved on), since the first left/right session.
    let entered = match crate::store::programme::latest_entry(c, body_part)? {
        Some(e) if e.to == Stage::LeftRight => Some(e.at),
        _ => sessions::first_started(c, SessionKind::LeftRight, body_part)?,
    };
    let days_in_stage = match entered {
        Some(first) => (now.local_day()? - first.local_day()? + 1).max(0) as u32,
        None => 0,
    };
    Ok(gate::evaluate(&recent, days_in_stage, params, locale))
}

/// The completed sessions the gate reads, oldest first (the stage machine's too).
pub(crate) fn gate_sessions(
    c: &Connection,
    body_part: BodyPart,
    params: &Parameters,
) -> Result<Vec<GateSession>> {
    let wanted = params.gate_sessions.max(gate::TREND_SESSIONS as u32);
    let mut recent = Vec::new();
    for row in sessions::latest_completed(c, SessionKind::LeftRight, body_part, wanted)?.iter().rev() {
        let trials = sessions::trials(c, row.id)?;
        recent.push(GateSession {
            day: row.started_at.local_day()?,
            level: row.level.unwrap_or(levels::MIN_LEVEL),
            trials: observations(trials.iter().map(|t| &t.trial))?,
        });
    }
    Ok(recent)
}
