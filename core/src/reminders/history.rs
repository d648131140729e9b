//! What happened, as the store records it and the rules read it: sessions done, and what
//! the shell reported about reminders (deliveries, snoozes, "done elsewhere"), plus the
//! slot times "learn my times" stored. Plain internal data: none of it crosses the FFI.

use super::SessionKind;

/// A practice session done, as the store records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompletedSession {
    pub kind: SessionKind,
    /// When it was done, UTC milliseconds.
    pub at_ms: i64,
}

/// A reminder the patient snoozed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snooze {
    /// The reminder snoozed (a slot id, or its `-s` repeat).
    pub reminder_id: String,
    /// When the patient pressed snooze, UTC milliseconds.
    pub snoozed_at_ms: i64,
    /// When it should ring again, UTC milliseconds.
    pub until_ms: i64,
}

/// A reminder the patient answered by practising away from the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneElsewhere {
    pub reminder_id: String,
    /// When the patient said so, UTC milliseconds.
    pub at_ms: i64,
}

/// When the OS delivered a reminder, as the shell reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentReminder {
    pub reminder_id: String,
    /// UTC milliseconds.
    pub sent_at_ms: i64,
}

/// A slot moved by "learn my times": the wall minute its kind's slot now aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LearnedSlot {
    pub kind: SessionKind,
    pub slot: u32,
    /// Minutes after local midnight.
    pub minute: i32,
}
