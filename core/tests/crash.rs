//! Nothing acknowledged is lost: a child process records trials and prints each one after
//! its call returns; the parent kills it with SIGKILL mid-stream, reopens the database and
//! checks every acknowledged trial is there, the file is sound, and the session was
//! closed as interrupted.
//!
//! The child is this same test binary, running the ignored test `child_writes_trials`: it
//! answers left/right sessions of 100 pictures back to back, never finishing them.

use proprio_core::LeftRightSettings;
use proprio_core::SessionState;
use proprio_core::stimulus::BodyPart;
use proprio_core::{Proprio, WallTime};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const DB_ENV: &str = "PROPRIO_CRASH_TEST_DB";
const SESSION_LENGTH: u32 = 100;

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

#[test]
#[ignore = "only runs as the child process of killed_writer_loses_nothing_acknowledged"]
fn child_writes_trials() {
    let db = std::env::var(DB_ENV).expect("run by the parent test");
    let proprio = Proprio::new(db, now()).unwrap();
    let settings = LeftRightSettings {
        body_part: BodyPart::Hand,
        count: Some(SESSION_LENGTH),
        time_limit_ms: None,
        feedback: None,
        level: None,
        seed: Some(1),
        practice: None,
    };
    let mut prompt = proprio.start_left_right(settings.clone(), now()).unwrap().first;
    let mut out = std::io::stdout().lock();
    for i in 0i64.. {
        let onset = i * 2_000_000_000;
        let outcome = proprio
            .answer_trial(prompt.session_id, prompt.index, onset, onset + 800_000_000, prompt.stimulus.side)
            .unwrap();
        writeln!(out, "\nack {i}").unwrap();
        out.flush().unwrap();
        prompt = match outcome.next {
            Some(next) => next,
            None => proprio.start_left_right(settings.clone(), now()).unwrap().first,
        };
    }
}

#[test]
fn killed_writer_loses_nothing_acknowledged() {
    for kill_after in [1, 57, 400] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("crash.db");
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["child_writes_trials", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(DB_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut acked = 0u32;
        for line in lines.by_ref() {
            if let Some(index) = ack_index(&line.unwrap()) {
                acked = index + 1;
                if acked == kill_after {
                    child.kill().unwrap(); // SIGKILL on Unix
                    break;
                }
            }
        }
        // Acknowledgements already in the pipe when the kill landed count too.
        if let Some(last) = lines.map_while(|l| l.ok()).filter_map(|l| ack_index(&l)).last() {
            acked = last + 1;
        }
        child.wait().unwrap();

        let proprio = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
        assert_eq!(proprio.integrity_check().unwrap(), "ok");
        let sessions = proprio.sessions().unwrap(); // newest first
        let stored: u32 = sessions.iter().map(|s| s.trial_count).sum();
        // At most one trial was committed but not yet printed when the kill landed.
        assert!(stored == acked || stored == acked + 1, "acked {acked}, stored {stored}");
        for (i, session) in sessions.iter().enumerate() {
            // A fully answered session is complete even if it was never finished; the one
            // the kill cut short is interrupted, its answers kept.
            let expected = if session.trial_count == SESSION_LENGTH {
                SessionState::Completed
            } else {
                SessionState::Interrupted
            };
            assert_eq!(session.state, expected, "session {}", session.id);
            assert!(i == 0 || session.trial_count == SESSION_LENGTH, "only the newest is partial");
            let trials = proprio.trials(session.id).unwrap();
            assert!(trials.iter().enumerate().all(|(i, t)| t.index as usize == i && t.correct));
        }
    }
}

/// The trial index in an "ack N" line (libtest may print its own text before it).
fn ack_index(line: &str) -> Option<u32> {
    line.strip_prefix("ack ")?.trim().parse().ok()
}
