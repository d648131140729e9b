//! Exports and backups: gather everything in a date range from one read snapshot into an
//! [`ExportDocument`] (the formatters in `export/` write it out), and restore a backup
//! into an empty database in one transaction, after checking all of it.

use crate::error::{Error, Result};
use crate::export::{self, ExportDocument, ExportFile, ExportFormat, ExportSession, ExportTrial};
use crate::laterality::session::{SessionParams, observations};
use crate::laterality::{levels, stats};
use crate::params::Parameters;
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::StimulusSpec;
use crate::store::{self, Store, backup, summaries};
use crate::time::WallTime;
use chrono::NaiveDate;
use std::collections::HashSet;

/// The files of an export in `format`, for local dates `from..=to` (`YYYY-MM-DD`).
pub fn export(
    store: &Store,
    format: ExportFormat,
    from: Option<&str>,
    to: Option<&str>,
    now: &WallTime,
) -> Result<Vec<ExportFile>> {
    let doc = document(store, from, to, now)?;
    Ok(match format {
        ExportFormat::Json => vec![ExportFile { name: "proprio-export.json".into(), bytes: doc.to_json()? }],
        ExportFormat::Csv => export::csv::tables(&doc)?,
        ExportFormat::Hljt => vec![export::hljt::trials(&doc)?],
        ExportFormat::Fhir => vec![export::fhir::bundle(&doc)?],
        ExportFormat::Html => {
            vec![ExportFile {
                name: "proprio-report.html".into(),
                bytes: export::report::html(&doc)?.into_bytes(),
            }]
        }
    })
}

fn date(text: Option<&str>, field: &str) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map_err(|_| Error::invalid(field, format!("'{t}' is not a date like 2026-03-01")))
    })
    .transpose()
}

/// Everything in the range, from one snapshot.
pub fn document(
    store: &Store,
    from: Option<&str>,
    to: Option<&str>,
    now: &WallTime,
) -> Result<ExportDocument> {
    now.validate("now")?;
    let (first, last) = (date(from, "from")?, date(to, "to")?);
    if let (Some(a), Some(b)) = (first, last)
        && a > b
    {
        return Err(Error::invalid("to", format!("{b} is before {a}")));
    }
    let in_range = |at: &WallTime| -> Result<bool> {
        let day = at.local()?.date_naive();
        Ok(first.is_none_or(|f| day >= f) && last.is_none_or(|l| day <= l))
    };
    store.read(|c| {
        let mut sessions = Vec::new();
        for row in store::sessions::list(c)?.into_iter().rev() {
            if !in_range(&row.started_at)? {
                continue;
            }
            let trials = store::sessions::trials(c, row.id)?
                .into_iter()
                .map(|t| {
                    let tr = t.trial;
                    Ok(ExportTrial {
                        index: t.index,
                        stimulus: StimulusSpec::from_id(&tr.stimulus)?,
                        rt_ms: tr.rt_ms(),
                        anticipation: tr.anticipated(),
                        timeout: tr.timed_out(),
                        voided: tr.voided(),
                        practice: tr.practice(),
                        stimulus_id: tr.stimulus,
                        side: tr.side,
                        answer: tr.answer,
                        correct: tr.correct,
                        onset_ns: tr.onset_ns,
                        response_ns: tr.response_ns,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            sessions.push(ExportSession {
                id: row.id,
                kind: row.kind,
                body_part: row.body_part,
                plan: store::sessions::plan(c, row.id)?,
                params: serde_json::from_str(&row.params)?,
                started_at: row.started_at,
                ended_at: row.ended_at,
                state: row.state,
                seed: row.seed,
                level: row.level,
                trials,
            });
        }
        let ids: HashSet<i64> = sessions.iter().map(|s| s.id).collect();
        let mut journal = Vec::new();
        for e in store::journal::list(c)? {
            if in_range(&e.at)? {
                journal.push(e);
            }
        }
        let mut events = Vec::new();
        for e in store::reminders::all_events(c)? {
            if in_range(&e.at)? {
                events.push(e);
            }
        }
        let reminders = export::ExportReminders {
            settings: store::reminders::settings(c)?,
            events,
            learned: store::reminders::learned(c)?
                .into_iter()
                .map(|l| export::LearnedMinute { kind: l.kind, slot: l.slot, minute: l.minute })
                .collect(),
        };
        Ok(ExportDocument {
            format: export::FORMAT.into(),
            format_version: export::FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            exported_at: now.clone(),
            from: first.map(|d| d.to_string()),
            to: last.map(|d| d.to_string()),
            patient: store::profile::get(c)?,
            parameters: Parameters::default().table(),
            sessions,
            journal,
            ladder: summaries::ladder_all(c)?.into_iter().filter(|l| ids.contains(&l.session_id)).collect(),
            reminders: Some(reminders),
        })
    })
}

/// What a restore brought in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportSummary {
    pub sessions: u32,
    pub trials: u32,
    pub journal_entries: u32,
}

/// Restores a backup. A database that already holds sessions or journal entries is
/// refused unless `replace`; the document is checked whole first, so a bad one changes
/// nothing. Sessions the backup shows running are restored as interrupted.
pub fn import(store: &Store, bytes: &[u8], replace: bool) -> Result<ImportSummary> {
    let doc = ExportDocument::from_json(bytes)?;
    let params = check(&doc)?;
    store.write(|tx| {
        if backup::holds_data(tx)? {
            if !replace {
                return Err(Error::InvalidState(
                    "this database already holds sessions or journal entries; ask to replace them to restore the backup"
                        .into(),
                ));
            }
            backup::clear(tx)?;
        }
        backup::restore_profile(tx, &doc.patient)?;
        for (s, params_json) in doc.sessions.iter().zip(&params) {
            let mut s = s.clone();
            if s.state == SessionState::Running {
                s.state = SessionState::Interrupted;
            }
            backup::restore_session(tx, &s, params_json)?;
            if s.kind == SessionKind::LeftRight && s.state != SessionState::Running {
                let st = stats::compute(&observations(&s.recorded_trials())?, &[]);
                summaries::write(tx, s.id, &st.left)?;
                summaries::write(tx, s.id, &st.right)?;
            }
        }
        for l in &doc.ladder {
            backup::restore_ladder_step(tx, l)?;
        }
        for e in &doc.journal {
            backup::restore_journal_entry(tx, e)?;
        }
        if let Some(r) = &doc.reminders {
            store::reminders::set_settings(tx, &r.settings)?;
            for e in &r.events {
                store::reminders::restore_event(tx, e)?;
            }
            let learned: Vec<crate::reminders::LearnedSlot> = r
                .learned
                .iter()
                .map(|l| crate::reminders::LearnedSlot { kind: l.kind, slot: l.slot, minute: l.minute })
                .collect();
            store::reminders::set_learned(tx, &learned)?;
        }
        Ok(ImportSummary {
            sessions: doc.sessions.len() as u32,
            trials: doc.sessions.iter().map(|s| s.trials.len() as u32).sum(),
            journal_entries: doc.journal.len() as u32,
        })
    })
}

/// Checks every record of a backup against the rules a fresh recording would meet;
/// returns each session's parameters as they will be stored.
fn check(doc: &ExportDocument) -> Result<Vec<String>> {
    let bad = |path: String, reason: String| Error::InvalidArgument { field: path, reason };
    if doc.patient.code.is_empty() || doc.patient.code.len() > 32 {
        return Err(bad("backup.patient.code".into(), "must be 1–32 characters".into()));
    }
    crate::patient::ProfileUpdate { skin_tone: Some(doc.patient.skin_tone), ..Default::default() }
        .validate()
        .map_err(|e| bad("backup.patient.skin_tone".into(), e.to_string()))?;
    let mut ids = HashSet::new();
    let mut params = Vec::with_capacity(doc.sessions.len());
    for (i, s) in doc.sessions.iter().enumerate() {
        let at = |what: &str| format!("backup.sessions[{i}].{what}");
        if s.id <= 0 || !ids.insert(s.id) {
            return Err(bad(at("id"), format!("{} is not a new positive id", s.id)));
        }
        s.started_at.validate(&at("started_at")).map_err(|e| bad(at("started_at"), e.to_string()))?;
        if let Some(end) = &s.ended_at {
            end.validate(&at("ended_at")).map_err(|e| bad(at("ended_at"), e.to_string()))?;
        }
        if let Some(level) = s.level.filter(|l| !(levels::MIN_LEVEL..=levels::MAX_LEVEL).contains(l)) {
            return Err(bad(at("level"), format!("{level} is not a level (1–6)")));
        }
        let json = if s.kind == SessionKind::LeftRight {
            let p: SessionParams =
                serde_json::from_value(s.params.clone()).map_err(|e| bad(at("params"), e.to_string()))?;
            serde_json::to_string(&p)?
        } else {
            serde_json::to_string(&s.params)?
        };
        params.push(json);
        for (k, id) in s.plan.iter().enumerate() {
            StimulusSpec::from_id(id).map_err(|e| bad(at(&format!("plan[{k}]")), e.to_string()))?;
        }
        let mut last = None;
        for (k, t) in s.trials.iter().enumerate() {
            let at = |what: &str| at(&format!("trials[{k}].{what}"));
            if last.is_some_and(|l| t.index <= l) {
                return Err(bad(at("index"), format!("{} does not follow {}", t.index, last.unwrap_or(0))));
            }
            last = Some(t.index);
            let spec =
                StimulusSpec::from_id(&t.stimulus_id).map_err(|e| bad(at("stimulus_id"), e.to_string()))?;
            if spec != t.stimulus || spec.side != t.side {
                return Err(bad(at("stimulus"), "does not match its stimulus_id".into()));
            }
            if t.onset_ns < 0 || t.response_ns.is_some_and(|r| r < t.onset_ns) {
                return Err(bad(at("response_ns"), "stamped before the picture appeared".into()));
            }
        }
    }
    let mut entries = HashSet::new();
    for (i, e) in doc.journal.iter().enumerate() {
        let at = |what: &str| format!("backup.journal[{i}].{what}");
        if e.id <= 0 || !entries.insert(e.id) {
            return Err(bad(at("id"), format!("{} is not a new positive id", e.id)));
        }
        let entry = crate::patient::NewJournalEntry {
            at: e.at.clone(),
            pain: e.pain,
            fear: e.fear,
            medication: e.medication,
            sleep: e.sleep,
            note: e.note.clone(),
            session_id: e.session_id,
        };
        entry.validate().map_err(|err| bad(at("entry"), err.to_string()))?;
        if e.session_id.is_some_and(|s| !ids.contains(&s)) {
            return Err(bad(at("session_id"), "names no session in the backup".into()));
        }
    }
    for (i, l) in doc.ladder.iter().enumerate() {
        if !ids.contains(&l.session_id) {
            return Err(bad(
                format!("backup.ladder[{i}].session_id"),
                "names no session in the backup".into(),
            ));
        }
    }
    if let Some(r) = &doc.reminders {
        check_reminders(r)?;
    }
    Ok(params)
}

fn check_reminders(r: &export::ExportReminders) -> Result<()> {
    let bad = |path: String, reason: String| Error::InvalidArgument { field: path, reason };
    r.settings.validate().map_err(|e| bad("backup.reminders.settings".into(), e.to_string()))?;
    for (i, e) in r.events.iter().enumerate() {
        let at = |what: &str| format!("backup.reminders.events[{i}].{what}");
        let key = crate::reminders::ReminderKey::parse(&e.reminder_id, &at("reminder_id"))?;
        if key.kind != e.kind {
            return Err(bad(at("kind"), "does not match its reminder id".into()));
        }
        if !store::reminders::is_event_name(&e.event) || (e.event == "snoozed") != e.until_ms.is_some() {
            return Err(bad(
                at("event"),
                format!("'{}' is not a reminder event this version records", e.event),
            ));
        }
        e.at.validate(&at("at"))?;
    }
    for (i, l) in r.learned.iter().enumerate() {
        if !(0..24 * 60).contains(&l.minute) {
            return Err(bad(
                format!("backup.reminders.learned[{i}].minute"),
                format!("{} is not a minute of the day", l.minute),
            ));
        }
    }
    Ok(())
}
