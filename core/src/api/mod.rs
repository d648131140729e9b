//! The uniffi surface: one `Send + Sync` object, [`Proprio`], and plain records. Internal
//! types (rows, connections, the parameter table's internals) stay behind it.

mod export;
mod guided;
mod left_right;
mod pictures;
mod plan;
mod programme;
mod reminders;
mod screens;

pub use export::{decrypt_export, encrypt_export, render_report};
pub use pictures::{
    RenderedImage, StimulusMetadata, render_stimulus, render_stimulus_png, stimulus_metadata,
};
pub use plan::{plan_from_code, plan_qr_png, plan_qr_svg, plan_qr_text, plan_to_code};
pub use reminders::ReminderToday;

use crate::error::ProprioError;
use crate::messages::Locale;
use crate::patient::{JournalEntry, NewJournalEntry, Profile, ProfileUpdate};
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::BodyPart;
use crate::store::Store;
use crate::time::WallTime;
use crate::usecases::patient;
use crate::usecases::sessions::{self, SessionSummary, Status, TrialResult};
use rand::{Rng, SeedableRng};
use std::sync::{Arc, RwLock};

type Result<T> = std::result::Result<T, ProprioError>;

fn random_seed() -> u64 {
    rand_chacha::ChaCha8Rng::from_os_rng().random()
}

/// One patient's Proprio data, in one SQLite file. Safe to share between threads: writes
/// are serialised, each committed before its call returns.
#[derive(uniffi::Object)]
pub struct Proprio {
    store: Store,
    /// The catalogue the patient reads: the device's language, set by the shell.
    locale: RwLock<Locale>,
}

#[uniffi::export]
impl Proprio {
    /// Opens or creates the database at `db_path` (its folder must exist). Sessions whose
    /// owning process is gone (killed, crashed) are closed as interrupted, their trials
    /// kept; a session another live process is running is left alone. When there is
    /// nothing to upgrade or close, opening only reads.
    #[uniffi::constructor]
    pub fn new(db_path: String, now: WallTime) -> Result<Arc<Self>> {
        let store = Store::open(&db_path, &now)?;
        sessions::close_abandoned(&store)?;
        Ok(Arc::new(Proprio { store, locale: RwLock::new(Locale::English) }))
    }

    /// Deletes every record: closes the database and removes its file, its WAL and SHM
    /// files and the owner lock files; returns the paths removed. Every later call on this
    /// object fails; open the path again to start afresh. Another process that still has
    /// the database open keeps writing to the removed file: close the others first.
    pub fn delete_all_data(&self) -> Result<Vec<String>> {
        Ok(self.store.delete_all()?)
    }

    /// Picks the catalogue every later sentence comes from, from the device's language
    /// tag ("de-AT"); a language without a catalogue gets English. Returns the one picked.
    pub fn set_language(&self, tag: String) -> Locale {
        let locale = Locale::from_tag(&tag);
        *self.locale.write().unwrap_or_else(|e| e.into_inner()) = locale;
        locale
    }

    /// Where the data lives and how much there is.
    pub fn status(&self) -> Result<Status> {
        Ok(sessions::status(&self.store)?)
    }

    pub fn profile(&self) -> Result<Profile> {
        Ok(patient::profile(&self.store)?)
    }

    pub fn update_profile(&self, update: ProfileUpdate) -> Result<Profile> {
        Ok(patient::update_profile(&self.store, &update)?)
    }

    /// Records a session of a kind without steps or pictures, practised away from the
    /// app's guidance (guided sessions start with [`Proprio::start_guided`], left/right
    /// ones with [`Proprio::start_left_right`]). Without a seed one is drawn; either way
    /// it is stored so the session can be replayed.
    pub fn start_session(
        &self,
        kind: SessionKind,
        body_part: BodyPart,
        seed: Option<u64>,
        now: WallTime,
    ) -> Result<SessionSummary> {
        Ok(sessions::start(&self.store, kind, body_part, seed.unwrap_or_else(random_seed), &now)?)
    }

    /// Ends a running session normally (a guided session only once its steps are over).
    pub fn finish_session(&self, session_id: i64, now: WallTime) -> Result<SessionSummary> {
        Ok(sessions::end(&self.store, session_id, SessionState::Completed, &now, &self.params_in_force()?)?)
    }

    /// Ends a running session early; answered trials are kept.
    pub fn abort_session(&self, session_id: i64, now: WallTime) -> Result<SessionSummary> {
        Ok(sessions::end(&self.store, session_id, SessionState::Aborted, &now, &self.params_in_force()?)?)
    }

    /// Every session, newest first, with trial counts.
    pub fn sessions(&self) -> Result<Vec<SessionSummary>> {
        Ok(sessions::list(&self.store)?)
    }

    /// A session's trials in order, voided ones included.
    pub fn trials(&self, session_id: i64) -> Result<Vec<TrialResult>> {
        Ok(sessions::trials(&self.store, session_id)?)
    }

    pub fn add_journal_entry(&self, entry: NewJournalEntry) -> Result<JournalEntry> {
        Ok(patient::add_journal_entry(&self.store, &entry)?)
    }

    /// Every journal entry, oldest first.
    pub fn journal_entries(&self) -> Result<Vec<JournalEntry>> {
        Ok(patient::journal(&self.store)?)
    }
}

impl Proprio {
    /// The catalogue in use (see [`Proprio::set_language`]).
    fn locale(&self) -> Locale {
        *self.locale.read().unwrap_or_else(|e| e.into_inner())
    }

    /// SQLite's integrity check ("ok" for a sound file), for crash tests and `status`.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.store.integrity_check()?)
    }
}
