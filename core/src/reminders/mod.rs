//! Reminders: the core plans every notification; a phone hands the plan to its OS and
//! reports back what happened (delivered, snoozed, done elsewhere).
//!
//! Pure and clock-free: every function takes the wall time and the zone as arguments and
//! returns plain data. The store and the API (phase 2) feed it and keep its inputs.
//!
//! - [`settings`] — window, quiet hours, weekdays, gap, targets, with defaults;
//! - [`local_time`] — IANA zones and the daylight-saving policy;
//! - [`planner`] — `plan(input) -> Plan`;
//! - [`diff`] — the changes a shell applies to what its OS already holds;
//! - [`adherence`] — reminders sent vs sessions done, and "learn my times";
//! - [`messages`] — titles, bodies and deep links.

pub mod adherence;
pub mod diff;
pub mod local_time;
pub mod messages;
pub mod planner;
pub mod settings;

pub use adherence::{
    Adherence, DayAdherence, KindProgress, SentReminder, SlotAdherence, adherence, learn_slot_times,
    progress_today,
};
pub use diff::{PendingNotification, ReminderDiff, diff, parse_pending_json};
pub use planner::{
    CompletedSession, DEFAULT_DAYS, DoneElsewhere, LearnedSlot, MAX_DAYS, MAX_PENDING, Plan, PlanInput,
    PlannedReminder, SNOOZE_MINUTES, Snooze, known_reminder, plan, snooze_until,
};
pub use settings::{KindTarget, QuietHours, ReminderSettings};

use crate::error::{Error, Result};
pub use crate::programme::SessionKind;
use chrono::NaiveDate;

/// Parses a session kind's text form; the error names `field`.
pub fn parse_kind(text: &str, field: &str) -> Result<SessionKind> {
    SessionKind::parse(text, field)
}

/// What a reminder id names: one slot of one kind on one local date, or the snoozed
/// repeat of it. Ids read `20261122-left-right-1` and `20261122-left-right-1-s`; they
/// depend on nothing else, so a re-plan gives the same reminder the same id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReminderKey {
    pub date: NaiveDate,
    pub kind: SessionKind,
    pub slot: u32,
    pub snoozed: bool,
}

impl ReminderKey {
    pub fn id(&self) -> String {
        format!(
            "{}-{}-{}{}",
            self.date.format("%Y%m%d"),
            self.kind.as_str(),
            self.slot,
            if self.snoozed { "-s" } else { "" }
        )
    }

    /// The unsnoozed slot this key belongs to.
    pub fn slot_key(&self) -> ReminderKey {
        ReminderKey { snoozed: false, ..*self }
    }

    /// Parses an id; a malformed one is an error naming `field`.
    pub fn parse(id: &str, field: &str) -> Result<Self> {
        let bad =
            || Error::invalid(field, format!("'{id}' is not a reminder id (like 20261122-left-right-1)"));
        let (body, snoozed) = match id.strip_suffix("-s") {
            Some(b) => (b, true),
            None => (id, false),
        };
        let (date, rest) = body.split_once('-').ok_or_else(bad)?;
        let (kind, slot) = rest.rsplit_once('-').ok_or_else(bad)?;
        let digits = |t: &str| -> Option<u32> {
            if t.is_empty() || t.len() > 8 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()
        };
        // Hand-parsed: the planner reads a year of marks and deliveries per plan.
        let ymd = digits(date).filter(|_| date.len() == 8).ok_or_else(bad)?;
        let date =
            NaiveDate::from_ymd_opt((ymd / 10_000) as i32, ymd / 100 % 100, ymd % 100).ok_or_else(bad)?;
        let kind = SessionKind::ALL.iter().copied().find(|k| k.as_str() == kind).ok_or_else(bad)?;
        let slot = digits(slot).ok_or_else(bad)?;
        if slot >= settings::MAX_PER_DAY as u32 {
            return Err(bad());
        }
        Ok(ReminderKey { date, kind, slot, snoozed })
    }

    /// A stable positive 31-bit number for OSes that key notifications by integer
    /// (Android's notification and request codes).
    pub fn os_id(&self) -> i32 {
        (fnv1a(self.id().as_bytes()) & 0x7fff_ffff) as i32
    }
}

/// The seed for a profile's jitter and wording, from its pseudonymous code.
pub fn profile_seed(profile_code: &str) -> u64 {
    fnv1a(profile_code.as_bytes())
}

/// 64-bit FNV-1a: a tiny hash whose output is fixed by its definition (unlike std's
/// hasher), so seeds derived from it stay the same across builds and platforms.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The seed of one slot's jitter and wording: profile seed, local date, kind, slot.
pub(crate) fn slot_seed(profile_seed: u64, key: &ReminderKey) -> u64 {
    let mut bytes = Vec::with_capacity(48);
    bytes.extend_from_slice(&profile_seed.to_le_bytes());
    bytes.extend_from_slice(key.slot_key().id().as_bytes());
    fnv1a(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_garbage() {
        let k = ReminderKey {
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            kind: SessionKind::SensoryDiscrimination,
            slot: 3,
            snoozed: true,
        };
        assert_eq!(k.id(), "20261122-sensory-discrimination-3-s");
        assert_eq!(ReminderKey::parse(&k.id(), "id").unwrap(), k);
        for bad in [
            "",
            "x",
            "20261122-left-right",
            "20261322-left-right-1",
            "20261122-walking-1",
            "20261122-left-right--1",
            "20261122-left-right-99",
            "2026112-left-right-1",
        ] {
            assert!(ReminderKey::parse(bad, "id").is_err(), "{bad}");
        }
        assert!(k.os_id() > 0);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
