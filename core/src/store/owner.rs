//! Who owns a running session, so that opening the database ends only the sessions of a
//! process that is gone (docs/reliability.md).
//!
//! Each store that writes holds an exclusive OS advisory lock (`flock`) on a file of its
//! own, `<db>-owners/<token>`, for as long as it lives; every session it starts is
//! recorded with that token in `session_owner` (a temporary trigger on the writer
//! connection does it in the same transaction as the insert). The kernel drops the lock
//! when the process dies, however it dies, so "the owner is gone" is exactly "its lock
//! file can be locked".

use crate::error::{Error, Result};
use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The folder of owner lock files beside the database.
pub(crate) fn owners_dir(db_path: &str) -> PathBuf {
    PathBuf::from(format!("{db_path}-owners"))
}

/// This store's claim: the locked file, removed again when the store is dropped.
pub(crate) struct Owner {
    token: String,
    path: PathBuf,
    // Held only for its lock, which closing the file releases.
    _file: File,
}

impl Owner {
    /// Creates and locks a fresh owner file. It is locked under a temporary name and then
    /// renamed, so no other process ever sees it unlocked (and takes it for a dead owner).
    pub(crate) fn claim(db_path: &str) -> Result<Owner> {
        let dir = owners_dir(db_path);
        create_private_dir(&dir)?;
        let token = format!("{:032x}", rand_chacha::ChaCha8Rng::from_os_rng().random::<u128>());
        let path = dir.join(&token);
        let temp = dir.join(format!(".{token}"));
        let file = private_file(&temp)?;
        file.try_lock().map_err(|e| Error::InvalidState(format!("cannot lock {}: {e}", temp.display())))?;
        std::fs::rename(&temp, &path)?;
        Ok(Owner { token, path, _file: file })
    }

    /// Makes every session this connection inserts as running recorded as ours. The trigger
    /// lives in the connection's TEMP schema: it never reaches the file.
    pub(crate) fn tag_new_sessions(&self, writer: &Connection) -> Result<()> {
        writer.execute_batch(&format!(
            "DROP TRIGGER IF EXISTS temp.own_new_sessions;
             CREATE TEMP TRIGGER own_new_sessions AFTER INSERT ON main.session
             WHEN NEW.state = 'running'
             BEGIN
                 INSERT OR REPLACE INTO session_owner (session_id, owner) VALUES (NEW.id, '{}');
             END;",
            self.token
        ))?;
        Ok(())
    }
}

impl Drop for Owner {
    fn drop(&mut self) {
        // Removed before the lock goes (with the file handle): a prober that opened it
        // just before finds it lockable, correctly, since this owner is ending.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Running sessions whose owner is gone: no owner recorded (written by a build before
/// owners existed) or an owner file nobody holds. Reads only; removes dead owners' files.
pub(crate) fn abandoned_sessions(conn: &Connection, db_path: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, o.owner FROM session s LEFT JOIN session_owner o ON o.session_id = s.id
         WHERE s.state = 'running' ORDER BY s.id",
    )?;
    let running = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let dir = owners_dir(db_path);
    Ok(running
        .into_iter()
        .filter(|(_, owner)| !owner.as_deref().is_some_and(|token| is_alive(&dir, token)))
        .map(|(id, _)| id)
        .collect())
}

/// True while some process holds `token`'s lock. Any doubt (a lock error other than
/// "held") counts as alive: a session left running is better than a live one cut off.
fn is_alive(dir: &Path, token: &str) -> bool {
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return false;
    }
    let path = dir.join(token);
    let file = match OpenOptions::new().read(true).write(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return false,
        Err(_) => return true,
    };
    match file.try_lock() {
        Ok(()) => {
            // Its owner died without cleaning up: tidy its file away.
            let _ = std::fs::remove_file(&path);
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => true,
    }
}

pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// A new file readable and writable by this user only, whatever the umask.
pub(crate) fn private_file(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path)?;
    set_private(path);
    Ok(file)
}

/// Owner-only permissions (0600), set explicitly so the umask cannot widen them. Best
/// effort: a file of another user's that we may read is left as it is.
pub(crate) fn set_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}
