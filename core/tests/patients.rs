//! Five virtual patients practise twice a day for three weeks through the real engine,
//! ladder and gate: a good one, a borderline one, a poor one, one with a slow and less
//! accurate affected left side, and one who guesses. Each must end where a clinician
//! would put them, and the direction statistics must stay per side.

use proprio_core::simulate::VirtualPatient;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{
    AffectedArea, GateBlocker, LeftRightOverview, LeftRightSettings, ProfileUpdate, Proprio, WallTime,
};

const DAY_MS: i64 = 86_400_000;
/// 2026-11-02 09:00 in Europe/London.
const MONDAY_9AM: i64 = 1_793_610_000_000;
const DAYS: i64 = 21;

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/London".into() }
}

/// What three weeks gave: the level and the gate at the end of each day, and the end.
struct Course {
    levels: Vec<u32>,
    ready: Vec<bool>,
    end: LeftRightOverview,
}

fn three_weeks(patient: VirtualPatient, affected_left: bool) -> Course {
    let dir = tempfile::tempdir().unwrap();
    let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(MONDAY_9AM)).unwrap();
    if affected_left {
        let affected = vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }];
        p.update_profile(ProfileUpdate { affected: Some(affected), ..Default::default() }).unwrap();
    }
    let (mut levels, mut ready) = (Vec::new(), Vec::new());
    for day in 0..DAYS {
        for (i, hour) in [0, 9].into_iter().enumerate() {
            let settings = LeftRightSettings {
                body_part: BodyPart::Hand,
                count: Some(20),
                time_limit_ms: None,
                feedback: None,
                level: None,
                seed: Some((day * 2 + i as i64) as u64),
                practice: None,
            };
            patient.run(&p, settings, at(MONDAY_9AM + day * DAY_MS + hour * 3_600_000)).unwrap();
        }
        let o = p
            .left_right_overview(BodyPart::Hand, Some(0), at(MONDAY_9AM + day * DAY_MS + 12 * 3_600_000))
            .unwrap();
        levels.push(o.level);
        ready.push(o.gate.ready);
    }
    let end = p.left_right_overview(BodyPart::Hand, None, at(MONDAY_9AM + DAYS * DAY_MS)).unwrap();
    Course { levels, ready, end }
}

fn first_ready(c: &Course) -> Option<usize> {
    c.ready.iter().position(|r| *r)
}

/// The ladder never moves more than one level a day.
fn assert_paced(c: &Course) {
    for pair in c.levels.windows(2) {
        assert!(pair[1].abs_diff(pair[0]) <= 1, "levels by day: {:?}", c.levels);
    }
}

#[test]
fn a_good_patient_climbs_the_ladder_and_may_move_on_after_fourteen_days() {
    let good = VirtualPatient {
        accuracy: 0.99,
        rt_ms: 700.0,
        lapse_rate: 0.0,
        seed: 1,
        ..VirtualPatient::default()
    };
    let c = three_weeks(good, false);
    assert_paced(&c);
    assert_eq!(*c.levels.last().unwrap(), 6, "levels by day: {:?}", c.levels);
    assert_eq!(first_ready(&c), Some(13), "ready by day: {:?}", c.ready);
    assert!(c.end.gate.ready, "{}", c.end.gate.verdict);
}

#[test]
fn a_borderline_patient_is_kept_in_stage_one_and_told_what_is_missing() {
    let borderline = VirtualPatient { accuracy: 0.87, rt_ms: 900.0, seed: 2, ..VirtualPatient::default() };
    let c = three_weeks(borderline, false);
    assert_paced(&c);
    assert_eq!(first_ready(&c), None, "levels {:?}", c.levels);
    let g = &c.end.gate;
    assert!(g.verdict.starts_with("Not yet"), "{}", g.verdict);
    assert!(
        g.blockers
            .iter()
            .any(|b| matches!(b, GateBlocker::AccuracyBelowGoal { .. } | GateBlocker::RecentDrop { .. })),
        "{:?}",
        g.blockers
    );
}

#[test]
fn a_poor_patient_stays_on_the_easiest_level() {
    let poor = VirtualPatient { accuracy: 0.7, rt_ms: 1700.0, seed: 3, ..VirtualPatient::default() };
    let c = three_weeks(poor, false);
    assert!(c.levels.iter().all(|l| *l == 1), "levels by day: {:?}", c.levels);
    assert_eq!(first_ready(&c), None);
    assert!(
        matches!(c.end.gate.blockers[0], GateBlocker::AccuracyBelowGoal { .. }),
        "{:?}",
        c.end.gate.blockers
    );
}

#[test]
fn a_slow_affected_side_is_named_and_the_direction_effect_stays_per_side() {
    let asymmetric = VirtualPatient {
        accuracy: 0.97,
        rt_ms: 800.0,
        slower_side: Some(Side::Left),
        slowdown_ms: 700.0,
        slower_side_accuracy: Some(0.9),
        lateral_cost_ms: 200.0,
        seed: 4,
        ..VirtualPatient::default()
    };
    let c = three_weeks(asymmetric, true);
    assert_paced(&c);
    assert_eq!(first_ready(&c), None);
    let o = &c.end;
    assert!(o.recent.left.affected && !o.recent.right.affected);
    assert!(o.gate.verdict.contains("left"), "{}", o.gate.verdict);
    let left = o.recent.left.median_rt_ms.unwrap();
    let right = o.recent.right.median_rt_ms.unwrap();
    assert!(left - right > 400.0, "left {left} vs right {right}");
    // Within each side lateral is slower than medial by about the patient's 200 ms; mixing
    // the sides would have distorted it by the 700 ms between them.
    for effect in &o.recent.direction_effect {
        let d = effect.lateral_minus_medial_ms.unwrap();
        assert!((50.0..450.0).contains(&d), "{:?}: {d}", effect.side);
        assert!(effect.lateral_n > 5 && effect.medial_n > 5, "{effect:?}");
    }
}

#[test]
fn a_guessing_patient_is_not_moved_on_and_is_told_to_look_first() {
    let guesser = VirtualPatient {
        accuracy: 0.97,
        rt_ms: 700.0,
        guess_rate: 0.25,
        seed: 5,
        ..VirtualPatient::default()
    };
    let c = three_weeks(guesser, false);
    assert!(c.levels.iter().all(|l| *l == 1), "guessed sessions never count as good: {:?}", c.levels);
    assert_eq!(first_ready(&c), None);
    let g = &c.end.gate;
    assert!(matches!(g.blockers[0], GateBlocker::TooManyAnticipations { .. }), "{:?}", g.blockers);
    assert!(g.verdict.contains("faster than a picture can be judged"), "{}", g.verdict);
    let anticipations = c.end.recent.left.anticipations + c.end.recent.right.anticipations;
    assert!(anticipations > 20, "{anticipations}");
}
