//! What the summary, progress and programme screens show, worded: the per-side numbers
//! as labelled facts, the progress charts (series by day per side, the gate's goals, the
//! axes and their ticks), and the programme's stages with their history. The numbers
//! come from the use cases; only the words, the grouping by day and the scales are
//! decided here, so both shells draw the same.

use super::guided::RegionAccuracy;
use super::left_right::{LeftRightOverview, SessionPoint};
use crate::laterality::{GateState, LateralityStats, SideStats};
use crate::messages::{Locale, decimal, t};
use crate::params::Parameters;
use crate::programme::steps::sensory::Region;
use crate::programme::words::stage_name;
use crate::stimulus::{BodyPart, Side};
use crate::store::Store;
use crate::time::WallTime;
use chrono::Datelike;
use serde::Serialize;
use std::collections::BTreeMap;

/// A label and its value, both as the patient reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// A titled group of facts (one side of a session, the gate's inputs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct FactSection {
    pub title: String,
    pub facts: Vec<Fact>,
}

/// A value mark on a chart's vertical axis.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct ChartTick {
    pub value: f64,
    pub label: String,
}

/// One side's values, one per day of the chart (`None`: no value that day).
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct ChartSeries {
    pub side: Side,
    /// "Left" or "Left (painful side)".
    pub label: String,
    /// The patient's painful side: the shell marks it (and the label says so).
    pub affected: bool,
    pub values: Vec<Option<f64>>,
}

/// A chart over days: the shell maps `y_min..y_max` onto its height and draws the ticks,
/// the goal line and one series per side, left then right.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct DayChart {
    pub title: String,
    /// The chart in one sentence, for screen readers.
    pub description: String,
    pub y_min: f64,
    pub y_max: f64,
    pub ticks: Vec<ChartTick>,
    /// The gate's goal, drawn as a horizontal line with its label.
    pub goal: f64,
    pub goal_label: String,
    /// The days on the horizontal axis, oldest first, as labels.
    pub days: Vec<String>,
    pub series: Vec<ChartSeries>,
}

/// The progress screen for one body part.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct ProgressCharts {
    pub body_part: BodyPart,
    pub title: String,
    pub level_text: String,
    /// The gate's verdict.
    pub verdict: String,
    /// Per-side accuracy by day (fractions 0–1).
    pub accuracy: DayChart,
    /// Per-side median response time by day, milliseconds.
    pub response_time: DayChart,
    /// The gate's inputs, then the recent statistics by rotation and direction.
    pub sections: Vec<FactSection>,
}

/// The programme screen: each painful body part's stage today and every stage it has
/// been in, newest first, with why; for backs and necks, the touch drills' right
/// answers by region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ProgrammeScreen {
    pub title: String,
    pub intro: String,
    pub parts: Vec<ProgrammePart>,
    /// The heading over each part's history.
    pub history_title: String,
    /// Shown when there are no parts (before onboarding).
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ProgrammePart {
    pub body_part: BodyPart,
    pub title: String,
    /// "Stage 2 of 4: motor imagery, day 5".
    pub stage: String,
    /// Today's sentence for the stage (the one Today shows).
    pub sentence: String,
    /// Every stage change and flare, newest first.
    pub history: Vec<HistoryLine>,
    /// Sensory discrimination by region; `None` before the first drill.
    pub touch: Option<FactSection>,
}

/// One dated event of the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct HistoryLine {
    /// "2 November 2026".
    pub when: String,
    pub sentence: String,
}

/// The programme screen; evaluates each painful body part's stage first, as Today does.
pub fn programme(
    store: &Store,
    now: &WallTime,
    params: &Parameters,
    locale: Locale,
) -> crate::error::Result<ProgrammeScreen> {
    let stages = super::programme::stages(store, now, params, locale)?;
    let mut parts = Vec::with_capacity(stages.len());
    for status in &stages {
        let mut history = Vec::new();
        for t in super::programme::history(store, Some(status.body_part), locale)?.into_iter().rev() {
            let day = t.at.local()?.format("%Y-%m-%d").to_string();
            history.push(HistoryLine { when: crate::plan::input::date(&day, locale), sentence: t.sentence });
        }
        let touch = touch_section(&super::guided::sensory_accuracy(store, status.body_part)?, locale);
        parts.push(ProgrammePart {
            body_part: status.body_part,
            title: body_part_name(locale, status.body_part),
            stage: t!(
                locale,
                "programme-stage",
                position = status.position,
                count = status.stages.len(),
                stage = stage_name(locale, status.stage),
                day = status.days_in_stage
            ),
            sentence: status.sentence.clone(),
            history,
            touch,
        });
    }
    Ok(ProgrammeScreen {
        title: t!(locale, "programme-title"),
        intro: t!(locale, "programme-intro"),
        parts,
        history_title: t!(locale, "programme-history"),
        empty: t!(locale, "programme-empty"),
    })
}

/// Each region's right answers in the last drill and the first; the title counts the drills.
fn touch_section(rows: &[RegionAccuracy], locale: Locale) -> Option<FactSection> {
    let mut by_region: Vec<(Region, Vec<&RegionAccuracy>)> = Vec::new();
    for row in rows {
        match by_region.iter_mut().find(|(r, _)| *r == row.region) {
            Some((_, seen)) => seen.push(row),
            None => by_region.push((row.region, vec![row])),
        }
    }
    if by_region.is_empty() {
        return None;
    }
    by_region.sort_by_key(|(r, _)| Region::ALL.iter().position(|x| x == r));
    let facts = by_region
        .into_iter()
        .filter_map(|(region, seen)| {
            let (first, last) = (seen.first()?, seen.last()?);
            let mut value = vec![t!(
                locale,
                "programme-touch-last",
                correct = last.correct,
                trials = last.trials,
                percent = percent(locale, Some(last.accuracy))
            )];
            if seen.len() > 1 {
                value.push(t!(
                    locale,
                    "programme-touch-first",
                    percent = percent(locale, Some(first.accuracy))
                ));
            }
            Some(fact(t!(locale, "programme-touch-region", region = region.as_str()), value.join(" · ")))
        })
        .collect();
    let mut sessions: Vec<i64> = rows.iter().map(|r| r.session_id).collect();
    sessions.sort_unstable();
    sessions.dedup();
    Some(FactSection { title: t!(locale, "programme-touch-title", sessions = sessions.len()), facts })
}

/// A response-time chart's top is rounded up to a multiple of this.
const RT_TICK_MS: f64 = 500.0;
/// Room above the slowest day or the goal, whichever is higher.
const RT_HEADROOM: f64 = 1.1;

/// A fraction as a whole percentage, "–" without a value (a no-break space before the
/// sign, so it never wraps alone).
pub fn percent(locale: Locale, fraction: Option<f64>) -> String {
    match fraction {
        Some(f) => t!(locale, "percent", value = decimal(locale, f * 100.0, 0)),
        None => t!(locale, "no-value"),
    }
}

pub fn seconds(locale: Locale, ms: Option<f64>) -> String {
    match ms {
        Some(ms) => t!(locale, "seconds", seconds = decimal(locale, ms / 1000.0, 2)),
        None => t!(locale, "no-value"),
    }
}

pub fn body_part_name(locale: Locale, part: BodyPart) -> String {
    t!(locale, "body-part", part = part.as_str())
}

pub fn side_heading(locale: Locale, side: Side, affected: bool) -> String {
    if affected {
        t!(locale, "side-heading-affected", side = side.as_str())
    } else {
        t!(locale, "side-name", side = side.as_str())
    }
}

fn fact(label: String, value: String) -> Fact {
    Fact { label, value }
}

/// One side of a session: correct, median time, the middle half, anticipations, time-outs.
pub fn side_section(locale: Locale, s: &SideStats) -> FactSection {
    let secs = |ms| seconds(locale, ms);
    FactSection {
        title: side_heading(locale, s.side, s.affected),
        facts: vec![
            fact(
                t!(locale, "fact-correct"),
                t!(
                    locale,
                    "fact-correct-value",
                    correct = s.correct,
                    n = s.n,
                    percent = percent(locale, s.accuracy)
                ),
            ),
            fact(t!(locale, "fact-median-time"), secs(s.median_rt_ms)),
            fact(
                t!(locale, "fact-middle-half"),
                t!(locale, "value-range", from = secs(s.q1_rt_ms), to = secs(s.q3_rt_ms)),
            ),
            fact(t!(locale, "fact-too-quick"), s.anticipations.to_string()),
            fact(t!(locale, "fact-timed-out"), s.timeouts.to_string()),
        ],
    }
}

/// The progress screen from a body part's overview (its whole history).
pub fn progress(overview: &LeftRightOverview, locale: Locale) -> crate::error::Result<ProgressCharts> {
    let days = by_day(&overview.history)?;
    let affected = |side| match side {
        Side::Left => overview.recent.left.affected,
        Side::Right => overview.recent.right.affected,
    };
    let gate = &overview.gate;
    let labels: Vec<String> =
        days.iter().map(|d| t!(locale, "chart-day", day = d.day, month = d.month)).collect();
    let series = |pick: fn(&Day, Side) -> Option<f64>| -> Vec<ChartSeries> {
        [Side::Left, Side::Right]
            .into_iter()
            .map(|side| ChartSeries {
                side,
                label: side_heading(locale, side, affected(side)),
                affected: affected(side),
                values: days.iter().map(|d| pick(d, side)).collect(),
            })
            .collect()
    };
    let accuracy_ticks = [0.0, 0.5, 1.0].map(|v| ChartTick { value: v, label: percent(locale, Some(v)) });
    let accuracy = chart(
        locale,
        t!(locale, "chart-accuracy"),
        (0.0, 1.0),
        accuracy_ticks.to_vec(),
        gate.accuracy_goal,
        &|v| percent(locale, v),
        &labels,
        series(|d, side| d.accuracy(side)),
    );
    let rt_series = series(|d, side| d.median_rt_ms(side));
    let slowest =
        rt_series.iter().flat_map(|s| s.values.iter().flatten()).copied().fold(gate.rt_goal_ms, f64::max);
    let rt_max = ((slowest * RT_HEADROOM) / RT_TICK_MS).ceil() * RT_TICK_MS;
    // Ticks every 0.5 s up to 3 s, then every second, so labels never crowd.
    let step = if rt_max > 3000.0 { 2.0 * RT_TICK_MS } else { RT_TICK_MS };
    let rt_ticks = (0..=(rt_max / step) as u32)
        .map(|i| f64::from(i) * step)
        .map(|v| ChartTick { value: v, label: seconds(locale, Some(v)) })
        .collect();
    let response_time = chart(
        locale,
        t!(locale, "chart-response-time"),
        (0.0, rt_max),
        rt_ticks,
        gate.rt_goal_ms,
        &|v| seconds(locale, v),
        &labels,
        rt_series,
    );
    Ok(ProgressCharts {
        body_part: overview.body_part,
        title: t!(locale, "progress-title", part = overview.body_part.as_str()),
        level_text: t!(locale, "level", level = overview.level),
        verdict: gate.verdict.clone(),
        accuracy,
        response_time,
        sections: [
            Some(gate_section(gate, locale)),
            recent_section(&overview.recent, locale, true),
            recent_section(&overview.recent, locale, false),
        ]
        .into_iter()
        .flatten()
        .collect(),
    })
}

#[allow(clippy::too_many_arguments)]
fn chart(
    locale: Locale,
    title: String,
    (y_min, y_max): (f64, f64),
    ticks: Vec<ChartTick>,
    goal: f64,
    format: &dyn Fn(Option<f64>) -> String,
    days: &[String],
    series: Vec<ChartSeries>,
) -> DayChart {
    let last = |i: usize| series[i].values.last().copied().flatten();
    let description = t!(
        locale,
        "chart-description",
        title = title.as_str(),
        goal = format(Some(goal)),
        days = days.len(),
        last = days.last().cloned().unwrap_or_default(),
        left = format(last(0)),
        right = format(last(1)),
    );
    DayChart {
        goal_label: t!(locale, "chart-goal", value = format(Some(goal))),
        title,
        description,
        y_min,
        y_max,
        ticks,
        goal,
        days: days.to_vec(),
        series,
    }
}

fn gate_section(gate: &GateState, locale: Locale) -> FactSection {
    let of = |have: u32, need: u32| t!(locale, "fact-of", have = have, need = need);
    let side = |side: Side, accuracy, rt| {
        fact(
            t!(locale, "fact-side-result", side = side.as_str()),
            t!(locale, "fact-result-value", percent = percent(locale, accuracy), time = seconds(locale, rt)),
        )
    };
    FactSection {
        title: t!(locale, "gate-facts", sessions = gate.sessions_considered),
        facts: vec![
            fact(t!(locale, "fact-sessions"), of(gate.sessions_considered, gate.sessions_needed)),
            fact(t!(locale, "fact-days"), of(gate.distinct_days, gate.days_needed)),
            fact(t!(locale, "fact-days-in-stage"), of(gate.days_in_stage, gate.min_days_in_stage)),
            side(Side::Left, gate.left_accuracy, gate.left_median_rt_ms),
            side(Side::Right, gate.right_accuracy, gate.right_median_rt_ms),
        ],
    }
}

/// The recent statistics by angle band or by direction; `None` when there are none.
fn recent_section(recent: &LateralityStats, locale: Locale, by_angle: bool) -> Option<FactSection> {
    let groups = if by_angle { &recent.by_angle } else { &recent.by_direction };
    if groups.is_empty() {
        return None;
    }
    let facts = groups
        .iter()
        .map(|g| {
            let group = if by_angle {
                g.label.clone()
            } else {
                t!(locale, "direction", direction = g.label.as_str())
            };
            fact(
                t!(locale, "fact-group", side = g.side.as_str(), group = group),
                t!(
                    locale,
                    "fact-result-value",
                    percent = percent(locale, g.accuracy),
                    time = seconds(locale, g.median_rt_ms)
                ),
            )
        })
        .collect();
    let title = if by_angle { t!(locale, "recent-by-angle") } else { t!(locale, "recent-by-direction") };
    Some(FactSection { title, facts })
}

/// One local day's sessions, per side: answers and correct ones (pooled), and the
/// median RT of each session (the day's value is their median).
struct Day {
    day: u32,
    month: u32,
    n: [u32; 2],
    correct: [f64; 2],
    medians: [Vec<f64>; 2],
}

impl Day {
    fn accuracy(&self, side: Side) -> Option<f64> {
        let i = side as usize;
        (self.n[i] > 0).then(|| self.correct[i] / f64::from(self.n[i]))
    }

    fn median_rt_ms(&self, side: Side) -> Option<f64> {
        let mut m = self.medians[side as usize].clone();
        m.sort_by(f64::total_cmp);
        crate::laterality::stats::quantile(&m, 0.5)
    }
}

/// The sessions grouped by the local day they started on (in the zone they were done in).
fn by_day(history: &[SessionPoint]) -> crate::error::Result<Vec<Day>> {
    let mut days: BTreeMap<i64, Day> = BTreeMap::new();
    for p in history {
        let local = WallTime::local(&p.started_at)?;
        let day = days.entry(p.started_at.local_day()?).or_insert_with(|| Day {
            day: local.day(),
            month: local.month(),
            n: [0; 2],
            correct: [0.0; 2],
            medians: [Vec::new(), Vec::new()],
        });
        for (i, (n, accuracy, median)) in [
            (p.left_n, p.left_accuracy, p.left_median_rt_ms),
            (p.right_n, p.right_accuracy, p.right_median_rt_ms),
        ]
        .into_iter()
        .enumerate()
        {
            day.n[i] += n;
            day.correct[i] += accuracy.unwrap_or(0.0) * f64::from(n);
            day.medians[i].extend(median);
        }
    }
    Ok(days.into_values().collect())
}
