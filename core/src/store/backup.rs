//! Writing a backup back: every row as it was exported, ids included (journal entries
//! name their sessions by id). The use case checks the document first and runs all of
//! this in one transaction.

use super::guided;
use crate::error::Result;
use crate::export::{ExportGuided, ExportSession, LadderStep};
use crate::patient::{JournalEntry, Profile};
use rusqlite::{Connection, params};

/// Whether the database holds any session or journal entry.
pub fn holds_data(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM session) OR EXISTS (SELECT 1 FROM journal)",
        [],
        |r| r.get(0),
    )?)
}

/// Removes every session (with its trials, summaries, ladder steps and guided-session
/// answers), journal entry, reminder record, stage transition and stage plan. The texture
/// and exposure ladders are the patient's own lists, not history, and stay (a backup that
/// carries its own replaces them as it is restored).
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM journal; DELETE FROM step_answer; DELETE FROM sensory_trial; DELETE FROM guided_session;
         DELETE FROM ladder_step; DELETE FROM session_side; DELETE FROM session_plan;
         DELETE FROM session_owner; DELETE FROM trial; DELETE FROM session; DELETE FROM affected_area;
         DELETE FROM reminder_event; DELETE FROM reminder_learned; DELETE FROM reminder_settings;
         DELETE FROM stage_event; DELETE FROM stage_plan;",
    )?;
    Ok(())
}

/// The profile as exported: code, handedness, skin tone, creation time, painful areas.
pub fn restore_profile(conn: &Connection, p: &Profile) -> Result<()> {
    conn.execute(
        "UPDATE profile SET code = ?1, handedness = ?2, skin_tone = ?3, created_at_ms = ?4, created_zone = ?5",
        params![p.code, p.handedness.map(|h| h.as_str()), p.skin_tone, p.created_at.unix_ms, p.created_at.zone],
    )?;
    conn.execute("DELETE FROM affected_area", [])?;
    let mut insert =
        conn.prepare_cached("INSERT OR IGNORE INTO affected_area (body_part, side) VALUES (?1, ?2)")?;
    for a in &p.affected {
        insert.execute([a.body_part.as_str(), a.side.as_str()])?;
    }
    Ok(())
}

/// A session with its plan and trials.
pub fn restore_session(conn: &Connection, s: &ExportSession, params_json: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO session (id, kind, body_part, started_at_ms, started_zone, ended_at_ms, ended_zone, state,
                              seed, params, level)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        s.id,
        s.kind.as_str(),
        s.body_part.as_str(),
        s.started_at.unix_ms,
        s.started_at.zone,
        s.ended_at.as_ref().map(|t| t.unix_ms),
        s.ended_at.as_ref().map(|t| &t.zone),
        s.state.as_str(),
        s.seed as i64,
        params_json,
        s.level
    ])?;
    if !s.plan.is_empty() {
        conn.prepare_cached("INSERT INTO session_plan (session_id, stimuli) VALUES (?1, ?2)")?
            .execute(params![s.id, s.plan.join(" ")])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO trial (session_id, idx, stimulus, side, onset_ns, response_ns, answer, correct, flags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (t, trial) in s.trials.iter().zip(s.recorded_trials()) {
        insert.execute(params![
            s.id,
            t.index,
            trial.stimulus,
            trial.side.as_str(),
            trial.onset_ns,
            trial.response_ns,
            trial.answer.map(|a| a.as_str()),
            trial.correct,
            trial.flags
        ])?;
    }
    Ok(())
}

/// A guided session's row, answers and sensory trials (its session restored first).
pub fn restore_guided(conn: &Connection, session_id: i64, g: &ExportGuided) -> Result<()> {
    let row = guided::GuidedRow {
        script: serde_json::to_string(&g.script)?,
        subject: g.subject,
        phase: g.phase.clone(),
        ending: g.ending,
        passed: g.passed,
    };
    guided::start(conn, session_id, &row)?;
    if let Some(ending) = g.ending {
        guided::set_ending(conn, session_id, ending, g.passed)?;
    }
    for a in &g.answers {
        guided::add_answer(conn, session_id, &a.answered()?, &a.at)?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO sensory_trial (session_id, idx, drill, region, target, answer, correct)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for t in &g.sensory {
        insert.execute(params![
            session_id,
            t.index,
            t.drill.as_str(),
            t.region.as_str(),
            t.target,
            t.answer,
            t.correct
        ])?;
    }
    Ok(())
}

pub fn restore_journal_entry(conn: &Connection, e: &JournalEntry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO journal (id, at_ms, zone, pain, fear, medication, note, session_id, sleep)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        e.id,
        e.at.unix_ms,
        e.at.zone,
        e.pain,
        e.fear,
        e.medication,
        e.note,
        e.session_id,
        e.sleep
    ])?;
    Ok(())
}

pub fn restore_ladder_step(conn: &Connection, l: &LadderStep) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO ladder_step (session_id, body_part, level, good, poor, changed_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![l.session_id, l.body_part.as_str(), l.level, l.good, l.poor, l.changed_day])?;
    Ok(())
}

pub fn clear_stage_events(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM stage_event", [])?;
    Ok(())
}

pub fn clear_stage_plans(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM stage_plan", [])?;
    Ok(())
}

pub fn clear_plan_history(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM plan_history", [])?;
    Ok(())
}
