//! Adherence (reminders sent vs sessions done, per day and per slot) and "learn my
//! times". Pure, like the planner.
//!
//! Definitions (*judgement*, documented in `docs/reminders.md`):
//! - a slot is **sent** on a day when any delivery of it (first ring or snoozed repeat)
//!   was reported;
//! - a sent slot is **answered** when a session of its kind started within
//!   [`ANSWER_WINDOW_MIN`] after one of its deliveries, or it was marked done elsewhere;
//!   each session answers at most one slot;
//! - a day's **adherence** is sessions done (capped at the day's target) over the
//!   target, in percent.

use super::SessionKind;
use super::history::{CompletedSession, DoneElsewhere, LearnedSlot, SentReminder};
use super::layout::Layout;
use super::local_time::{minute_of_day_ceil, start_of_day_ms};
use super::reminder::{PlannedReminder, ReminderKey};
use super::settings::ReminderSettings;
use crate::error::{Error, Result};
use crate::time::{MINUTE_MS, WallTime, check_instant, date_text, iso_weekday, local_date, to_local};
use chrono::{Days, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// A session within this long after a reminder answers it.
const ANSWER_WINDOW_MIN: i64 = 60;
/// "Learn my times" looks back this many days.
const LEARN_DAYS: u64 = 28;
/// ... and moves a slot only with at least this many sessions near it.
const LEARN_MIN_SESSIONS: usize = 5;
/// The longest adherence report, in days.
pub(crate) const MAX_ADHERENCE_DAYS: u32 = 366;

/// One local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct DayAdherence {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Sessions the settings ask for that day (0 on a day without reminders).
    pub target: u32,
    /// Slots delivered.
    pub sent: u32,
    /// Sessions done (in the app or marked done elsewhere), of kinds with a target.
    pub completed: u32,
    /// Delivered slots followed by a session.
    pub answered: u32,
    /// min(completed, target) / target, percent; 100 when the target is 0.
    pub percent: u32,
}

/// One slot of one kind, over the days reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct SlotAdherence {
    pub kind: SessionKind,
    pub slot: u32,
    pub sent: u32,
    pub answered: u32,
    /// answered / sent, percent; 0 when nothing was sent.
    pub percent: u32,
}

/// Adherence report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Adherence {
    pub days: Vec<DayAdherence>,
    pub slots: Vec<SlotAdherence>,
}

fn pct(part: u32, whole: u32) -> u32 {
    (part * 100).checked_div(whole).unwrap_or(0)
}

/// Everything an adherence report looks at. Plain data; the caller owns the clock.
#[derive(Debug, Clone, Copy)]
pub struct AdherenceInput<'a> {
    pub settings: &'a ReminderSettings,
    /// The device's wall time and zone: the report ends with its local date.
    pub now: &'a WallTime,
    /// How many local days, today included (1..=366).
    pub days: u32,
    /// Deliveries reported.
    pub sent: &'a [SentReminder],
    /// Sessions done.
    pub completed: &'a [CompletedSession],
    /// "Done elsewhere" marks, whenever they were made.
    pub done_elsewhere: &'a [DoneElsewhere],
}

/// The local days a report covers.
#[derive(Debug, Clone, Copy)]
struct Range {
    tz: Tz,
    first: NaiveDate,
    today: NaiveDate,
}

impl Range {
    fn contains(&self, d: NaiveDate) -> bool {
        d >= self.first && d <= self.today
    }

    /// Index of a date in the range.
    fn index(&self, d: NaiveDate) -> usize {
        (d - self.first).num_days() as usize
    }
}

/// What was reported about the slots of the days in range.
struct Reported {
    /// Delivered slots (their snoozed repeats folded in), with every delivery instant.
    deliveries: BTreeMap<ReminderKey, Vec<i64>>,
    /// Slots marked done elsewhere.
    marked: HashSet<ReminderKey>,
}

/// Adherence for the `days` local days ending with today (the local date of `now`).
pub fn adherence(input: &AdherenceInput<'_>) -> Result<Adherence> {
    let range = check(input)?;
    let reported = reported(input, &range)?;
    let mut sessions = sessions_in(input.completed, &range);
    let answered = answer(&reported, &mut sessions);
    let days = day_rows(input, &range, &reported, &answered, &sessions);
    Ok(Adherence { days, slots: slot_rows(&reported, &answered) })
}

fn check(input: &AdherenceInput<'_>) -> Result<Range> {
    input.settings.validate()?;
    let tz = input.now.checked_zone("now")?;
    let days = input.days;
    if !(1..=MAX_ADHERENCE_DAYS).contains(&days) {
        return Err(Error::invalid("days", format!("{days} is outside 1..={MAX_ADHERENCE_DAYS}")));
    }
    let today = local_date(tz, input.now.unix_ms);
    let first = today
        .checked_sub_days(Days::new(u64::from(days - 1)))
        .ok_or_else(|| Error::invalid("days", "reaches before the calendar"))?;
    Ok(Range { tz, first, today })
}

/// Deliveries and marks of slots in range, keyed by slot.
fn reported(input: &AdherenceInput<'_>, range: &Range) -> Result<Reported> {
    let mut deliveries: BTreeMap<ReminderKey, Vec<i64>> = BTreeMap::new();
    for s in input.sent {
        let key = ReminderKey::parse(&s.reminder_id, "sent.reminder_id")?.slot_key();
        check_instant(s.sent_at_ms, "sent.sent_at_ms")?;
        if range.contains(key.date) {
            deliveries.entry(key).or_default().push(s.sent_at_ms);
        }
    }
    let mut marked: HashSet<ReminderKey> = HashSet::new();
    for d in input.done_elsewhere {
        let key = ReminderKey::parse(&d.reminder_id, "done_elsewhere.reminder_id")?.slot_key();
        if range.contains(key.date) {
            marked.insert(key);
        }
    }
    Ok(Reported { deliveries, marked })
}

/// A session in range: its kind, when, and whether it already answered a slot.
type Session = (SessionKind, i64, bool);

/// Sessions done in range, sorted by kind and time.
fn sessions_in(completed: &[CompletedSession], range: &Range) -> Vec<Session> {
    let lo = start_of_day_ms(range.tz, range.first);
    let hi = range.today.succ_opt().map_or(i64::MAX, |d| start_of_day_ms(range.tz, d));
    let mut sessions: Vec<Session> = completed
        .iter()
        .filter(|c| c.at_ms >= lo && c.at_ms < hi)
        .map(|c| (c.kind, c.at_ms, false))
        .collect();
    sessions.sort_by_key(|&(k, t, _)| (k, t));
    sessions
}

/// Answering: slots in order of first delivery, each takes the first free session of its
/// kind inside the window after one of its deliveries; a marked slot is answered.
fn answer(reported: &Reported, sessions: &mut [Session]) -> HashSet<ReminderKey> {
    let window = ANSWER_WINDOW_MIN * MINUTE_MS;
    let mut order: Vec<(&ReminderKey, &Vec<i64>)> = reported.deliveries.iter().collect();
    order.sort_by_key(|(k, times)| (times.iter().min().copied(), **k));
    let mut answered: HashSet<ReminderKey> = HashSet::new();
    for (key, times) in order {
        if reported.marked.contains(key) {
            answered.insert(*key);
            continue;
        }
        let mut times = times.clone();
        times.sort_unstable();
        'deliveries: for d in times {
            let mut i = sessions.partition_point(|&(k, t, _)| (k, t) < (key.kind, d));
            while let Some(&(k, t, used)) = sessions.get(i) {
                if k != key.kind || t >= d + window {
                    break;
                }
                if !used {
                    sessions[i].2 = true;
                    answered.insert(*key);
                    break 'deliveries;
                }
                i += 1;
            }
        }
    }
    answered
}

/// One row per local day: its target, slots sent and answered, sessions done.
fn day_rows(
    input: &AdherenceInput<'_>,
    range: &Range,
    reported: &Reported,
    answered: &HashSet<ReminderKey>,
    sessions: &[Session],
) -> Vec<DayAdherence> {
    let (settings, days, first) = (input.settings, input.days, range.first);
    // `starts[i]` is the first instant of day i; the last entry ends the range.
    let n_days = days as usize;
    let starts: Vec<i64> = (0..=days)
        .map(|i| {
            first.checked_add_days(Days::new(u64::from(i))).map_or(i64::MAX, |d| start_of_day_ms(range.tz, d))
        })
        .collect();
    let day_of = |t: i64| starts.partition_point(|&b| b <= t).checked_sub(1);
    let mut done_per_day = vec![0u32; n_days];
    for &(k, t, _) in sessions {
        if settings.target(k) > 0
            && let Some(i) = day_of(t).filter(|&i| i < n_days)
        {
            done_per_day[i] += 1;
        }
    }
    let mut sent_per_day = vec![0u32; n_days];
    let mut answered_per_day = vec![0u32; n_days];
    for key in reported.deliveries.keys() {
        sent_per_day[range.index(key.date)] += 1;
    }
    for key in answered {
        answered_per_day[range.index(key.date)] += 1;
    }
    for key in &reported.marked {
        done_per_day[range.index(key.date)] += 1;
    }

    let daily_target: u32 = settings.active_kinds().iter().map(|&(_, t)| t).sum();
    let mut rows = Vec::with_capacity(n_days);
    for i in 0..n_days {
        let Some(d) = first.checked_add_days(Days::new(i as u64)) else {
            break;
        };
        let target =
            if settings.enabled && settings.weekday_enabled(iso_weekday(d)) { daily_target } else { 0 };
        let done_here = done_per_day[i];
        rows.push(DayAdherence {
            date: date_text(d),
            target,
            sent: sent_per_day[i],
            completed: done_here,
            answered: answered_per_day[i],
            percent: if target == 0 { 100 } else { pct(done_here.min(target), target) },
        });
    }
    rows
}

/// One row per slot (kind and slot number) delivered in range.
fn slot_rows(reported: &Reported, answered: &HashSet<ReminderKey>) -> Vec<SlotAdherence> {
    let mut per_slot: BTreeMap<(SessionKind, u32), (u32, u32)> = BTreeMap::new();
    for key in reported.deliveries.keys() {
        let e = per_slot.entry((key.kind, key.slot)).or_default();
        e.0 += 1;
        if answered.contains(key) {
            e.1 += 1;
        }
    }
    per_slot
        .into_iter()
        .map(|((kind, slot), (sent, answered))| SlotAdherence {
            kind,
            slot,
            sent,
            answered,
            percent: pct(answered, sent),
        })
        .collect()
}

/// Sessions done today of one kind, against its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct KindProgress {
    pub kind: SessionKind,
    /// Sessions completed in the app today, plus reminders marked done elsewhere.
    pub done: u32,
    pub target: u32,
}

/// Today's progress per kind: every kind with a target, and any other kind practised.
pub(crate) fn progress_today(
    settings: &ReminderSettings,
    now: &WallTime,
    completed: &[CompletedSession],
    done_elsewhere: &[DoneElsewhere],
) -> Result<Vec<KindProgress>> {
    let tz = now.checked_zone("now")?;
    let today = local_date(tz, now.unix_ms);
    let weekday_on = settings.weekday_enabled(iso_weekday(today));
    let lo = start_of_day_ms(tz, today);
    let hi = today.succ_opt().map_or(i64::MAX, |d| start_of_day_ms(tz, d));
    let mut marked = HashSet::new();
    for d in done_elsewhere {
        let key = ReminderKey::parse(&d.reminder_id, "done_elsewhere.reminder_id")?.slot_key();
        if key.date == today {
            marked.insert(key);
        }
    }
    let mut out = Vec::new();
    for &kind in SessionKind::ALL {
        let done = completed.iter().filter(|c| c.kind == kind && c.at_ms >= lo && c.at_ms < hi).count()
            as u32
            + marked.iter().filter(|k| k.kind == kind).count() as u32;
        let target = if settings.enabled && weekday_on { settings.target(kind) } else { 0 };
        if done > 0 || target > 0 {
            out.push(KindProgress { kind, done, target });
        }
    }
    Ok(out)
}

/// Today at a glance: what is left, what is done, and the day's adherence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ReminderToday {
    /// The local date, `YYYY-MM-DD`.
    pub date: String,
    /// Reminders still ahead today, soonest first.
    pub remaining: Vec<PlannedReminder>,
    pub progress: Vec<KindProgress>,
    pub adherence: DayAdherence,
}

/// "Learn my times": for each slot, the wall minute halfway between its even spot and
/// the median time the patient practised that kind near it over the last
/// [`LEARN_DAYS`] days (needs [`LEARN_MIN_SESSIONS`] sessions), kept inside the window.
pub fn learn_slot_times(
    settings: &ReminderSettings,
    now: &WallTime,
    completed: &[CompletedSession],
) -> Result<Vec<LearnedSlot>> {
    settings.validate()?;
    let tz = now.checked_zone("now")?;
    let now_ms = now.unix_ms;
    let allowed = settings.allowed();
    let layout = Layout::new(settings, &allowed);
    let today = local_date(tz, now_ms);
    let from = today.checked_sub_days(Days::new(LEARN_DAYS)).unwrap_or(today);
    let (lo, hi) = (start_of_day_ms(tz, from), start_of_day_ms(tz, today));

    let mut out = Vec::new();
    for &(kind, _) in &settings.active_kinds() {
        let spots: Vec<(u32, u32)> = layout
            .slots
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| (l.slot, layout.nominal_minute(&allowed, l)))
            .collect();
        if spots.is_empty() {
            continue;
        }
        let mut near: Vec<Vec<u32>> = vec![Vec::new(); spots.len()];
        for c in completed.iter().filter(|c| c.kind == kind && c.at_ms >= lo && c.at_ms < hi) {
            let m = minute_of_day_ceil(&to_local(tz, c.at_ms)).min(1439);
            let i = (0..spots.len()).min_by_key(|&i| (spots[i].1 as i64 - m as i64).abs()).unwrap_or(0);
            near[i].push(m);
        }
        for (i, mut ms) in near.into_iter().enumerate() {
            if ms.len() < LEARN_MIN_SESSIONS {
                continue;
            }
            ms.sort_unstable();
            let median = ms[ms.len() / 2];
            let (slot, nominal) = spots[i];
            let aim = (nominal + median) / 2;
            let aim = aim.clamp(settings.window_start_min as u32, settings.window_end_min as u32 - 1);
            let Some(minute) = allowed.first_at_or_after(aim) else {
                continue;
            };
            if minute != nominal {
                out.push(LearnedSlot { kind, slot, minute: minute as i32 });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::planner::{PlanInput, plan};
    use crate::time::WallTime;

    const MIN: i64 = 60_000;

    fn at(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
    }

    fn lr(s: &str) -> CompletedSession {
        CompletedSession { kind: SessionKind::LeftRight, at_ms: at(s) }
    }

    fn wall(s: &str, zone: &str) -> WallTime {
        WallTime { unix_ms: at(s), zone: zone.into() }
    }

    fn sent(id: &str, s: &str) -> SentReminder {
        SentReminder { reminder_id: id.into(), sent_at_ms: at(s) }
    }

    #[test]
    fn sent_answered_and_done_per_day_and_per_slot() {
        let settings = ReminderSettings::default();
        let report = adherence(&AdherenceInput {
            settings: &settings,
            now: &wall("2026-11-23T21:30:00Z", "Europe/London"),
            days: 2,
            sent: &[
                sent("20261123-left-right-0", "2026-11-23T10:05:00Z"),
                sent("20261123-left-right-1", "2026-11-23T14:30:00Z"),
                // The snoozed repeat of slot 1 is the same slot, not a second one.
                sent("20261123-left-right-1-s", "2026-11-23T15:30:00Z"),
                sent("20261123-left-right-2", "2026-11-23T18:50:00Z"),
            ],
            completed: &[lr("2026-11-23T10:20:00Z"), lr("2026-11-23T16:40:00Z"), lr("2026-11-23T19:00:00Z")],
            done_elsewhere: &[],
        })
        .unwrap();
        assert_eq!(report.days.len(), 2);
        let d0 = &report.days[0];
        assert_eq!((d0.date.as_str(), d0.sent, d0.completed, d0.percent), ("2026-11-22", 0, 0, 0));
        let d1 = &report.days[1];
        assert_eq!(d1.date, "2026-11-23");
        assert_eq!((d1.target, d1.sent, d1.completed, d1.answered), (3, 3, 3, 2));
        assert_eq!(d1.percent, 100);
        let rates: Vec<(u32, u32, u32)> = report.slots.iter().map(|s| (s.slot, s.sent, s.answered)).collect();
        assert_eq!(rates, vec![(0, 1, 1), (1, 1, 0), (2, 1, 1)]);
    }

    #[test]
    fn done_elsewhere_answers_and_counts() {
        let report = adherence(&AdherenceInput {
            settings: &ReminderSettings::default(),
            now: &wall("2026-11-23T12:00:00Z", "Asia/Kathmandu"),
            days: 1,
            sent: &[sent("20261123-left-right-0", "2026-11-23T04:30:00Z")],
            completed: &[],
            done_elsewhere: &[DoneElsewhere {
                reminder_id: "20261123-left-right-0".into(),
                at_ms: at("2026-11-23T05:00:00Z"),
            }],
        })
        .unwrap();
        let d = &report.days[0];
        assert_eq!((d.sent, d.answered, d.completed, d.percent), (1, 1, 1, 33));
    }

    #[test]
    fn bad_input_is_refused() {
        let s = ReminderSettings::default();
        let now = wall("2026-11-23T12:00:00Z", "UTC");
        let input = AdherenceInput {
            settings: &s,
            now: &now,
            days: 1,
            sent: &[],
            completed: &[],
            done_elsewhere: &[],
        };
        let field = |input: AdherenceInput<'_>| match adherence(&input).unwrap_err() {
            Error::InvalidArgument { field, .. } => field,
            e => panic!("{e}"),
        };
        assert_eq!(
            field(AdherenceInput { now: &wall("2026-11-23T12:00:00Z", "Nowhere/Else"), ..input }),
            "now.zone"
        );
        assert_eq!(
            field(AdherenceInput { now: &WallTime { unix_ms: 0, zone: "UTC".into() }, ..input }),
            "now.unix_ms"
        );
        assert_eq!(field(AdherenceInput { days: 0, ..input }), "days");
        assert_eq!(field(AdherenceInput { days: 367, ..input }), "days");
        let nope = [sent("nope", "2026-11-23T04:30:00Z")];
        assert_eq!(field(AdherenceInput { sent: &nope, ..input }), "sent.reminder_id");
        let early = [SentReminder { reminder_id: "20261123-left-right-0".into(), sent_at_ms: -1 }];
        assert_eq!(field(AdherenceInput { sent: &early, ..input }), "sent.sent_at_ms");
        let marks = [DoneElsewhere { reminder_id: "x".into(), at_ms: 0 }];
        assert_eq!(field(AdherenceInput { done_elsewhere: &marks, ..input }), "done_elsewhere.reminder_id");
    }

    #[test]
    fn learning_moves_a_slot_halfway_towards_practice_and_the_plan_follows() {
        let mut settings = ReminderSettings::default();
        let now = at("2026-11-23T06:00:00Z");
        // Ten mornings of practice at 09:00; the first slot's even spot is 10:10.
        let history: Vec<CompletedSession> = (1..=10)
            .map(|d| CompletedSession {
                kind: SessionKind::LeftRight,
                at_ms: at("2026-11-23T09:00:00Z") - d * 1440 * MIN,
            })
            .collect();
        let now = WallTime { unix_ms: now, zone: "Europe/London".into() };
        let learned = learn_slot_times(&settings, &now, &history).unwrap();
        assert_eq!(learned, vec![LearnedSlot { kind: SessionKind::LeftRight, slot: 0, minute: 9 * 60 + 35 }]);
        // Too little evidence: nothing learned.
        assert!(learn_slot_times(&settings, &now, &history[..4]).unwrap().is_empty());
        settings.learn_my_times = true;
        let input = PlanInput {
            now: &now,
            days: 1,
            profile_seed: 3,
            settings: &settings,
            completed: &[],
            delivered_ms: &[],
            snoozes: &[],
            done_elsewhere: &[],
            learned: &learned,
            pending: &[],
            locale: crate::messages::Locale::English,
        };
        let p = plan(&input).unwrap();
        let first = p.reminders[0].fire_at_ms;
        assert!((first - at("2026-11-23T09:35:00Z")).abs() <= 10 * MIN);
    }

    #[test]
    fn progress_counts_sessions_and_marks_of_today_only() {
        let settings = ReminderSettings::default();
        let now = wall("2026-11-23T12:00:00Z", "Europe/London");
        let marks = [
            DoneElsewhere { reminder_id: "20261123-left-right-2".into(), at_ms: at("2026-11-10T09:00:00Z") },
            DoneElsewhere { reminder_id: "20261124-left-right-0".into(), at_ms: at("2026-11-23T09:00:00Z") },
        ];
        let done = [lr("2026-11-23T08:00:00Z"), lr("2026-11-22T20:00:00Z")];
        let progress = progress_today(&settings, &now, &done, &marks).unwrap();
        assert_eq!(progress, vec![KindProgress { kind: SessionKind::LeftRight, done: 2, target: 3 }]);
    }
}
