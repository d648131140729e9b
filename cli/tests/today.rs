//! `proprio today`: the programme's record, as text and as JSON, through the binary.

use std::process::{Command, Output};

fn proprio_in(lang: &str, db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proprio"))
        .arg("--db")
        .arg(db)
        .args(["--tz", "Europe/London", "--at", "2026-11-23T09:00:00Z", "--lang", lang])
        .args(args)
        .output()
        .unwrap()
}

fn proprio(db: &std::path::Path, args: &[&str]) -> Output {
    proprio_in("en", db, args)
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn today_names_the_next_step_the_stage_and_the_safety_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let before = ok(proprio(&db, &["today"]));
    assert!(before.contains("Tell the app which part of you hurts"), "{before}");
    ok(proprio(&db, &["profile", "set", "--affected", "hand:left"]));
    let text = ok(proprio(&db, &["today"]));
    assert!(text.contains("Next: left/right pictures (hand). 0 of 3 done today."), "{text}");
    assert!(text.contains("Stage 1 of 4 for the hand: left-right, day 1 (at least 14)"), "{text}");
    assert!(text.contains("check with a clinician first"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&ok(proprio(&db, &["today", "--json"]))).unwrap();
    assert_eq!(json["next"]["action"], "practise");
    assert_eq!(json["next"]["images_per_session"], 50);
    assert_eq!(json["stages"][0]["stage"], "left-right");
    assert_eq!(json["stages"][0]["decision"]["decision"], "stay");
    assert_eq!(json["stages"][0]["entered"]["reason"]["code"], "started");
    assert_eq!(json["safety"][0]["kind"], "check-with-clinician");
    assert!(json["next_reminder"]["id"].as_str().unwrap().starts_with("20261123-left-right-"));
    let history = ok(proprio(&db, &["stages"]));
    assert!(
        history.contains("2026-11-23 09:00  hand      automatic  Started with left/right judgement."),
        "{history}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(proprio(&db, &["stages", "--json"]))).unwrap();
    assert_eq!(json[0]["to_stage"], "left-right");
    assert_eq!(json[0]["origin"], "automatic");
    let bad = proprio(&db, &["stages", "--body-part", "elbow"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--body-part"));
}

#[test]
fn today_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ok(proprio(&db, &["profile", "set", "--affected", "back:left"]));
    let text = ok(proprio_in("de", &db, &["today"]));
    assert!(text.contains("Als Nächstes: Tasten und Spüren mit Hilfe (Rücken)."), "{text}");
    assert!(text.contains("Stage 1 of 4 for the back: sensory-discrimination"), "{text}");
}
