//! `proprio reminders` and `proprio today`, end to end through the binary.

use std::process::{Command, Output};

fn proprio(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proprio"))
        .arg("--db")
        .arg(db)
        .args(["--tz", "Europe/London"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_plan_fed_back_as_the_diff_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let at = ["--at", "2026-11-23T07:00:00Z"];
    let plan = ok(proprio(&db, &[&at[..], &["reminders", "--json"]].concat()));
    let value: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(value["reminders"].as_array().unwrap().len(), 9);
    let file = dir.path().join("scheduled.json");
    std::fs::write(&file, &plan).unwrap();
    let f = file.to_str().unwrap();
    let diff = ok(proprio(&db, &[&at[..], &["reminders", "--diff", f, "--json"]].concat()));
    let diff: serde_json::Value = serde_json::from_str(&diff).unwrap();
    assert_eq!(diff["to_schedule"].as_array().unwrap().len(), 0);
    assert_eq!(diff["to_cancel"].as_array().unwrap().len(), 0);
    assert_eq!(diff["unchanged"], 9);
    let text = ok(proprio(&db, &[&at[..], &["reminders", "--diff", f]].concat()));
    assert!(text.starts_with("Nothing to change"), "{text}");
}

#[test]
fn snooze_today_and_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let out = ok(proprio(
        &db,
        &["--at", "2026-11-23T10:12:00Z", "reminders", "snooze", "20261123-left-right-0", "--minutes", "30"],
    ));
    assert!(out.contains("10:42"), "{out}");
    let today = ok(proprio(&db, &["--at", "2026-11-23T10:15:00Z", "today"]));
    assert!(today.contains("20261123-left-right-0-s"), "{today}");
    assert!(today.contains("left-right") && today.contains("0 of 3"), "{today}");

    let bad = proprio(
        &db,
        &["--at", "2026-11-23T10:12:00Z", "reminders", "snooze", "20261123-left-right-0", "--minutes", "15"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid minutes"));
    let bad = proprio(&db, &["reminders", "--days", "20"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid days"));
    std::fs::write(dir.path().join("bad.json"), "{").unwrap();
    let bad = proprio(&db, &["reminders", "--diff", dir.path().join("bad.json").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid diff"));
    let bad = proprio(&db, &["reminders", "settings", "--window", "21:00-08:00"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid settings.window_end_min"));
}
