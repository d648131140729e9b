//! `proprio plan` through the binary: a template a therapist edits and imports, every
//! refusal with exit code 2 and nothing written, the share code and QR round trips.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FULL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures/plans/valid/full.json");
const BROKEN: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures/plans/invalid/min-days.json");

fn proprio(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proprio"))
        .arg("--db")
        .arg(db)
        .args(["--tz", "Europe/London", "--at", "2026-11-23T07:00:00Z"])
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn refused(out: Output) -> String {
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "stdout: {}\nstderr: {err}", String::from_utf8_lossy(&out.stdout));
    err
}

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    (dir, db)
}

#[test]
fn a_template_edited_and_imported_is_shown_with_what_changed() {
    let (dir, db) = fresh();
    ok(proprio(&db, &["profile", "set", "--affected", "hand:left"]));
    let template = dir.path().join("plan.json");
    ok(proprio(&db, &["plan", "new", "--out", template.to_str().unwrap()]));
    let err = refused(proprio(&db, &["plan", "new", "--out", template.to_str().unwrap()]));
    assert!(err.contains("it exists"), "{err}");
    let text = std::fs::read_to_string(&template).unwrap();
    assert!(
        text.contains("\"body_part\": \"hand\"") && text.contains("\"created\": \"2026-11-23\""),
        "{text}"
    );
    std::fs::write(&template, text.replace("\"images_per_session\": 50", "\"images_per_session\": 20"))
        .unwrap();
    let out = ok(proprio(&db, &["plan", "import", template.to_str().unwrap()]));
    assert!(out.contains("Pictures per left/right session: 50 → 20."), "{out}");
    let show = ok(proprio(&db, &["plan", "show"]));
    assert!(
        show.contains("left hand (gmi): left-right (14 d)") && show.contains("images_per_session = 20"),
        "{show}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(proprio(&db, &["plan", "show", "--json"]))).unwrap();
    assert_eq!(json["current"]["plan"]["parameters"]["images_per_session"], 20);
    assert_eq!(json["history"].as_array().unwrap().len(), 1);
}

#[test]
fn a_broken_plan_lists_every_problem_and_writes_nothing() {
    let (dir, db) = fresh();
    let err = refused(proprio(&db, &["plan", "import", BROKEN]));
    assert!(err.contains("tracks[0].stages[2].min_days: must be 1–90 days, not 91"), "{err}");
    let not_json = dir.path().join("x.json");
    std::fs::write(&not_json, "hello").unwrap();
    assert!(refused(proprio(&db, &["plan", "import", not_json.to_str().unwrap()])).contains("is not JSON"));
    let big = dir.path().join("big.json");
    std::fs::write(&big, vec![b' '; 70_000]).unwrap();
    assert!(refused(proprio(&db, &["plan", "import", big.to_str().unwrap()])).contains("larger than"));
    assert!(refused(proprio(&db, &["plan", "import", "--code", "PLAN1.nope"])).contains("invalid code"));
    assert!(refused(proprio(&db, &["plan", "import"])).contains("FILE"));
    assert!(ok(proprio(&db, &["plan", "show"])).contains("No plan yet"));
    assert!(refused(proprio(&db, &["plan", "code"])).contains("no plan has been imported"));
}

#[test]
fn code_decode_and_qr_round_trip_without_a_database() {
    let (dir, db) = fresh();
    let code = ok(proprio(&db, &["plan", "code", FULL])).trim().to_string();
    assert!(code.starts_with("PLAN1."), "{code}");
    let decoded = dir.path().join("decoded.json");
    ok(proprio(&db, &["plan", "decode", &code, "--out", decoded.to_str().unwrap()]));
    assert_eq!(ok(proprio(&db, &["plan", "code", decoded.to_str().unwrap()])).trim(), code);
    let (svg, png) = (dir.path().join("q.svg"), dir.path().join("q.png"));
    let out = ok(proprio(
        &db,
        &["plan", "qr", FULL, "--svg", svg.to_str().unwrap(), "--png", png.to_str().unwrap()],
    ));
    assert!(out.contains('█') && out.trim_end().ends_with(&code), "{out}");
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    assert!(!db.exists(), "the therapist's tools need no database");
    let mut typo = code.clone().into_bytes();
    typo[40] = if typo[40] == b'Q' { b'R' } else { b'Q' };
    let err = refused(proprio(&db, &["plan", "decode", std::str::from_utf8(&typo).unwrap()]));
    assert!(err.contains("mistyped"), "{err}");
    let nowhere = dir.path().join("no/such/q.png");
    refused(proprio(&db, &["plan", "qr", FULL, "--png", nowhere.to_str().unwrap()]));
    // Importing the code gives the same plan as the file.
    ok(proprio(&db, &["plan", "import", "--code", &code]));
    assert_eq!(ok(proprio(&db, &["plan", "code"])).trim(), code);
}
