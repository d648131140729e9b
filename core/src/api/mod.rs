//! The uniffi surface: one `Send + Sync` object, [`Proprio`], and plain records. Internal
//! types (rows, connections, the parameter table's internals) stay behind it.

mod records;
mod reminders;

pub use records::{SessionSummary, Status, TrialInput, TrialResult};
pub use reminders::ReminderToday;

use crate::error::{Error, ProprioError};
use crate::laterality::scoring;
use crate::params::Parameters;
use crate::programme::SessionKind;
use crate::stimulus::{BodyPart, StimulusSpec};
use crate::store::{
    self, JournalEntry, NewJournalEntry, NewTrial, Profile, ProfileUpdate, SessionState, Store,
};
use crate::time::WallTime;
use rand::{Rng, SeedableRng};
use std::sync::Arc;

type Result<T> = std::result::Result<T, ProprioError>;

/// One patient's Proprio data, in one SQLite file. Safe to share between threads: writes
/// are serialised, each committed before its call returns.
#[derive(uniffi::Object)]
pub struct Proprio {
    store: Store,
}

#[uniffi::export]
impl Proprio {
    /// Opens or creates the database at `db_path` (its folder must exist). Sessions a
    /// killed process left running are closed as interrupted, their trials kept.
    #[uniffi::constructor]
    pub fn new(db_path: String, now: WallTime) -> Result<Arc<Self>> {
        Ok(Arc::new(Proprio {
            store: Store::open(&db_path, &now)?,
        }))
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
        Ok(self.store.write(|tx| store::profile::update(tx, &update))?)
    }

    /// Starts a session. Without a seed one is drawn; either way it is stored so the
    /// session can be replayed.
    pub fn start_session(
        &self,
        kind: SessionKind,
        body_part: BodyPart,
        seed: Option<u64>,
        now: WallTime,
    ) -> Result<SessionSummary> {
        now.validate("now")?;
        let seed = seed.unwrap_or_else(|| rand_chacha::ChaCha8Rng::from_os_rng().random());
        let params = serde_json::to_string(&Parameters::default()).map_err(Error::from)?;
        let row = self
            .store
            .write(|tx| store::sessions::start(tx, kind, body_part, seed, &params, &now))?;
        Ok(row.into())
    }

    /// Records one answered (or timed-out) trial; committed before this returns.
    pub fn record_trial(&self, session_id: i64, trial: TrialInput) -> Result<TrialResult> {
        let spec = StimulusSpec::from_id(&trial.stimulus_id)?;
        let row = self.store.write(|tx| {
            let session = store::sessions::get_running(tx, session_id)?;
            if spec.body_part != session.body_part {
                return Err(Error::invalid(
                    "stimulus_id",
                    format!(
                        "a {} picture in a {} session",
                        spec.body_part, session.body_part
                    ),
                ));
            }
            let params: Parameters = serde_json::from_str(&session.params)?;
            let response = match (trial.response_ns, trial.answer) {
                (Some(ns), Some(side)) => Some((ns, side)),
                (None, None) => None,
                (Some(_), None) => {
                    return Err(Error::invalid("answer", "a response needs an answer"));
                }
                (None, Some(_)) => {
                    return Err(Error::invalid("response_ns", "an answer needs its time"));
                }
            };
            let score = scoring::score(
                spec.side,
                trial.onset_ns,
                response,
                params.get_u32("time_limit_ms"),
                params.get_u32("anticipation_ms"),
            )?;
            let new = NewTrial {
                stimulus: trial.stimulus_id.clone(),
                side: spec.side,
                onset_ns: trial.onset_ns,
                response_ns: trial.response_ns,
                answer: trial.answer,
                correct: score.correct,
                flags: score.flags,
            };
            store::sessions::insert_trial(tx, session_id, &new)
        })?;
        Ok(row.into())
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
        Ok(self
            .store
            .read(store::sessions::list)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A session's trials in order, voided ones included.
    pub fn trials(&self, session_id: i64) -> Result<Vec<TrialResult>> {
        let rows = self
            .store
            .read(|c| store::sessions::trials(c, session_id))?;
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
        Ok(self
            .store
            .write(|tx| store::sessions::end(tx, session_id, state, &now))?
            .into())
    }

    /// SQLite's integrity check ("ok" for a sound file), for crash tests and `status`.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.store.integrity_check()?)
    }
}
