//! Exports and backups across the FFI: the shells share exactly the bytes the CLI writes.

use super::{Proprio, Result};
use crate::export::{ExportFile, ExportFormat};
use crate::time::WallTime;
use crate::usecases::export::{self, ImportSummary};
use crate::usecases::forms::{self, RestoreForm, Restored, ShareForm};
use crate::usecases::share::{self, ShareChoice, SharedExport};

#[uniffi::export]
impl Proprio {
    /// The files of an export for the local dates `from..=to` (`YYYY-MM-DD`, either end
    /// open), in memory: one JSON document (everything; also the backup), four CSV
    /// tables, the HLJT-compatible trials CSV, a FHIR Bundle or the report. For a short
    /// range (a week to send); years of practice are hundreds of MB: write them with
    /// [`Proprio::export_to_file`].
    pub fn export(
        &self,
        format: ExportFormat,
        from: Option<String>,
        to: Option<String>,
        now: WallTime,
    ) -> Result<Vec<ExportFile>> {
        Ok(export::export(&self.store, format, from.as_deref(), to.as_deref(), &now)?)
    }

    /// Writes an export straight to new files, session by session from one snapshot:
    /// `path` is the file (the folder for the four CSV tables, made if missing, each
    /// named as in [`Proprio::export`] plus `.age` when encrypted). With a `passphrase`
    /// (at least 8 characters) every file is encrypted as it is written. Files are
    /// readable by their owner only, never replace an existing file, and appear only
    /// complete: a failure leaves none. Returns the paths written.
    pub fn export_to_file(
        &self,
        format: ExportFormat,
        from: Option<String>,
        to: Option<String>,
        path: String,
        passphrase: Option<String>,
        now: WallTime,
    ) -> Result<Vec<String>> {
        let written = export::export_to_files(
            &self.store,
            format,
            from.as_deref(),
            to.as_deref(),
            std::path::Path::new(&path),
            passphrase.as_deref(),
            &now,
        )?;
        Ok(written.into_iter().map(|p| p.to_string_lossy().into_owned()).collect())
    }

    /// The share screen: the formats a patient may send (the report first and chosen),
    /// the date ranges, the passphrase option and its rule, and what leaves the phone.
    pub fn share_form(&self) -> Result<ShareForm> {
        Ok(forms::share_form(&self.store, self.locale())?)
    }

    /// Writes the export the patient chose on the share screen into the folder `dir`
    /// (made if missing: the shell's cache folder for a share sheet, or a folder the
    /// user picked), under names the core gives (`proprio-<code>-<date>.html`, `.age`
    /// added when encrypted; a second export of the day gets `-2`), and returns each
    /// file's path, name, MIME type and size for the share sheet. A passphrase shorter
    /// than the form's minimum is `InvalidArgument{choice.passphrase}`, and nothing is
    /// written; a failure on the way leaves no file.
    pub fn prepare_share(&self, choice: ShareChoice, dir: String, now: WallTime) -> Result<SharedExport> {
        Ok(share::share(&self.store, &choice, std::path::Path::new(&dir), &now, self.locale())?)
    }

    /// The restore screen: what a backup is, the passphrase field, and what restoring
    /// would replace when the phone already holds data.
    pub fn restore_form(&self) -> Result<RestoreForm> {
        Ok(forms::restore_form(&self.store, self.locale())?)
    }

    /// Restores the backup file at `path` (a JSON export, plain or locked), as the restore
    /// screen picked it; `replace` as the form's warning asked. At most
    /// `RestoreForm.max_file_bytes`; a locked backup without its passphrase is refused
    /// naming `passphrase`, a wrong one likewise; nothing is written unless all of it
    /// restores. The shells re-plan the reminders after it (the backup brings its own).
    pub fn restore_backup_file(
        &self,
        path: String,
        passphrase: Option<String>,
        replace: bool,
    ) -> Result<Restored> {
        let summary =
            export::restore_file(&self.store, std::path::Path::new(&path), passphrase.as_deref(), replace)?;
        Ok(forms::restored(summary, self.locale()))
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
/// The export is read in one pass (memory holds days, not trials); from a file, the
/// CLI's `report_file` does not even hold the export's bytes.
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
