//! Local wall time in an IANA zone, and back to UTC, with one daylight-saving policy:
//!
//! - a wall time that does not exist (clocks go forward) moves to the first minute after
//!   it that does exist (02:30 on a 02:00→03:00 night becomes 03:00);
//! - a wall time that happens twice (clocks go back) takes its first occurrence, unless the
//!   caller needs an instant no earlier than some bound, in which case the first
//!   occurrence at or after that bound is taken.
//!
//! Everything is in whole minutes: reminders never need seconds. Instants, zones and their
//! text forms are [`crate::time`]'s; this file holds only the policy.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
use chrono_tz::Tz;

pub(crate) const MINUTES_PER_DAY: u32 = 1440;

/// Minutes after local midnight of a wall time, rounded up to the next whole minute.
/// A wall time in the last partial minute of a day rounds to 1440 (the end of that day).
pub(crate) fn minute_of_day_ceil(t: &DateTime<Tz>) -> u32 {
    let m = t.hour() * 60 + t.minute();
    if t.second() > 0 || t.nanosecond() > 0 { m + 1 } else { m }
}

fn wall(date: NaiveDate, minute: u32) -> Option<NaiveDateTime> {
    if minute >= MINUTES_PER_DAY {
        return None;
    }
    NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).map(|t| date.and_time(t))
}

/// A wall time on `date` resolved to UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The instant, UTC milliseconds.
    pub(crate) utc_ms: i64,
    /// The wall minute it actually lands on (later than asked if the asked one did not
    /// exist).
    pub(crate) minute: u32,
}

/// Resolves wall `minute` on `date` to the first instant at or after `not_before_ms` that
/// shows that wall time. A minute that does not exist moves to the first minute after it
/// that does. Returns `None` when nothing on `date` qualifies.
pub(crate) fn resolve(tz: Tz, date: NaiveDate, minute: u32, not_before_ms: i64) -> Option<Resolved> {
    let mut m = minute;
    while m < MINUTES_PER_DAY {
        let naive = wall(date, m)?;
        let mut options: [Option<i64>; 2] = [None, None];
        match tz.from_local_datetime(&naive) {
            chrono::LocalResult::Single(t) => options[0] = Some(t.timestamp_millis()),
            chrono::LocalResult::Ambiguous(a, b) => {
                let (a, b) = (a.timestamp_millis(), b.timestamp_millis());
                options = [Some(a.min(b)), Some(a.max(b))];
            }
            chrono::LocalResult::None => {
                // Clocks went forward over this minute: try the next one.
                m += 1;
                continue;
            }
        }
        if let Some(ms) = options.into_iter().flatten().find(|&ms| ms >= not_before_ms) {
            return Some(Resolved { utc_ms: ms, minute: m });
        }
        // Every occurrence of this minute is before the bound; the caller moves on.
        return None;
    }
    None
}

/// The first instant of a local date (local midnight, or the first minute that exists
/// after it in zones whose clocks jump at midnight).
pub(crate) fn start_of_day_ms(tz: Tz, date: NaiveDate) -> i64 {
    match resolve(tz, date, 0, i64::MIN) {
        Some(r) => r.utc_ms,
        // A whole day skipped (Pacific/Apia, 2011-12-30): the day starts where the next
        // one does.
        None => date.succ_opt().map(|d| start_of_day_ms(tz, d)).unwrap_or(i64::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::to_local;

    fn parse_zone(name: &str) -> Option<Tz> {
        name.parse().ok()
    }

    fn ms(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
    }

    #[test]
    fn nonexistent_minute_moves_to_the_first_valid_one_after_it() {
        let tz = parse_zone("Europe/London").unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let r = resolve(tz, d, 60 + 30, i64::MIN).unwrap();
        assert_eq!(r.minute, 120);
        assert_eq!(r.utc_ms, ms("2026-03-29T01:00:00Z"));
    }

    #[test]
    fn ambiguous_minute_takes_the_first_occurrence_unless_bounded() {
        let tz = parse_zone("America/New_York").unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let first = resolve(tz, d, 90, i64::MIN).unwrap();
        assert_eq!(first.utc_ms, ms("2026-11-01T05:30:00Z"));
        let second = resolve(tz, d, 90, first.utc_ms + 1).unwrap();
        assert_eq!(second.utc_ms, ms("2026-11-01T06:30:00Z"));
        assert!(resolve(tz, d, 90, second.utc_ms + 1).is_none());
    }

    #[test]
    fn lord_howe_moves_half_an_hour() {
        let tz = parse_zone("Australia/Lord_Howe").unwrap();
        // 2026-10-04 02:00 -> 02:30
        let d = NaiveDate::from_ymd_opt(2026, 10, 4).unwrap();
        let r = resolve(tz, d, 120 + 10, i64::MIN).unwrap();
        assert_eq!(r.minute, 150);
    }

    #[test]
    fn midnight_that_does_not_exist_starts_the_day_later() {
        // Santiago moves clocks forward at 24:00 on the first Saturday of September.
        let tz = parse_zone("America/Santiago").unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let start = start_of_day_ms(tz, d);
        let t = to_local(tz, start);
        assert_eq!(t.hour(), 1);
        assert_eq!(t.date_naive(), d);
    }
}
