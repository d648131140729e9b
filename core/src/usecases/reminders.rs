//! Reminders' use cases: each reads what the rules need from the store in one snapshot,
//! runs the pure rules (`crate::reminders`) and writes what they decided (a report, the
//! learned slot times). The API (`api/reminders.rs`) validates its arguments, calls these
//! and maps the errors; the store only knows rows.

use crate::error::{Error, Result};
use crate::messages::Locale;
use crate::reminders::{
    self, Adherence, AdherenceInput, CompletedSession, KNOWN_DAYS_AHEAD, LearnedSlot, MAX_ADHERENCE_DAYS,
    PendingNotification, Plan, PlanInput, PlannedReminder, ReminderKey, ReminderSettings, ReminderToday,
};
use crate::store::reminders::{EventKind, Events};
use crate::store::{self, Store};
use crate::time::{DAY_MS, WallTime};
use rusqlite::Connection;

/// Sessions a plan reads: "learn my times" looks back 28 days.
const PLAN_SESSION_DAYS: i64 = 30;
/// A snooze's repeat is looked up in a plan this long (today and tomorrow: a repeat late
/// in the evening may ring after midnight).
const SNOOZE_PLAN_DAYS: u32 = 2;

/// What the rules read from the store, gathered in one snapshot.
struct Inputs {
    settings: ReminderSettings,
    seed: u64,
    completed: Vec<CompletedSession>,
    events: Events,
    learned: Vec<LearnedSlot>,
}

/// How far back to read, UTC milliseconds.
#[derive(Debug, Clone, Copy)]
struct Since {
    sessions_ms: i64,
    events_ms: i64,
}

impl Since {
    /// For rules about the `days` local days ending with today, with a day's margin for
    /// zones and daylight saving; sessions from at least `session_days` back. Reports name
    /// slots up to [`KNOWN_DAYS_AHEAD`] days after the day they were made, so the events
    /// read reach that much further back: a "done elsewhere" mark made a week ahead counts
    /// on its day.
    fn covering(now: &WallTime, days: u32, session_days: i64) -> Since {
        let days = i64::from(days) + 1;
        Since {
            sessions_ms: now.unix_ms - days.max(session_days) * DAY_MS,
            events_ms: now.unix_ms - (days + KNOWN_DAYS_AHEAD as i64) * DAY_MS,
        }
    }

    /// What a plan reads: today's (and the days ahead's) sessions and reports, and the
    /// sessions "learn my times" looks at.
    fn plan(now: &WallTime) -> Since {
        Since::covering(now, 1, PLAN_SESSION_DAYS)
    }
}

fn gather(conn: &Connection, since: Since) -> Result<Inputs> {
    Ok(Inputs {
        settings: store::reminders::settings(conn)?,
        seed: reminders::profile_seed(&store::profile::get(conn)?.code),
        completed: store::reminders::completed_sessions(conn, since.sessions_ms)?,
        events: store::reminders::events_since(conn, since.events_ms)?,
        learned: store::reminders::learned(conn)?,
    })
}

/// Every query of a gather in one read transaction (`Store::read`), so a report
/// written meanwhile is seen by all of a call's rules or by none.
fn read(store: &Store, since: Since) -> Result<Inputs> {
    store.read(|c| gather(c, since))
}

pub(crate) fn settings(store: &Store) -> Result<ReminderSettings> {
    store.read(store::reminders::settings)
}

/// Validates and saves the settings; the next plan uses them.
pub(crate) fn set_settings(store: &Store, settings: &ReminderSettings) -> Result<()> {
    store.write(|tx| store::reminders::set_settings(tx, settings))
}

/// The plan for `days` local days from `now` and its diff against `pending`.
pub(crate) fn plan(
    store: &Store,
    now: &WallTime,
    days: u32,
    pending: &[PendingNotification],
    locale: Locale,
) -> Result<Plan> {
    let inputs = read(store, Since::plan(now))?;
    plan_from(store, &inputs, now, days, pending, locale)
}

/// Plans from gathered inputs. With "learn my times" on, the slot times are learned
/// afresh from the sessions and stored when they changed.
fn plan_from(
    store: &Store,
    inputs: &Inputs,
    now: &WallTime,
    days: u32,
    pending: &[PendingNotification],
    locale: Locale,
) -> Result<Plan> {
    let fresh;
    let learned = if inputs.settings.learn_my_times {
        fresh = reminders::learn_slot_times(&inputs.settings, now, &inputs.completed)?;
        if fresh != inputs.learned {
            store.write(|tx| store::reminders::set_learned(tx, &fresh))?;
        }
        &fresh
    } else {
        &inputs.learned
    };
    let delivered: Vec<i64> = inputs.events.delivered.iter().map(|d| d.sent_at_ms).collect();
    reminders::plan(&PlanInput {
        now,
        days,
        profile_seed: inputs.seed,
        settings: &inputs.settings,
        completed: &inputs.completed,
        delivered_ms: &delivered,
        snoozes: &inputs.events.snoozes,
        done_elsewhere: &inputs.events.done_elsewhere,
        learned,
        pending,
        locale,
    })
}

/// Records a snooze of a delivered reminder; returns its repeat as planned, or nothing
/// if it would fall outside the reminder hours.
pub(crate) fn snooze(
    store: &Store,
    reminder_id: &str,
    minutes: i32,
    now: &WallTime,
    locale: Locale,
) -> Result<Option<PlannedReminder>> {
    let until_ms = reminders::snooze_until(now, minutes)?;
    let key = record(store, reminder_id, EventKind::Snoozed { until_ms }, now, "now")?;
    let repeat = ReminderKey { snoozed: true, ..key.slot_key() }.id();
    let plan = plan(store, now, SNOOZE_PLAN_DAYS, &[], locale)?;
    Ok(plan.reminders.into_iter().find(|r| r.id == repeat))
}

/// The patient practised away from the app for this reminder.
pub(crate) fn mark_done_elsewhere(store: &Store, reminder_id: &str, now: &WallTime) -> Result<()> {
    record(store, reminder_id, EventKind::DoneElsewhere, now, "now").map(drop)
}

/// The OS showed this reminder at `at`.
pub(crate) fn report_delivered(store: &Store, reminder_id: &str, at: &WallTime) -> Result<()> {
    record(store, reminder_id, EventKind::Delivered, at, "at").map(drop)
}

/// Checks the id against the settings and records the event, in one transaction.
fn record(
    store: &Store,
    reminder_id: &str,
    event: EventKind,
    at: &WallTime,
    at_field: &str,
) -> Result<ReminderKey> {
    store.write(|tx| {
        let settings = store::reminders::settings(tx)?;
        let key = reminders::known_reminder(&settings, reminder_id, at, at_field)?;
        store::reminders::add_event(tx, &key, event, at)?;
        Ok(key)
    })
}

/// Reminders sent vs sessions done for the `days` local days ending today.
pub(crate) fn adherence(store: &Store, now: &WallTime, days: u32) -> Result<Adherence> {
    // An out-of-range `days` is refused by the rule; it never reads more than a report's worth.
    let days_read = days.clamp(1, MAX_ADHERENCE_DAYS);
    let inputs = read(store, Since::covering(now, days_read, 0))?;
    adherence_from(&inputs, now, days)
}

fn adherence_from(inputs: &Inputs, now: &WallTime, days: u32) -> Result<Adherence> {
    reminders::adherence(&AdherenceInput {
        settings: &inputs.settings,
        now,
        days,
        sent: &inputs.events.delivered,
        completed: &inputs.completed,
        done_elsewhere: &inputs.events.done_elsewhere,
    })
}

/// Today's remaining reminders, sessions done per kind, and adherence, from one snapshot.
pub(crate) fn today(store: &Store, now: &WallTime, locale: Locale) -> Result<ReminderToday> {
    let inputs = read(store, Since::plan(now))?;
    let plan = plan_from(store, &inputs, now, 1, &[], locale)?;
    let adherence = adherence_from(&inputs, now, 1)?;
    let progress =
        reminders::progress_today(&inputs.settings, now, &inputs.completed, &inputs.events.done_elsewhere)?;
    let day = adherence
        .days
        .into_iter()
        .next_back()
        .ok_or_else(|| Error::InvalidState("no adherence row for today".into()))?;
    Ok(ReminderToday { date: day.date.clone(), remaining: plan.reminders, progress, adherence: day })
}
