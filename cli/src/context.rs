//! What every command needs: the open database and "now" (real, or set by --at/--tz).

use crate::output::CliError;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use proprio_core::{Proprio, WallTime};
use std::path::PathBuf;
use std::sync::Arc;

pub struct Context {
    pub db_path: PathBuf,
    pub now: WallTime,
}

impl Context {
    pub fn new(db: Option<PathBuf>, at: Option<&str>, tz: Option<&str>) -> Result<Context, CliError> {
        let zone = match tz {
            Some(z) => z.to_string(),
            None => iana_time_zone::get_timezone().unwrap_or_else(|_| "UTC".into()),
        };
        let tz: Tz = zone.parse().map_err(|_| {
            CliError::usage(format!("--tz: '{zone}' is not an IANA time zone name (like Europe/London)"))
        })?;
        let instant = match at {
            Some(text) => parse_at(text, tz)?,
            None => Utc::now(),
        };
        let db_path = match db {
            Some(p) => p,
            None => default_db_path()?,
        };
        Ok(Context { db_path, now: WallTime { unix_ms: instant.timestamp_millis(), zone } })
    }

    /// Opens (creating if needed) the database.
    pub fn open(&self) -> Result<Arc<Proprio>, CliError> {
        let path =
            self.db_path.to_str().ok_or_else(|| CliError::usage("--db: the path is not valid UTF-8"))?;
        Ok(Proprio::new(path.to_string(), self.now.clone())?)
    }
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
}
