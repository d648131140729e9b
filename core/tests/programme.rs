//! The stage machine over simulated months, through the public API: a fast patient who
//! goes through every stage (never sooner than 14 days each), a slow one kept in stage 1
//! with the blockers named, one with a flare (eased back, not moved on during it, back
//! on track after), one under a therapist's lock, a skipped stage and a changed order.
//! Left/right sessions are answered by the virtual patient; the other kinds are started
//! and finished as a shell would. Pain is rated after every session.

use proprio_core::reminders::KindTarget;
use proprio_core::simulate::VirtualPatient;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{
    AffectedArea, GateBlocker, LeftRightSettings, NewJournalEntry, NextAction, ProfileUpdate, Proprio,
    SafetyKind, SessionKind, Stage, StageBlocker, StageDecision, StagePlan, StageTransition, Today, Track,
    TransitionOrigin, TransitionReason, WallTime,
};
use std::sync::Arc;

const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;
/// 2026-11-02 09:00 in Europe/London.
const MONDAY_9AM: i64 = 1_793_610_000_000;

fn at(day: i64, hour: i64) -> WallTime {
    WallTime { unix_ms: MONDAY_9AM + day * DAY_MS + hour * HOUR_MS, zone: "Europe/London".into() }
}

fn open() -> (tempfile::TempDir, Arc<Proprio>) {
    let dir = tempfile::tempdir().unwrap();
    let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(0, 0)).unwrap();
    let affected = vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }];
    p.update_profile(ProfileUpdate { affected: Some(affected), ..Default::default() }).unwrap();
    (dir, p)
}

fn good() -> VirtualPatient {
    VirtualPatient { accuracy: 0.99, rt_ms: 700.0, lapse_rate: 0.0, seed: 1, ..VirtualPatient::default() }
}

/// One day of practice as `today` asks for it (two sessions, each rated for pain after);
/// returns the pictures of each left/right session and the evening's `today`.
fn practise_day(
    p: &Proprio,
    patient: &VirtualPatient,
    day: i64,
    pain: u8,
    count: Option<u32>,
) -> (Vec<u32>, Today) {
    let mut pictures = Vec::new();
    for (i, hour) in [0, 6].into_iter().enumerate() {
        let stage = p.today(at(day, hour)).unwrap().stages[0].stage;
        let start = at(day, hour);
        let id = match stage {
            Stage::LeftRight => {
                let settings = LeftRightSettings {
                    body_part: BodyPart::Hand,
                    count,
                    time_limit_ms: None,
                    feedback: None,
                    level: None,
                    seed: Some((day * 2 + i as i64) as u64),
                    practice: None,
                };
                let r = patient.run(p, settings, start).unwrap();
                pictures.push(r.stats.left.n + r.stats.right.n);
                r.session_id
            }
            stage => {
                let s = p.start_session(stage.session_kind(), BodyPart::Hand, Some(1), start).unwrap();
                p.finish_session(s.id, at(day, hour + 1)).unwrap().id
            }
        };
        p.add_journal_entry(NewJournalEntry {
            at: at(day, hour + 1),
            pain,
            fear: None,
            medication: false,
            note: String::new(),
            session_id: Some(id),
            sleep: None,
        })
        .unwrap();
    }
    (pictures, p.today(at(day, 12)).unwrap())
}

/// Moves on: the gate-passed transitions of the hand.
fn moves(p: &Proprio) -> Vec<StageTransition> {
    p.stage_history(Some(BodyPart::Hand))
        .unwrap()
        .into_iter()
        .filter(|t| matches!(t.reason, TransitionReason::GatePassed { .. }))
        .collect()
}

/// The local day from day 0 (London is on UTC in November).
fn local_day(t: &WallTime) -> i64 {
    (t.unix_ms - (MONDAY_9AM - 9 * HOUR_MS)).div_euclid(DAY_MS)
}

#[test]
fn a_fast_patient_goes_through_every_stage_never_sooner_than_fourteen_days() {
    let (_d, p) = open();
    let first = p.today(at(0, -1)).unwrap();
    assert_eq!(first.next.action, NextAction::Practise);
    assert_eq!(first.next.images_per_session, Some(50));
    assert!(first.safety.iter().any(|s| s.kind == SafetyKind::CheckWithClinician), "{:?}", first.safety);
    let mut by_day = Vec::new();
    for day in 0..45 {
        let (_, today) = practise_day(&p, &good(), day, 3, Some(20));
        assert!(today.safety.iter().all(|s| s.kind != SafetyKind::CheckWithClinician));
        by_day.push(today.stages[0].stage);
    }
    let history = p.stage_history(Some(BodyPart::Hand)).unwrap();
    let stages: Vec<Stage> = history.iter().map(|t| t.to_stage).collect();
    assert_eq!(stages, [Stage::LeftRight, Stage::MotorImagery, Stage::Mirror, Stage::GradedMovement]);
    assert!(history.iter().all(|t| t.origin == TransitionOrigin::Automatic));
    for pair in history.windows(2) {
        let days = local_day(&pair[1].at) - local_day(&pair[0].at) + 1;
        assert!(days >= 14, "{:?} after {days} days", pair[1].to_stage);
        match pair[1].reason {
            TransitionReason::GatePassed { days_in_stage, min_days } => {
                assert!(days_in_stage >= 14 && min_days == 14, "{:?}", pair[1]);
            }
            ref other => panic!("{other:?}"),
        }
    }
    let entered: Vec<i64> = history.iter().map(|t| local_day(&t.at)).collect();
    assert_eq!(entered, [0, 13, 26, 39], "stages by day: {by_day:?}");
    let last = p.today(at(45, 12)).unwrap();
    let hand = &last.stages[0];
    assert_eq!((hand.stage, hand.position, hand.stages.len()), (Stage::GradedMovement, 4, 4));
    assert_eq!(hand.decision, StageDecision::Stay { blockers: vec![StageBlocker::LastStage] });
    assert!(hand.sentence.starts_with("You are at the last stage"), "{}", hand.sentence);
    assert!(
        moves(&p)[0].sentence.starts_with("Moved from left/right judgement to motor imagery after 14 days")
    );
    // The reminders moved with each stage: three a day, now of graded movement.
    let targets = p.reminder_settings().unwrap().targets;
    assert_eq!(targets, [KindTarget { kind: Stage::GradedMovement.session_kind(), per_day: 3 }]);
    assert_eq!((last.next.kind, last.next.target), (Some(Stage::GradedMovement.session_kind()), 3));
}

#[test]
fn reminders_keep_a_kind_another_body_part_still_practises() {
    let (_d, p) = open();
    let affected = vec![
        AffectedArea { body_part: BodyPart::Back, side: Side::Left },
        AffectedArea { body_part: BodyPart::Hand, side: Side::Left },
    ];
    p.update_profile(ProfileUpdate { affected: Some(affected), ..Default::default() }).unwrap();
    let today = p.today(at(0, 0)).unwrap();
    let stages: Vec<Stage> = today.stages.iter().map(|s| s.stage).collect();
    assert_eq!(stages, [Stage::SensoryDiscrimination, Stage::LeftRight]);
    let mut kinds: Vec<_> =
        p.reminder_settings().unwrap().targets.iter().map(|t| (t.kind, t.per_day)).collect();
    kinds.sort_by_key(|(k, _)| k.as_str());
    let mut want = [(SessionKind::LeftRight, 3), (Stage::SensoryDiscrimination.session_kind(), 3)];
    want.sort_by_key(|(k, _)| k.as_str());
    assert_eq!(kinds, want, "the back's sensory drills join the hand's left/right, which stays");
}

#[test]
fn a_slow_patient_stays_in_stage_one_and_is_told_what_blocks_it() {
    let (_d, p) = open();
    let slow = VirtualPatient { accuracy: 0.87, rt_ms: 900.0, seed: 2, ..VirtualPatient::default() };
    for day in 0..30 {
        practise_day(&p, &slow, day, 3, Some(20));
    }
    let today = p.today(at(30, 12)).unwrap();
    let hand = &today.stages[0];
    assert_eq!((hand.stage, hand.days_in_stage), (Stage::LeftRight, 31));
    let StageDecision::Stay { blockers } = &hand.decision else { panic!("{:?}", hand.decision) };
    assert!(
        blockers.iter().any(|b| matches!(
            b,
            StageBlocker::Laterality {
                gate: GateBlocker::AccuracyBelowGoal { .. } | GateBlocker::RecentDrop { .. }
            }
        )),
        "{blockers:?}"
    );
    assert!(hand.sentence.starts_with("Stay with left/right judgement for now"), "{}", hand.sentence);
    assert!(moves(&p).is_empty());
    p.set_language("de-DE".into());
    let de = p.today(at(30, 13)).unwrap();
    assert!(
        de.stages[0].sentence.starts_with("Bleib vorerst bei Links-rechts-Erkennen"),
        "{}",
        de.stages[0].sentence
    );
    assert!(de.next.sentence.starts_with("Als Nächstes"), "{}", de.next.sentence);
}

#[test]
fn a_flare_eases_back_holds_the_patient_and_ends_back_on_track() {
    let (_d, p) = open();
    // Pain 3 for ten days, 7 from day 10 to 14, then 3 again.
    let pain = |day: i64| if (10..15).contains(&day) { 7 } else { 3 };
    let mut flare_days = Vec::new();
    let mut pictures_by_day = Vec::new();
    for day in 0..20 {
        let (pictures, today) = practise_day(&p, &good(), day, pain(day), None);
        pictures_by_day.push(pictures);
        let hand = &today.stages[0];
        if hand.flare.is_empty() {
            continue;
        }
        flare_days.push(day);
        assert!(matches!(hand.decision, StageDecision::EaseBack { .. }), "day {day}: {:?}", hand.decision);
        assert_eq!(hand.stage, Stage::LeftRight, "never moved on during a flare");
        let safety: Vec<_> = today.safety.iter().filter(|s| s.kind == SafetyKind::Flare).collect();
        assert_eq!(safety.len(), 1);
        assert!(safety[0].sentence.contains("Early worsening is common"), "{}", safety[0].sentence);
        assert!(safety[0].sentence.contains("you never need to push through pain"), "{}", safety[0].sentence);
        assert!(hand.sentence.contains("25 pictures"), "{}", hand.sentence);
        assert_eq!((today.next.action, today.next.images_per_session), (NextAction::EaseBack, Some(25)));
    }
    // The third 7 was rated after day 11's first session, so its second session was the
    // first with fewer pictures; the first 3 again, after day 15's first session, ended it.
    assert_eq!(flare_days, [11, 12, 13, 14], "flare by day");
    assert_eq!(
        pictures_by_day[10..17],
        [vec![50, 50], vec![50, 25], vec![25, 25], vec![25, 25], vec![25, 25], vec![25], vec![]]
    );
    let history = p.stage_history(Some(BodyPart::Hand)).unwrap();
    let codes: Vec<String> = history
        .iter()
        .map(|t| serde_json::to_value(&t.reason).unwrap()["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, ["started", "flare-began", "flare-ended", "gate-passed"]);
    let began = &history[1];
    assert_eq!(
        (began.origin, began.from_stage, began.to_stage),
        (TransitionOrigin::Flare, Some(Stage::LeftRight), Stage::LeftRight)
    );
    let TransitionReason::FlareBegan { signs } = &began.reason else { panic!() };
    assert_eq!(signs.len(), 1, "{signs:?}");
    // Back on track: moved on the day the flare ended, its gate long met.
    assert_eq!(local_day(&history[2].at), 15);
    assert_eq!(local_day(&history[3].at), 15);
    assert_eq!(history[3].to_stage, Stage::MotorImagery);
}

#[test]
fn a_therapists_lock_holds_the_patient_until_it_is_lifted() {
    let (_d, p) = open();
    let locked = StagePlan { locked: Some(Stage::LeftRight), ..StagePlan::default_for(Track::Gmi) };
    let status = p.set_stage_plan(BodyPart::Hand, locked, at(0, -1)).unwrap();
    assert_eq!(status.decision, StageDecision::Locked);
    for day in 0..25 {
        let (_, today) = practise_day(&p, &good(), day, 3, Some(20));
        assert_eq!(today.stages[0].decision, StageDecision::Locked, "day {day}");
    }
    let today = p.today(at(25, 12)).unwrap();
    assert_eq!(
        today.stages[0].sentence,
        "Your therapist has asked you to stay with left/right judgement for now."
    );
    assert!(moves(&p).is_empty());
    // Lifted: the gate has long been met, so the patient moves on at once.
    let status = p.set_stage_plan(BodyPart::Hand, StagePlan::default_for(Track::Gmi), at(25, 13)).unwrap();
    assert_eq!(status.stage, Stage::MotorImagery);
    assert!(matches!(status.entered.reason, TransitionReason::GatePassed { days_in_stage: 26, .. }));
    assert_eq!(p.stage_plan(BodyPart::Hand).unwrap(), StagePlan::default_for(Track::Gmi));
}

#[test]
fn a_skipped_stage_is_passed_over_and_the_plans_order_is_followed() {
    // Motor imagery skipped: left/right, then mirror.
    let (_d, p) = open();
    let skip = StagePlan { skipped: vec![Stage::MotorImagery], ..StagePlan::default_for(Track::Gmi) };
    p.set_stage_plan(BodyPart::Hand, skip, at(0, -1)).unwrap();
    for day in 0..15 {
        practise_day(&p, &good(), day, 3, Some(20));
    }
    let moved: Vec<(Option<Stage>, Stage)> = moves(&p).iter().map(|t| (t.from_stage, t.to_stage)).collect();
    assert_eq!(moved, [(Some(Stage::LeftRight), Stage::Mirror)]);
    // The programme screen: the stage now, then the history newest first, dated.
    let screen = p.programme_screen(at(14, 12)).unwrap();
    let hand = &screen.parts[0];
    assert_eq!((screen.title.as_str(), hand.title.as_str()), ("Your programme", "Hand"));
    assert_eq!(screen.history_title, "So far, newest first");
    assert!(hand.stage.starts_with("Stage 2 of 3: mirror therapy, day "), "{}", hand.stage);
    assert_eq!(hand.sentence, p.today(at(14, 12)).unwrap().stages[0].sentence);
    let history = p.stage_history(Some(BodyPart::Hand)).unwrap();
    assert_eq!(hand.history.len(), history.len());
    assert_eq!(hand.history[0].sentence, history.last().unwrap().sentence, "newest first");
    assert_eq!(hand.history.last().unwrap().when, "2 November 2026");
    assert!(hand.touch.is_none(), "no touch drills on a hand's track");
    p.set_language("de".into());
    let de = p.programme_screen(at(14, 12)).unwrap();
    assert!(de.parts[0].stage.starts_with("Stufe 2 von 3: Spiegeltherapie, Tag "), "{}", de.parts[0].stage);
    assert_eq!(de.parts[0].history.last().unwrap().when, "2. November 2026");
    p.set_language("en".into());
    // Left/right's three a day moved to mirror therapy with the stage.
    let evening = p.today(at(14, 12)).unwrap();
    assert_eq!((evening.stages[0].position, evening.stages[0].stages.len()), (2, 3));
    assert_eq!(evening.next.action, NextAction::Practise, "{:?} {:?}", evening.next, evening.progress);
    assert_eq!(evening.next.sentence, "Next: mirror therapy (hand). 2 of 3 done today.");
    let morning = p.today(at(15, -1)).unwrap();
    assert_eq!(morning.next.kind, Some(proprio_core::SessionKind::Mirror));
    assert_eq!(morning.next.sentence, "Next: mirror therapy (hand). 0 of 3 done today.");

    // Imagery first, then left/right: the order is the plan's.
    let (_d, p) = open();
    let order = StagePlan {
        order: vec![Stage::MotorImagery, Stage::LeftRight, Stage::Mirror, Stage::GradedMovement],
        ..StagePlan::default_for(Track::Gmi)
    };
    let status = p.set_stage_plan(BodyPart::Hand, order, at(0, -1)).unwrap();
    assert_eq!(status.stage, Stage::MotorImagery);
    assert_eq!(status.entered.origin, TransitionOrigin::Automatic);
    for day in 0..15 {
        practise_day(&p, &good(), day, 3, Some(20));
    }
    let moved: Vec<(Option<Stage>, Stage, i64)> =
        moves(&p).iter().map(|t| (t.from_stage, t.to_stage, local_day(&t.at))).collect();
    assert_eq!(moved, [(Some(Stage::MotorImagery), Stage::LeftRight, 13)]);
}

#[test]
fn without_a_painful_area_today_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(0, 0)).unwrap();
    let today = p.today(at(0, 1)).unwrap();
    assert_eq!(today.next.action, NextAction::SetUp);
    assert!(today.stages.is_empty());
    assert_eq!(today.date, "2026-11-02");
    assert!(today.next_reminder.is_some());
    assert!(p.stage_history(None).unwrap().is_empty());
    let screen = p.programme_screen(at(0, 1)).unwrap();
    assert!(screen.parts.is_empty());
    assert_eq!(screen.empty, "Your programme starts when you have set up your profile.");
    let err = p.set_stage_plan(
        BodyPart::Hand,
        StagePlan { order: vec![], ..StagePlan::default_for(Track::Gmi) },
        at(0, 1),
    );
    assert!(
        matches!(err, Err(proprio_core::ProprioError::InvalidArgument { field, .. }) if field == "plan.order")
    );
}

#[test]
fn the_left_right_gate_counts_days_from_entering_the_stage() {
    let dir = tempfile::tempdir().unwrap();
    let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(0, 0)).unwrap();
    let affected = vec![AffectedArea { body_part: BodyPart::Back, side: Side::Left }];
    p.update_profile(ProfileUpdate { affected: Some(affected), ..Default::default() }).unwrap();
    // RESOLVE starts with sensory discrimination; left/right of back movements is second.
    assert_eq!(p.today(at(0, 0)).unwrap().stages[0].stage, Stage::SensoryDiscrimination);
    let settings = LeftRightSettings {
        body_part: BodyPart::Back,
        count: Some(10),
        time_limit_ms: None,
        feedback: None,
        level: None,
        seed: Some(1),
        practice: None,
    };
    good().run(&p, settings, at(0, 1)).unwrap();
    let skip =
        StagePlan { skipped: vec![Stage::SensoryDiscrimination], ..StagePlan::default_for(Track::Resolve) };
    assert_eq!(p.set_stage_plan(BodyPart::Back, skip, at(5, 0)).unwrap().stage, Stage::LeftRight);
    let overview = p.left_right_overview(BodyPart::Back, Some(0), at(6, 0)).unwrap();
    assert_eq!(overview.gate.days_in_stage, 2, "day 2 of the stage, not day 7 of left/right practice");
}

#[test]
fn a_tapped_reminder_opens_the_session_its_kind_is_practised_in() {
    let (_d, p) = open();
    let today = p.reminders_today(at(0, 0)).unwrap();
    let reminder = today.remaining.iter().find(|r| r.kind == SessionKind::LeftRight).unwrap();
    let step = p.reminder_step(reminder.deep_link.clone(), at(0, 1)).unwrap();
    assert_eq!(
        (step.action, step.kind, step.body_part),
        (NextAction::Practise, Some(SessionKind::LeftRight), Some(BodyPart::Hand))
    );
    assert_eq!(step.images_per_session, Some(50));
    assert_eq!(step, p.today(at(0, 1)).unwrap().next, "the same step Today offers");
    // Desensitisation runs alongside any stage: the painful hand.
    let touch =
        p.reminder_step("proprio://practice?kind=desensitisation&reminder=x".into(), at(0, 1)).unwrap();
    assert_eq!((touch.kind, touch.body_part), (Some(SessionKind::Desensitisation), Some(BodyPart::Hand)));
    // A reminder for a stage the hand has not reached opens what Today offers.
    let mirror = p.reminder_step("proprio://practice?kind=mirror&reminder=x".into(), at(0, 1)).unwrap();
    assert_eq!(mirror.kind, Some(SessionKind::LeftRight));
    for bad in ["", "proprio://practice?kind=juggling", "https://example.org/?kind=mirror"] {
        assert!(
            matches!(p.reminder_step(bad.into(), at(0, 1)), Err(proprio_core::ProprioError::InvalidArgument { field, .. }) if field == "link"),
            "{bad}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let fresh = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(0, 0)).unwrap();
    let set_up = fresh.reminder_step(reminder.deep_link.clone(), at(0, 1)).unwrap();
    assert_eq!((set_up.action, set_up.kind), (NextAction::SetUp, None));
}
