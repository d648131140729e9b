//! The stage gate: when may a patient leave left/right judgement for motor imagery?
//!
//! Rule (from the parameter table): over the last `gate_sessions` completed sessions,
//! held on at least `gate_min_days` different days, accuracy ≥ `gate_accuracy` and median
//! response time ≤ `gate_rt_ms` on BOTH sides, and at least `min_days_per_stage` days in
//! the stage. The decision is the list of [`GateBlocker`]s (ready when it is empty); the
//! verdict is a sentence made from the first of them, for shells that show it as it is.

use super::stats::{self, Observation};
use crate::params::Parameters;
use crate::stimulus::Side;
use serde::Serialize;

/// A completed session as the gate sees it.
pub struct GateSession {
    /// Local calendar day number in the session's own zone.
    pub day: i64,
    pub trials: Vec<Observation>,
}

/// One thing that keeps the patient in stage 1, with its numbers. Listed in the order a
/// patient can act on them.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case", tag = "blocker")]
pub enum GateBlocker {
    /// Fewer completed sessions than the gate looks at.
    TooFewSessions { have: u32, need: u32 },
    /// The sessions looked at fall on too few different days.
    TooFewDays { have: u32, need: u32 },
    /// Accuracy under the goal on these sides (one or both).
    AccuracyBelowGoal { sides: Vec<Side>, goal: f64 },
    /// Median response time over the goal on these sides (one or both).
    SlowerThanGoal { sides: Vec<Side>, goal_ms: f64 },
    /// The stage's minimum time has not passed: today is day `day` of `need`.
    TooFewDaysInStage { day: u32, need: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct GateState {
    /// No blockers: the patient may move on.
    pub ready: bool,
    pub blockers: Vec<GateBlocker>,
    /// One sentence to show as it is, e.g. "Not yet: your left side is 0.4 s slower
    /// than your right (1.9 s against a goal of 1.5 s)."
    pub verdict: String,
    pub sessions_considered: u32,
    pub sessions_needed: u32,
    pub distinct_days: u32,
    pub days_needed: u32,
    /// Days since the first session of this stage (day 1 is the first day).
    pub days_in_stage: u32,
    pub min_days_in_stage: u32,
    pub accuracy_goal: f64,
    pub rt_goal_ms: f64,
    pub left_accuracy: Option<f64>,
    pub right_accuracy: Option<f64>,
    pub left_median_rt_ms: Option<f64>,
    pub right_median_rt_ms: Option<f64>,
}

/// Evaluates the gate. `recent` holds the last completed sessions, newest last (only the
/// last `gate_sessions` are used).
pub fn evaluate(recent: &[GateSession], days_in_stage: u32, params: &Parameters) -> GateState {
    let needed = params.gate_sessions as usize;
    let window = &recent[recent.len().saturating_sub(needed)..];
    let mut days: Vec<i64> = window.iter().map(|s| s.day).collect();
    days.sort_unstable();
    days.dedup();
    let pooled: Vec<Observation> = window.iter().flat_map(|s| s.trials.iter().copied()).collect();
    let st = stats::compute(&pooled, &[]);
    let mut state = GateState {
        ready: false,
        blockers: Vec::new(),
        verdict: String::new(),
        sessions_considered: window.len() as u32,
        sessions_needed: needed as u32,
        distinct_days: days.len() as u32,
        days_needed: params.gate_min_days,
        days_in_stage,
        min_days_in_stage: params.min_days_per_stage,
        accuracy_goal: params.gate_accuracy,
        rt_goal_ms: f64::from(params.gate_rt_ms),
        left_accuracy: st.left.accuracy,
        right_accuracy: st.right.accuracy,
        left_median_rt_ms: st.left.median_rt_ms,
        right_median_rt_ms: st.right.median_rt_ms,
    };
    state.blockers = blockers(&state);
    state.ready = state.blockers.is_empty();
    state.verdict = verdict(&state);
    state
}

fn blockers(s: &GateState) -> Vec<GateBlocker> {
    let mut out = Vec::new();
    if s.sessions_considered < s.sessions_needed {
        out.push(GateBlocker::TooFewSessions { have: s.sessions_considered, need: s.sessions_needed });
    }
    if s.distinct_days < s.days_needed {
        out.push(GateBlocker::TooFewDays { have: s.distinct_days, need: s.days_needed });
    }
    let sides = |ok: &dyn Fn(Side) -> bool| -> Vec<Side> {
        [Side::Left, Side::Right].into_iter().filter(|&x| !ok(x)).collect()
    };
    let accurate = sides(&|side| s.accuracy(side).is_some_and(|a| a >= s.accuracy_goal));
    if !accurate.is_empty() {
        out.push(GateBlocker::AccuracyBelowGoal { sides: accurate, goal: s.accuracy_goal });
    }
    let fast = sides(&|side| s.median_rt_ms(side).is_some_and(|rt| rt <= s.rt_goal_ms));
    if !fast.is_empty() {
        out.push(GateBlocker::SlowerThanGoal { sides: fast, goal_ms: s.rt_goal_ms });
    }
    if s.days_in_stage < s.min_days_in_stage {
        out.push(GateBlocker::TooFewDaysInStage { day: s.days_in_stage, need: s.min_days_in_stage });
    }
    out
}

impl GateState {
    fn accuracy(&self, side: Side) -> Option<f64> {
        match side {
            Side::Left => self.left_accuracy,
            Side::Right => self.right_accuracy,
        }
    }

    fn median_rt_ms(&self, side: Side) -> Option<f64> {
        match side {
            Side::Left => self.left_median_rt_ms,
            Side::Right => self.right_median_rt_ms,
        }
    }
}

/// The sentence for the first blocker (or the ready message).
fn verdict(s: &GateState) -> String {
    let goal_pct = (s.accuracy_goal * 100.0).round();
    let goal_s = seconds(s.rt_goal_ms);
    // Shown as whole percentages, rounded down so a failing 89.6 % never reads "90 %".
    let pct = |side: Side| (s.accuracy(side).unwrap_or(0.0) * 100.0).floor();
    let rt = |side: Side| s.median_rt_ms(side).unwrap_or(f64::INFINITY);
    let Some(first) = s.blockers.first() else {
        return "Ready for stage 2: explicit motor imagery. Talk it over with your therapist.".into();
    };
    match first {
        GateBlocker::TooFewSessions { have, need } => {
            let more = need - have;
            let plural = if more == 1 { "" } else { "s" };
            format!(
                "Not yet: {more} more complete session{plural} to go ({need} in all, on at least {} different days).",
                s.days_needed
            )
        }
        GateBlocker::TooFewDays { have, need } => {
            let days = if *have == 1 { "1 day".to_string() } else { format!("{have} days") };
            format!(
                "Not yet: your last {} sessions were on {days}; spread them over at least {need} different days.",
                s.sessions_considered
            )
        }
        GateBlocker::AccuracyBelowGoal { sides, .. } => match sides.as_slice() {
            [side] => format!(
                "Not yet: your {side} side is at {} % correct; the goal is {goal_pct} % on both sides.",
                pct(*side)
            ),
            _ => format!(
                "Not yet: {} % correct on the left and {} % on the right; the goal is {goal_pct} % on both sides.",
                pct(Side::Left),
                pct(Side::Right)
            ),
        },
        GateBlocker::SlowerThanGoal { sides, .. } => match sides.as_slice() {
            [slow] => {
                let fast = if *slow == Side::Left { Side::Right } else { Side::Left };
                format!(
                    "Not yet: your {slow} side is {} slower than your {fast} ({} against a goal of {goal_s}).",
                    seconds(rt(*slow) - rt(fast)),
                    seconds(rt(*slow))
                )
            }
            _ => format!(
                "Not yet: answers take {} on the left and {} on the right; the goal is {goal_s} on both sides.",
                seconds(rt(Side::Left)),
                seconds(rt(Side::Right))
            ),
        },
        GateBlocker::TooFewDaysInStage { day, need } => format!(
            "Nearly there: accuracy and speed are at the goal on both sides. Stage 1 lasts at least {need} days; \
             today is day {day}."
        ),
    }
}

/// "1.5 s", or "40 ms" for differences under a tenth of a second.
fn seconds(ms: f64) -> String {
    if ms.is_infinite() {
        "no correct answers".into()
    } else if ms < 100.0 {
        format!("{} ms", ms.round())
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stimulus::{BodyPart, Posture, StimulusContext, StimulusSpec, View};

    /// A session of 20 trials per side with the given accuracy and RT per side.
    fn session(day: i64, left: (f64, i64), right: (f64, i64)) -> GateSession {
        let mut trials = Vec::new();
        for (side, (accuracy, rt_ms)) in [(Side::Left, left), (Side::Right, right)] {
            for i in 0..20 {
                trials.push(Observation {
                    spec: StimulusSpec {
                        body_part: BodyPart::Hand,
                        side,
                        view: View::Back,
                        posture: Posture::Flat,
                        rotation_deg: 0,
                        skin_tone: 0,
                        context: StimulusContext::None,
                        variant: 0,
                    },
                    correct: f64::from(i) < accuracy * 20.0,
                    rt_ns: Some(rt_ms * 1_000_000),
                    flags: 0,
                });
            }
        }
        GateSession { day, trials }
    }

    fn eval(sessions: &[GateSession], days_in_stage: u32) -> GateState {
        evaluate(sessions, days_in_stage, &Parameters::default())
    }

    #[test]
    fn ready_only_with_both_sides_enough_sessions_days_and_time_in_stage() {
        let good = |day| session(day, (0.95, 1200), (0.95, 1100));
        let s = eval(&[good(1), good(1), good(2)], 14);
        assert!(s.ready && s.blockers.is_empty(), "{}", s.verdict);
        assert!(s.verdict.starts_with("Ready for stage 2"));

        let s = eval(&[good(1), good(2)], 14);
        assert!(!s.ready);
        assert_eq!(s.blockers, vec![GateBlocker::TooFewSessions { have: 2, need: 3 }]);
        assert!(s.verdict.contains("1 more complete session"), "{}", s.verdict);

        let s = eval(&[good(1), good(1), good(1)], 14);
        assert_eq!(
            s.verdict,
            "Not yet: your last 3 sessions were on 1 day; spread them over at least 2 different days."
        );

        let s = eval(&[good(1), good(2), good(3)], 9);
        assert!(!s.ready && s.verdict.contains("today is day 9"), "{}", s.verdict);
        assert_eq!(s.blockers, vec![GateBlocker::TooFewDaysInStage { day: 9, need: 14 }]);
    }

    #[test]
    fn only_the_last_sessions_count() {
        let bad = session(1, (0.5, 2500), (0.5, 2500));
        let good = |day| session(day, (0.95, 1200), (0.95, 1100));
        assert!(eval(&[bad, good(2), good(2), good(3)], 20).ready);
    }

    #[test]
    fn the_verdict_names_the_weak_side() {
        let s = eval(
            &[
                session(1, (0.8, 1200), (0.95, 1100)),
                session(2, (0.85, 1200), (1.0, 1100)),
                session(3, (0.85, 1200), (0.95, 1100)),
            ],
            20,
        );
        assert_eq!(s.verdict, "Not yet: your left side is at 83 % correct; the goal is 90 % on both sides.");
        assert_eq!(s.blockers, vec![GateBlocker::AccuracyBelowGoal { sides: vec![Side::Left], goal: 0.9 }]);
        let slow_left = |day| session(day, (1.0, 1900), (1.0, 1500));
        let s = eval(&[slow_left(1), slow_left(2), slow_left(3)], 20);
        assert_eq!(
            s.verdict,
            "Not yet: your left side is 0.4 s slower than your right (1.9 s against a goal of 1.5 s)."
        );
        let both_slow = |day| session(day, (1.0, 1900), (1.0, 1700));
        let s = eval(&[both_slow(1), both_slow(2), both_slow(3)], 20);
        assert!(s.verdict.contains("1.9 s on the left and 1.7 s on the right"), "{}", s.verdict);
        assert_eq!(
            s.blockers,
            vec![GateBlocker::SlowerThanGoal { sides: vec![Side::Left, Side::Right], goal_ms: 1500.0 }]
        );
        // exactly at the goals passes
        let edge = |day| session(day, (0.9, 1500), (0.9, 1500));
        assert!(eval(&[edge(1), edge(2), edge(3)], 14).ready);
    }
}
