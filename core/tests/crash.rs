//! Nothing acknowledged is lost: a child process records trials and prints each one after
//! its call returns; the parent kills it with SIGKILL mid-stream, reopens the database and
//! checks every acknowledged trial is there, the file is sound, and the session was
//! closed as interrupted.
//!
//! The child is this same test binary, running the ignored test `child_writes_trials`.

use proprio_core::api::TrialInput;
use proprio_core::programme::SessionKind;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::store::SessionState;
use proprio_core::{Proprio, WallTime};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const DB_ENV: &str = "PROPRIO_CRASH_TEST_DB";

fn now() -> WallTime {
    WallTime {
        unix_ms: 1_795_000_000_000,
        zone: "Europe/Berlin".into(),
    }
}

#[test]
#[ignore = "only runs as the child process of killed_writer_loses_nothing_acknowledged"]
fn child_writes_trials() {
    let db = std::env::var(DB_ENV).expect("run by the parent test");
    let proprio = Proprio::new(db, now()).unwrap();
    let session = proprio
        .start_session(SessionKind::LeftRight, BodyPart::Hand, Some(1), now())
        .unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0i64.. {
        let side = if i % 2 == 0 { Side::Left } else { Side::Right };
        let onset = i * 2_000_000_000;
        proprio
            .record_trial(
                session.id,
                TrialInput {
                    stimulus_id: format!("hand:{side}:back:flat:000:s2:none"),
                    onset_ns: onset,
                    response_ns: Some(onset + 800_000_000),
                    answer: Some(side),
                },
            )
            .unwrap();
        writeln!(out, "ack {i}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn killed_writer_loses_nothing_acknowledged() {
    for kill_after in [1, 57, 400] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("crash.db");
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "child_writes_trials",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DB_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut acked = 0u32;
        for line in lines.by_ref() {
            if line.unwrap().starts_with("ack ") {
                acked += 1;
                if acked == kill_after {
                    child.kill().unwrap(); // SIGKILL on Unix
                    break;
                }
            }
        }
        // Acknowledgements already in the pipe when the kill landed count too.
        acked += lines
            .map_while(|l| l.ok())
            .filter(|l| l.starts_with("ack "))
            .count() as u32;
        child.wait().unwrap();

        let proprio = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
        assert_eq!(proprio.integrity_check().unwrap(), "ok");
        let sessions = proprio.sessions().unwrap();
        assert_eq!(sessions.len(), 1);
        assert_eq!(sessions[0].state, SessionState::Interrupted);
        let stored = sessions[0].trial_count;
        // At most one trial was committed but not yet printed when the kill landed.
        assert!(
            stored == acked || stored == acked + 1,
            "acked {acked}, stored {stored}"
        );
        let trials = proprio.trials(sessions[0].id).unwrap();
        assert!(
            trials
                .iter()
                .enumerate()
                .all(|(i, t)| t.index as usize == i && t.correct)
        );
    }
}
