//! The flare rule: pain clearly above the patient's own recent baseline over several
//! sessions, or a "felt worse" answer after mirror therapy (../shared/CLINICAL.md).
//!
//! A session's pain is the highest journal rating linked to it (before or after). The
//! latest `flare_sessions` session pains are a flare when every one of them is at least
//! `flare_delta` points above the baseline: the median of the session pains in the
//! `flare_baseline_days` days before the first of them (at least `flare_baseline_ratings`
//! of them, or there is no baseline and pain raises no flare). A "felt worse" answer
//! within the last `flare_felt_worse_days` days is a flare too. All judgement values.
//! Pure and clock-free: `now_ms` comes from the caller.

use super::gates::median;
use crate::params::Parameters;
use crate::time::DAY_MS;
use serde::{Deserialize, Serialize};

/// One session's pain (its highest linked rating) and when the session started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPain {
    pub at_ms: i64,
    pub pain: u8,
}

/// Why the rule sees a flare, with its numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case", tag = "sign")]
pub enum FlareSign {
    /// The latest session pains (oldest first) are all at least `delta` above the baseline.
    Pain { baseline: f64, recent: Vec<u8>, delta: u32 },
    /// A mirror session felt worse, `days_ago` days ago (0: in the last 24 hours).
    FeltWorse { days_ago: u32 },
}

/// The signs of a flare now (empty: no flare). `pains` in any order.
pub fn assess(
    pains: &[SessionPain],
    felt_worse_ms: &[i64],
    now_ms: i64,
    params: &Parameters,
) -> Vec<FlareSign> {
    let mut signs = Vec::new();
    if let Some(sign) = pain_sign(pains, params) {
        signs.push(sign);
    }
    let window = i64::from(params.flare_felt_worse_days) * DAY_MS;
    if let Some(latest) = felt_worse_ms.iter().copied().filter(|&t| t <= now_ms && now_ms - t < window).max()
    {
        signs.push(FlareSign::FeltWorse { days_ago: ((now_ms - latest) / DAY_MS) as u32 });
    }
    signs
}

fn pain_sign(pains: &[SessionPain], params: &Parameters) -> Option<FlareSign> {
    let m = params.flare_sessions as usize;
    let mut sorted = pains.to_vec();
    sorted.sort_by_key(|p| p.at_ms);
    let recent = sorted.get(sorted.len().checked_sub(m)?..)?;
    let first = recent.first()?.at_ms;
    let from = first - i64::from(params.flare_baseline_days) * DAY_MS;
    let before: Vec<u8> =
        sorted.iter().filter(|p| p.at_ms >= from && p.at_ms < first).map(|p| p.pain).collect();
    if (before.len() as u32) < params.flare_baseline_ratings {
        return None;
    }
    let baseline = median(&before)?;
    let threshold = baseline + f64::from(params.flare_delta);
    recent.iter().all(|p| f64::from(p.pain) >= threshold).then(|| FlareSign::Pain {
        baseline,
        recent: recent.iter().map(|p| p.pain).collect(),
        delta: params.flare_delta,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = DAY_MS;

    /// One session a day from day 0 with these pains.
    fn daily(pains: &[u8]) -> Vec<SessionPain> {
        pains.iter().enumerate().map(|(i, &pain)| SessionPain { at_ms: i as i64 * DAY, pain }).collect()
    }

    fn signs(pains: &[SessionPain], felt_worse: &[i64], now_ms: i64) -> Vec<FlareSign> {
        assess(pains, felt_worse, now_ms, &Parameters::default())
    }

    #[test]
    fn three_sessions_two_points_above_the_median_of_the_fortnight_before() {
        // Baseline: median of 3, 4, 3, 5, 3 = 3; threshold 5; the last three are 5, 6, 5.
        let p = daily(&[3, 4, 3, 5, 3, 5, 6, 5]);
        assert_eq!(
            signs(&p, &[], 8 * DAY),
            vec![FlareSign::Pain { baseline: 3.0, recent: vec![5, 6, 5], delta: 2 }]
        );
        // One of the three under the threshold: no flare.
        assert_eq!(signs(&daily(&[3, 4, 3, 5, 3, 5, 4, 5]), &[], 8 * DAY), vec![]);
        // Even count: median of 2, 3, 4, 5 = 3.5; threshold 5.5; 5s are not above it.
        assert_eq!(signs(&daily(&[2, 3, 4, 5, 5, 5, 5]), &[], 8 * DAY), vec![]);
        assert_eq!(signs(&daily(&[2, 3, 4, 5, 6, 6, 7]), &[], 8 * DAY).len(), 1);
    }

    #[test]
    fn no_baseline_no_pain_flare_and_old_ratings_fall_out_of_it() {
        // Only two ratings before the latest three: no baseline.
        assert_eq!(signs(&daily(&[1, 1, 8, 8, 8]), &[], 5 * DAY), vec![]);
        // Three low ratings, but more than 14 days before the latest three.
        let mut p = daily(&[1, 1, 1]);
        p.extend([20, 21, 22].map(|d| SessionPain { at_ms: d * DAY, pain: 8 }));
        assert_eq!(signs(&p, &[], 23 * DAY), vec![]);
        // The order of the input does not matter.
        let mut p = daily(&[3, 3, 3, 6, 6, 6]);
        p.reverse();
        assert_eq!(signs(&p, &[], 7 * DAY).len(), 1);
    }

    #[test]
    fn felt_worse_counts_for_two_days() {
        assert_eq!(signs(&[], &[10 * DAY], 10 * DAY + 3_600_000), vec![FlareSign::FeltWorse { days_ago: 0 }]);
        assert_eq!(
            signs(&[], &[10 * DAY, 9 * DAY], 11 * DAY + 1),
            vec![FlareSign::FeltWorse { days_ago: 1 }]
        );
        assert_eq!(signs(&[], &[10 * DAY], 12 * DAY), vec![]);
        assert_eq!(signs(&[], &[13 * DAY], 12 * DAY), vec![], "an answer from the future is ignored");
    }
}
