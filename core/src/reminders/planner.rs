//! `plan(input) -> Plan`: every notification for the next N days, and the diff against
//! what the OS holds. Pure: no clock, no I/O; the same input gives the same plan.
//!
//! How a day is laid out (see `docs/reminders.md` for the why):
//! 1. The allowed minutes of a day (window minus quiet hours) are laid end to end on an
//!    "allowed axis" of length L. The day's reminders (the sum of the kinds' targets,
//!    capped at what fits with the gap) sit at the centres of equal parts of that axis,
//!    kinds interleaved so each kind is spread across the day.
//! 2. Each slot moves by a seeded jitter of at most `jitter_min`, and never so far that
//!    two neighbours come closer than the gap.
//! 3. Slots are resolved to UTC in the zone (DST policy in [`super::local_time`]); slots
//!    whose session is done are dropped.
//! 4. A pass in UTC order keeps every planned reminder at least the gap from the
//!    previous one, from any session done, any reminder delivered and any snoozed repeat,
//!    moving it later within its own day's allowed minutes or dropping it. (A snoozed
//!    repeat rings when the patient asked.)
//! 5. Slots already past are dropped, not piled up; at most [`MAX_PENDING`] are kept,
//!    the soonest.

use super::SessionKind;
use super::diff::{PendingNotification, ReminderDiff, diff};
use super::history::{CompletedSession, DoneElsewhere, LearnedSlot, Snooze};
use super::layout::{Layout, LayoutSlot};
use super::local_time::{
    self, MINUTE_MS, Resolved, check_instant, date_text, iso_weekday, local_text, offset_minutes, parse_zone,
    start_of_day_ms, to_local, utc_text,
};
use super::messages;
use super::reminder::{PlannedReminder, ReminderKey, slot_seed};
use super::settings::{Allowed, ReminderSettings};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use chrono_tz::Tz;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The most notifications an app may have pending on iOS.
pub const MAX_PENDING: usize = 64;
/// The longest plan, in days.
pub const MAX_DAYS: u32 = 14;
/// The default plan length, in days.
pub const DEFAULT_DAYS: u32 = 3;
/// The snooze lengths a shell may offer, in minutes.
pub const SNOOZE_MINUTES: [i32; 3] = [10, 30, 60];

/// Everything the planner looks at. Plain data; the caller owns the clock.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    /// The device's wall time, UTC milliseconds.
    pub now_ms: i64,
    /// The device's IANA zone.
    pub zone: &'a str,
    /// How many local days to plan, today included (1..=14).
    pub days: u32,
    /// The profile's seed: jitter and wording differ between patients, not between runs.
    pub profile_seed: u64,
    pub settings: &'a ReminderSettings,
    /// Sessions done (any history; only what matters is looked at).
    pub completed: &'a [CompletedSession],
    /// When reminders were delivered, UTC milliseconds.
    pub delivered_ms: &'a [i64],
    pub snoozes: &'a [Snooze],
    pub done_elsewhere: &'a [DoneElsewhere],
    /// Learned slot times; used only when `settings.learn_my_times` is on.
    pub learned: &'a [LearnedSlot],
    /// What the OS holds now.
    pub pending: &'a [PendingNotification],
}

/// The plan and what to change in the OS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Plan {
    pub zone: String,
    pub now_ms: i64,
    pub days: u32,
    /// Soonest first, at most [`MAX_PENDING`].
    pub reminders: Vec<PlannedReminder>,
    pub diff: ReminderDiff,
    /// Reminders left out because of the cap.
    pub dropped_by_cap: u32,
    /// Things a person should know about this plan (targets that do not fit, a snooze
    /// that fell outside the window, ...).
    pub notes: Vec<String>,
}

/// The instant of the first allowed wall minute on `date` that is at or after wall
/// minute `from_minute` and at or after the instant `not_before_ms`.
pub(crate) fn settle(
    tz: Tz,
    allowed: &Allowed,
    date: NaiveDate,
    from_minute: u32,
    not_before_ms: i64,
) -> Option<Resolved> {
    let mut m = from_minute;
    if not_before_ms > i64::MIN {
        let local = to_local(tz, not_before_ms);
        let d = local.date_naive();
        if d > date {
            return None;
        }
        if d == date {
            m = m.max(local_time::minute_of_day_ceil(&local));
        }
    }
    for _ in 0..2 * local_time::MINUTES_PER_DAY {
        m = allowed.first_at_or_after(m)?;
        match local_time::resolve(tz, date, m, not_before_ms) {
            None => m += 1,
            Some(r) if !allowed.contains(r.minute) => m = r.minute,
            Some(r) => return Some(r),
        }
    }
    None
}

#[derive(Debug, Clone)]
struct Candidate {
    key: ReminderKey,
    date: NaiveDate,
    at: Resolved,
}

/// Plans reminders. Every bad input is an error naming its field; nothing else fails.
pub fn plan(input: &PlanInput<'_>) -> Result<Plan> {
    let s = input.settings;
    s.validate()?;
    let tz = parse_zone(input.zone)?;
    check_instant("now", input.now_ms)?;
    if !(1..=MAX_DAYS).contains(&input.days) {
        return Err(Error::invalid("days", format!("{} is outside 1..={MAX_DAYS}", input.days)));
    }
    let mut snoozes = Vec::with_capacity(input.snoozes.len());
    for z in input.snoozes {
        let key = ReminderKey::parse(&z.reminder_id, "reminder id")?;
        check_instant("snooze", z.until_ms)?;
        if z.until_ms < z.snoozed_at_ms {
            return Err(Error::invalid("snooze", "it ends before it was made"));
        }
        snoozes.push((key.slot_key(), z));
    }
    let mut marked: HashSet<ReminderKey> = HashSet::with_capacity(input.done_elsewhere.len());
    for d in input.done_elsewhere {
        marked.insert(ReminderKey::parse(&d.reminder_id, "reminder id")?.slot_key());
    }
    for l in input.learned {
        if !(0..1440).contains(&l.minute) {
            return Err(Error::invalid("learned slot", format!("{} is not a minute of the day", l.minute)));
        }
    }

    let mut notes = Vec::new();
    if !s.enabled {
        return Ok(finish(input, Vec::new(), 0, notes));
    }

    let now = input.now_ms;
    let gap_ms = i64::from(s.min_gap_min) * MINUTE_MS;
    let allowed = s.allowed();
    let layout = Layout::new(s, &allowed);
    if layout.fitted < layout.wanted {
        notes.push(format!(
            "the plan asks for {} sessions a day but only {} reminders fit in the window with a {}-minute gap; planning {}",
            layout.wanted, layout.fitted, s.min_gap_min, layout.fitted
        ));
    }
    let today = local_time::local_date(tz, now);
    let dates: Vec<NaiveDate> =
        (0..=input.days).filter_map(|d| today.checked_add_days(chrono::Days::new(u64::from(d)))).collect();
    let bounds: Vec<i64> = dates.iter().map(|&d| start_of_day_ms(tz, d)).collect();
    let horizon = *bounds.last().unwrap_or(&now);

    // Sessions done per (day, kind), and the instants reminders keep the gap from.
    let kinds = SessionKind::ALL.len();
    let mut done = vec![0u32; input.days as usize * kinds];
    let mut anchors: Vec<i64> = Vec::new();
    // Everything from the start of today counts, past or not: the plan for a later
    // moment is then the same plan minus what has passed (stable re-plans).
    let near = |t: i64| t + gap_ms > bounds[0] && t - gap_ms < horizon;
    for c in input.completed {
        if c.at_ms >= bounds[0] && c.at_ms < horizon {
            let day = bounds.partition_point(|&b| b <= c.at_ms) - 1;
            if day < input.days as usize {
                done[day * kinds + kind_index(c.kind)] += 1;
            }
        }
        if near(c.at_ms) {
            anchors.push(c.at_ms);
        }
    }
    for d in input.done_elsewhere {
        if near(d.at_ms) {
            anchors.push(d.at_ms);
        }
    }
    anchors.extend(input.delivered_ms.iter().copied().filter(|&t| near(t)));
    anchors.sort_unstable();

    // Snoozed repeats: one per slot (the latest), dropped if that kind was practised
    // since, or the slot was marked done elsewhere.
    let mut latest: BTreeMap<ReminderKey, &Snooze> = BTreeMap::new();
    for &(key, z) in &snoozes {
        let e = latest.entry(key).or_insert(z);
        if z.snoozed_at_ms >= e.snoozed_at_ms {
            *e = z;
        }
    }
    let mut snoozed: Vec<Candidate> = Vec::new();
    for (&key, z) in &latest {
        if z.until_ms < bounds[0] || z.until_ms >= horizon || marked.contains(&key) {
            continue;
        }
        let practised = input
            .completed
            .iter()
            .any(|c| c.kind == key.kind && c.at_ms >= z.snoozed_at_ms && c.at_ms <= z.until_ms);
        if practised {
            continue;
        }
        let date = local_time::local_date(tz, z.until_ms);
        let rkey = ReminderKey { snoozed: true, ..key };
        match settle(tz, &allowed, date, 0, z.until_ms) {
            Some(at) if s.weekday_enabled(iso_weekday(date)) => {
                snoozed.push(Candidate { key: rkey, date, at })
            }
            _ => notes.push(format!(
                "snoozed reminder {} would ring outside the reminder hours; it was dropped",
                rkey.id()
            )),
        }
    }
    // A snoozed repeat rings when the patient asked (moved only out of quiet hours): it is
    // exempt from the gap to the ring it repeats and to sessions, since the patient chose
    // it. Two repeats still keep the gap between them, and planned reminders keep it from
    // every repeat.
    snoozed.sort_by_key(|c| (c.at.utc_ms, c.key));
    let snoozed = keep_apart(tz, &allowed, snoozed, &[], gap_ms);
    anchors.extend(snoozed.iter().map(|c| c.at.utc_ms));
    anchors.sort_unstable();
    let snoozed_slots: HashSet<ReminderKey> = latest.keys().copied().collect();

    // Regular slots.
    let learned: HashMap<(SessionKind, u32), u32> = if s.learn_my_times {
        input.learned.iter().map(|l| ((l.kind, l.slot), l.minute as u32)).collect()
    } else {
        HashMap::new()
    };
    let mut regular: Vec<Candidate> = Vec::new();
    for (day, &date) in dates.iter().take(input.days as usize).enumerate() {
        if !s.weekday_enabled(iso_weekday(date)) {
            continue;
        }
        for &(kind, _) in &s.active_kinds() {
            let mut unmatched = done[day * kinds + kind_index(kind)];
            let mut slots: Vec<&LayoutSlot> = layout.slots.iter().filter(|l| l.kind == kind).collect();
            slots.sort_by_key(|l| l.slot);
            for ls in slots {
                let key = ReminderKey { date, kind, slot: ls.slot, snoozed: false };
                if marked.contains(&key) {
                    continue;
                }
                if unmatched > 0 {
                    unmatched -= 1;
                    continue;
                }
                if snoozed_slots.contains(&key) {
                    continue;
                }
                let mut rng = ChaCha8Rng::seed_from_u64(slot_seed(input.profile_seed, &key));
                let j = layout.jitter as i64;
                let shift = if j > 0 { rng.random_range(-j..=j) } else { 0 };
                let minute = match learned.get(&(kind, ls.slot)) {
                    Some(&m) => (i64::from(m) + shift)
                        .clamp(i64::from(s.window_start_min), i64::from(s.window_end_min) - 1)
                        as u32,
                    None => {
                        let axis = (ls.axis.floor() as i64 + shift).clamp(0, i64::from(allowed.total()) - 1);
                        allowed.wall_minute(axis as u32)
                    }
                };
                let Some(at) = settle(tz, &allowed, date, minute, i64::MIN) else {
                    continue;
                };
                regular.push(Candidate { key, date, at });
            }
        }
    }
    regular.sort_by_key(|c| (c.at.utc_ms, c.key));
    let regular = keep_apart(tz, &allowed, regular, &anchors, gap_ms);

    // Slots already past took part above (they rang, or should have) so that the rest
    // keep their times; they are not piled up now: a missed reminder is gone.
    let mut all: Vec<Candidate> = snoozed.into_iter().chain(regular).filter(|c| c.at.utc_ms > now).collect();
    all.sort_by_key(|c| (c.at.utc_ms, c.key));
    let dropped = all.len().saturating_sub(MAX_PENDING) as u32;
    all.truncate(MAX_PENDING);
    let reminders = all.iter().map(|c| render(tz, input.profile_seed, c)).collect();
    Ok(finish(input, reminders, dropped, notes))
}

fn finish(
    input: &PlanInput<'_>,
    reminders: Vec<PlannedReminder>,
    dropped_by_cap: u32,
    notes: Vec<String>,
) -> Plan {
    let diff = diff(&reminders, input.pending);
    Plan {
        zone: input.zone.trim().to_string(),
        now_ms: input.now_ms,
        days: input.days,
        reminders,
        diff,
        dropped_by_cap,
        notes,
    }
}

fn kind_index(kind: SessionKind) -> usize {
    SessionKind::ALL.iter().position(|&k| k == kind).unwrap_or_default()
}

/// Walks candidates in time order, moving each later (within its own day's allowed
/// minutes) until it is at least `gap_ms` from the last one kept and from every anchor,
/// or dropping it when its day has no room left.
fn keep_apart(
    tz: Tz,
    allowed: &Allowed,
    candidates: Vec<Candidate>,
    anchors: &[i64],
    gap_ms: i64,
) -> Vec<Candidate> {
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut last: Option<i64> = None;
    'next: for mut c in candidates {
        // Each round moves the candidate strictly later; a day has finitely many minutes.
        for _ in 0..4 * local_time::MINUTES_PER_DAY {
            let mut earliest = c.at.utc_ms;
            if let Some(l) = last {
                earliest = earliest.max(l + gap_ms);
            }
            for &a in anchors {
                if (earliest - a).abs() < gap_ms {
                    earliest = a + gap_ms;
                }
            }
            if earliest == c.at.utc_ms {
                last = Some(c.at.utc_ms);
                kept.push(c);
                continue 'next;
            }
            match settle(tz, allowed, c.date, 0, earliest) {
                Some(at) => c.at = at,
                None => continue 'next,
            }
        }
    }
    kept
}

fn render(tz: Tz, profile_seed: u64, c: &Candidate) -> PlannedReminder {
    let id = c.key.id();
    let local = to_local(tz, c.at.utc_ms);
    let seed = slot_seed(profile_seed, &c.key);
    PlannedReminder {
        os_id: c.key.os_id(),
        kind: c.key.kind,
        slot: c.key.slot,
        local_date: date_text(c.date),
        fire_at_ms: c.at.utc_ms,
        fire_at_utc: utc_text(c.at.utc_ms),
        local_time: local_text(&local),
        utc_offset_min: offset_minutes(&local),
        title: messages::title(c.key.kind, c.key.snoozed),
        body: messages::body(c.key.kind, seed >> 7),
        deep_link: messages::deep_link(c.key.kind, &id),
        snoozed: c.key.snoozed,
        id,
    }
}

/// When a snooze of `minutes` pressed at `now_ms` ends; only 10, 30 or 60 minutes.
pub fn snooze_until(now_ms: i64, minutes: i32) -> Result<i64> {
    if !SNOOZE_MINUTES.contains(&minutes) {
        return Err(Error::invalid("minutes", format!("a snooze is 10, 30 or 60 minutes, not {minutes}")));
    }
    check_instant("now", now_ms)?;
    Ok(now_ms + i64::from(minutes) * MINUTE_MS)
}

/// Checks that an id names a reminder this profile could have: a slot its settings give
/// that kind, on a date from two days ago to [`MAX_DAYS`] ahead. A malformed id is
/// `InvalidArgument`; a well-formed one naming no such slot is `NotFound`.
pub fn known_reminder(
    settings: &ReminderSettings,
    reminder_id: &str,
    zone: &str,
    now_ms: i64,
) -> Result<ReminderKey> {
    let key = ReminderKey::parse(reminder_id, "reminder id")?;
    let tz = parse_zone(zone)?;
    let today = local_time::local_date(tz, now_ms);
    let in_range = today.checked_sub_days(chrono::Days::new(2)).is_some_and(|lo| key.date >= lo)
        && today.checked_add_days(chrono::Days::new(u64::from(MAX_DAYS))).is_some_and(|hi| key.date <= hi);
    let layout = Layout::new(settings, &settings.allowed());
    let slot_exists = layout.slots.iter().any(|l| l.kind == key.kind && l.slot == key.slot);
    if in_range && slot_exists { Ok(key) } else { Err(Error::not_found("reminder", reminder_id)) }
}
