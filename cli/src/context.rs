//! What every command needs: the open database and "now" (real, or set by --at/--tz).

use crate::output::CliError;
use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use proprio_core::{Proprio, WallTime};
use std::path::PathBuf;
use std::sync::Arc;

pub struct Context {
    pub db_path: PathBuf,
    pub now: WallTime,
    /// The language tag the core picks its catalogue from.
    pub language: String,
}

impl Context {
    pub fn new(db: Option<PathBuf>, at: Option<&str>, tz: Option<&str>) -> Result<Context, CliError> {
        let zone = match tz {
            Some(z) => z.to_string(),
            None => iana_time_zone::get_timezone().unwrap_or_else(|_| "UTC".into()),
        };
        let tz = proprio_core::parse_zone(&zone, "--tz")?;
        let instant = match at {
            Some(text) => parse_at(text, tz)?,
            None => Utc::now(),
        };
        // The core keeps dates within 2000–2200 (WallTime::validate); say so in --at's terms.
        if !(2000..2200).contains(&instant.year()) {
            let which = if at.is_some() { "--at" } else { "this computer's clock" };
            return Err(CliError::usage(format!(
                "{which}: {} is out of range (dates from 2000 to 2199 only)",
                instant.format("%Y-%m-%d")
            )));
        }
        let db_path = match db {
            Some(p) => p,
            None => default_db_path()?,
        };
        Ok(Context {
            db_path,
            now: WallTime { unix_ms: instant.timestamp_millis(), zone },
            language: system_language(),
        })
    }

    /// `--lang` over the environment's language.
    pub fn with_language(mut self, lang: Option<String>) -> Context {
        if let Some(lang) = lang {
            self.language = lang;
        }
        self
    }

    /// Opens (creating if needed) the database, speaking the chosen language.
    pub fn open(&self) -> Result<Arc<Proprio>, CliError> {
        let path =
            self.db_path.to_str().ok_or_else(|| CliError::usage("--db: the path is not valid UTF-8"))?;
        let proprio = Proprio::new(path.to_string(), self.now.clone())?;
        proprio.set_language(self.language.clone());
        Ok(proprio)
    }
}

/// The terminal's language, as POSIX locales name it (`de_DE.UTF-8`); the core reads
/// only the language part.
fn system_language() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

fn default_db_path() -> Result<PathBuf, CliError> {
    let dirs = directories::ProjectDirs::from("org", "Proprio", "proprio")
        .ok_or_else(|| CliError::usage("no home directory found: pass --db PATH"))?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::failure(format!("cannot create {}: {e}", dir.display())))?;
    Ok(dir.join("proprio.db"))
}

/// RFC 3339 with an offset, or a local wall time in `tz`. A local time that falls in a
/// daylight-saving gap is refused rather than guessed.
pub(crate) fn parse_at(text: &str, tz: Tz) -> Result<DateTime<Utc>, CliError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(12, 0, 0))
        })
        .ok_or_else(|| {
            CliError::usage(format!(
                "--at: '{text}' is not a date-time (try 2026-03-01T09:30:00Z or '2026-03-01 09:30')"
            ))
        })?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| CliError::usage(format!("--at: {text} does not exist in {tz} (the clocks skip it)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_accepts_rfc3339_and_local_times() {
        let london: Tz = "Europe/London".parse().unwrap();
        assert_eq!(
            parse_at("2026-07-01T09:30:00Z", london).unwrap().to_rfc3339(),
            "2026-07-01T09:30:00+00:00"
        );
        assert_eq!(parse_at("2026-07-01 09:30", london).unwrap().to_rfc3339(), "2026-07-01T08:30:00+00:00");
        assert!(parse_at("2026-03-29 01:30", london).unwrap_err().to_string().contains("does not exist"));
        assert!(parse_at("yesterday", london).unwrap_err().to_string().contains("--at"));
    }

    #[test]
    fn at_outside_2000_to_2200_names_the_date_not_unix_ms() {
        for at in ["1900-01-01T00:00:00Z", "2200-01-01", "9999-12-31 23:59"] {
            let err = Context::new(Some("x.db".into()), Some(at), Some("UTC")).err().unwrap().to_string();
            assert!(
                err.contains("--at") && err.contains("out of range") && !err.contains("unix_ms"),
                "{err}"
            );
        }
        assert!(Context::new(Some("x.db".into()), Some("2199-12-31"), Some("UTC")).is_ok());
    }

    /// Random texts (seeded, so a failure repeats): an instant in range or an --at error.
    #[test]
    fn any_at_text_gives_an_instant_or_a_usage_error() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(8);
        let pieces =
            ["1900", "2026", "9999", "-", "T", " ", ":", "Z", "+05:30", "0", "12", "31", "59", "\u{1b}", "é"];
        for _ in 0..3000 {
            let n = rng.random_range(0..12);
            let text: String = (0..n).map(|_| pieces[rng.random_range(0..pieces.len())]).collect();
            for zone in ["Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo"] {
                match Context::new(Some("x.db".into()), Some(&text), Some(zone)) {
                    Ok(ctx) => {
                        assert!((946_684_800_000..7_258_118_400_000).contains(&ctx.now.unix_ms), "{text}")
                    }
                    Err(e) => assert!(e.to_string().starts_with("--at"), "{text}: {e}"),
                }
            }
        }
    }

    #[test]
    fn rfc3339_instants_read_back_exactly() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        let london: Tz = "Europe/London".parse().unwrap();
        for _ in 0..2000 {
            let secs = rng.random_range(946_684_800i64..7_258_118_400);
            let offset = chrono::FixedOffset::east_opt(rng.random_range(-720..=840) * 60).unwrap();
            let t = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&offset);
            assert_eq!(parse_at(&t.to_rfc3339(), london).unwrap().timestamp(), secs);
        }
    }
}
