//! The difference between a plan and what the OS already holds, so a shell only applies
//! it. Contract for shells: **cancel every id in `to_cancel`, then schedule every
//! reminder in `to_schedule`** (scheduling an id replaces any notification with that
//! id). Applying a diff and asking again gives an empty diff.

use super::reminder::PlannedReminder;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A notification the OS holds, as the shell reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct PendingNotification {
    pub id: String,
    /// When the OS will fire it, UTC milliseconds.
    pub fire_at_ms: i64,
}

/// What to change in the OS.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ReminderDiff {
    /// Schedule these (after cancelling), soonest first.
    pub to_schedule: Vec<PlannedReminder>,
    /// Cancel these ids first: ones the plan no longer has, ones whose time changed, and
    /// ids the OS holds more than once. Sorted.
    pub to_cancel: Vec<String>,
    /// Reminders the OS already holds exactly as planned.
    pub unchanged: u32,
}

impl ReminderDiff {
    pub fn is_empty(&self) -> bool {
        self.to_schedule.is_empty() && self.to_cancel.is_empty()
    }
}

/// Compares a plan with the OS's pending list.
pub fn diff(planned: &[PlannedReminder], pending: &[PendingNotification]) -> ReminderDiff {
    let mut held: HashMap<&str, (i64, u32)> = HashMap::with_capacity(pending.len());
    for p in pending {
        let e = held.entry(p.id.as_str()).or_insert((p.fire_at_ms, 0));
        e.1 += 1;
    }
    let mut out = ReminderDiff::default();
    let mut kept: HashMap<&str, ()> = HashMap::with_capacity(planned.len());
    for r in planned {
        match held.get(r.id.as_str()) {
            Some(&(at, 1)) if at == r.fire_at_ms => {
                out.unchanged += 1;
                kept.insert(r.id.as_str(), ());
            }
            _ => out.to_schedule.push(r.clone()),
        }
    }
    let mut cancel: Vec<String> =
        held.keys().filter(|id| !kept.contains_key(*id)).map(|id| id.to_string()).collect();
    cancel.sort_unstable();
    out.to_cancel = cancel;
    out
}

#[derive(Deserialize)]
#[serde(untagged)]
enum PendingFile {
    List(Vec<PendingNotification>),
    Plan { reminders: Vec<PendingNotification> },
}

/// Reads the OS's pending list from JSON: an array of `{"id", "fire_at_ms"}` objects, or
/// a plan as `proprio reminders --json` prints it (its `reminders` are used).
pub fn parse_pending_json(text: &str) -> Result<Vec<PendingNotification>> {
    let parsed: PendingFile = serde_json::from_str(text).map_err(|e| {
        Error::invalid(
            "diff",
            format!("expected a JSON array of {{\"id\": text, \"fire_at_ms\": number}} or a plan ({e})"),
        )
    })?;
    let list = match parsed {
        PendingFile::List(l) => l,
        PendingFile::Plan { reminders } => reminders,
    };
    if let Some(p) = list.iter().find(|p| p.id.trim().is_empty()) {
        return Err(Error::invalid("diff", format!("an entry firing at {} has an empty id", p.fire_at_ms)));
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_json_names_the_field() {
        for bad in ["", "{", "[{\"id\": 3}]", "[{\"id\": \"a\"}]", "[{\"id\": \"\", \"fire_at_ms\": 1}]"] {
            let e = parse_pending_json(bad).unwrap_err();
            assert!(e.to_string().starts_with("invalid diff"), "{bad}: {e}");
        }
        let ok = parse_pending_json(r#"[{"id":"a","fire_at_ms":5,"extra":1}]"#).unwrap();
        assert_eq!(ok[0].fire_at_ms, 5);
        let plan = parse_pending_json(r#"{"zone":"UTC","reminders":[{"id":"a","fire_at_ms":5}]}"#).unwrap();
        assert_eq!(plan.len(), 1);
    }
}
