//! Guided sessions end to end through the public API: a week of each kind with its data
//! read back, invalid answers refused with the field named (and nothing written), the
//! desensitisation stop and ladder, exposure's fear rule, mirror progression and the
//! "felt worse" times, and a process killed mid-session losing no answer it was told
//! was saved.

use proprio_core::simulate::GuidedPatient;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{
    AffectedArea, Ending, Feeling, MirrorLevel, Offer, ProfileUpdate, Proprio, ProprioError, Region,
    SafetyKind, SessionKind, SessionState, StepAnswer, StepPurpose, TexturePhase, TransitionReason, WallTime,
};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;

const DAY_MS: i64 = 86_400_000;
/// 2026-11-02 09:00 in Europe/London.
const MONDAY_9AM: i64 = 1_793_610_000_000;
const DB_ENV: &str = "PROPRIO_GUIDED_CRASH_DB";

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/London".into() }
}

fn open() -> (tempfile::TempDir, Arc<Proprio>) {
    let dir = tempfile::tempdir().unwrap();
    let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(MONDAY_9AM)).unwrap();
    (dir, p)
}

fn field(e: ProprioError) -> String {
    match e {
        ProprioError::InvalidArgument { field, .. } => field,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_week_of_motor_imagery_is_stored_and_read_back() {
    let (_dir, p) = open();
    let left_hand = AffectedArea { body_part: BodyPart::Hand, side: Side::Left };
    p.update_profile(ProfileUpdate { affected: Some(vec![left_hand]), ..Default::default() }).unwrap();
    let patient = GuidedPatient { pain: 4, vividness: 2, ..Default::default() };
    for day in 0..7 {
        let start = at(MONDAY_9AM + day * DAY_MS);
        let first =
            p.start_guided(SessionKind::MotorImagery, BodyPart::Hand, Some(day as u64), start.clone());
        let first = first.unwrap();
        assert_eq!(
            (first.first.purpose, first.first.index, first.first.total),
            (StepPurpose::PainBefore, 0, 52)
        );
        p.abort_session(first.session.id, start.clone()).unwrap();
        let (r, end) =
            patient.run(&p, SessionKind::MotorImagery, BodyPart::Hand, Some(day as u64), start).unwrap();
        assert_eq!((r.ending, r.session.state), (Some(Ending::Completed), SessionState::Completed));
        assert_eq!((r.pain_before, r.pain_after, r.vividness), (Some(4), Some(4), Some(2)));
        // 24 holds of 10 s and 24 rests of 5 s: six minutes of imagery, plus the answers.
        let minutes = (end.unix_ms - MONDAY_9AM - day * DAY_MS) as f64 / 60_000.0;
        assert!((6.0..10.0).contains(&minutes), "{minutes}");
    }
    let guided: Vec<_> =
        p.sessions().unwrap().into_iter().filter(|s| s.state == SessionState::Completed).collect();
    assert_eq!(guided.len(), 7);
    // Pain before and after went into the journal, linked to each session.
    let journal = p.journal_entries().unwrap();
    assert_eq!(journal.len(), 14);
    assert!(guided.iter().all(|s| journal.iter().filter(|e| e.session_id == Some(s.id)).count() == 2));
    // Pictures show the affected (left) hand.
    let r = p.guided_results(guided[0].id).unwrap();
    assert_eq!((r.answered, r.total_steps, r.offer), (52, 52, None));
}

#[test]
fn imagery_pictures_are_of_the_affected_side() {
    let (_dir, p) = open();
    let right_foot = AffectedArea { body_part: BodyPart::Foot, side: Side::Right };
    p.update_profile(ProfileUpdate { affected: Some(vec![right_foot]), ..Default::default() }).unwrap();
    let s = p.start_guided(SessionKind::MotorImagery, BodyPart::Foot, Some(1), at(MONDAY_9AM)).unwrap();
    p.answer_step(s.session.id, 0, StepAnswer::Rating { value: 2 }, at(MONDAY_9AM + 1000)).unwrap();
    let next = p.answer_step(s.session.id, 1, StepAnswer::Done, at(MONDAY_9AM + 2000)).unwrap().next.unwrap();
    let picture = next.picture.clone().expect("an imagine step shows a picture");
    assert!(picture.starts_with("foot:right:"), "{picture}");
    let timer = next.timer.unwrap();
    assert_eq!((timer.seconds, next.purpose), (10, StepPurpose::Imagine));
    assert_eq!(p.current_step(s.session.id).unwrap().unwrap(), next, "current_step resumes at the same step");
}

#[test]
fn invalid_answers_are_refused_with_the_field_named_and_nothing_written() {
    let (_dir, p) = open();
    let s = p.start_guided(SessionKind::Mirror, BodyPart::Hand, Some(1), at(MONDAY_9AM)).unwrap();
    let id = s.session.id;
    let t = at(MONDAY_9AM + 1000);
    assert_eq!(
        field(p.answer_step(id, 0, StepAnswer::Rating { value: 11 }, t.clone()).unwrap_err()),
        "answer.value"
    );
    assert_eq!(field(p.answer_step(id, 0, StepAnswer::Done, t.clone()).unwrap_err()), "answer");
    assert_eq!(field(p.answer_step(id, 3, StepAnswer::Rating { value: 1 }, t.clone()).unwrap_err()), "index");
    assert_eq!(
        field(p.answer_step(id, 0, StepAnswer::Rating { value: 1 }, at(MONDAY_9AM - 1)).unwrap_err()),
        "now"
    );
    assert!(p.journal_entries().unwrap().is_empty(), "a refused pain rating is not journaled");
    p.answer_step(id, 0, StepAnswer::Rating { value: 1 }, t.clone()).unwrap();
    let long = "x".repeat(10_000);
    let err = p.answer_step(id, 1, StepAnswer::Choice { id: long }, t.clone()).unwrap_err();
    assert!(err.to_string().len() < 200, "the echo is bounded: {err}");
    assert_eq!(p.current_step(id).unwrap().unwrap().index, 1);
    assert!(matches!(p.finish_guided(id, t.clone()), Err(ProprioError::InvalidState { .. })));
    assert!(matches!(p.finish_session(id, t.clone()), Err(ProprioError::InvalidState { .. })));
    assert!(matches!(p.answer_step(999, 0, StepAnswer::Done, t.clone()), Err(ProprioError::NotFound { .. })));
    let lr = p.start_guided(SessionKind::LeftRight, BodyPart::Hand, None, t.clone()).unwrap_err();
    assert_eq!(field(lr), "kind");
    let back = p.start_guided(SessionKind::Mirror, BodyPart::Back, None, t.clone()).unwrap_err();
    assert_eq!(field(back), "body_part");
    let hand = p.start_guided(SessionKind::SensoryDiscrimination, BodyPart::Hand, None, t).unwrap_err();
    assert_eq!(field(hand), "body_part");
}

#[test]
fn stop_ends_a_session_as_aborted_with_every_answer_kept() {
    let (_dir, p) = open();
    let patient = GuidedPatient { stop_after: Some(6), ..Default::default() };
    let (r, _) =
        patient.run(&p, SessionKind::SensoryDiscrimination, BodyPart::Back, Some(3), at(MONDAY_9AM)).unwrap();
    assert_eq!((r.ending, r.session.state, r.answered), (Some(Ending::Stopped), SessionState::Aborted, 7));
    assert_eq!(r.trials, 2, "two helper prompts were answered before the stop");
    assert_eq!(p.sensory_accuracy(BodyPart::Back).unwrap().iter().map(|a| a.trials).sum::<u32>(), 2);
}

#[test]
fn a_week_of_desensitisation_moves_up_the_ladder_and_stops_above_three() {
    let (_dir, p) = open();
    let ladder = p.texture_ladder(BodyPart::Hand).unwrap();
    assert_eq!(ladder.textures, ["cotton ball", "silk", "soft towel", "denim", "everyday clothes"]);
    assert!(!ladder.custom);
    let calm = GuidedPatient { pain: 2, pain_during: 2, ..Default::default() };
    let spike = GuidedPatient { pain: 2, pain_during: 4, ..Default::default() };
    let mut offers = Vec::new();
    for day in 0..7 {
        for (slot, patient) in [&calm, &calm, if day == 1 { &spike } else { &calm }].into_iter().enumerate() {
            let start = at(MONDAY_9AM + day * DAY_MS + slot as i64 * 4 * 3_600_000);
            let (r, _) = patient.run(&p, SessionKind::Desensitisation, BodyPart::Hand, None, start).unwrap();
            if patient.pain_during == 4 {
                // Pain 4 at the first check: stopped there, kindly, and it counts as done.
                assert_eq!((r.ending, r.session.state), (Some(Ending::PainStop), SessionState::Completed));
                assert_eq!((r.answered, r.highest_pain_check, r.pain_after), (4, Some(4), None));
                assert!(r.message.contains("above 3 out of 10"), "{}", r.message);
            }
            offers.extend(r.offer);
        }
    }
    // Day 1: calm, calm (silk: 2 in a row after cotton ball's 3), spike resets silk.
    assert_eq!(offers[0], Offer::NextTexture { texture: "silk".into(), sessions: 3 });
    assert_eq!(offers[1], Offer::NextTexture { texture: "soft towel".into(), sessions: 3 });
    // 21 sessions, one stopped: 20 tolerated, 3 per texture (the stop cost silk its first
    // two): the five textures of phase one, then cotton ball of phase two.
    let ladder = p.texture_ladder(BodyPart::Hand).unwrap();
    assert_eq!((ladder.phase, ladder.current), (TexturePhase::ActiveMovement, 1), "{offers:?}");
    assert!(
        offers.contains(&Offer::NextPhase {
            phase: TexturePhase::ActiveMovement,
            texture: "cotton ball".into()
        })
    );
    // The patient writes their own ladder; its names are checked.
    let own = p.set_textures(vec![" wool ".into(), "linen".into()]).unwrap();
    assert_eq!(own, ["wool", "linen"]);
    assert!(p.texture_ladder(BodyPart::Hand).unwrap().custom);
    assert_eq!(field(p.set_textures(vec!["wool".into(), "WOOL".into()]).unwrap_err()), "textures[1]");
    assert_eq!(field(p.set_textures(Vec::new()).unwrap_err()), "textures");
    assert_eq!(
        p.texture_ladder(BodyPart::Hand).unwrap().textures,
        ["wool", "linen"],
        "a refused ladder changes nothing"
    );
    let s = p
        .start_guided(SessionKind::Desensitisation, BodyPart::Hand, None, at(MONDAY_9AM + 8 * DAY_MS))
        .unwrap();
    p.answer_step(s.session.id, 0, StepAnswer::Rating { value: 1 }, at(MONDAY_9AM + 8 * DAY_MS + 1)).unwrap();
    // The history is replayed against the new ladder: phase two's first texture was
    // tolerated three times, so the second is next.
    assert!(p.current_step(s.session.id).unwrap().unwrap().title.starts_with("linen"));
}

#[test]
fn a_week_of_mirror_therapy_progresses_and_felt_worse_is_kept_for_the_flare_rule() {
    let (_dir, p) = open();
    let fine = GuidedPatient::default();
    let worse = GuidedPatient { feeling: Feeling::Worse, ..Default::default() };
    let mut offers = Vec::new();
    let mut worse_at = Vec::new();
    for day in 0..7i64 {
        for slot in 0..2i64 {
            let patient = if day == 2 && slot == 0 { &worse } else { &fine };
            let start = at(MONDAY_9AM + day * DAY_MS + slot * 6 * 3_600_000);
            let (r, end) = patient.run(&p, SessionKind::Mirror, BodyPart::Foot, None, start).unwrap();
            if patient.feeling == Feeling::Worse {
                worse_at.push(end.unix_ms - 1000 - 2000);
                assert!(r.message.contains("common"), "{}", r.message);
            }
            offers.extend(r.offer);
        }
    }
    // 14 sessions, one felt worse: 13 count; levels change after 5 and 10.
    assert_eq!(
        offers,
        [
            Offer::MirrorLevel { level: MirrorLevel::AllMovements },
            Offer::MirrorLevel { level: MirrorLevel::BothLimbs }
        ]
    );
    let times = p.felt_worse_times(Some(BodyPart::Foot)).unwrap();
    assert_eq!(times.len(), 1);
    assert_eq!(p.felt_worse_times(None).unwrap(), times);
    assert!(p.felt_worse_times(Some(BodyPart::Hand)).unwrap().is_empty());
    assert!((times[0].unix_ms - worse_at[0]).abs() < 60_000, "{times:?} {worse_at:?}");
    let s = p.start_guided(SessionKind::Mirror, BodyPart::Foot, None, at(MONDAY_9AM + 8 * DAY_MS)).unwrap();
    let id = s.session.id;
    p.answer_step(id, 0, StepAnswer::Rating { value: 2 }, at(MONDAY_9AM + 8 * DAY_MS + 1)).unwrap();
    let placement =
        p.answer_step(id, 1, StepAnswer::Choice { id: "phone".into() }, at(MONDAY_9AM + 8 * DAY_MS + 2));
    assert!(placement.unwrap().next.unwrap().prompt.contains("selfie"));
}

#[test]
fn a_week_of_exposure_offers_the_next_step_when_fear_halves() {
    let (_dir, p) = open();
    assert!(matches!(
        p.start_guided(SessionKind::Exposure, BodyPart::Back, None, at(MONDAY_9AM)),
        Err(ProprioError::InvalidState { .. })
    ));
    let stairs = p.add_exposure_step("Climb one flight of stairs".into(), 60).unwrap();
    let bag = p.add_exposure_step("Carry a shopping bag".into(), 40).unwrap();
    assert_eq!(field(p.add_exposure_step("Reach overhead".into(), 101).unwrap_err()), "fear");
    assert_eq!(field(p.add_exposure_step("  ".into(), 50).unwrap_err()), "activity");
    let ladder = p.exposure_ladder().unwrap();
    assert_eq!(
        ladder.iter().map(|s| (s.id, s.current)).collect::<Vec<_>>(),
        [(bag.id, true), (stairs.id, false)]
    );
    let mut offers = Vec::new();
    for (day, fear_after) in [(0, 35), (1, 30), (2, 20), (3, 50), (4, 30), (5, 20), (6, 10)] {
        let patient = GuidedPatient { fear_before: 60, fear_after, ..Default::default() };
        let (r, _) = patient
            .run(&p, SessionKind::Exposure, BodyPart::Back, None, at(MONDAY_9AM + day * DAY_MS))
            .unwrap();
        assert_eq!(
            (r.fear_before, r.fear_after, r.expected_pain, r.actual_pain),
            (Some(60), Some(fear_after), Some(5), Some(3))
        );
        offers.push((day, r.passed, r.offer));
    }
    // The bag (40): 35 and 30 are above 20; 20 passes on day 2. Then the stairs (60):
    // 50 no, 30 passes on day 4; then every step is passed.
    assert_eq!(offers[0], (0, false, None));
    assert_eq!(
        offers[2],
        (2, true, Some(Offer::NextExposureStep { activity: "Climb one flight of stairs".into() }))
    );
    assert!(!offers[3].1);
    assert_eq!(offers[4], (4, true, Some(Offer::ExposureLadderDone)));
    let ladder = p.exposure_ladder().unwrap();
    assert!(ladder.iter().all(|s| s.passed));
    let bag_now = ladder.iter().find(|s| s.id == bag.id).unwrap();
    assert_eq!((bag_now.exposures, bag_now.last_fear_after), (3, Some(20)));
    let renamed = p.update_exposure_step(bag.id, Some("Carry two bags".into()), Some(70)).unwrap();
    assert_eq!((renamed.activity.as_str(), renamed.fear), ("Carry two bags", 70));
    p.remove_exposure_step(stairs.id).unwrap();
    assert!(matches!(p.remove_exposure_step(stairs.id), Err(ProprioError::NotFound { .. })));
    assert_eq!(p.exposure_ladder().unwrap().len(), 1);
}

#[test]
fn a_week_of_sensory_drills_gives_accuracy_per_region_over_time() {
    let (_dir, p) = open();
    for day in 0..7 {
        let patient =
            GuidedPatient { accuracy: 0.5 + day as f64 * 0.08, seed: day as u64, ..Default::default() };
        let (r, _) = patient
            .run(
                &p,
                SessionKind::SensoryDiscrimination,
                BodyPart::Back,
                Some(day as u64),
                at(MONDAY_9AM + day * DAY_MS),
            )
            .unwrap();
        assert_eq!((r.trials, r.ending), (20, Some(Ending::Completed)));
    }
    let acc = p.sensory_accuracy(BodyPart::Back).unwrap();
    assert_eq!(acc.iter().map(|a| a.trials).sum::<u32>(), 140);
    let sessions: std::collections::BTreeSet<i64> = acc.iter().map(|a| a.session_id).collect();
    assert_eq!(sessions.len(), 7);
    assert!(acc.windows(2).all(|w| w[0].started_at.unix_ms <= w[1].started_at.unix_ms));
    assert!(acc.iter().all(|a| a.accuracy == f64::from(a.correct) / f64::from(a.trials)));
    let first: u32 = acc.iter().filter(|a| a.session_id == acc[0].session_id).map(|a| a.correct).sum();
    let results = p.guided_results(acc[0].session_id).unwrap();
    assert_eq!(results.correct, first);
    let s = p
        .start_guided(
            SessionKind::SensoryDiscrimination,
            BodyPart::Neck,
            Some(1),
            at(MONDAY_9AM + 9 * DAY_MS),
        )
        .unwrap();
    p.answer_step(s.session.id, 0, StepAnswer::Rating { value: 0 }, at(MONDAY_9AM + 9 * DAY_MS + 1)).unwrap();
    let helper = p.answer_step(s.session.id, 1, StepAnswer::Done, at(MONDAY_9AM + 9 * DAY_MS + 2)).unwrap();
    let helper = helper.next.unwrap();
    assert_eq!(helper.purpose, StepPurpose::HelperCue);
    assert!(helper.sensory.is_some());
}

#[test]
fn german_patients_read_german_steps() {
    let (_dir, p) = open();
    p.set_language("de-AT".into());
    let s = p.start_guided(SessionKind::Desensitisation, BodyPart::Hand, None, at(MONDAY_9AM)).unwrap();
    assert_eq!(s.first.title, "Schmerz jetzt");
    assert_eq!(s.first.rating.unwrap().max_label, "Stärkster vorstellbarer Schmerz");
    assert_eq!(p.texture_ladder(BodyPart::Hand).unwrap().textures[0], "Wattebausch");
}

#[test]
#[ignore = "only runs as the child process of a_killed_session_loses_no_answer"]
fn child_answers_steps() {
    let db = std::env::var(DB_ENV).expect("run by the parent test");
    let p = Proprio::new(db, at(MONDAY_9AM)).unwrap();
    let patient = GuidedPatient::default();
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(1);
    let mut out = std::io::stdout().lock();
    let mut acked = 0;
    let mut t = MONDAY_9AM;
    loop {
        let s = p.start_guided(SessionKind::Desensitisation, BodyPart::Hand, None, at(t)).unwrap();
        let mut step = Some(s.first);
        while let Some(st) = step.take() {
            t += 1000;
            let answer = patient.answer(&st, None, &mut rng);
            step = p.answer_step(st.session_id, st.index, answer, at(t)).unwrap().next;
            writeln!(out, "\nack {acked}").unwrap();
            out.flush().unwrap();
            acked += 1;
        }
        t += 1000;
        p.finish_guided(s.session.id, at(t)).unwrap();
    }
}

#[test]
fn a_killed_session_loses_no_answer() {
    for kill_after in [1, 17, 40] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("crash.db");
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["child_answers_steps", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(DB_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let ack = |l: &str| l.strip_prefix("ack ")?.trim().parse::<u32>().ok();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut acked = 0;
        for line in lines.by_ref() {
            if let Some(i) = ack(&line.unwrap()) {
                acked = i + 1;
                if acked == kill_after {
                    child.kill().unwrap();
                    break;
                }
            }
        }
        if let Some(last) = lines.map_while(|l| l.ok()).filter_map(|l| ack(&l)).last() {
            acked = last + 1;
        }
        child.wait().unwrap();
        let p = Proprio::new(db.to_str().unwrap().into(), at(MONDAY_9AM)).unwrap();
        assert_eq!(p.integrity_check().unwrap(), "ok");
        let sessions = p.sessions().unwrap();
        let stored: u32 = sessions.iter().map(|s| p.guided_results(s.id).unwrap().answered).sum();
        assert!(stored == acked || stored == acked + 1, "acked {acked}, stored {stored}");
        let newest = &sessions[0];
        assert!(matches!(newest.state, SessionState::Interrupted | SessionState::Completed), "{newest:?}");
        if newest.state == SessionState::Interrupted {
            assert!(p.guided_results(newest.id).unwrap().message.contains("not finished"));
        }
        // Every pain before/after answered is in the journal too.
        let pains = p.journal_entries().unwrap().len() as u32;
        assert!(pains >= sessions.len() as u32 - 1, "{pains}");
    }
}

/// The flare rule reads what the mirror session stored: a session that felt worse makes
/// `today` ease the patient back, with a flare recorded in the stage history, and the
/// flare ends once the answer is older than the rule's window.
#[test]
fn a_mirror_session_that_felt_worse_starts_a_flare_that_today_shows() {
    let (_dir, p) = open();
    let left_foot = AffectedArea { body_part: BodyPart::Foot, side: Side::Left };
    p.update_profile(ProfileUpdate { affected: Some(vec![left_foot]), ..Default::default() }).unwrap();
    assert!(p.today(at(MONDAY_9AM)).unwrap().safety.iter().all(|s| s.kind != SafetyKind::Flare));
    let worse = GuidedPatient { feeling: Feeling::Worse, ..Default::default() };
    let (r, end) =
        worse.run(&p, SessionKind::Mirror, BodyPart::Foot, None, at(MONDAY_9AM + 3_600_000)).unwrap();
    assert_eq!(r.session.state, SessionState::Completed);
    let today = p.today(at(end.unix_ms + 60_000)).unwrap();
    let flare: Vec<_> = today.safety.iter().filter(|s| s.kind == SafetyKind::Flare).collect();
    assert_eq!(flare.len(), 1, "{:?}", today.safety);
    assert_eq!(flare[0].body_part, Some(BodyPart::Foot));
    assert!(!flare[0].sentence.to_lowercase().contains("push"), "{}", flare[0].sentence);
    let reasons: Vec<TransitionReason> =
        p.stage_history(Some(BodyPart::Foot)).unwrap().into_iter().map(|t| t.reason).collect();
    assert!(reasons.iter().any(|r| matches!(r, TransitionReason::FlareBegan { .. })), "{reasons:?}");
    // A week later, with nothing worse since, the flare is over.
    p.today(at(MONDAY_9AM + 7 * DAY_MS)).unwrap();
    let last = p.stage_history(Some(BodyPart::Foot)).unwrap().pop().unwrap();
    assert_eq!(last.reason, TransitionReason::FlareEnded);
}

#[test]
fn the_touch_ladder_screen_edits_one_texture_at_a_time_and_keeps_the_place() {
    let (_dir, p) = open();
    let form = p.texture_ladder_form(BodyPart::Hand).unwrap();
    let names: Vec<&str> = form.textures.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["cotton ball", "silk", "soft towel", "denim", "everyday clothes"]);
    assert_eq!(form.textures[0].summary, "texture 1 · practising now ▶");
    assert_eq!(
        form.now,
        "Now: cotton ball, touch with eyes open (texture 1 of 5), 0 of 3 calm sessions so far."
    );
    assert!(form.standard_label.is_none() && form.can_add && form.list_note.contains("standard"));
    let (first, last) = (&form.textures[0], form.textures.last().unwrap());
    assert_eq!(
        (first.can_move_up, first.can_move_down, last.can_move_up, last.can_move_down),
        (false, true, true, false)
    );
    // Three calm sessions on cotton ball: silk is next, cotton ball managed.
    let calm = GuidedPatient { pain: 2, pain_during: 2, ..Default::default() };
    for day in 0..3 {
        calm.run(&p, SessionKind::Desensitisation, BodyPart::Hand, None, at(MONDAY_9AM + day * DAY_MS))
            .unwrap();
    }
    let form = p.texture_ladder_form(BodyPart::Hand).unwrap();
    assert_eq!(
        form.textures.iter().map(|r| r.summary.as_str()).take(3).collect::<Vec<_>>(),
        ["texture 1 · managed ✓", "texture 2 · practising now ▶", "texture 3"]
    );

    use proprio_core::TextureEdit::*;
    let edit = |e| p.edit_texture_ladder(BodyPart::Hand, e);
    let form = edit(Add { name: " wool scarf ".into() }).unwrap();
    assert_eq!(form.textures.last().unwrap().name, "wool scarf");
    assert!(form.standard_label.is_some(), "an edit makes the list the patient's own");
    let form = edit(Rename { position: 1, name: "satin".into() }).unwrap();
    assert_eq!(form.textures[1].name, "satin");
    assert!(form.textures[1].current, "the place goes by position");
    let form = edit(MoveDown { position: 0 }).unwrap();
    assert_eq!((form.textures[0].name.as_str(), form.textures[1].name.as_str()), ("satin", "cotton ball"));
    let form = edit(MoveUp { position: 1 }).unwrap();
    assert_eq!(form.textures[0].name, "cotton ball");
    let form = edit(Remove { position: 5 }).unwrap();
    assert_eq!(form.textures.len(), 5);

    // Refusals name what is wrong and change nothing.
    let before = p.texture_ladder_form(BodyPart::Hand).unwrap();
    assert_eq!(field(edit(MoveUp { position: 0 }).unwrap_err()), "position");
    assert_eq!(field(edit(MoveDown { position: 4 }).unwrap_err()), "position");
    assert_eq!(field(edit(Remove { position: 9 }).unwrap_err()), "position");
    assert_eq!(field(edit(Add { name: "SATIN".into() }).unwrap_err()), "textures[5]");
    assert_eq!(field(edit(Rename { position: 0, name: "x".repeat(41) }).unwrap_err()), "textures[0]");
    assert_eq!(field(edit(Add { name: "tab\there".into() }).unwrap_err()), "textures[5]");
    assert_eq!(p.texture_ladder_form(BodyPart::Hand).unwrap(), before);
    for _ in 0..4 {
        edit(Remove { position: 0 }).unwrap();
    }
    let one = p.texture_ladder_form(BodyPart::Hand).unwrap();
    assert!(!one.textures[0].can_remove, "a ladder keeps one texture");
    assert_eq!(field(edit(Remove { position: 0 }).unwrap_err()), "textures");
    for k in 1..12 {
        edit(Add { name: format!("texture {k}") }).unwrap();
    }
    let full = p.texture_ladder_form(BodyPart::Hand).unwrap();
    assert!(!full.can_add && full.full.contains("12"));
    assert_eq!(field(edit(Add { name: "one more".into() }).unwrap_err()), "textures");

    // Back to the standard textures, in the patient's language.
    p.set_language("de".into());
    let form = edit(Standard).unwrap();
    assert_eq!(form.textures[0].name, "Wattebausch");
    assert!(form.standard_label.is_none());
    assert_eq!(form.textures[1].summary, "Material 2 · wird gerade geübt ▶");
}

#[test]
fn the_programme_screen_shows_touch_drills_by_region_last_and_first() {
    let (_dir, p) = open();
    let back = AffectedArea { body_part: BodyPart::Back, side: Side::Left };
    p.update_profile(ProfileUpdate { affected: Some(vec![back]), ..Default::default() }).unwrap();
    let screen = p.programme_screen(at(MONDAY_9AM)).unwrap();
    assert_eq!(screen.parts.len(), 1);
    let part = &screen.parts[0];
    assert_eq!(part.title, "Back");
    assert_eq!(part.stage, "Stage 1 of 4: sensory discrimination, day 1");
    assert!(part.touch.is_none(), "no drills yet");
    for day in 0..3 {
        let patient =
            GuidedPatient { accuracy: [0.3, 0.6, 1.0][day], seed: day as u64, ..Default::default() };
        patient
            .run(
                &p,
                SessionKind::SensoryDiscrimination,
                BodyPart::Back,
                Some(day as u64),
                at(MONDAY_9AM + day as i64 * DAY_MS),
            )
            .unwrap();
    }
    let screen = p.programme_screen(at(MONDAY_9AM + 3 * DAY_MS)).unwrap();
    let touch = screen.parts[0].touch.as_ref().unwrap();
    assert_eq!(touch.title, "Touch training: right answers by region (3 sessions)");
    assert!(touch.facts.len() <= 6 && !touch.facts.is_empty());
    let acc = p.sensory_accuracy(BodyPart::Back).unwrap();
    for fact in &touch.facts {
        let region = Region::ALL
            .iter()
            .find(|r| fact.label.to_lowercase() == r.as_str().replace('-', " "))
            .unwrap_or_else(|| panic!("{}", fact.label));
        let rows: Vec<_> = acc.iter().filter(|a| a.region == *region).collect();
        let last = rows.last().unwrap();
        assert!(fact.value.starts_with("last "), "{}", fact.value);
        assert!(fact.value.contains(&format!("({} of {})", last.correct, last.trials)), "{}", fact.value);
        assert_eq!(fact.value.contains(" · first "), rows.len() > 1, "{}", fact.value);
    }
    // Regions in the body's order, top left first.
    let order: Vec<usize> = touch
        .facts
        .iter()
        .map(|f| {
            Region::ALL.iter().position(|r| f.label.to_lowercase() == r.as_str().replace('-', " ")).unwrap()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}
