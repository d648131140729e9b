//! "Share with my therapist": the export the patient picked on the share screen, written
//! into a folder the shell gives (its cache, or a folder the user chose) under the names
//! the core gives it, and described for the share sheet: each file's path, name, MIME
//! type and size in words. The files are written as every export is (`files.rs`: 0600,
//! never over another file, whole or not at all).

use super::export::write_files;
use crate::error::{Error, Result};
use crate::export::ExportFormat;
use crate::export::crypt::{MIN_PASSPHRASE_CHARS, check_passphrase};
use crate::export::share::{self, MAX_SAME_DAY, ShareRange};
use crate::files::taken;
use crate::messages::{Locale, decimal, t};
use crate::store::{self, Store};
use crate::time::WallTime;
use std::path::{Path, PathBuf};

/// What the patient picked on the share screen.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ShareChoice {
    pub format: ExportFormat,
    pub range: ShareRange,
    /// Encrypt every file with this passphrase (at least the form's
    /// `passphrase_min_chars` characters); `None`: plain files.
    #[uniffi(default = None)]
    pub passphrase: Option<String>,
}

/// One file written for sharing.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SharedFile {
    /// Where it is, for the share sheet (the folder given, then the name).
    pub path: String,
    /// The name the recipient sees.
    pub name: String,
    /// The MIME type to tell the share sheet.
    pub mime: String,
    pub size_bytes: u64,
    /// "proprio-P-ABCD-EFGH-2026-11-20.html, 12 KB".
    pub label: String,
}

/// An export ready to send: one file, or several (the four CSV tables), shared together.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SharedExport {
    pub files: Vec<SharedFile>,
    /// The MIME type of the whole share (every file has it).
    pub mime: String,
    /// For an encrypted export: tell the passphrase another way than the file.
    pub passphrase_note: Option<String>,
}

/// Writes the export `choice` asks for into `dir` (made if missing) and describes it.
/// A passphrase too short or too long, a bad `now` or a folder that cannot be written
/// is refused before anything is written; a failure on the way leaves no file.
pub fn share(
    store: &Store,
    choice: &ShareChoice,
    dir: &Path,
    now: &WallTime,
    locale: Locale,
) -> Result<SharedExport> {
    now.validate("now")?;
    let pass = choice.passphrase.as_deref();
    if let Some(pass) = pass {
        if pass.chars().count() < MIN_PASSPHRASE_CHARS {
            let reason = t!(locale, "share-passphrase-too-short", min = MIN_PASSPHRASE_CHARS);
            return Err(Error::invalid("choice.passphrase", reason));
        }
        check_passphrase(pass).map_err(|e| renamed(e, "choice.passphrase"))?;
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::invalid("dir", format!("cannot create the folder {}: {e}", dir.display())))?;
    let today = now.local()?.date_naive();
    let code = store.read(store::profile::get)?.code;
    let sealed = pass.is_some();
    // The first of the day's names that are all free: an earlier export of today stays.
    let names = (1..=MAX_SAME_DAY)
        .map(|n| share::file_names(choice.format, &code, today, n, sealed))
        .find(|names| !names.iter().any(|n| taken(&dir.join(n))))
        .ok_or_else(|| {
            Error::invalid(
                "dir",
                format!("{} already holds {MAX_SAME_DAY} exports of today; remove some", dir.display()),
            )
        })?;
    let targets: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    let (from, to) = choice.range.dates(today);
    let (from, to) = (from.map(|d| d.to_string()), to.map(|d| d.to_string()));
    let written = write_files(store, choice.format, from.as_deref(), to.as_deref(), &targets, pass, now)?;
    let mime = share::mime(choice.format, sealed);
    let files = written
        .iter()
        .zip(names)
        .map(|(path, name)| {
            let size_bytes = std::fs::metadata(path)?.len();
            Ok(SharedFile {
                path: path.to_string_lossy().into_owned(),
                label: t!(locale, "share-file", name = name.as_str(), size = size_words(size_bytes, locale)),
                name,
                mime: mime.into(),
                size_bytes,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(SharedExport {
        passphrase_note: sealed.then(|| t!(locale, "share-passphrase-note", files = files.len())),
        files,
        mime: mime.into(),
    })
}

/// "12 KB", "1.5 MB" (German "1,5 MB"), a no-break space before the unit.
pub fn size_words(bytes: u64, locale: Locale) -> String {
    let (unit, value) = share::size_unit(bytes);
    let places = if unit == "mb" { 1 } else { 0 };
    t!(locale, "file-size", unit = unit, value = decimal(locale, value, places))
}

/// The same refusal, named by the parameter path of this call.
fn renamed(e: Error, field: &str) -> Error {
    match e {
        Error::InvalidArgument { reason, .. } => Error::invalid(field, reason),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use crate::api::Proprio;
    use crate::export::{ExportDocument, ExportFormat, crypt};
    use crate::{NewJournalEntry, ProprioError, WallTime};
    use std::path::Path;
    use std::sync::Arc;

    use super::{ShareChoice, ShareRange};

    /// 2026-11-20 10:00 in London.
    const NOW: i64 = 1_795_168_800_000;
    const DAY: i64 = 86_400_000;

    fn at(ms: i64) -> WallTime {
        WallTime { unix_ms: ms, zone: "Europe/London".into() }
    }

    fn open(dir: &Path) -> Arc<Proprio> {
        let p = Proprio::new(dir.join("p.db").to_str().unwrap().into(), at(NOW)).unwrap();
        // Journal entries today, 20 days ago and 60 days ago.
        for days in [0, 20, 60] {
            let entry = NewJournalEntry {
                at: at(NOW - days * DAY - 3_600_000),
                pain: 3,
                fear: None,
                medication: false,
                sleep: None,
                note: format!("{days} days ago"),
                session_id: None,
            };
            p.add_journal_entry(entry).unwrap();
        }
        p
    }

    fn choice(format: ExportFormat, range: ShareRange, passphrase: Option<&str>) -> ShareChoice {
        ShareChoice { format, range, passphrase: passphrase.map(Into::into) }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .map(|d| d.map(|e| e.unwrap().file_name().into_string().unwrap()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn the_form_offers_the_report_first_the_ranges_and_the_passphrase_rule_it_applies() {
        let dir = tempfile::tempdir().unwrap();
        let p = open(dir.path());
        let f = p.share_form().unwrap();
        let formats: Vec<_> = f.formats.iter().map(|c| (c.format, c.label.as_str())).collect();
        assert_eq!(
            formats,
            [
                (ExportFormat::Html, "Report for your therapist (HTML)"),
                (ExportFormat::Json, "Full backup (JSON)"),
                (ExportFormat::Csv, "Spreadsheet tables (CSV)"),
                (ExportFormat::Fhir, "For a clinic's record system (FHIR)"),
                (ExportFormat::Hljt, "HLJT trials for researchers (CSV)"),
            ]
        );
        assert_eq!(f.format, ExportFormat::Html);
        assert!(f.formats.iter().all(|c| c.explanation.ends_with('.')));
        assert_eq!(
            f.ranges.iter().map(|r| (r.range, r.label.as_str())).collect::<Vec<_>>(),
            [
                (ShareRange::All, "Everything so far"),
                (ShareRange::LastFourWeeks, "Last 4 weeks"),
                (ShareRange::LastTwelveWeeks, "Last 12 weeks")
            ]
        );
        assert_eq!(f.range, ShareRange::All);
        assert_eq!(f.passphrase_label, "Passphrase (at least 8 characters)");
        let code = p.profile().unwrap().code;
        assert!(f.privacy.contains(&code), "{}", f.privacy);
        // The minimum the form states is the one the core applies.
        let out = dir.path().join("out");
        let min = f.passphrase_min_chars as usize;
        let short = p.prepare_share(
            choice(ExportFormat::Html, ShareRange::All, Some(&"x".repeat(min - 1))),
            out.to_str().unwrap().into(),
            at(NOW),
        );
        assert!(
            matches!(short, Err(ProprioError::InvalidArgument { ref field, .. }) if field == "choice.passphrase"),
            "{short:?}"
        );
        p.prepare_share(
            choice(ExportFormat::Html, ShareRange::All, Some(&"x".repeat(min))),
            out.to_str().unwrap().into(),
            at(NOW),
        )
        .unwrap();
        p.set_language("de".into());
        let de = p.share_form().unwrap();
        assert_eq!(de.formats[0].label, "Bericht für deine Therapie (HTML)");
        assert_eq!(de.ranges[1].label, "Letzte 4 Wochen");
        assert!(de.privacy.contains(&code) && de.privacy.contains("dein"), "{}", de.privacy);
    }

    #[test]
    fn the_report_is_written_whole_and_private_under_the_cores_name_and_a_second_gets_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let p = open(dir.path());
        let code = p.profile().unwrap().code;
        let out = dir.path().join("cache/exports");
        let shared = p
            .prepare_share(
                choice(ExportFormat::Html, ShareRange::All, None),
                out.to_str().unwrap().into(),
                at(NOW),
            )
            .unwrap();
        assert_eq!((shared.mime.as_str(), shared.passphrase_note.as_deref()), ("text/html", None));
        let [file] = &shared.files[..] else { panic!("{shared:?}") };
        assert_eq!(file.name, format!("proprio-{code}-2026-11-20.html"));
        assert_eq!(Path::new(&file.path), out.join(&file.name));
        assert_eq!(file.mime, "text/html");
        let bytes = std::fs::read(&file.path).unwrap();
        assert_eq!(file.size_bytes, bytes.len() as u64);
        assert!(String::from_utf8(bytes).unwrap().contains("</html>"));
        assert!(
            file.label.starts_with(&format!("{}, ", file.name)) && file.label.ends_with("\u{a0}KB"),
            "{}",
            file.label
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&file.path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let again = p
            .prepare_share(
                choice(ExportFormat::Html, ShareRange::All, None),
                out.to_str().unwrap().into(),
                at(NOW),
            )
            .unwrap();
        assert_eq!(again.files[0].name, format!("proprio-{code}-2026-11-20-2.html"));
        assert_eq!(names(&out).len(), 2, "the first stays");
    }

    #[test]
    fn the_csv_tables_go_together_encrypted_and_open_with_the_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let p = open(dir.path());
        let out = dir.path().join("share");
        let pass = "correct horse battery";
        let shared = p
            .prepare_share(
                choice(ExportFormat::Csv, ShareRange::LastFourWeeks, Some(pass)),
                out.to_str().unwrap().into(),
                at(NOW),
            )
            .unwrap();
        assert_eq!(shared.files.len(), 4);
        assert_eq!(shared.mime, "application/octet-stream");
        assert_eq!(
            shared.passphrase_note.as_deref(),
            Some("The files are locked. Tell your therapist the passphrase another way than the files.")
        );
        let journal = shared.files.iter().find(|f| f.name.ends_with("-journal.csv.age")).unwrap();
        assert!(shared.files.iter().all(|f| f.mime == shared.mime && Path::new(&f.path).is_file()));
        let sealed = std::fs::read(&journal.path).unwrap();
        assert!(crypt::is_encrypted(&sealed));
        let plain = String::from_utf8(crate::api::decrypt_export(sealed, pass.into()).unwrap()).unwrap();
        // The last four weeks: today's and 20 days ago, not 60.
        assert!(plain.contains("0 days ago") && plain.contains("20 days ago"), "{plain}");
        assert!(!plain.contains("60 days ago"), "{plain}");
    }

    #[test]
    fn the_range_sets_the_exports_dates_and_a_refusal_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = open(dir.path());
        let out = dir.path().join("share");
        let shared = p
            .prepare_share(
                choice(ExportFormat::Json, ShareRange::LastTwelveWeeks, None),
                out.to_str().unwrap().into(),
                at(NOW),
            )
            .unwrap();
        assert_eq!(shared.mime, "application/json");
        let doc = ExportDocument::from_json(&std::fs::read(&shared.files[0].path).unwrap()).unwrap();
        assert_eq!((doc.from.as_deref(), doc.to.as_deref()), (Some("2026-08-29"), Some("2026-11-20")));
        assert_eq!(doc.journal.len(), 3);

        let empty = dir.path().join("empty");
        let short = p.prepare_share(
            choice(ExportFormat::Fhir, ShareRange::All, Some("short")),
            empty.to_str().unwrap().into(),
            at(NOW),
        );
        let Err(ProprioError::InvalidArgument { field, reason }) = short else { panic!("{short:?}") };
        assert_eq!(
            (field.as_str(), reason.as_str()),
            ("choice.passphrase", "Use at least 8 characters for the passphrase.")
        );
        assert!(!empty.exists(), "not even the folder");
        let long = p.prepare_share(
            choice(ExportFormat::Fhir, ShareRange::All, Some(&"x".repeat(2000))),
            empty.to_str().unwrap().into(),
            at(NOW),
        );
        assert!(
            matches!(long, Err(ProprioError::InvalidArgument { ref field, .. }) if field == "choice.passphrase"),
            "{long:?}"
        );
        let bad_now = p.prepare_share(
            choice(ExportFormat::Fhir, ShareRange::All, None),
            empty.to_str().unwrap().into(),
            WallTime { unix_ms: NOW, zone: "Mars/Base".into() },
        );
        assert!(bad_now.is_err() && names(&empty).is_empty());
        // A folder that is a file: refused, nothing written beside it.
        let file = dir.path().join("a-file");
        std::fs::write(&file, b"x").unwrap();
        let r = p.prepare_share(
            choice(ExportFormat::Html, ShareRange::All, None),
            file.to_str().unwrap().into(),
            at(NOW),
        );
        assert!(matches!(r, Err(ProprioError::InvalidArgument { ref field, .. }) if field == "dir"), "{r:?}");
        p.set_language("de".into());
        let de = p
            .prepare_share(
                choice(ExportFormat::Html, ShareRange::All, Some("12345678")),
                out.to_str().unwrap().into(),
                at(NOW),
            )
            .unwrap();
        assert!(de.passphrase_note.unwrap().starts_with("Die Datei ist geschützt."));
        assert!(de.files[0].name.ends_with(".html.age"));
    }

    #[test]
    fn sizes_are_worded_in_the_patients_language() {
        use crate::messages::Locale;
        assert_eq!(super::size_words(512, Locale::English), "512\u{a0}bytes");
        assert_eq!(super::size_words(12 * 1024, Locale::English), "12\u{a0}KB");
        assert_eq!(super::size_words(3 * 1024 * 1024 / 2, Locale::German), "1,5\u{a0}MB");
    }
}
