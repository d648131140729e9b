//! What the patient (or their therapist's plan) sets for reminders, with defaults and
//! validation. Every value here is *judgement* unless a source is named: see
//! `docs/reminders.md`.

use super::SessionKind;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Default waking window, 08:00–21:00 (the default).
const DEFAULT_WINDOW_START_MIN: i32 = 8 * 60;
const DEFAULT_WINDOW_END_MIN: i32 = 21 * 60;
/// Default minimum gap between two reminders, and between a session and the next
/// reminder (*judgement*: an hour keeps 3–5 sessions a day comfortably apart).
const DEFAULT_MIN_GAP_MIN: i32 = 60;
/// Default largest random shift of a reminder from its even spot (*judgement*).
const DEFAULT_JITTER_MIN: i32 = 10;
/// Default sessions a day per kind until a plan says otherwise: three left/right
/// sessions (*judgement*; desensitisation's 3–5 a day is from seed 002).
const DEFAULT_LEFT_RIGHT_PER_DAY: i32 = 3;

/// Most reminders of one kind in a day.
pub(crate) const MAX_PER_DAY: i32 = 12;
/// Largest gap accepted (12 h).
pub(crate) const MAX_GAP_MIN: i32 = 720;
/// Largest jitter accepted.
const MAX_JITTER_MIN: i32 = 60;

/// A daily period without reminders, in minutes after local midnight. `end` may be
/// smaller than `start` (22:00–07:00 runs over midnight). `end` is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct QuietHours {
    pub start_min: i32,
    pub end_min: i32,
}

/// How many sessions of one kind the plan asks for each day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct KindTarget {
    pub kind: SessionKind,
    pub per_day: i32,
}

/// Most quiet-hour periods (a night, a nap, a commute, … — and a bound on what a shell
/// or a plan may send).
pub const MAX_QUIET_HOURS: usize = 8;

/// Reminder settings. Times are minutes after local midnight (0..=1440) in the device's
/// current zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ReminderSettings {
    /// Reminders are on at all. Off: the plan is empty and the diff cancels everything.
    pub enabled: bool,
    /// First minute a reminder may fire.
    pub window_start_min: i32,
    /// End of the waking window, exclusive (1260 = up to 20:59).
    pub window_end_min: i32,
    pub quiet_hours: Vec<QuietHours>,
    /// ISO weekdays with reminders, Monday = 1 .. Sunday = 7.
    pub weekdays: Vec<u8>,
    /// No two reminders closer than this, and none sooner than this after a session.
    pub min_gap_min: i32,
    /// Largest random shift from the even spot, in minutes.
    pub jitter_min: i32,
    /// Sessions a day per kind. Kinds not listed get no reminders.
    pub targets: Vec<KindTarget>,
    /// Move slots towards the times the patient actually practises.
    pub learn_my_times: bool,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            enabled: true,
            window_start_min: DEFAULT_WINDOW_START_MIN,
            window_end_min: DEFAULT_WINDOW_END_MIN,
            quiet_hours: Vec::new(),
            weekdays: vec![1, 2, 3, 4, 5, 6, 7],
            min_gap_min: DEFAULT_MIN_GAP_MIN,
            jitter_min: DEFAULT_JITTER_MIN,
            targets: vec![KindTarget { kind: SessionKind::LeftRight, per_day: DEFAULT_LEFT_RIGHT_PER_DAY }],
            learn_my_times: false,
        }
    }
}

/// Minutes in a day; window and quiet-hour ends may equal it (midnight at the end).
pub(crate) const MINUTES_PER_DAY: i32 = 1440;
/// The minutes a window or quiet hours may start or end at.
const DAY: std::ops::RangeInclusive<i32> = 0..=MINUTES_PER_DAY;

pub(crate) fn hhmm(m: i32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

impl ReminderSettings {
    /// Checks every field; the error names the first bad one (`settings.<field>`).
    pub fn validate(&self) -> Result<()> {
        self.validate_window()?;
        self.validate_quiet_hours()?;
        self.validate_weekdays()?;
        self.validate_spacing()?;
        self.validate_targets()?;
        if self.allowed().total() == 0 {
            return Err(Error::invalid(
                "settings.quiet_hours",
                "they cover the whole waking window; no time is left for reminders",
            ));
        }
        Ok(())
    }

    fn validate_window(&self) -> Result<()> {
        if !DAY.contains(&self.window_start_min) || self.window_start_min == MINUTES_PER_DAY {
            return Err(Error::invalid(
                "settings.window_start_min",
                format!("{} is not a minute of the day (0..1439)", self.window_start_min),
            ));
        }
        if !DAY.contains(&self.window_end_min) {
            return Err(Error::invalid(
                "settings.window_end_min",
                format!("{} is not a minute of the day (1..1440)", self.window_end_min),
            ));
        }
        if self.window_end_min <= self.window_start_min {
            return Err(Error::invalid(
                "settings.window_end_min",
                format!(
                    "the window must end after it starts ({} is not after {})",
                    hhmm(self.window_end_min),
                    hhmm(self.window_start_min)
                ),
            ));
        }
        Ok(())
    }

    fn validate_quiet_hours(&self) -> Result<()> {
        if self.quiet_hours.len() > MAX_QUIET_HOURS {
            return Err(Error::invalid(
                "settings.quiet_hours",
                format!("at most {MAX_QUIET_HOURS} periods, not {}", self.quiet_hours.len()),
            ));
        }
        for q in &self.quiet_hours {
            if !(0..MINUTES_PER_DAY).contains(&q.start_min) || !DAY.contains(&q.end_min) {
                return Err(Error::invalid(
                    "settings.quiet_hours",
                    format!("{}–{} is not a pair of minutes of the day", q.start_min, q.end_min),
                ));
            }
            if q.start_min == q.end_min % MINUTES_PER_DAY {
                return Err(Error::invalid(
                    "settings.quiet_hours",
                    format!("{} starts and ends at the same time", hhmm(q.start_min)),
                ));
            }
        }
        Ok(())
    }

    fn validate_weekdays(&self) -> Result<()> {
        if self.weekdays.is_empty() {
            return Err(Error::invalid(
                "settings.weekdays",
                "at least one day of the week is needed (turn reminders off instead)",
            ));
        }
        for (i, d) in self.weekdays.iter().enumerate() {
            if !(1..=7).contains(d) {
                return Err(Error::invalid(
                    "settings.weekdays",
                    format!("{d} is not an ISO weekday (1 = Monday .. 7 = Sunday)"),
                ));
            }
            if self.weekdays[..i].contains(d) {
                return Err(Error::invalid("settings.weekdays", format!("day {d} is listed twice")));
            }
        }
        Ok(())
    }

    /// The gap and the jitter.
    fn validate_spacing(&self) -> Result<()> {
        if self.min_gap_min <= 0 || self.min_gap_min > MAX_GAP_MIN {
            return Err(Error::invalid(
                "settings.min_gap_min",
                format!("{} minutes is outside 1..={MAX_GAP_MIN}", self.min_gap_min),
            ));
        }
        if !(0..=MAX_JITTER_MIN).contains(&self.jitter_min) {
            return Err(Error::invalid(
                "settings.jitter_min",
                format!("{} minutes is outside 0..={MAX_JITTER_MIN}", self.jitter_min),
            ));
        }
        Ok(())
    }

    fn validate_targets(&self) -> Result<()> {
        for (i, t) in self.targets.iter().enumerate() {
            if !(0..=MAX_PER_DAY).contains(&t.per_day) {
                return Err(Error::invalid(
                    "settings.targets",
                    format!(
                        "{} sessions a day of {} is outside 0..={MAX_PER_DAY}",
                        t.per_day,
                        t.kind.as_str()
                    ),
                ));
            }
            if self.targets[..i].iter().any(|o| o.kind == t.kind) {
                return Err(Error::invalid(
                    "settings.targets",
                    format!("{} is listed twice", t.kind.as_str()),
                ));
            }
        }
        Ok(())
    }

    /// The daily target for a kind (0 when not listed).
    pub fn target(&self, kind: SessionKind) -> u32 {
        self.targets.iter().find(|t| t.kind == kind).map_or(0, |t| t.per_day.max(0) as u32)
    }

    /// Kinds with a positive target, in [`SessionKind::ALL`] order.
    pub(crate) fn active_kinds(&self) -> Vec<(SessionKind, u32)> {
        SessionKind::ALL.iter().map(|&k| (k, self.target(k))).filter(|&(_, t)| t > 0).collect()
    }

    pub(crate) fn weekday_enabled(&self, iso: u8) -> bool {
        self.weekdays.contains(&iso)
    }

    /// The minutes of a day a reminder may fire: the window minus quiet hours.
    pub fn allowed(&self) -> Allowed {
        let mut parts = vec![(self.window_start_min as u32, self.window_end_min as u32)];
        for q in &self.quiet_hours {
            let (s, e) = (q.start_min as u32, q.end_min as u32);
            let cuts: Vec<(u32, u32)> =
                if s < e { vec![(s, e)] } else { vec![(s, MINUTES_PER_DAY as u32), (0, e)] };
            for (cs, ce) in cuts {
                parts = parts
                    .into_iter()
                    .flat_map(|(a, b)| {
                        let mut out = Vec::with_capacity(2);
                        if cs >= b || ce <= a {
                            out.push((a, b));
                        } else {
                            if a < cs {
                                out.push((a, cs));
                            }
                            if ce < b {
                                out.push((ce, b));
                            }
                        }
                        out
                    })
                    .collect();
            }
        }
        parts.sort_unstable();
        Allowed { intervals: parts }
    }
}

/// Allowed minutes of a day as sorted, disjoint half-open intervals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub(crate) intervals: Vec<(u32, u32)>,
}

impl Allowed {
    /// Allowed minutes in a day.
    pub(crate) fn total(&self) -> u32 {
        self.intervals.iter().map(|(a, b)| b - a).sum()
    }

    pub fn contains(&self, minute: u32) -> bool {
        self.intervals.iter().any(|&(a, b)| a <= minute && minute < b)
    }

    /// The first allowed minute at or after `minute`, if any that day.
    pub(crate) fn first_at_or_after(&self, minute: u32) -> Option<u32> {
        self.intervals.iter().find(|&&(_, b)| minute < b).map(|&(a, _)| a.max(minute))
    }

    /// Maps a position on the "allowed minutes only" axis (0..total) to a wall minute.
    pub(crate) fn wall_minute(&self, axis: u32) -> u32 {
        let mut left = axis;
        for &(a, b) in &self.intervals {
            if left < b - a {
                return a + left;
            }
            left -= b - a;
        }
        self.intervals.last().map_or(0, |&(_, b)| b.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &ReminderSettings) -> String {
        match s.validate().unwrap_err() {
            Error::InvalidArgument { field, .. } => field,
            e => panic!("{e}"),
        }
    }

    #[test]
    fn defaults_are_valid() {
        ReminderSettings::default().validate().unwrap();
        assert_eq!(ReminderSettings::default().allowed().total(), 13 * 60);
    }

    #[test]
    fn each_bad_field_is_named() {
        let ok = ReminderSettings::default();
        let mut s = ok.clone();
        s.min_gap_min = 0;
        assert_eq!(field(&s), "settings.min_gap_min");
        s.min_gap_min = -5;
        assert_eq!(field(&s), "settings.min_gap_min");
        let mut s = ok.clone();
        s.window_end_min = 7 * 60;
        assert_eq!(field(&s), "settings.window_end_min");
        let mut s = ok.clone();
        s.window_start_min = -1;
        assert_eq!(field(&s), "settings.window_start_min");
        let mut s = ok.clone();
        s.quiet_hours = vec![QuietHours { start_min: 600, end_min: 600 }];
        assert_eq!(field(&s), "settings.quiet_hours");
        s.quiet_hours = vec![QuietHours { start_min: 600, end_min: 2000 }];
        assert_eq!(field(&s), "settings.quiet_hours");
        s.quiet_hours = vec![QuietHours { start_min: 7 * 60, end_min: 22 * 60 }];
        assert_eq!(field(&s), "settings.quiet_hours");
        let short = |k: i32| QuietHours { start_min: 8 * 60 + k * 30, end_min: 8 * 60 + k * 30 + 10 };
        s.quiet_hours = (0..MAX_QUIET_HOURS as i32).map(short).collect();
        s.validate().unwrap();
        s.quiet_hours.push(short(MAX_QUIET_HOURS as i32));
        assert_eq!(field(&s), "settings.quiet_hours");
        let mut s = ok.clone();
        s.weekdays.clear();
        assert_eq!(field(&s), "settings.weekdays");
        s.weekdays = vec![0];
        assert_eq!(field(&s), "settings.weekdays");
        s.weekdays = vec![1, 1];
        assert_eq!(field(&s), "settings.weekdays");
        let mut s = ok.clone();
        s.targets[0].per_day = 13;
        assert_eq!(field(&s), "settings.targets");
        let mut s = ok.clone();
        s.jitter_min = 61;
        assert_eq!(field(&s), "settings.jitter_min");
    }

    #[test]
    fn quiet_hours_cut_the_window_including_over_midnight() {
        let s = ReminderSettings {
            window_start_min: 6 * 60,
            window_end_min: 23 * 60,
            quiet_hours: vec![
                QuietHours { start_min: 12 * 60, end_min: 13 * 60 },
                QuietHours { start_min: 22 * 60, end_min: 7 * 60 },
            ],
            ..ReminderSettings::default()
        };
        let a = s.allowed();
        assert_eq!(a.intervals, vec![(420, 720), (780, 1320)]);
        assert_eq!(a.first_at_or_after(700), Some(700));
        assert_eq!(a.first_at_or_after(720), Some(780));
        assert_eq!(a.first_at_or_after(1320), None);
        assert_eq!(a.wall_minute(300), 780);
    }
}
