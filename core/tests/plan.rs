//! The therapist's plan through the public API: every import error path refuses the
//! whole plan and changes nothing; a plan that imports applies its parameters to the
//! next sessions, its reminder times and targets to the settings, its tracks to the
//! profile, lists what changed and is kept in the history; share codes import the same.

use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{
    AffectedArea, LeftRightSettings, PlanChange, PlanSource, Proprio, ProprioError, SessionKind, Stage,
    WallTime, plan_from_code, plan_qr_png, plan_qr_svg, plan_to_code,
};
use std::path::Path;
use std::sync::Arc;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plans");

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

fn open() -> (tempfile::TempDir, Arc<Proprio>) {
    let dir = tempfile::tempdir().unwrap();
    let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), now()).unwrap();
    (dir, p)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap()
}

fn left_right(p: &Proprio) -> proprio_core::LeftRightStart {
    let settings = LeftRightSettings {
        body_part: BodyPart::Hand,
        count: None,
        time_limit_ms: None,
        feedback: None,
        level: None,
        seed: Some(7),
        practice: None,
    };
    p.start_left_right(settings, now()).unwrap()
}

/// Everything an import could change, to compare before and after a refusal.
fn state(p: &Proprio) -> String {
    format!(
        "{:?} {:?} {:?} {:?}",
        p.plan_history().unwrap(),
        p.reminder_settings().unwrap(),
        p.profile().unwrap().affected,
        p.parameters().unwrap()
    )
}

fn problem_paths(e: ProprioError) -> Vec<String> {
    match e {
        ProprioError::InvalidPlan { problems } => problems.into_iter().map(|p| p.path).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_fixture_plan_imports_and_every_broken_one_is_refused_whole() {
    let expected = [
        ("bad-window", "reminders.window"),
        ("locked-and-skipped", "tracks[0].stages[0]"),
        ("long-instructions", "instructions"),
        ("min-days", "tracks[0].stages[2].min_days"),
        ("out-of-range-parameter", "parameters.images_per_session"),
        ("too-many-targets", "daily_targets.mirror"),
        ("unknown-field", "colour"),
        ("unknown-parameter", "parameters.brightness"),
        ("unknown-stage", "tracks[0].stages[1].stage"),
        ("unknown-stage-field", "tracks[0].stages[1].speed"),
        ("wrong-type", "parameters.time_limit_ms"),
        ("duplicate-body-part", "tracks[1].body_part"),
        ("mirror-on-resolve", "tracks[1].stages[0].stage"),
        ("missing-stage", "tracks[0].stages"),
        ("two-locks", "tracks[0].stages[1].locked"),
    ];
    let (_dir, p) = open();
    let before = state(&p);
    let mut seen = 0;
    for folder in ["invalid", "invalid-rules"] {
        for file in std::fs::read_dir(Path::new(FIXTURES).join(folder)).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_stem().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let err = p.import_plan(text, now()).unwrap_err();
            if name == "newer-version" {
                assert!(matches!(err, ProprioError::NewerPlan { found: 2, supported: 1 }), "{err:?}");
                assert!(err.to_string().contains("update the app"));
            } else {
                let (_, want) = expected.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("{name}"));
                assert_eq!(problem_paths(err), vec![want.to_string()], "{name}");
            }
            seen += 1;
            assert_eq!(state(&p), before, "{name} changed something");
        }
    }
    assert_eq!(seen, expected.len() + 1);
    for file in std::fs::read_dir(Path::new(FIXTURES).join("valid")).unwrap() {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        p.import_plan(text, now()).unwrap();
    }
    assert_eq!(p.plan_history().unwrap().len(), 3);
}

#[test]
fn not_json_empty_and_too_large_are_refused() {
    let (_dir, p) = open();
    for (text, words) in [
        ("", "is empty"),
        ("plan please", "not JSON"),
        ("{\"format\":\"proprio-plan\"", "not JSON"),
        ("{}", "not a plan"),
    ] {
        let err = p.import_plan(text.into(), now()).unwrap_err().to_string();
        assert!(err.contains(words), "{text}: {err}");
    }
    let big = " ".repeat(proprio_core::MAX_PLAN_BYTES + 1);
    assert!(p.import_plan(big, now()).unwrap_err().to_string().contains("at most"));
    let err = p.import_plan(fixture("valid/full.json"), WallTime { unix_ms: 0, zone: "UTC".into() });
    assert!(matches!(err, Err(ProprioError::InvalidArgument { field, .. }) if field.starts_with("now")));
    assert!(p.plan_history().unwrap().is_empty());
}

#[test]
fn a_plan_sets_the_next_sessions_reminders_and_profile() {
    let (_dir, p) = open();
    assert_eq!(left_right(&p).first.total, 50, "the default before any plan");
    assert!(p.current_plan().unwrap().is_none());
    let entry = p.import_plan(fixture("valid/full.json"), now()).unwrap();
    assert_eq!(entry.source, PlanSource::File);
    let start = left_right(&p);
    assert_eq!((start.first.total, start.first.time_limit_ms), (30, 8000), "the plan's images_per_session");
    let table = p.parameters().unwrap();
    assert_eq!(table.iter().find(|r| r.key == "gate_accuracy").unwrap().value, 0.85);
    let session = p.start_session(SessionKind::MotorImagery, BodyPart::Hand, Some(1), now()).unwrap();
    assert_eq!(session.kind, SessionKind::MotorImagery);

    let s = p.reminder_settings().unwrap();
    assert_eq!((s.window_start_min, s.window_end_min), (540, 1230));
    assert_eq!(s.quiet_hours.len(), 2);
    assert_eq!((s.target(SessionKind::LeftRight), s.target(SessionKind::MotorImagery)), (3, 2));
    assert_eq!(
        p.profile().unwrap().affected,
        vec![
            AffectedArea { body_part: BodyPart::Hand, side: Side::Left },
            AffectedArea { body_part: BodyPart::Back, side: Side::Right }
        ]
        .into_iter()
        .rev()
        .collect::<Vec<_>>(),
        "sorted by body part"
    );

    let changes: Vec<&PlanChange> = entry.changes.iter().map(|c| &c.change).collect();
    assert_eq!(changes[0], &PlanChange::FirstPlan);
    assert!(changes.contains(&&PlanChange::Parameter {
        key: "images_per_session".into(),
        from: 50.0,
        to: 30.0
    }));
    assert!(changes.contains(&&PlanChange::DailyTarget { kind: SessionKind::MotorImagery, from: 0, to: 2 }));
    assert!(
        changes.contains(&&PlanChange::StageLocked { body_part: BodyPart::Hand, stage: Stage::LeftRight })
    );
    let texts: Vec<&str> = entry.changes.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&"Pictures per left/right session: 50 → 30."), "{texts:#?}");
}

#[test]
fn a_second_plan_lists_what_changed_and_the_history_keeps_both() {
    let (_dir, p) = open();
    p.import_plan(fixture("valid/full.json"), now()).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid/full.json")).unwrap();
    doc["parameters"]["images_per_session"] = serde_json::json!(40);
    doc["tracks"][0]["stages"][0]["locked"] = serde_json::json!(false);
    doc["instructions"] = serde_json::json!("Four sessions now.");
    let later = WallTime { unix_ms: now().unix_ms + 86_400_000, ..now() };
    p.set_language("de-DE".into());
    let entry = p.import_plan_code(plan_to_code(doc.to_string()).unwrap(), later.clone()).unwrap();
    assert_eq!(entry.source, PlanSource::Code);
    let changes: Vec<&PlanChange> = entry.changes.iter().map(|c| &c.change).collect();
    assert_eq!(
        changes,
        vec![
            &PlanChange::Parameter { key: "images_per_session".into(), from: 30.0, to: 40.0 },
            &PlanChange::StageUnlocked { body_part: BodyPart::Hand, stage: Stage::LeftRight },
            &PlanChange::Instructions { text: "Four sessions now.".into() },
        ]
    );
    assert_eq!(entry.changes[0].text, "Bilder pro Links-rechts-Übung: 30 → 40.");
    let history = p.plan_history().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].id, entry.id, "newest first");
    assert_eq!(p.current_plan().unwrap().unwrap().plan.instructions.as_deref(), Some("Four sessions now."));
    assert_eq!(left_right(&p).first.total, 40);
    let again = p.import_plan(doc.to_string(), later).unwrap();
    assert_eq!(again.changes.iter().map(|c| &c.change).collect::<Vec<_>>(), vec![&PlanChange::Unchanged]);
}

#[test]
fn a_plan_whose_window_the_patients_quiet_hours_cover_is_refused() {
    let (_dir, p) = open();
    let mut s = p.reminder_settings().unwrap();
    s.quiet_hours = vec![proprio_core::reminders::QuietHours { start_min: 9 * 60, end_min: 21 * 60 }];
    p.set_reminder_settings(s.clone()).unwrap();
    let plan = r#"{"format":"proprio-plan","format_version":1,"created":"2026-12-01",
                   "reminders":{"window":"10:00-20:00"}}"#;
    assert_eq!(problem_paths(p.import_plan(plan.into(), now()).unwrap_err()), vec!["reminders.quiet_hours"]);
    assert_eq!(p.reminder_settings().unwrap(), s);
    assert!(p.plan_history().unwrap().is_empty());
}

#[test]
fn share_codes_and_qr_codes_carry_the_same_plan() {
    let (_dir, p) = open();
    assert_eq!(p.plan_share_code().unwrap(), None);
    let entry = p.import_plan(fixture("valid/full.json"), now()).unwrap();
    let code = p.plan_share_code().unwrap().unwrap();
    assert_eq!(code, plan_to_code(fixture("valid/full.json")).unwrap());
    let json = plan_from_code(code.clone()).unwrap();
    assert_eq!(plan_to_code(json).unwrap(), code);
    assert!(plan_qr_svg(code.clone()).unwrap().contains("<svg"));
    assert!(plan_qr_png(code.clone()).unwrap().starts_with(b"\x89PNG"));
    let mut typo: Vec<char> = code.chars().collect();
    typo[30] = if typo[30] == 'x' { 'y' } else { 'x' };
    let typo: String = typo.into_iter().collect();
    for err in [
        plan_from_code(typo.clone()).unwrap_err(),
        plan_qr_svg(typo.clone()).unwrap_err(),
        p.import_plan_code(typo, now()).unwrap_err(),
    ] {
        assert!(matches!(&err, ProprioError::InvalidArgument { field, .. } if field == "code"), "{err:?}");
    }
    assert_eq!(p.plan_history().unwrap().len(), 1);
    assert_eq!(p.current_plan().unwrap().unwrap().plan, entry.plan);
}

#[test]
fn the_template_is_filled_from_the_profile_and_imports_unchanged() {
    let (_dir, p) = open();
    p.update_profile(proprio_core::ProfileUpdate {
        affected: Some(vec![AffectedArea { body_part: BodyPart::Foot, side: Side::Right }]),
        ..Default::default()
    })
    .unwrap();
    let template = p.plan_template(now()).unwrap();
    assert!(template.contains("\"created\": \"2026-11-18\""), "{template}");
    let entry = p.import_plan(template, now()).unwrap();
    let foot = &entry.plan.tracks[0];
    assert_eq!((foot.body_part, foot.side, foot.stages.len()), (BodyPart::Foot, Side::Right, 4));
    assert_eq!(left_right(&p).first.total, 50, "the template keeps the parameters in force");
}

#[test]
fn a_plans_daily_targets_stay_when_its_lock_moves_the_stage() {
    let (_dir, p) = open();
    let plan = r#"{"format": "proprio-plan", "format_version": 1, "created": "2026-11-30",
        "tracks": [{"body_part": "hand", "side": "left", "stages": [
            {"stage": "left-right"}, {"stage": "motor-imagery", "locked": true},
            {"stage": "mirror"}, {"stage": "graded-movement"}]}],
        "daily_targets": {"left-right": 4}}"#;
    p.import_plan(plan.into(), now()).unwrap();
    assert_eq!(p.today(now()).unwrap().stages[0].stage, Stage::MotorImagery);
    let s = p.reminder_settings().unwrap();
    assert_eq!(
        (s.target(SessionKind::LeftRight), s.target(SessionKind::MotorImagery)),
        (4, 0),
        "as the plan set them"
    );
}

/// What a preview's stage moves and an import's new stage history have in common.
fn moves(list: &[proprio_core::StageTransition]) -> Vec<String> {
    list.iter()
        .map(|t| {
            format!("{:?} {:?} {:?} {:?} {}", t.body_part, t.from_stage, t.to_stage, t.reason, t.sentence)
        })
        .collect()
}

/// Everything a preview could write, and the stage history.
fn everything(p: &Proprio) -> String {
    format!("{} {:?} {:?}", state(p), p.stage_history(None).unwrap(), p.status().unwrap())
}

/// Previews `code`, checks the preview wrote nothing, imports it and checks the import
/// did what the preview said.
fn preview_then_import(p: &Proprio, code: &str) -> proprio_core::PlanPreview {
    let before = everything(p);
    let history_before = p.stage_history(None).unwrap().len();
    let preview = p.preview_plan_code(code.into(), now()).unwrap();
    assert_eq!(everything(p), before, "a preview writes nothing");
    assert_eq!(preview.source, PlanSource::Code);
    let entry = p.import_plan_code(preview.text.clone(), now()).unwrap();
    assert_eq!(entry.plan, preview.plan);
    assert_eq!(entry.changes, preview.changes, "the import changes what the preview said");
    let stored = p.stage_history(None).unwrap();
    assert_eq!(
        moves(&stored[history_before..]),
        moves(&preview.stage_moves),
        "and moves the patient as it said"
    );
    preview
}

#[test]
fn a_preview_says_what_the_import_then_does_and_writes_nothing() {
    let (_dir, p) = open();
    let hand = Some(vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }]);
    p.update_profile(proprio_core::ProfileUpdate { affected: hand, ..Default::default() }).unwrap();
    p.today(now()).unwrap(); // the programme starts: left/right judgement
    let full = fixture("valid/full.json");
    let first = preview_then_import(&p, &plan_to_code(full.clone()).unwrap());
    assert_eq!(first.from_line, "From A. Therapist, Pain Clinic");
    assert_eq!(first.date_line, "Written on 30 November 2026");
    assert_eq!(first.changes[0].change, PlanChange::FirstPlan);
    assert!(!first.stage_moves.is_empty(), "the back's track starts");
    assert!(first.warnings.iter().any(|w| w.kind == proprio_core::PlanWarningKind::ChangesAreas));
    assert_eq!(first.confirm_label, "Use this plan");

    // A second plan locks motor imagery: the hand moves there on accepting.
    let mut doc: serde_json::Value = serde_json::from_str(&full).unwrap();
    doc["created"] = "2026-12-01".into();
    doc["tracks"][0]["stages"][0]["locked"] = false.into();
    doc["tracks"][0]["stages"][1]["locked"] = true.into();
    let second = preview_then_import(&p, &plan_to_code(doc.to_string()).unwrap());
    let hand_move = second.stage_moves.iter().find(|t| t.body_part == BodyPart::Hand).unwrap();
    assert_eq!((hand_move.from_stage, hand_move.to_stage), (Some(Stage::LeftRight), Stage::MotorImagery));
    assert!(second.changes.iter().any(
        |c| c.change == PlanChange::StageLocked { body_part: BodyPart::Hand, stage: Stage::MotorImagery }
    ));

    // The same plan again: nothing moves, and the preview says it is the same.
    let again = p.preview_plan_code(plan_to_code(doc.to_string()).unwrap(), now()).unwrap();
    assert!(again.stage_moves.is_empty());
    assert_eq!(again.changes.len(), 1);
    assert_eq!(again.changes[0].change, PlanChange::Unchanged);
    assert!(again.warnings.iter().any(|w| w.kind == proprio_core::PlanWarningKind::SameAsInForce));

    // The first plan again is older than the one in force.
    let old = p.preview_plan_file(full.into_bytes(), now()).unwrap();
    assert_eq!(old.source, PlanSource::File);
    assert!(old.warnings.iter().any(|w| w.kind == proprio_core::PlanWarningKind::OlderThanInForce));
}

#[test]
fn a_file_preview_accepts_with_the_file_import() {
    let (_dir, p) = open();
    let before = everything(&p);
    let preview = p.preview_plan_file(fixture("valid/full.json").into_bytes(), now()).unwrap();
    assert_eq!(everything(&p), before);
    let entry = p.import_plan(preview.text.clone(), now()).unwrap();
    assert_eq!((entry.source, &entry.changes), (PlanSource::File, &preview.changes));
}

#[test]
fn bad_codes_and_files_are_typed_worded_and_change_nothing() {
    use proprio_core::PlanReadProblem as P;
    let (_dir, p) = open();
    let code = plan_to_code(fixture("valid/full.json")).unwrap();
    let before = everything(&p);
    let problem = |e: ProprioError| match e {
        ProprioError::PlanNotRead { problem, sentence, details } => (problem, sentence, details.len()),
        other => panic!("{other:?}"),
    };
    let (kind, sentence, _) =
        problem(p.preview_plan_code(code[..code.len() - 40].into(), now()).unwrap_err());
    assert!(matches!(kind, P::Mistyped | P::Incomplete), "a cut code: {kind:?} {sentence}");
    let (kind, sentence, _) = problem(p.preview_plan_code("PLAN1.abc".into(), now()).unwrap_err());
    assert_eq!(
        (kind, sentence.as_str()),
        (P::Incomplete, "This code is not complete — check it was copied whole.")
    );
    assert_eq!(problem(p.preview_plan_code("Hello".into(), now()).unwrap_err()).0, P::NotACode);
    assert_eq!(problem(p.preview_plan_code("x".repeat(9000), now()).unwrap_err()).0, P::TooLong);
    assert_eq!(problem(p.preview_plan_file(vec![0xff, 0xfe, 0], now()).unwrap_err()).0, P::NotText);
    assert_eq!(problem(p.preview_plan_file(vec![b' '; 70_000], now()).unwrap_err()).0, P::TooLarge);
    let (kind, _, details) =
        problem(p.preview_plan_file(fixture("invalid/min-days.json").into_bytes(), now()).unwrap_err());
    assert_eq!((kind, details), (P::HasMistakes, 1));
    p.set_language("de".into());
    let (_, sentence, _) = problem(p.preview_plan_code("PLAN1.abc".into(), now()).unwrap_err());
    assert_eq!(sentence, "Dieser Code ist nicht vollständig — prüfe, ob er ganz kopiert wurde.");
    assert_eq!(everything(&p), before);
}

#[test]
fn the_plan_screen_shows_the_plan_in_force_the_history_and_the_ways_in() {
    let (_dir, p) = open();
    let empty = p.plan_screen().unwrap();
    assert_eq!(empty.in_force, vec!["No plan from your therapist yet.".to_string()]);
    assert!(empty.in_force_from.is_none() && empty.history.is_empty());
    let ways: Vec<&str> = empty.ways_in.iter().map(|w| w.label.as_str()).collect();
    assert_eq!(ways, ["Enter a code", "Open a file", "Scan a QR code"]);
    assert_eq!(empty.max_file_bytes, proprio_core::MAX_PLAN_BYTES as u64);
    p.import_plan_code(plan_to_code(fixture("valid/full.json")).unwrap(), now()).unwrap();
    let page = p.plan_screen().unwrap();
    assert_eq!(page.in_force_from.as_deref(), Some("From A. Therapist, Pain Clinic"));
    assert!(page.in_force_dates.unwrap().starts_with("Written on 30 November 2026; received on "));
    assert!(page.in_force[0].starts_with("Hand (left), graded motor imagery: "), "{:?}", page.in_force);
    assert_eq!(page.history.len(), 1);
    assert!(page.history[0].heading.ends_with(", as a code"), "{}", page.history[0].heading);
    assert_eq!(page.history[0].changes[0], "Your therapist's plan has arrived.");
}
