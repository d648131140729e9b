//! Reminders: the core plans every notification; a phone hands the plan to its OS and
//! reports back what happened (delivered, snoozed, done elsewhere).
//!
//! Pure and clock-free: every function takes the wall time and the zone as arguments and
//! returns plain data. The store and the API (phase 2) feed it and keep its inputs.
//!
//! - [`settings`] — window, quiet hours, weekdays, gap, targets, with defaults;
//! - `history` — what the store recorded: sessions done, deliveries, snoozes, marks;
//! - `reminder` — reminder ids and the planned notification;
//! - `layout` — a day's even spread of slots (plan step 1);
//! - [`local_time`] — IANA zones and the daylight-saving policy;
//! - [`planner`] — `plan(input) -> Plan`;
//! - [`diff`] — the changes a shell applies to what its OS already holds;
//! - [`adherence`] — reminders sent vs sessions done, and "learn my times";
//! - [`messages`] — titles, bodies and deep links.

pub mod adherence;
pub mod diff;
mod history;
mod layout;
pub mod local_time;
pub mod messages;
pub mod planner;
mod reminder;
pub mod settings;

pub use adherence::{
    Adherence, DayAdherence, KindProgress, SlotAdherence, adherence, learn_slot_times, progress_today,
};
pub use diff::{PendingNotification, ReminderDiff, diff, parse_pending_json};
pub use history::{CompletedSession, DoneElsewhere, LearnedSlot, SentReminder, Snooze};
pub use planner::{
    DEFAULT_DAYS, MAX_DAYS, MAX_PENDING, Plan, PlanInput, SNOOZE_MINUTES, known_reminder, plan, snooze_until,
};
pub(crate) use reminder::fnv1a;
pub use reminder::{PlannedReminder, ReminderKey, profile_seed};
pub use settings::{KindTarget, QuietHours, ReminderSettings};

use crate::error::Result;
pub use crate::programme::SessionKind;

/// Parses a session kind's text form; the error names `field`.
pub fn parse_kind(text: &str, field: &str) -> Result<SessionKind> {
    SessionKind::parse(text, field)
}
