//! Exports and backups across the FFI: the shells share exactly the bytes the CLI writes.

use super::{Proprio, Result};
use crate::export::{ExportFile, ExportFormat};
use crate::time::WallTime;
use crate::usecases::export::{self, ImportSummary};

#[uniffi::export]
impl Proprio {
    /// The files of an export for the local dates `from..=to` (`YYYY-MM-DD`, either end
    /// open): one JSON document (everything; also the backup), three CSV tables, or the
    /// HLJT-compatible trials CSV.
    pub fn export(
        &self,
        format: ExportFormat,
        from: Option<String>,
        to: Option<String>,
        now: WallTime,
    ) -> Result<Vec<ExportFile>> {
        Ok(export::export(&self.store, format, from.as_deref(), to.as_deref(), &now)?)
    }

    /// Restores a JSON export (a backup) into this database in one transaction. A
    /// database that already holds sessions or journal entries is refused unless
    /// `replace`; a document that is not a Proprio export, is damaged or comes from a
    /// newer version changes nothing.
    pub fn import_backup(&self, backup: Vec<u8>, replace: bool) -> Result<ImportSummary> {
        Ok(export::import(&self.store, &backup, replace)?)
    }
}

/// The one-minute report (self-contained HTML) for a JSON export someone shared: what a
/// therapist renders on their own machine. A bad export is refused as `import` refuses it.
#[uniffi::export]
pub fn render_report(export: Vec<u8>) -> Result<Vec<u8>> {
    Ok(crate::export::report::from_export(&export)?)
}

/// Encrypts an export's bytes with a passphrase (age format, scrypt; at least 8
/// characters), for sending it where others could read it.
#[uniffi::export]
pub fn encrypt_export(bytes: Vec<u8>, passphrase: String) -> Result<Vec<u8>> {
    Ok(crate::export::crypt::encrypt(&bytes, &passphrase)?)
}

/// Opens an encrypted export; a wrong passphrase is `InvalidArgument{passphrase}`, a
/// damaged or foreign file `InvalidArgument{export}`.
#[uniffi::export]
pub fn decrypt_export(bytes: Vec<u8>, passphrase: String) -> Result<Vec<u8>> {
    Ok(crate::export::crypt::decrypt(&bytes, &passphrase)?)
}
