//! Reminders' pure rules: the core plans every notification; a phone hands the plan to its
//! OS and reports back what happened (delivered, snoozed, done elsewhere).
//!
//! Pure and clock-free: every function takes the wall time (a [`crate::WallTime`]) as an argument
//! and returns plain data; nothing here touches the store. The use case
//! (`usecases/reminders.rs`) reads the store and feeds these rules.
//!
//! - `settings` — window, quiet hours, weekdays, gap, targets, with defaults;
//! - `history` — what the store recorded: sessions done, deliveries, snoozes, marks;
//! - `reminder` — reminder ids and the planned notification;
//! - `local_time` — the daylight-saving policy (wall minute → instant);
//! - `layout` — a day's even spread of slots (plan step 1);
//! - `planner` — `plan(input) -> Plan`, in its five steps;
//! - `diff` — the changes a shell applies to what its OS already holds;
//! - `adherence` — reminders sent vs sessions done, today's progress, "learn my times";
//! - `messages` — titles, bodies and deep links.
//!
//! Imports run one way: `settings`, `history`, `reminder` ← `layout`, `diff` ←
//! `planner` ← `adherence`.

mod adherence;
mod diff;
mod history;
mod layout;
mod local_time;
pub(crate) mod messages;
mod planner;
mod reminder;
mod settings;

pub use adherence::{
    Adherence, AdherenceInput, DayAdherence, KindProgress, ReminderToday, SlotAdherence, adherence,
    learn_slot_times,
};
pub(crate) use adherence::{MAX_ADHERENCE_DAYS, progress_today};
pub use diff::{PendingNotification, ReminderDiff, diff, parse_pending_json};
pub use history::{CompletedSession, DoneElsewhere, LearnedSlot, SentReminder, Snooze};
pub(crate) use planner::SNOOZE_MINUTES;
pub use planner::{DEFAULT_DAYS, MAX_PENDING, Plan, PlanInput, plan, snooze_until};
pub(crate) use planner::{KNOWN_DAYS_AHEAD, known_reminder};
pub use reminder::{PlannedReminder, ReminderKey};
pub(crate) use reminder::{fnv1a, profile_seed};
pub use settings::{Allowed, KindTarget, QuietHours, ReminderSettings};
pub(crate) use settings::{MAX_GAP_MIN, MAX_PER_DAY, MAX_QUIET_HOURS, MINUTES_PER_DAY, hhmm};

pub use crate::programme::SessionKind;
