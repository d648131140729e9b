//! The SQLite store: one file, one writer connection and one reader connection.
//!
//! Every write runs in an immediate transaction that commits before the call returns, so
//! an acknowledged write survives a killed process (WAL, `synchronous = FULL` so it also
//! survives power loss). Reads use their own connection and see committed data only.

pub mod journal;
pub mod profile;
pub mod reminders;
pub mod schema;
pub mod sessions;
pub mod summaries;

pub use journal::{JournalEntry, NewJournalEntry};
pub use profile::{AffectedArea, Handedness, Profile, ProfileUpdate};
pub use sessions::{NewSession, NewTrial, SessionRow, SessionState, TrialFlags, TrialRow};

use crate::error::{Error, Result};
use crate::time::WallTime;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const STATEMENT_CACHE: usize = 64;

pub struct Store {
    path: String,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
}

impl Store {
    /// Opens (or creates) the database at `path`, upgrades its schema and makes sure a
    /// profile exists. A file that is not a Proprio database, is damaged, or comes from a
    /// newer version is refused and left byte-for-byte as it was.
    pub fn open(path: &str, now: &WallTime) -> Result<Store> {
        now.validate("now")?;
        check_header(path)?;
        Self::open_checked(path, now).map_err(|e| {
            if e.is_corruption() {
                Error::NotADatabase { path: path.to_string(), reason: e.to_string() }
            } else {
                e
            }
        })
    }

    fn open_checked(path: &str, now: &WallTime) -> Result<Store> {
        let mut writer = connect(path, true)?;
        // Read the version, and the schema (which finds most damage), before any pragma
        // that could write to the file.
        let found = schema::version(&writer)?;
        writer.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))?;
        if found > schema::LATEST {
            return Err(Error::NewerSchema { found, supported: schema::LATEST });
        }
        configure(&writer)?;
        schema::upgrade(&mut writer)?;
        let reader = connect(path, false)?;
        configure(&reader)?;
        let store = Store { path: path.to_string(), writer: Mutex::new(writer), reader: Mutex::new(reader) };
        store.write(|tx| profile::ensure(tx, now))?;
        Ok(store)
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// Runs `f` in an immediate transaction on the writer; commits only if it succeeds.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` on the reader connection.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&lock(&self.reader))
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.read(schema::version)
    }

    /// `PRAGMA integrity_check`'s first line: "ok" for a sound file.
    pub fn integrity_check(&self) -> Result<String> {
        self.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
    }
}

/// A panic while a connection was held rolled its transaction back (the `Transaction`
/// was dropped), so the connection is still consistent and can be used again.
fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Refuses a non-empty file whose first bytes are not SQLite's, before SQLite opens it.
fn check_header(path: &str) -> Result<()> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    if read == 0 || &header == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::NotADatabase {
            path: path.to_string(),
            reason: "the file does not start with the SQLite header".into(),
        })
    }
}

fn connect(path: &str, create: bool) -> Result<Connection> {
    let parent = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = parent.filter(|d| create && !d.is_dir()) {
        return Err(Error::invalid("path", format!("folder {} does not exist", dir.display())));
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::InvalidState(format!("the database refused WAL mode (got {mode})")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Android has no usable /tmp; keep temporary tables and indices in memory.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub fn now() -> WallTime {
        WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/London".into() }
    }

    pub fn open_temp() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let store = Store::open(path.to_str().unwrap(), &now()).unwrap();
        (dir, store)
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn fresh_file_gets_latest_schema_wal_and_a_profile() {
        let (_dir, store) = open_temp();
        assert_eq!(store.schema_version().unwrap(), schema::LATEST);
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let mode: String = store.read(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store.read(|c| Ok(c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?)).unwrap();
        assert_eq!(fk, 1);
        let code = store.read(profile::get).unwrap().code;
        assert!(code.starts_with("P-") && code.len() == 11, "{code}");
    }

    #[test]
    fn reopening_keeps_the_profile_code() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let path = path.to_str().unwrap();
        let first = Store::open(path, &now()).unwrap().read(profile::get).unwrap();
        let second = Store::open(path, &now()).unwrap().read(profile::get).unwrap();
        assert_eq!(first, second);
    }

    #[test]
    fn a_text_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "my shopping list\nmilk\n").unwrap();
        let err = Store::open(path.to_str().unwrap(), &now()).err().unwrap();
        assert!(matches!(err, Error::NotADatabase { .. }), "{err:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "my shopping list\nmilk\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no -wal/-shm files left");
    }

    #[test]
    fn a_corrupt_database_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        drop(Store::open(path.to_str().unwrap(), &now()).unwrap());
        // Keep the header, wreck the schema page.
        let mut bytes = std::fs::read(&path).unwrap();
        for b in bytes.iter_mut().skip(100).take(3000) {
            *b = 0xA5;
        }
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(path.to_str().unwrap(), &now()).err().unwrap();
        assert!(matches!(err, Error::NotADatabase { .. }), "{err:?}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn a_newer_database_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", schema::LATEST + 7).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(path.to_str().unwrap(), &now()).err().unwrap();
        assert!(matches!(err, Error::NewerSchema { found, .. } if found == schema::LATEST + 7));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_missing_folder_is_an_invalid_path() {
        let err = Store::open("/nonexistent-proprio-dir/p.db", &now()).err().unwrap();
        assert!(matches!(err, Error::InvalidArgument { ref field, .. } if field == "path"), "{err:?}");
    }

    #[test]
    fn a_failed_write_commits_nothing() {
        let (_dir, store) = open_temp();
        let result: Result<()> = store.write(|tx| {
            tx.execute("UPDATE profile SET skin_tone = 4", [])?;
            Err(Error::invalid("x", "forced"))
        });
        assert!(result.is_err());
        assert_eq!(store.read(profile::get).unwrap().skin_tone, profile::DEFAULT_SKIN_TONE);
    }
}
