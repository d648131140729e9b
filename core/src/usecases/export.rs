//! Exports and backups: read everything in a date range from one read snapshot and feed
//! it, session by session, to a formatter in `export/` writing to memory or to new files
//! (never all sessions at once); render the report from an export file in one pass; and
//! restore a backup into an empty database in one transaction, after checking all of it.

use crate::error::{Error, Result};
use crate::export::read::Source;
use crate::export::{
    self, ExportDocument, ExportFile, ExportFormat, ExportFrame, ExportSession, ExportTrial, Formatter,
    StoredJson,
};
use crate::files::{NewFile, NewFiles};
use crate::laterality::session::{SessionParams, observations};
use crate::laterality::{levels, stats};
use crate::programme::steps::{About, Ending, Position, exposure, mirror, sensory, textures};
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::{BodyPart, StimulusSpec};
use crate::store::{self, Store, backup, summaries};
use crate::time::WallTime;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The files of an export in `format`, for local dates `from..=to` (`YYYY-MM-DD`), in
/// memory: for a short range; a long one is written with [`export_to_files`].
pub fn export(
    store: &Store,
    format: ExportFormat,
    from: Option<&str>,
    to: Option<&str>,
    now: &WallTime,
) -> Result<Vec<ExportFile>> {
    let names = format.file_names();
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); names.len()];
    {
        let outputs = buffers.iter_mut().map(|b| b as &mut dyn Write).collect();
        gather(store, from, to, now, &mut *export::formatter(format, outputs))?;
    }
    Ok(names.iter().zip(buffers).map(|(name, bytes)| ExportFile { name: (*name).into(), bytes }).collect())
}

/// Where an export's files go: the folder that receives the CSV tables (made if
/// missing), or the file of any other format.
fn targets(format: ExportFormat, path: &Path, sealed: bool) -> Result<Vec<PathBuf>> {
    if format != ExportFormat::Csv {
        return Ok(vec![path.to_path_buf()]);
    }
    std::fs::create_dir_all(path)
        .map_err(|e| Error::invalid("path", format!("cannot create the folder {}: {e}", path.display())))?;
    Ok(format
        .file_names()
        .iter()
        .map(|name| path.join(if sealed { format!("{name}.age") } else { (*name).to_string() }))
        .collect())
}

/// Writes an export straight to new files (see [`crate::files`]: readable by the owner
/// only, never over an existing file, nothing left behind on a failure), encrypted with
/// `passphrase` if one is given. `path` is the file, or the folder of the CSV tables.
/// Returns the files written.
pub fn export_to_files(
    store: &Store,
    format: ExportFormat,
    from: Option<&str>,
    to: Option<&str>,
    path: &Path,
    passphrase: Option<&str>,
    now: &WallTime,
) -> Result<Vec<PathBuf>> {
    if let Some(pass) = passphrase {
        export::crypt::check_passphrase(pass)?;
    }
    let made = format == ExportFormat::Csv && !path.exists();
    let written = targets(format, path, passphrase.is_some())
        .and_then(|targets| write_files(store, format, from, to, &targets, passphrase, now));
    if written.is_err() && made {
        // The folder made for the tables goes too (only if empty: nothing else is lost).
        let _ = std::fs::remove_dir(path);
    }
    written
}

/// Writes the export's files to `targets` (one per file of the format, in its order).
pub(super) fn write_files(
    store: &Store,
    format: ExportFormat,
    from: Option<&str>,
    to: Option<&str>,
    targets: &[PathBuf],
    passphrase: Option<&str>,
    now: &WallTime,
) -> Result<Vec<PathBuf>> {
    let mut files = NewFiles::create(targets)?;
    {
        let mut outputs = files
            .0
            .iter_mut()
            .map(|f| export::crypt::Output::new(f as &mut dyn Write, passphrase))
            .collect::<Result<Vec<_>>>()?;
        let writers = outputs.iter_mut().map(|o| o as &mut dyn Write).collect();
        gather(store, from, to, now, &mut *export::formatter(format, writers))?;
        for o in outputs {
            o.finish()?;
        }
    }
    files.commit()
}

fn date(text: Option<&str>, field: &str) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map_err(|_| Error::invalid(field, format!("'{t}' is not a date like 2026-03-01")))
    })
    .transpose()
}

/// Everything in the range, from one snapshot, fed to `out`: the frame, then each
/// session oldest first (read, formatted and dropped before the next).
fn gather(
    store: &Store,
    from: Option<&str>,
    to: Option<&str>,
    now: &WallTime,
    out: &mut dyn Formatter,
) -> Result<()> {
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
        let mut rows = Vec::new();
        for row in store::sessions::list_uncounted(c)? {
            if in_range(&row.started_at)? {
                rows.push(row);
            }
        }
        let ids: HashSet<i64> = rows.iter().map(|s| s.id).collect();
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
        let frame = ExportFrame {
            format: export::FORMAT.into(),
            format_version: export::FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            exported_at: now.clone(),
            from: first.map(|d| d.to_string()),
            to: last.map(|d| d.to_string()),
            patient: store::profile::get(c)?,
            parameters: super::plan::parameters_in(c)?.table(),
            journal,
            ladder: summaries::ladder_all(c)?.into_iter().filter(|l| ids.contains(&l.session_id)).collect(),
            reminders: Some(reminders),
            stages: store::programme::events(c, None, u32::MAX)?
                .into_iter()
                .map(|e| export::ExportStageEvent {
                    body_part: e.body_part,
                    from: e.from,
                    to: e.to,
                    origin: e.reason.origin(),
                    reason: e.reason,
                    at: e.at,
                })
                .collect(),
            stage_plans: stage_plans(c)?,
            plans: store::plan::history(c)?
                .into_iter()
                .rev()
                .map(|p| {
                    Ok(export::ExportPlan {
                        received_at: p.received_at,
                        source: p.source,
                        plan: serde_json::from_str(&p.plan.to_json(false))?,
                        changes: p.changes,
                    })
                })
                .collect::<Result<_>>()?,
            texture_ladder: Some(store::guided::textures(c)?),
            exposure_ladder: Some(store::guided::all_exposure_steps(c)?),
        };
        out.begin(&frame)?;
        // One pass over the trials in the table's order (by session, then index), each
        // session handed on when the next one's trials start, then dropped.
        let mut pending = rows.into_iter().peekable();
        let mut trials = Vec::new();
        let mut emit = |row: store::SessionRow, trials: Vec<ExportTrial>| -> Result<()> {
            // Only guided kinds have steps: no query per left/right session.
            let guided = if row.kind == SessionKind::LeftRight { None } else { guided(c, row.id)? };
            let session = ExportSession {
                id: row.id,
                kind: row.kind,
                body_part: row.body_part,
                plan: store::sessions::plan(c, row.id)?,
                params: StoredJson::new(row.params)?,
                started_at: row.started_at,
                ended_at: row.ended_at,
                state: row.state,
                seed: row.seed,
                level: row.level,
                trials,
                guided,
            };
            out.session(&frame, &session)
        };
        if let (Some(first), Some(last)) = (ids.iter().min(), ids.iter().max()) {
            store::sessions::each_trial(c, *first, *last, |t| {
                while let Some(row) = pending.next_if(|r| r.id < t.session_id) {
                    emit(row, std::mem::take(&mut trials))?;
                }
                if pending.peek().is_some_and(|r| r.id == t.session_id) {
                    let tr = t.trial;
                    trials.push(ExportTrial {
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
                    });
                }
                Ok(())
            })?;
        }
        for row in pending {
            emit(row, std::mem::take(&mut trials))?;
        }
        out.end(&frame)
    })
}

/// A guided session's script, ending, answers and sensory trials, as stored (`None` for
/// a session started without steps).
fn guided(c: &rusqlite::Connection, session_id: i64) -> Result<Option<export::ExportGuided>> {
    let Some(row) = store::guided::get(c, session_id)? else {
        return Ok(None);
    };
    Ok(Some(export::ExportGuided {
        script: serde_json::from_str(&row.script)?,
        subject: row.subject,
        phase: row.phase,
        ending: row.ending,
        passed: row.passed,
        answers: store::guided::stamped_answers(c, session_id)?
            .into_iter()
            .map(|(a, at)| export::ExportAnswer::new(&a, at))
            .collect(),
        sensory: store::guided::sensory_trials(c, session_id)?,
    }))
}

/// The stage plan stored for each body part, in the body parts' order.
fn stage_plans(c: &rusqlite::Connection) -> Result<Vec<export::ExportStagePlan>> {
    let mut plans = Vec::new();
    for &body_part in BodyPart::ALL {
        if let Some(plan) = store::programme::plan(c, body_part)? {
            plans.push(export::ExportStagePlan { body_part, plan });
        }
    }
    Ok(plans)
}

/// The report for the JSON export in the file `export`, written to the new file `out`
/// (as [`export_to_files`] writes): the export is read once, as a stream, decrypted on
/// the way if it is encrypted, and never held whole. Refused as `import` refuses it; a
/// file larger than any export is refused before it is read.
pub fn report_file(export: &Path, passphrase: Option<&str>, out: &Path) -> Result<PathBuf> {
    let cannot =
        |e: std::io::Error| Error::invalid("export", format!("cannot read {}: {e}", export.display()));
    let file = std::fs::File::open(export).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if meta.is_file() && meta.len() > export::MAX_EXPORT_BYTES as u64 {
        return Err(Error::invalid(
            "backup",
            format!("{} bytes is larger than any Proprio export", meta.len()),
        ));
    }
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let encrypted = export::crypt::is_encrypted(reader.fill_buf().map_err(cannot)?);
    let mut target = NewFile::create(out)?;
    let html = match (encrypted, passphrase) {
        (false, _) => export::report::from_reader(reader, Source::Plain)?,
        (true, Some(pass)) => {
            let plain = BufReader::with_capacity(1 << 20, export::crypt::decrypting(reader, pass)?);
            export::report::from_reader(plain, Source::Encrypted)?
        }
        (true, None) => {
            return Err(Error::invalid("passphrase", "the export is encrypted; its passphrase is needed"));
        }
    };
    target.write_all(html.as_bytes())?;
    NewFiles(vec![target]).commit().map(|mut placed| placed.remove(0))
}

/// What a restore brought in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct ImportSummary {
    pub sessions: u32,
    /// Left/right pictures answered (or timed out) in those sessions.
    pub trials: u32,
    /// Of `sessions`, the guided ones (every kind but left/right).
    pub guided_sessions: u32,
    pub journal_entries: u32,
}

/// Restores a backup. A database that already holds sessions or journal entries is
/// refused unless `replace`; the document is checked whole first, so a bad one changes
/// nothing. Sessions the backup shows running are restored as interrupted.
pub fn import(store: &Store, bytes: &[u8], replace: bool) -> Result<ImportSummary> {
    let doc = ExportDocument::from_json(bytes)?;
    let params = check(&doc)?;
    let plans = check_programme(&doc)?;
    check_guided(&doc)?;
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
            if let Some(g) = &s.guided {
                backup::restore_guided(tx, s.id, g)?;
            }
            if s.kind == SessionKind::LeftRight && s.state != SessionState::Running {
                let (left, right) = stats::sides(&observations(&s.recorded_trials())?, &[]);
                summaries::write(tx, s.id, &left)?;
                summaries::write(tx, s.id, &right)?;
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
        // The programme: an older backup carries none of it, and what is here stays.
        if !doc.stages.is_empty() {
            backup::clear_stage_events(tx)?;
            for e in &doc.stages {
                store::programme::add_event(tx, e.body_part, e.from, e.to, &e.reason, &e.at)?;
            }
        }
        if !doc.stage_plans.is_empty() {
            backup::clear_stage_plans(tx)?;
            for p in &doc.stage_plans {
                store::programme::set_plan(tx, p.body_part, &p.plan)?;
            }
        }
        if !plans.is_empty() {
            backup::clear_plan_history(tx)?;
            for (p, plan) in doc.plans.iter().zip(&plans) {
                store::plan::add(tx, &p.received_at, p.source, plan, &p.changes)?;
            }
        }
        // The ladders, likewise (but a backup's empty texture ladder is the defaults).
        if let Some(names) = &doc.texture_ladder {
            store::guided::set_textures(tx, names)?;
        }
        if let Some(steps) = &doc.exposure_ladder {
            store::guided::restore_exposure_steps(tx, steps)?;
        }
        Ok(ImportSummary {
            sessions: doc.sessions.len() as u32,
            trials: doc.sessions.iter().map(|s| s.trials.len() as u32).sum(),
            guided_sessions: doc.sessions.iter().filter(|s| s.guided.is_some()).count() as u32,
            journal_entries: doc.journal.len() as u32,
        })
    })
}

/// The largest backup a phone restores: five years of practice export to 445 MB, and a
/// restore holds the document in memory (about 1.6 times its size at the peak).
pub const MAX_BACKUP_BYTES: u64 = 1 << 30;

/// Restores the backup file at `path`, as the phones' restore screen picks it: the JSON
/// export, plain or locked with a passphrase. Bounded by [`MAX_BACKUP_BYTES`]; a locked
/// one without its passphrase is refused naming `passphrase`, and nothing is written
/// unless the whole backup restores (see [`import`]).
pub fn restore_file(
    store: &Store,
    path: &Path,
    passphrase: Option<&str>,
    replace: bool,
) -> Result<ImportSummary> {
    let named = |e: std::io::Error| Error::invalid("path", format!("cannot read {}: {e}", path.display()));
    let size = std::fs::metadata(path).map_err(named)?.len();
    if size > MAX_BACKUP_BYTES {
        return Err(Error::invalid(
            "backup",
            format!("{size} bytes; a backup this app restores is at most {MAX_BACKUP_BYTES} bytes"),
        ));
    }
    let bytes = std::fs::read(path).map_err(named)?;
    let plain = match (crate::export::crypt::is_encrypted(&bytes), passphrase) {
        (false, _) => bytes,
        (true, Some(pass)) => crate::export::crypt::decrypt(&bytes, pass)?,
        (true, None) => {
            return Err(Error::invalid("passphrase", "this backup is locked: enter its passphrase"));
        }
    };
    import(store, &plain, replace)
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
                serde_json::from_str(s.params.text()).map_err(|e| bad(at("params"), e.to_string()))?;
            serde_json::to_string(&p)?
        } else {
            s.params.text().to_string()
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

/// Checks the stage history, the stage plans and the plan history of a backup; returns
/// each therapist's plan, read as a plan file is read.
fn check_programme(doc: &ExportDocument) -> Result<Vec<crate::plan::TherapyPlan>> {
    let bad = |path: String, reason: String| Error::InvalidArgument { field: path, reason };
    for (i, e) in doc.stages.iter().enumerate() {
        let at = |what: &str| format!("backup.stages[{i}].{what}");
        e.at.validate(&at("at"))?;
        if e.origin != e.reason.origin() {
            return Err(bad(
                at("origin"),
                format!("'{}' does not go with the reason '{}'", e.origin, e.reason.code()),
            ));
        }
        if e.reason.is_flare() && e.from != Some(e.to) {
            return Err(bad(at("to"), "a flare event keeps the patient in their stage".into()));
        }
    }
    let mut seen = HashSet::new();
    for (i, p) in doc.stage_plans.iter().enumerate() {
        let at = |what: &str| format!("backup.stage_plans[{i}].{what}");
        if !seen.insert(p.body_part) {
            return Err(bad(at("body_part"), format!("{} has a second plan", p.body_part)));
        }
        p.plan.validate(&at("plan"))?;
    }
    let mut plans = Vec::with_capacity(doc.plans.len());
    for (i, p) in doc.plans.iter().enumerate() {
        let at = |what: &str| format!("backup.plans[{i}].{what}");
        p.received_at.validate(&at("received_at"))?;
        let plan = crate::plan::parse(&p.plan.to_string()).map_err(|e| bad(at("plan"), e.to_string()))?;
        plans.push(plan);
    }
    Ok(plans)
}

/// An error about a part of a backup, named by its path: `field` under `path`, a
/// state's complaint as `path`'s.
fn under(path: &str) -> impl Fn(Error) -> Error + '_ {
    move |e| match e {
        Error::InvalidArgument { field, reason } => {
            Error::InvalidArgument { field: format!("{path}.{field}"), reason }
        }
        Error::InvalidState(reason) => Error::InvalidArgument { field: path.to_string(), reason },
        other => other,
    }
}

/// Checks the two ladders and every guided session of a backup: each session's answers
/// are replayed against its script as the engine took them, and what was stored of them
/// (ending, exposure passed, sensory trials) must follow.
fn check_guided(doc: &ExportDocument) -> Result<()> {
    if let Some(names) = doc.texture_ladder.as_ref().filter(|n| !n.is_empty()) {
        // The ladder's checks name `textures[i]`; here it is `backup.texture_ladder[i]`.
        let named = |e: Error| match e {
            Error::InvalidArgument { field, reason } => Error::InvalidArgument {
                field: field.replacen("textures", "backup.texture_ladder", 1),
                reason,
            },
            other => other,
        };
        if textures::check_ladder(names).map_err(named)? != *names {
            return Err(Error::invalid("backup.texture_ladder", "a name has white space around it"));
        }
    }
    let mut steps = HashSet::new();
    let mut active = 0;
    for (k, e) in doc.exposure_ladder.iter().flatten().enumerate() {
        let path = format!("backup.exposure_ladder[{k}]");
        if e.id <= 0 || !steps.insert(e.id) {
            return Err(Error::invalid(&format!("{path}.id"), format!("{} is not a new positive id", e.id)));
        }
        if exposure::check_step(&e.activity, e.fear).map_err(under(&path))? != e.activity {
            return Err(Error::invalid(&format!("{path}.activity"), "white space around it"));
        }
        active += usize::from(!e.removed);
        if active > exposure::MAX_STEPS {
            return Err(Error::invalid(
                &format!("{path}.removed"),
                format!("a ladder holds at most {} steps", exposure::MAX_STEPS),
            ));
        }
    }
    for (i, s) in doc.sessions.iter().enumerate() {
        if let Some(g) = &s.guided {
            check_guided_session(s, g, &steps, &format!("backup.sessions[{i}].guided"))?;
        }
    }
    Ok(())
}

fn check_guided_session(
    s: &ExportSession,
    g: &export::ExportGuided,
    exposure_steps: &HashSet<i64>,
    path: &str,
) -> Result<()> {
    use SessionKind::*;
    let at = |what: &str| format!("{path}.{what}");
    let phase_fits = match (s.kind, g.phase.as_deref()) {
        (LeftRight, _) => return Err(Error::invalid(path, "a left/right session has no steps")),
        (Desensitisation, Some(p)) => textures::Phase::parse(p, "phase").is_ok(),
        (Mirror, Some(p)) => mirror::Level::parse(p, "phase").is_ok(),
        (Desensitisation | Mirror, None) => false,
        (_, phase) => phase.is_none(),
    };
    if !phase_fits {
        return Err(Error::invalid(
            &at("phase"),
            format!("{:?} is not a phase of a {} session", g.phase, s.kind),
        ));
    }
    let subject = match (s.kind, g.subject) {
        (Exposure, Some(id)) if !exposure_steps.contains(&id) => {
            Err("names no step of the exposure ladder in the backup".to_string())
        }
        (Desensitisation, Some(p)) if !(0..textures::MAX_TEXTURES as i64).contains(&p) => {
            Err(format!("{p} is not a place on a texture ladder"))
        }
        (Exposure | Desensitisation, None) => Err(format!("a {} session names what it practised", s.kind)),
        (Exposure | Desensitisation, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err(format!("a {} session has no subject", s.kind)),
    };
    subject.map_err(|reason| Error::invalid(&at("subject"), reason))?;
    for (k, step) in g.script.steps.iter().enumerate() {
        let fits = match (&step.about, s.kind) {
            (About::Nothing, _) => true,
            (About::Picture { stimulus, .. }, MotorImagery) => StimulusSpec::from_id(stimulus).is_ok(),
            (About::MirrorSetup { .. } | About::Mirror { .. }, Mirror)
            | (About::Texture { .. }, Desensitisation)
            | (About::Activity { .. }, Exposure) => true,
            (About::Sensory(cue), SensoryDiscrimination) => {
                cue.body_part == s.body_part && cue.options().contains(&cue.target)
            }
            _ => false,
        };
        if !fits {
            return Err(Error::invalid(
                &at(&format!("script.steps[{k}].about")),
                format!("not something a {} session of the {} shows", s.kind, s.body_part),
            ));
        }
    }
    let mut answers = Vec::with_capacity(g.answers.len());
    for (k, a) in g.answers.iter().enumerate() {
        let path = at(&format!("answers[{k}]"));
        let answered = a.answered().map_err(under(&path))?;
        let step = g.script.check(&answers, a.index, &answered.answer).map_err(under(&path))?;
        if step.purpose != a.purpose {
            return Err(Error::invalid(
                &format!("{path}.purpose"),
                format!("step {} is {}, not {}", a.index, step.purpose, a.purpose),
            ));
        }
        a.at.validate(&format!("{path}.at"))?;
        if a.at.unix_ms < s.started_at.unix_ms {
            return Err(Error::invalid(&format!("{path}.at"), "given before the session started"));
        }
        answers.push(answered);
    }
    let ended = matches!(s.state, SessionState::Completed | SessionState::Aborted);
    let ending_fits = match (g.ending, g.script.position(&answers)) {
        (None, _) => !ended,
        (Some(e), Position::Ended(reached)) => ended && e == reached,
        (Some(e), Position::Next(_)) => ended && e == Ending::Stopped,
    };
    if !ending_fits {
        return Err(Error::invalid(
            &at("ending"),
            format!("{:?} does not follow from the answers of a {} session", g.ending, s.state),
        ));
    }
    if g.passed && (s.kind != Exposure || g.ending != Some(Ending::Completed)) {
        return Err(Error::invalid(&at("passed"), "only a completed exposure is passed"));
    }
    let scored: Vec<export::ExportSensoryTrial> = sensory::answered(&g.script, &answers)
        .map(|(index, cue, id)| export::ExportSensoryTrial {
            index,
            drill: cue.drill,
            region: cue.region,
            target: cue.target.clone(),
            answer: id.to_string(),
            correct: cue.is_right(id),
        })
        .collect();
    if scored != g.sensory {
        return Err(Error::invalid(
            &at("sensory"),
            "does not match the drill's prompts and the answers given",
        ));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use crate::api::Proprio;
    use crate::export::{ExportDocument, read};
    use crate::programme::SessionKind;
    use crate::programme::steps::StepAnswer;
    use crate::stimulus::{BodyPart, Side};
    use crate::{ExportFormat, LeftRightSettings, NewJournalEntry, WallTime};

    fn at(ms: i64) -> WallTime {
        WallTime { unix_ms: ms, zone: "Europe/Madrid".into() }
    }

    /// The streamed document is byte for byte what serializing the whole document at once
    /// makes (the previous export): the same fields, in the same order, the same numbers.
    #[test]
    fn the_streamed_json_is_the_whole_documents_serialization() {
        let dir = tempfile::tempdir().unwrap();
        let now = at(1_793_610_000_000);
        let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), now.clone()).unwrap();
        for (i, body_part) in [BodyPart::Hand, BodyPart::Foot, BodyPart::Hand].into_iter().enumerate() {
            let start = at(now.unix_ms + i as i64 * 86_400_000);
            let settings = LeftRightSettings {
                body_part,
                count: Some(12),
                time_limit_ms: None,
                feedback: None,
                level: None,
                seed: Some(i as u64),
                practice: Some(1),
            };
            let id = p.start_left_right(settings, start.clone()).unwrap().session.id;
            let mut stamp = 0;
            while let Some(t) = p.current_trial(id).unwrap() {
                stamp += 1_000_000_000;
                let answer = match (t.index % 4, t.stimulus.side) {
                    (0, Side::Left) => Side::Right,
                    (0, Side::Right) => Side::Left,
                    (_, side) => side,
                };
                p.answer_trial(id, t.index, stamp, stamp + 700_000_000 + t.index as i64, answer).unwrap();
            }
            p.finish_session(id, at(start.unix_ms + 60_000)).unwrap();
            p.add_journal_entry(NewJournalEntry {
                at: at(start.unix_ms + 120_000),
                pain: 4,
                fear: Some(2),
                medication: i == 1,
                sleep: None,
                note: format!("\"{i}\" ü"),
                session_id: Some(id),
            })
            .unwrap();
        }
        // A guided session and both ladders, stored as the patient left them.
        p.set_textures(vec!["silk".into(), "wool".into()]).unwrap();
        p.add_exposure_step("stairs \"up\"".into(), 40).unwrap();
        let start = at(now.unix_ms + 4 * 86_400_000);
        let mut step = Some(
            p.start_guided(SessionKind::Exposure, BodyPart::Hand, Some(3), start.clone()).unwrap().first,
        );
        while let Some(s) = step {
            let answer = match (&s.rating, s.choices.first()) {
                (Some(r), _) => StepAnswer::Rating { value: r.min + s.index },
                (None, Some(c)) => StepAnswer::Choice { id: c.id.clone() },
                (None, None) => StepAnswer::Done,
            };
            step = p.answer_step(s.session_id, s.index, answer, start.clone()).unwrap().next;
        }
        let bytes = p.export(ExportFormat::Json, None, None, at(now.unix_ms + 9 * 86_400_000)).unwrap();
        let bytes = &bytes[0].bytes;
        let doc = ExportDocument::from_json(bytes).unwrap();
        assert_eq!((doc.sessions.len(), doc.journal.len()), (4, 5), "pain before and after are journaled");
        assert_eq!(doc.sessions[3].guided.as_ref().map(|g| g.answers.len()), Some(8));
        assert_eq!(doc.exposure_ladder.as_ref().map(Vec::len), Some(1));
        assert_eq!(serde_json::to_vec(&doc).unwrap(), *bytes);
        streamed_reading_agrees(bytes, &doc);
    }

    /// Read from a stream in chunks of any size (sessions cut anywhere, read again with
    /// more), a document is the same document; cut short, it is refused as from memory.
    fn streamed_reading_agrees(bytes: &[u8], doc: &ExportDocument) {
        let streamed = |bytes: &[u8], chunk: usize| {
            let mut sessions = Vec::new();
            let frame = read::read_in_chunks(
                bytes,
                &mut |s| {
                    sessions.push(s);
                    Ok(())
                },
                read::Source::Plain,
                chunk,
            )?;
            Ok::<_, crate::Error>(ExportDocument::from_parts(frame, sessions))
        };
        for chunk in [1, 7, 64, 500, 4096, 1 << 20] {
            assert_eq!(streamed(bytes, chunk).unwrap(), *doc, "chunks of {chunk}");
        }
        let field = |r: crate::Result<ExportDocument>| match r {
            Err(crate::Error::InvalidArgument { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        for cut in [0, 1, 30, bytes.len() / 3, bytes.len() / 2, bytes.len() - 2, bytes.len() - 1] {
            let part = &bytes[..cut];
            for chunk in [7, 4096] {
                assert_eq!(
                    field(streamed(part, chunk)),
                    field(ExportDocument::from_json(part)),
                    "cut at {cut}"
                );
            }
        }
        let mut padded = bytes.to_vec();
        padded.extend_from_slice(b" \n");
        assert_eq!(streamed(&padded, 7).unwrap(), *doc, "white space after the document");
        padded.extend_from_slice(b"{}");
        assert_eq!(field(streamed(&padded, 7)), "backup", "something after the document");
    }
}
