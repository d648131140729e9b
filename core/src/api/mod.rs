//! The uniffi surface: one `Send + Sync` object, [`Proprio`], and plain records. Internal
//! types (rows, connections, the parameter table's internals) stay behind it.

mod left_right;
mod pictures;
mod records;
mod reminders;

pub use pictures::{
    RenderedImage, StimulusMetadata, render_stimulus, render_stimulus_png, stimulus_metadata,
};
pub use records::{SessionSummary, Status, TrialResult};
pub use reminders::ReminderToday;

use crate::error::{Error, ProprioError};
use crate::laterality::engine;
use crate::params::Parameters;
use crate::programme::SessionKind;
use crate::stimulus::BodyPart;
use crate::store::{
    self, JournalEntry, NewJournalEntry, NewSession, Profile, ProfileUpdate, SessionState, Store,
};
use crate::time::WallTime;
use rand::{Rng, SeedableRng};
use std::sync::Arc;

type Result<T> = std::result::Result<T, ProprioError>;

fn random_seed() -> u64 {
    rand_chacha::ChaCha8Rng::from_os_rng().random()
}

/// One patient's Proprio data, in one SQLite file. Safe to share between threads: writes
/// are serialised, each committed before its call returns.
#[derive(uniffi::Object)]
pub struct Proprio {
    store: Store,
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
        let abandoned = store.read(|c| store::abandoned_sessions(c, store.path()))?;
        if !abandoned.is_empty() {
            store.write(|tx| engine::close_abandoned(tx, &abandoned))?;
        }
        Ok(Arc::new(Proprio { store }))
    }

    /// Deletes every record: closes the database and removes its file, its WAL and SHM
    /// files and the owner lock files; returns the paths removed. Every later call on this
    /// object fails; open the path again to start afresh. Another process that still has
    /// the database open keeps writing to the removed file: close the others first.
    pub fn delete_all_data(&self) -> Result<Vec<String>> {
        Ok(self.store.delete_all()?)
    }

    /// Where the data lives and how much there is.
    pub fn status(&self) -> Result<Status> {
        let store = &self.store;
        let (sessions, trials, journal_entries) = store.read(store::sessions::counts)?;
        Ok(Status {
            db_path: store.path().to_string(),
            schema_version: store.schema_version()?,
            profile: store.read(store::profile::get)?,
            sessions,
            trials,
            journal_entries,
        })
    }

    pub fn profile(&self) -> Result<Profile> {
        Ok(self.store.read(store::profile::get)?)
    }

    pub fn update_profile(&self, update: ProfileUpdate) -> Result<Profile> {
        let profile = self.store.write(|tx| store::profile::update(tx, &update))?;
        if update.affected.is_some() {
            // Old painful areas must not stay readable in the WAL (secure_delete clears
            // them from the database file).
            self.store.checkpoint()?;
        }
        Ok(profile)
    }

    /// Starts a session of a kind without planned pictures (left/right sessions start
    /// with [`Proprio::start_left_right`]). Without a seed one is drawn; either way it is
    /// stored so the session can be replayed.
    pub fn start_session(
        &self,
        kind: SessionKind,
        body_part: BodyPart,
        seed: Option<u64>,
        now: WallTime,
    ) -> Result<SessionSummary> {
        now.validate("now")?;
        if kind == SessionKind::LeftRight {
            return Err(Error::invalid(
                "kind",
                "left/right sessions start with start_left_right, which plans their pictures",
            )
            .into());
        }
        let params = serde_json::to_string(&Parameters::default()).map_err(Error::from)?;
        let new = NewSession {
            kind,
            body_part,
            seed: seed.unwrap_or_else(random_seed),
            params_json: &params,
            level: None,
            plan: "",
        };
        Ok(self.store.write(|tx| store::sessions::start(tx, &new, &now))?.into())
    }

    /// Ends a running session normally.
    pub fn finish_session(&self, session_id: i64, now: WallTime) -> Result<SessionSummary> {
        self.end(session_id, SessionState::Completed, now)
    }

    /// Ends a running session early; answered trials are kept.
    pub fn abort_session(&self, session_id: i64, now: WallTime) -> Result<SessionSummary> {
        self.end(session_id, SessionState::Aborted, now)
    }

    /// Every session, newest first, with trial counts.
    pub fn sessions(&self) -> Result<Vec<SessionSummary>> {
        Ok(self.store.read(store::sessions::list)?.into_iter().map(Into::into).collect())
    }

    /// A session's trials in order, voided ones included.
    pub fn trials(&self, session_id: i64) -> Result<Vec<TrialResult>> {
        let rows = self.store.read(|c| store::sessions::trials(c, session_id))?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub fn add_journal_entry(&self, entry: NewJournalEntry) -> Result<JournalEntry> {
        Ok(self.store.write(|tx| store::journal::add(tx, &entry))?)
    }

    /// Every journal entry, oldest first.
    pub fn journal_entries(&self) -> Result<Vec<JournalEntry>> {
        Ok(self.store.read(store::journal::list)?)
    }
}

impl Proprio {
    fn end(&self, session_id: i64, state: SessionState, now: WallTime) -> Result<SessionSummary> {
        now.validate("now")?;
        let row = self.store.write(|tx| match store::sessions::get(tx, session_id)?.kind {
            SessionKind::LeftRight => engine::end(tx, session_id, state, &now),
            _ => store::sessions::end(tx, session_id, state, &now),
        })?;
        Ok(row.into())
    }

    /// SQLite's integrity check ("ok" for a sound file), for crash tests and `status`.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.store.integrity_check()?)
    }
}
