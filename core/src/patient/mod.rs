//! The patient's own records: the pseudonymous profile and the pain journal, with the
//! rules their values must keep.

mod journal;
mod profile;

pub(crate) use journal::SCALE_MAX;
pub use journal::{JournalEntry, MAX_NOTE_CHARS, NewJournalEntry};
pub(crate) use profile::new_code;
pub use profile::{AffectedArea, DEFAULT_SKIN_TONE, Handedness, Profile, ProfileUpdate};
