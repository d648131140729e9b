//! The gates of the stages after left/right judgement (stage 1's is laterality/gate.rs).
//!
//! Every such stage needs `stage_gate_sessions` completed sessions since entering it, on
//! at least `stage_gate_days` different days. Motor imagery also needs the median
//! vividness of its rated sessions at `imagery_gate_vividness` or above; mirror therapy
//! needs `mirror_gate_calm_sessions` sessions since the last one that felt worse. All
//! judgement values (params.rs). Pure: the use case reads the sessions and answers.

use super::Stage;
use super::stages::StageBlocker;
use crate::params::Parameters;

/// What a stage's gate reads, all since the patient entered the stage.
pub struct StageEvidence<'a> {
    /// Completed sessions of the stage's kind: (start, UTC ms; local day number).
    pub sessions: &'a [(i64, i64)],
    /// Motor imagery: vividness ratings (1–5) of those sessions, newest first. Sessions
    /// without a rating are not counted against the patient.
    pub vividness: &'a [u8],
    /// Mirror therapy: when "felt worse" was answered, UTC ms.
    pub felt_worse_ms: &'a [i64],
}

/// What the gate of `stage` still misses (the minimum days are the stage machine's).
pub fn blockers(stage: Stage, e: &StageEvidence, params: &Parameters) -> Vec<StageBlocker> {
    let mut out = Vec::new();
    let have = e.sessions.len() as u32;
    if have < params.stage_gate_sessions {
        out.push(StageBlocker::TooFewSessions { have, need: params.stage_gate_sessions });
    }
    let mut days: Vec<i64> = e.sessions.iter().map(|(_, day)| *day).collect();
    days.sort_unstable();
    days.dedup();
    if (days.len() as u32) < params.stage_gate_days {
        out.push(StageBlocker::TooFewDays { have: days.len() as u32, need: params.stage_gate_days });
    }
    match stage {
        Stage::MotorImagery => {
            let recent = &e.vividness[..e.vividness.len().min(params.stage_gate_sessions as usize)];
            if let Some(median) = median(recent).filter(|m| *m < params.imagery_gate_vividness) {
                out.push(StageBlocker::VividnessBelowGoal { median, need: params.imagery_gate_vividness });
            }
        }
        Stage::Mirror => {
            let last_worse = e.felt_worse_ms.iter().max();
            let calm = e.sessions.iter().filter(|(at, _)| last_worse.is_none_or(|w| at > w)).count() as u32;
            if calm < params.mirror_gate_calm_sessions {
                out.push(StageBlocker::FeltWorseRecently {
                    calm_sessions: calm,
                    need: params.mirror_gate_calm_sessions,
                });
            }
        }
        Stage::LeftRight | Stage::SensoryDiscrimination | Stage::GradedMovement => {}
    }
    out
}

/// The median of whole-number ratings (the mean of the middle two for an even count).
pub fn median(values: &[u8]) -> Option<f64> {
    let mut v: Vec<u8> = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(v[n / 2])),
        _ => Some((f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    /// `n` sessions, `per_day` a day, from day 0.
    fn sessions(n: i64, per_day: i64) -> Vec<(i64, i64)> {
        (0..n).map(|i| ((i / per_day) * DAY + (i % per_day) * 3_600_000, i / per_day)).collect()
    }

    fn gate(stage: Stage, s: &[(i64, i64)], vividness: &[u8], felt_worse_ms: &[i64]) -> Vec<StageBlocker> {
        blockers(stage, &StageEvidence { sessions: s, vividness, felt_worse_ms }, &Parameters::default())
    }

    #[test]
    fn ten_sessions_on_seven_days() {
        assert_eq!(gate(Stage::GradedMovement, &sessions(10, 1), &[], &[]), vec![]);
        assert_eq!(
            gate(Stage::GradedMovement, &sessions(9, 1), &[], &[]),
            vec![StageBlocker::TooFewSessions { have: 9, need: 10 }]
        );
        // 12 sessions, 2 a day: 6 days.
        assert_eq!(
            gate(Stage::SensoryDiscrimination, &sessions(12, 2), &[], &[]),
            vec![StageBlocker::TooFewDays { have: 6, need: 7 }]
        );
    }

    #[test]
    fn imagery_needs_clear_images_when_rated() {
        let s = sessions(10, 1);
        assert_eq!(gate(Stage::MotorImagery, &s, &[], &[]), vec![], "no ratings: not held back by them");
        assert_eq!(gate(Stage::MotorImagery, &s, &[3, 4, 2], &[]), vec![]);
        assert_eq!(
            gate(Stage::MotorImagery, &s, &[2, 3, 2, 4], &[]),
            vec![StageBlocker::VividnessBelowGoal { median: 2.5, need: 3.0 }]
        );
        // Only the newest 10 ratings count: eleven 1s behind ten 4s do not.
        let mut ratings = vec![4; 10];
        ratings.extend([1; 11]);
        assert_eq!(gate(Stage::MotorImagery, &s, &ratings, &[]), vec![]);
    }

    #[test]
    fn mirror_needs_calm_sessions_after_one_that_felt_worse() {
        let s = sessions(10, 1);
        assert_eq!(gate(Stage::Mirror, &s, &[], &[]), vec![]);
        // Felt worse after the 7th session (day 6): sessions on days 7, 8, 9 are calm.
        assert_eq!(
            gate(Stage::Mirror, &s, &[], &[6 * DAY + 1000]),
            vec![StageBlocker::FeltWorseRecently { calm_sessions: 3, need: 5 }]
        );
        assert_eq!(gate(Stage::Mirror, &s, &[], &[4 * DAY + 1000, 2 * DAY]), vec![]);
    }

    #[test]
    fn medians_by_hand() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4]), Some(4.0));
        assert_eq!(median(&[5, 1, 3]), Some(3.0));
        assert_eq!(median(&[1, 2, 4, 5]), Some(3.0));
        assert_eq!(median(&[2, 3]), Some(2.5));
    }
}
