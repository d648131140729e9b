//! The therapist's plan: import one (checked whole, then applied in one transaction:
//! kept in the history, its reminder window, quiet hours and daily targets written into
//! the reminder settings, its painful areas into the profile), preview one before it is
//! applied (the same reads and rules, in one read snapshot, writing nothing), read the
//! plan in force and the history, the plan screen, and make a template for a therapist
//! to edit.

use crate::error::{Error, Result};
use crate::messages::{Locale, t};
use crate::params::Parameters;
use crate::patient::{AffectedArea, ProfileUpdate};
use crate::plan::changes::{self, PlanChange};
use crate::plan::input::{self, Offered, PlanReadProblem, PlanWarning};
use crate::plan::{self, PlanProblem, PlanSource, TherapyPlan, TimeSpan};
use crate::store::plan::PlanRow;
use crate::store::{self, Store};
use crate::text::text_enum;
use crate::time::WallTime;
use crate::usecases::programme::StageTransition;
use rusqlite::Connection;

/// A plan as the patient's screen shows it: the plan, when and how it arrived, and what
/// it changed, each change with its sentence.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PlanEntry {
    pub id: i64,
    pub received_at: WallTime,
    pub source: PlanSource,
    pub plan: TherapyPlan,
    pub changes: Vec<PlanChangeNote>,
}

/// One change and the sentence the patient reads for it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PlanChangeNote {
    pub change: PlanChange,
    pub text: String,
}

fn entry(row: PlanRow, locale: Locale) -> PlanEntry {
    let changes = row
        .changes
        .into_iter()
        .map(|change| PlanChangeNote { text: changes::sentence(&change, locale), change })
        .collect();
    PlanEntry { id: row.id, received_at: row.received_at, source: row.source, plan: row.plan, changes }
}

/// A plan offered to the patient, before it is applied: who sent it and when, what it
/// would change and where it would move them, worded; accepting it is the import call
/// for its `source` with its `text` (`import_plan` for a file, `import_plan_code` for a
/// code), which applies exactly this when nothing was written in between.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PlanPreview {
    pub source: PlanSource,
    /// What the import call takes: the document (a file) or the code without the spaces
    /// and line breaks of a copy.
    pub text: String,
    pub plan: TherapyPlan,
    /// "From A. Therapist, Pain Clinic" (or "From your therapist").
    pub from_line: String,
    /// "Written on 30 November 2026".
    pub date_line: String,
    /// What accepting would change, against the plan in force (or the defaults), each
    /// with its sentence; the same list the import stores.
    pub changes: Vec<PlanChangeNote>,
    /// The stage transitions accepting would store now (a lock, a skipped stage, a new
    /// track's start), each with its sentence; empty when nobody moves.
    pub stage_moves: Vec<StageTransition>,
    pub warnings: Vec<PlanWarning>,
    /// "Use this plan from now on?"
    pub question: String,
    /// The accept button's words.
    pub confirm_label: String,
}

/// What a plan offered to the patient is: a file's bytes or a share code's text.
pub enum Offer<'a> {
    File(&'a [u8]),
    Code(&'a str),
}

/// Reads an offered plan and says what accepting it would do, from one read snapshot;
/// writes nothing. A code or file that cannot be used is `Error::PlanNotRead` with its
/// typed problem and the patient's sentence.
pub fn preview(store: &Store, offer: Offer, now: &WallTime, locale: Locale) -> Result<PlanPreview> {
    now.validate("now")?;
    let Offered { source, text, plan } = match offer {
        Offer::File(bytes) => input::read_file(bytes, locale)?,
        Offer::Code(code) => input::read_code(code, locale)?,
    };
    let params = plan.parameters()?;
    let today = now.local()?.format("%Y-%m-%d").to_string();
    store.read(|c| {
        let old = store::plan::current(c)?;
        let old_settings = store::reminders::settings(c)?;
        let new_settings = plan.reminder_settings(&old_settings);
        if let Err(e) = new_settings.validate() {
            let details = match as_plan_problem(e) {
                Error::InvalidPlan { problems } => problems,
                other => return Err(other),
            };
            return Err(input::refusal(PlanReadProblem::DoesNotFit, details, locale));
        }
        let changes = changes::between(old.as_ref().map(|r| &r.plan), &plan, &old_settings, &new_settings)?
            .into_iter()
            .map(|change| PlanChangeNote { text: changes::sentence(&change, locale), change })
            .collect();
        let mut stage_moves = Vec::new();
        for track in &plan.tracks {
            stage_moves.extend(super::programme::preview_stage_plan(
                c,
                track.body_part,
                &track.stage_plan(),
                now,
                &params,
                locale,
            )?);
        }
        let areas_change = !plan.tracks.is_empty() && store::profile::get(c)?.affected != areas_of(&plan);
        let warnings = input::warnings(&plan, old.as_ref().map(|r| &r.plan), &today, areas_change, locale);
        Ok(PlanPreview {
            source,
            from_line: input::from_line(&plan, locale),
            date_line: t!(locale, "plan-written", date = input::date(&plan.created, locale)),
            changes,
            stage_moves,
            warnings,
            question: t!(locale, "plan-preview-question"),
            confirm_label: t!(locale, "plan-preview-confirm"),
            text,
            plan,
        })
    })
}

/// Checks and applies a plan, from a JSON document or a share code. A plan with any
/// problem, or one whose reminder times do not fit the patient's settings, changes
/// nothing.
pub fn import(
    store: &Store,
    text: &str,
    source: PlanSource,
    now: &WallTime,
    locale: Locale,
) -> Result<PlanEntry> {
    now.validate("now")?;
    let plan = match source {
        PlanSource::File => plan::parse(text)?,
        PlanSource::Code => plan::code::decode(text)?,
    };
    let (row, areas_changed) = store.write(|tx| {
        let old = store::plan::current(tx)?;
        let old_settings = store::reminders::settings(tx)?;
        let new_settings = plan.reminder_settings(&old_settings);
        if let Err(e) = new_settings.validate() {
            return Err(as_plan_problem(e));
        }
        let changes = changes::between(old.as_ref().map(|r| &r.plan), &plan, &old_settings, &new_settings)?;
        if new_settings != old_settings {
            store::reminders::set_settings(tx, &new_settings)?;
        }
        let areas_changed = update_areas(tx, &plan)?;
        let id = store::plan::add(tx, now, source, &plan, &changes)?;
        // The stage machine follows each track from now on, in the same commit.
        let params = plan.parameters()?;
        for track in &plan.tracks {
            super::programme::apply_stage_plan(tx, track.body_part, &track.stage_plan(), now, &params)?;
        }
        let row = PlanRow { id, received_at: now.clone(), source, plan: plan.clone(), changes };
        Ok((row, areas_changed))
    })?;
    if areas_changed {
        // Old painful areas must not stay readable in the WAL (as for a profile update).
        store.checkpoint()?;
    }
    Ok(entry(row, locale))
}

/// A reminder-settings refusal, named where the plan sets that value.
fn as_plan_problem(e: Error) -> Error {
    let Error::InvalidArgument { field, reason } = e else { return e };
    let path = match field.as_str() {
        "settings.window_start_min" | "settings.window_end_min" => "reminders.window",
        "settings.quiet_hours" => "reminders.quiet_hours",
        "settings.targets" => "daily_targets",
        _ => "reminders",
    };
    Error::InvalidPlan { problems: vec![PlanProblem { path: path.into(), reason }] }
}

/// The plan's tracks become the profile's painful areas (a plan without tracks leaves
/// them); returns whether they changed.
fn update_areas(tx: &Connection, plan: &TherapyPlan) -> Result<bool> {
    if plan.tracks.is_empty() {
        return Ok(false);
    }
    let areas = areas_of(plan);
    if store::profile::get(tx)?.affected == areas {
        return Ok(false);
    }
    store::profile::update(tx, &ProfileUpdate { affected: Some(areas), ..Default::default() })?;
    Ok(true)
}

/// The painful areas a plan's tracks name, in the profile's order.
fn areas_of(plan: &TherapyPlan) -> Vec<AffectedArea> {
    let mut areas: Vec<AffectedArea> =
        plan.tracks.iter().map(|t| AffectedArea { body_part: t.body_part, side: t.side }).collect();
    areas.sort();
    areas
}

/// The plan in force, if any.
pub fn current(store: &Store, locale: Locale) -> Result<Option<PlanEntry>> {
    Ok(store.read(store::plan::current)?.map(|r| entry(r, locale)))
}

/// Every plan, newest first.
pub fn history(store: &Store, locale: Locale) -> Result<Vec<PlanEntry>> {
    Ok(store.read(store::plan::history)?.into_iter().map(|r| entry(r, locale)).collect())
}

/// The parameters in force: the current plan's, or the defaults before any plan.
pub fn parameters(store: &Store) -> Result<Parameters> {
    store.read(parameters_in)
}

/// [`parameters`] inside another use case's transaction or snapshot.
pub(crate) fn parameters_in(conn: &Connection) -> Result<Parameters> {
    match store::plan::current(conn)? {
        Some(row) => row.plan.parameters(),
        None => Ok(Parameters::default()),
    }
}

/// A plan for a therapist to edit, dated `now`: a track for each painful area in the
/// profile, and the parameters, daily targets, window and quiet hours in force.
pub fn template(store: &Store, now: &WallTime) -> Result<TherapyPlan> {
    now.validate("now")?;
    let created = now.local()?.format("%Y-%m-%d").to_string();
    store.read(|c| {
        let profile = store::profile::get(c)?;
        let settings = store::reminders::settings(c)?;
        let areas: Vec<_> = profile.affected.iter().map(|a| (a.body_part, a.side)).collect();
        Ok(TherapyPlan::template(
            &created,
            &areas,
            &parameters_in(c)?,
            &settings.targets,
            TimeSpan { start_min: settings.window_start_min, end_min: settings.window_end_min },
            &settings.quiet_hours,
        ))
    })
}

text_enum!(
    /// A way a plan reaches the patient's phone.
    PlanWay {
        /// A share code, typed or pasted.
        Code => "code",
        /// A plan file from the therapist.
        File => "file",
        /// A QR code of the share code, scanned with the camera.
        Scan => "scan",
    }
);

/// One way in, with its button's words and a line saying what it does.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanWayIn {
    pub way: PlanWay,
    pub label: String,
    pub hint: String,
}

/// A plan received, as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanHistoryItem {
    pub id: i64,
    /// "Received 2 December 2026, as a code"
    pub heading: String,
    /// Who sent it.
    pub from_line: String,
    /// What it changed, one sentence each.
    pub changes: Vec<String>,
}

/// The plan screen: the plan in force in sentences (or that there is none), the plans
/// received, and the ways a new one comes in. A shell that cannot scan leaves that way
/// out.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanPage {
    /// "From A. Therapist, Pain Clinic"; `None` before the first plan.
    pub in_force_from: Option<String>,
    /// "Written on 30 November 2026; received 2 December 2026."
    pub in_force_dates: Option<String>,
    /// The plan in force in sentences, or the one sentence that there is none yet.
    pub in_force: Vec<String>,
    pub history_heading: String,
    /// Newest first, the plan in force included.
    pub history: Vec<PlanHistoryItem>,
    pub new_plan_heading: String,
    pub ways_in: Vec<PlanWayIn>,
    /// The code field's label and its hint.
    pub code_label: String,
    pub code_hint: String,
    /// The longest plan file read, in bytes: a shell reads at most one byte more, so a
    /// larger file is refused as such.
    pub max_file_bytes: u64,
}

/// The plan screen, from one read snapshot.
pub fn page(store: &Store, locale: Locale) -> Result<PlanPage> {
    let rows = store.read(store::plan::history)?;
    let received = |row: &PlanRow| -> Result<String> {
        let date = row.received_at.local()?.format("%Y-%m-%d").to_string();
        Ok(input::date(&date, locale))
    };
    let (in_force_from, in_force_dates, in_force) = match rows.first() {
        Some(row) => (
            Some(input::from_line(&row.plan, locale)),
            Some(t!(
                locale,
                "plan-written-received",
                date = input::date(&row.plan.created, locale),
                received = received(row)?
            )),
            changes::summary(&row.plan, locale),
        ),
        None => (None, None, vec![t!(locale, "plan-none-yet")]),
    };
    let mut history = Vec::with_capacity(rows.len());
    for row in &rows {
        history.push(PlanHistoryItem {
            id: row.id,
            heading: t!(locale, "plan-history-item", date = received(row)?, source = row.source.as_str()),
            from_line: input::from_line(&row.plan, locale),
            changes: row.changes.iter().map(|c| changes::sentence(c, locale)).collect(),
        });
    }
    let way = |way, label, hint| PlanWayIn { way, label, hint };
    Ok(PlanPage {
        in_force_from,
        in_force_dates,
        in_force,
        history_heading: t!(locale, "plan-history-heading"),
        history,
        new_plan_heading: t!(locale, "plan-new-heading"),
        ways_in: vec![
            way(PlanWay::Code, t!(locale, "plan-way-code"), t!(locale, "plan-way-code-hint")),
            way(PlanWay::File, t!(locale, "plan-way-file"), t!(locale, "plan-way-file-hint")),
            way(PlanWay::Scan, t!(locale, "plan-way-scan"), t!(locale, "plan-way-scan-hint")),
        ],
        code_label: t!(locale, "plan-code-label"),
        code_hint: t!(locale, "plan-code-hint", prefix = plan::code::PREFIX),
        max_file_bytes: plan::MAX_PLAN_BYTES as u64,
    })
}
