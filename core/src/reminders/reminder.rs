//! The reminder itself: its id ([`ReminderKey`]), the notification handed to the OS
//! ([`PlannedReminder`]), and the seeds that keep its jitter and wording stable. The
//! planner makes these; the diff compares them with what the OS holds.

use super::SessionKind;
use super::settings::MAX_PER_DAY;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
        if slot >= MAX_PER_DAY as u32 {
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
pub(crate) fn profile_seed(profile_code: &str) -> u64 {
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

/// One notification to hand to the OS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct PlannedReminder {
    /// Stable: the same slot keeps its id across re-plans.
    pub id: String,
    /// A stable positive integer id for OSes that want one.
    pub os_id: i32,
    pub kind: SessionKind,
    /// The slot of its kind that day, from 0.
    pub slot: u32,
    /// Its local date, `YYYY-MM-DD`.
    pub local_date: String,
    /// When to fire, UTC milliseconds.
    pub fire_at_ms: i64,
    /// When to fire, `YYYY-MM-DDTHH:MMZ`.
    pub fire_at_utc: String,
    /// When to fire in the zone's wall time, `YYYY-MM-DDTHH:MM+hh:mm`.
    pub local_time: String,
    pub utc_offset_min: i32,
    pub title: String,
    pub body: String,
    /// `proprio://practice?kind=…&reminder=…`
    pub deep_link: String,
    /// The repeat of a snoozed reminder.
    pub snoozed: bool,
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
