//! Statistics per side (left pictures vs right pictures), per rotation direction and per
//! angle band.
//!
//! Accuracy counts every scored trial (timeouts are wrong answers); voided trials are
//! left out. Response times are the median and interquartile range of correct answers
//! only, leaving out anticipations (too fast to be a judgement) and timeouts, and the
//! numbers left out are reported beside them.

use super::scoring::TrialFlags;
use crate::stimulus::{RotationDirection, Side, StimulusSpec};
use serde::Serialize;

/// One scored trial, as statistics see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub spec: StimulusSpec,
    pub correct: bool,
    /// Response time in ns, when answered in time.
    pub rt_ns: Option<i64>,
    pub flags: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct SideStats {
    pub side: Side,
    /// The patient's affected side (from the profile).
    pub affected: bool,
    /// Trials scored (voided ones excluded).
    pub n: u32,
    pub correct: u32,
    /// `correct / n`; `None` when there were no trials.
    pub accuracy: Option<f64>,
    /// Median response time of correct answers, milliseconds.
    pub median_rt_ms: Option<f64>,
    /// First and third quartiles (linear interpolation between order statistics).
    pub q1_rt_ms: Option<f64>,
    pub q3_rt_ms: Option<f64>,
    /// How many response times the median is built from.
    pub rt_n: u32,
    /// Answers faster than the anticipation threshold: scored, left out of RT.
    pub anticipations: u32,
    pub timeouts: u32,
}

/// Accuracy and median RT of a group of trials (a rotation direction or angle band).
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct GroupStats {
    pub label: String,
    pub n: u32,
    pub accuracy: Option<f64>,
    pub median_rt_ms: Option<f64>,
    pub rt_n: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct LateralityStats {
    pub left: SideStats,
    pub right: SideStats,
    /// upright, medial, lateral, inverted (only groups with trials).
    pub by_direction: Vec<GroupStats>,
    /// 0°, 15–45°, 60–90°, 105–135°, 150–180° (only bands with trials).
    pub by_angle: Vec<GroupStats>,
}

/// The angle band a rotation falls in.
pub fn angle_band(spec: &StimulusSpec) -> &'static str {
    match spec.rotation_magnitude_deg() {
        0 => "0°",
        1..=45 => "15–45°",
        46..=90 => "60–90°",
        91..=135 => "105–135°",
        _ => "150–180°",
    }
}

const BANDS: [&str; 5] = ["0°", "15–45°", "60–90°", "105–135°", "150–180°"];
const DIRECTIONS: [RotationDirection; 4] = [
    RotationDirection::Upright,
    RotationDirection::Medial,
    RotationDirection::Lateral,
    RotationDirection::Inverted,
];

/// The statistics of `trials`; `affected` lists the patient's affected sides for this
/// body part.
pub fn compute(trials: &[Observation], affected: &[Side]) -> LateralityStats {
    let scored: Vec<&Observation> = trials.iter().filter(|t| t.flags & TrialFlags::VOIDED == 0).collect();
    let side = |side: Side| {
        side_stats(side, affected.contains(&side), scored.iter().copied().filter(|t| t.spec.side == side))
    };
    let by_direction = DIRECTIONS
        .iter()
        .map(|d| group(d.as_str(), scored.iter().copied().filter(|t| t.spec.rotation_direction() == *d)))
        .filter(|g| g.n > 0)
        .collect();
    let by_angle = BANDS
        .iter()
        .map(|b| group(b, scored.iter().copied().filter(|t| angle_band(&t.spec) == *b)))
        .filter(|g| g.n > 0)
        .collect();
    LateralityStats { left: side(Side::Left), right: side(Side::Right), by_direction, by_angle }
}

/// Response times (ms) that count: correct, in time, not anticipations.
fn rt_values<'a>(trials: impl Iterator<Item = &'a Observation>) -> Vec<f64> {
    let mut rts: Vec<f64> = trials
        .filter(|t| t.correct && t.flags & (TrialFlags::ANTICIPATION | TrialFlags::TIMEOUT) == 0)
        .filter_map(|t| t.rt_ns)
        .map(|ns| ns as f64 / 1e6)
        .collect();
    rts.sort_by(f64::total_cmp);
    rts
}

fn side_stats<'a>(
    side: Side,
    affected: bool,
    trials: impl Iterator<Item = &'a Observation> + Clone,
) -> SideStats {
    let n = trials.clone().count() as u32;
    let correct = trials.clone().filter(|t| t.correct).count() as u32;
    let rts = rt_values(trials.clone());
    SideStats {
        side,
        affected,
        n,
        correct,
        accuracy: ratio(correct, n),
        median_rt_ms: quantile(&rts, 0.5),
        q1_rt_ms: quantile(&rts, 0.25),
        q3_rt_ms: quantile(&rts, 0.75),
        rt_n: rts.len() as u32,
        anticipations: trials.clone().filter(|t| t.flags & TrialFlags::ANTICIPATION != 0).count() as u32,
        timeouts: trials.filter(|t| t.flags & TrialFlags::TIMEOUT != 0).count() as u32,
    }
}

fn group<'a>(label: &str, trials: impl Iterator<Item = &'a Observation> + Clone) -> GroupStats {
    let n = trials.clone().count() as u32;
    let correct = trials.clone().filter(|t| t.correct).count() as u32;
    let rts = rt_values(trials);
    GroupStats {
        label: label.to_string(),
        n,
        accuracy: ratio(correct, n),
        median_rt_ms: quantile(&rts, 0.5),
        rt_n: rts.len() as u32,
    }
}

fn ratio(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// The `q` quantile of sorted values, interpolating linearly between order statistics
/// (Hyndman & Fan type 7, the default of R and NumPy).
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = q * last as f64;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(last);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stimulus::{BodyPart, Posture, StimulusContext, View};

    const MS: i64 = 1_000_000;

    fn obs(side: Side, rotation_deg: u16, correct: bool, rt_ms: Option<i64>, flags: i64) -> Observation {
        Observation {
            spec: StimulusSpec {
                body_part: BodyPart::Hand,
                side,
                view: View::Back,
                posture: Posture::Flat,
                rotation_deg,
                skin_tone: 0,
                context: StimulusContext::None,
                variant: 0,
            },
            correct,
            rt_ns: rt_ms.map(|ms| ms * MS),
            flags,
        }
    }

    #[test]
    fn quantiles_match_hand_computed_values() {
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[700.0], 0.25), Some(700.0));
        assert_eq!(quantile(&[1.0, 2.0], 0.5), Some(1.5));
        // 1..=4: median 2.5, Q1 = 1 + 0.75 = 1.75, Q3 = 3.25
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(
            (quantile(&v, 0.25), quantile(&v, 0.5), quantile(&v, 0.75)),
            (Some(1.75), Some(2.5), Some(3.25))
        );
        // ties
        assert_eq!(quantile(&[5.0, 5.0, 5.0, 9.0], 0.5), Some(5.0));
    }

    #[test]
    fn per_side_accuracy_and_rt_exclude_what_they_should() {
        let trials = [
            obs(Side::Left, 0, true, Some(800), 0),
            obs(Side::Left, 0, true, Some(1000), 0),
            obs(Side::Left, 0, true, Some(1200), 0),
            obs(Side::Left, 0, false, Some(600), 0), // wrong: no RT
            obs(Side::Left, 0, true, Some(200), TrialFlags::ANTICIPATION), // counted, no RT
            obs(Side::Left, 0, false, None, TrialFlags::TIMEOUT), // wrong, no RT
            obs(Side::Left, 0, true, Some(900), TrialFlags::VOIDED), // ignored entirely
            obs(Side::Right, 90, true, Some(1500), 0),
        ];
        let s = compute(&trials, &[Side::Left]);
        let l = &s.left;
        assert_eq!((l.n, l.correct, l.rt_n, l.anticipations, l.timeouts), (6, 4, 3, 1, 1));
        assert_eq!(l.accuracy, Some(4.0 / 6.0));
        assert_eq!((l.median_rt_ms, l.q1_rt_ms, l.q3_rt_ms), (Some(1000.0), Some(900.0), Some(1100.0)));
        assert!(l.affected && !s.right.affected);
        assert_eq!((s.right.n, s.right.median_rt_ms), (1, Some(1500.0)));
        let lateral = s.by_direction.iter().find(|g| g.label == "lateral").unwrap();
        assert_eq!((lateral.n, lateral.median_rt_ms), (1, Some(1500.0)));
        assert_eq!(s.by_angle.iter().map(|g| g.label.as_str()).collect::<Vec<_>>(), vec!["0°", "60–90°"]);
    }

    #[test]
    fn edge_cases_all_wrong_all_timeouts_one_trial_anticipations_only() {
        let all_wrong = compute(&[obs(Side::Left, 0, false, Some(900), 0); 3], &[]);
        assert_eq!((all_wrong.left.accuracy, all_wrong.left.median_rt_ms), (Some(0.0), None));
        let timeouts = compute(&[obs(Side::Right, 0, false, None, TrialFlags::TIMEOUT); 4], &[]);
        assert_eq!(
            (timeouts.right.timeouts, timeouts.right.accuracy, timeouts.right.rt_n),
            (4, Some(0.0), 0)
        );
        assert_eq!((timeouts.left.n, timeouts.left.accuracy), (0, None));
        let one = compute(&[obs(Side::Left, 0, true, Some(640), 0)], &[]);
        assert_eq!(
            (one.left.median_rt_ms, one.left.q1_rt_ms, one.left.q3_rt_ms),
            (Some(640.0), Some(640.0), Some(640.0))
        );
        let fast = compute(&[obs(Side::Left, 0, true, Some(100), TrialFlags::ANTICIPATION); 2], &[]);
        assert_eq!(
            (fast.left.accuracy, fast.left.median_rt_ms, fast.left.anticipations),
            (Some(1.0), None, 2)
        );
        // an odd count of RTs: the middle one
        let odd = compute(
            &[
                obs(Side::Right, 0, true, Some(700), 0),
                obs(Side::Right, 0, true, Some(500), 0),
                obs(Side::Right, 0, true, Some(900), 0),
            ],
            &[],
        );
        assert_eq!(odd.right.median_rt_ms, Some(700.0));
    }
}
