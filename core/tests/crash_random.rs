//! Crash safety as a standing test: a writer process is killed (SIGKILL) at random moments,
//! round after round on the same database, while it starts, answers, finishes and aborts
//! left/right sessions, writes journal entries, exports everything to a file and restores
//! a backup into a second database. After every kill the database is opened and checked:
//! every acknowledged record is there, `integrity_check` is "ok", and no session is left
//! running (its owner is gone); every acknowledged export is a whole document and no
//! export file is ever partial; the second database holds the whole backup or nothing.
//!
//! `cargo test -p proprio-core --test crash_random` runs a short version (30 kills); the
//! long one (300 kills, figures in the README) is
//! `cargo test -p proprio-core --test crash_random -- --ignored many_random_kills`.
//!
//! Also here: a copy taken mid-write (the database without its WAL, or with a truncated
//! WAL) opens to a consistent earlier state or is refused clearly, never silently wrong.

use proprio_core::LeftRightSettings;
use proprio_core::stimulus::BodyPart;
use proprio_core::{ExportFormat, NewJournalEntry, SessionState};
use proprio_core::{Proprio, ProprioError, WallTime};
use rand::{Rng, SeedableRng};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const DB_ENV: &str = "PROPRIO_CRASH_RANDOM_DB";
/// A backup the child restores, again and again, into `restore.db` beside the database.
const BACKUP: &str = "backup.json";
const RESTORED: &str = "restore.db";
const EXPORTS: &str = "exports";
const SEED_ENV: &str = "PROPRIO_CRASH_RANDOM_SEED";

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

fn note(round: u64, i: u64) -> String {
    format!("round {round} note {i}")
}

/// What the child acknowledged: a trial (session, index), a journal note, an export
/// file, or a restore.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Ack {
    Trial(i64, u32),
    Note(String),
    Export(String),
    Restore(u64),
    Plan(String),
}

/// A hand session of `count` pictures.
fn hand_session(count: u32, seed: u64) -> LeftRightSettings {
    LeftRightSettings {
        body_part: BodyPart::Hand,
        count: Some(count),
        time_limit_ms: None,
        feedback: None,
        level: None,
        seed: Some(seed),
        practice: None,
    }
}

fn parse_ack(line: &str) -> Option<Ack> {
    let rest = line.strip_prefix("ack ")?;
    if let Some(text) = rest.strip_prefix("note ") {
        return Some(Ack::Note(text.to_string()));
    }
    if let Some(name) = rest.strip_prefix("export ") {
        return Some(Ack::Export(name.trim().to_string()));
    }
    if let Some(tag) = rest.strip_prefix("plan ") {
        return Some(Ack::Plan(tag.trim().to_string()));
    }
    if let Some(round) = rest.strip_prefix("restore ") {
        return Some(Ack::Restore(round.trim().parse().ok()?));
    }
    let mut parts = rest.strip_prefix("trial ")?.split(' ');
    Some(Ack::Trial(parts.next()?.parse().ok()?, parts.next()?.trim().parse().ok()?))
}

#[test]
#[ignore = "only runs as the child process of the tests below"]
fn child_writes_at_random() {
    let db = std::env::var(DB_ENV).expect("run by the parent test");
    let round: u64 = std::env::var(SEED_ENV).unwrap().parse().unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(round);
    let folder = std::path::Path::new(&db).parent().unwrap().to_path_buf();
    let proprio = Proprio::new(db, now()).unwrap();
    let mut out = std::io::stdout().lock();
    let mut ack = |text: String| {
        writeln!(out, "\nack {text}").unwrap();
        out.flush().unwrap();
    };
    let mut session = None;
    for i in 0u64.. {
        match rng.random_range(0..13) {
            12 => {
                let tag = format!("round {round} plan {i}");
                let plan = format!(
                    r#"{{"format": "proprio-plan", "format_version": 1, "created": "2026-11-30",
                        "parameters": {{"images_per_session": {}}}, "instructions": "{tag}"}}"#,
                    rng.random_range(10..=60)
                );
                proprio.import_plan(plan, now()).unwrap();
                ack(format!("plan {tag}"));
            }
            10 => {
                let name = format!("round-{round}-{i}.json");
                let path = folder.join(EXPORTS).join(&name).to_str().unwrap().to_string();
                proprio.export_to_file(ExportFormat::Json, None, None, path, None, now()).unwrap();
                ack(format!("export {name}"));
            }
            11 => {
                let restored = Proprio::new(folder.join(RESTORED).to_str().unwrap().into(), now()).unwrap();
                restored.import_backup(std::fs::read(folder.join(BACKUP)).unwrap(), true).unwrap();
                ack(format!("restore {round}"));
            }
            0..3 => {
                let entry = NewJournalEntry {
                    at: now(),
                    pain: rng.random_range(0..=10),
                    fear: None,
                    medication: false,
                    sleep: None,
                    note: note(round, i),
                    session_id: None,
                };
                proprio.add_journal_entry(entry).unwrap();
                ack(format!("note {}", note(round, i)));
            }
            3 if session.is_some() => {
                let p: proprio_core::TrialPrompt = session.take().unwrap();
                if rng.random_bool(0.5) {
                    proprio.abort_session(p.session_id, now()).unwrap();
                } else {
                    proprio.finish_session(p.session_id, now()).unwrap();
                }
            }
            _ => {
                let p = match session.take() {
                    Some(p) => p,
                    None => {
                        proprio
                            .start_left_right(hand_session(rng.random_range(10..=20), round), now())
                            .unwrap()
                            .first
                    }
                };
                let onset = i as i64 * 1_000_000_000;
                let outcome = proprio
                    .answer_trial(p.session_id, p.index, onset, onset + 900_000_000, p.stimulus.side)
                    .unwrap();
                ack(format!("trial {} {}", p.session_id, p.index));
                session = outcome.next;
            }
        }
    }
}

/// One round: run the child, kill it after a random delay, return what it acknowledged.
fn killed_round(db: &std::path::Path, round: u64, delay: Duration) -> Vec<Ack> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_writes_at_random", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(DB_ENV, db)
        .env(SEED_ENV, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let acks = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&acks);
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            sink.lock().unwrap().extend(parse_ack(&line));
        }
    });
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    reader.join().unwrap(); // the pipe closes with the child: every ack printed is read
    Arc::try_unwrap(acks).unwrap().into_inner().unwrap()
}

/// Checks the database after a kill against everything acknowledged so far; `backup`
/// holds how many sessions and journal entries the backup restores.
fn check(db: &std::path::Path, acked: &BTreeSet<Ack>, backup: (usize, usize)) {
    let folder = db.parent().unwrap();
    // Every export under its own name is whole, acknowledged or not; a kill leaves at most
    // a hidden temporary.
    let exports: BTreeSet<String> = match std::fs::read_dir(folder.join(EXPORTS)) {
        Ok(dir) => dir
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| !n.starts_with('.'))
            .collect(),
        Err(_) => BTreeSet::new(),
    };
    for name in &exports {
        let text = std::fs::read_to_string(folder.join(EXPORTS).join(name)).unwrap();
        let doc: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is partial: {e}"));
        assert_eq!(doc["format"], "proprio-export", "{name}");
    }
    if folder.join(RESTORED).exists() {
        let restored = Proprio::new(folder.join(RESTORED).to_str().unwrap().into(), now()).unwrap();
        assert_eq!(restored.integrity_check().unwrap(), "ok");
        let counts = (restored.sessions().unwrap().len(), restored.journal_entries().unwrap().len());
        assert!(counts == backup || counts == (0, 0), "a restore was cut short: {counts:?} of {backup:?}");
        assert!(
            counts == backup || !acked.iter().any(|a| matches!(a, Ack::Restore(_))),
            "an acknowledged restore is gone"
        );
    }
    let proprio = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
    assert_eq!(proprio.integrity_check().unwrap(), "ok");
    let notes: BTreeSet<String> = proprio.journal_entries().unwrap().into_iter().map(|e| e.note).collect();
    let plans: BTreeSet<String> =
        proprio.plan_history().unwrap().into_iter().filter_map(|e| e.plan.instructions).collect();
    let mut trials = BTreeSet::new();
    for s in proprio.sessions().unwrap() {
        assert_ne!(s.state, SessionState::Running, "session {} still running after its owner died", s.id);
        trials.extend(proprio.trials(s.id).unwrap().into_iter().map(|t| (s.id, t.index)));
    }
    for ack in acked {
        let found = match ack {
            Ack::Note(text) => notes.contains(text),
            Ack::Trial(id, index) => trials.contains(&(*id, *index)),
            Ack::Export(name) => exports.contains(name),
            Ack::Plan(tag) => plans.contains(tag),
            Ack::Restore(_) => true, // checked above: the restored database is whole
        };
        assert!(found, "acknowledged {ack:?} is missing");
    }
}

/// A backup of a short history for the child to restore; returns its (sessions, journal
/// entries).
fn write_backup(folder: &std::path::Path) -> (usize, usize) {
    let source = Proprio::new(folder.join("source.db").to_str().unwrap().into(), now()).unwrap();
    for day in 0..3 {
        let mut prompt = Some(source.start_left_right(hand_session(10, day), now()).unwrap().first);
        while let Some(p) = prompt {
            let onset = i64::from(p.index) * 1_000_000_000;
            prompt = source
                .answer_trial(p.session_id, p.index, onset, onset + 800_000_000, p.stimulus.side)
                .unwrap()
                .next;
        }
        source
            .add_journal_entry(NewJournalEntry {
                at: now(),
                pain: 3,
                fear: None,
                medication: false,
                sleep: Some(6),
                note: format!("backup day {day}"),
                session_id: None,
            })
            .unwrap();
    }
    let bytes = source.export(ExportFormat::Json, None, None, now()).unwrap().remove(0).bytes;
    std::fs::write(folder.join(BACKUP), bytes).unwrap();
    (source.sessions().unwrap().len(), source.journal_entries().unwrap().len())
}

fn random_kills(rounds: u64) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let backup = write_backup(dir.path());
    std::fs::create_dir(dir.path().join(EXPORTS)).unwrap();
    drop(Proprio::new(db.to_str().unwrap().into(), now()).unwrap());
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let mut acked = BTreeSet::new();
    for round in 0..rounds {
        // From before the child has opened the database to well into its writing.
        let delay = Duration::from_micros(rng.random_range(0..120_000));
        acked.extend(killed_round(&db, round, delay));
        check(&db, &acked, backup);
    }
    assert!(acked.len() as u64 > rounds, "too few writes acknowledged to mean much: {}", acked.len());
    let count = |f: fn(&Ack) -> bool| acked.iter().filter(|a| f(a)).count();
    println!(
        "{rounds} kills: {} acknowledged writes ({} journal entries, {} answers, {} exports, {} restores, {} plans), all found",
        acked.len(),
        count(|a| matches!(a, Ack::Note(_))),
        count(|a| matches!(a, Ack::Trial(..))),
        count(|a| matches!(a, Ack::Export(_))),
        count(|a| matches!(a, Ack::Restore(_))),
        count(|a| matches!(a, Ack::Plan(_))),
    );
}

#[test]
fn random_kills_lose_nothing_acknowledged() {
    random_kills(30);
}

#[test]
#[ignore = "long version (about a minute): cargo test -p proprio-core --test crash_random -- --ignored many_random_kills"]
fn many_random_kills() {
    random_kills(300);
}

#[test]
fn a_copy_taken_mid_write_opens_consistent_or_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let proprio = Proprio::new(db.to_str().unwrap().into(), now()).unwrap();
    for i in 0..200 {
        let entry = NewJournalEntry {
            at: now(),
            pain: 5,
            fear: None,
            medication: false,
            sleep: None,
            note: note(0, i),
            session_id: None,
        };
        proprio.add_journal_entry(entry).unwrap();
    }
    let wal = std::fs::read(format!("{}-wal", db.display())).unwrap();
    assert!(wal.len() > 10_000, "the writes must still be in the WAL: {} bytes", wal.len());
    let main = std::fs::read(&db).unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(14);
    let cuts: Vec<Option<usize>> = [None, Some(0), Some(31), Some(wal.len())]
        .into_iter()
        .chain((0..12).map(|_| Some(rng.random_range(32..wal.len()))))
        .collect();
    for (i, cut) in cuts.into_iter().enumerate() {
        let copy = dir.path().join(format!("copy{i}.db"));
        std::fs::write(&copy, &main).unwrap();
        if let Some(len) = cut {
            std::fs::write(format!("{}-wal", copy.display()), &wal[..len]).unwrap();
        }
        match Proprio::new(copy.to_str().unwrap().into(), now()) {
            Ok(p) => {
                assert_eq!(p.integrity_check().unwrap(), "ok", "cut {cut:?}");
                // A prefix of what was written, in order: never a mix or a gap.
                let notes: Vec<String> = p.journal_entries().unwrap().into_iter().map(|e| e.note).collect();
                let expected: Vec<String> = (0..notes.len() as u64).map(|i| note(0, i)).collect();
                assert_eq!(notes, expected, "cut {cut:?}");
            }
            Err(e) => assert!(
                matches!(e, ProprioError::NotADatabase { .. } | ProprioError::Damaged { .. }),
                "cut {cut:?}: unclear refusal {e:?}"
            ),
        }
    }
}
