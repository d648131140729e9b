//! Statistics per side (left pictures vs right pictures), per side × rotation direction
//! and per side × angle band, the biomechanical effect, and a summary in the convention
//! of the validated hand laterality task (HLJT).
//!
//! Our convention, chosen so that nothing left out can make a patient look better:
//! voided and practice trials are left out entirely; every other trial counts in `n`; timeouts and
//! anticipations (answers too fast to be a judgement) count as **errors** in accuracy,
//! whatever key was pressed; response times are those of correct answers only (so
//! neither timeouts nor anticipations are in them), with the numbers left out beside.
//! The HLJT summary instead keeps only trials with a response between 300 and 3 000 ms,
//! as its analysis script does, so our numbers can be set beside published ones.

use super::scoring::TrialFlags;
use crate::stimulus::{RotationDirection, Side, StimulusSpec};
use serde::Serialize;

/// The HLJT analysis keeps trials with RT in this window (Moreno-Verdú 2025, its R script).
pub const HLJT_MIN_RT_MS: f64 = 300.0;
pub const HLJT_MAX_RT_MS: f64 = 3000.0;

/// One scored trial, as statistics see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub spec: StimulusSpec,
    pub correct: bool,
    /// Response time in ns, when answered in time.
    pub rt_ns: Option<i64>,
    pub flags: i64,
}

impl Observation {
    fn flagged(&self, flag: i64) -> bool {
        self.flags & flag != 0
    }

    /// Correct in our convention: the right key, in time, not an anticipation.
    fn counts_correct(&self) -> bool {
        self.correct && !self.flagged(TrialFlags::ANTICIPATION | TrialFlags::TIMEOUT)
    }

    fn rt_ms(&self) -> Option<f64> {
        self.rt_ns.map(|ns| ns as f64 / 1e6)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct SideStats {
    pub side: Side,
    /// The patient's affected side (from the profile).
    pub affected: bool,
    /// Trials scored (voided and practice ones excluded).
    pub n: u32,
    /// Right answers given in time and not anticipated.
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
    /// Answers faster than the anticipation threshold: errors, left out of RT.
    pub anticipations: u32,
    /// No answer within the time limit: errors, no RT.
    pub timeouts: u32,
}

/// Accuracy and median RT of one side's trials in a rotation direction or angle band.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct GroupStats {
    pub side: Side,
    pub label: String,
    pub n: u32,
    pub accuracy: Option<f64>,
    pub median_rt_ms: Option<f64>,
    pub rt_n: u32,
}

/// The biomechanical constraint effect for one side: lateral rotations are normally
/// judged more slowly than medial ones (Parsons 1994). Per side, because pooling both
/// sides mixes a slow affected side into the direction effect.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct DirectionEffect {
    pub side: Side,
    /// Median RT of correct lateral answers minus that of correct medial ones, ms.
    pub lateral_minus_medial_ms: Option<f64>,
    /// How many RTs each median is built from.
    pub lateral_n: u32,
    pub medial_n: u32,
}

/// One side in the HLJT convention: only trials with a response within 300–3 000 ms.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct HljtSide {
    pub side: Side,
    /// Trials kept (RT within the window, right or wrong).
    pub n: u32,
    pub accuracy: Option<f64>,
    /// Mean and median RT of the correct trials kept, ms.
    pub mean_rt_ms: Option<f64>,
    pub median_rt_ms: Option<f64>,
    /// Lateral − medial mean RT of correct trials, ms, directions in the HLJT's own
    /// coding ([`hljt_direction`]).
    pub lateral_minus_medial_ms: Option<f64>,
    /// Trials left out: no answer in time, or a response outside the window.
    pub excluded: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct LateralityStats {
    pub left: SideStats,
    pub right: SideStats,
    /// Per side: upright, medial, lateral, inverted (only groups with trials).
    pub by_direction: Vec<GroupStats>,
    /// Per side: 0°, 15–45°, 60–90°, 105–135°, 150–180° (only bands with trials).
    pub by_angle: Vec<GroupStats>,
    /// Lateral − medial, left side then right side.
    pub direction_effect: Vec<DirectionEffect>,
    /// The same trials in the HLJT convention, left then right.
    pub hljt: Vec<HljtSide>,
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
const SIDES: [Side; 2] = [Side::Left, Side::Right];

/// The statistics of `trials`; `affected` lists the patient's affected sides for this
/// body part.
pub fn compute(trials: &[Observation], affected: &[Side]) -> LateralityStats {
    let scored: Vec<&Observation> =
        trials.iter().filter(|t| !t.flagged(TrialFlags::VOIDED | TrialFlags::PRACTICE)).collect();
    let of_side = |side: Side| scored.iter().copied().filter(move |t| t.spec.side == side);
    let mut by_direction = Vec::new();
    let mut by_angle = Vec::new();
    for side in SIDES {
        by_direction.extend(
            DIRECTIONS.iter().map(|d| {
                group(side, d.as_str(), of_side(side).filter(|t| t.spec.rotation_direction() == *d))
            }),
        );
        by_angle.extend(
            BANDS.iter().map(|b| group(side, b, of_side(side).filter(|t| angle_band(&t.spec) == *b))),
        );
    }
    by_direction.retain(|g| g.n > 0);
    by_angle.retain(|g| g.n > 0);
    LateralityStats {
        left: side_stats(Side::Left, affected.contains(&Side::Left), of_side(Side::Left)),
        right: side_stats(Side::Right, affected.contains(&Side::Right), of_side(Side::Right)),
        by_direction,
        by_angle,
        direction_effect: SIDES.iter().map(|&side| direction_effect(side, of_side(side))).collect(),
        hljt: SIDES.iter().map(|&side| hljt_side(side, of_side(side))).collect(),
    }
}

/// Only the per-side numbers of [`compute`] (`left`, `right`), the same values without
/// the groups: for one point a day in the report, one row per session in the CSV and a
/// restored session's summaries.
pub fn sides(trials: &[Observation], affected: &[Side]) -> (SideStats, SideStats) {
    let scored: Vec<&Observation> =
        trials.iter().filter(|t| !t.flagged(TrialFlags::VOIDED | TrialFlags::PRACTICE)).collect();
    let of_side = |side: Side| scored.iter().copied().filter(move |t| t.spec.side == side);
    (
        side_stats(Side::Left, affected.contains(&Side::Left), of_side(Side::Left)),
        side_stats(Side::Right, affected.contains(&Side::Right), of_side(Side::Right)),
    )
}

/// Response times (ms) that count, sorted: correct answers only.
fn rt_values<'a>(trials: impl Iterator<Item = &'a Observation>) -> Vec<f64> {
    let mut rts: Vec<f64> = trials.filter(|t| t.counts_correct()).filter_map(Observation::rt_ms).collect();
    rts.sort_by(f64::total_cmp);
    rts
}

fn side_stats<'a>(
    side: Side,
    affected: bool,
    trials: impl Iterator<Item = &'a Observation> + Clone,
) -> SideStats {
    let n = trials.clone().count() as u32;
    let correct = trials.clone().filter(|t| t.counts_correct()).count() as u32;
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
        anticipations: trials.clone().filter(|t| t.flagged(TrialFlags::ANTICIPATION)).count() as u32,
        timeouts: trials.filter(|t| t.flagged(TrialFlags::TIMEOUT)).count() as u32,
    }
}

fn group<'a>(side: Side, label: &str, trials: impl Iterator<Item = &'a Observation> + Clone) -> GroupStats {
    let n = trials.clone().count() as u32;
    let correct = trials.clone().filter(|t| t.counts_correct()).count() as u32;
    let rts = rt_values(trials);
    GroupStats {
        side,
        label: label.to_string(),
        n,
        accuracy: ratio(correct, n),
        median_rt_ms: quantile(&rts, 0.5),
        rt_n: rts.len() as u32,
    }
}

fn direction_effect<'a>(
    side: Side,
    trials: impl Iterator<Item = &'a Observation> + Clone,
) -> DirectionEffect {
    let rts =
        |d: RotationDirection| rt_values(trials.clone().filter(move |t| t.spec.rotation_direction() == d));
    let (lateral, medial) = (rts(RotationDirection::Lateral), rts(RotationDirection::Medial));
    DirectionEffect {
        side,
        lateral_minus_medial_ms: quantile(&lateral, 0.5).zip(quantile(&medial, 0.5)).map(|(l, m)| l - m),
        lateral_n: lateral.len() as u32,
        medial_n: medial.len() as u32,
    }
}

fn hljt_side<'a>(side: Side, trials: impl Iterator<Item = &'a Observation> + Clone) -> HljtSide {
    let in_window =
        |t: &&Observation| t.rt_ms().is_some_and(|rt| (HLJT_MIN_RT_MS..=HLJT_MAX_RT_MS).contains(&rt));
    let kept: Vec<&Observation> = trials.clone().filter(in_window).collect();
    // In the HLJT convention a trial kept is correct by its key alone.
    let correct_rts = |d: Option<RotationDirection>| -> Vec<f64> {
        let mut v: Vec<f64> = kept
            .iter()
            .filter(|t| t.correct && d.is_none_or(|d| hljt_direction(&t.spec) == d))
            .filter_map(|t| t.rt_ms())
            .collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let all = correct_rts(None);
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    let (lateral, medial) =
        (correct_rts(Some(RotationDirection::Lateral)), correct_rts(Some(RotationDirection::Medial)));
    HljtSide {
        side,
        n: kept.len() as u32,
        accuracy: ratio(all.len() as u32, kept.len() as u32),
        mean_rt_ms: mean(&all),
        median_rt_ms: quantile(&all, 0.5),
        lateral_minus_medial_ms: mean(&lateral).zip(mean(&medial)).map(|(l, m)| l - m),
        excluded: (trials.count() - kept.len()) as u32,
    }
}

/// The direction of a picture in the HLJT's own coding (its stimulus tables): for a
/// right hand seen from the back a clockwise turn on screen is medial, for a palm it is
/// lateral, and a left hand reverses both. Our own coding (`rotation_direction`) calls a
/// clockwise turn of any right hand lateral, so the two disagree for backs of hands
/// (docs/exports.md). Pictures the HLJT does not have keep our coding.
pub fn hljt_direction(spec: &StimulusSpec) -> RotationDirection {
    use crate::stimulus::{BodyPart, View};
    if spec.body_part != BodyPart::Hand || !matches!(spec.view, View::Back | View::Palm) {
        return spec.rotation_direction();
    }
    let clockwise = match spec.screen_rotation_clockwise_deg() % 360 {
        0 => return RotationDirection::Upright,
        180 => return RotationDirection::Inverted,
        d => d < 180,
    };
    if (clockwise == (spec.side == Side::Right)) == (spec.view == View::Back) {
        RotationDirection::Medial
    } else {
        RotationDirection::Lateral
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
        // The anticipation pressed the right key but counts as an error.
        assert_eq!((l.n, l.correct, l.rt_n, l.anticipations, l.timeouts), (6, 3, 3, 1, 1));
        assert_eq!(l.accuracy, Some(3.0 / 6.0));
        assert_eq!((l.median_rt_ms, l.q1_rt_ms, l.q3_rt_ms), (Some(1000.0), Some(900.0), Some(1100.0)));
        assert!(l.affected && !s.right.affected);
        assert_eq!((s.right.n, s.right.median_rt_ms), (1, Some(1500.0)));
        let lateral = s.by_direction.iter().find(|g| g.label == "lateral").unwrap();
        assert_eq!((lateral.side, lateral.n, lateral.median_rt_ms), (Side::Right, 1, Some(1500.0)));
        let bands: Vec<(Side, &str)> = s.by_angle.iter().map(|g| (g.side, g.label.as_str())).collect();
        assert_eq!(bands, vec![(Side::Left, "0°"), (Side::Right, "60–90°")]);
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
            (Some(0.0), None, 2),
            "lucky guesses do not make a patient look better"
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

#[cfg(test)]
mod direction_tests {
    use super::*;
    use crate::stimulus::{BodyPart, Posture, StimulusContext, View};

    fn obs(side: Side, rotation_deg: u16, correct: bool, rt_ms: i64) -> Observation {
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
            rt_ns: Some(rt_ms * 1_000_000),
            flags: 0,
        }
    }

    /// A slow left side (700 ms slower) with the same 200 ms lateral cost on each side:
    /// pooled, "lateral" would be mostly the fast right side; per side the effect is +200.
    #[test]
    fn the_direction_effect_is_per_side_and_not_a_side_mix() {
        let mut trials = Vec::new();
        for _ in 0..10 {
            trials.push(obs(Side::Left, 60, true, 1900)); // lateral
            trials.push(obs(Side::Left, 300, true, 1700)); // medial
            trials.push(obs(Side::Right, 60, true, 1200));
            trials.push(obs(Side::Right, 300, true, 1000));
        }
        let s = compute(&trials, &[Side::Left]);
        let effect: Vec<(Side, Option<f64>, u32, u32)> = s
            .direction_effect
            .iter()
            .map(|e| (e.side, e.lateral_minus_medial_ms, e.lateral_n, e.medial_n))
            .collect();
        assert_eq!(effect, vec![(Side::Left, Some(200.0), 10, 10), (Side::Right, Some(200.0), 10, 10)]);
        let medial_left =
            s.by_direction.iter().find(|g| g.side == Side::Left && g.label == "medial").unwrap();
        assert_eq!(medial_left.median_rt_ms, Some(1700.0));
    }

    /// A session with a 2 s limit: timeouts are errors in ours, left out in the HLJT's.
    #[test]
    fn the_hljt_summary_keeps_only_responses_within_300_to_3000_ms() {
        let mut trials = vec![obs(Side::Right, 0, true, 800); 15];
        trials.push(obs(Side::Right, 0, false, 900));
        trials.push(obs(Side::Right, 0, true, 200)); // too fast for HLJT
        trials.push(obs(Side::Right, 0, true, 3200)); // too slow for HLJT
        trials.push(Observation {
            rt_ns: None,
            correct: false,
            flags: TrialFlags::TIMEOUT,
            ..obs(Side::Right, 0, false, 0)
        });
        let s = compute(&trials, &[]);
        let h = &s.hljt[1];
        assert_eq!((h.side, h.n, h.excluded), (Side::Right, 16, 3));
        assert_eq!(h.accuracy, Some(15.0 / 16.0));
        assert_eq!((h.mean_rt_ms, h.median_rt_ms), (Some(800.0), Some(800.0)));
        assert_eq!(s.right.n, 19);
        assert!(s.right.accuracy.unwrap() < h.accuracy.unwrap());
    }
}
