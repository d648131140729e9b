//! `plan(input) -> Plan`: every notification for the next N days, and the diff against
//! what the OS holds. Pure: no clock, no I/O; the same input gives the same plan.
//!
//! How a day is laid out (see `docs/reminders.md` for the why):
//! 1. The allowed minutes of a day (window minus quiet hours) are laid end to end on an
//!    "allowed axis" of length L. The day's reminders (the sum of the kinds' targets,
//!    capped at what fits with the gap) sit at the centres of equal parts of that axis,
//!    kinds interleaved so each kind is spread across the day ([`super::layout`]).
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
//!
//! [`plan`] reads as these steps: `check`, then `layout` (1), `tally` of what already
//! happened, `snoozed_repeats`, `regular_slots` (2 and 3), `keep_apart` (4) and
//! `soonest_ahead` (5).

use super::SessionKind;
use super::diff::{PendingNotification, ReminderDiff, diff};
use super::history::{CompletedSession, DoneElsewhere, LearnedSlot, Snooze};
use super::layout::{Layout, LayoutSlot};
use super::local_time::{self, Resolved, start_of_day_ms};
use super::messages;
use super::reminder::{PlannedReminder, ReminderKey, slot_seed};
use super::settings::{Allowed, ReminderSettings};
use crate::error::{Error, Result};
use crate::messages::Locale;
use crate::time::{
    MINUTE_MS, WallTime, check_instant, date_text, iso_weekday, local_date, local_text, offset_minutes,
    to_local, utc_text,
};
use chrono::NaiveDate;
use chrono_tz::Tz;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The most notifications an app may have pending on iOS.
pub const MAX_PENDING: usize = 64;
/// The longest plan, in days.
const MAX_DAYS: u32 = 14;
/// The default plan length, in days.
pub const DEFAULT_DAYS: u32 = 3;
/// The snooze lengths a shell may offer, in minutes.
pub(crate) const SNOOZE_MINUTES: [i32; 3] = [10, 30, 60];
/// A reminder id a report may name: from this many days before the report's local date...
const KNOWN_DAYS_BACK: u64 = 2;
/// ... to this many after it (a plan's length: the shell may act on any reminder it holds).
pub(crate) const KNOWN_DAYS_AHEAD: u64 = MAX_DAYS as u64;

/// Everything the planner looks at. Plain data; the caller owns the clock.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    /// The device's wall time and IANA zone.
    pub now: &'a WallTime,
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
    /// The language of the reminders' words; a change re-words the pending ones.
    pub locale: Locale,
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
fn settle(
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

/// The input, checked: the zone parsed, the snoozes and marks keyed by slot.
struct Checked<'a> {
    tz: Tz,
    /// Each snooze with the slot it belongs to.
    snoozes: Vec<(ReminderKey, &'a Snooze)>,
    /// Slots marked done elsewhere.
    marked: HashSet<ReminderKey>,
}

/// Refuses every bad input up front, naming its field.
fn check<'a>(input: &PlanInput<'a>) -> Result<Checked<'a>> {
    input.settings.validate()?;
    let tz = input.now.checked_zone("now")?;
    if !(1..=MAX_DAYS).contains(&input.days) {
        return Err(Error::invalid("days", format!("{} is outside 1..={MAX_DAYS}", input.days)));
    }
    let mut snoozes = Vec::with_capacity(input.snoozes.len());
    for z in input.snoozes {
        let key = ReminderKey::parse(&z.reminder_id, "snoozes.reminder_id")?;
        check_instant(z.until_ms, "snoozes.until_ms")?;
        if z.until_ms < z.snoozed_at_ms {
            return Err(Error::invalid("snoozes.until_ms", "it ends before it was made"));
        }
        snoozes.push((key.slot_key(), z));
    }
    let mut marked: HashSet<ReminderKey> = HashSet::with_capacity(input.done_elsewhere.len());
    for d in input.done_elsewhere {
        marked.insert(ReminderKey::parse(&d.reminder_id, "done_elsewhere.reminder_id")?.slot_key());
    }
    for l in input.learned {
        if !(0..local_time::MINUTES_PER_DAY as i32).contains(&l.minute) {
            return Err(Error::invalid("learned.minute", format!("{} is not a minute of the day", l.minute)));
        }
    }
    Ok(Checked { tz, snoozes, marked })
}

/// Plans reminders. Every bad input is an error naming its field; nothing else fails.
pub fn plan(input: &PlanInput<'_>) -> Result<Plan> {
    let checked = check(input)?;
    let mut notes = Vec::new();
    if !input.settings.enabled {
        return Ok(finish(input, Vec::new(), 0, notes));
    }
    let planner = Planner::new(input, checked.tz);
    let layout = planner.layout(&mut notes);
    let tally = planner.tally();
    let (snoozed, snoozed_slots) = planner.snoozed_repeats(&checked, &mut notes);
    let mut anchors = tally.anchors;
    anchors.extend(snoozed.iter().map(|c| c.at.utc_ms));
    anchors.sort_unstable();
    let regular = planner.regular_slots(&layout, &tally.done, &checked.marked, &snoozed_slots);
    let regular = planner.keep_apart(regular, &anchors);
    let (reminders, dropped) = planner.soonest_ahead(snoozed, regular);
    Ok(finish(input, reminders, dropped, notes))
}

/// What one plan works with: the input, its zone, the allowed minutes and the local days.
struct Planner<'a> {
    input: &'a PlanInput<'a>,
    settings: &'a ReminderSettings,
    tz: Tz,
    now: i64,
    gap_ms: i64,
    allowed: Allowed,
    /// The local dates from today, one more than planned.
    dates: Vec<NaiveDate>,
    /// `bounds[i]` is the first instant of `dates[i]`; the last one ends the plan.
    bounds: Vec<i64>,
}

/// What already happened around the planned days.
struct Tally {
    /// Sessions done per (planned day, kind), `day * kinds + kind`.
    done: Vec<u32>,
    /// The instants planned reminders keep the gap from: sessions done, marks made and
    /// deliveries, sorted.
    anchors: Vec<i64>,
}

impl<'a> Planner<'a> {
    fn new(input: &'a PlanInput<'a>, tz: Tz) -> Self {
        let now = input.now.unix_ms;
        let today = local_date(tz, now);
        let dates: Vec<NaiveDate> = (0..=input.days)
            .filter_map(|d| today.checked_add_days(chrono::Days::new(u64::from(d))))
            .collect();
        let bounds = dates.iter().map(|&d| start_of_day_ms(tz, d)).collect();
        Planner {
            input,
            settings: input.settings,
            tz,
            now,
            gap_ms: i64::from(input.settings.min_gap_min) * MINUTE_MS,
            allowed: input.settings.allowed(),
            dates,
            bounds,
        }
    }

    fn start(&self) -> i64 {
        self.bounds[0]
    }

    fn horizon(&self) -> i64 {
        *self.bounds.last().unwrap_or(&self.now)
    }

    /// Step 1: the day's layout, with a note when the targets do not fit.
    fn layout(&self, notes: &mut Vec<String>) -> Layout {
        let layout = Layout::new(self.settings, &self.allowed);
        if layout.fitted < layout.wanted {
            notes.push(format!(
                "the plan asks for {} sessions a day but only {} reminders fit in the window with a {}-minute gap; planning {}",
                layout.wanted, layout.fitted, self.settings.min_gap_min, layout.fitted
            ));
        }
        layout
    }

    /// Sessions done per (day, kind), and the instants reminders keep the gap from.
    /// Everything from the start of today counts, past or not: the plan for a later
    /// moment is then the same plan minus what has passed (stable re-plans).
    fn tally(&self) -> Tally {
        let input = self.input;
        let (start, horizon, gap_ms) = (self.start(), self.horizon(), self.gap_ms);
        let kinds = SessionKind::ALL.len();
        let mut done = vec![0u32; input.days as usize * kinds];
        let mut anchors: Vec<i64> = Vec::new();
        let near = |t: i64| t + gap_ms > start && t - gap_ms < horizon;
        for c in input.completed {
            if c.at_ms >= start && c.at_ms < horizon {
                let day = self.bounds.partition_point(|&b| b <= c.at_ms) - 1;
                if day < input.days as usize {
                    done[day * kinds + kind_index(c.kind)] += 1;
                }
            }
            if near(c.at_ms) {
                anchors.push(c.at_ms);
            }
        }
        anchors.extend(input.done_elsewhere.iter().map(|d| d.at_ms).filter(|&t| near(t)));
        anchors.extend(input.delivered_ms.iter().copied().filter(|&t| near(t)));
        anchors.sort_unstable();
        Tally { done, anchors }
    }

    /// Snoozed repeats: one per slot (the latest), dropped if that kind was practised
    /// since, or the slot was marked done elsewhere. A repeat rings when the patient asked
    /// (moved only out of quiet hours): it is exempt from the gap to the ring it repeats
    /// and to sessions, since the patient chose it. Two repeats still keep the gap between
    /// them. Returns the repeats kept and every slot snoozed (whose regular ring is gone).
    fn snoozed_repeats(
        &self,
        checked: &Checked<'_>,
        notes: &mut Vec<String>,
    ) -> (Vec<Candidate>, HashSet<ReminderKey>) {
        let mut latest: BTreeMap<ReminderKey, &Snooze> = BTreeMap::new();
        for &(key, z) in &checked.snoozes {
            let e = latest.entry(key).or_insert(z);
            if z.snoozed_at_ms >= e.snoozed_at_ms {
                *e = z;
            }
        }
        let mut snoozed: Vec<Candidate> = Vec::new();
        for (&key, z) in &latest {
            if z.until_ms < self.start() || z.until_ms >= self.horizon() || checked.marked.contains(&key) {
                continue;
            }
            let practised = self
                .input
                .completed
                .iter()
                .any(|c| c.kind == key.kind && c.at_ms >= z.snoozed_at_ms && c.at_ms <= z.until_ms);
            if practised {
                continue;
            }
            let date = local_date(self.tz, z.until_ms);
            let rkey = ReminderKey { snoozed: true, ..key };
            match settle(self.tz, &self.allowed, date, 0, z.until_ms) {
                Some(at) if self.settings.weekday_enabled(iso_weekday(date)) => {
                    snoozed.push(Candidate { key: rkey, date, at })
                }
                _ => notes.push(format!(
                    "snoozed reminder {} would ring outside the reminder hours; it was dropped",
                    rkey.id()
                )),
            }
        }
        snoozed.sort_by_key(|c| (c.at.utc_ms, c.key));
        (self.keep_apart(snoozed, &[]), latest.keys().copied().collect())
    }

    /// Steps 2 and 3: every slot of every planned day not yet answered (by a session, a
    /// mark or a snooze), jittered and resolved to an instant, in time order.
    fn regular_slots(
        &self,
        layout: &Layout,
        done: &[u32],
        marked: &HashSet<ReminderKey>,
        snoozed_slots: &HashSet<ReminderKey>,
    ) -> Vec<Candidate> {
        let s = self.settings;
        let learned: HashMap<(SessionKind, u32), u32> = if s.learn_my_times {
            self.input.learned.iter().map(|l| ((l.kind, l.slot), l.minute as u32)).collect()
        } else {
            HashMap::new()
        };
        let kinds = SessionKind::ALL.len();
        let mut regular: Vec<Candidate> = Vec::new();
        for (day, &date) in self.dates.iter().take(self.input.days as usize).enumerate() {
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
                    let minute = self.jittered_minute(layout, ls, &key, learned.get(&(kind, ls.slot)));
                    if let Some(at) = settle(self.tz, &self.allowed, date, minute, i64::MIN) {
                        regular.push(Candidate { key, date, at });
                    }
                }
            }
        }
        regular.sort_by_key(|c| (c.at.utc_ms, c.key));
        regular
    }

    /// Step 2: the wall minute a slot aims at, its even spot (or learned minute) moved by
    /// the slot's seeded jitter.
    fn jittered_minute(
        &self,
        layout: &Layout,
        ls: &LayoutSlot,
        key: &ReminderKey,
        learned: Option<&u32>,
    ) -> u32 {
        let s = self.settings;
        let mut rng = ChaCha8Rng::seed_from_u64(slot_seed(self.input.profile_seed, key));
        let j = layout.jitter as i64;
        let shift = if j > 0 { rng.random_range(-j..=j) } else { 0 };
        match learned {
            Some(&m) => (i64::from(m) + shift)
                .clamp(i64::from(s.window_start_min), i64::from(s.window_end_min) - 1)
                as u32,
            None => {
                let axis = (ls.axis.floor() as i64 + shift).clamp(0, i64::from(self.allowed.total()) - 1);
                self.allowed.wall_minute(axis as u32)
            }
        }
    }

    /// Step 4: walks candidates in time order, moving each later (within its own day's
    /// allowed minutes) until it is at least the gap from the last one kept and from every
    /// anchor, or dropping it when its day has no room left.
    fn keep_apart(&self, candidates: Vec<Candidate>, anchors: &[i64]) -> Vec<Candidate> {
        let gap_ms = self.gap_ms;
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
                match settle(self.tz, &self.allowed, c.date, 0, earliest) {
                    Some(at) => c.at = at,
                    None => continue 'next,
                }
            }
        }
        kept
    }

    /// Step 5: slots already past took part above (they rang, or should have) so that the
    /// rest keep their times; they are not piled up now: a missed reminder is gone. Keeps
    /// the [`MAX_PENDING`] soonest; returns them rendered and how many the cap left out.
    fn soonest_ahead(&self, snoozed: Vec<Candidate>, regular: Vec<Candidate>) -> (Vec<PlannedReminder>, u32) {
        let mut all: Vec<Candidate> =
            snoozed.into_iter().chain(regular).filter(|c| c.at.utc_ms > self.now).collect();
        all.sort_by_key(|c| (c.at.utc_ms, c.key));
        let dropped = all.len().saturating_sub(MAX_PENDING) as u32;
        all.truncate(MAX_PENDING);
        (
            all.iter().map(|c| render(self.tz, self.input.profile_seed, self.input.locale, c)).collect(),
            dropped,
        )
    }
}

fn finish(
    input: &PlanInput<'_>,
    reminders: Vec<PlannedReminder>,
    dropped_by_cap: u32,
    notes: Vec<String>,
) -> Plan {
    let diff = diff(&reminders, input.pending);
    Plan {
        zone: input.now.zone.clone(),
        now_ms: input.now.unix_ms,
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

fn render(tz: Tz, profile_seed: u64, locale: Locale, c: &Candidate) -> PlannedReminder {
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
        title: messages::title(c.key.kind, c.key.snoozed, locale),
        body: messages::body(c.key.kind, seed >> 7, locale),
        deep_link: messages::deep_link(c.key.kind, &id),
        snoozed: c.key.snoozed,
        id,
    }
}

/// When a snooze of `minutes` pressed at `now` ends; only 10, 30 or 60 minutes.
pub fn snooze_until(now: &WallTime, minutes: i32) -> Result<i64> {
    if !SNOOZE_MINUTES.contains(&minutes) {
        return Err(Error::invalid("minutes", format!("a snooze is 10, 30 or 60 minutes, not {minutes}")));
    }
    now.validate("now")?;
    let until = now.unix_ms + i64::from(minutes) * MINUTE_MS;
    check_instant(until, "minutes")?;
    Ok(until)
}

/// Checks that an id names a reminder this profile could have: a slot its settings give
/// that kind, on a local date from two days before `at` to [`MAX_DAYS`] after it. A
/// malformed id is `InvalidArgument`; a well-formed one naming no such slot is
/// `NotFound`. `at_field` names `at` in its error.
pub(crate) fn known_reminder(
    settings: &ReminderSettings,
    reminder_id: &str,
    at: &WallTime,
    at_field: &str,
) -> Result<ReminderKey> {
    let key = ReminderKey::parse(reminder_id, "reminder_id")?;
    let tz = at.checked_zone(at_field)?;
    let today = local_date(tz, at.unix_ms);
    let in_range =
        today.checked_sub_days(chrono::Days::new(KNOWN_DAYS_BACK)).is_some_and(|lo| key.date >= lo)
            && today.checked_add_days(chrono::Days::new(KNOWN_DAYS_AHEAD)).is_some_and(|hi| key.date <= hi);
    let layout = Layout::new(settings, &settings.allowed());
    let slot_exists = layout.slots.iter().any(|l| l.kind == key.kind && l.slot == key.slot);
    if in_range && slot_exists { Ok(key) } else { Err(Error::not_found("reminder", reminder_id)) }
}
