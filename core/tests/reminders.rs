//! Reminder planner: properties over thousands of random plans, and zones across both
//! daylight-saving transitions of a year.

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Timelike};
use chrono_tz::Tz;
use proprio_core::reminders::{
    CompletedSession, DoneElsewhere, KindTarget, LearnedSlot, MAX_PENDING, PendingNotification, Plan,
    PlanInput, PlannedReminder, QuietHours, ReminderKey, ReminderSettings, SessionKind, Snooze, diff, plan,
};
use proprio_core::{Locale, WallTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};

const MIN: i64 = 60_000;

/// At least 20 zones: half-hour and 45-minute offsets, the southern hemisphere, 30-minute
/// DST, and zones whose rules changed.
const ZONES: &[&str] = &[
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",
    "America/Santiago",
    "America/Sao_Paulo",
    "Africa/Casablanca",
    "Asia/Tehran",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Eucla",
    "Australia/Adelaide",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Apia",
    "America/Havana",
    "Asia/Gaza",
];

fn ms(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
}

struct Case {
    now: i64,
    zone: &'static str,
    days: u32,
    seed: u64,
    settings: ReminderSettings,
    completed: Vec<CompletedSession>,
    delivered: Vec<i64>,
    snoozes: Vec<Snooze>,
    elsewhere: Vec<DoneElsewhere>,
    learned: Vec<LearnedSlot>,
    pending: Vec<PendingNotification>,
}

impl Case {
    /// A plan with nothing done, delivered, snoozed, learned or pending yet.
    fn new(now: i64, zone: &'static str, days: u32, seed: u64, settings: ReminderSettings) -> Case {
        Case {
            now,
            zone,
            days,
            seed,
            settings,
            completed: vec![],
            delivered: vec![],
            snoozes: vec![],
            elsewhere: vec![],
            learned: vec![],
            pending: vec![],
        }
    }

    /// The plan for this case.
    fn plan(&self) -> proprio_core::Result<Plan> {
        let now = WallTime { unix_ms: self.now, zone: self.zone.into() };
        plan(&PlanInput {
            now: &now,
            days: self.days,
            profile_seed: self.seed,
            settings: &self.settings,
            completed: &self.completed,
            delivered_ms: &self.delivered,
            snoozes: &self.snoozes,
            done_elsewhere: &self.elsewhere,
            learned: &self.learned,
            pending: &self.pending,
            locale: Locale::English,
        })
    }
}

fn random_settings(rng: &mut ChaCha8Rng) -> ReminderSettings {
    loop {
        let start = rng.random_range(0..=14) * 60 + rng.random_range(0..4) * 15;
        let end = (start + rng.random_range(2..=18) * 60 + rng.random_range(0..4) * 15).min(1440);
        let mut quiet = Vec::new();
        for _ in 0..rng.random_range(0..=2) {
            let s = rng.random_range(0..1440);
            let e = (s + rng.random_range(15..240)) % 1440;
            if e != s {
                quiet.push(QuietHours { start_min: s, end_min: e });
            }
        }
        let mut weekdays: Vec<u8> = (1..=7).filter(|_| rng.random_bool(0.8)).collect();
        if weekdays.is_empty() {
            weekdays.push(rng.random_range(1..=7));
        }
        let mut targets = Vec::new();
        for &k in SessionKind::ALL {
            if rng.random_bool(0.5) {
                targets.push(KindTarget { kind: k, per_day: rng.random_range(1..=6) });
            }
        }
        let s = ReminderSettings {
            enabled: true,
            window_start_min: start,
            window_end_min: end,
            quiet_hours: quiet,
            weekdays,
            min_gap_min: rng.random_range(10..=180),
            jitter_min: rng.random_range(0..=30),
            targets,
            learn_my_times: rng.random_bool(0.2),
        };
        if s.validate().is_ok() {
            return s;
        }
    }
}

fn random_case(rng: &mut ChaCha8Rng) -> Case {
    let zone = ZONES[rng.random_range(0..ZONES.len())];
    // Any minute of 2024..2027.
    let now = ms("2024-01-01T00:00:00Z") + rng.random_range(0..4 * 365 * 1440) * MIN;
    let settings = random_settings(rng);
    let kinds: Vec<SessionKind> = settings.targets.iter().map(|t| t.kind).collect();
    let pick = |rng: &mut ChaCha8Rng| {
        if kinds.is_empty() { SessionKind::LeftRight } else { kinds[rng.random_range(0..kinds.len())] }
    };
    let completed = (0..rng.random_range(0..8))
        .map(|_| CompletedSession { kind: pick(rng), at_ms: now - rng.random_range(0..2 * 1440) * MIN })
        .collect();
    let delivered = (0..rng.random_range(0..4)).map(|_| now - rng.random_range(0..240) * MIN).collect();
    let tz: Tz = zone.parse().unwrap();
    let today = tz.timestamp_millis_opt(now).unwrap().date_naive();
    let mut snoozes = Vec::new();
    for _ in 0..rng.random_range(0..3) {
        let at = now - rng.random_range(0..60) * MIN;
        let key = ReminderKey {
            date: today,
            kind: pick(rng),
            slot: rng.random_range(0..3),
            snoozed: rng.random_bool(0.2),
        };
        snoozes.push(Snooze {
            reminder_id: key.id(),
            snoozed_at_ms: at,
            until_ms: at + [10, 30, 60][rng.random_range(0..3)] * MIN,
        });
    }
    let mut elsewhere = Vec::new();
    for _ in 0..rng.random_range(0..3) {
        let key = ReminderKey {
            date: today.succ_opt().unwrap(),
            kind: pick(rng),
            slot: rng.random_range(0..4),
            snoozed: false,
        };
        elsewhere.push(DoneElsewhere { reminder_id: key.id(), at_ms: now - rng.random_range(0..300) * MIN });
    }
    let learned = (0..rng.random_range(0..3))
        .map(|_| LearnedSlot {
            kind: pick(rng),
            slot: rng.random_range(0..3),
            minute: rng.random_range(0..1440),
        })
        .collect();
    Case {
        now,
        zone,
        days: rng.random_range(1..=7),
        seed: rng.random(),
        settings,
        completed,
        delivered,
        snoozes,
        elsewhere,
        learned,
        pending: Vec::new(),
    }
}

fn local(tz: Tz, at: i64) -> DateTime<Tz> {
    tz.timestamp_millis_opt(at).unwrap()
}

impl Case {
    fn tz(&self) -> Tz {
        self.zone.parse().unwrap()
    }

    fn describe(&self) -> String {
        format!("zone {} now {} settings {:?}", self.zone, self.now, self.settings)
    }
}

/// The invariants every plan keeps.
fn check(case: &Case, p: &Plan) {
    assert!(p.reminders.len() <= MAX_PENDING, "cap: {}", case.describe());
    let mut ids = HashSet::new();
    let mut per_day_kind: HashMap<(NaiveDate, SessionKind), u32> = HashMap::new();
    for (i, r) in p.reminders.iter().enumerate() {
        check_reminder(case, r, i.checked_sub(1).map(|j| &p.reminders[j]));
        assert!(ids.insert(r.id.clone()), "duplicate id {}", r.id);
        if !r.snoozed {
            *per_day_kind.entry((ReminderKey::parse(&r.id, "id").unwrap().date, r.kind)).or_default() += 1;
        }
    }
    check_targets(case, per_day_kind);
    // The diff against nothing schedules everything.
    assert_eq!(p.diff.to_schedule.len(), p.reminders.len() - p.diff.unchanged as usize);
}

/// One reminder: allowed minute and weekday, its id, the gap from the one before it, from
/// sessions and deliveries, and not a slot marked done elsewhere.
fn check_reminder(case: &Case, r: &PlannedReminder, prev: Option<&PlannedReminder>) {
    let s = &case.settings;
    let gap = i64::from(s.min_gap_min) * MIN;
    let ctx = || case.describe();
    assert!(r.fire_at_ms > case.now, "past reminder {} {}", r.id, ctx());
    let t = local(case.tz(), r.fire_at_ms);
    let minute = t.hour() * 60 + t.minute();
    assert!(
        s.allowed().contains(minute),
        "{} at {} outside window/quiet hours: {}",
        r.id,
        r.local_time,
        ctx()
    );
    assert!(s.weekdays.contains(&(t.weekday().number_from_monday() as u8)), "weekday {}", ctx());
    assert_eq!(r.fire_at_ms % MIN, 0);
    assert_eq!(r.utc_offset_min, t.offset().fix().local_minus_utc() / 60, "offset");
    if let Some(prev) = prev {
        assert!(
            r.fire_at_ms - prev.fire_at_ms >= gap,
            "{} and {} closer than the gap: {}",
            prev.local_time,
            r.local_time,
            ctx()
        );
    }
    let key = ReminderKey::parse(&r.id, "id").unwrap();
    assert_eq!(key.kind, r.kind);
    assert_eq!(key.slot, r.slot);
    assert_eq!(key.snoozed, r.snoozed);
    assert_eq!(key.os_id(), r.os_id);
    assert!(r.deep_link.contains(r.kind.as_str()) && r.deep_link.contains(&r.id));
    assert!(!r.title.is_empty() && !r.body.is_empty());
    if !r.snoozed {
        assert_eq!(key.date.format("%Y-%m-%d").to_string(), r.local_date);
        assert_eq!(t.date_naive(), key.date, "a slot stays on its day");
    }
    // The post-session gap, and the gap from deliveries (a snoozed repeat rings
    // when the patient asked, so it is exempt).
    for c in case.completed.iter().filter(|_| !r.snoozed) {
        assert!(
            (r.fire_at_ms - c.at_ms).abs() >= gap,
            "{} within the gap of a session: {}",
            r.local_time,
            ctx()
        );
    }
    for &d in case.delivered.iter().filter(|_| !r.snoozed) {
        assert!((r.fire_at_ms - d).abs() >= gap, "near a delivery: {}", ctx());
    }
    for e in &case.elsewhere {
        assert_ne!(
            ReminderKey::parse(&e.reminder_id, "id").unwrap(),
            key.slot_key(),
            "done elsewhere but planned"
        );
    }
}

/// Done sessions drop reminders: planned + done never exceeds the target.
fn check_targets(case: &Case, per_day_kind: HashMap<(NaiveDate, SessionKind), u32>) {
    let (s, tz) = (&case.settings, case.tz());
    for ((date, kind), n) in per_day_kind {
        let done = case
            .completed
            .iter()
            .filter(|c| c.kind == kind && local(tz, c.at_ms).date_naive() == date)
            .count() as u32
            + case
                .elsewhere
                .iter()
                .map(|e| ReminderKey::parse(&e.reminder_id, "id").unwrap())
                .filter(|k| k.kind == kind && k.date == date && k.slot < s.target(kind))
                .collect::<HashSet<_>>()
                .len() as u32;
        assert!(
            n + done <= s.target(kind).max(done),
            "{} on {date}: {n} planned + {done} done > target: {}",
            kind.as_str(),
            case.describe()
        );
        if done >= s.target(kind) {
            assert_eq!(n, 0, "target met on {date} but {n} more planned");
        }
    }
}

/// Applies a diff to a pending list the way a shell does.
fn apply(pending: &[PendingNotification], p: &Plan) -> Vec<PendingNotification> {
    let mut out: Vec<PendingNotification> =
        pending.iter().filter(|x| !p.diff.to_cancel.contains(&x.id)).cloned().collect();
    for r in &p.diff.to_schedule {
        out.retain(|x| x.id != r.id);
        out.push(PendingNotification { id: r.id.clone(), fire_at_ms: r.fire_at_ms });
    }
    out
}

#[test]
fn thousands_of_random_plans_keep_every_rule() {
    let mut rng = ChaCha8Rng::seed_from_u64(20261122);
    let mut planned = 0usize;
    let mut capped = 0usize;
    for _ in 0..3000 {
        let mut case = random_case(&mut rng);
        let p = case.plan().unwrap();
        check(&case, &p);
        planned += p.reminders.len();
        if p.dropped_by_cap > 0 {
            capped += 1;
            assert_eq!(p.reminders.len(), MAX_PENDING);
        }

        // Determinism for a seed.
        assert_eq!(case.plan().unwrap(), p);

        // Applying the diff to a random pending list, then asking again: nothing new.
        let old = p.reminders.clone();
        let mut pending = vec![PendingNotification { id: "20200101-left-right-0".into(), fire_at_ms: 1 }];
        for r in &old {
            if rng.random_bool(0.5) {
                let moved = if rng.random_bool(0.2) { MIN } else { 0 };
                pending.push(PendingNotification { id: r.id.clone(), fire_at_ms: r.fire_at_ms + moved });
            }
        }
        case.pending = pending;
        let p1 = case.plan().unwrap();
        assert_eq!(p1.reminders, p.reminders);
        case.pending = apply(&case.pending, &p1);
        let p2 = case.plan().unwrap();
        assert!(p2.diff.is_empty(), "second diff not empty: {:?}", p2.diff);
        assert_eq!(p2.diff.unchanged as usize, p2.reminders.len());

        // Stable ids and times: re-planning later the same day, with nothing new, gives
        // the same plan minus what has passed.
        let later = case.now + rng.random_range(1..240) * MIN;
        let tz: Tz = case.zone.parse().unwrap();
        if local(tz, later).date_naive() == local(tz, case.now).date_naive() && p.dropped_by_cap == 0 {
            let mut c2 = random_case(&mut rng);
            c2.settings = case.settings.clone();
            c2.zone = case.zone;
            c2.days = case.days;
            c2.seed = case.seed;
            c2.completed = case.completed.clone();
            c2.delivered = case.delivered.clone();
            c2.snoozes = case.snoozes.clone();
            c2.elsewhere = case.elsewhere.clone();
            c2.learned = case.learned.clone();
            c2.now = later;
            let q = c2.plan().unwrap();
            let expect: Vec<_> = p.reminders.iter().filter(|r| r.fire_at_ms > later).cloned().collect();
            assert_eq!(q.reminders, expect, "re-plan moved reminders: zone {}", case.zone);
        }

        // Keeping the soonest: a longer plan starts with the shorter one.
        if case.days < 7 {
            let short = p.reminders.clone();
            case.days += 1;
            let long = case.plan().unwrap();
            let n = short.len().min(long.reminders.len());
            assert_eq!(long.reminders[..n], short[..n]);
            if p.dropped_by_cap == 0 {
                assert!(long.reminders.len() >= short.len());
            }
        }
    }
    assert!(planned > 10_000, "too few reminders planned ({planned}) to mean much");
    let _ = capped;
}

#[test]
fn the_cap_keeps_the_64_soonest() {
    let settings = ReminderSettings {
        window_start_min: 0,
        window_end_min: 1440,
        min_gap_min: 30,
        targets: SessionKind::ALL.iter().map(|&kind| KindTarget { kind, per_day: 8 }).collect(),
        ..ReminderSettings::default()
    };
    let case = Case::new(ms("2026-06-01T00:00:00Z"), "Europe/Berlin", 14, 7, settings);
    let p = case.plan().unwrap();
    check(&case, &p);
    assert_eq!(p.reminders.len(), MAX_PENDING);
    assert!(p.dropped_by_cap > 0);
    let short = Case { days: 1, ..case };
    let s = short.plan().unwrap();
    assert!(s.dropped_by_cap == 0 && s.reminders.len() < MAX_PENDING);
    assert_eq!(p.reminders[..s.reminders.len()], s.reminders[..]);
    assert!(p.reminders.last().unwrap().fire_at_ms < ms("2026-06-04T00:00:00Z"));
}

fn transitions(tz: Tz, year: i32) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    let offset = |d: NaiveDate| {
        let noon = d.and_hms_opt(12, 0, 0).unwrap();
        tz.from_local_datetime(&noon).earliest().unwrap().offset().fix().local_minus_utc()
    };
    while d.year() == year {
        let n = d.succ_opt().unwrap();
        if offset(d) != offset(n) {
            out.push(n);
        }
        d = n;
    }
    out
}

#[test]
fn every_zone_across_both_transitions_of_a_year() {
    let mut transitions_seen = 0;
    for &zone in ZONES {
        let tz: Tz = zone.parse().unwrap();
        let mut dates = transitions(tz, 2026);
        transitions_seen += dates.len();
        dates.push(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
        dates.push(NaiveDate::from_ymd_opt(2026, 7, 15).unwrap());
        for date in dates {
            // A round-the-clock window with many reminders lands some in the hour that
            // is skipped or repeated.
            for (start, end, gap) in [(0, 1440, 25), (60, 240, 10), (480, 1260, 60)] {
                let settings = ReminderSettings {
                    window_start_min: start,
                    window_end_min: end,
                    min_gap_min: gap,
                    jitter_min: 5,
                    targets: vec![
                        KindTarget { kind: SessionKind::LeftRight, per_day: 12 },
                        KindTarget { kind: SessionKind::Mirror, per_day: 6 },
                    ],
                    ..ReminderSettings::default()
                };
                let day_before = date.pred_opt().unwrap();
                let now = tz
                    .from_local_datetime(&day_before.and_hms_opt(0, 0, 0).unwrap())
                    .earliest()
                    .map_or(ms("2026-01-01T00:00:00Z"), |t| t.timestamp_millis());
                let case = Case::new(now, zone, 3, 99, settings);
                let p = case.plan().unwrap();
                check(&case, &p);
                let on = |d: NaiveDate| {
                    p.reminders.iter().filter(|r| r.local_date == d.format("%Y-%m-%d").to_string()).count()
                };
                assert!(on(date) > 0, "{zone} {date}: nothing planned on the transition day");
            }
        }
    }
    // Most of these zones change clocks twice a year.
    assert!(transitions_seen >= 20, "{transitions_seen}");
}

fn one_slot(start: i32, end: i32) -> ReminderSettings {
    ReminderSettings {
        window_start_min: start,
        window_end_min: end,
        jitter_min: 0,
        min_gap_min: 30,
        targets: vec![KindTarget { kind: SessionKind::LeftRight, per_day: 1 }],
        ..ReminderSettings::default()
    }
}

fn simple(now: i64, zone: &'static str, settings: ReminderSettings) -> Case {
    Case::new(now, zone, 1, 1, settings)
}

#[test]
fn a_window_in_the_skipped_hour_moves_to_the_first_valid_minute() {
    // Berlin, 2026-03-29: 02:00 -> 03:00. Window 02:00-03:30, one slot at its middle
    // (02:45), which does not exist: it fires at 03:00 CEST.
    let case = simple(ms("2026-03-28T23:00:00Z"), "Europe/Berlin", one_slot(120, 210));
    let p = case.plan().unwrap();
    check(&case, &p);
    assert_eq!(p.reminders.len(), 1);
    assert_eq!(p.reminders[0].local_time, "2026-03-29T03:00+02:00");
    assert_eq!(p.reminders[0].fire_at_ms, ms("2026-03-29T01:00:00Z"));
    // A window that starts inside the skipped hour still gets its reminders.
    let case = simple(ms("2026-03-28T23:00:00Z"), "Europe/Berlin", one_slot(150, 170));
    let p = case.plan().unwrap();
    check(&case, &p);
    assert!(p.reminders.is_empty(), "02:30-02:50 does not exist that night");
}

#[test]
fn a_window_in_the_repeated_hour_takes_the_first_occurrence() {
    // New York, 2026-11-01: 02:00 EDT -> 01:00 EST. Window 01:00-01:30: 01:15 happens
    // twice; the plan takes the first (EDT).
    let case = simple(ms("2026-11-01T04:00:00Z"), "America/New_York", one_slot(60, 90));
    let p = case.plan().unwrap();
    check(&case, &p);
    assert_eq!(p.reminders[0].local_time, "2026-11-01T01:15-04:00");
    assert_eq!(p.reminders[0].fire_at_ms, ms("2026-11-01T05:15:00Z"));
}

fn london_now() -> i64 {
    ms("2026-11-23T07:00:00Z")
}

#[test]
fn defaults_spread_three_reminders_over_the_waking_day() {
    let case = simple(london_now(), "Europe/London", ReminderSettings::default());
    let p = Case { days: 3, ..case }.plan().unwrap();
    assert_eq!(p.reminders.len(), 9);
    let hours: Vec<u32> =
        p.reminders[..3].iter().map(|r| local(chrono_tz::Europe::London, r.fire_at_ms).hour()).collect();
    // Centres 10:10, 14:30, 18:50, each within 10 minutes.
    assert!(matches!(hours[0], 9 | 10), "{hours:?}");
    assert!(matches!(hours[1], 14), "{hours:?}");
    assert!(matches!(hours[2], 18 | 19), "{hours:?}");
    assert!(p.reminders[0].title.contains("left/right"));
    assert_eq!(p.reminders[0].id, "20261123-left-right-0");
}

#[test]
fn a_session_done_drops_a_reminder_and_pushes_the_next_by_the_gap() {
    let base = simple(london_now(), "Europe/London", ReminderSettings::default());
    let before = base.plan().unwrap();
    assert_eq!(before.reminders.len(), 3);
    // Practised at 13:50: slot 0 is answered, the 14:30-ish reminder moves to 14:50.
    let done_at = ms("2026-11-23T13:50:00Z");
    let case = Case {
        now: done_at + MIN,
        completed: vec![CompletedSession { kind: SessionKind::LeftRight, at_ms: done_at }],
        ..base
    };
    let p = case.plan().unwrap();
    check(&case, &p);
    assert_eq!(p.reminders.len(), 2);
    assert_eq!(p.reminders[0].id, "20261123-left-right-1");
    assert_eq!(p.reminders[0].fire_at_ms, done_at + 60 * MIN);
    assert_eq!(p.reminders[1].fire_at_ms, before.reminders[2].fire_at_ms);
}

#[test]
fn missed_reminders_are_not_piled_up() {
    // The phone was off all day; at 20:00 only what is still ahead is planned.
    let case = simple(ms("2026-11-23T20:00:00Z"), "Europe/London", ReminderSettings::default());
    let p = case.plan().unwrap();
    assert!(p.reminders.len() <= 1, "{:?}", p.reminders);
    assert!(p.reminders.iter().all(|r| r.slot == 2));
}

#[test]
fn snooze_replaces_the_slot_and_done_elsewhere_drops_it() {
    let base = Case { days: 2, ..simple(london_now(), "Europe/London", ReminderSettings::default()) };
    let p = base.plan().unwrap();
    let first = p.reminders[0].clone();
    let now = first.fire_at_ms + MIN;
    let case = Case {
        now,
        delivered: vec![first.fire_at_ms],
        snoozes: vec![Snooze { reminder_id: first.id.clone(), snoozed_at_ms: now, until_ms: now + 30 * MIN }],
        ..base
    };
    let s = case.plan().unwrap();
    check(&case, &s);
    assert_eq!(s.reminders[0].id, format!("{}-s", first.id));
    assert_eq!(s.reminders[0].fire_at_ms, now + 30 * MIN);
    assert!(s.reminders[0].title.starts_with("Ready now?"));
    assert_eq!(s.reminders.len(), p.reminders.len());

    let tomorrow = p.reminders[3].id.clone();
    let case = Case { elsewhere: vec![DoneElsewhere { reminder_id: tomorrow.clone(), at_ms: now }], ..case };
    let e = case.plan().unwrap();
    check(&case, &e);
    assert!(e.reminders.iter().all(|r| r.id != tomorrow));
    assert_eq!(e.reminders.len(), p.reminders.len() - 1);
}

#[test]
fn travel_keeps_ids_and_moves_times() {
    let base = simple(london_now(), "Europe/London", ReminderSettings::default());
    let london = base.plan().unwrap();
    let mut case = Case { zone: "America/New_York", ..base };
    case.pending = london
        .reminders
        .iter()
        .map(|r| PendingNotification { id: r.id.clone(), fire_at_ms: r.fire_at_ms })
        .collect();
    let ny = case.plan().unwrap();
    check(&case, &ny);
    let ids = |p: &Plan| p.reminders.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&ny), ids(&london));
    assert_eq!(ny.diff.to_schedule.len(), 3);
    for (a, b) in ny.reminders.iter().zip(&london.reminders) {
        assert_eq!(a.fire_at_ms - b.fire_at_ms, 5 * 60 * MIN);
        assert_eq!(a.local_time[..16], b.local_time[..16]);
    }
}

#[test]
fn bad_inputs_are_typed_errors_naming_the_field() {
    let base = simple(london_now(), "Europe/London", ReminderSettings::default());
    let field = |c: &Case| match c.plan().unwrap_err() {
        proprio_core::Error::InvalidArgument { field, .. } => field,
        e => panic!("{e}"),
    };
    let utc = || simple(london_now(), "UTC", ReminderSettings::default());
    assert_eq!(field(&Case { zone: "Europe/Lundon", ..utc() }), "now.zone");
    assert_eq!(field(&Case { days: 0, ..utc() }), "days");
    assert_eq!(field(&Case { days: 15, ..utc() }), "days");
    assert_eq!(field(&Case { now: -1, ..utc() }), "now.unix_ms");
    // Instants are dated 2000 to 2200, as everywhere in the core.
    assert_eq!(field(&Case { now: ms("1999-12-31T23:59:59Z"), ..utc() }), "now.unix_ms");
    assert_eq!(field(&Case { now: ms("2200-01-01T00:00:00Z"), ..utc() }), "now.unix_ms");
    let mut c = base;
    c.settings.min_gap_min = 0;
    assert_eq!(field(&c), "settings.min_gap_min");
    c.settings.min_gap_min = 60;
    c.snoozes = vec![Snooze { reminder_id: "tomorrow".into(), snoozed_at_ms: 0, until_ms: 0 }];
    assert_eq!(field(&c), "snoozes.reminder_id");
    let id = "20261123-left-right-0".to_string();
    c.snoozes = vec![Snooze { reminder_id: id.clone(), snoozed_at_ms: c.now, until_ms: c.now - 1 }];
    assert_eq!(field(&c), "snoozes.until_ms");
    c.snoozes = vec![Snooze { reminder_id: id.clone(), snoozed_at_ms: 0, until_ms: 0 }];
    assert_eq!(field(&c), "snoozes.until_ms");
    c.snoozes.clear();
    c.elsewhere = vec![DoneElsewhere { reminder_id: "20261123-left-right".into(), at_ms: c.now }];
    assert_eq!(field(&c), "done_elsewhere.reminder_id");
    c.elsewhere.clear();
    c.learned = vec![LearnedSlot { kind: SessionKind::LeftRight, slot: 0, minute: 1440 }];
    assert_eq!(field(&c), "learned.minute");
    assert_eq!(diff(&[], &[]), proprio_core::reminders::ReminderDiff::default());
}

#[test]
fn snooze_lengths_are_10_30_or_60_minutes() {
    use proprio_core::reminders::snooze_until;
    let now = WallTime { unix_ms: london_now(), zone: "Europe/London".into() };
    assert_eq!(snooze_until(&now, 30).unwrap(), london_now() + 30 * MIN);
    for bad in [0, 5, 15, 45, -10, 120] {
        let e = snooze_until(&now, bad).unwrap_err();
        assert!(e.to_string().starts_with("invalid minutes"), "{e}");
    }
    let e = snooze_until(&WallTime { unix_ms: 0, ..now.clone() }, 30).unwrap_err();
    assert!(e.to_string().starts_with("invalid now.unix_ms"), "{e}");
    // A snooze may not end past the instants the core dates.
    let last = WallTime { unix_ms: ms("2199-12-31T23:40:00Z"), ..now };
    assert_eq!(snooze_until(&last, 10).unwrap(), ms("2199-12-31T23:50:00Z"));
    assert!(snooze_until(&last, 30).unwrap_err().to_string().starts_with("invalid minutes"));
}

#[test]
fn turning_reminders_off_cancels_everything_pending() {
    let mut case = simple(london_now(), "Europe/London", ReminderSettings::default());
    let on = case.plan().unwrap();
    case.pending = on
        .reminders
        .iter()
        .map(|r| PendingNotification { id: r.id.clone(), fire_at_ms: r.fire_at_ms })
        .collect();
    case.settings.enabled = false;
    let off = case.plan().unwrap();
    assert!(off.reminders.is_empty());
    assert_eq!(off.diff.to_cancel.len(), on.reminders.len());
}

#[test]
fn weekdays_off_get_no_reminders() {
    // 2026-11-23 is a Monday; weekdays only.
    let mut case = simple(london_now(), "Europe/London", ReminderSettings::default());
    case.days = 7;
    case.settings.weekdays = vec![1, 2, 3, 4, 5];
    let p = case.plan().unwrap();
    check(&case, &p);
    assert_eq!(p.reminders.len(), 15);
    assert!(p.reminders.iter().all(|r| r.local_date.as_str() < "2026-11-28"));
}
