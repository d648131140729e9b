//! The plan history: every therapist's plan imported, newest last; the newest is in force.

use super::text_column;
use crate::error::{Error, Result};
use crate::plan::changes::PlanChange;
use crate::plan::{PlanSource, TherapyPlan};
use crate::time::WallTime;
use rusqlite::{Connection, OptionalExtension, params};

/// One stored plan.
pub struct PlanRow {
    pub id: i64,
    pub received_at: WallTime,
    pub source: PlanSource,
    pub plan: TherapyPlan,
    pub changes: Vec<PlanChange>,
}

/// Stores a checked plan with what it changed; returns its id.
pub fn add(
    conn: &Connection,
    received_at: &WallTime,
    source: PlanSource,
    plan: &TherapyPlan,
    changes: &[PlanChange],
) -> Result<i64> {
    conn.execute(
        "INSERT INTO plan_history (received_at_ms, received_zone, source, plan, changes)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            received_at.unix_ms,
            received_at.zone,
            source.as_str(),
            plan.to_json(false),
            serde_json::to_string(changes)?
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

const COLUMNS: &str = "id, received_at_ms, received_zone, source, plan, changes";

type Raw = (i64, WallTime, PlanSource, String, String);

fn raw(r: &rusqlite::Row) -> rusqlite::Result<Raw> {
    Ok((
        r.get(0)?,
        WallTime { unix_ms: r.get(1)?, zone: r.get(2)? },
        text_column(r, 3, "plan_history.source", PlanSource::parse)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

/// A stored plan was checked when it arrived; one that no longer reads was damaged.
fn row((id, received_at, source, plan, changes): Raw) -> Result<PlanRow> {
    let damaged = |e: Error| Error::InvalidState(format!("stored plan {id} cannot be read: {e}"));
    Ok(PlanRow {
        id,
        received_at,
        source,
        plan: crate::plan::parse(&plan).map_err(damaged)?,
        changes: serde_json::from_str(&changes).map_err(|e| damaged(e.into()))?,
    })
}

/// The plan in force: the newest.
pub fn current(conn: &Connection) -> Result<Option<PlanRow>> {
    let sql = format!("SELECT {COLUMNS} FROM plan_history ORDER BY id DESC LIMIT 1");
    conn.query_row(&sql, [], raw).optional()?.map(row).transpose()
}

/// Every plan, newest first.
pub fn history(conn: &Connection) -> Result<Vec<PlanRow>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM plan_history ORDER BY id DESC"))?;
    let rows = stmt.query_map([], raw)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(row).collect()
}
