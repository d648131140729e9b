//! The core's one time vocabulary. Wall-clock instants come from the shell as a
//! [`WallTime`]: a UTC instant plus the device's IANA zone. The core never reads a clock;
//! every dated record takes one of these. This file holds the one range of instants the
//! core accepts, the one zone parser, and the small conversions every feature shares
//! (instant → local wall time, local date, the text forms). The daylight-saving policy of
//! reminders (wall minute → instant) lives in `reminders/local_time.rs` and uses these.

use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub(crate) const MINUTE_MS: i64 = 60_000;
pub(crate) const DAY_MS: i64 = 86_400_000;

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
        self.checked_zone(field).map(|_| ())
    }

    /// Checks both fields (as [`WallTime::validate`]) and returns the zone, parsed: where
    /// a rule that works in local time starts.
    pub(crate) fn checked_zone(&self, field: &str) -> Result<Tz> {
        let tz = parse_zone(&self.zone, &format!("{field}.zone"))?;
        check_instant(self.unix_ms, &format!("{field}.unix_ms"))?;
        Ok(tz)
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

/// Checks that a UTC instant in milliseconds is one the core dates (2000 to 2200).
pub(crate) fn check_instant(unix_ms: i64, field: &str) -> Result<()> {
    if (EARLIEST_MS..LATEST_MS).contains(&unix_ms) {
        Ok(())
    } else {
        Err(Error::invalid(field, format!("{unix_ms} is not between the years 2000 and 2200")))
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

/// The local wall time of a UTC instant (one [`check_instant`] accepts).
pub(crate) fn to_local(tz: Tz, unix_ms: i64) -> DateTime<Tz> {
    DateTime::from_timestamp_millis(unix_ms).unwrap_or_default().with_timezone(&tz)
}

/// The local date of a UTC instant.
pub(crate) fn local_date(tz: Tz, unix_ms: i64) -> NaiveDate {
    to_local(tz, unix_ms).date_naive()
}

/// ISO weekday number, Monday = 1 .. Sunday = 7.
pub(crate) fn iso_weekday(date: NaiveDate) -> u8 {
    date.weekday().number_from_monday() as u8
}

/// The UTC offset in minutes in force at a local wall time.
pub(crate) fn offset_minutes(t: &DateTime<Tz>) -> i32 {
    t.offset().fix().local_minus_utc() / 60
}

/// `YYYY-MM-DD`.
pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `YYYY-MM-DDTHH:MM+hh:mm`, the local wall time with its offset.
pub(crate) fn local_text(t: &DateTime<Tz>) -> String {
    t.format("%Y-%m-%dT%H:%M%:z").to_string()
}

/// `YYYY-MM-DDTHH:MMZ`.
pub(crate) fn utc_text(unix_ms: i64) -> String {
    DateTime::from_timestamp_millis(unix_ms).unwrap_or_default().format("%Y-%m-%dT%H:%MZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_zone_and_range() {
        let ok = WallTime { unix_ms: 1_790_000_000_000, zone: "Australia/Eucla".into() };
        ok.validate("now").unwrap();
        assert_eq!(ok.local().unwrap().offset().to_string(), "+0845");
        assert_eq!(ok.checked_zone("now").unwrap(), chrono_tz::Australia::Eucla);
        let bad_zone = WallTime { zone: "Mars/Olympus".into(), ..ok.clone() };
        let err = bad_zone.validate("now").unwrap_err().to_string();
        assert!(err.contains("now.zone") && err.contains("Mars/Olympus"), "{err}");
        let huge = WallTime { zone: "Europe/".repeat(100_000), ..ok.clone() };
        let err = huge.validate("now").unwrap_err().to_string();
        assert!(err.contains("now.zone") && err.len() < 100, "{}", &err[..200.min(err.len())]);
        let bad_ms = WallTime { unix_ms: -5, ..ok };
        assert!(bad_ms.validate("now").unwrap_err().to_string().contains("now.unix_ms"));
        assert!(check_instant(LATEST_MS, "x").is_err() && check_instant(LATEST_MS - 1, "x").is_ok());
        assert!(check_instant(EARLIEST_MS - 1, "x").is_err() && check_instant(EARLIEST_MS, "x").is_ok());
    }

    #[test]
    fn text_forms() {
        let tz = parse_zone("Asia/Kathmandu", "zone").unwrap();
        let t = to_local(tz, 1_795_417_200_000); // 2026-11-23T07:00:00Z
        assert_eq!(local_text(&t), "2026-11-23T12:45+05:45");
        assert_eq!(offset_minutes(&t), 345);
        assert_eq!(utc_text(1_795_417_200_000), "2026-11-23T07:00Z");
        assert_eq!(date_text(local_date(tz, 1_795_417_200_000)), "2026-11-23");
        assert_eq!(iso_weekday(local_date(tz, 1_795_417_200_000)), 1);
    }
}
