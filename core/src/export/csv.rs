//! CSV tables for a spreadsheet or R: `trials.csv`, `sessions.csv`, `journal.csv`. UTF-8,
//! a header row, one record per row, times as ISO 8601 with their UTC offset, decimal
//! points, quoting by the `csv` crate.

use super::{ExportDocument, ExportFile};
use crate::error::Result;
use crate::laterality::session::observations;
use crate::laterality::stats;
use crate::time::WallTime;

/// The three tables of `doc`.
pub fn tables(doc: &ExportDocument) -> Result<Vec<ExportFile>> {
    Ok(vec![
        ExportFile { name: "trials.csv".into(), bytes: trials(doc)? },
        ExportFile { name: "sessions.csv".into(), bytes: sessions(doc)? },
        ExportFile { name: "journal.csv".into(), bytes: journal(doc)? },
    ])
}

/// "2026-03-02T09:00:00.000+01:00" in the instant's own zone.
pub(super) fn iso(at: &WallTime) -> Result<String> {
    Ok(at.local()?.to_rfc3339_opts(chrono::SecondsFormat::Millis, false))
}

fn number(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.3}")).unwrap_or_default()
}

fn finish(w: ::csv::Writer<Vec<u8>>) -> Result<Vec<u8>> {
    w.into_inner().map_err(|e| crate::Error::Io(e.into_error()))
}

fn trials(doc: &ExportDocument) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record([
        "session_id",
        "session_started_at",
        "body_part",
        "level",
        "trial_index",
        "practice",
        "stimulus_id",
        "side",
        "view",
        "posture",
        "rotation_deg",
        "rotation_direction",
        "skin_tone",
        "context",
        "variant",
        "answer",
        "correct",
        "rt_ms",
        "anticipation",
        "timeout",
        "voided",
        "onset_ns",
        "response_ns",
    ])
    .map_err(csv_error)?;
    for s in &doc.sessions {
        let started = iso(&s.started_at)?;
        for t in &s.trials {
            let spec = &t.stimulus;
            w.write_record([
                s.id.to_string(),
                started.clone(),
                s.body_part.to_string(),
                s.level.map(|l| l.to_string()).unwrap_or_default(),
                t.index.to_string(),
                u8::from(t.practice).to_string(),
                t.stimulus_id.clone(),
                t.side.to_string(),
                spec.view.to_string(),
                spec.posture.to_string(),
                spec.rotation_deg.to_string(),
                spec.rotation_direction().to_string(),
                spec.skin_tone.to_string(),
                spec.context.to_string(),
                spec.variant.to_string(),
                t.answer.map(|a| a.to_string()).unwrap_or_default(),
                u8::from(t.correct).to_string(),
                number(t.rt_ms),
                u8::from(t.anticipation).to_string(),
                u8::from(t.timeout).to_string(),
                u8::from(t.voided).to_string(),
                t.onset_ns.to_string(),
                t.response_ns.map(|r| r.to_string()).unwrap_or_default(),
            ])
            .map_err(csv_error)?;
        }
    }
    finish(w)
}

fn sessions(doc: &ExportDocument) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record([
        "session_id",
        "kind",
        "body_part",
        "started_at",
        "ended_at",
        "state",
        "level",
        "seed",
        "trials",
        "left_n",
        "left_accuracy",
        "left_median_rt_ms",
        "right_n",
        "right_accuracy",
        "right_median_rt_ms",
        "anticipations",
        "timeouts",
        "voided",
    ])
    .map_err(csv_error)?;
    for s in &doc.sessions {
        let trials = s.recorded_trials();
        let st = stats::compute(&observations(&trials)?, &[]);
        w.write_record([
            s.id.to_string(),
            s.kind.to_string(),
            s.body_part.to_string(),
            iso(&s.started_at)?,
            s.ended_at.as_ref().map(iso).transpose()?.unwrap_or_default(),
            s.state.to_string(),
            s.level.map(|l| l.to_string()).unwrap_or_default(),
            s.seed.to_string(),
            s.trials.len().to_string(),
            st.left.n.to_string(),
            number(st.left.accuracy),
            number(st.left.median_rt_ms),
            st.right.n.to_string(),
            number(st.right.accuracy),
            number(st.right.median_rt_ms),
            (st.left.anticipations + st.right.anticipations).to_string(),
            (st.left.timeouts + st.right.timeouts).to_string(),
            s.trials.iter().filter(|t| t.voided).count().to_string(),
        ])
        .map_err(csv_error)?;
    }
    finish(w)
}

fn journal(doc: &ExportDocument) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(["entry_id", "at", "pain", "fear", "medication", "note", "session_id", "sleep"])
        .map_err(csv_error)?;
    for e in &doc.journal {
        w.write_record([
            e.id.to_string(),
            iso(&e.at)?,
            e.pain.to_string(),
            e.fear.map(|f| f.to_string()).unwrap_or_default(),
            u8::from(e.medication).to_string(),
            spreadsheet_safe(&e.note),
            e.session_id.map(|s| s.to_string()).unwrap_or_default(),
            e.sleep.map(|s| s.to_string()).unwrap_or_default(),
        ])
        .map_err(csv_error)?;
    }
    finish(w)
}

/// A note that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab
/// or a carriage return) is written with a leading apostrophe, the usual guard.
fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

pub(super) fn csv_error(e: ::csv::Error) -> crate::Error {
    crate::Error::Io(std::io::Error::other(e))
}
