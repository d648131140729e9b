//! What `Proprio::new` does with the file it is given, and what it leaves on disk: other
//! programs' databases, devices and folders are refused untouched; our files are private;
//! deleted data is not readable afterwards; "delete all data" leaves nothing.

use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{AffectedArea, NewJournalEntry, ProfileUpdate};
use proprio_core::{Proprio, ProprioError, WallTime};
use rusqlite::Connection;
use std::path::Path;

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

fn open(path: &Path) -> Result<std::sync::Arc<Proprio>, ProprioError> {
    Proprio::new(path.to_str().unwrap().into(), now())
}

/// Names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

fn assert_refused_untouched(path: &Path, check: impl Fn(&ProprioError) -> bool) {
    let dir = path.parent().unwrap();
    let before = std::fs::read(path).unwrap();
    let files_before = listing(dir);
    let err = open(path).err().expect("must be refused");
    assert!(check(&err), "{err:?}");
    assert_eq!(std::fs::read(path).unwrap(), before, "bytes changed");
    assert_eq!(listing(dir), files_before, "files were added (journal, wal, shm?)");
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.db");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');").unwrap();
    }
    assert_refused_untouched(
        &path,
        |e| matches!(e, ProprioError::ForeignDatabase { reason, .. } if reason.contains("1 tables")),
    );
}

#[test]
fn a_database_marked_by_another_application_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let c = Connection::open(&path).unwrap();
        // Even with Proprio's table names and a plausible version: the mark decides.
        c.execute_batch(
            "PRAGMA application_id = 42; PRAGMA user_version = 2;
             CREATE TABLE profile (x); CREATE TABLE session (y);",
        )
        .unwrap();
    }
    assert_refused_untouched(
        &path,
        |e| matches!(e, ProprioError::ForeignDatabase { reason, .. } if reason.contains("0x2a")),
    );
}

#[test]
fn devices_and_folders_are_refused_and_nothing_is_created() {
    for device in ["/dev/null", "/dev/zero"] {
        let err = open(Path::new(device)).err().unwrap();
        assert!(
            matches!(&err, ProprioError::NotAFile { reason, .. } if reason.contains("device")),
            "{err:?}"
        );
        assert!(!Path::new(&format!("{device}-journal")).exists());
        assert!(!Path::new(&format!("{device}-wal")).exists());
    }
    let dir = tempfile::tempdir().unwrap();
    let err = open(dir.path()).err().unwrap();
    assert!(matches!(&err, ProprioError::NotAFile { reason, .. } if reason.contains("folder")), "{err:?}");
    assert!(listing(dir.path()).is_empty());
    assert!(!Path::new(&format!("{}-wal", dir.path().display())).exists());
}

#[test]
fn a_dangling_link_is_refused_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("p.db");
    std::os::unix::fs::symlink(dir.path().join("elsewhere/p.db"), &link).unwrap();
    let err = open(&link).err().unwrap();
    assert!(matches!(err, ProprioError::NotAFile { .. }), "{err:?}");
    assert_eq!(listing(dir.path()), ["p.db"]);
}

#[test]
fn files_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let proprio = open(&path).unwrap();
    proprio.add_journal_entry(entry("x")).unwrap();
    for file in [path.clone(), dir.path().join("p.db-wal"), dir.path().join("p.db-shm")] {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }
    let owners = std::fs::metadata(dir.path().join("p.db-owners")).unwrap().permissions().mode() & 0o777;
    assert_eq!(owners, 0o700);
}

fn entry(note: &str) -> NewJournalEntry {
    NewJournalEntry {
        at: now(),
        pain: 3,
        fear: None,
        medication: false,
        sleep: None,
        note: note.into(),
        session_id: None,
    }
}

/// The database and WAL bytes together.
fn file_bytes(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    bytes.extend(std::fs::read(format!("{}-wal", path.display())).unwrap_or_default());
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn cleared_painful_areas_are_not_readable_in_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let proprio = open(&path).unwrap();
    let shoulder = AffectedArea { body_part: BodyPart::Shoulder, side: Side::Left };
    let set = |affected| ProfileUpdate { affected: Some(affected), handedness: None, skin_tone: None };
    proprio.update_profile(set(vec![shoulder])).unwrap();
    assert!(contains(&file_bytes(&path), b"shoulder"), "the test must see the value first");
    proprio.update_profile(set(vec![])).unwrap();
    assert!(!contains(&file_bytes(&path), b"shoulder"), "old value still readable (object open)");
    drop(proprio);
    assert!(!contains(&file_bytes(&path), b"shoulder"), "old value still readable (closed)");
}

#[test]
fn delete_all_data_removes_every_file_and_refuses_later_calls() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let proprio = open(&path).unwrap();
    proprio.add_journal_entry(entry("private")).unwrap();
    let removed = proprio.delete_all_data().unwrap();
    // Closing the last connection lets SQLite fold the WAL in and remove it with the SHM
    // itself; whatever was still there is removed and listed.
    let p = path.display().to_string();
    for expected in [p.clone(), format!("{p}-owners")] {
        assert!(removed.contains(&expected), "{expected} not in {removed:?}");
    }
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
    let err = proprio.journal_entries().unwrap_err();
    assert!(matches!(&err, ProprioError::InvalidState { reason } if reason.contains("deleted")), "{err:?}");
    assert!(proprio.add_journal_entry(entry("after")).is_err());
    assert!(listing(dir.path()).is_empty(), "a call after deletion recreated files");
    // Opening again starts afresh.
    assert!(open(&path).unwrap().journal_entries().unwrap().is_empty());
}

#[test]
fn a_damaged_page_is_named_as_damage_not_storage_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    {
        let proprio = open(&path).unwrap();
        for i in 0..300 {
            proprio.add_journal_entry(entry(&format!("note {i} {}", "x".repeat(200)))).unwrap();
        }
    }
    // Wreck the pages after the first few (the schema stays readable, the data does not).
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 8 * page, "{} bytes", bytes.len());
    for b in &mut bytes[4 * page..] {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = match open(&path) {
        Err(e) => e,
        Ok(p) => p.journal_entries().unwrap_err(),
    };
    let text = err.to_string();
    assert!(
        matches!(err, ProprioError::Damaged { .. } | ProprioError::NotADatabase { .. })
            && text.contains("p.db"),
        "{err:?}"
    );
    assert!(!text.contains("storage failure"), "{text}");
}
