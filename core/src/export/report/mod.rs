//! The one-minute report: one self-contained HTML file (no network, inline SVG charts,
//! prints on A4) made from a JSON export, so a therapist renders what a patient shared on
//! their own machine. First screen: who, when, and one sentence per body part saying
//! where the patient stands; then per-side accuracy and median RT over time with the gate
//! lines and the affected side marked, lateral − medial per side, the pain journal with
//! medication days, sessions per day, the level over time, the guided sessions with the
//! desensitisation and exposure ladders ([`guided`]), the stages (the therapist's plan in
//! force and each body part's stage timeline with reasons), and the patient's notes.

mod guided;

use super::{ExportFrame, ExportGuided, ExportSession, Formatter, flag_bits};
use crate::error::Result;
use crate::laterality::gate::{self, GateSession, GateState};
use crate::laterality::levels;
use crate::laterality::scoring::Trial;
use crate::laterality::session::observations;
use crate::laterality::stats::{self, Observation};
use crate::messages::Locale;
use crate::params::Parameters;
use crate::programme::flare::FlareSign;
use crate::programme::stages::TransitionReason;
use crate::programme::words::stage_name;
use crate::programme::{SessionKind, SessionState, Stage};
use crate::stimulus::{BodyPart, Side};
use crate::time::WallTime;
use serde::Deserialize;
use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;
use std::io::{Read, Write};

const LEFT: &str = "#1f5fa8";
const RIGHT: &str = "#c0561a";
const GOAL: &str = "#2e7d32";

/// How many of a body part's last sessions the report keeps with their trials: the
/// direction table pools the last 10, the gate looks at no more than its window (at
/// most 10 by the parameter table) and its trend.
const RECENT: usize = 10;

/// The report for an export's bytes (refused as `import` refuses them).
pub fn from_export(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut fold = Fold::default();
    let frame = super::read::from_slice(bytes, &mut |s: Seen| fold.session(s))?;
    Ok(fold.html(&frame)?.into_bytes())
}

/// The report for an export read from a stream (a file, or its decryption), in one
/// pass: memory holds the days, not the trials.
pub fn from_reader(reader: impl Read, source: super::read::Source) -> Result<String> {
    let mut fold = Fold::default();
    let frame = super::read::from_reader(reader, &mut |s: Seen| fold.session(s), source)?;
    fold.html(&frame)
}

/// The `html` export: the report made straight from the sessions as they are read.
pub struct Report<'a> {
    out: &'a mut dyn Write,
    fold: Fold,
}

impl<'a> Report<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Report { out, fold: Fold::default() }
    }
}

impl Formatter for Report<'_> {
    fn session(&mut self, _: &ExportFrame, s: &ExportSession) -> Result<()> {
        self.fold.session(Seen::from(s))
    }

    fn end(&mut self, frame: &ExportFrame) -> Result<()> {
        self.out.write_all(self.fold.html(frame)?.as_bytes())?;
        Ok(self.out.flush()?)
    }
}

/// What the report reads of an exported session (a guided one's answers too). The rest
/// (each trial's picture spec, a third of its bytes and said again by its id; the
/// answer; the parameters) is skipped by serde unparsed, which keeps reading five years
/// under the goal's 2 s.
#[derive(Deserialize)]
struct Seen {
    kind: SessionKind,
    body_part: BodyPart,
    started_at: WallTime,
    state: SessionState,
    level: Option<u32>,
    trials: Vec<SeenTrial>,
    #[serde(default)]
    guided: Option<ExportGuided>,
}

#[derive(Deserialize)]
struct SeenTrial {
    stimulus_id: String,
    side: Side,
    correct: bool,
    onset_ns: i64,
    response_ns: Option<i64>,
    anticipation: bool,
    timeout: bool,
    voided: bool,
    practice: bool,
}

impl From<&ExportSession> for Seen {
    fn from(s: &ExportSession) -> Self {
        Seen {
            kind: s.kind,
            body_part: s.body_part,
            started_at: s.started_at.clone(),
            state: s.state,
            level: s.level,
            guided: s.guided.clone(),
            trials: s
                .trials
                .iter()
                .map(|t| SeenTrial {
                    stimulus_id: t.stimulus_id.clone(),
                    side: t.side,
                    correct: t.correct,
                    onset_ns: t.onset_ns,
                    response_ns: t.response_ns,
                    anticipation: t.anticipation,
                    timeout: t.timeout,
                    voided: t.voided,
                    practice: t.practice,
                })
                .collect(),
        }
    }
}

impl SeenTrial {
    fn recorded(self) -> Trial {
        Trial {
            flags: flag_bits(self.anticipation, self.timeout, self.voided, self.practice),
            stimulus: self.stimulus_id,
            side: self.side,
            onset_ns: self.onset_ns,
            response_ns: self.response_ns,
            answer: None,
            correct: self.correct,
        }
    }
}

/// One completed left/right session as the report draws it.
struct Point {
    date: String,
    day: i64,
    level: u32,
    trials: Vec<Observation>,
}

/// One day's pooled numbers per side (the charts draw one point a day: several sessions
/// a day read as noise).
struct Day {
    date: String,
    accuracy: [Option<f64>; 2],
    median_rt_ms: [Option<f64>; 2],
}

/// Everything the report needs of one body part's completed left/right sessions,
/// folded in session by session (in the export's order).
#[derive(Default)]
struct Part {
    /// The first session's local day: the stage's day 1.
    first_day: Option<i64>,
    /// The last [`RECENT`] sessions with their trials, oldest first.
    recent: VecDeque<Point>,
    /// Days already complete, and the day being pooled.
    days: Vec<Day>,
    open: Option<(String, Vec<Observation>)>,
    /// "level 4 from 2026-03-02", each time the level changes.
    changes: Vec<String>,
    level: u32,
}

impl Part {
    fn add(&mut self, p: Point) {
        self.first_day.get_or_insert(p.day);
        match &mut self.open {
            Some((date, trials)) if *date == p.date => trials.extend(p.trials.iter().copied()),
            _ => {
                self.close_day();
                self.open = Some((p.date.clone(), p.trials.clone()));
            }
        }
        if p.level != self.level {
            self.changes.push(format!("level {} from {}", p.level, p.date));
            self.level = p.level;
        }
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(p);
    }

    fn close_day(&mut self) {
        if let Some((date, trials)) = self.open.take() {
            let (left, right) = stats::sides(&trials, &[]);
            self.days.push(Day {
                date,
                accuracy: [left.accuracy, right.accuracy],
                median_rt_ms: [left.median_rt_ms, right.median_rt_ms],
            });
        }
    }
}

/// The report's aggregates: per body part, and completed sessions per day.
#[derive(Default)]
struct Fold {
    parts: BTreeMap<BodyPart, Part>,
    /// Completed sessions of any kind per local date (the practice bars).
    per_day: BTreeMap<String, u32>,
    guided: guided::Guided,
}

impl Fold {
    fn session(&mut self, s: Seen) -> Result<()> {
        if let Some(g) = &s.guided {
            self.guided.add(&s, g)?;
        }
        if s.state != SessionState::Completed {
            return Ok(());
        }
        let date = s.started_at.local()?.format("%Y-%m-%d").to_string();
        *self.per_day.entry(date.clone()).or_default() += 1;
        if s.kind == SessionKind::LeftRight {
            let recorded: Vec<Trial> = s.trials.into_iter().map(SeenTrial::recorded).collect();
            let trials = observations(&recorded)?;
            self.parts.entry(s.body_part).or_default().add(Point {
                date,
                day: s.started_at.local_day()?,
                level: s.level.unwrap_or(levels::MIN_LEVEL),
                trials,
            });
        }
        Ok(())
    }

    fn html(&mut self, doc: &ExportFrame) -> Result<String> {
        // The gate as the patient's app judged it: with the parameters in force, which
        // a therapist's plan may have moved.
        let params = Parameters::from_table(&doc.parameters)?;
        debug_assert!(params.gate_sessions as usize <= RECENT && gate::TREND_SESSIONS <= RECENT);
        for part in self.parts.values_mut() {
            part.close_day();
        }
        let mut out = String::with_capacity(64 * 1024);
        head(&mut out, doc);
        let _ = write!(
            out,
            "<section class=\"first\"><h2>Where {} stands</h2><ul class=\"stand\">",
            esc(&doc.patient.code)
        );
        if self.parts.is_empty() {
            out.push_str("<li>No completed left/right session in this export.</li>");
        }
        let mut gates = BTreeMap::new();
        for (part, p) in &self.parts {
            let g = gate_for(doc, p, &params)?;
            let _ = write!(
                out,
                "<li><b>{}</b>: {}</li>",
                esc(&capital(part.as_str())),
                esc(&standing(doc, *part, p, &g))
            );
            gates.insert(*part, g);
        }
        for (label, text) in self.guided.standing(doc) {
            let _ = write!(out, "<li><b>{}</b>: {}</li>", esc(&label), esc(&text));
        }
        out.push_str("</ul>");
        summary_numbers(&mut out, doc, self.per_day.values().sum());
        out.push_str("</section>");
        for (part, p) in &self.parts {
            body_part_section(&mut out, doc, *part, p, gates.get(part), &params);
        }
        self.guided.html(&mut out, doc);
        journal(&mut out, doc);
        adherence(&mut out, &self.per_day);
        stages(&mut out, doc)?;
        notes(&mut out, doc);
        let _ = write!(
            out,
            "<footer>Made by Proprio {} from an export of {}. Accuracy counts timeouts and too-fast answers as errors; \
             median RT is of correct answers. HLJT-convention numbers are in the JSON and CSV exports.</footer></main></body></html>",
            esc(&doc.app_version),
            esc(&doc.exported_at.local()?.format("%Y-%m-%d %H:%M").to_string())
        );
        Ok(out)
    }
}

/// One body part: per-day charts per side, the direction table, the level timeline and
/// the gate.
fn body_part_section(
    out: &mut String,
    doc: &ExportFrame,
    part: BodyPart,
    p: &Part,
    gate: Option<&GateState>,
    params: &Parameters,
) {
    let affected = affected_side(doc, part);
    let _ = write!(out, "<section><h2>{} — left/right judgement</h2>", esc(&capital(part.as_str())));
    legend(out, affected);
    let dates: Vec<&str> = p.days.iter().map(|d| d.date.as_str()).collect();
    let series = |f: &dyn Fn(&Day, usize) -> Option<f64>| -> Vec<(Vec<Option<f64>>, Side)> {
        [Side::Left, Side::Right]
            .iter()
            .enumerate()
            .map(|(k, &side)| (p.days.iter().map(|d| f(d, k)).collect(), side))
            .collect()
    };
    let axes = Axes {
        title: "Accuracy per side and day, % (dotted: the goal)",
        unit: "%",
        range: (0.0, 100.0),
        goal: Some(params.gate_accuracy * 100.0),
        marks: &[],
    };
    chart(out, &axes, &dates, &series(&|d, k| d.accuracy[k].map(|a| a * 100.0)), affected);
    let top = p
        .days
        .iter()
        .flat_map(|d| d.median_rt_ms)
        .flatten()
        .fold(f64::from(params.gate_rt_ms) * 1.4, f64::max)
        / 1000.0;
    let axes = Axes {
        title: "Median response time per side and day, s (dotted: the goal)",
        unit: " s",
        range: (0.0, top.ceil()),
        goal: Some(f64::from(params.gate_rt_ms) / 1000.0),
        marks: &[],
    };
    chart(out, &axes, &dates, &series(&|d, k| d.median_rt_ms[k].map(|ms| ms / 1000.0)), affected);
    direction_table(out, &p.recent);
    let _ = write!(out, "<p class=\"levels\"><b>Stage 1 timeline:</b> {}.</p>", esc(&p.changes.join(" → ")));
    if let Some(g) = gate {
        let _ = write!(out, "<p class=\"verdict\"><b>Gate:</b> {}</p>", esc(&g.verdict));
    }
    out.push_str("</section>");
}

fn affected_side(doc: &ExportFrame, part: BodyPart) -> Option<Side> {
    let sides: Vec<Side> =
        doc.patient.affected.iter().filter(|a| a.body_part == part).map(|a| a.side).collect();
    (sides.len() == 1).then(|| sides[0])
}

/// The gate as of the export's date, from the export's own sessions.
fn gate_for(doc: &ExportFrame, part: &Part, params: &Parameters) -> Result<GateState> {
    let recent: Vec<GateSession> = part
        .recent
        .iter()
        .map(|p| GateSession { day: p.day, level: p.level, trials: p.trials.clone() })
        .collect();
    let first = part.first_day.unwrap_or(0);
    let days = (doc.exported_at.local_day()? - first + 1).max(0) as u32;
    // The report is written for the therapist, in English for now.
    Ok(gate::evaluate(&recent, days, params, Locale::English))
}

/// "Stage 1 (left/right judgement), day 12, level 4 of 6. Last 3 sessions: left (affected)
/// 88 % at 1.62 s, right 97 % at 1.05 s. Not yet: …"
fn standing(doc: &ExportFrame, part: BodyPart, p: &Part, g: &GateState) -> String {
    let affected = affected_side(doc, part);
    let last = p.recent.back().map_or(levels::MIN_LEVEL, |p| p.level);
    let side = |s: Side, acc: Option<f64>, rt: Option<f64>| {
        format!(
            "{s}{} {} at {}",
            if affected == Some(s) { " (affected)" } else { "" },
            acc.map_or("–".into(), |a| format!("{:.0} %", (a * 100.0).floor())),
            rt.map_or("–".into(), |ms| format!("{:.2} s", ms / 1000.0))
        )
    };
    format!(
        "stage 1 (left/right judgement), day {} in stage, level {last} of {}. Last {} sessions: {}, {}. {}",
        g.days_in_stage,
        levels::MAX_LEVEL,
        g.sessions_considered,
        side(Side::Left, g.left_accuracy, g.left_median_rt_ms),
        side(Side::Right, g.right_accuracy, g.right_median_rt_ms),
        g.verdict
    )
}

fn head(out: &mut String, doc: &ExportFrame) {
    let range = match (&doc.from, &doc.to) {
        (None, None) => "all records".to_string(),
        (f, t) => {
            format!("{} to {}", f.as_deref().unwrap_or("the start"), t.as_deref().unwrap_or("the export"))
        }
    };
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Proprio report {code}</title><style>{CSS}</style></head><body><main>\
         <header><h1>Proprio report</h1><p class=\"who\">Patient <b>{code}</b> · {range}</p></header>",
        code = esc(&doc.patient.code),
        range = esc(&range)
    );
}

fn summary_numbers(out: &mut String, doc: &ExportFrame, done: u32) {
    let pains: Vec<u8> = doc.journal.iter().map(|e| e.pain).collect();
    let pain = match (pains.first(), pains.last()) {
        (Some(a), Some(b)) => {
            format!("pain {a}/10 at the first journal entry, {b}/10 at the last ({} entries)", pains.len())
        }
        _ => "no journal entries".into(),
    };
    let _ = write!(out, "<p class=\"facts\">{done} completed sessions · {}</p>", esc(&pain));
}

fn legend(out: &mut String, affected: Option<Side>) {
    let mark = |s: Side| if affected == Some(s) { " (affected, solid line)" } else { " (dashed line)" };
    let _ = write!(
        out,
        "<p class=\"legend\"><span style=\"color:{LEFT}\">■ left pictures{}</span> \
         <span style=\"color:{RIGHT}\">■ right pictures{}</span> <span style=\"color:{GOAL}\">— goal</span></p>",
        if affected.is_some() { mark(Side::Left) } else { "" },
        if affected.is_some() { mark(Side::Right) } else { "" }
    );
}

/// What a chart shows besides its lines.
struct Axes<'a> {
    title: &'a str,
    unit: &'a str,
    range: (f64, f64),
    /// A goal line, if any.
    goal: Option<f64>,
    /// Points to mark with a triangle above the chart (e.g. medication days).
    marks: &'a [bool],
}

/// A line chart of per-session values, one line per side.
fn chart(
    out: &mut String,
    axes: &Axes,
    dates: &[&str],
    series: &[(Vec<Option<f64>>, Side)],
    affected: Option<Side>,
) {
    let (title, unit, (lo, hi)) = (axes.title, axes.unit, axes.range);
    const W: f64 = 640.0;
    const H: f64 = 200.0;
    const L: f64 = 44.0;
    const B: f64 = 24.0;
    let n = dates.len().max(1);
    let x = |i: usize| {
        if n == 1 { L + (W - L) / 2.0 } else { L + 8.0 + (W - L - 16.0) * i as f64 / (n - 1) as f64 }
    };
    let y = |v: f64| 8.0 + (H - B - 8.0) * (1.0 - ((v - lo) / (hi - lo)).clamp(0.0, 1.0));
    let _ = write!(
        out,
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\">",
        esc(title),
        esc(title)
    );
    for k in 0..=4 {
        let v = lo + (hi - lo) * f64::from(k) / 4.0;
        let _ = write!(
            out,
            "<line x1=\"{L}\" x2=\"{W}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"grid\"/><text x=\"{tx}\" y=\"{ty:.1}\" class=\"axis\" text-anchor=\"end\">{v}{unit}</text>",
            y = y(v),
            tx = L - 4.0,
            ty = y(v) + 4.0,
            v = if hi - lo > 10.0 { format!("{v:.0}") } else { format!("{v:.1}") },
        );
    }
    if let Some(goal) = axes.goal {
        let _ = write!(
            out,
            "<line x1=\"{L}\" x2=\"{W}\" y1=\"{g:.1}\" y2=\"{g:.1}\" stroke=\"{GOAL}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>",
            g = y(goal)
        );
    }
    for (i, _) in axes.marks.iter().enumerate().filter(|(_, m)| **m) {
        let _ = write!(out, "<path d=\"M{:.1} 2 l4 7 h-8 z\" fill=\"#6a1b9a\"/>", x(i));
    }
    for (values, side) in series {
        let colour = if *side == Side::Left { LEFT } else { RIGHT };
        let dash =
            if affected.is_some() && affected != Some(*side) { " stroke-dasharray=\"6 4\"" } else { "" };
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
            .collect();
        let _ = write!(
            out,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{}\"/>",
            points.join(" ")
        );
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                // Left as circles, right as squares: the sides differ by shape, not colour alone.
                if *side == Side::Left {
                    let _ = write!(
                        out,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"/>",
                        x(i),
                        y(*v)
                    );
                } else {
                    let _ = write!(
                        out,
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"6\" fill=\"{colour}\"/>",
                        x(i) - 3.0,
                        y(*v) - 3.0
                    );
                }
            }
        }
    }
    date_labels(out, n, &x, H - 6.0, &|i| dates.get(i).copied());
    out.push_str("</svg></figure>");
}

/// The first, middle and last of `n` points' dates under a chart at height `y`; the
/// first and last labels keep inside the chart.
fn date_labels<'a>(
    out: &mut String,
    n: usize,
    x: &dyn Fn(usize) -> f64,
    y: f64,
    date: &dyn Fn(usize) -> Option<&'a str>,
) {
    let labels = [0, n / 2, n - 1];
    for (k, &i) in labels.iter().enumerate() {
        if k > 0 && labels[k - 1] == i {
            continue;
        }
        if let Some(d) = date(i) {
            let anchor = if n == 1 || k == 1 {
                "middle"
            } else if k == 0 {
                "start"
            } else {
                "end"
            };
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"{anchor}\">{}</text>",
                x(i),
                y,
                esc(d)
            );
        }
    }
}

fn direction_table(out: &mut String, points: &VecDeque<Point>) {
    let recent: Vec<Observation> =
        points.range(points.len().saturating_sub(10)..).flat_map(|p| p.trials.iter().copied()).collect();
    let st = stats::compute(&recent, &[]);
    out.push_str("<table class=\"numbers\"><caption>Last 10 sessions: lateral − medial rotations (slower lateral is normal)</caption><tr><th>side</th><th>lateral − medial</th><th>n lateral / medial</th><th>HLJT convention: accuracy, mean RT</th></tr>");
    for (effect, h) in st.direction_effect.iter().zip(&st.hljt) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{} / {}</td><td>{} · {}</td></tr>",
            effect.side,
            effect.lateral_minus_medial_ms.map_or("–".into(), |d| format!("{d:+.0} ms")),
            effect.lateral_n,
            effect.medial_n,
            h.accuracy.map_or("–".into(), |a| format!("{:.0} %", (a * 100.0).floor())),
            h.mean_rt_ms.map_or("–".into(), |ms| format!("{:.2} s", ms / 1000.0)),
        );
    }
    out.push_str("</table>");
}

fn journal(out: &mut String, doc: &ExportFrame) {
    out.push_str("<section><h2>Pain journal</h2>");
    if doc.journal.is_empty() {
        out.push_str("<p>No entries.</p></section>");
        return;
    }
    let dates: Vec<String> = doc
        .journal
        .iter()
        .map(|e| e.at.local().map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default())
        .collect();
    let date_refs: Vec<&str> = dates.iter().map(String::as_str).collect();
    let pain: Vec<Option<f64>> = doc.journal.iter().map(|e| Some(f64::from(e.pain))).collect();
    let medication: Vec<bool> = doc.journal.iter().map(|e| e.medication).collect();
    let axes = Axes {
        title: "Pain 0–10 (▲ pain medication taken that day)",
        unit: "",
        range: (0.0, 10.0),
        goal: None,
        marks: &medication,
    };
    chart(out, &axes, &date_refs, &[(pain, Side::Left)], None);
    let medicated = doc.journal.iter().filter(|e| e.medication).count();
    let _ = write!(
        out,
        "<p class=\"small\">{} entries, {medicated} on days with pain medication.</p>",
        doc.journal.len()
    );
    out.push_str("</section>");
}

fn adherence(out: &mut String, per_day: &BTreeMap<String, u32>) {
    out.push_str("<section><h2>Practice</h2>");
    if per_day.is_empty() {
        out.push_str("<p>No completed sessions.</p></section>");
        return;
    }
    let days = per_day.len();
    let total: u32 = per_day.values().sum();
    let _ = write!(
        out,
        "<p>{total} completed sessions on {days} days ({:.1} a practice day).</p><div class=\"bars\">",
        f64::from(total) / days as f64
    );
    for (day, n) in per_day {
        let _ = write!(out, "<span title=\"{}: {n}\" style=\"height:{}px\"></span>", esc(day), 6 + n * 12);
    }
    out.push_str("</div></section>");
}

/// The plan in force (its instructions as the therapist wrote them) and, per body part,
/// every stage transition and flare event with its reason. Nothing for an export that
/// carries neither (the first exports).
fn stages(out: &mut String, doc: &ExportFrame) -> Result<()> {
    if doc.stages.is_empty() && doc.plans.is_empty() {
        return Ok(());
    }
    out.push_str("<section><h2>Stages</h2>");
    if let Some(p) = doc.plans.last() {
        let text = |key: &str| p.plan.get(key).and_then(|v| v.as_str()).map(str::to_string);
        let mut by = String::new();
        for part in [text("author"), text("clinic")].into_iter().flatten() {
            by.push_str(if by.is_empty() { " by " } else { ", " });
            by.push_str(&part);
        }
        let _ = write!(
            out,
            "<p>Therapist's plan of {}{}, received {} ({}).</p>",
            esc(&text("created").unwrap_or_default()),
            esc(&by),
            esc(&p.received_at.local()?.format("%Y-%m-%d").to_string()),
            match doc.plans.len() - 1 {
                0 => "no earlier plan".to_string(),
                1 => "1 earlier plan".to_string(),
                n => format!("{n} earlier plans"),
            }
        );
        if let Some(instructions) = text("instructions").filter(|i| !i.trim().is_empty()) {
            let _ = write!(out, "<blockquote class=\"instructions\">{}</blockquote>", esc(&instructions));
        }
    }
    let mut parts: BTreeMap<BodyPart, Vec<&super::ExportStageEvent>> = BTreeMap::new();
    for e in &doc.stages {
        parts.entry(e.body_part).or_default().push(e);
    }
    for (part, events) in parts {
        let _ = write!(
            out,
            "<table class=\"numbers\"><caption><b>{}</b>: stage timeline</caption><tr><th>Date</th><th>Stage</th><th>Why</th></tr>",
            esc(&capital(part.as_str()))
        );
        for e in events {
            let name = |stage: Stage| stage_name(Locale::English, stage);
            let change = match (e.reason.is_flare(), e.from) {
                (true, _) => format!("in {}", name(e.to)),
                (false, Some(from)) if from != e.to => format!("{} → {}", name(from), name(e.to)),
                (false, _) => format!("→ {}", name(e.to)),
            };
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&e.at.local()?.format("%Y-%m-%d").to_string()),
                esc(&change),
                esc(&reason_words(&e.reason))
            );
        }
        out.push_str("</table>");
    }
    out.push_str("</section>");
    Ok(())
}

/// Why a stage changed, for the therapist, with the values that decided it.
fn reason_words(reason: &TransitionReason) -> String {
    match reason {
        TransitionReason::Started => "programme started".into(),
        TransitionReason::TherapistLock => "locked by the therapist's plan".into(),
        TransitionReason::PlanChanged => "the therapist's plan no longer runs the previous stage".into(),
        TransitionReason::GatePassed { days_in_stage, min_days } => {
            format!("gate met after {days_in_stage} days in the stage (minimum {min_days})")
        }
        TransitionReason::FlareBegan { signs } => {
            let signs: Vec<String> = signs
                .iter()
                .map(|sign| match sign {
                    FlareSign::Pain { baseline, recent, delta } => format!(
                        "session pain {} against a baseline of {baseline:.1} (flare at +{delta})",
                        recent.iter().map(u8::to_string).collect::<Vec<_>>().join(", ")
                    ),
                    FlareSign::FeltWorse { days_ago: 0 } => "a mirror session felt worse that day".into(),
                    FlareSign::FeltWorse { days_ago } => {
                        format!("a mirror session felt worse {days_ago} days before")
                    }
                })
                .collect();
            if signs.is_empty() { "flare began".into() } else { format!("flare began: {}", signs.join("; ")) }
        }
        TransitionReason::FlareEnded => "flare ended: no flare sign any more".into(),
    }
}

fn notes(out: &mut String, doc: &ExportFrame) {
    let notes: Vec<_> = doc.journal.iter().filter(|e| !e.note.trim().is_empty()).collect();
    if notes.is_empty() {
        return;
    }
    out.push_str("<section><h2>The patient's notes</h2><ul class=\"notes\">");
    for e in notes {
        let when = e.at.local().map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
        let _ = write!(
            out,
            "<li><span class=\"when\">{}</span> pain {}/10 — {}</li>",
            esc(&when),
            e.pain,
            esc(&e.note)
        );
    }
    out.push_str("</ul></section>");
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Text for HTML: the patient's notes are theirs, never markup.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

const CSS: &str = "\
@page{size:A4;margin:14mm}\
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;margin:0;background:#fff}\
main{max-width:760px;margin:0 auto;padding:16px}\
h1{font-size:22px;margin:0}h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #ddd;padding-bottom:3px}\
.who{margin:2px 0 0;color:#444}.stand li{margin:6px 0}.stand{padding-left:18px}\
.first{background:#f6f8fb;border-radius:8px;padding:6px 14px 10px}\
.facts,.legend,.small{color:#444;font-size:13px}.verdict{background:#fff8e5;padding:6px 10px;border-radius:6px}\
figure{margin:8px 0}figcaption{font-size:13px;color:#333}svg{width:100%;height:auto}\
.grid{stroke:#e4e4e4}.axis{font-size:11px;fill:#555}\
table.numbers{border-collapse:collapse;font-size:13px;margin:8px 0}\
.numbers td,.numbers th{border-bottom:1px solid #e4e4e4;padding:3px 10px;text-align:left}\
.numbers caption{text-align:left;color:#333;padding-bottom:4px}\
.bars{display:flex;align-items:flex-end;gap:2px;height:70px;border-bottom:1px solid #999}\
.bars span{flex:1;background:#5b7fa8;min-width:2px}\
.notes{padding-left:18px}.when{color:#555;font-size:13px}.med{color:#6a1b9a}\
blockquote.instructions{white-space:pre-line;margin:6px 0;padding:6px 12px;border-left:3px solid #5b7fa8;background:#f6f8fb}\
footer{margin-top:24px;font-size:11px;color:#666}\
.worse{background:#fdecea;padding:6px 10px;border-radius:6px}.ladder td{vertical-align:middle}\
.numbers svg.spark{width:120px;height:36px;display:block}.status{white-space:nowrap;color:#2e7d32;font-size:12px}.status.now{color:#1f5fa8}.status.removed{color:#777}\
.wide{overflow-x:auto}\
section{break-inside:avoid-page}\
@media (max-width:520px){figure{overflow-x:auto}figure svg{min-width:560px}}\
@media print{main{max-width:none;padding:0}.first{background:none;border:1px solid #ccc}}";
