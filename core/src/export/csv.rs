//! CSV tables for a spreadsheet or R: `trials.csv`, `sessions.csv`, `journal.csv` and
//! `guided.csv` (one row per answer to a guided session's step). UTF-8, a header row, one
//! record per row, times as ISO 8601 with their UTC offset, decimal points, quoting by
//! the `csv` crate. Written as the sessions come.

use super::{ExportFrame, ExportSession, Formatter};
use crate::error::Result;
use crate::laterality::session::observations;
use crate::laterality::stats;
use crate::programme::steps::About;
use crate::time::WallTime;
use std::io::Write;

type Out<'a> = ::csv::Writer<&'a mut dyn Write>;

/// The four tables, one writer each.
pub struct Tables<'a> {
    trials: Out<'a>,
    sessions: Out<'a>,
    journal: Out<'a>,
    guided: Out<'a>,
}

impl<'a> Tables<'a> {
    pub fn new(
        trials: &'a mut dyn Write,
        sessions: &'a mut dyn Write,
        journal: &'a mut dyn Write,
        guided: &'a mut dyn Write,
    ) -> Self {
        Tables {
            trials: ::csv::Writer::from_writer(trials),
            sessions: ::csv::Writer::from_writer(sessions),
            journal: ::csv::Writer::from_writer(journal),
            guided: ::csv::Writer::from_writer(guided),
        }
    }
}

impl Formatter for Tables<'_> {
    fn begin(&mut self, _: &ExportFrame) -> Result<()> {
        self.trials.write_record(TRIAL_COLUMNS).map_err(csv_error)?;
        self.sessions.write_record(SESSION_COLUMNS).map_err(csv_error)?;
        self.guided.write_record(GUIDED_COLUMNS).map_err(csv_error)?;
        Ok(())
    }

    fn session(&mut self, _: &ExportFrame, s: &ExportSession) -> Result<()> {
        trial_rows(&mut self.trials, s)?;
        guided_rows(&mut self.guided, s)?;
        session_row(&mut self.sessions, s)
    }

    fn end(&mut self, frame: &ExportFrame) -> Result<()> {
        journal(&mut self.journal, frame)?;
        for w in [&mut self.trials, &mut self.sessions, &mut self.journal, &mut self.guided] {
            w.flush()?;
        }
        Ok(())
    }
}

/// "2026-03-02T09:00:00.000+01:00" in the instant's own zone.
pub(super) fn iso(at: &WallTime) -> Result<String> {
    Ok(at.local()?.to_rfc3339_opts(chrono::SecondsFormat::Millis, false))
}

fn number(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.3}")).unwrap_or_default()
}

const TRIAL_COLUMNS: [&str; 23] = [
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
];

fn trial_rows(w: &mut Out, s: &ExportSession) -> Result<()> {
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
    Ok(())
}

const SESSION_COLUMNS: [&str; 18] = [
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
];

fn session_row(w: &mut Out, s: &ExportSession) -> Result<()> {
    let trials = s.recorded_trials();
    let (left, right) = stats::sides(&observations(&trials)?, &[]);
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
        left.n.to_string(),
        number(left.accuracy),
        number(left.median_rt_ms),
        right.n.to_string(),
        number(right.accuracy),
        number(right.median_rt_ms),
        (left.anticipations + right.anticipations).to_string(),
        (left.timeouts + right.timeouts).to_string(),
        s.trials.iter().filter(|t| t.voided).count().to_string(),
    ])
    .map_err(csv_error)?;
    Ok(())
}

const GUIDED_COLUMNS: [&str; 15] = [
    "session_id",
    "kind",
    "body_part",
    "session_started_at",
    "ending",
    "step_index",
    "purpose",
    "shown",
    "timer_s",
    "answer",
    "value",
    "choice",
    "correct",
    "answered_at",
    "passed",
];

/// One row per answer of a guided session: the step it answered (what was shown, its
/// timer) and the answer with its time; `correct` for a sensory drill's answers.
fn guided_rows(w: &mut Out, s: &ExportSession) -> Result<()> {
    let Some(g) = &s.guided else {
        return Ok(());
    };
    let started = iso(&s.started_at)?;
    for a in &g.answers {
        let step = g.script.steps.get(a.index as usize);
        let correct = g.sensory.iter().find(|t| t.index == a.index).map(|t| u8::from(t.correct).to_string());
        w.write_record([
            s.id.to_string(),
            s.kind.to_string(),
            s.body_part.to_string(),
            started.clone(),
            g.ending.map(|e| e.to_string()).unwrap_or_default(),
            a.index.to_string(),
            a.purpose.to_string(),
            spreadsheet_safe(&step.map(|st| shown(&st.about)).transpose()?.unwrap_or_default()),
            step.and_then(|st| st.timer).map(|t| t.seconds.to_string()).unwrap_or_default(),
            word(&a.answer)?,
            a.value.map(|v| v.to_string()).unwrap_or_default(),
            a.choice.clone().unwrap_or_default(),
            correct.unwrap_or_default(),
            iso(&a.at)?,
            u8::from(g.passed).to_string(),
        ])
        .map_err(csv_error)?;
    }
    Ok(())
}

/// What a step showed, in a few words: the picture's id, the mirror level and movement,
/// the texture and phase, the activity, or the sensory prompt and its right answer.
fn shown(about: &About) -> Result<String> {
    Ok(match about {
        About::Nothing => String::new(),
        About::Picture { stimulus, repetition, of } => format!("{stimulus} ({repetition} of {of})"),
        About::MirrorSetup { level } => format!("level {level}"),
        About::Mirror { movement, level } => format!("{} at level {level}", word(movement)?),
        About::Texture { name, phase } => format!("{name} ({phase})"),
        About::Activity { name } => name.clone(),
        About::Sensory(cue) => format!("{} at {}: {}", cue.drill, cue.region, cue.target),
    })
}

/// A value's word as the JSON export writes it (`"open-close"`, `"rating"`).
fn word(value: &impl serde::Serialize) -> Result<String> {
    Ok(serde_json::to_value(value)?.as_str().unwrap_or_default().to_string())
}

fn journal(w: &mut Out, doc: &ExportFrame) -> Result<()> {
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
    Ok(())
}

/// A note that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab
/// or a carriage return) is written with a leading apostrophe, the usual guard.
fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

pub(super) fn csv_error(e: ::csv::Error) -> crate::Error {
    crate::Error::Io(std::io::Error::other(e))
}
