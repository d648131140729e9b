//! The schema, as numbered upgrade steps on `PRAGMA user_version`.
//!
//! `STEPS[n]` upgrades a database from version `n` to `n + 1`, in one transaction with
//! the version bump, so a crash mid-upgrade leaves the old version intact. Never edit a
//! step that has shipped: append a new one. The test at the bottom builds a database at
//! every old version, upgrades it and checks it matches a freshly created one.

use crate::error::{Error, Result};
use rusqlite::Connection;

const STEPS: &[&str] = &[
    // 0 -> 1: profile, sessions, trials, journal.
    "
    CREATE TABLE profile (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        code            TEXT NOT NULL,
        handedness      TEXT CHECK (handedness IN ('left', 'right', 'mixed')),
        skin_tone       INTEGER NOT NULL CHECK (skin_tone BETWEEN 0 AND 5),
        created_at_ms   INTEGER NOT NULL,
        created_zone    TEXT NOT NULL
    );
    CREATE TABLE affected_area (
        body_part       TEXT NOT NULL,
        side            TEXT NOT NULL CHECK (side IN ('left', 'right')),
        PRIMARY KEY (body_part, side)
    ) WITHOUT ROWID;
    CREATE TABLE session (
        id              INTEGER PRIMARY KEY,
        kind            TEXT NOT NULL,
        body_part       TEXT NOT NULL,
        started_at_ms   INTEGER NOT NULL,
        started_zone    TEXT NOT NULL,
        ended_at_ms     INTEGER,
        ended_zone      TEXT,
        state           TEXT NOT NULL
                        CHECK (state IN ('running', 'completed', 'aborted', 'interrupted')),
        seed            INTEGER NOT NULL,
        params          TEXT NOT NULL
    );
    CREATE INDEX session_by_kind_part ON session (kind, body_part, started_at_ms);
    CREATE INDEX session_running ON session (state) WHERE state = 'running';
    CREATE TABLE trial (
        session_id      INTEGER NOT NULL REFERENCES session (id),
        idx             INTEGER NOT NULL CHECK (idx >= 0),
        stimulus        TEXT NOT NULL,
        side            TEXT NOT NULL CHECK (side IN ('left', 'right')),
        onset_ns        INTEGER NOT NULL CHECK (onset_ns >= 0),
        response_ns     INTEGER CHECK (response_ns >= onset_ns),
        answer          TEXT CHECK (answer IN ('left', 'right')),
        correct         INTEGER NOT NULL CHECK (correct IN (0, 1)),
        flags           INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE journal (
        id              INTEGER PRIMARY KEY,
        at_ms           INTEGER NOT NULL,
        zone            TEXT NOT NULL,
        pain            INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
        fear            INTEGER CHECK (fear BETWEEN 0 AND 10),
        medication      INTEGER NOT NULL CHECK (medication IN (0, 1)),
        note            TEXT NOT NULL,
        session_id      INTEGER REFERENCES session (id)
    );
    CREATE INDEX journal_by_time ON journal (at_ms);
    ",
    // 1 -> 2: left/right sessions keep their level and planned pictures (apart, so session
    // rows stay small); when a session ends its per-side summary and the level ladder's
    // state after it are stored, so years of history need not be re-read.
    "
    ALTER TABLE session ADD COLUMN level INTEGER;
    CREATE TABLE session_plan (
        session_id      INTEGER PRIMARY KEY REFERENCES session (id),
        stimuli         TEXT NOT NULL
    );
    CREATE TABLE session_side (
        session_id      INTEGER NOT NULL REFERENCES session (id),
        side            TEXT NOT NULL CHECK (side IN ('left', 'right')),
        n               INTEGER NOT NULL,
        correct         INTEGER NOT NULL,
        rt_n            INTEGER NOT NULL,
        median_rt_ms    REAL,
        q1_rt_ms        REAL,
        q3_rt_ms        REAL,
        anticipations   INTEGER NOT NULL,
        timeouts        INTEGER NOT NULL,
        PRIMARY KEY (session_id, side)
    ) WITHOUT ROWID;
    CREATE TABLE ladder_step (
        step            INTEGER PRIMARY KEY,
        session_id      INTEGER NOT NULL UNIQUE REFERENCES session (id),
        body_part       TEXT NOT NULL,
        level           INTEGER NOT NULL,
        good            INTEGER NOT NULL,
        poor            INTEGER NOT NULL,
        changed_day     INTEGER
    );
    CREATE INDEX ladder_by_part ON ladder_step (body_part, step);
    ",
    // 2 -> 3: reminders — settings, what the shell reported (delivered, snoozed, done
    // elsewhere), and learned slot times.
    "
    CREATE TABLE reminder_settings (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        settings        TEXT NOT NULL
    );
    CREATE TABLE reminder_event (
        id              INTEGER PRIMARY KEY,
        reminder_id     TEXT NOT NULL,
        kind            TEXT NOT NULL,
        event           TEXT NOT NULL
                        CHECK (event IN ('delivered', 'snoozed', 'done-elsewhere')),
        at_ms           INTEGER NOT NULL,
        zone            TEXT NOT NULL,
        until_ms        INTEGER CHECK ((event = 'snoozed') = (until_ms IS NOT NULL))
    );
    CREATE INDEX reminder_event_by_time ON reminder_event (at_ms);
    CREATE TABLE reminder_learned (
        kind            TEXT NOT NULL,
        slot            INTEGER NOT NULL CHECK (slot >= 0),
        minute          INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 1439),
        PRIMARY KEY (kind, slot)
    ) WITHOUT ROWID;
    ",
    // 3 -> 4: the file is marked as Proprio's (a fresh database gets the mark here too, in
    // the same run of steps that creates it), and each running session records the
    // process that owns it (store/owner.rs), so an open ends only sessions whose owner is
    // gone.
    "
    PRAGMA application_id = 1349676912;
    CREATE TABLE session_owner (
        session_id      INTEGER PRIMARY KEY REFERENCES session (id),
        owner           TEXT NOT NULL
    );
    ",
    // 4 -> 5: anticipations count as errors (laterality/stats.rs): the stored per-side
    // summaries are recounted from the trials. Flag bits, fixed by the data format:
    // 1 anticipation, 2 timeout, 4 voided.
    "
    UPDATE session_side SET correct = (
        SELECT count(*) FROM trial t
        WHERE t.session_id = session_side.session_id AND t.side = session_side.side
          AND t.correct = 1 AND t.flags & 7 = 0
    );
    ",
    // 5 -> 6: the programme (usecases/programme.rs). Every stage transition of a body
    // part and every flare's start and end, with who caused it and why (`reason` is the
    // code, `detail` the reason's values as JSON); and the stage plan a therapist set for
    // a body part (JSON of programme::StagePlan).
    "
    CREATE TABLE stage_event (
        id              INTEGER PRIMARY KEY,
        body_part       TEXT NOT NULL,
        from_stage      TEXT,
        to_stage        TEXT NOT NULL,
        origin          TEXT NOT NULL CHECK (origin IN ('automatic', 'therapist', 'flare')),
        reason          TEXT NOT NULL,
        detail          TEXT NOT NULL,
        at_ms           INTEGER NOT NULL,
        zone            TEXT NOT NULL
    );
    CREATE INDEX stage_event_by_part ON stage_event (body_part, id);
    CREATE TABLE stage_plan (
        body_part       TEXT PRIMARY KEY,
        plan            TEXT NOT NULL
    ) WITHOUT ROWID;
    ",
];

/// `PRAGMA application_id` of a Proprio database: "Prop" in ASCII (0x50726F70).
pub const APPLICATION_ID: i64 = 0x5072_6F70;

/// The version a fresh database is created at.
pub const LATEST: i64 = STEPS.len() as i64;

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Whether a database SQLite opened is ours, judged before anything is written: marked
/// with [`APPLICATION_ID`], or unmarked and either empty (new) or written by a Proprio
/// from before the mark (schema 1 to 3, with our `profile` and `session` tables).
pub fn check_ownership(conn: &Connection) -> Result<(), String> {
    let query = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| e.to_string());
    let app_id = query("PRAGMA application_id")?;
    if app_id == APPLICATION_ID {
        return Ok(());
    }
    if app_id != 0 {
        return Err(format!("its application_id is {app_id:#x}, not Proprio's {APPLICATION_ID:#x}"));
    }
    let version = query("PRAGMA user_version")?;
    let tables = query("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")?;
    let ours =
        query("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('profile', 'session')")?;
    match (version, tables) {
        (0, 0) => Ok(()),
        (0, n) => Err(format!("it has {n} tables but no Proprio schema version")),
        (v, _) if ours == 2 && v < 4 => Ok(()),
        (v, _) => Err(format!("schema version {v} without Proprio's mark or tables")),
    }
}

/// Brings the database up to [`LATEST`], one transaction per step.
pub fn upgrade(conn: &mut Connection) -> Result<()> {
    upgrade_to(conn, LATEST)
}

fn upgrade_to(conn: &mut Connection, target: i64) -> Result<()> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(Error::NewerSchema { found, supported: LATEST });
    }
    for (from, sql) in STEPS.iter().enumerate().take(target as usize).skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", from as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_dump(conn: &Connection) -> Vec<(String, String, Option<String>)> {
        let mut stmt = conn.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn upgrading_from_every_old_version_matches_a_fresh_database() {
        let mut fresh = Connection::open_in_memory().unwrap();
        upgrade(&mut fresh).unwrap();
        assert_eq!(version(&fresh).unwrap(), LATEST);
        for old in 0..LATEST {
            let mut conn = Connection::open_in_memory().unwrap();
            upgrade_to(&mut conn, old).unwrap();
            assert_eq!(version(&conn).unwrap(), old);
            upgrade(&mut conn).unwrap();
            assert_eq!(schema_dump(&conn), schema_dump(&fresh), "upgrade from {old}");
            assert_eq!(version(&conn).unwrap(), LATEST);
        }
    }

    #[test]
    fn newer_schema_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", LATEST + 1).unwrap();
        let err = upgrade(&mut conn).unwrap_err();
        assert!(matches!(err, Error::NewerSchema { found, .. } if found == LATEST + 1));
        assert!(schema_dump(&conn).is_empty());
    }
}
