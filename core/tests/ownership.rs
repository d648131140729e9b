//! Session ownership across processes (docs/reliability.md): opening the database in a
//! second process leaves a live process's running session alone, and ends it as
//! interrupted once that process is killed. Opening and reading never wait for a writer.
//!
//! The child is this same test binary running the ignored test `child_runs_a_session`: it
//! starts a left/right session, prints "ready ID", then answers one picture per line it
//! reads on stdin, printing "ack N" after each answer is committed.

use proprio_core::LeftRightSettings;
use proprio_core::stimulus::BodyPart;
use proprio_core::{NewJournalEntry, SessionState};
use proprio_core::{Proprio, WallTime};
use std::io::{BufRead, BufReader, Lines, Write};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

const DB_ENV: &str = "PROPRIO_OWNERSHIP_TEST_DB";

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

fn settings() -> LeftRightSettings {
    LeftRightSettings {
        body_part: BodyPart::Hand,
        count: Some(50),
        time_limit_ms: None,
        feedback: None,
        level: None,
        seed: Some(7),
        practice: None,
    }
}

#[test]
#[ignore = "only runs as the child process of the tests below"]
fn child_runs_a_session() {
    let db = std::env::var(DB_ENV).expect("run by the parent test");
    let proprio = Proprio::new(db, now()).unwrap();
    let mut prompt = proprio.start_left_right(settings(), now()).unwrap().first;
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nready {}", prompt.session_id).unwrap();
    out.flush().unwrap();
    for (i, line) in std::io::stdin().lock().lines().enumerate() {
        if line.unwrap() != "answer" {
            break;
        }
        let onset = i as i64 * 2_000_000_000;
        let outcome = proprio
            .answer_trial(prompt.session_id, prompt.index, onset, onset + 700_000_000, prompt.stimulus.side)
            .unwrap();
        writeln!(out, "\nack {i}").unwrap();
        out.flush().unwrap();
        prompt = outcome.next.expect("the parent answers fewer than 50");
    }
}

struct Owner {
    child: Child,
    lines: Lines<BufReader<ChildStdout>>,
    session_id: i64,
}

impl Owner {
    fn spawn(db: &std::path::Path) -> Owner {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["child_runs_a_session", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(DB_ENV, db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let session_id = lines
            .by_ref()
            .find_map(|l| l.unwrap().strip_prefix("ready ").map(|id| id.trim().parse().unwrap()))
            .expect("child never got ready");
        Owner { child, lines, session_id }
    }

    /// Has the child answer one picture; true once it acknowledged the answer.
    fn answer(&mut self) -> bool {
        writeln!(self.child.stdin.as_mut().unwrap(), "answer").unwrap();
        self.lines.by_ref().map_while(|l| l.ok()).any(|l| l.starts_with("ack "))
    }
}

fn state_of(proprio: &Proprio, id: i64) -> SessionState {
    proprio.sessions().unwrap().into_iter().find(|s| s.id == id).unwrap().state
}

#[test]
fn a_live_session_in_another_process_survives_opens_and_a_killed_one_is_interrupted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let mut owner = Owner::spawn(&db);
    assert!(owner.answer());

    // A second process (this one) opens, reads and writes while the session runs.
    for _ in 0..3 {
        let other = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
        assert_eq!(state_of(&other, owner.session_id), SessionState::Running);
        other
            .add_journal_entry(NewJournalEntry {
                at: now(),
                pain: 4,
                fear: None,
                medication: false,
                sleep: None,
                note: String::new(),
                session_id: None,
            })
            .unwrap();
        assert!(owner.answer(), "the live session was cut off by an open");
    }

    owner.child.kill().unwrap(); // SIGKILL: no clean-up runs
    owner.child.wait().unwrap();
    let after = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
    assert_eq!(state_of(&after, owner.session_id), SessionState::Interrupted);
    let session = after.sessions().unwrap().into_iter().find(|s| s.id == owner.session_id).unwrap();
    assert_eq!(session.trial_count, 4, "every acknowledged answer is kept");
    assert_eq!(after.integrity_check().unwrap(), "ok");
    // The dead owner's lock file was tidied away; only the opener's own (if any) remains.
    let owners: Vec<_> = std::fs::read_dir(dir.path().join("p.db-owners")).unwrap().collect();
    assert!(owners.len() <= 1, "{owners:?}");
}

#[test]
fn opening_and_reading_never_wait_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    drop(Proprio::new(db.to_str().unwrap().into(), now()).unwrap());
    // Another writer holds the write lock for longer than the busy timeout (5 s) would
    // allow an open that wants to write.
    let blocker = rusqlite::Connection::open(&db).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE; INSERT INTO journal (at_ms, zone, pain, medication, note) VALUES (1, 'UTC', 1, 0, 'uncommitted');").unwrap();
    let start = Instant::now();
    let reader = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
    assert!(reader.journal_entries().unwrap().is_empty(), "reads see committed data only");
    reader.sessions().unwrap();
    reader.status().unwrap();
    reader.profile().unwrap();
    assert!(start.elapsed() < Duration::from_secs(2), "waited {:?}", start.elapsed());
    blocker.execute_batch("COMMIT").unwrap();
    assert_eq!(reader.journal_entries().unwrap().len(), 1);
}
