//! Upgrades: a database from every earlier schema version (fixtures/schema-vN.db, written
//! by fixtures/make_old_schemas.py with the old steps and the same records) opens,
//! migrates to the latest schema and gives the same numbers; a database from a newer
//! Proprio is refused untouched.

use proprio_core::stimulus::BodyPart;
use proprio_core::{APPLICATION_ID, SCHEMA_VERSION as LATEST};
use proprio_core::{Proprio, ProprioError, WallTime};
use proprio_core::{SessionKind, SessionState, StepAnswer};
use std::path::{Path, PathBuf};

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

fn copy_fixture(version: i64, dir: &Path) -> PathBuf {
    let from = format!("{}/tests/fixtures/schema-v{version}.db", env!("CARGO_MANIFEST_DIR"));
    let to = dir.join(format!("v{version}.db"));
    std::fs::copy(from, &to).unwrap();
    to
}

#[test]
fn every_earlier_schema_opens_migrates_and_keeps_its_numbers() {
    // Every version before the latest has its fixture: a new schema step needs one too.
    for version in 1..LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_fixture(version, dir.path());
        let proprio = Proprio::new(path.to_str().unwrap().into(), now()).unwrap();
        let status = proprio.status().unwrap();
        assert_eq!(status.schema_version, LATEST, "from v{version}");
        assert_eq!((status.sessions, status.trials, status.journal_entries), (3, 4, 3), "from v{version}");
        assert_eq!(status.profile.code, "P-ABCD-EFGH");
        assert_eq!(status.profile.skin_tone, 3);
        assert_eq!(status.profile.affected.len(), 1);
        assert!(proprio.plan_history().unwrap().is_empty(), "from v{version}: no plan before plans existed");
        let sessions = proprio.sessions().unwrap(); // newest first
        let states: Vec<SessionState> = sessions.iter().map(|s| s.state).collect();
        // The session left running by the old build has no owner: it ends as interrupted.
        assert_eq!(states, [SessionState::Interrupted, SessionState::Aborted, SessionState::Completed]);
        let trials = proprio.trials(2).unwrap();
        let answers: Vec<(bool, bool, Option<f64>)> =
            trials.iter().map(|t| (t.correct, t.timeout, t.rt_ms)).collect();
        assert_eq!(
            answers,
            [
                (true, false, Some(900.0)),
                (false, false, Some(800.0)),
                (false, true, None),
                (true, false, Some(250.0))
            ]
        );
        let notes: Vec<(u8, String)> =
            proprio.journal_entries().unwrap().into_iter().map(|e| (e.pain, e.note)).collect();
        assert_eq!(
            notes,
            [(6, "before the mirror".into()), (5, "after: a little better".into()), (3, String::new())]
        );
        // Entries from before sleep was asked have none; the guided-session tables work.
        assert!(proprio.journal_entries().unwrap().iter().all(|e| e.sleep.is_none()));
        let guided = proprio.start_guided(SessionKind::Mirror, BodyPart::Hand, Some(1), now()).unwrap();
        proprio.answer_step(guided.session.id, 0, StepAnswer::Rating { value: 2 }, now()).unwrap();
        assert_eq!(proprio.exposure_ladder().unwrap().len(), 0);
        assert_eq!(proprio.integrity_check().unwrap(), "ok");
        drop(proprio);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(app_id, APPLICATION_ID, "an upgraded file is marked as Proprio's");
        if version >= 2 {
            // Stored before schema 5 with the anticipation counted as correct; recounted.
            let left_correct: i64 = conn
                .query_row(
                    "SELECT correct FROM session_side WHERE session_id = 2 AND side = 'left'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(left_correct, 1, "from v{version}: an anticipation is an error");
        }
    }
}

#[test]
fn a_database_from_a_newer_proprio_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};
             CREATE TABLE something_new (x);",
            LATEST + 1
        ))
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Proprio::new(path.to_str().unwrap().into(), now()).err().unwrap();
    assert!(matches!(err, ProprioError::NewerSchema { found, .. } if found == LATEST + 1), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no -wal, -shm or -journal left");
}
