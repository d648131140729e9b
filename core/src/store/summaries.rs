//! Per-side summaries of finished left/right sessions, written once when a session ends
//! so that years of history read in milliseconds.

use super::text_column;
use crate::error::Result;
use crate::laterality::{LadderState, SideStats};
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::{BodyPart, Side};
use crate::time::WallTime;
use rusqlite::{Connection, OptionalExtension, params};

pub fn write(conn: &Connection, session_id: i64, side: &SideStats) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO session_side
         (session_id, side, n, correct, rt_n, median_rt_ms, q1_rt_ms, q3_rt_ms, anticipations, timeouts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        session_id,
        side.side.as_str(),
        side.n,
        side.correct,
        side.rt_n,
        side.median_rt_ms,
        side.q1_rt_ms,
        side.q3_rt_ms,
        side.anticipations,
        side.timeouts
    ])?;
    Ok(())
}

/// One finished session with its two per-side summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub session_id: i64,
    pub started_at: WallTime,
    pub state: SessionState,
    pub level: Option<u32>,
    pub left: SideSummary,
    pub right: SideSummary,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SideSummary {
    pub n: u32,
    pub correct: u32,
    pub rt_n: u32,
    pub median_rt_ms: Option<f64>,
    pub q1_rt_ms: Option<f64>,
    pub q3_rt_ms: Option<f64>,
    pub anticipations: u32,
    pub timeouts: u32,
}

/// The summarised sessions of this kind and body part, oldest first: the newest `limit`
/// of them, or all when `limit` is `None`.
pub fn history(
    conn: &Connection,
    kind: SessionKind,
    body_part: BodyPart,
    limit: Option<u32>,
) -> Result<Vec<SummaryRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.started_at_ms, s.started_zone, s.state, s.level, ss.side,
                ss.n, ss.correct, ss.rt_n, ss.median_rt_ms, ss.q1_rt_ms, ss.q3_rt_ms, ss.anticipations, ss.timeouts
         FROM (SELECT * FROM session WHERE kind = ?1 AND body_part = ?2
               AND id IN (SELECT session_id FROM session_side)
               ORDER BY started_at_ms DESC, id DESC LIMIT ?3) s
         JOIN session_side ss ON ss.session_id = s.id
         ORDER BY s.started_at_ms, s.id, ss.side",
    )?;
    let limit = limit.map_or(-1, i64::from);
    let mut rows = stmt.query(params![kind.as_str(), body_part.as_str(), limit])?;
    let mut out: Vec<SummaryRow> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let side = text_column(r, 5, "session_side.side", Side::parse)?;
        let summary = SideSummary {
            n: r.get(6)?,
            correct: r.get(7)?,
            rt_n: r.get(8)?,
            median_rt_ms: r.get(9)?,
            q1_rt_ms: r.get(10)?,
            q3_rt_ms: r.get(11)?,
            anticipations: r.get(12)?,
            timeouts: r.get(13)?,
        };
        if out.last().is_none_or(|row| row.session_id != id) {
            out.push(SummaryRow {
                session_id: id,
                started_at: WallTime { unix_ms: r.get(1)?, zone: r.get(2)? },
                state: text_column(r, 3, "state", SessionState::parse)?,
                level: r.get(4)?,
                left: SideSummary::default(),
                right: SideSummary::default(),
            });
        }
        let row = out.last_mut().expect("pushed above");
        if side == Side::Left {
            row.left = summary;
        } else {
            row.right = summary;
        }
    }
    Ok(out)
}

/// The ladder's state after the latest completed session of a body part.
pub fn ladder_latest(conn: &Connection, body_part: BodyPart) -> Result<Option<LadderState>> {
    Ok(conn
        .prepare_cached(
            "SELECT level, good, poor, changed_day FROM ladder_step WHERE body_part = ?1 ORDER BY step DESC LIMIT 1",
        )?
        .query_row([body_part.as_str()], |r| {
            Ok(LadderState { level: r.get(0)?, good: r.get(1)?, poor: r.get(2)?, changed_day: r.get(3)? })
        })
        .optional()?)
}

pub fn ladder_write(
    conn: &Connection,
    session_id: i64,
    body_part: BodyPart,
    state: &LadderState,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO ladder_step (session_id, body_part, level, good, poor, changed_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![session_id, body_part.as_str(), state.level, state.good, state.poor, state.changed_day])?;
    Ok(())
}

/// Every stored ladder step, oldest first.
pub fn ladder_all(conn: &Connection) -> Result<Vec<crate::export::LadderStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT session_id, body_part, level, good, poor, changed_day FROM ladder_step ORDER BY step",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(crate::export::LadderStep {
            session_id: r.get(0)?,
            body_part: text_column(r, 1, "ladder_step.body_part", BodyPart::parse)?,
            level: r.get(2)?,
            good: r.get(3)?,
            poor: r.get(4)?,
            changed_day: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
