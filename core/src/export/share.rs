//! What sharing an export with a therapist decides, before any file is touched: the
//! formats a patient is offered (the report first), the date ranges and their dates,
//! the names of the files to send and the MIME type a share sheet is told. Pure: the
//! use case (`usecases::export::share`) writes the files.

use super::ExportFormat;
use crate::text::text_enum;
use chrono::{Days, NaiveDate};

text_enum!(
    /// Which weeks an export covers, counted back from today (today included).
    ShareRange {
        /// Everything recorded so far.
        All => "all",
        /// The last 28 days, today included.
        LastFourWeeks => "last-4-weeks",
        /// The last 84 days, today included.
        LastTwelveWeeks => "last-12-weeks",
    }
);

/// The formats offered, in the order shown: the report a therapist reads first.
pub const SHARE_FORMATS: &[ExportFormat] =
    &[ExportFormat::Html, ExportFormat::Json, ExportFormat::Csv, ExportFormat::Fhir, ExportFormat::Hljt];
/// The format chosen when the screen opens: the one-minute report.
pub const PRESELECTED_FORMAT: ExportFormat = ExportFormat::Html;
/// The range chosen when the screen opens.
pub const PRESELECTED_RANGE: ShareRange = ShareRange::All;
/// How many exports of one day may sit side by side in a folder before the next is
/// refused (`-2` … `-99` after the first).
pub const MAX_SAME_DAY: u32 = 99;

impl ShareRange {
    /// The first and last local dates included (`None`: open), for an export made `today`.
    pub fn dates(self, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let back = |weeks: u64| today.checked_sub_days(Days::new(weeks * 7 - 1));
        match self {
            ShareRange::All => (None, None),
            ShareRange::LastFourWeeks => (back(4), Some(today)),
            ShareRange::LastTwelveWeeks => (back(12), Some(today)),
        }
    }
}

/// The ending of each file of `format`, after the common stem, in the order the
/// formatter writes them ([`ExportFormat::file_names`]).
fn endings(format: ExportFormat) -> &'static [&'static str] {
    match format {
        ExportFormat::Html => &[".html"],
        ExportFormat::Json => &[".json"],
        ExportFormat::Csv => &["-trials.csv", "-sessions.csv", "-journal.csv", "-guided.csv"],
        ExportFormat::Hljt => &["-hljt.csv"],
        ExportFormat::Fhir => &["-fhir.json"],
    }
}

/// The pseudonymous code as it may stand in a file name: letters, digits and `-`.
fn safe_code(code: &str) -> String {
    let safe: String =
        code.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    if safe.is_empty() { "patient".into() } else { safe }
}

/// The names of the files to send: `proprio-<code>-<date>.html` (the `n`th export of
/// that day in one folder gets `-<n>` after the date), one per file of the format,
/// `.age` added when encrypted.
pub fn file_names(format: ExportFormat, code: &str, today: NaiveDate, n: u32, sealed: bool) -> Vec<String> {
    let stem = match n {
        0 | 1 => format!("proprio-{}-{today}", safe_code(code)),
        n => format!("proprio-{}-{today}-{n}", safe_code(code)),
    };
    let age = if sealed { ".age" } else { "" };
    endings(format).iter().map(|end| format!("{stem}{end}{age}")).collect()
}

/// The MIME type of each file of `format`, as a share sheet is told it. An encrypted
/// file is opaque bytes to every app but the one that decrypts it. FHIR is sent as
/// JSON (`application/fhir+json` is its registered type, but share targets that take
/// JSON files rarely list it).
pub fn mime(format: ExportFormat, sealed: bool) -> &'static str {
    if sealed {
        return "application/octet-stream";
    }
    match format {
        ExportFormat::Html => "text/html",
        ExportFormat::Json | ExportFormat::Fhir => "application/json",
        ExportFormat::Csv | ExportFormat::Hljt => "text/csv",
    }
}

/// A file's size in the words of `file-size`: its unit and its number (whole bytes, KB
/// rounded up, MB with one decimal), with 1 KB = 1024 bytes.
pub fn size_unit(bytes: u64) -> (&'static str, f64) {
    const KB: u64 = 1024;
    match bytes {
        b if b < KB => ("bytes", b as f64),
        b if b < KB * KB => ("kb", b.div_ceil(KB) as f64),
        b => ("mb", b as f64 / (KB * KB) as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn ranges_count_back_whole_weeks_with_today_included() {
        let today = day("2026-11-20");
        assert_eq!(ShareRange::All.dates(today), (None, None));
        assert_eq!(ShareRange::LastFourWeeks.dates(today), (Some(day("2026-10-24")), Some(today)));
        assert_eq!(ShareRange::LastTwelveWeeks.dates(today), (Some(day("2026-08-29")), Some(today)));
        // 28 and 84 days, both ends counted.
        let (from, to) = ShareRange::LastFourWeeks.dates(today);
        assert_eq!((to.unwrap() - from.unwrap()).num_days() + 1, 28);
    }

    #[test]
    fn every_format_is_offered_once_with_one_name_per_file_it_writes() {
        let today = day("2026-11-20");
        assert_eq!(SHARE_FORMATS[0], PRESELECTED_FORMAT);
        for &format in ExportFormat::ALL {
            assert_eq!(SHARE_FORMATS.iter().filter(|&&f| f == format).count(), 1, "{format}");
            let names = file_names(format, "P-ABCD-EFGH", today, 1, false);
            assert_eq!(names.len(), format.file_names().len(), "{format}");
            for name in &names {
                assert!(name.starts_with("proprio-P-ABCD-EFGH-2026-11-20"), "{name}");
            }
        }
        assert_eq!(
            file_names(ExportFormat::Html, "P-ABCD-EFGH", today, 1, false),
            ["proprio-P-ABCD-EFGH-2026-11-20.html"]
        );
        assert_eq!(
            file_names(ExportFormat::Csv, "P-ABCD-EFGH", today, 3, true),
            [
                "proprio-P-ABCD-EFGH-2026-11-20-3-trials.csv.age",
                "proprio-P-ABCD-EFGH-2026-11-20-3-sessions.csv.age",
                "proprio-P-ABCD-EFGH-2026-11-20-3-journal.csv.age",
                "proprio-P-ABCD-EFGH-2026-11-20-3-guided.csv.age",
            ]
        );
        // A code restored from someone else's backup cannot leave the folder.
        assert_eq!(
            file_names(ExportFormat::Json, "../x y", today, 1, false),
            ["proprio----x-y-2026-11-20.json"]
        );
    }

    #[test]
    fn mime_types_name_the_format_and_hide_an_encrypted_one() {
        assert_eq!(mime(ExportFormat::Html, false), "text/html");
        assert_eq!(mime(ExportFormat::Csv, false), "text/csv");
        assert_eq!(mime(ExportFormat::Fhir, false), "application/json");
        for &format in ExportFormat::ALL {
            assert_eq!(mime(format, true), "application/octet-stream");
        }
    }

    #[test]
    fn sizes_are_bytes_then_whole_kb_then_mb() {
        assert_eq!(size_unit(0), ("bytes", 0.0));
        assert_eq!(size_unit(1023), ("bytes", 1023.0));
        assert_eq!(size_unit(1024), ("kb", 1.0));
        assert_eq!(size_unit(1025), ("kb", 2.0));
        assert_eq!(size_unit(3 * 1024 * 1024 / 2), ("mb", 1.5));
    }
}
