//! Reminder data: the settings, what the shell reported back (deliveries, snoozes, "done
//! elsewhere"), learned slot times, and the completed sessions the planner reads.

use crate::error::{Error, Result};
use crate::programme::{SessionKind, SessionState};
use crate::reminders::{
    CompletedSession, DoneElsewhere, LearnedSlot, ReminderKey, ReminderSettings, SentReminder, Snooze,
};
use crate::time::WallTime;
use rusqlite::{Connection, OptionalExtension, params};

/// `reminder_settings` holds one row, with this id (the schema checks it).
const SETTINGS_ROW: i64 = 1;
/// `reminder_event.event`, as the schema's CHECK lists them.
const DELIVERED: &str = "delivered";
const SNOOZED: &str = "snoozed";
const DONE_ELSEWHERE: &str = "done-elsewhere";

/// What a shell reports about a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventKind {
    Delivered,
    Snoozed { until_ms: i64 },
    DoneElsewhere,
}

/// Everything reported since some instant, sorted by time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Events {
    pub(crate) delivered: Vec<SentReminder>,
    pub(crate) snoozes: Vec<Snooze>,
    pub(crate) done_elsewhere: Vec<DoneElsewhere>,
}

fn kind_of(text: &str) -> rusqlite::Result<SessionKind> {
    SessionKind::parse(text, "kind").map_err(|_| super::bad_column("kind", text))
}

/// The settings; the defaults until any are saved.
pub(crate) fn settings(conn: &Connection) -> Result<ReminderSettings> {
    let text: Option<String> = conn
        .query_row("SELECT settings FROM reminder_settings WHERE id = ?1", [SETTINGS_ROW], |r| r.get(0))
        .optional()?;
    match text {
        Some(t) => Ok(serde_json::from_str(&t)?),
        None => Ok(ReminderSettings::default()),
    }
}

/// Validates and saves the settings.
pub(crate) fn set_settings(conn: &Connection, settings: &ReminderSettings) -> Result<()> {
    settings.validate()?;
    conn.execute(
        "INSERT INTO reminder_settings (id, settings) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET settings = excluded.settings",
        params![SETTINGS_ROW, serde_json::to_string(settings)?],
    )?;
    Ok(())
}

/// Records what happened to a reminder.
pub(crate) fn add_event(conn: &Connection, key: &ReminderKey, event: EventKind, at: &WallTime) -> Result<()> {
    at.validate("at")?;
    let (name, until) = match event {
        EventKind::Delivered => (DELIVERED, None),
        EventKind::Snoozed { until_ms } => (SNOOZED, Some(until_ms)),
        EventKind::DoneElsewhere => (DONE_ELSEWHERE, None),
    };
    conn.execute(
        "INSERT INTO reminder_event (reminder_id, kind, event, at_ms, zone, until_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![key.id(), key.kind.as_str(), name, at.unix_ms, at.zone, until],
    )?;
    Ok(())
}

/// Events at or after `since_ms`, oldest first.
pub(crate) fn events_since(conn: &Connection, since_ms: i64) -> Result<Events> {
    let mut stmt = conn.prepare_cached(
        "SELECT reminder_id, event, at_ms, until_ms FROM reminder_event
         WHERE at_ms >= ?1 ORDER BY at_ms, id",
    )?;
    let mut rows = stmt.query(params![since_ms])?;
    let mut out = Events::default();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let event: String = r.get(1)?;
        let at_ms: i64 = r.get(2)?;
        let until: Option<i64> = r.get(3)?;
        match (event.as_str(), until) {
            (DELIVERED, _) => out.delivered.push(SentReminder { reminder_id: id, sent_at_ms: at_ms }),
            (SNOOZED, Some(until_ms)) => {
                out.snoozes.push(Snooze { reminder_id: id, snoozed_at_ms: at_ms, until_ms })
            }
            (DONE_ELSEWHERE, _) => out.done_elsewhere.push(DoneElsewhere { reminder_id: id, at_ms }),
            (other, _) => {
                return Err(Error::InvalidState(format!(
                    "stored reminder event '{other}' is not one this version knows"
                )));
            }
        }
    }
    Ok(out)
}

/// Every reported event as stored, oldest first (for exports).
pub(crate) fn all_events(conn: &Connection) -> Result<Vec<crate::export::ReminderEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT reminder_id, kind, event, at_ms, zone, until_ms FROM reminder_event ORDER BY at_ms, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(crate::export::ReminderEvent {
            reminder_id: r.get(0)?,
            kind: kind_of(&r.get::<_, String>(1)?)?,
            event: r.get(2)?,
            at: WallTime { unix_ms: r.get(3)?, zone: r.get(4)? },
            until_ms: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An exported event back, as it was (checked by the import first).
pub(crate) fn restore_event(conn: &Connection, e: &crate::export::ReminderEvent) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO reminder_event (reminder_id, kind, event, at_ms, zone, until_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![e.reminder_id, e.kind.as_str(), e.event, e.at.unix_ms, e.at.zone, e.until_ms])?;
    Ok(())
}

/// Whether `name` is an event this version records.
pub(crate) fn is_event_name(name: &str) -> bool {
    [DELIVERED, SNOOZED, DONE_ELSEWHERE].contains(&name)
}

/// Sessions completed at or after `since_ms` (by their end), oldest first.
pub(crate) fn completed_sessions(conn: &Connection, since_ms: i64) -> Result<Vec<CompletedSession>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, ended_at_ms FROM session
         WHERE state = ?1 AND ended_at_ms >= ?2 ORDER BY ended_at_ms, id",
    )?;
    let rows = stmt.query_map(params![SessionState::Completed.as_str(), since_ms], |r| {
        Ok(CompletedSession { kind: kind_of(&r.get::<_, String>(0)?)?, at_ms: r.get(1)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn learned(conn: &Connection) -> Result<Vec<LearnedSlot>> {
    let mut stmt =
        conn.prepare_cached("SELECT kind, slot, minute FROM reminder_learned ORDER BY kind, slot")?;
    let rows = stmt.query_map([], |r| {
        Ok(LearnedSlot { kind: kind_of(&r.get::<_, String>(0)?)?, slot: r.get(1)?, minute: r.get(2)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the learned slot times.
pub(crate) fn set_learned(conn: &Connection, slots: &[LearnedSlot]) -> Result<()> {
    conn.execute("DELETE FROM reminder_learned", [])?;
    let mut stmt =
        conn.prepare_cached("INSERT INTO reminder_learned (kind, slot, minute) VALUES (?1, ?2, ?3)")?;
    for s in slots {
        stmt.execute(params![s.kind.as_str(), s.slot, s.minute])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{now, open_temp};
    use chrono::NaiveDate;

    fn key() -> ReminderKey {
        ReminderKey {
            date: NaiveDate::from_ymd_opt(2026, 11, 18).unwrap(),
            kind: SessionKind::Mirror,
            slot: 1,
            snoozed: false,
        }
    }

    #[test]
    fn settings_default_then_round_trip_and_bad_ones_write_nothing() {
        let (_dir, store) = open_temp();
        assert_eq!(store.read(settings).unwrap(), ReminderSettings::default());
        let mut s = ReminderSettings { min_gap_min: 45, learn_my_times: true, ..ReminderSettings::default() };
        store.write(|tx| set_settings(tx, &s)).unwrap();
        assert_eq!(store.read(settings).unwrap(), s);
        s.min_gap_min = 0;
        assert!(store.write(|tx| set_settings(tx, &s)).is_err());
        assert_eq!(store.read(settings).unwrap().min_gap_min, 45);
    }

    #[test]
    fn completed_sessions_are_the_completed_ones_since_the_instant() {
        use crate::stimulus::BodyPart;
        let (_dir, store) = open_temp();
        let t = now();
        let at = |ms: i64| WallTime { unix_ms: t.unix_ms + ms, ..t.clone() };
        let new = super::super::NewSession {
            kind: SessionKind::Mirror,
            body_part: BodyPart::Hand,
            seed: 1,
            params_json: "{}",
            level: None,
            plan: "",
        };
        store
            .write(|tx| {
                for (i, state) in [SessionState::Completed, SessionState::Aborted, SessionState::Completed]
                    .into_iter()
                    .enumerate()
                {
                    let started = super::super::sessions::start(tx, &new, &at(i as i64 * 60_000))?;
                    super::super::sessions::end(tx, started.id, state, &at(i as i64 * 60_000 + 30_000))?;
                }
                Ok(())
            })
            .unwrap();
        let all = store.read(|c| completed_sessions(c, t.unix_ms)).unwrap();
        let ends: Vec<i64> = all.iter().map(|c| c.at_ms - t.unix_ms).collect();
        assert_eq!(ends, [30_000, 150_000]);
        assert!(all.iter().all(|c| c.kind == SessionKind::Mirror));
        assert_eq!(store.read(|c| completed_sessions(c, t.unix_ms + 30_001)).unwrap().len(), 1);
    }

    #[test]
    fn events_and_learned_round_trip() {
        let (_dir, store) = open_temp();
        let t = now();
        store
            .write(|tx| {
                add_event(tx, &key(), EventKind::Delivered, &t)?;
                add_event(tx, &key(), EventKind::Snoozed { until_ms: t.unix_ms + 600_000 }, &t)?;
                add_event(tx, &key(), EventKind::DoneElsewhere, &t)?;
                set_learned(tx, &[LearnedSlot { kind: SessionKind::Mirror, slot: 1, minute: 600 }])
            })
            .unwrap();
        let e = store.read(|c| events_since(c, t.unix_ms)).unwrap();
        assert_eq!(e.delivered.len(), 1);
        assert_eq!(e.snoozes[0].until_ms, t.unix_ms + 600_000);
        assert_eq!(e.done_elsewhere[0].reminder_id, "20261118-mirror-1");
        assert!(store.read(|c| events_since(c, t.unix_ms + 1)).unwrap().delivered.is_empty());
        assert_eq!(store.read(learned).unwrap()[0].minute, 600);
    }
}
