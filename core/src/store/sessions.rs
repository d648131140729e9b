//! Sessions and their trials.

use super::{optional_text_column, text_column};
use crate::error::{Error, Result};
use crate::laterality::{Trial, TrialFlags};
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::{BodyPart, Side};
use crate::time::WallTime;
use rusqlite::{Connection, OptionalExtension, Row, params};
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub id: i64,
    pub kind: SessionKind,
    pub body_part: BodyPart,
    pub started_at: WallTime,
    pub ended_at: Option<WallTime>,
    pub state: SessionState,
    pub seed: u64,
    pub params: String,
    /// Difficulty level (left/right sessions).
    pub level: Option<u32>,
    /// Answered or timed-out trials, voided ones not included.
    pub trial_count: u32,
    pub voided_count: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrialRow {
    pub session_id: i64,
    pub index: u32,
    pub trial: Trial,
}

/// The columns of a [`SessionRow`], for `SELECT … FROM session s`.
static SESSION_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    let voided = TrialFlags::VOIDED;
    format!(
        "s.id, s.kind, s.body_part, s.started_at_ms, s.started_zone, s.ended_at_ms,
         s.ended_zone, s.state, s.seed, s.params, s.level,
         (SELECT count(*) FROM trial t WHERE t.session_id = s.id AND t.flags & {voided} = 0),
         (SELECT count(*) FROM trial t WHERE t.session_id = s.id AND t.flags & {voided} != 0)"
    )
});

fn session_from_row(r: &Row) -> rusqlite::Result<SessionRow> {
    let ended_at = match (r.get::<_, Option<i64>>(5)?, r.get::<_, Option<String>>(6)?) {
        (Some(unix_ms), Some(zone)) => Some(WallTime { unix_ms, zone }),
        _ => None,
    };
    Ok(SessionRow {
        id: r.get(0)?,
        kind: text_column(r, 1, "kind", SessionKind::parse)?,
        body_part: text_column(r, 2, "body_part", BodyPart::parse)?,
        started_at: WallTime { unix_ms: r.get(3)?, zone: r.get(4)? },
        ended_at,
        state: text_column(r, 7, "state", SessionState::parse)?,
        // Seeds are u64; SQLite integers are i64: stored bit-for-bit.
        seed: r.get::<_, i64>(8)? as u64,
        params: r.get(9)?,
        level: r.get(10)?,
        trial_count: r.get(11)?,
        voided_count: r.get(12)?,
    })
}

/// What a new session records besides its kind and body part.
pub struct NewSession<'a> {
    pub kind: SessionKind,
    pub body_part: BodyPart,
    pub seed: u64,
    pub params_json: &'a str,
    pub level: Option<u32>,
    /// Planned stimulus ids, space-separated (empty for sessions without pictures).
    pub plan: &'a str,
}

pub fn start(conn: &Connection, new: &NewSession, now: &WallTime) -> Result<SessionRow> {
    conn.prepare_cached(
        "INSERT INTO session (kind, body_part, started_at_ms, started_zone, state, seed, params, level)
         VALUES (?1, ?2, ?3, ?4, 'running', ?5, ?6, ?7)",
    )?
    .execute(params![
        new.kind.as_str(),
        new.body_part.as_str(),
        now.unix_ms,
        now.zone,
        new.seed as i64,
        new.params_json,
        new.level
    ])?;
    let id = conn.last_insert_rowid();
    if !new.plan.is_empty() {
        conn.prepare_cached("INSERT INTO session_plan (session_id, stimuli) VALUES (?1, ?2)")?
            .execute(params![id, new.plan])?;
    }
    get(conn, id)
}

/// The planned stimulus ids of a session, in order (empty for sessions without a plan).
pub fn plan(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT stimuli FROM session_plan WHERE session_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(text.unwrap_or_default().split_whitespace().map(str::to_string).collect())
}

pub fn get(conn: &Connection, id: i64) -> Result<SessionRow> {
    conn.prepare_cached(&format!("SELECT {} FROM session s WHERE s.id = ?1", *SESSION_COLUMNS))?
        .query_row([id], session_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("session", id))
}

/// The session, which must still be running.
pub fn get_running(conn: &Connection, id: i64) -> Result<SessionRow> {
    let session = get(conn, id)?;
    if session.state != SessionState::Running {
        return Err(Error::InvalidState(format!("session {id} is {}, not running", session.state.as_str())));
    }
    Ok(session)
}

/// Ends a running session as completed or aborted.
pub fn end(conn: &Connection, id: i64, state: SessionState, now: &WallTime) -> Result<SessionRow> {
    let session = get_running(conn, id)?;
    if now.unix_ms < session.started_at.unix_ms {
        return Err(Error::invalid("now", "the session cannot end before it started"));
    }
    set_state(conn, id, state, Some(now))
}

/// Sets a session's final state; `ended_at` is unknown for a session found abandoned.
pub fn set_state(
    conn: &Connection,
    id: i64,
    state: SessionState,
    ended_at: Option<&WallTime>,
) -> Result<SessionRow> {
    conn.prepare_cached("UPDATE session SET state = ?2, ended_at_ms = ?3, ended_zone = ?4 WHERE id = ?1")?
        .execute(params![id, state.as_str(), ended_at.map(|t| t.unix_ms), ended_at.map(|t| &t.zone)])?;
    get(conn, id)
}

/// Sessions still marked running (on open: those a killed process left behind).
pub fn running(conn: &Connection) -> Result<Vec<SessionRow>> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {} FROM session s WHERE s.state = 'running'", *SESSION_COLUMNS))?;
    let rows = stmt.query_map([], session_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest `limit` completed sessions of a kind and body part, newest first.
pub fn latest_completed(
    conn: &Connection,
    kind: SessionKind,
    body_part: BodyPart,
    limit: u32,
) -> Result<Vec<SessionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM session s
         WHERE s.kind = ?1 AND s.body_part = ?2 AND s.state = 'completed'
         ORDER BY s.started_at_ms DESC, s.id DESC LIMIT ?3",
        *SESSION_COLUMNS
    ))?;
    let rows = stmt.query_map(params![kind.as_str(), body_part.as_str(), limit], session_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// When the first session of a kind and body part started.
pub fn first_started(conn: &Connection, kind: SessionKind, body_part: BodyPart) -> Result<Option<WallTime>> {
    Ok(conn
        .prepare_cached(
            "SELECT started_at_ms, started_zone FROM session WHERE kind = ?1 AND body_part = ?2
             ORDER BY started_at_ms LIMIT 1",
        )?
        .query_row(params![kind.as_str(), body_part.as_str()], |r| {
            Ok(WallTime { unix_ms: r.get(0)?, zone: r.get(1)? })
        })
        .optional()?)
}

/// The stimulus ids shown in the last `sessions` sessions of this kind and body part,
/// each with how many sessions ago it was shown (0: the latest), newest first.
pub fn recent_stimuli(
    conn: &Connection,
    kind: SessionKind,
    body_part: BodyPart,
    sessions: u32,
) -> Result<Vec<(u32, String)>> {
    let mut stmt = conn.prepare_cached(
        "WITH recent AS (
             SELECT id, row_number() OVER (ORDER BY started_at_ms DESC, id DESC) - 1 AS age
             FROM session WHERE kind = ?1 AND body_part = ?2
             ORDER BY started_at_ms DESC, id DESC LIMIT ?3)
         SELECT recent.age, t.stimulus FROM trial t JOIN recent ON recent.id = t.session_id
         ORDER BY recent.age",
    )?;
    let rows =
        stmt.query_map(params![kind.as_str(), body_part.as_str(), sessions], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All sessions, newest first.
pub fn list(conn: &Connection) -> Result<Vec<SessionRow>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {} FROM session s ORDER BY s.id DESC", *SESSION_COLUMNS))?;
    let rows = stmt.query_map([], session_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All sessions, oldest first, without their trial counts (`trial_count` and
/// `voided_count` are 0): for a reader of every trial anyway (an export), which would
/// otherwise have the million trials of years counted twice first.
pub fn list_uncounted(conn: &Connection) -> Result<Vec<SessionRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.kind, s.body_part, s.started_at_ms, s.started_zone, s.ended_at_ms,
                s.ended_zone, s.state, s.seed, s.params, s.level, 0, 0
         FROM session s ORDER BY s.id",
    )?;
    let rows = stmt.query_map([], session_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Appends a trial to a running session and returns it with its index.
pub fn insert_trial(conn: &Connection, session_id: i64, trial: &Trial) -> Result<TrialRow> {
    get_running(conn, session_id)?;
    let index: u32 = conn
        .prepare_cached("SELECT coalesce(max(idx) + 1, 0) FROM trial WHERE session_id = ?1")?
        .query_row([session_id], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO trial (session_id, idx, stimulus, side, onset_ns, response_ns, answer, correct, flags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        session_id,
        index,
        trial.stimulus,
        trial.side.as_str(),
        trial.onset_ns,
        trial.response_ns,
        trial.answer.map(Side::as_str),
        trial.correct,
        trial.flags
    ])?;
    Ok(TrialRow { session_id, index, trial: trial.clone() })
}

pub fn trials(conn: &Connection, session_id: i64) -> Result<Vec<TrialRow>> {
    get(conn, session_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT session_id, idx, stimulus, side, onset_ns, response_ns, answer, correct, flags
         FROM trial WHERE session_id = ?1 ORDER BY idx",
    )?;
    let rows = stmt.query_map([session_id], trial_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every trial of the sessions `first..=last` (ids), by session then index: the table's
/// own order, so one pass and no sort, however many trials (an export of years).
pub fn each_trial(
    conn: &Connection,
    first: i64,
    last: i64,
    mut each: impl FnMut(TrialRow) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT session_id, idx, stimulus, side, onset_ns, response_ns, answer, correct, flags
         FROM trial WHERE session_id BETWEEN ?1 AND ?2 ORDER BY session_id, idx",
    )?;
    let mut rows = stmt.query([first, last])?;
    while let Some(r) = rows.next()? {
        each(trial_from_row(r)?)?;
    }
    Ok(())
}

fn trial_from_row(r: &rusqlite::Row) -> rusqlite::Result<TrialRow> {
    Ok(TrialRow {
        session_id: r.get(0)?,
        index: r.get(1)?,
        trial: Trial {
            stimulus: r.get(2)?,
            side: text_column(r, 3, "side", Side::parse)?,
            onset_ns: r.get(4)?,
            response_ns: r.get(5)?,
            answer: optional_text_column(r, 6, "answer", Side::parse)?,
            correct: r.get(7)?,
            flags: r.get(8)?,
        },
    })
}

/// (sessions, trials, journal entries) in the database.
pub fn counts(conn: &Connection) -> Result<(u64, u64, u64)> {
    let (s, t, j): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM session), (SELECT count(*) FROM trial), (SELECT count(*) FROM journal)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok((s as u64, t as u64, j as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{now, open_temp};

    fn new_session(body_part: BodyPart, seed: u64) -> NewSession<'static> {
        NewSession {
            kind: SessionKind::MotorImagery,
            body_part,
            seed,
            params_json: "{}",
            level: None,
            plan: "",
        }
    }

    fn trial(side: Side) -> Trial {
        Trial {
            stimulus: format!("hand:{side}:back:fist:000:s2:none:v0"),
            side,
            onset_ns: 1_000,
            response_ns: Some(900_001_000),
            answer: Some(side),
            correct: true,
            flags: 0,
        }
    }

    #[test]
    fn trials_are_numbered_and_counted() {
        let (_dir, store) = open_temp();
        let s = store.write(|tx| start(tx, &new_session(BodyPart::Hand, u64::MAX), &now())).unwrap();
        assert_eq!(s.seed, u64::MAX, "u64 seeds survive the i64 column");
        for i in 0..3 {
            let row = store.write(|tx| insert_trial(tx, s.id, &trial(Side::Left))).unwrap();
            assert_eq!(row.index, i);
        }
        let voided = Trial { flags: TrialFlags::VOIDED, ..trial(Side::Right) };
        store.write(|tx| insert_trial(tx, s.id, &voided)).unwrap();
        let listed = store.read(list).unwrap();
        assert_eq!((listed[0].trial_count, listed[0].voided_count), (3, 1));
        assert_eq!(store.read(|c| trials(c, s.id)).unwrap()[3].trial, voided);
    }

    #[test]
    fn ended_sessions_refuse_trials_and_second_ends() {
        let (_dir, store) = open_temp();
        let s = store.write(|tx| start(tx, &new_session(BodyPart::Foot, 7), &now())).unwrap();
        let ended = store.write(|tx| end(tx, s.id, SessionState::Completed, &now())).unwrap();
        assert_eq!(ended.state, SessionState::Completed);
        let err = store.write(|tx| insert_trial(tx, s.id, &trial(Side::Left))).unwrap_err();
        assert!(matches!(err, Error::InvalidState(_)), "{err:?}");
        assert!(matches!(
            store.write(|tx| end(tx, s.id, SessionState::Aborted, &now())),
            Err(Error::InvalidState(_))
        ));
        assert!(matches!(
            store.write(|tx| end(tx, 999, SessionState::Aborted, &now())),
            Err(Error::NotFound { .. })
        ));
    }
}
