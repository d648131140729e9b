//! The SQLite store: one file, one writer connection and one reader connection.
//!
//! Every write runs in an immediate transaction that commits before the call returns, so
//! an acknowledged write survives a killed process (WAL, `synchronous = FULL` so it also
//! survives power loss). Reads use their own connection and see committed data only.

pub mod backup;
pub mod journal;
mod owner;
pub mod profile;
pub mod programme;
pub mod reminders;
pub mod schema;
pub mod sessions;
pub mod summaries;

pub(crate) use owner::abandoned_sessions;

pub use sessions::{NewSession, SessionRow, TrialRow};

use crate::error::{Error, Result};
use crate::time::WallTime;
use rusqlite::{Connection, OpenFlags, Row, Transaction, TransactionBehavior};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const STATEMENT_CACHE: usize = 64;

pub struct Store {
    path: String,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    /// This store's claim on the sessions it starts, taken at its first write.
    owner: Mutex<Option<owner::Owner>>,
    /// Set by [`Store::delete_all`]: the connections are closed, the files gone.
    deleted: AtomicBool,
}

impl Store {
    /// Opens (or creates) the database at `path`, upgrades its schema and makes sure a
    /// profile exists. A file that is not a Proprio database, is damaged, or comes from a
    /// newer version is refused and left byte-for-byte as it was. Opening a database that
    /// is already up to date writes nothing, so it never waits for another writer.
    pub fn open(path: &str, now: &WallTime) -> Result<Store> {
        now.validate("now")?;
        let created = check_file(path)?;
        let result = Self::open_checked(path, now).map_err(|e| match e {
            e if e.is_corruption() => Error::NotADatabase { path: path.to_string(), reason: e.to_string() },
            e => e,
        });
        if result.is_err() && created {
            // Nothing of ours is left behind by a refused create.
            let _ = remove_database_files(path);
        }
        result
    }

    fn open_checked(path: &str, now: &WallTime) -> Result<Store> {
        let mut writer = connect(path)?;
        // Read the mark, the version and the schema (which finds most damage) before
        // anything that could write to the file.
        schema::check_ownership(&writer)
            .map_err(|reason| Error::ForeignDatabase { path: path.to_string(), reason })?;
        let found = schema::version(&writer)?;
        if found > schema::LATEST {
            return Err(Error::NewerSchema { found, supported: schema::LATEST });
        }
        configure(&writer)?;
        if found < schema::LATEST {
            schema::upgrade(&mut writer)?;
        }
        let reader = connect(path)?;
        configure(&reader)?;
        for file in database_files(path) {
            owner::set_private(Path::new(&file));
        }
        let store = Store {
            path: path.to_string(),
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            owner: Mutex::new(None),
            deleted: AtomicBool::new(false),
        };
        if !store.read(profile::exists)? {
            store.write(|tx| profile::ensure(tx, now))?;
        }
        Ok(store)
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// Runs `f` in an immediate transaction on the writer; commits only if it succeeds.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.claim_ownership()?;
        let mut conn = self.connection(&self.writer)?;
        let run = |conn: &mut Connection| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        };
        run(&mut conn).map_err(|e| self.name_damage(e))
    }

    /// Runs `f` on the reader connection in a read transaction, so that every query in
    /// it sees the same committed state (one snapshot), whatever a writer commits
    /// meanwhile. A reader never waits for the writer (WAL).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.connection(&self.reader)?;
        let run = |conn: &mut Connection| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
            let value = f(&tx)?;
            // Nothing was written: ending the read transaction either way releases the
            // snapshot.
            tx.commit()?;
            Ok(value)
        };
        run(&mut conn).map_err(|e| self.name_damage(e))
    }

    /// `PRAGMA integrity_check`'s first line: "ok" for a sound file.
    pub fn integrity_check(&self) -> Result<String> {
        self.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
    }

    /// Moves every committed page into the database file and empties the WAL, so that
    /// with `secure_delete` nothing deleted stays readable in either file. A reader still
    /// holding an old snapshot makes this a partial checkpoint; the next one finishes it.
    pub fn checkpoint(&self) -> Result<()> {
        let conn = self.connection(&self.writer)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Closes both connections and removes the database, its WAL and SHM files and the
    /// owner lock files; returns the paths removed. The store refuses every call after.
    pub fn delete_all(&self) -> Result<Vec<String>> {
        // Same lock order as `write`: owner, then the connections.
        let mut owner = self.owner.lock().unwrap_or_else(|p| p.into_inner());
        let mut writer = self.connection(&self.writer)?;
        let mut reader = self.connection(&self.reader)?;
        // Swapping in a connection to nothing closes the file's connections.
        *writer = Connection::open_in_memory()?;
        *reader = Connection::open_in_memory()?;
        self.deleted.store(true, Ordering::SeqCst);
        *owner = None;
        remove_database_files(&self.path)
    }

    fn connection<'a>(&self, m: &'a Mutex<Connection>) -> Result<MutexGuard<'a, Connection>> {
        let guard = lock(m);
        if self.deleted.load(Ordering::SeqCst) {
            return Err(Error::InvalidState("the data was deleted; open the database again".into()));
        }
        Ok(guard)
    }

    /// Takes this store's owner lock and tags the sessions it starts, once.
    fn claim_ownership(&self) -> Result<()> {
        let mut slot = self.owner.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_none() {
            // The connection first: after delete_all it refuses, and no owner file is made.
            let writer = self.connection(&self.writer)?;
            let claim = owner::Owner::claim(&self.path)?;
            claim.tag_new_sessions(&writer)?;
            *slot = Some(claim);
        }
        Ok(())
    }

    fn name_damage(&self, e: Error) -> Error {
        if e.is_corruption() { Error::Damaged { path: self.path.clone(), reason: e.to_string() } } else { e }
    }
}

/// Reads a text column as one of the core's text enums (`parse` is the enum's); text
/// that no variant has means the file is damaged or was written by something else.
fn text_column<T>(
    r: &Row,
    idx: usize,
    column: &str,
    parse: fn(&str, &str) -> Result<T>,
) -> rusqlite::Result<T> {
    let text: String = r.get(idx)?;
    parse(&text, column).map_err(|_| bad_column(column, &text))
}

/// [`text_column`] for a column that may be NULL.
fn optional_text_column<T>(
    r: &Row,
    idx: usize,
    column: &str,
    parse: fn(&str, &str) -> Result<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = r.get(idx)?;
    text.map(|t| parse(&t, column).map_err(|_| bad_column(column, &t))).transpose()
}

fn bad_column(column: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unexpected {column} '{value}' in the database").into(),
    )
}

/// A panic while a connection was held rolled its transaction back (the `Transaction`
/// was dropped), so the connection is still consistent and can be used again.
fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The database and the files SQLite keeps beside it.
fn database_files(path: &str) -> [String; 3] {
    [path.to_string(), format!("{path}-wal"), format!("{path}-shm")]
}

/// Removes the database, its WAL, SHM and rollback journal and the owner folder; returns
/// what existed and was removed.
pub(crate) fn remove_database_files(path: &str) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for file in database_files(path).into_iter().chain([format!("{path}-journal")]) {
        match std::fs::remove_file(&file) {
            Ok(()) => removed.push(file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    let owners = owner::owners_dir(path);
    match std::fs::remove_dir_all(&owners) {
        Ok(()) => removed.push(owners.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    Ok(removed)
}

/// Refuses, before SQLite sees it, a path that is a folder or a device, or a non-empty
/// file whose first bytes are not SQLite's. A missing file is created here, empty and
/// private (0600), so SQLite's own files beside it inherit those permissions; returns
/// whether it was created.
fn check_file(path: &str) -> Result<bool> {
    let refuse = |reason: &str| Error::NotAFile { path: path.to_string(), reason: reason.into() };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let parent = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty());
            if let Some(dir) = parent.filter(|d| !d.is_dir()) {
                return Err(Error::invalid("db_path", format!("folder {} does not exist", dir.display())));
            }
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(refuse("it is a link to nowhere"));
            }
            owner::private_file(Path::new(path))?;
            return Ok(true);
        }
        Err(e) => return Err(e.into()),
    };
    if meta.is_dir() {
        return Err(refuse("it is a folder"));
    }
    if !meta.is_file() {
        return Err(refuse("it is a device or other special file, not a regular file"));
    }
    check_header(path)?;
    Ok(false)
}

/// Refuses a non-empty file whose first bytes are not SQLite's.
fn check_header(path: &str) -> Result<()> {
    use std::io::Read;
    let mut header = Vec::with_capacity(SQLITE_MAGIC.len());
    std::fs::File::open(path)?.take(SQLITE_MAGIC.len() as u64).read_to_end(&mut header)?;
    if header.is_empty() || header == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::NotADatabase {
            path: path.to_string(),
            reason: "the file does not start with the SQLite header".into(),
        })
    }
}

fn connect(path: &str) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::InvalidState(format!("the database refused WAL mode (got {mode})")));
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Deleted records are overwritten with zeros, not just unlinked (privacy).
    conn.pragma_update(None, "secure_delete", true)?;
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
        assert_eq!(store.read(schema::version).unwrap(), schema::LATEST);
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
            conn.pragma_update(None, "application_id", schema::APPLICATION_ID).unwrap();
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
        assert!(matches!(err, Error::InvalidArgument { ref field, .. } if field == "db_path"), "{err:?}");
    }

    #[test]
    fn a_failed_write_commits_nothing() {
        let (_dir, store) = open_temp();
        let result: Result<()> = store.write(|tx| {
            tx.execute("UPDATE profile SET skin_tone = 4", [])?;
            Err(Error::invalid("x", "forced"))
        });
        assert!(result.is_err());
        assert_eq!(store.read(profile::get).unwrap().skin_tone, crate::patient::DEFAULT_SKIN_TONE);
    }
}
