//! Bad input through the binary, one test per row of docs/inputs.md: each gets a clear
//! message naming what was wrong, exit code 2, and nothing written; plus terminal-safe
//! output, "practice" failing before it creates a session, and delete-all-data.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn proprio(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proprio"))
        .arg("--db")
        .arg(db)
        .args(["--tz", "Europe/London", "--at", "2026-11-23T07:00:00Z"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The error text of a refused command; asserts exit code 2 (input the user can fix).
fn refused(out: Output) -> String {
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "stdout: {}\nstderr: {err}", String::from_utf8_lossy(&out.stdout));
    err
}

fn fresh() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    (dir, db)
}

#[test]
fn pain_out_of_range_names_the_scale() {
    let (_dir, db) = fresh();
    for bad in ["--pain=-1", "--pain=11", "--pain=300"] {
        let err = refused(proprio(&db, &["journal", "add", bad]));
        assert!(err.contains("--pain") && err.contains("0..=10") && !err.contains("255"), "{err}");
    }
    let err = refused(proprio(&db, &["journal", "add", "--pain", "3", "--fear", "12"]));
    assert!(err.contains("--fear") && err.contains("0..=10"), "{err}");
}

#[test]
fn a_note_too_long_is_refused_and_nothing_stored() {
    let (_dir, db) = fresh();
    let long = "x".repeat(2001);
    let err = refused(proprio(&db, &["journal", "add", "--pain", "3", "--note", &long]));
    assert!(err.contains("note") && err.contains("2001 characters"), "{err}");
    assert!(ok(proprio(&db, &["journal", "list"])).contains("No journal entries"));
}

#[test]
fn a_date_before_2000_names_the_range_not_unix_ms() {
    let (dir, db) = fresh();
    let out = Command::new(env!("CARGO_BIN_EXE_proprio"))
        .args(["--db", db.to_str().unwrap(), "--at", "1900-01-01T00:00:00Z", "status"])
        .output()
        .unwrap();
    let err = refused(out);
    assert!(err.contains("--at") && err.contains("2000") && !err.contains("unix_ms"), "{err}");
    assert!(!db.exists() && std::fs::read_dir(dir.path()).unwrap().count() == 0);
}

#[test]
fn stats_last_too_large_is_refused_not_wrapped() {
    let (_dir, db) = fresh();
    let err = refused(proprio(&db, &["stats", "--last", "4294967296"]));
    assert!(err.contains("--last") && err.contains("4294967296"), "{err}");
    let err = refused(proprio(&db, &["stats", "--last", "100001"]));
    assert!(err.contains("--last") && err.contains("0..=100000"), "{err}");
}

#[test]
fn slowdown_without_a_slower_side_is_refused() {
    let (_dir, db) = fresh();
    let err = refused(proprio(&db, &["practice", "--simulate", "--slowdown-ms", "300"]));
    assert!(err.contains("--slower-side"), "{err}");
}

#[test]
fn practice_without_a_terminal_fails_before_creating_a_session() {
    let (_dir, db) = fresh();
    let err = refused(proprio(&db, &["practice"]));
    assert!(err.contains("terminal"), "{err}");
    let status = ok(proprio(&db, &["status", "--json"]));
    let status: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert_eq!(status["sessions"], 0, "{status}");
}

#[test]
fn a_diff_file_that_never_ends_is_refused() {
    let (_dir, db) = fresh();
    let err = refused(proprio(&db, &["reminders", "--diff", "/dev/zero"]));
    assert!(err.contains("--diff") && err.contains("larger than"), "{err}");
}

#[test]
fn random_pictures_count_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pics");
    let err = refused(
        Command::new(env!("CARGO_BIN_EXE_proprio"))
            .args([
                "stimulus",
                "random",
                "--seed",
                "1",
                "--count",
                "1000000000",
                "--out",
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap(),
    );
    assert!(err.contains("--count") && err.contains("1..=10000"), "{err}");
    assert!(!out.exists());
}

#[test]
fn render_to_a_jpeg_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.jpg");
    let err = refused(
        Command::new(env!("CARGO_BIN_EXE_proprio"))
            .args(["stimulus", "render", "--out", out.to_str().unwrap()])
            .output()
            .unwrap(),
    );
    assert!(err.contains("PNG only"), "{err}");
    assert!(!out.exists());
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let (dir, db) = fresh();
    // Another program's SQLite file (a contacts table, user_version 0), made with sqlite3.
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/contacts.sqlite"), &db).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = proprio(&db, &["status"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("another program"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let out = proprio(Path::new("/dev/null"), &["status"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/dev/null cannot hold a database"), "{err}");
    assert!(!Path::new("/dev/null-journal").exists());
}

#[test]
fn escape_sequences_in_notes_are_shown_harmlessly() {
    let (_dir, db) = fresh();
    let evil = "fine\u{1b}[2J\u{1b}]0;title\u{7}\r\u{9b}31m";
    ok(proprio(&db, &["journal", "add", "--pain", "2", "--note", evil]));
    for args in [&["journal", "list"][..], &["journal", "list", "--json"][..]] {
        let out = ok(proprio(&db, args));
        let bad: Vec<char> = out.chars().filter(|c| c.is_control() && *c != '\n').collect();
        assert!(bad.is_empty(), "{args:?} printed {bad:?}: {out:?}");
        assert!(out.contains("fine"), "{out}");
    }
    let json = ok(proprio(&db, &["journal", "list", "--json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value[0]["note"], evil, "the JSON still means the same note");
}

#[test]
fn delete_all_data_needs_yes_and_removes_every_file() {
    let (dir, db) = fresh();
    ok(proprio(&db, &["journal", "add", "--pain", "2", "--note", "private"]));
    let err = refused(proprio(&db, &["delete-all-data"]));
    assert!(err.contains("--yes"), "{err}");
    assert!(db.exists());
    let out = ok(proprio(&db, &["delete-all-data", "--yes"]));
    assert!(out.contains("Removed") && out.contains("p.db"), "{out}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "{out}");
    let out = ok(proprio(&db, &["delete-all-data", "--yes"]));
    assert!(out.contains("Nothing to delete"), "{out}");
}

#[test]
fn exports_never_overwrite_and_bad_backups_change_nothing() {
    let (dir, db) = fresh();
    ok(proprio(&db, &["practice", "--simulate", "--count", "10", "--seed", "3"]));
    let out = dir.path().join("backup.json");
    let out_s = out.to_str().unwrap();
    assert!(ok(proprio(&db, &["export", "--out", out_s])).contains("wrote"));
    let err = refused(proprio(&db, &["export", "--out", out_s]));
    assert!(err.contains("exists"), "{err}");
    let err = refused(proprio(&db, &["export", "--format", "pdf", "--out", "x"]));
    assert!(err.contains("--format") && err.contains("json, csv, hljt"), "{err}");
    let err = refused(proprio(&db, &["export", "--from", "yesterday", "--out", "y.json"]));
    assert!(err.contains("from"), "{err}");

    let (_d2, other) = fresh();
    let err = refused(proprio(&other, &["import", "/dev/zero"]));
    assert!(err.contains("larger than"), "{err}");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "milk, eggs").unwrap();
    let err = refused(proprio(&other, &["import", text.to_str().unwrap()]));
    assert!(err.contains("not a Proprio export"), "{err}");
    assert!(
        ok(proprio(&other, &["status"])).contains("0 sessions, 0 trials, 0 journal entries"),
        "nothing written"
    );
    assert!(
        ok(proprio(&other, &["import", out_s]))
            .contains("Restored 1 sessions (0 guided, 10 left/right trials)")
    );
    let err = refused(proprio(&other, &["import", out_s]));
    assert!(err.contains("--replace"), "{err}");
    assert!(ok(proprio(&other, &["import", "--replace", out_s])).contains("Restored"));
}

#[test]
fn the_demo_fills_a_new_folder_with_every_export_and_refuses_a_full_one() {
    let (dir, db) = fresh();
    let out = dir.path().join("demo");
    let out_s = out.to_str().unwrap();
    let text = ok(proprio(&db, &["demo", "--weeks", "1", "--out", out_s]));
    assert!(text.contains("7 days,"), "{text}");
    for file in [
        "proprio-demo.db",
        "proprio-export.json",
        "csv/trials.csv",
        "csv/sessions.csv",
        "csv/journal.csv",
        "csv/guided.csv",
        "hljt_trials.csv",
        "proprio-fhir.json",
        "proprio-report.html",
    ] {
        let len = std::fs::metadata(out.join(file)).map(|m| m.len()).unwrap_or(0);
        assert!(len > 100, "{file}: {len} bytes");
    }
    let report = std::fs::read_to_string(out.join("proprio-report.html")).unwrap();
    assert!(report.contains("left (affected)"), "the demo patient's painful left hand is marked");
    let err = refused(proprio(&db, &["demo", "--weeks", "1", "--out", out_s]));
    assert!(err.contains("not empty"), "{err}");
    let err = refused(proprio(&db, &["demo", "--weeks", "0", "--out", "elsewhere"]));
    assert!(err.contains("--weeks"), "{err}");
}

#[test]
fn encrypted_exports_open_only_with_their_passphrase() {
    let (dir, db) = fresh();
    ok(proprio(&db, &["practice", "--simulate", "--count", "10", "--seed", "4"]));
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "correct horse battery\n").unwrap();
    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, "incorrect horse battery\n").unwrap();
    let short = dir.path().join("short.txt");
    std::fs::write(&short, "1234\n").unwrap();
    let sealed = dir.path().join("export.json.age");
    let (pass_s, sealed_s) = (pass.to_str().unwrap(), sealed.to_str().unwrap());
    ok(proprio(&db, &["export", "--passphrase-file", pass_s, "--out", sealed_s]));
    let bytes = std::fs::read(&sealed).unwrap();
    assert!(
        bytes.starts_with(b"age-encryption.org/v1")
            && !String::from_utf8_lossy(&bytes).contains("proprio-export")
    );
    let err =
        refused(proprio(&db, &["export", "--passphrase-file", short.to_str().unwrap(), "--out", "x.age"]));
    assert!(err.contains("at least 8 characters"), "{err}");

    let (_d2, other) = fresh();
    let err = refused(proprio(&other, &["import", sealed_s]));
    assert!(err.contains("encrypted") && err.contains("--passphrase-file"), "{err}");
    let err = refused(proprio(&other, &["import", "--passphrase-file", wrong.to_str().unwrap(), sealed_s]));
    assert!(err.contains("wrong passphrase"), "{err}");
    assert!(
        ok(proprio(&other, &["status"])).contains("0 sessions, 0 trials, 0 journal entries"),
        "nothing written"
    );
    assert!(
        ok(proprio(&other, &["import", "--passphrase-file", pass_s, sealed_s]))
            .contains("Restored 1 sessions")
    );
    let report = dir.path().join("r.html");
    ok(proprio(&db, &["report", "--passphrase-file", pass_s, sealed_s, "--out", report.to_str().unwrap()]));
    assert!(std::fs::read_to_string(&report).unwrap().contains("stage 1"));
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let (_dir, db) = fresh();
    ok(proprio(&db, &["journal", "add", "--pain", "2"]));
    // The reader is gone before the command starts (`journal list | head -0`): closed
    // before the spawn, so the first line cannot slip into the pipe's buffer first.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_proprio"))
        .arg("--db")
        .arg(&db)
        .args(["journal", "list"])
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(141), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
}
