//! `proprio practice` driven through a pseudo-terminal with the keyboard, as a person
//! would: answer a whole short session, and stop another one early with Esc.

mod common;

use common::Terminal;

fn status(db: &str) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_proprio"))
        .args(["--db", db, "status", "--json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_whole_session_answered_with_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let mut t =
        Terminal::start(&["--db", db, "practice", "--count", "10", "--picture", "blocks", "--seed", "5"]);
    for i in 1..=10 {
        t.wait_for(&format!("Picture {i} of 10"));
        // Arrow keys and letters both answer.
        t.press(if i % 2 == 0 { "\x1b[D" } else { "r" });
        if i < 10 {
            t.wait_for(&format!("Picture {} of 10", i + 1));
        }
    }
    let screen = t.finish();
    assert!(screen.contains("10 pictures answered"), "{}", &screen[screen.len().saturating_sub(1500)..]);
    assert!(screen.contains("left pictures") && screen.contains("right pictures"));
    assert!(screen.contains("▀"), "the picture was drawn with half blocks");
    assert!(screen.contains("Not yet"));
    let s = status(db);
    assert_eq!((s["sessions"].as_u64(), s["trials"].as_u64()), (Some(1), Some(10)));
}

#[test]
fn escape_stops_early_and_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let mut t =
        Terminal::start(&["--db", db, "practice", "--count", "10", "--picture", "blocks", "--no-feedback"]);
    for i in 1..=3 {
        t.wait_for(&format!("Picture {i} of 10"));
        t.press("l");
    }
    t.wait_for("Picture 4 of 10");
    t.press("\x1b");
    let screen = t.finish();
    assert!(
        screen.contains("(aborted)") && screen.contains("3 pictures answered"),
        "{}",
        &screen[screen.len().saturating_sub(1500)..]
    );
    assert_eq!(status(db)["trials"].as_u64(), Some(3));
}
