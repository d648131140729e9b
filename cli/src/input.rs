//! Files the user points the CLI at, read with a bound: a device such as /dev/zero or a
//! huge file is refused instead of filling memory.

use crate::output::CliError;
use std::io::Read;
use std::path::Path;

/// Largest reminder diff file (`reminders --diff`): a phone never has more than a few
/// hundred pending notifications, a few hundred bytes each.
pub const MAX_DIFF_BYTES: u64 = 1 << 20;

/// Reads a UTF-8 text file of at most `limit` bytes; `flag` names the option in errors.
pub fn read_bounded(path: &Path, limit: u64, flag: &str) -> Result<String, CliError> {
    let bytes = read_bytes_bounded(path, limit, flag, "a reminder list")?;
    String::from_utf8(bytes)
        .map_err(|_| CliError::usage(format!("{flag}: {} is not UTF-8 text", path.display())))
}

/// Reads a file of at most `limit` bytes; `what` says what the file should be.
pub fn read_bytes_bounded(path: &Path, limit: u64, flag: &str, what: &str) -> Result<Vec<u8>, CliError> {
    let cannot = |e: std::io::Error| CliError::usage(format!("{flag}: cannot read {}: {e}", path.display()));
    let too_big = || {
        CliError::usage(format!(
            "{flag}: {} is larger than {limit} bytes; that is not {what}",
            path.display()
        ))
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    // A regular file's size is known before reading; a device or pipe is read up to the
    // limit and no further.
    if meta.is_file() && meta.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    // One byte past the limit tells "too big" from "exactly at the limit".
    file.take(limit + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Reads a passphrase file: UTF-8, at most 1 KiB, one line (a final newline is dropped).
pub fn read_passphrase(path: &Path) -> Result<String, CliError> {
    let bytes = read_bytes_bounded(path, 1024, "--passphrase-file", "a passphrase")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::usage(format!("--passphrase-file: {} is not UTF-8 text", path.display())))?;
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

/// An export or backup file's bytes, decrypted with `passphrase` when it is encrypted.
pub fn read_export(path: &Path, flag: &str, passphrase: Option<&Path>) -> Result<Vec<u8>, CliError> {
    let bytes = read_bytes_bounded(path, 1 << 30, flag, "a Proprio export")?;
    match passphrase {
        Some(file) => Ok(proprio_core::decrypt_export(bytes, read_passphrase(file)?)?),
        None if proprio_core::export_is_encrypted(&bytes) => Err(CliError::usage(format!(
            "{flag}: {} is encrypted; give its passphrase with --passphrase-file",
            path.display()
        ))),
        None => Ok(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_device_is_refused_after_the_limit() {
        let err = read_bounded(Path::new("/dev/zero"), 1000, "--diff").unwrap_err().to_string();
        assert!(err.contains("--diff") && err.contains("larger than 1000 bytes"), "{err}");
    }

    #[test]
    fn a_file_at_the_limit_is_read_and_binary_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.json");
        std::fs::write(&path, "x".repeat(1000)).unwrap();
        assert_eq!(read_bounded(&path, 1000, "--diff").unwrap().len(), 1000);
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(read_bounded(&path, 1000, "--diff").unwrap_err().to_string().contains("not UTF-8"));
    }
}
