//! Concurrency as a standing test: one `Proprio` shared by several threads (as the UI, a
//! notification handler and a background task share it in an app) and a second process
//! writing the same file at the same time. No deadlock (the test finishes), no lost write
//! (every acknowledged record is counted), no "database is locked" reaching a caller
//! (every call is unwrapped).

use proprio_core::LeftRightSettings;
use proprio_core::stimulus::BodyPart;
use proprio_core::{NewJournalEntry, SessionState};
use proprio_core::{Proprio, WallTime};
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
            let settings = LeftRightSettings {
                body_part: BodyPart::Foot,
                count: Some(20),
                time_limit_ms: None,
                feedback: None,
                level: None,
                seed: Some(3),
                practice: None,
            };
            let first = p.start_left_right(settings, now()).unwrap().first;
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
