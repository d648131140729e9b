//! Wall-clock instants as the shell reports them: a UTC instant plus the device's IANA
//! zone. The core never reads a clock; every dated record takes one of these.

use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// 2000-01-01T00:00:00Z and 2200-01-01T00:00:00Z: anything outside is a broken clock.
const EARLIEST_MS: i64 = 946_684_800_000;
const LATEST_MS: i64 = 7_258_118_400_000;

/// A moment in time and the zone the patient was in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct WallTime {
    /// Milliseconds since the Unix epoch, UTC.
    pub unix_ms: i64,
    /// IANA zone name, e.g. "Europe/London".
    pub zone: String,
}

impl WallTime {
    /// Checks both fields; `field` names the argument in the error.
    pub fn validate(&self, field: &str) -> Result<()> {
        parse_zone(&self.zone, &format!("{field}.zone"))?;
        if !(EARLIEST_MS..LATEST_MS).contains(&self.unix_ms) {
            return Err(Error::invalid(
                &format!("{field}.unix_ms"),
                format!("{} is not between the years 2000 and 2200", self.unix_ms),
            ));
        }
        Ok(())
    }

    /// The instant in its own zone. Call [`WallTime::validate`] first.
    pub fn local(&self) -> Result<DateTime<Tz>> {
        let tz = parse_zone(&self.zone, "zone")?;
        let utc = DateTime::<Utc>::from_timestamp_millis(self.unix_ms)
            .ok_or_else(|| Error::invalid("unix_ms", format!("{} is out of range", self.unix_ms)))?;
        Ok(tz.from_utc_datetime(&utc.naive_utc()))
    }

    /// The local calendar day number (days of the common era) in its own zone.
    pub fn local_day(&self) -> Result<i64> {
        Ok(i64::from(self.local()?.date_naive().num_days_from_ce()))
    }
}

/// Longer than any IANA zone name (the longest is 32 characters).
const MAX_ZONE_BYTES: usize = 64;

/// Parses an IANA zone name, refusing anything else with a clear error.
pub fn parse_zone(zone: &str, field: &str) -> Result<Tz> {
    if zone.len() > MAX_ZONE_BYTES {
        // Not echoed: the message stays short whatever the shell sent.
        return Err(Error::invalid(field, format!("{} bytes is too long for a time zone name", zone.len())));
    }
    zone.parse::<Tz>().map_err(|_| {
        Error::invalid(field, format!("'{zone}' is not an IANA time zone name (like Europe/London)"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_zone_and_range() {
        let ok = WallTime { unix_ms: 1_790_000_000_000, zone: "Australia/Eucla".into() };
        ok.validate("now").unwrap();
        assert_eq!(ok.local().unwrap().offset().to_string(), "+0845");
        let bad_zone = WallTime { zone: "Mars/Olympus".into(), ..ok.clone() };
        let err = bad_zone.validate("now").unwrap_err().to_string();
        assert!(err.contains("now.zone") && err.contains("Mars/Olympus"), "{err}");
        let huge = WallTime { zone: "Europe/".repeat(100_000), ..ok.clone() };
        let err = huge.validate("now").unwrap_err().to_string();
        assert!(err.contains("now.zone") && err.len() < 100, "{}", &err[..200.min(err.len())]);
        let bad_ms = WallTime { unix_ms: -5, ..ok };
        assert!(bad_ms.validate("now").unwrap_err().to_string().contains("now.unix_ms"));
    }
}
