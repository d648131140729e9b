//! Concurrency as a standing test: one `Proprio` shared by several threads (as the UI, a
//! notification handler and a background task share it in an app) and a second process
//! writing the same file at the same time. No deadlock (the test finishes), no lost write
//! (every acknowledged record is counted), no "database is locked" reaching a caller
//! (every call is unwrapped). And a long export, reading its snapshot, never holds up an
//! answer being recorded.

use proprio_core::LeftRightSettings;
use proprio_core::stimulus::BodyPart;
use proprio_core::{ExportFormat, Proprio, WallTime};
use proprio_core::{NewJournalEntry, SessionState};
use std::collections::BTreeSet;
use std::process::Command;
use std::sync::Arc;

const DB_ENV: &str = "PROPRIO_CONCURRENCY_TEST_DB";
const PER_WRITER: usize = 150;

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

fn entry(note: String) -> NewJournalEntry {
    NewJournalEntry {
        at: now(),
        pain: 2,
        fear: Some(1),
        medication: false,
        sleep: None,
        note,
        session_id: None,
    }
}

/// A 20-picture foot session.
fn foot_session(seed: u64) -> LeftRightSettings {
    LeftRightSettings {
        body_part: BodyPart::Foot,
        count: Some(20),
        time_limit_ms: None,
        feedback: None,
        level: None,
        seed: Some(seed),
        practice: None,
    }
}

/// Journal writers and readers on threads, plus one thread answering a whole session.
fn hammer(proprio: &Arc<Proprio>, who: &str) {
    std::thread::scope(|scope| {
        for t in 0..3 {
            let p = Arc::clone(proprio);
            scope.spawn(move || {
                for i in 0..PER_WRITER {
                    p.add_journal_entry(entry(format!("{who} thread {t} entry {i}"))).unwrap();
                }
            });
        }
        let p = Arc::clone(proprio);
        scope.spawn(move || {
            for _ in 0..PER_WRITER {
                p.status().unwrap();
                p.journal_entries().unwrap();
                p.sessions().unwrap();
            }
        });
        let p = Arc::clone(proprio);
        scope.spawn(move || {
            let first = p.start_left_right(foot_session(3), now()).unwrap().first;
            let session_id = first.session_id;
            let mut prompt = Some(first);
            let mut i = 0;
            while let Some(q) = prompt {
                let onset = i * 1_000_000_000;
                prompt = p
                    .answer_trial(q.session_id, q.index, onset, onset + 600_000_000, q.stimulus.side)
                    .unwrap()
                    .next;
                i += 1;
            }
            p.finish_session(session_id, now()).unwrap();
        });
    });
}

#[test]
#[ignore = "only runs as the child process of two_processes_and_many_threads_lose_nothing"]
fn child_hammers() {
    let db = std::env::var(DB_ENV).expect("run by the parent test");
    hammer(&Proprio::new(db, now()).unwrap(), "child");
}

#[test]
fn two_processes_and_many_threads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let proprio = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
    let child = Command::new(std::env::current_exe().unwrap())
        .args(["child_hammers", "--exact", "--ignored", "--test-threads=1"])
        .env(DB_ENV, &db)
        .spawn()
        .unwrap();
    hammer(&proprio, "parent");
    let status = child.wait_with_output().unwrap().status;
    assert!(status.success(), "the child failed: {status}");

    let notes: BTreeSet<String> = proprio.journal_entries().unwrap().into_iter().map(|e| e.note).collect();
    assert_eq!(notes.len(), 2 * 3 * PER_WRITER);
    for who in ["parent", "child"] {
        for t in 0..3 {
            for i in 0..PER_WRITER {
                assert!(notes.contains(&format!("{who} thread {t} entry {i}")));
            }
        }
    }
    let sessions = proprio.sessions().unwrap();
    assert_eq!(sessions.len(), 2);
    for s in sessions {
        assert_eq!((s.state, s.trial_count), (SessionState::Completed, 20), "session {}", s.id);
    }
    assert_eq!(proprio.integrity_check().unwrap(), "ok");
}

/// An export reads one snapshot on the reader connection while answers commit on the
/// writer (WAL): a session answered while a year of history is being exported is
/// answered, every answer committed, before the export ends.
#[test]
fn a_long_export_never_holds_up_an_answer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db").to_str().unwrap().to_string();
    let year_ms = 365 * 86_400_000;
    let start = WallTime { unix_ms: now().unix_ms - year_ms, zone: now().zone };
    proprio_core::simulate::write_history(&db, 1_000, &start, year_ms).unwrap();
    let proprio = Proprio::new(db, now()).unwrap();
    let first = proprio.start_left_right(foot_session(5), now()).unwrap().first;
    let out = dir.path().join("export.json").to_str().unwrap().to_string();
    std::thread::scope(|scope| {
        let exporter = scope.spawn(|| {
            proprio.export_to_file(ExportFormat::Json, None, None, out.clone(), None, now()).unwrap()
        });
        let (mut prompt, mut answered, mut during) = (Some(first), 0, 0);
        while let Some(q) = prompt {
            let onset = answered * 1_000_000_000;
            prompt = proprio
                .answer_trial(q.session_id, q.index, onset, onset + 700_000_000, q.stimulus.side)
                .unwrap()
                .next;
            answered += 1;
            if !exporter.is_finished() {
                during += 1;
            }
        }
        exporter.join().unwrap();
        assert_eq!(answered, 20);
        assert_eq!(during, answered, "answers waited for the export to end");
    });
    let text = std::fs::read_to_string(&out).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 1_001, "the history and the session begun");
}
