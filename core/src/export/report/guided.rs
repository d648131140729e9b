//! The report's guided sessions: how many of each kind were done, when mirror therapy
//! felt worse, the desensitisation ladder per body part (each session's texture with
//! pain stops marked, and where the patient stands now) and the graded-exposure ladder
//! (each activity's fear before and after every exposure, passed, practised now). Folded
//! session by session like the rest of the report: a few numbers per guided session.

use super::{GOAL, LEFT, capital, date_labels, esc};
use crate::error::Result;
use crate::export::{ExportExposureStep, ExportFrame, ExportGuided};
use crate::messages::Locale;
use crate::params::Parameters;
use crate::programme::steps::mirror::Feeling;
use crate::programme::steps::textures::{self, DefaultTexture, Phase};
use crate::programme::steps::{self, Answered, Ending, StepAnswer, StepPurpose, exposure, words};
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::BodyPart;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const STOP: &str = "#b71c1c";
/// The texture chart draws a body part's last sessions only: more would not be read.
const TOUCH_POINTS: usize = 60;
/// An activity's chart shows its last exposures (its column's header says how many).
const EXPOSURE_POINTS: usize = 12;

/// A completed desensitisation session, as the ladder chart draws it.
struct Touch {
    date: String,
    phase: Phase,
    position: u32,
    highest_pain: Option<u32>,
    tolerated: bool,
}

/// A completed exposure, as its activity's row draws it.
struct Exposure {
    fear_before: Option<u32>,
    fear_after: Option<u32>,
    passed: bool,
}

#[derive(Default)]
pub(super) struct Guided {
    /// Per kind: sessions completed, and stopped early.
    done: BTreeMap<SessionKind, (u32, u32)>,
    /// Local dates of "felt worse" answers after mirror therapy (what the flare rule reads).
    felt_worse: Vec<String>,
    touches: BTreeMap<BodyPart, Vec<Touch>>,
    /// By exposure step id.
    exposures: BTreeMap<i64, Vec<Exposure>>,
}

impl Guided {
    pub(super) fn add(&mut self, s: &super::Seen, g: &ExportGuided) -> Result<()> {
        let answers = g.answers.iter().map(|a| a.answered()).collect::<Result<Vec<Answered>>>()?;
        for (a, stored) in answers.iter().zip(&g.answers) {
            if a.purpose == StepPurpose::Feeling
                && a.answer == (StepAnswer::Choice { id: Feeling::Worse.as_str().into() })
            {
                self.felt_worse.push(stored.at.local()?.format("%Y-%m-%d").to_string());
            }
        }
        let Some(ending) = g.ending else {
            return Ok(());
        };
        let counts = self.done.entry(s.kind).or_default();
        if s.state != SessionState::Completed {
            counts.1 += 1;
            return Ok(());
        }
        counts.0 += 1;
        match (s.kind, g.subject) {
            (SessionKind::Desensitisation, Some(position)) => {
                // As the app counts the ladder (usecases::guided): a session without a
                // phase it knows does not count.
                let (Some(phase), Ok(position)) =
                    (g.phase.as_deref().and_then(|p| Phase::parse(p, "phase").ok()), u32::try_from(position))
                else {
                    return Ok(());
                };
                let highest_pain = answers
                    .iter()
                    .filter(|a| a.purpose == StepPurpose::PainCheck)
                    .filter_map(|a| match a.answer {
                        StepAnswer::Rating { value } => Some(value),
                        _ => None,
                    })
                    .max();
                self.touches.entry(s.body_part).or_default().push(Touch {
                    date: s.started_at.local()?.format("%Y-%m-%d").to_string(),
                    phase,
                    position,
                    highest_pain,
                    tolerated: ending == Ending::Completed,
                });
            }
            (SessionKind::Exposure, Some(id)) => self.exposures.entry(id).or_default().push(Exposure {
                fear_before: steps::rating(&answers, StepPurpose::FearBefore),
                fear_after: steps::rating(&answers, StepPurpose::FearAfter),
                passed: g.passed,
            }),
            _ => {}
        }
        Ok(())
    }

    pub(super) fn html(&self, out: &mut String, doc: &ExportFrame) {
        let steps = doc.exposure_ladder.as_deref().unwrap_or_default();
        let custom = doc.texture_ladder.as_deref().unwrap_or_default();
        if self.done.is_empty() && self.felt_worse.is_empty() && steps.is_empty() && custom.is_empty() {
            return;
        }
        out.push_str("<section><h2>Guided sessions and ladders</h2>");
        let done: Vec<String> = self
            .done
            .iter()
            .map(|(kind, (completed, stopped))| {
                let stopped =
                    if *stopped > 0 { format!(" (+{stopped} stopped early)") } else { String::new() };
                format!("{completed} {}{stopped}", kind_name(*kind))
            })
            .collect();
        if !done.is_empty() {
            let _ = write!(out, "<p>Completed: {}.</p>", esc(&done.join(" · ")));
        }
        if !self.felt_worse.is_empty() {
            let _ = write!(
                out,
                "<p class=\"worse\"><b>Felt worse after mirror therapy</b> ({}×, the flare rule counts these): {}.</p>",
                self.felt_worse.len(),
                esc(&self.felt_worse.join(", "))
            );
        }
        let (names, needed) = (texture_names(doc), tolerated_needed(doc));
        for (part, touches) in &self.touches {
            texture_ladder(out, *part, touches, &names, needed);
        }
        if self.touches.is_empty() && !custom.is_empty() {
            let _ = write!(
                out,
                "<p>Texture ladder: {} (no desensitisation session yet).</p>",
                esc(&custom.join(" → "))
            );
        }
        let drop = in_force(doc, "exposure_fear_drop").unwrap_or(Parameters::default().exposure_fear_drop);
        exposure_ladder(out, steps, &self.exposures, drop);
        out.push_str("</section>");
    }

    /// For the first screen: where each body part stands on the texture ladder, and the
    /// exposure step practised now, each with its label.
    pub(super) fn standing(&self, doc: &ExportFrame) -> Vec<(String, String)> {
        let (names, needed) = (texture_names(doc), tolerated_needed(doc));
        let mut lines: Vec<(String, String)> = self
            .touches
            .iter()
            .map(|(part, touches)| {
                let now = textures::progress(names.len() as u32, &history(touches), needed);
                (capital(part.as_str()), format!("desensitisation, {}.", texture_now(&now, &names, needed)))
            })
            .collect();
        let steps = doc.exposure_ladder.as_deref().unwrap_or_default();
        let active: Vec<&ExportExposureStep> = steps.iter().filter(|s| !s.removed).collect();
        if !active.is_empty() {
            let passed = active.iter().filter(|s| passed(&self.exposures, s.id)).count();
            let now = match current_step(steps, &self.exposures)
                .and_then(|id| active.iter().find(|s| s.id == id))
            {
                Some(s) => {
                    format!(
                        "practising “{}” (fear rated {}); {passed} of {} steps passed.",
                        s.activity,
                        s.fear,
                        active.len()
                    )
                }
                None => format!("all {} steps passed.", active.len()),
            };
            lines.push(("Graded exposure".into(), now));
        }
        lines
    }
}

/// The texture ladder in use: the patient's or therapist's own, or the defaults.
fn texture_names(doc: &ExportFrame) -> Vec<String> {
    match doc.texture_ladder.as_deref() {
        Some(custom) if !custom.is_empty() => custom.to_vec(),
        _ => DefaultTexture::ALL.iter().map(|t| words::texture_name(Locale::English, *t)).collect(),
    }
}

/// Tolerated sessions in a row that move the patient to the next texture.
fn tolerated_needed(doc: &ExportFrame) -> u32 {
    in_force(doc, "desensitise_tolerated_sessions")
        .map_or(Parameters::default().desensitise_tolerated_sessions, |v| v as u32)
}

fn history(touches: &[Touch]) -> Vec<textures::Past> {
    touches
        .iter()
        .map(|t| textures::Past { phase: t.phase, position: t.position, tolerated: t.tolerated })
        .collect()
}

/// "moving during touch, texture 2 of 5 (silk), tolerated 1 of 3 sessions in a row"
fn texture_now(now: &textures::Progress, names: &[String], needed: u32) -> String {
    if now.done {
        return "every texture in every phase tolerated".to_string();
    }
    format!(
        "{}, texture {} of {} ({}), tolerated {} of {needed} sessions in a row",
        words::phase_name(Locale::English, now.phase),
        now.position + 1,
        names.len(),
        names.get(now.position as usize).map_or("", String::as_str),
        now.streak
    )
}

fn passed(exposures: &BTreeMap<i64, Vec<Exposure>>, id: i64) -> bool {
    exposures.get(&id).is_some_and(|e| e.iter().any(|x| x.passed))
}

/// The step the next exposure practises, as the app chooses it (none: every step passed).
fn current_step(steps: &[ExportExposureStep], exposures: &BTreeMap<i64, Vec<Exposure>>) -> Option<i64> {
    let rungs: Vec<exposure::Rung> = steps
        .iter()
        .filter(|s| !s.removed)
        .map(|s| exposure::Rung { id: s.id, fear: s.fear, passed: passed(exposures, s.id) })
        .collect();
    exposure::current(&rungs).map(|r| r.id)
}

/// The clinician's names for the kinds.
fn kind_name(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::LeftRight => "left/right judgement",
        SessionKind::MotorImagery => "motor imagery",
        SessionKind::Mirror => "mirror therapy",
        SessionKind::Desensitisation => "desensitisation",
        SessionKind::Exposure => "graded exposure",
        SessionKind::SensoryDiscrimination => "sensory discrimination",
    }
}

/// A parameter's value as the export states it (the therapist's plan may change it).
fn in_force(doc: &ExportFrame, key: &str) -> Option<f64> {
    doc.parameters.iter().find(|p| p.key == key).map(|p| p.value)
}

fn short(name: &str) -> String {
    if name.chars().count() > 18 {
        name.chars().take(17).collect::<String>() + "…"
    } else {
        name.to_string()
    }
}

/// One body part's desensitisation: a chart with a row per texture (softest at the
/// bottom) and a point per session, pain stops as red crosses, phases marked; then where
/// the patient stands, as the app counts it.
fn texture_ladder(out: &mut String, part: BodyPart, touches: &[Touch], names: &[String], needed: u32) {
    let now = textures::progress(names.len() as u32, &history(touches), needed);
    let shown = &touches[touches.len().saturating_sub(TOUCH_POINTS)..];
    let rows = shown.iter().map(|t| t.position as usize + 1).fold(names.len(), usize::max);
    const W: f64 = 640.0;
    const L: f64 = 140.0;
    const TOP: f64 = 20.0;
    const ROW: f64 = 20.0;
    let h = TOP + ROW * rows as f64 + 22.0;
    let n = shown.len();
    let x =
        |i: usize| if n == 1 { (L + W) / 2.0 } else { L + 10.0 + (W - L - 20.0) * i as f64 / (n - 1) as f64 };
    let y = |position: u32| TOP + ROW * (rows as f64 - 1.0 - f64::from(position)) + ROW / 2.0;
    let title = format!(
        "{}: desensitisation ladder, one point per session{} (● tolerated, ✕ stopped for pain)",
        capital(part.as_str()),
        if touches.len() > n { format!(", the last {n} of {}", touches.len()) } else { String::new() }
    );
    let _ = write!(
        out,
        "<figure><figcaption>{t}</figcaption><svg viewBox=\"0 0 {W} {h}\" role=\"img\" aria-label=\"{t}\">",
        t = esc(&title)
    );
    for row in 0..rows {
        let name = names.get(row).map_or_else(|| format!("texture {}", row + 1), |n| short(n));
        let _ = write!(
            out,
            "<line x1=\"{L}\" x2=\"{W}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"grid\"/>\
             <text x=\"{tx}\" y=\"{ty:.1}\" class=\"axis\" text-anchor=\"end\">{} {}</text>",
            row + 1,
            esc(&name),
            y = y(row as u32),
            tx = L - 6.0,
            ty = y(row as u32) + 4.0,
        );
    }
    // Each phase starts from the first texture again: its own line, after a dashed mark
    // with its name (kept inside the chart).
    let mut start = 0;
    for i in 1..=n {
        if i < n && shown[i].phase == shown[start].phase {
            continue;
        }
        let at = x(start) - 5.0;
        let (tx, anchor) = if at > W - 160.0 { (W - 2.0, "end") } else { (at + 3.0, "start") };
        let points: Vec<String> =
            (start..i).map(|k| format!("{:.1},{:.1}", x(k), y(shown[k].position))).collect();
        let _ = write!(
            out,
            "<line x1=\"{at:.1}\" x2=\"{at:.1}\" y1=\"4\" y2=\"{b:.1}\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>\
             <text x=\"{tx:.1}\" y=\"13\" class=\"axis\" text-anchor=\"{anchor}\">{}</text>\
             <polyline fill=\"none\" stroke=\"#9bb3cf\" stroke-width=\"1.5\" points=\"{}\"/>",
            esc(&words::phase_name(Locale::English, shown[start].phase)),
            points.join(" "),
            b = h - 22.0,
        );
        start = i;
    }
    for (i, t) in shown.iter().enumerate() {
        let (cx, cy) = (x(i), y(t.position));
        let pain = t.highest_pain.map_or(String::new(), |p| format!(", highest pain {p}/10"));
        let _ = write!(out, "<g><title>{}{}</title>", esc(&t.date), esc(&pain));
        if t.tolerated {
            let _ = write!(out, "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"4\" fill=\"{LEFT}\"/>");
        } else {
            let _ = write!(
                out,
                "<path d=\"M{a:.1} {b:.1} l8 8 m0 -8 l-8 8\" stroke=\"{STOP}\" stroke-width=\"2.5\"/>",
                a = cx - 4.0,
                b = cy - 4.0
            );
        }
        out.push_str("</g>");
    }
    date_labels(out, n, &x, h - 6.0, &|i| shown.get(i).map(|t| t.date.as_str()));
    out.push_str("</svg></figure>");
    let stops = touches.iter().filter(|t| !t.tolerated).count();
    let _ = write!(
        out,
        "<p class=\"small\"><b>Now:</b> {}. {} sessions, {stops} stopped for pain{}.</p>",
        esc(&texture_now(&now, names, needed)),
        touches.len(),
        touches
            .last()
            .and_then(|t| t.highest_pain)
            .map_or(String::new(), |p| format!("; highest pain in the last one {p}/10"))
    );
}

/// The exposure ladder, least feared first (removed steps last): each activity's fear
/// rating, its exposures' fear before → after with a small chart, and whether it is
/// passed or practised now.
fn exposure_ladder(
    out: &mut String,
    steps: &[ExportExposureStep],
    exposures: &BTreeMap<i64, Vec<Exposure>>,
    drop: f64,
) {
    if steps.is_empty() {
        return;
    }
    let current = current_step(steps, exposures);
    let mut order: Vec<&ExportExposureStep> = steps.iter().collect();
    order.sort_by_key(|s| (s.removed, s.fear, s.id));
    out.push_str(
        "<div class=\"wide\"><table class=\"numbers ladder\"><caption>Graded exposure ladder, least feared first: fear of each activity 0–100 \
         (chart: before ○ → after ●, dotted: low enough to move on)</caption><tr><th>activity</th><th>rated</th><th>exposures, before→after</th><th>the last 12</th></tr>",
    );
    for s in order {
        let done = exposures.get(&s.id).map_or(&[][..], Vec::as_slice);
        let last = &done[done.len().saturating_sub(EXPOSURE_POINTS)..];
        let pair = |e: &Exposure| {
            let fear = |f: Option<u32>| f.map_or("–".to_string(), |f| f.to_string());
            format!("{}→{}", fear(e.fear_before), fear(e.fear_after))
        };
        let seen = match done {
            [] => "none yet".to_string(),
            [only] => format!("1: {}", pair(only)),
            [first, .., last] => format!("{}: first {}, last {}", done.len(), pair(first), pair(last)),
        };
        let status = if s.removed {
            "<br><span class=\"status removed\">removed</span>"
        } else if passed(exposures, s.id) {
            "<br><span class=\"status\">passed ✓</span>"
        } else if current == Some(s.id) {
            "<br><span class=\"status now\">practising now ▶</span>"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.activity),
            status,
            s.fear,
            esc(&seen),
            spark(last, f64::from(s.fear) * (1.0 - drop)),
        );
    }
    out.push_str("</table></div>");
}

/// An activity's exposures as bars from fear before (hollow) to fear after (filled), on
/// 0–100, with the level fear must fall to.
fn spark(exposures: &[Exposure], goal: f64) -> String {
    if exposures.is_empty() {
        return String::new();
    }
    const W: f64 = 120.0;
    const H: f64 = 36.0;
    let y = |v: f64| 2.0 + (H - 4.0) * (1.0 - v / 100.0);
    let x = |i: usize| 6.0 + (W - 12.0) * i as f64 / (EXPOSURE_POINTS - 1) as f64;
    let mut svg = format!(
        "<svg class=\"spark\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" aria-hidden=\"true\">\
         <line x1=\"0\" x2=\"{W}\" y1=\"{g:.1}\" y2=\"{g:.1}\" stroke=\"{GOAL}\" stroke-dasharray=\"2 2\"/>",
        g = y(goal)
    );
    for (i, e) in exposures.iter().enumerate() {
        if let (Some(before), Some(after)) = (e.fear_before, e.fear_after) {
            let (b, a) = (y(f64::from(before)), y(f64::from(after)));
            let _ = write!(
                svg,
                "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{b:.1}\" y2=\"{a:.1}\" stroke=\"{LEFT}\"/>\
                 <circle cx=\"{x:.1}\" cy=\"{b:.1}\" r=\"2.5\" fill=\"#fff\" stroke=\"{LEFT}\"/>\
                 <circle cx=\"{x:.1}\" cy=\"{a:.1}\" r=\"2.5\" fill=\"{LEFT}\"/>",
                x = x(i)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}
