//! The programme's rows: stage transitions and flare events, the stage plan per body
//! part, and the session facts the stage gates and the flare rule read.

use super::{optional_text_column, text_column};
use crate::error::Result;
use crate::programme::flare::SessionPain;
use crate::programme::stages::{StagePlan, TransitionReason};
use crate::programme::{SessionKind, Stage};
use crate::stimulus::BodyPart;
use crate::time::WallTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

/// A stored transition or flare event.
#[derive(Debug, Clone, PartialEq)]
pub struct StageEventRow {
    pub id: i64,
    pub body_part: BodyPart,
    pub from: Option<Stage>,
    pub to: Stage,
    pub reason: TransitionReason,
    pub at: WallTime,
}

const EVENT_COLUMNS: &str = "id, body_part, from_stage, to_stage, detail, at_ms, zone";

fn event_from_row(r: &Row) -> rusqlite::Result<StageEventRow> {
    let detail: String = r.get(4)?;
    let reason = serde_json::from_str(&detail).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(StageEventRow {
        id: r.get(0)?,
        body_part: text_column(r, 1, "body_part", BodyPart::parse)?,
        from: optional_text_column(r, 2, "from_stage", Stage::parse)?,
        to: text_column(r, 3, "to_stage", Stage::parse)?,
        reason,
        at: WallTime { unix_ms: r.get(5)?, zone: r.get(6)? },
    })
}

pub fn add_event(
    conn: &Connection,
    body_part: BodyPart,
    from: Option<Stage>,
    to: Stage,
    reason: &TransitionReason,
    at: &WallTime,
) -> Result<StageEventRow> {
    conn.prepare_cached(
        "INSERT INTO stage_event (body_part, from_stage, to_stage, origin, reason, detail, at_ms, zone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        body_part.as_str(),
        from.map(Stage::as_str),
        to.as_str(),
        reason.origin().as_str(),
        reason.code(),
        serde_json::to_string(reason)?,
        at.unix_ms,
        at.zone
    ])?;
    Ok(StageEventRow {
        id: conn.last_insert_rowid(),
        body_part,
        from,
        to,
        reason: reason.clone(),
        at: at.clone(),
    })
}

/// The newest `limit` events, of one body part or all, oldest first.
pub fn events(conn: &Connection, body_part: Option<BodyPart>, limit: u32) -> Result<Vec<StageEventRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT * FROM (SELECT {EVENT_COLUMNS} FROM stage_event
         WHERE ?1 IS NULL OR body_part = ?1 ORDER BY id DESC LIMIT ?2) ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![body_part.map(BodyPart::as_str), limit], event_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The event that put the body part in its current stage (flare events aside).
pub fn latest_entry(conn: &Connection, body_part: BodyPart) -> Result<Option<StageEventRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM stage_event WHERE body_part = ?1 AND origin != 'flare'
             ORDER BY id DESC LIMIT 1"
        ))?
        .query_row([body_part.as_str()], event_from_row)
        .optional()?)
}

/// Whether the body part's latest flare event is a flare beginning.
pub fn flare_open(conn: &Connection, body_part: BodyPart) -> Result<bool> {
    let reason: Option<String> = conn
        .prepare_cached(
            "SELECT reason FROM stage_event WHERE body_part = ?1 AND origin = 'flare' ORDER BY id DESC LIMIT 1",
        )?
        .query_row([body_part.as_str()], |r| r.get(0))
        .optional()?;
    Ok(reason.as_deref() == Some("flare-began"))
}

pub fn plan(conn: &Connection, body_part: BodyPart) -> Result<Option<StagePlan>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT plan FROM stage_plan WHERE body_part = ?1")?
        .query_row([body_part.as_str()], |r| r.get(0))
        .optional()?;
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}

pub fn set_plan(conn: &Connection, body_part: BodyPart, plan: &StagePlan) -> Result<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO stage_plan (body_part, plan) VALUES (?1, ?2)")?
        .execute(params![body_part.as_str(), serde_json::to_string(plan)?])?;
    Ok(())
}

/// The newest `limit` sessions of the body part with a journal rating, each with its
/// highest rating, newest first.
pub fn session_pains(conn: &Connection, body_part: BodyPart, limit: u32) -> Result<Vec<SessionPain>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.started_at_ms, max(j.pain) FROM journal j JOIN session s ON s.id = j.session_id
         WHERE s.body_part = ?1 GROUP BY s.id ORDER BY s.started_at_ms DESC, s.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![body_part.as_str(), limit], |r| {
        Ok(SessionPain { at_ms: r.get(0)?, pain: r.get(1)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// When the newest `limit` completed sessions of a kind and body part started at or
/// after `since_ms` began, newest first.
pub fn completed_since(
    conn: &Connection,
    kind: SessionKind,
    body_part: BodyPart,
    since_ms: i64,
    limit: u32,
) -> Result<Vec<WallTime>> {
    let mut stmt = conn.prepare_cached(
        "SELECT started_at_ms, started_zone FROM session
         WHERE kind = ?1 AND body_part = ?2 AND state = 'completed' AND started_at_ms >= ?3
         ORDER BY started_at_ms DESC, id DESC LIMIT ?4",
    )?;
    let rows = stmt.query_map(params![kind.as_str(), body_part.as_str(), since_ms, limit], |r| {
        Ok(WallTime { unix_ms: r.get(0)?, zone: r.get(1)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether any session has been completed (of any kind or body part).
pub fn any_completed(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM session WHERE state = 'completed')", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::Track;
    use crate::store::test_support::{now, open_temp};

    #[test]
    fn events_read_back_in_order_and_the_entry_skips_flares() {
        let (_dir, store) = open_temp();
        store
            .write(|tx| {
                add_event(tx, BodyPart::Hand, None, Stage::LeftRight, &TransitionReason::Started, &now())?;
                let flare = TransitionReason::FlareBegan { signs: vec![] };
                add_event(tx, BodyPart::Hand, Some(Stage::LeftRight), Stage::LeftRight, &flare, &now())?;
                add_event(
                    tx,
                    BodyPart::Back,
                    None,
                    Stage::SensoryDiscrimination,
                    &TransitionReason::Started,
                    &now(),
                )
            })
            .unwrap();
        store
            .read(|c| {
                let hand = events(c, Some(BodyPart::Hand), 10)?;
                assert_eq!(hand.len(), 2);
                assert_eq!(hand[1].reason, TransitionReason::FlareBegan { signs: vec![] });
                assert_eq!(events(c, None, 2)?.iter().map(|e| e.id).collect::<Vec<_>>(), [2, 3]);
                assert_eq!(latest_entry(c, BodyPart::Hand)?.unwrap().reason, TransitionReason::Started);
                assert!(flare_open(c, BodyPart::Hand)? && !flare_open(c, BodyPart::Back)?);
                assert!(latest_entry(c, BodyPart::Foot)?.is_none());
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn a_plan_is_replaced_per_body_part() {
        let (_dir, store) = open_temp();
        let locked = StagePlan { locked: Some(Stage::Mirror), ..StagePlan::default_for(Track::Gmi) };
        store.write(|tx| set_plan(tx, BodyPart::Hand, &StagePlan::default_for(Track::Gmi))).unwrap();
        store.write(|tx| set_plan(tx, BodyPart::Hand, &locked)).unwrap();
        assert_eq!(store.read(|c| plan(c, BodyPart::Hand)).unwrap(), Some(locked));
        assert_eq!(store.read(|c| plan(c, BodyPart::Foot)).unwrap(), None);
    }
}
