//! The therapist's plan: import one (checked whole, then applied in one transaction:
//! kept in the history, its reminder window, quiet hours and daily targets written into
//! the reminder settings, its painful areas into the profile), read the plan in force and
//! the history, and make a template for a therapist to edit.

use crate::error::{Error, Result};
use crate::messages::Locale;
use crate::params::Parameters;
use crate::patient::{AffectedArea, ProfileUpdate};
use crate::plan::changes::{self, PlanChange};
use crate::plan::{self, PlanProblem, PlanSource, TherapyPlan, TimeSpan};
use crate::store::plan::PlanRow;
use crate::store::{self, Store};
use crate::time::WallTime;
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
    let mut areas: Vec<AffectedArea> =
        plan.tracks.iter().map(|t| AffectedArea { body_part: t.body_part, side: t.side }).collect();
    areas.sort();
    if store::profile::get(tx)?.affected == areas {
        return Ok(false);
    }
    store::profile::update(tx, &ProfileUpdate { affected: Some(areas), ..Default::default() })?;
    Ok(true)
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
