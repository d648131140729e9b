//! Exports end to end: a simulated patient's JSON export restores into an empty database
//! with the same numbers; a bad, tampered or newer backup changes nothing; the CSV
//! tables and the HLJT-compatible trials read back as a spreadsheet or R would.

use proprio_core::simulate::VirtualPatient;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{
    AffectedArea, ExportFormat, LeftRightSettings, NewJournalEntry, ProfileUpdate, Proprio, ProprioError,
    Stage, StagePlan, Track, WallTime,
};
use std::sync::Arc;

const DAY_MS: i64 = 86_400_000;
/// 2026-11-02 09:00 in Europe/London.
const MONDAY_9AM: i64 = 1_793_610_000_000;

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/London".into() }
}

fn open(dir: &tempfile::TempDir, name: &str) -> Arc<Proprio> {
    Proprio::new(dir.path().join(name).to_str().unwrap().into(), at(MONDAY_9AM)).unwrap()
}

/// Four days of practice for a patient with an affected left hand, with journal notes.
fn practised(p: &Proprio) {
    let mut settings = p.reminder_settings().unwrap();
    settings.window_start_min = 9 * 60;
    settings.learn_my_times = true;
    p.set_reminder_settings(settings).unwrap();
    let plan = p.plan_reminders(at(MONDAY_9AM), 1, Vec::new()).unwrap();
    let first = &plan.reminders[0];
    p.report_reminder_delivered(first.id.clone(), at(first.fire_at_ms)).unwrap();
    let affected = vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }];
    p.update_profile(ProfileUpdate { affected: Some(affected), skin_tone: Some(4), ..Default::default() })
        .unwrap();
    let patient = VirtualPatient {
        slower_side: Some(Side::Left),
        slowdown_ms: 400.0,
        seed: 7,
        ..VirtualPatient::default()
    };
    for day in 0..4 {
        for (i, body) in [BodyPart::Hand, BodyPart::Foot].into_iter().enumerate() {
            let settings = LeftRightSettings {
                body_part: body,
                count: Some(20),
                time_limit_ms: None,
                feedback: None,
                level: None,
                seed: Some(day as u64 * 2 + i as u64),
                practice: Some(if day == 0 { 2 } else { 0 }),
            };
            let r = patient.run(p, settings, at(MONDAY_9AM + day * DAY_MS + i as i64 * 3_600_000)).unwrap();
            p.add_journal_entry(NewJournalEntry {
                at: at(MONDAY_9AM + day * DAY_MS + 2 * 3_600_000),
                pain: 5 - day as u8,
                fear: Some(3),
                medication: day % 2 == 0,
                sleep: None,
                note: format!("day {day}, \"stairs\", then rest\nsecond line"),
                session_id: Some(r.session_id),
            })
            .unwrap();
        }
    }
    p.add_journal_entry(NewJournalEntry {
        at: at(MONDAY_9AM + 5 * DAY_MS),
        pain: 2,
        fear: None,
        medication: false,
        sleep: None,
        note: "=HYPERLINK(\"x\")".into(),
        session_id: None,
    })
    .unwrap();
}

fn json(p: &Proprio) -> Vec<u8> {
    let mut files = p.export(ExportFormat::Json, None, None, at(MONDAY_9AM + 10 * DAY_MS)).unwrap();
    assert_eq!(files.len(), 1);
    files.remove(0).bytes
}

#[test]
fn a_backup_restores_into_an_empty_database_with_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let old = open(&dir, "old.db");
    practised(&old);
    let backup = json(&old);
    let new = open(&dir, "new.db");
    let summary = new.import_backup(backup.clone(), false).unwrap();
    assert_eq!((summary.sessions, summary.journal_entries), (8, 9));
    let now = at(MONDAY_9AM + 10 * DAY_MS);
    for body in [BodyPart::Hand, BodyPart::Foot] {
        assert_eq!(
            old.left_right_overview(body, None, now.clone()).unwrap(),
            new.left_right_overview(body, None, now.clone()).unwrap(),
            "{body}"
        );
    }
    assert_eq!(old.profile().unwrap(), new.profile().unwrap());
    assert_eq!(old.sessions().unwrap(), new.sessions().unwrap());
    assert_eq!(old.journal_entries().unwrap(), new.journal_entries().unwrap());
    assert_eq!(old.reminder_settings().unwrap(), new.reminder_settings().unwrap());
    assert_eq!(
        old.reminder_adherence(now.clone(), 7).unwrap(),
        new.reminder_adherence(now.clone(), 7).unwrap()
    );
    assert_eq!(
        old.plan_reminders(now.clone(), 3, Vec::new()).unwrap().reminders,
        new.plan_reminders(now.clone(), 3, Vec::new()).unwrap().reminders,
        "the restored phone plans the same reminders"
    );
    for s in old.sessions().unwrap() {
        assert_eq!(old.trials(s.id).unwrap(), new.trials(s.id).unwrap());
    }
    // The restored database goes on: the next session's level and pictures are the same.
    let next = |p: &Proprio| {
        let s = LeftRightSettings {
            body_part: BodyPart::Hand,
            count: Some(20),
            time_limit_ms: None,
            feedback: None,
            level: None,
            seed: Some(99),
            practice: None,
        };
        p.start_left_right(s, now.clone()).unwrap()
    };
    let (a, b) = (next(&old), next(&new));
    assert_eq!((a.level, a.first.stimulus), (b.level, b.first.stimulus));
    // Exporting the restored database gives the same document but for its date.
    let again: serde_json::Value = serde_json::from_slice(&json(&new)).unwrap();
    let first: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    assert_eq!(again["sessions"].as_array().unwrap().len(), first["sessions"].as_array().unwrap().len() + 1);
    assert_eq!(again["journal"], first["journal"]);
}

#[test]
fn a_database_with_data_is_replaced_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let old = open(&dir, "old.db");
    practised(&old);
    let backup = json(&old);
    let other = open(&dir, "other.db");
    other
        .add_journal_entry(NewJournalEntry {
            at: at(MONDAY_9AM),
            pain: 1,
            fear: None,
            medication: false,
            sleep: None,
            note: String::new(),
            session_id: None,
        })
        .unwrap();
    let locked = StagePlan { locked: Some(Stage::Mirror), ..StagePlan::default_for(Track::Gmi) };
    other.set_stage_plan(BodyPart::Hand, locked, at(MONDAY_9AM)).unwrap();
    assert!(matches!(other.import_backup(backup.clone(), false), Err(ProprioError::InvalidState { .. })));
    assert_eq!(other.journal_entries().unwrap().len(), 1, "nothing changed");
    other.import_backup(backup, true).unwrap();
    assert_eq!(other.journal_entries().unwrap(), old.journal_entries().unwrap());
    // The replaced patient's stage plan and history go with the rest of their data.
    assert!(other.stage_history(None).unwrap().is_empty());
    assert_eq!(other.stage_plan(BodyPart::Hand).unwrap(), StagePlan::default_for(Track::Gmi));
}

#[test]
fn bad_backups_name_what_is_wrong_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let old = open(&dir, "old.db");
    practised(&old);
    let backup = json(&old);
    let new = open(&dir, "new.db");
    let field = |bytes: Vec<u8>| match new.import_backup(bytes, false) {
        Err(ProprioError::InvalidArgument { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(field(backup[..backup.len() / 2].to_vec()), "backup");
    assert_eq!(field(b"{}".to_vec()), "backup");
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    doc["format_version"] = 99.into();
    assert_eq!(field(serde_json::to_vec(&doc).unwrap()), "backup.format_version");
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    doc["sessions"][2]["trials"][3]["stimulus_id"] = "hand:left:back:fist:000:s4:none:v9".into();
    assert_eq!(field(serde_json::to_vec(&doc).unwrap()), "backup.sessions[2].trials[3].stimulus_id");
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    doc["sessions"][1]["trials"][0]["side"] =
        if doc["sessions"][1]["trials"][0]["side"] == "left" { "right" } else { "left" }.into();
    assert_eq!(field(serde_json::to_vec(&doc).unwrap()), "backup.sessions[1].trials[0].stimulus");
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    doc["journal"][0]["pain"] = 11.into();
    assert_eq!(field(serde_json::to_vec(&doc).unwrap()), "backup.journal[0].entry");
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    doc["journal"][0]["session_id"] = 999.into();
    assert_eq!(field(serde_json::to_vec(&doc).unwrap()), "backup.journal[0].session_id");
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    doc["reminders"]["events"][0]["event"] = "exploded".into();
    assert_eq!(field(serde_json::to_vec(&doc).unwrap()), "backup.reminders.events[0].event");
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    doc["reminders"]["settings"]["window_end_min"] = 60.into();
    assert_eq!(field(serde_json::to_vec(&doc).unwrap()), "backup.reminders.settings");
    let s = new.status().unwrap();
    assert_eq!((s.sessions, s.trials, s.journal_entries), (0, 0, 0), "nothing was written");
}

#[test]
fn csv_tables_read_back_as_a_spreadsheet_would() {
    let dir = tempfile::tempdir().unwrap();
    let p = open(&dir, "p.db");
    practised(&p);
    let files = p.export(ExportFormat::Csv, None, None, at(MONDAY_9AM + 10 * DAY_MS)).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["trials.csv", "sessions.csv", "journal.csv"]);
    let read = |i: usize| {
        let mut r = csv::Reader::from_reader(files[i].bytes.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<Vec<String>> =
            r.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
        (header, rows)
    };
    let (header, trials) = read(0);
    let total: usize = p.sessions().unwrap().iter().map(|s| p.trials(s.id).unwrap().len()).sum();
    assert_eq!(trials.len(), total);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(trials.iter().all(|r| r[col("session_started_at")].ends_with("+00:00")), "ISO 8601 with offset");
    assert_eq!(trials.iter().filter(|r| r[col("practice")] == "1").count(), 4);
    let rt: f64 = trials[5][col("rt_ms")].parse().unwrap();
    assert!(rt > 100.0, "a decimal point, not a comma: {rt}");
    let (_, sessions) = read(1);
    assert_eq!(sessions.len(), 8);
    let (jh, journal) = read(2);
    let note = jh.iter().position(|h| h == "note").unwrap();
    assert_eq!(
        journal[0][note], "day 0, \"stairs\", then rest\nsecond line",
        "quotes, commas and newlines survive"
    );
    assert_eq!(journal[8][note], "'=HYPERLINK(\"x\")", "a formula is not run by the spreadsheet");
}

#[test]
fn hljt_trials_use_the_task_columns_and_codings_and_the_date_range_applies() {
    let dir = tempfile::tempdir().unwrap();
    let p = open(&dir, "p.db");
    practised(&p);
    let files = p
        .export(
            ExportFormat::Hljt,
            Some("2026-11-03".into()),
            Some("2026-11-04".into()),
            at(MONDAY_9AM + 10 * DAY_MS),
        )
        .unwrap();
    let mut r = csv::Reader::from_reader(files[0].bytes.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    for needed in [
        "participant",
        "session",
        "language_code",
        "response_mode",
        "practice_block",
        "n_angles",
        "hand_views",
        "n_reps",
        "feedback",
        "date",
        "psychopyVersion",
        "frameRate",
        "completion_time",
        "test_block.thisN",
        "hljt_angle",
        "hljt_view",
        "hljt_side",
        "hljt_direction",
        "hljt_images",
        "test_hljt_response.keys",
        "test_hljt_response.corr",
        "test_hljt_response.rt",
    ] {
        assert!(header.iter().any(|h| h == needed), "{needed}");
    }
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(!rows.is_empty());
    let sessions: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[col("session")]).collect();
    assert_eq!(sessions.len(), 2, "hand sessions of 3 and 4 November only: {sessions:?}");
    for row in &rows {
        assert!(["dorsal", "palmar"].contains(&&row[col("hljt_view")]));
        assert!(["up", "down", "medial", "lateral"].contains(&&row[col("hljt_direction")]));
        let key = &row[col("test_hljt_response.keys")];
        assert!(["s", "l", ""].contains(&key), "{key}");
        if !key.is_empty() {
            let rt: f64 = row[col("test_hljt_response.rt")].parse().unwrap();
            assert!((0.05..10.0).contains(&rt), "seconds: {rt}");
        }
    }
    let bad = p.export(ExportFormat::Json, Some("3 Nov".into()), None, at(MONDAY_9AM));
    assert!(
        matches!(bad, Err(ProprioError::InvalidArgument { ref field, .. }) if field == "from"),
        "{bad:?}"
    );
}

#[test]
fn the_report_is_one_self_contained_page_from_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let p = open(&dir, "p.db");
    practised(&p);
    let html = String::from_utf8(proprio_core::render_report(json(&p)).unwrap()).unwrap();
    let code = p.profile().unwrap().code;
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains(&code));
    assert!(
        html.contains("stage 1 (left/right judgement)"),
        "the first screen says where the patient stands"
    );
    assert!(html.contains("left (affected)"), "the affected side is marked");
    assert_eq!(html.matches("<svg").count(), 5, "accuracy and RT for hand and foot, and pain");
    for external in ["http://", "https://", "<script", "<link", "src="] {
        assert!(!html.contains(external), "no network, no scripts: found {external}");
    }
    assert!(html.contains("&quot;stairs&quot;"), "notes are escaped text");
    assert!(html.contains("@page{size:A4"));
    let bad = proprio_core::render_report(br#"{"format":"other","format_version":1}"#.to_vec());
    assert!(matches!(bad, Err(ProprioError::InvalidArgument { .. })), "{bad:?}");
}

/// Random damage to a real backup (flipped bytes, cut ends, spliced pieces): each
/// import is a restore or a typed error, never a panic, and a refused one writes nothing.
#[test]
fn damaged_backups_never_panic_and_never_half_restore() {
    use rand::{Rng, SeedableRng};
    let dir = tempfile::tempdir().unwrap();
    let old = open(&dir, "old.db");
    practised(&old);
    let backup = json(&old);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    for round in 0..150 {
        let mut bytes = backup.clone();
        match round % 3 {
            0 => {
                for _ in 0..rng.random_range(1..8) {
                    let i = rng.random_range(0..bytes.len());
                    bytes[i] = rng.random();
                }
            }
            1 => bytes.truncate(rng.random_range(0..bytes.len())),
            _ => {
                let (a, b) = (rng.random_range(0..bytes.len()), rng.random_range(0..bytes.len()));
                let piece = bytes[a.min(b)..a.max(b)].to_vec();
                let at = rng.random_range(0..bytes.len());
                bytes.splice(at..at, piece);
            }
        }
        let new = open(&dir, &format!("new{round}.db"));
        match new.import_backup(bytes, false) {
            Ok(summary) => assert_eq!(new.status().unwrap().sessions, u64::from(summary.sessions)),
            Err(ProprioError::InvalidArgument { .. } | ProprioError::InvalidState { .. }) => {
                let s = new.status().unwrap();
                assert_eq!((s.sessions, s.trials, s.journal_entries), (0, 0, 0), "round {round}");
            }
            Err(other) => panic!("round {round}: {other:?}"),
        }
        drop(new);
    }
}
