//! The stage gate: when may a patient leave left/right judgement for motor imagery?
//!
//! Rule (from the parameter table): the last `gate_sessions` completed sessions, held on
//! at least `gate_min_days` different days, all at level `gate_level` or above; pooled,
//! accuracy ≥ `gate_accuracy` and median response time ≤ `gate_rt_ms` on BOTH sides; no
//! session among them with more than `gate_max_anticipations` anticipations or more than
//! `gate_drop` under the accuracy goal on a side; and at least `min_days_per_stage` days
//! in the stage. The decision is the list of [`GateBlocker`]s (ready when it is empty);
//! the verdict is a sentence made from the first of them, with the recent trend, for
//! shells that show it as it is.

use super::stats::{self, LateralityStats, Observation};
use crate::messages::{Locale, decimal, t};
use crate::params::Parameters;
use crate::stimulus::Side;
use serde::Serialize;

/// How many recent sessions the trend shows.
pub const TREND_SESSIONS: usize = 5;

/// A completed session as the gate sees it.
pub struct GateSession {
    /// Local calendar day number in the session's own zone.
    pub day: i64,
    pub level: u32,
    pub trials: Vec<Observation>,
}

/// One recent session in the gate's trend, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct TrendPoint {
    pub level: u32,
    pub left_accuracy: Option<f64>,
    pub right_accuracy: Option<f64>,
    pub left_median_rt_ms: Option<f64>,
    pub right_median_rt_ms: Option<f64>,
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
    /// `sessions` of the sessions looked at had more anticipations than `max_fraction`.
    TooManyAnticipations { sessions: u32, max_fraction: f64 },
    /// Accuracy under the goal on these sides (one or both).
    AccuracyBelowGoal { sides: Vec<Side>, goal: f64 },
    /// Median response time over the goal on these sides (one or both).
    SlowerThanGoal { sides: Vec<Side>, goal_ms: f64 },
    /// A session looked at fell to `accuracy` on `side`, under `floor`.
    RecentDrop { side: Side, accuracy: f64, floor: f64 },
    /// A session looked at was below the level the gate needs (the lowest is `level`).
    LevelBelowGoal { level: u32, need: u32 },
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
    /// The last few completed sessions, oldest first (up to [`TREND_SESSIONS`]).
    pub trend: Vec<TrendPoint>,
}

/// Evaluates the gate. `recent` holds the last completed sessions, newest last (only the
/// last `gate_sessions` are used).
pub fn evaluate(
    recent: &[GateSession],
    days_in_stage: u32,
    params: &Parameters,
    locale: Locale,
) -> GateState {
    let needed = params.gate_sessions as usize;
    let window = &recent[recent.len().saturating_sub(needed)..];
    let mut days: Vec<i64> = window.iter().map(|s| s.day).collect();
    days.sort_unstable();
    days.dedup();
    let pooled: Vec<Observation> = window.iter().flat_map(|s| s.trials.iter().copied()).collect();
    let st = stats::compute(&pooled, &[]);
    let each: Vec<(u32, LateralityStats)> =
        recent.iter().map(|s| (s.level, stats::compute(&s.trials, &[]))).collect();
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
        trend: each[each.len().saturating_sub(TREND_SESSIONS)..]
            .iter()
            .map(|(level, s)| TrendPoint {
                level: *level,
                left_accuracy: s.left.accuracy,
                right_accuracy: s.right.accuracy,
                left_median_rt_ms: s.left.median_rt_ms,
                right_median_rt_ms: s.right.median_rt_ms,
            })
            .collect(),
    };
    state.blockers = blockers(&state, &each[each.len() - window.len()..], params);
    state.ready = state.blockers.is_empty();
    state.verdict = verdict(&state, locale);
    state
}

/// Everything still missing, in the order a patient can act on it. `window` holds the
/// sessions looked at, each with its level and statistics.
fn blockers(s: &GateState, window: &[(u32, LateralityStats)], params: &Parameters) -> Vec<GateBlocker> {
    let mut out = Vec::new();
    if s.sessions_considered < s.sessions_needed {
        out.push(GateBlocker::TooFewSessions { have: s.sessions_considered, need: s.sessions_needed });
    }
    if s.distinct_days < s.days_needed {
        out.push(GateBlocker::TooFewDays { have: s.distinct_days, need: s.days_needed });
    }
    let guessed =
        window.iter().filter(|(_, st)| anticipation_fraction(st) > params.gate_max_anticipations).count();
    if guessed > 0 {
        out.push(GateBlocker::TooManyAnticipations {
            sessions: guessed as u32,
            max_fraction: params.gate_max_anticipations,
        });
    }
    let sides = |ok: &dyn Fn(Side) -> bool| -> Vec<Side> {
        [Side::Left, Side::Right].into_iter().filter(|&x| !ok(x)).collect()
    };
    let inaccurate = sides(&|side| s.accuracy(side).is_some_and(|a| a >= s.accuracy_goal));
    if !inaccurate.is_empty() {
        out.push(GateBlocker::AccuracyBelowGoal { sides: inaccurate, goal: s.accuracy_goal });
    }
    let slow = sides(&|side| s.median_rt_ms(side).is_some_and(|rt| rt <= s.rt_goal_ms));
    if !slow.is_empty() {
        out.push(GateBlocker::SlowerThanGoal { sides: slow, goal_ms: s.rt_goal_ms });
    }
    let floor = s.accuracy_goal - params.gate_drop;
    let worst = window
        .iter()
        .flat_map(|(_, st)| [&st.left, &st.right])
        .filter_map(|side| side.accuracy.map(|a| (side.side, a)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((side, accuracy)) = worst.filter(|(_, a)| *a < floor) {
        out.push(GateBlocker::RecentDrop { side, accuracy, floor });
    }
    if let Some(level) = window.iter().map(|(level, _)| *level).min().filter(|l| *l < params.gate_level) {
        out.push(GateBlocker::LevelBelowGoal { level, need: params.gate_level });
    }
    if s.days_in_stage < s.min_days_in_stage {
        out.push(GateBlocker::TooFewDaysInStage { day: s.days_in_stage, need: s.min_days_in_stage });
    }
    out
}

/// Anticipations as a fraction of a session's scored answers.
pub fn anticipation_fraction(st: &LateralityStats) -> f64 {
    let n = st.left.n + st.right.n;
    if n == 0 { 0.0 } else { f64::from(st.left.anticipations + st.right.anticipations) / f64::from(n) }
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

/// The sentence for the first blocker (or the ready message), then the trend.
fn verdict(s: &GateState, locale: Locale) -> String {
    let goal_pct = (s.accuracy_goal * 100.0).round();
    let goal_s = seconds(s.rt_goal_ms, locale);
    // Shown as whole percentages, rounded down so a failing 89.6 % never reads "90 %".
    let pct = |side: Side| (s.accuracy(side).unwrap_or(0.0) * 100.0).floor();
    let rt = |side: Side| s.median_rt_ms(side).unwrap_or(f64::INFINITY);
    let Some(first) = s.blockers.first() else {
        return t!(locale, "gate-ready");
    };
    let (sentence, trend) = match first {
        GateBlocker::TooFewSessions { have, need } => (
            t!(locale, "gate-too-few-sessions", more = need - have, need = *need, days = s.days_needed),
            None,
        ),
        GateBlocker::TooFewDays { have, need } => (
            t!(locale, "gate-too-few-days", sessions = s.sessions_considered, have = *have, need = *need),
            None,
        ),
        GateBlocker::AccuracyBelowGoal { sides, .. } => {
            let sentence = match sides.as_slice() {
                [side] => t!(
                    locale,
                    "gate-accuracy-one",
                    side = side.as_str(),
                    percent = pct(*side),
                    goal = goal_pct
                ),
                _ => t!(
                    locale,
                    "gate-accuracy-both",
                    left = pct(Side::Left),
                    right = pct(Side::Right),
                    goal = goal_pct
                ),
            };
            (sentence, Some(accuracy_trend(s, sides[0], locale)))
        }
        GateBlocker::SlowerThanGoal { sides, .. } => {
            let sentence = match sides.as_slice() {
                [slow] => {
                    let fast = if *slow == Side::Left { Side::Right } else { Side::Left };
                    t!(
                        locale,
                        "gate-slower-one",
                        slow = slow.as_str(),
                        fast = fast.as_str(),
                        gap = seconds(rt(*slow) - rt(fast), locale),
                        time = over_goal(rt(*slow), s.rt_goal_ms, locale),
                        goal = goal_s.as_str()
                    )
                }
                _ => t!(
                    locale,
                    "gate-slower-both",
                    left = over_goal(rt(Side::Left), s.rt_goal_ms, locale),
                    right = over_goal(rt(Side::Right), s.rt_goal_ms, locale),
                    goal = goal_s.as_str()
                ),
            };
            (sentence, Some(speed_trend(s, sides[0], locale)))
        }
        GateBlocker::LevelBelowGoal { level, need } => {
            (t!(locale, "gate-level", need = *need, level = *level), None)
        }
        GateBlocker::TooManyAnticipations { sessions, .. } => {
            (t!(locale, "gate-anticipations", sessions = *sessions), None)
        }
        GateBlocker::RecentDrop { side, accuracy, .. } => {
            (t!(locale, "gate-drop", percent = (accuracy * 100.0).floor(), side = side.as_str()), None)
        }
        GateBlocker::TooFewDaysInStage { day, need } => {
            (t!(locale, "gate-min-days", need = *need, day = *day), None)
        }
    };
    match trend.flatten() {
        Some(trend) => format!("{sentence} {trend}"),
        None => sentence,
    }
}

/// "Your last 4 sessions on the left: 78, 80, 84, 88 %." — none with fewer than two.
fn accuracy_trend(s: &GateState, side: Side, locale: Locale) -> Option<String> {
    let values: Vec<String> = s
        .trend
        .iter()
        .filter_map(|p| if side == Side::Left { p.left_accuracy } else { p.right_accuracy })
        .map(|a| format!("{}", (a * 100.0).floor()))
        .collect();
    trend_sentence(&values, side, " %", locale)
}

/// "Your last 4 sessions on the left: 2.1, 1.9, 1.8, 1.7 s." — none with fewer than two.
fn speed_trend(s: &GateState, side: Side, locale: Locale) -> Option<String> {
    let values: Vec<String> = s
        .trend
        .iter()
        .filter_map(|p| if side == Side::Left { p.left_median_rt_ms } else { p.right_median_rt_ms })
        .map(|ms| decimal(locale, ms / 1000.0, 1))
        .collect();
    trend_sentence(&values, side, " s", locale)
}

fn trend_sentence(values: &[String], side: Side, unit: &str, locale: Locale) -> Option<String> {
    // German lists decimals with commas, so its values are separated by semicolons.
    let separator = if locale == Locale::German && unit == " s" { "; " } else { ", " };
    (values.len() >= 2).then(|| {
        let shown = format!("{}{unit}", values.join(separator));
        t!(locale, "gate-trend", count = values.len(), side = side.as_str(), values = shown)
    })
}

/// "1.5 s", or "40 ms" for differences under a tenth of a second.
fn seconds(ms: f64, locale: Locale) -> String {
    if ms.is_infinite() {
        t!(locale, "time-no-correct-answers")
    } else if ms < 100.0 {
        t!(locale, "time-ms", ms = ms.round())
    } else {
        t!(locale, "time-seconds", seconds = decimal(locale, ms / 1000.0, 1))
    }
}

/// A time that misses `goal_ms`, never shown as if it met it: 1 545 ms against 1.5 s
/// reads "1.55 s", not "1.5 s".
fn over_goal(ms: f64, goal_ms: f64, locale: Locale) -> String {
    let shown = seconds(ms, locale);
    if ms > goal_ms && shown == seconds(goal_ms, locale) {
        t!(locale, "time-seconds", seconds = decimal(locale, (ms / 10.0).ceil() / 100.0, 2))
    } else {
        shown
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
        GateSession { day, level: 6, trials }
    }

    fn eval(sessions: &[GateSession], days_in_stage: u32) -> GateState {
        evaluate(sessions, days_in_stage, &Parameters::default(), Locale::English)
    }

    #[test]
    fn ready_only_with_both_sides_enough_sessions_days_and_time_in_stage() {
        let good = |day| session(day, (0.95, 1200), (0.95, 1100));
        let s = eval(&[good(1), good(1), good(2)], 14);
        assert!(s.ready && s.blockers.is_empty(), "{}", s.verdict);
        assert!(s.verdict.starts_with("Ready for the next stage"));

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
        assert_eq!(
            s.verdict,
            "Not yet: your left side is at 83 % correct; the goal is 90 % on both sides. \
             Your last 3 sessions on the left: 80, 85, 85 %."
        );
        assert_eq!(s.blockers, vec![GateBlocker::AccuracyBelowGoal { sides: vec![Side::Left], goal: 0.9 }]);
        let slow_left = |day| session(day, (1.0, 1900), (1.0, 1500));
        let s = eval(&[slow_left(1), slow_left(2), slow_left(3)], 20);
        assert_eq!(
            s.verdict,
            "Not yet: your left side is 0.4 s slower than your right (1.9 s against a goal of 1.5 s). \
             Your last 3 sessions on the left: 1.9, 1.9, 1.9 s."
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

    fn at_level(level: u32, g: GateSession) -> GateSession {
        GateSession { level, ..g }
    }

    #[test]
    fn only_sessions_at_the_gate_level_count() {
        let good = |day| session(day, (0.95, 1200), (0.95, 1100));
        let s = eval(&[good(1), at_level(1, good(2)), good(3)], 20);
        assert_eq!(s.blockers, vec![GateBlocker::LevelBelowGoal { level: 1, need: 6 }]);
        assert!(s.verdict.contains("level 1") && s.verdict.contains("level 6"), "{}", s.verdict);
        let mut lower = Parameters::default();
        lower.set("gate_level", 1.0, "plan").unwrap();
        assert!(evaluate(&[good(1), at_level(1, good(2)), good(3)], 20, &lower, Locale::English).ready);
    }

    #[test]
    fn guessing_and_a_bad_day_hidden_in_the_pool_block_the_gate() {
        let good = |day| session(day, (1.0, 1200), (1.0, 1100));
        let mut guessing = good(2);
        for t in guessing.trials.iter_mut().take(8) {
            t.flags = crate::laterality::TrialFlags::ANTICIPATION;
            t.rt_ns = Some(150_000_000);
        }
        let s = eval(&[good(1), guessing, good(3)], 20);
        assert!(
            s.blockers.contains(&GateBlocker::TooManyAnticipations { sessions: 1, max_fraction: 0.1 }),
            "{:?}",
            s.blockers
        );
        // 100 %, 60 %, 100 % on the left pools to 87 %: the 60 % day must show.
        let s = eval(&[good(1), session(2, (0.6, 1200), (1.0, 1100)), good(3)], 20);
        assert_eq!(s.blockers[0], GateBlocker::AccuracyBelowGoal { sides: vec![Side::Left], goal: 0.9 });
        assert!(s.blockers.iter().any(|b| matches!(b, GateBlocker::RecentDrop { side: Side::Left, .. })));
        let s = eval(&[good(1), session(2, (0.8, 1200), (1.0, 1100)), good(3), good(4)], 20);
        assert!(s.ready, "a dip to 80 % is within the margin: {:?}", s.blockers);
    }

    #[test]
    fn a_time_over_the_goal_never_reads_as_the_goal() {
        assert_eq!(over_goal(1545.0, 1500.0, Locale::English), "1.55 s");
        assert_eq!(over_goal(1501.0, 1500.0, Locale::English), "1.51 s");
        assert_eq!(over_goal(1900.0, 1500.0, Locale::English), "1.9 s");
        assert_eq!(over_goal(1400.0, 1500.0, Locale::English), "1.4 s");
    }

    #[test]
    fn the_verdict_reads_in_german_with_decimal_commas() {
        let slow_left = [1, 2, 3].map(|day| session(day, (1.0, 1900), (1.0, 1100)));
        let s = eval(&slow_left, 20);
        let de = evaluate(&slow_left, 20, &Parameters::default(), Locale::German);
        assert_eq!(s.blockers, de.blockers, "the language never changes the decision");
        assert!(de.verdict.starts_with("Noch nicht: deine linke Seite ist"), "{}", de.verdict);
        assert!(de.verdict.contains("1,5 s"), "{}", de.verdict);
        assert!(de.verdict.contains("Deine letzten 3 Übungen links"), "{}", de.verdict);
    }
}
