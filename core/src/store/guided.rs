//! Guided sessions' rows: each session's script and how it ended, the answers to its
//! steps, the texture and exposure ladders and sensory drill trials.

use super::{optional_text_column, text_column};
use crate::error::{Error, Result};
use crate::export::{ExportExposureStep, ExportSensoryTrial};
use crate::programme::steps::sensory::{Cue, Drill, Region};
use crate::programme::steps::{Answered, Ending, StepAnswer, StepPurpose};
use crate::stimulus::BodyPart;
use crate::time::WallTime;
use rusqlite::{Connection, OptionalExtension, params};

/// A guided session's own row.
#[derive(Debug, Clone, PartialEq)]
pub struct GuidedRow {
    /// The script as JSON (programme::steps::Script).
    pub script: String,
    /// The texture's place on the ladder, or the exposure step's id.
    pub subject: Option<i64>,
    /// The desensitisation phase or the mirror level, as text.
    pub phase: Option<String>,
    pub ending: Option<Ending>,
    /// An exposure after which fear had fallen enough.
    pub passed: bool,
}

pub fn start(conn: &Connection, session_id: i64, row: &GuidedRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO guided_session (session_id, script, subject, phase) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![session_id, row.script, row.subject, row.phase])?;
    Ok(())
}

/// The guided row of a session (`None` for a session started without steps).
pub fn get(conn: &Connection, session_id: i64) -> Result<Option<GuidedRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT script, subject, phase, ending, passed FROM guided_session WHERE session_id = ?1",
        )?
        .query_row([session_id], |r| {
            Ok(GuidedRow {
                script: r.get(0)?,
                subject: r.get(1)?,
                phase: r.get(2)?,
                ending: optional_text_column(r, 3, "ending", Ending::parse)?,
                passed: r.get(4)?,
            })
        })
        .optional()?)
}

pub fn set_ending(conn: &Connection, session_id: i64, ending: Ending, passed: bool) -> Result<()> {
    conn.prepare_cached("UPDATE guided_session SET ending = ?2, passed = ?3 WHERE session_id = ?1")?
        .execute(params![session_id, ending.as_str(), passed])?;
    Ok(())
}

pub fn add_answer(conn: &Connection, session_id: i64, a: &Answered, at: &WallTime) -> Result<()> {
    let (kind, value, choice) = match &a.answer {
        StepAnswer::Done => ("done", None, None),
        StepAnswer::Rating { value } => ("rating", Some(*value), None),
        StepAnswer::Choice { id } => ("choice", None, Some(id.as_str())),
        StepAnswer::Stop => ("stop", None, None),
    };
    conn.prepare_cached(
        "INSERT INTO step_answer (session_id, idx, purpose, answer, value, choice, at_ms, zone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        session_id,
        a.index,
        a.purpose.as_str(),
        kind,
        value,
        choice,
        at.unix_ms,
        at.zone
    ])?;
    Ok(())
}

/// A session's answers in step order.
pub fn answers(conn: &Connection, session_id: i64) -> Result<Vec<Answered>> {
    Ok(stamped_answers(conn, session_id)?.into_iter().map(|(a, _)| a).collect())
}

/// A session's answers in step order, each with when it was given.
pub fn stamped_answers(conn: &Connection, session_id: i64) -> Result<Vec<(Answered, WallTime)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT idx, purpose, answer, value, choice, at_ms, zone FROM step_answer WHERE session_id = ?1
         ORDER BY idx",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        let kind: String = r.get(2)?;
        let answer = match kind.as_str() {
            "done" => StepAnswer::Done,
            "rating" => StepAnswer::Rating { value: r.get(3)? },
            "choice" => StepAnswer::Choice { id: r.get(4)? },
            _ => StepAnswer::Stop,
        };
        let purpose = text_column(r, 1, "purpose", StepPurpose::parse)?;
        Ok((Answered { index: r.get(0)?, purpose, answer }, WallTime { unix_ms: r.get(5)?, zone: r.get(6)? }))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A completed guided session's subject, phase and ending.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedRow {
    pub subject: Option<i64>,
    pub phase: Option<String>,
    pub ending: Ending,
}

/// Completed guided sessions of a kind and body part, oldest first.
pub fn finished(
    conn: &Connection,
    kind: crate::programme::SessionKind,
    body_part: BodyPart,
) -> Result<Vec<FinishedRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.subject, g.phase, g.ending FROM guided_session g JOIN session s ON s.id = g.session_id
         WHERE s.kind = ?1 AND s.body_part = ?2 AND s.state = 'completed' AND g.ending IS NOT NULL
         ORDER BY s.started_at_ms, s.id",
    )?;
    let rows = stmt.query_map(params![kind.as_str(), body_part.as_str()], |r| {
        Ok(FinishedRow {
            subject: r.get(0)?,
            phase: r.get(1)?,
            ending: text_column(r, 2, "ending", Ending::parse)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Completed mirror sessions for a body part without a "felt worse" answer.
pub fn mirror_sessions_not_worse(conn: &Connection, body_part: BodyPart) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM session s JOIN guided_session g ON g.session_id = s.id
             WHERE s.kind = 'mirror' AND s.body_part = ?1 AND s.state = 'completed'
               AND NOT EXISTS (SELECT 1 FROM step_answer a WHERE a.session_id = s.id
                               AND a.purpose = 'feeling' AND a.choice = 'worse')",
        )?
        .query_row([body_part.as_str()], |r| r.get(0))?)
}

/// When each "felt worse" answer after mirror therapy was given, oldest first, for one
/// body part or all.
pub fn felt_worse(conn: &Connection, body_part: Option<BodyPart>) -> Result<Vec<WallTime>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.at_ms, a.zone FROM step_answer a JOIN session s ON s.id = a.session_id
         WHERE a.purpose = 'feeling' AND a.choice = 'worse' AND (?1 IS NULL OR s.body_part = ?1)
         ORDER BY a.at_ms, a.session_id",
    )?;
    let rows = stmt.query_map([body_part.map(BodyPart::as_str)], |r| {
        Ok(WallTime { unix_ms: r.get(0)?, zone: r.get(1)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// When "felt worse" was answered after mirror sessions of a body part, at or after
/// `since_ms` (UTC ms), oldest first: what the flare rule and the mirror gate read.
pub fn felt_worse_since(conn: &Connection, body_part: BodyPart, since_ms: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.at_ms FROM step_answer a JOIN session s ON s.id = a.session_id
         WHERE a.purpose = 'feeling' AND a.choice = 'worse' AND s.body_part = ?1 AND a.at_ms >= ?2
         ORDER BY a.at_ms",
    )?;
    let rows = stmt.query_map(params![body_part.as_str(), since_ms], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Vividness ratings (1–5) of a body part's completed motor-imagery sessions started at
/// or after `since_ms`, newest first, at most `limit`.
pub fn imagery_vividness(
    conn: &Connection,
    body_part: BodyPart,
    since_ms: i64,
    limit: u32,
) -> Result<Vec<u8>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.value FROM step_answer a JOIN session s ON s.id = a.session_id
         WHERE a.purpose = 'vividness' AND a.answer = 'rating' AND s.kind = 'motor-imagery'
           AND s.state = 'completed' AND s.body_part = ?1 AND s.started_at_ms >= ?2
         ORDER BY s.started_at_ms DESC, s.id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![body_part.as_str(), since_ms, limit], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The texture ladder as written by the patient or therapist (empty: the defaults).
pub fn textures(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM texture ORDER BY position")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn set_textures(conn: &Connection, names: &[String]) -> Result<()> {
    conn.execute("DELETE FROM texture", [])?;
    let mut stmt = conn.prepare_cached("INSERT INTO texture (position, name) VALUES (?1, ?2)")?;
    for (i, name) in names.iter().enumerate() {
        stmt.execute(params![i as i64, name])?;
    }
    Ok(())
}

/// An exposure ladder step with what its exposures showed.
#[derive(Debug, Clone, PartialEq)]
pub struct ExposureRow {
    pub id: i64,
    pub activity: String,
    pub fear: u8,
    /// Completed exposures of this step.
    pub exposures: u32,
    /// Fear after the newest completed exposure.
    pub last_fear_after: Option<u32>,
    pub passed: bool,
}

/// The steps not removed, by id.
pub fn exposure_steps(conn: &Connection) -> Result<Vec<ExposureRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.activity, e.fear,
           (SELECT count(*) FROM guided_session g JOIN session s ON s.id = g.session_id
            WHERE s.kind = 'exposure' AND g.subject = e.id AND s.state = 'completed'),
           (SELECT a.value FROM step_answer a JOIN guided_session g ON g.session_id = a.session_id
            JOIN session s ON s.id = a.session_id
            WHERE s.kind = 'exposure' AND g.subject = e.id AND s.state = 'completed'
              AND a.purpose = 'fear-after' ORDER BY s.started_at_ms DESC, s.id DESC LIMIT 1),
           EXISTS (SELECT 1 FROM guided_session g JOIN session s ON s.id = g.session_id
                   WHERE s.kind = 'exposure' AND g.subject = e.id AND g.passed = 1)
         FROM exposure_step e WHERE e.removed = 0 ORDER BY e.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ExposureRow {
            id: r.get(0)?,
            activity: r.get(1)?,
            fear: r.get(2)?,
            exposures: r.get(3)?,
            last_fear_after: r.get(4)?,
            passed: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every step, removed ones too, by id (for the export).
pub fn all_exposure_steps(conn: &Connection) -> Result<Vec<ExportExposureStep>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, activity, fear, removed FROM exposure_step ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(ExportExposureStep { id: r.get(0)?, activity: r.get(1)?, fear: r.get(2)?, removed: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the exposure ladder with `steps`, ids and all (a backup being restored).
pub fn restore_exposure_steps(conn: &Connection, steps: &[ExportExposureStep]) -> Result<()> {
    conn.execute("DELETE FROM exposure_step", [])?;
    let mut stmt = conn
        .prepare_cached("INSERT INTO exposure_step (id, activity, fear, removed) VALUES (?1, ?2, ?3, ?4)")?;
    for s in steps {
        stmt.execute(params![s.id, s.activity, s.fear, s.removed])?;
    }
    Ok(())
}

pub fn add_exposure_step(conn: &Connection, activity: &str, fear: u8) -> Result<i64> {
    conn.prepare_cached("INSERT INTO exposure_step (activity, fear) VALUES (?1, ?2)")?
        .execute(params![activity, fear])?;
    Ok(conn.last_insert_rowid())
}

/// Changes a step's activity and fear rating; the step must exist and not be removed.
pub fn update_exposure_step(conn: &Connection, id: i64, activity: &str, fear: u8) -> Result<()> {
    let n = conn
        .prepare_cached("UPDATE exposure_step SET activity = ?2, fear = ?3 WHERE id = ?1 AND removed = 0")?
        .execute(params![id, activity, fear])?;
    if n == 0 {
        return Err(Error::not_found("exposure step", id));
    }
    Ok(())
}

/// Marks a step removed; its exposures stay in the history.
pub fn remove_exposure_step(conn: &Connection, id: i64) -> Result<()> {
    let n = conn
        .prepare_cached("UPDATE exposure_step SET removed = 1 WHERE id = ?1 AND removed = 0")?
        .execute([id])?;
    if n == 0 {
        return Err(Error::not_found("exposure step", id));
    }
    Ok(())
}

pub fn add_sensory_trial(
    conn: &Connection,
    session_id: i64,
    index: u32,
    cue: &Cue,
    answer: &str,
    correct: bool,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sensory_trial (session_id, idx, drill, region, target, answer, correct)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        session_id,
        index,
        cue.drill.as_str(),
        cue.region.as_str(),
        cue.target,
        answer,
        correct
    ])?;
    Ok(())
}

/// A session's sensory drill trials in step order.
pub fn sensory_trials(conn: &Connection, session_id: i64) -> Result<Vec<ExportSensoryTrial>> {
    let mut stmt = conn.prepare_cached(
        "SELECT idx, drill, region, target, answer, correct FROM sensory_trial WHERE session_id = ?1
         ORDER BY idx",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok(ExportSensoryTrial {
            index: r.get(0)?,
            drill: text_column(r, 1, "drill", Drill::parse)?,
            region: text_column(r, 2, "region", Region::parse)?,
            target: r.get(3)?,
            answer: r.get(4)?,
            correct: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sensory trials of one session in one region.
#[derive(Debug, Clone, PartialEq)]
pub struct SensoryRow {
    pub session_id: i64,
    pub started_at: WallTime,
    pub region: String,
    pub trials: u32,
    pub correct: u32,
}

/// Sensory trials per session and region, oldest session first.
pub fn sensory_accuracy(conn: &Connection, body_part: BodyPart) -> Result<Vec<SensoryRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.started_at_ms, s.started_zone, t.region, count(*), sum(t.correct)
         FROM sensory_trial t JOIN session s ON s.id = t.session_id
         WHERE s.body_part = ?1
         GROUP BY s.id, t.region ORDER BY s.started_at_ms, s.id, t.region",
    )?;
    let rows = stmt.query_map([body_part.as_str()], |r| {
        Ok(SensoryRow {
            session_id: r.get(0)?,
            started_at: WallTime { unix_ms: r.get(1)?, zone: r.get(2)? },
            region: r.get(3)?,
            trials: r.get(4)?,
            correct: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
