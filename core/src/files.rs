//! New files, written whole or not at all: an export holds health records, so each file
//! is readable by its owner only (0600), never replaces an existing file, and appears
//! under its name only once every byte is on disk. A file is written to a hidden
//! temporary name in the same folder and linked to its name at the end; a failure on
//! the way (or a name taken meanwhile) removes the temporary file.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Buffer of each file being written: large enough that writes are few.
const BUFFER: usize = 256 * 1024;

/// A file being written under a temporary name; dropped without [`NewFiles::commit`],
/// it is removed.
pub struct NewFile {
    target: PathBuf,
    temp: PathBuf,
    writer: Option<BufWriter<File>>,
}

/// `path` is taken (a file, a folder or a dangling link).
pub fn taken(path: &Path) -> bool {
    path.exists() || path.is_symlink()
}

fn exists_error(path: &Path) -> Error {
    Error::invalid("path", format!("{} exists; choose a new name", path.display()))
}

impl NewFile {
    /// Starts `target`, refusing it if it exists or its folder does not.
    pub fn create(target: &Path) -> Result<NewFile> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        if taken(target) {
            return Err(exists_error(target));
        }
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| Error::invalid("path", format!("{} names no file", target.display())))?;
        let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let temp = folder.join(format!(
            ".{name}.{}-{}.partial",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&temp)
            .map_err(|e| Error::invalid("path", format!("cannot write in {}: {e}", folder.display())))?;
        Ok(NewFile {
            target: target.to_path_buf(),
            temp,
            writer: Some(BufWriter::with_capacity(BUFFER, file)),
        })
    }

    fn writer(&mut self) -> std::io::Result<&mut BufWriter<File>> {
        self.writer.as_mut().ok_or_else(|| std::io::Error::other("the file is already finished"))
    }

    /// Flushes everything to disk; the file keeps its temporary name.
    fn sync(&mut self) -> Result<()> {
        if let Some(w) = self.writer.take() {
            let file = w.into_inner().map_err(|e| Error::Io(e.into_error()))?;
            file.sync_all()?;
        }
        Ok(())
    }

    /// Gives the file its name without replacing anything: a hard link, which fails if
    /// the name exists. Where a file system has no links, a rename after a last check.
    fn place(&self) -> Result<()> {
        match std::fs::hard_link(&self.temp, &self.target) {
            Ok(()) => {
                let _ = std::fs::remove_file(&self.temp);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists_error(&self.target)),
            Err(_) if taken(&self.target) => Err(exists_error(&self.target)),
            Err(_) => Ok(std::fs::rename(&self.temp, &self.target)?),
        }
    }
}

impl Write for NewFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer()?.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.writer()?.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        self.writer = None;
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// Files that appear together or not at all (the CSV tables).
pub struct NewFiles(pub Vec<NewFile>);

impl NewFiles {
    /// Starts every target; none may exist.
    pub fn create(targets: &[PathBuf]) -> Result<NewFiles> {
        if let Some(t) = targets.iter().find(|t| taken(t)) {
            return Err(exists_error(t));
        }
        Ok(NewFiles(targets.iter().map(|t| NewFile::create(t)).collect::<Result<_>>()?))
    }

    /// Syncs every file, then names them; if one name is taken meanwhile, the files
    /// already named are removed again and nothing is left.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        for f in &mut self.0 {
            f.sync()?;
        }
        let mut placed: Vec<PathBuf> = Vec::new();
        for f in &self.0 {
            if let Err(e) = f.place() {
                for p in &placed {
                    let _ = std::fs::remove_file(p);
                }
                return Err(e);
            }
            placed.push(f.target.clone());
        }
        Ok(placed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_file_appears_whole_private_and_never_over_another() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        let mut files = NewFiles::create(std::slice::from_ref(&target)).unwrap();
        files.0[0].write_all(b"{}").unwrap();
        assert!(!target.exists(), "not under its name before the end");
        assert_eq!(files.commit().unwrap(), std::slice::from_ref(&target));
        assert_eq!(std::fs::read(&target).unwrap(), b"{}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert!(matches!(
            NewFiles::create(std::slice::from_ref(&target)),
            Err(Error::InvalidArgument { .. })
        ));
        assert_eq!(names(dir.path()), ["a.json"]);
    }

    #[test]
    fn an_abandoned_or_overtaken_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
        let mut files = NewFiles::create(&[a.clone(), b.clone()]).unwrap();
        files.0[0].write_all(b"x").unwrap();
        drop(files);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
        let files = NewFiles::create(&[a.clone(), b.clone()]).unwrap();
        std::fs::write(&b, "someone else's").unwrap();
        assert!(matches!(files.commit(), Err(Error::InvalidArgument { .. })));
        assert_eq!(names(dir.path()), ["b.csv"], "a.csv was taken back, b.csv left as it was");
        assert_eq!(std::fs::read(&b).unwrap(), b"someone else's");
    }
}
