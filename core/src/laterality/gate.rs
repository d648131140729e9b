//! The stage gate: when may a patient leave left/right judgement for motor imagery?
//!
//! Rule (from the parameter table): over the last `gate_sessions` completed sessions,
//! held on at least `gate_min_days` different days, accuracy ≥ `gate_accuracy` and median
//! response time ≤ `gate_rt_ms` on BOTH sides, and at least `min_days_per_stage` days in
//! the stage. The verdict names the first thing still missing, in words a patient can
//! act on; the numbers are returned beside it for shells that draw their own.

use super::stats::{self, Observation};
use crate::params::Parameters;
use serde::Serialize;

/// A completed session as the gate sees it.
pub struct GateSession {
    /// Local calendar day number in the session's own zone.
    pub day: i64,
    pub trials: Vec<Observation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct GateState {
    pub ready: bool,
    /// One sentence to show as it is, e.g. "Not yet: your left side is 0.4 s slower
    /// than your right (goal: 1.5 s on both sides)."
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
    let needed = params.get_u32("gate_sessions") as usize;
    let days_needed = params.get_u32("gate_min_days");
    let min_days = params.get_u32("min_days_per_stage");
    let accuracy_goal = params.get("gate_accuracy");
    let rt_goal_ms = params.get("gate_rt_ms");
    let window = &recent[recent.len().saturating_sub(needed)..];
    let mut days: Vec<i64> = window.iter().map(|s| s.day).collect();
    days.sort_unstable();
    days.dedup();
    let pooled: Vec<Observation> = window.iter().flat_map(|s| s.trials.iter().copied()).collect();
    let st = stats::compute(&pooled, &[]);
    let mut state = GateState {
        ready: false,
        verdict: String::new(),
        sessions_considered: window.len() as u32,
        sessions_needed: needed as u32,
        distinct_days: days.len() as u32,
        days_needed,
        days_in_stage,
        min_days_in_stage: min_days,
        accuracy_goal,
        rt_goal_ms,
        left_accuracy: st.left.accuracy,
        right_accuracy: st.right.accuracy,
        left_median_rt_ms: st.left.median_rt_ms,
        right_median_rt_ms: st.right.median_rt_ms,
    };
    state.verdict = verdict(&state, window.len() < needed);
    state.ready = state.verdict.starts_with("Ready");
    state
}

fn verdict(s: &GateState, too_few: bool) -> String {
    let goal_pct = (s.accuracy_goal * 100.0).round();
    let goal_s = seconds(s.rt_goal_ms);
    if too_few {
        let more = s.sessions_needed - s.sessions_considered;
        let plural = if more == 1 { "" } else { "s" };
        return format!(
            "Not yet: {more} more complete session{plural} to go ({} in all, on at least {} different days).",
            s.sessions_needed, s.days_needed
        );
    }
    if s.distinct_days < s.days_needed {
        return format!(
            "Not yet: your last {} sessions were on {} day(s); spread them over at least {} different days.",
            s.sessions_considered, s.distinct_days, s.days_needed
        );
    }
    // Shown as whole percentages, rounded down so a failing 89.6 % never reads "90 %".
    let pct = |a: Option<f64>| (a.unwrap_or(0.0) * 100.0).floor();
    let acc_ok = |a: Option<f64>| a.is_some_and(|a| a >= s.accuracy_goal);
    match (acc_ok(s.left_accuracy), acc_ok(s.right_accuracy)) {
        (true, true) => {}
        (false, false) => {
            return format!(
                "Not yet: {} % correct on the left and {} % on the right; the goal is {goal_pct} % on both sides.",
                pct(s.left_accuracy),
                pct(s.right_accuracy)
            );
        }
        (left_ok, _) => {
            let (side, acc) = if left_ok { ("right", s.right_accuracy) } else { ("left", s.left_accuracy) };
            return format!(
                "Not yet: your {side} side is at {} % correct; the goal is {goal_pct} % on both sides.",
                pct(acc)
            );
        }
    }
    let rt_ok = |rt: Option<f64>| rt.is_some_and(|rt| rt <= s.rt_goal_ms);
    let (l, r) =
        (s.left_median_rt_ms.unwrap_or(f64::INFINITY), s.right_median_rt_ms.unwrap_or(f64::INFINITY));
    match (rt_ok(s.left_median_rt_ms), rt_ok(s.right_median_rt_ms)) {
        (true, true) => {}
        (false, false) => {
            return format!(
                "Not yet: answers take {} on the left and {} on the right; the goal is {goal_s} on both sides.",
                seconds(l),
                seconds(r)
            );
        }
        (left_ok, _) => {
            let (slow, fast, slow_rt, fast_rt) =
                if left_ok { ("right", "left", r, l) } else { ("left", "right", l, r) };
            return format!(
                "Not yet: your {slow} side is {} slower than your {fast} ({} against a goal of {goal_s}).",
                seconds(slow_rt - fast_rt),
                seconds(slow_rt)
            );
        }
    }
    if s.days_in_stage < s.min_days_in_stage {
        return format!(
            "Nearly there: accuracy and speed are at the goal on both sides. Stage 1 lasts at least {} days; \
             today is day {}.",
            s.min_days_in_stage, s.days_in_stage
        );
    }
    "Ready for stage 2: explicit motor imagery. Talk it over with your therapist.".into()
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
    use crate::stimulus::{BodyPart, Context, Posture, Side, StimulusSpec, View};

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
                        context: Context::None,
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
        assert!(s.ready, "{}", s.verdict);
        assert!(s.verdict.starts_with("Ready for stage 2"));

        let s = eval(&[good(1), good(2)], 14);
        assert!(!s.ready);
        assert!(s.verdict.contains("1 more complete session"), "{}", s.verdict);

        let s = eval(&[good(1), good(1), good(1)], 14);
        assert!(s.verdict.contains("at least 2 different days"), "{}", s.verdict);

        let s = eval(&[good(1), good(2), good(3)], 9);
        assert!(!s.ready && s.verdict.contains("today is day 9"), "{}", s.verdict);
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
        let slow_left = |day| session(day, (1.0, 1900), (1.0, 1500));
        let s = eval(&[slow_left(1), slow_left(2), slow_left(3)], 20);
        assert_eq!(
            s.verdict,
            "Not yet: your left side is 0.4 s slower than your right (1.9 s against a goal of 1.5 s)."
        );
        let both_slow = |day| session(day, (1.0, 1900), (1.0, 1700));
        let s = eval(&[both_slow(1), both_slow(2), both_slow(3)], 20);
        assert!(s.verdict.contains("1.9 s on the left and 1.7 s on the right"), "{}", s.verdict);
        // exactly at the goals passes
        let edge = |day| session(day, (0.9, 1500), (0.9, 1500));
        assert!(eval(&[edge(1), edge(2), edge(3)], 14).ready);
    }
}
