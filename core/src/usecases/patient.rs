//! The patient's profile and pain journal: checked by their rules, then stored.

use crate::error::Result;
use crate::patient::{JournalEntry, NewJournalEntry, Profile, ProfileUpdate};
use crate::store::{self, Store};

pub fn profile(store: &Store) -> Result<Profile> {
    store.read(store::profile::get)
}

pub fn update_profile(store: &Store, update: &ProfileUpdate) -> Result<Profile> {
    update.validate()?;
    let profile = store.write(|tx| store::profile::update(tx, update))?;
    if update.affected.is_some() {
        // Old painful areas must not stay readable in the WAL (secure_delete clears
        // them from the database file).
        store.checkpoint()?;
    }
    Ok(profile)
}

pub fn add_journal_entry(store: &Store, entry: &NewJournalEntry) -> Result<JournalEntry> {
    entry.validate()?;
    store.write(|tx| store::journal::add(tx, entry))
}

/// Every entry, oldest first.
pub fn journal(store: &Store) -> Result<Vec<JournalEntry>> {
    store.read(store::journal::list)
}
