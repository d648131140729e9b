//! Trials in the column names and codings of the validated hand laterality task's
//! PsychoPy output (HLJT, Moreno-Verdú 2025; its `Example data processing.R`), so that
//! researchers' analysis scripts for that task run on Proprio's data unchanged.
//!
//! Only what the HLJT measures is written: hand pictures seen from the back (`dorsal`)
//! or the palm (`palmar`), answered or anticipated, outside the practice block. Timeouts
//! and voided pictures have no key, like rows that are not test trials in the HLJT, so
//! its script drops them. The mapping, column by column, is in docs/exports.md.

use super::csv::csv_error;
use super::{ExportFrame, ExportSession, Formatter};
use crate::error::Result;
use crate::laterality::stats::hljt_direction;
use crate::stimulus::{BodyPart, RotationDirection, Side, StimulusSpec, View};
use std::io::Write;

const COLUMNS: [&str; 22] = [
    "participant",
    "session",
    "language_code",
    "response_mode",
    "practice_block",
    "n_angles",
    "hand_views",
    "n_reps",
    "feedback",
    "date",
    "psychopyVersion",
    "frameRate",
    "completion_time",
    "test_block.thisN",
    "hljt_angle",
    "hljt_view",
    "hljt_side",
    "hljt_direction",
    "hljt_images",
    "test_hljt_response.keys",
    "test_hljt_response.corr",
    "test_hljt_response.rt",
];

/// The HLJT's name for a direction.
fn direction(spec: &StimulusSpec) -> &'static str {
    match hljt_direction(spec) {
        RotationDirection::Upright => "up",
        RotationDirection::Inverted => "down",
        RotationDirection::Medial => "medial",
        RotationDirection::Lateral => "lateral",
    }
}

/// The HLJT's keys in its "both hands" mode: `s` for left, `l` for right.
fn key(side: Side) -> &'static str {
    match side {
        Side::Left => "s",
        Side::Right => "l",
    }
}

/// `hljt_trials.csv`: every session's HLJT-comparable trials, as the sessions come.
pub struct Trials<'a> {
    out: ::csv::Writer<&'a mut dyn Write>,
}

impl<'a> Trials<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Trials { out: ::csv::Writer::from_writer(out) }
    }
}

impl Formatter for Trials<'_> {
    fn begin(&mut self, _: &ExportFrame) -> Result<()> {
        self.out.write_record(COLUMNS).map_err(csv_error)
    }

    fn session(&mut self, frame: &ExportFrame, s: &ExportSession) -> Result<()> {
        if s.body_part == BodyPart::Hand {
            rows(&mut self.out, frame, s)?;
        }
        Ok(())
    }

    fn end(&mut self, _: &ExportFrame) -> Result<()> {
        Ok(self.out.flush()?)
    }
}

fn rows(w: &mut ::csv::Writer<&mut dyn Write>, doc: &ExportFrame, s: &ExportSession) -> Result<()> {
    let rows: Vec<_> = s
        .trials
        .iter()
        .filter(|t| !t.practice && matches!(t.stimulus.view, View::Back | View::Palm))
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    let mut angles: Vec<u16> = rows.iter().map(|t| t.stimulus.screen_rotation_clockwise_deg()).collect();
    angles.sort_unstable();
    angles.dedup();
    let palmar = rows.iter().any(|t| t.stimulus.view == View::Palm);
    let dorsal = rows.iter().any(|t| t.stimulus.view == View::Back);
    let views = match (palmar, dorsal) {
        (true, true) => "Palmar and Dorsal",
        (true, false) => "Palmar",
        _ => "Dorsal",
    };
    let cells = angles.len() * (usize::from(palmar) + usize::from(dorsal)) * 2;
    let reps = (rows.len() as f64 / cells as f64).round();
    let params = s.params.value()?;
    let feedback = params
        .get("feedback")
        .and_then(serde_json::Value::as_bool)
        .filter(|on| *on)
        .and_then(|_| params.pointer("/parameters/feedback_ms").and_then(serde_json::Value::as_f64))
        .map_or("No feedback".to_string(), |ms| format!("{}", ms / 1000.0));
    let practice = if s.trials.iter().any(|t| t.practice) { "Yes" } else { "No" };
    let started = s.started_at.local()?;
    let date = started.format("%Y-%m-%d_%Hh%M.%S.%3f").to_string();
    let completion = s
        .ended_at
        .as_ref()
        .map(|end| format!("{:.3}", (end.unix_ms - s.started_at.unix_ms) as f64 / 1000.0))
        .unwrap_or_default();
    let version = format!("proprio {}", doc.app_version);
    for (i, t) in rows.iter().enumerate() {
        let spec = &t.stimulus;
        let clockwise = spec.screen_rotation_clockwise_deg();
        let view = if spec.view == View::Palm { "palmar" } else { "dorsal" };
        let answered = !t.timeout && !t.voided;
        let cell = |v: Option<String>| if answered { v.unwrap_or_default() } else { String::new() };
        w.write_record([
            doc.patient.code.clone(),
            format!("{:03}", s.id),
            "EN".into(),
            "Both hands".into(),
            practice.into(),
            format!("{} (increments of 15º)", angles.len()),
            views.into(),
            format!("{reps}"),
            feedback.clone(),
            date.clone(),
            version.clone(),
            String::new(),
            if i + 1 == rows.len() { completion.clone() } else { String::new() },
            "0".into(),
            clockwise.to_string(),
            view.into(),
            spec.side.to_string(),
            direction(spec).into(),
            t.stimulus_id.clone(),
            cell(t.answer.map(|a| key(a).to_string())),
            cell(Some(u8::from(t.correct).to_string())),
            cell(t.rt_ms.map(|ms| format!("{:.4}", ms / 1000.0))),
        ])
        .map_err(csv_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stimulus::{Posture, StimulusContext};

    /// The HLJT's Stimuli_8angles table, row by row (hljt_angle is PsychoPy's clockwise
    /// `ori`).
    #[test]
    fn directions_follow_the_hljt_stimulus_tables() {
        let table = [
            (Side::Right, View::Back, 45, "medial"),
            (Side::Right, View::Back, 135, "medial"),
            (Side::Right, View::Back, 225, "lateral"),
            (Side::Right, View::Back, 0, "up"),
            (Side::Right, View::Back, 180, "down"),
            (Side::Right, View::Palm, 45, "lateral"),
            (Side::Right, View::Palm, 270, "medial"),
            (Side::Left, View::Back, 45, "lateral"),
            (Side::Left, View::Back, 315, "medial"),
            (Side::Left, View::Palm, 90, "medial"),
            (Side::Left, View::Palm, 225, "lateral"),
        ];
        for (side, view, clockwise, expected) in table {
            // Our rotation for that clockwise screen turn: clockwise for a right part.
            let rotation_deg = if side == Side::Right { clockwise } else { (360 - clockwise) % 360 };
            let spec = StimulusSpec {
                body_part: BodyPart::Hand,
                side,
                view,
                posture: Posture::Flat,
                rotation_deg,
                skin_tone: 0,
                context: StimulusContext::None,
                variant: 0,
            };
            assert_eq!(spec.screen_rotation_clockwise_deg(), clockwise);
            assert_eq!(direction(&spec), expected, "{side} {view} {clockwise}");
        }
    }
}
