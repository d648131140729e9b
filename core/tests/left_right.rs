//! Left/right sessions end to end through the public API: timing edge cases, the
//! void/replace path, ending early, the gate across days and sides, and the level ladder.

use proprio_core::ProprioError;
use proprio_core::simulate::VirtualPatient;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{AffectedArea, ProfileUpdate, SessionState};
use proprio_core::{FeedbackVerdict, LeftRightSettings};
use proprio_core::{Proprio, WallTime};
use std::collections::HashSet;
use std::sync::Arc;

const MS: i64 = 1_000_000;
const DAY_MS: i64 = 86_400_000;
/// 2026-11-02 09:00 in Europe/London.
const MONDAY_9AM: i64 = 1_793_610_000_000;

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/London".into() }
}

fn open() -> (tempfile::TempDir, Arc<Proprio>) {
    let dir = tempfile::tempdir().unwrap();
    let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(MONDAY_9AM)).unwrap();
    (dir, p)
}

fn settings(body_part: BodyPart, count: u32, seed: u64) -> LeftRightSettings {
    LeftRightSettings {
        body_part,
        count: Some(count),
        time_limit_ms: None,
        feedback: None,
        level: None,
        seed: Some(seed),
        practice: None,
    }
}

fn other(side: Side) -> Side {
    if side == Side::Left { Side::Right } else { Side::Left }
}

fn field_of(err: ProprioError) -> String {
    match err {
        ProprioError::InvalidArgument { field, .. } => field,
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

#[test]
fn a_whole_session_scores_each_answer_and_summarises_per_side() {
    let (_dir, p) = open();
    p.update_profile(ProfileUpdate {
        affected: Some(vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }]),
        ..Default::default()
    })
    .unwrap();
    let start = p.start_left_right(settings(BodyPart::Hand, 10, 1), at(MONDAY_9AM)).unwrap();
    assert_eq!((start.level, start.first.position, start.first.total), (1, 1, 10));
    let mut prompt = Some(start.first);
    let mut t = 0;
    let mut seen = HashSet::new();
    while let Some(pr) = prompt {
        assert!(seen.insert(pr.stimulus_id.clone()), "no repeats");
        // Right pictures answered wrongly once; left ones slower.
        let rt = if pr.stimulus.side == Side::Left { 1400 } else { 900 };
        let answer = if pr.index == 1 { other(pr.stimulus.side) } else { pr.stimulus.side };
        let out = p.answer_trial(pr.session_id, pr.index, t, t + rt * MS, answer).unwrap();
        assert_eq!(out.correct, pr.index != 1);
        assert_eq!(out.rt_ms, Some(rt as f64));
        let feedback = out.feedback.unwrap();
        assert_eq!(feedback.show_ms, 500);
        let verdict = if pr.index == 1 { FeedbackVerdict::Wrong } else { FeedbackVerdict::Correct };
        assert_eq!(feedback.verdict, verdict);
        assert!(!feedback.text.is_empty());
        // The picture drawn ahead is the one that comes next.
        assert_eq!(out.next.as_ref().map(|n| n.stimulus), pr.next_stimulus);
        t += 3000 * MS;
        prompt = out.next;
    }
    let s = p.finish_session(start.session.id, at(MONDAY_9AM + 60_000)).unwrap();
    assert_eq!((s.state, s.trial_count), (SessionState::Completed, 10));
    let r = p.session_results(s.id, at(MONDAY_9AM + 60_000)).unwrap();
    assert_eq!((r.stats.left.n, r.stats.right.n), (5, 5));
    assert!(r.stats.left.affected && !r.stats.right.affected);
    assert_eq!(r.stats.left.median_rt_ms, Some(1400.0));
    assert_eq!(r.stats.right.median_rt_ms, Some(900.0));
    assert_eq!(r.stats.left.correct + r.stats.right.correct, 9);
    assert!(r.gate.verdict.starts_with("Not yet: 2 more complete sessions"), "{}", r.gate.verdict);
}

#[test]
fn timing_errors_are_typed_and_write_nothing() {
    let (_dir, p) = open();
    let first = p.start_left_right(settings(BodyPart::Foot, 10, 2), at(MONDAY_9AM)).unwrap().first;
    let id = first.session_id;
    let side = first.stimulus.side;
    assert_eq!(field_of(p.answer_trial(id, 0, 5 * MS, 4 * MS, side).unwrap_err()), "response_ns");
    assert_eq!(field_of(p.answer_trial(id, 0, -1, 4 * MS, side).unwrap_err()), "onset_ns");
    assert!(matches!(p.answer_trial(id, 3, 0, 900 * MS, side), Err(ProprioError::InvalidState { .. })));
    assert!(matches!(p.answer_trial(999, 0, 0, 900 * MS, side), Err(ProprioError::NotFound { .. })));
    assert!(p.trials(id).unwrap().is_empty(), "nothing written by refused calls");

    p.answer_trial(id, 0, 0, 900 * MS, side).unwrap();
    let twice = p.answer_trial(id, 0, 0, 900 * MS, side).unwrap_err();
    assert!(twice.to_string().contains("already answered"), "{twice}");
    assert_eq!(p.trials(id).unwrap().len(), 1);
}

#[test]
fn timeouts_anticipations_and_late_answers() {
    let (_dir, p) = open();
    let first = p.start_left_right(settings(BodyPart::Hand, 10, 3), at(MONDAY_9AM)).unwrap().first;
    let id = first.session_id;
    let out = p.time_out_trial(id, 0, 0).unwrap();
    assert!(out.timeout && !out.correct && out.rt_ms.is_none());
    let second = out.next.unwrap();
    // answered after the 5 s limit: a timeout, answer kept
    let late = p.answer_trial(id, 1, 0, 5_001 * MS, second.stimulus.side).unwrap();
    assert!(late.timeout && !late.correct);
    let third = late.next.unwrap();
    let fast = p.answer_trial(id, 2, 0, 120 * MS, third.stimulus.side).unwrap();
    assert!(fast.anticipation && fast.correct);
    let trials = p.trials(id).unwrap();
    assert_eq!(trials[1].answer, Some(second.stimulus.side));
    assert!(trials[1].timeout && trials[2].anticipation);
}

#[test]
fn a_voided_trial_is_replaced_by_a_fresh_picture_of_the_same_side() {
    let (_dir, p) = open();
    let start = p.start_left_right(settings(BodyPart::Back, 10, 4), at(MONDAY_9AM)).unwrap();
    let first = start.first;
    let replacement = p.void_trial(first.session_id, 0, Some(0)).unwrap();
    assert_eq!(replacement.index, 1);
    assert_eq!(replacement.position, 1, "still the first picture of the session");
    assert_eq!(replacement.stimulus.side, first.stimulus.side);
    assert_ne!(replacement.stimulus_id, first.stimulus_id);
    assert_eq!(p.current_trial(first.session_id).unwrap(), Some(replacement.clone()), "stable");
    let out = p.answer_trial(first.session_id, 1, 0, 800 * MS, replacement.stimulus.side).unwrap();
    assert_eq!((out.answered, out.total), (1, 10));
    let s = &p.sessions().unwrap()[0];
    assert_eq!((s.trial_count, s.voided_count), (1, 1));
    assert!(p.trials(first.session_id).unwrap()[0].voided);
}

#[test]
fn ending_early_keeps_answers_and_finishing_early_is_refused() {
    let (_dir, p) = open();
    let first = p.start_left_right(settings(BodyPart::Hand, 10, 5), at(MONDAY_9AM)).unwrap().first;
    p.answer_trial(first.session_id, 0, 0, 700 * MS, first.stimulus.side).unwrap();
    let err = p.finish_session(first.session_id, at(MONDAY_9AM + 1000)).unwrap_err();
    assert!(err.to_string().contains("9 of 10 pictures"), "{err}");
    let s = p.abort_session(first.session_id, at(MONDAY_9AM + 1000)).unwrap();
    assert_eq!((s.state, s.trial_count), (SessionState::Aborted, 1));
    assert!(matches!(
        p.answer_trial(first.session_id, 1, 0, 700 * MS, Side::Left),
        Err(ProprioError::InvalidState { .. })
    ));
}

#[test]
fn bad_settings_name_the_field() {
    let (_dir, p) = open();
    let cases = [
        (LeftRightSettings { count: Some(5), ..settings(BodyPart::Hand, 10, 1) }, "settings.count"),
        (LeftRightSettings { count: Some(101), ..settings(BodyPart::Hand, 10, 1) }, "settings.count"),
        (
            LeftRightSettings { time_limit_ms: Some(1999), ..settings(BodyPart::Hand, 10, 1) },
            "settings.time_limit_ms",
        ),
        (LeftRightSettings { level: Some(7), ..settings(BodyPart::Hand, 10, 1) }, "settings.level"),
        (LeftRightSettings { level: Some(0), ..settings(BodyPart::Hand, 10, 1) }, "settings.level"),
    ];
    for (bad, field) in cases {
        assert_eq!(field_of(p.start_left_right(bad, at(MONDAY_9AM)).unwrap_err()), field);
    }
    assert_eq!(
        field_of(p.start_left_right(settings(BodyPart::Hand, 10, 1), at(0)).unwrap_err()),
        "now.unix_ms"
    );
    assert!(p.sessions().unwrap().is_empty());
}

#[test]
fn the_same_seed_replays_the_same_session() {
    let (_d1, a) = open();
    let (_d2, b) = open();
    let first_a = a.start_left_right(settings(BodyPart::Knee, 20, 77), at(MONDAY_9AM)).unwrap();
    let first_b = b.start_left_right(settings(BodyPart::Knee, 20, 77), at(MONDAY_9AM)).unwrap();
    // skin tone differs per profile only if set; both default
    assert_eq!(first_a.first, first_b.first);
}

/// A steady patient: no angle or direction effect, no lapses or guesses.
fn patient(accuracy: f64, rt_ms: f64, slower: Option<(Side, f64)>, seed: u64) -> VirtualPatient {
    VirtualPatient {
        accuracy,
        rt_ms,
        slower_side: slower.map(|(s, _)| s),
        slowdown_ms: slower.map_or(0.0, |(_, d)| d),
        angle_cost_ms: 0.0,
        lateral_cost_ms: 0.0,
        lapse_rate: 0.0,
        seed,
        ..VirtualPatient::default()
    }
}

#[test]
fn the_gate_needs_sessions_on_two_days_at_the_gate_level_and_fourteen_days_in_stage() {
    let (_dir, p) = open();
    let good = patient(1.0, 900.0, None, 1);
    let s = |day: i64| at(MONDAY_9AM + day * DAY_MS);
    let at_top = |seed| LeftRightSettings { level: Some(6), ..settings(BodyPart::Hand, 20, seed) };
    let r1 = good.run(&p, at_top(1), s(0)).unwrap();
    assert!(!r1.gate.ready);
    let r2 = good.run(&p, at_top(2), s(0)).unwrap();
    assert!(r2.gate.verdict.contains("1 more complete session"), "{}", r2.gate.verdict);
    let r3 = good.run(&p, at_top(3), s(0)).unwrap();
    assert!(r3.gate.verdict.contains("different days"), "{}", r3.gate.verdict);
    let r4 = good.run(&p, at_top(4), s(1)).unwrap();
    assert!(r4.gate.verdict.contains("today is day 2"), "{}", r4.gate.verdict);
    let overview = p.left_right_overview(BodyPart::Hand, None, s(13)).unwrap();
    assert!(overview.gate.ready, "{}", overview.gate.verdict);
    assert_eq!(overview.history.len(), 4);
    // A good session at an easy level does not count towards the gate.
    good.run(&p, LeftRightSettings { level: Some(1), ..settings(BodyPart::Hand, 20, 5) }, s(13)).unwrap();
    let overview = p.left_right_overview(BodyPart::Hand, None, s(13)).unwrap();
    assert!(!overview.gate.ready && overview.gate.verdict.contains("level 1"), "{}", overview.gate.verdict);
    // another body part has its own gate
    assert!(!p.left_right_overview(BodyPart::Foot, None, s(13)).unwrap().gate.ready);
}

#[test]
fn a_slow_affected_side_keeps_the_gate_shut_and_is_named() {
    let (_dir, p) = open();
    let slow_left = patient(1.0, 1200.0, Some((Side::Left, 700.0)), 2);
    for day in 0..3 {
        let top = LeftRightSettings { level: Some(6), ..settings(BodyPart::Foot, 20, day as u64) };
        slow_left.run(&p, top, at(MONDAY_9AM + day * DAY_MS)).unwrap();
    }
    let o = p.left_right_overview(BodyPart::Foot, None, at(MONDAY_9AM + 20 * DAY_MS)).unwrap();
    assert!(!o.gate.ready);
    assert!(
        o.gate.verdict.starts_with("Not yet: your left side is 0.6 s slower than your right"),
        "{}",
        o.gate.verdict
    );
    let left = o.recent.left.median_rt_ms.unwrap();
    let right = o.recent.right.median_rt_ms.unwrap();
    assert!(left - right > 500.0, "{left} vs {right}");
}

#[test]
fn the_level_steps_up_with_mastery_and_down_after_poor_sessions() {
    let (_dir, p) = open();
    let good = patient(1.0, 800.0, None, 3);
    let poor = patient(0.4, 800.0, None, 4);
    let day = |d: i64| at(MONDAY_9AM + d * DAY_MS);
    good.run(&p, settings(BodyPart::Hand, 20, 1), day(0)).unwrap();
    let r = good.run(&p, settings(BodyPart::Hand, 20, 2), day(0)).unwrap();
    assert_eq!(r.level, 1);
    let next = p.start_left_right(settings(BodyPart::Hand, 20, 3), day(1)).unwrap();
    assert_eq!(next.level, 2, "two sessions at standard move up a level");
    p.abort_session(next.session.id, day(1)).unwrap();
    poor.run(&p, settings(BodyPart::Hand, 20, 4), day(2)).unwrap();
    poor.run(&p, settings(BodyPart::Hand, 20, 5), day(2)).unwrap();
    assert_eq!(
        p.left_right_overview(BodyPart::Hand, None, day(3)).unwrap().level,
        1,
        "two poor sessions move down"
    );
}

#[test]
fn a_killed_session_with_every_answer_in_reopens_as_completed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db").to_str().unwrap().to_string();
    let p = Proprio::new(path.clone(), at(MONDAY_9AM)).unwrap();
    let mut prompt = Some(p.start_left_right(settings(BodyPart::Neck, 10, 6), at(MONDAY_9AM)).unwrap().first);
    while let Some(pr) = prompt {
        prompt = p.answer_trial(pr.session_id, pr.index, 0, 800 * MS, pr.stimulus.side).unwrap().next;
    }
    let half = p.start_left_right(settings(BodyPart::Neck, 10, 7), at(MONDAY_9AM)).unwrap().first;
    p.answer_trial(half.session_id, 0, 0, 800 * MS, half.stimulus.side).unwrap();
    drop(p);
    let p = Proprio::new(path, at(MONDAY_9AM + 1000)).unwrap();
    let states: Vec<_> = p.sessions().unwrap().iter().map(|s| (s.state, s.trial_count)).collect();
    assert_eq!(states, vec![(SessionState::Interrupted, 1), (SessionState::Completed, 10)]);
    let history = p.left_right_overview(BodyPart::Neck, None, at(MONDAY_9AM + 1000)).unwrap().history;
    assert_eq!(history.len(), 2, "both summarised");
}

#[test]
fn a_practice_block_comes_first_and_is_never_scored() {
    let (_dir, p) = open();
    let start = p
        .start_left_right(
            LeftRightSettings { practice: Some(3), ..settings(BodyPart::Hand, 10, 8) },
            at(MONDAY_9AM),
        )
        .unwrap();
    let mut prompt = Some(start.first);
    let mut seen = Vec::new();
    while let Some(pr) = prompt {
        assert_eq!(pr.fixation_ms, 800, "the HLJT fixation by default");
        seen.push((pr.practice, pr.position, pr.total));
        // Practice answers are all wrong: they must not count.
        let answer = if pr.practice { other(pr.stimulus.side) } else { pr.stimulus.side };
        prompt = p.answer_trial(pr.session_id, pr.index, 0, 900 * MS, answer).unwrap().next;
    }
    let expected: Vec<(bool, u32, u32)> =
        (1..=3).map(|i| (true, i, 3)).chain((1..=10).map(|i| (false, i, 10))).collect();
    assert_eq!(seen, expected);
    p.finish_session(start.session.id, at(MONDAY_9AM + 60_000)).unwrap();
    let r = p.session_results(start.session.id, at(MONDAY_9AM + 60_000)).unwrap();
    assert_eq!((r.stats.left.n + r.stats.right.n, r.stats.left.correct + r.stats.right.correct), (10, 10));
    let trials = p.trials(start.session.id).unwrap();
    assert_eq!(trials.iter().filter(|t| t.practice).count(), 3);
    assert!(trials.iter().take(3).all(|t| t.practice && !t.correct));
    let err = p.start_left_right(
        LeftRightSettings { practice: Some(21), ..settings(BodyPart::Hand, 10, 9) },
        at(MONDAY_9AM),
    );
    assert_eq!(field_of(err.unwrap_err()), "settings.practice");
}
