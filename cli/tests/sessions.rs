//! `proprio session KIND`, `proprio textures` and `proprio ladder` through the binary:
//! every kind with --simulate (scripted answers, no waiting), the ladders edited and
//! refused, and a mirror session answered with the keyboard in a pseudo-terminal.

mod common;

use common::Terminal;
use std::process::{Command, Output};

fn proprio(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proprio"))
        .arg("--db")
        .arg(db)
        .args(["--tz", "Europe/London", "--at", "2026-11-02T09:00:00Z"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(out: Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

#[test]
fn every_kind_runs_with_simulate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let imagery = ok(proprio(&db, &["session", "imagery", "--simulate", "--seed", "4", "--vividness", "4"]));
    assert!(imagery.contains(" 52/52  Pain now") && imagery.contains("[10 s hold]"), "{imagery}");
    assert!(imagery.contains("vividness 4/5") && imagery.contains("Well done"), "{imagery}");
    let mirror = ok(proprio(&db, &["session", "mirror", "--simulate", "--feeling", "worse"]));
    assert!(mirror.contains("Set up the mirror") && mirror.contains("felt worse"), "{mirror}");
    let stopped = ok(proprio(&db, &["session", "desensitise", "--simulate", "--pain-during", "4"]));
    assert!(stopped.contains("4 of 12 steps") && stopped.contains("above 3 out of 10"), "{stopped}");
    let sensory = json(proprio(&db, &["session", "sensory", "--simulate", "--accuracy", "1", "--json"]));
    assert_eq!((sensory["trials"].as_u64(), sensory["correct"].as_u64()), (Some(20), Some(20)));
    assert_eq!(sensory["session"]["body_part"], "back");
    let err = proprio(&db, &["session", "exposure", "--simulate"]);
    assert_eq!(err.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&err.stderr).contains("ladder is empty"));
    ok(proprio(&db, &["ladder", "add", "Climb the stairs", "--fear", "60"]));
    let exposure = json(proprio(&db, &["session", "exposure", "--simulate", "--fear-after", "25", "--json"]));
    assert_eq!((exposure["passed"].as_bool(), exposure["fear_after"].as_u64()), (Some(true), Some(25)));
    let status = json(proprio(&db, &["status", "--json"]));
    assert_eq!(status["sessions"].as_u64(), Some(5));
    // Pain before and after every session is in the journal; the stopped one has only before.
    assert_eq!(status["journal_entries"].as_u64(), Some(9));
    let not_a_terminal = proprio(&db, &["session", "imagery"]);
    assert_eq!(not_a_terminal.status.code(), Some(2));
    let bad = proprio(&db, &["session", "mirror", "--simulate", "--body-part", "back"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid body_part"));
    let stop = ok(proprio(&db, &["session", "sensory", "--simulate", "--stop-after", "3"]));
    assert!(stop.contains("stopped early") && stop.contains("aborted"), "{stop}");
}

#[test]
fn the_ladders_are_listed_edited_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let list = ok(proprio(&db, &["textures", "list"]));
    assert!(
        list.contains("1. cotton ball  ← next (0 of 3") && list.contains("5. everyday clothes"),
        "{list}"
    );
    ok(proprio(&db, &["textures", "set", "wool", "linen", "tweed"]));
    let ladder = json(proprio(&db, &["textures", "list", "--json"]));
    assert_eq!(ladder["textures"], serde_json::json!(["wool", "linen", "tweed"]));
    let twice = proprio(&db, &["textures", "set", "wool", "Wool"]);
    assert!(String::from_utf8_lossy(&twice.stderr).contains("textures[1]"));
    ok(proprio(&db, &["ladder", "add", "Lift a bag", "--fear", "50"]));
    ok(proprio(&db, &["ladder", "add", "Reach overhead", "--fear", "30"]));
    let steps = ok(proprio(&db, &["ladder", "list"]));
    let reach = steps.find("Reach overhead").unwrap();
    assert!(reach < steps.find("Lift a bag").unwrap() && steps.contains("← next"), "{steps}");
    ok(proprio(&db, &["ladder", "rate", "2", "--fear", "90"]));
    ok(proprio(&db, &["ladder", "rename", "1", "Lift a full bag"]));
    let v = json(proprio(&db, &["ladder", "list", "--json"]));
    assert_eq!(v[0]["activity"], "Lift a full bag");
    assert_eq!((v[1]["fear"].as_u64(), v[0]["current"].as_bool()), (Some(90), Some(true)));
    let refused = proprio(&db, &["ladder", "rate", "1", "--fear", "101"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("invalid fear"), "{refused:?}");
    ok(proprio(&db, &["ladder", "remove", "2"]));
    assert_eq!(proprio(&db, &["ladder", "remove", "2"]).status.code(), Some(2));
    let journal = ok(proprio(&db, &["journal", "add", "--pain", "3", "--sleep", "6", "--json"]));
    assert!(journal.contains("\"sleep\": 6"), "{journal}");
    assert_eq!(proprio(&db, &["journal", "add", "--pain", "3", "--sleep", "11"]).status.code(), Some(2));
}

#[test]
fn a_mirror_session_answered_with_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let mut t = Terminal::start(&["--db", db, "session", "mirror"]);
    // Pain before; the phone as a mirror; placement; three movements with two rests
    // (each timer ended early with Enter); how it felt; pain after.
    let keys = ["2\r", "2", "\r", "\r", "\r", "\r", "\r", "\r", "1", "3\r"];
    for (i, key) in keys.iter().enumerate() {
        t.wait_for(&format!("Step {} of 10", i + 1));
        t.press(key);
    }
    let screen = t.finish();
    let tail = &screen[screen.len().saturating_sub(1500)..];
    assert!(screen.contains("selfie camera"), "the phone's placement was shown");
    assert!(tail.contains("10 of 10 steps, completed") && tail.contains("felt fine"), "{tail}");
    assert!(tail.contains("pain before 2/10, after 3/10"), "{tail}");
}

#[test]
fn imagery_draws_its_pictures_and_escape_stops_keeping_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let mut t = Terminal::start(&["--db", db, "session", "imagery", "--picture", "blocks", "--seed", "2"]);
    t.wait_for("Step 1 of 52");
    t.press("4\r");
    t.wait_for("Step 2 of 52");
    t.press("\r");
    t.wait_for("Step 3 of 52");
    t.wait_for(" s "); // the countdown
    t.press("\x1b");
    t.wait_for("Press any key");
    t.press(" ");
    let screen = t.finish();
    let tail = &screen[screen.len().saturating_sub(1500)..];
    assert!(screen.contains("▀"), "the posture was drawn with half blocks");
    assert!(tail.contains("3 of 52 steps, aborted") && tail.contains("stopped early"), "{tail}");
    assert!(tail.contains("pain before 4/10"), "{tail}");
}
