//! Reminder planner speed: plan 3 days for every session kind with a year of history.
//! Goal: under 1 ms median. Run: `cargo bench -p proprio-core --bench reminders`.
//!
//! A plain timing loop (no bench framework): it prints the median, 10th and 90th
//! percentile of many runs after a warm-up.

use proprio_core::reminders::{
    AdherenceInput, CompletedSession, DoneElsewhere, KindTarget, PendingNotification, PlanInput, ReminderKey,
    ReminderSettings, SentReminder, SessionKind, Snooze, adherence, learn_slot_times, plan,
};
use proprio_core::{Locale, WallTime};
use std::hint::black_box;
use std::time::{Duration, Instant};

const MIN: i64 = 60_000;
const DAY: i64 = 1440 * MIN;
/// 2026-11-23T07:00:00Z
const NOW: i64 = 1_795_417_200_000;

fn settings() -> ReminderSettings {
    let per_day = [3, 2, 2, 4, 1, 1];
    ReminderSettings {
        min_gap_min: 40,
        targets: SessionKind::ALL
            .iter()
            .zip(per_day)
            .map(|(&kind, per_day)| KindTarget { kind, per_day })
            .collect(),
        ..ReminderSettings::default()
    }
}

struct History {
    completed: Vec<CompletedSession>,
    delivered: Vec<i64>,
    sent: Vec<SentReminder>,
    elsewhere: Vec<DoneElsewhere>,
}

/// A year of a diligent patient: every kind's target met most days.
fn history(s: &ReminderSettings) -> History {
    let mut h =
        History { completed: Vec::new(), delivered: Vec::new(), sent: Vec::new(), elsewhere: Vec::new() };
    let start_date = chrono::NaiveDate::from_ymd_opt(2025, 11, 23).unwrap();
    for day in 0..365i64 {
        let date = start_date + chrono::Days::new(day as u64);
        let midnight = NOW - (365 - day) * DAY - 7 * 60 * MIN;
        let mut slot_time = midnight + 8 * 60 * MIN + 17 * MIN;
        for t in &s.targets {
            for slot in 0..t.per_day as u32 {
                let id = ReminderKey { date, kind: t.kind, slot, snoozed: false }.id();
                h.delivered.push(slot_time);
                h.sent.push(SentReminder { reminder_id: id.clone(), sent_at_ms: slot_time });
                if (day + i64::from(slot)) % 7 == 3 {
                    h.elsewhere.push(DoneElsewhere { reminder_id: id, at_ms: slot_time + 5 * MIN });
                } else if (day + i64::from(slot)) % 5 != 1 {
                    h.completed.push(CompletedSession { kind: t.kind, at_ms: slot_time + 12 * MIN });
                }
                slot_time += 53 * MIN;
            }
        }
    }
    h
}

fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
    for _ in 0..runs / 10 {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    let q = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "{name:<48} median {:>9.1} µs   p10 {:>9.1} µs   p90 {:>9.1} µs   ({runs} runs)",
        q(0.5).as_secs_f64() * 1e6,
        q(0.1).as_secs_f64() * 1e6,
        q(0.9).as_secs_f64() * 1e6,
    );
}

fn main() {
    let s = settings();
    let h = history(&s);
    let snoozes = vec![Snooze {
        reminder_id: "20261123-left-right-0".into(),
        snoozed_at_ms: NOW - 5 * MIN,
        until_ms: NOW + 25 * MIN,
    }];
    let now = WallTime { unix_ms: NOW, zone: "Europe/London".into() };
    let mut input = PlanInput {
        now: &now,
        days: 3,
        profile_seed: 0x5eed,
        settings: &s,
        completed: &h.completed,
        delivered_ms: &h.delivered,
        snoozes: &snoozes,
        done_elsewhere: &h.elsewhere,
        learned: &[],
        pending: &[],
        locale: Locale::English,
    };
    let first = plan(&input).expect("plan");
    let pending: Vec<PendingNotification> = first
        .reminders
        .iter()
        .map(|r| PendingNotification { id: r.id.clone(), fire_at_ms: r.fire_at_ms })
        .collect();
    input.pending = &pending;
    println!(
        "history: {} sessions, {} deliveries, {} done elsewhere; plan: {} reminders over 3 days for {} kinds",
        h.completed.len(),
        h.delivered.len(),
        h.elsewhere.len(),
        first.reminders.len(),
        s.targets.len()
    );
    measure("plan, 3 days, 6 kinds, a year of history", 5000, || {
        black_box(plan(black_box(&input)).unwrap());
    });
    let lord_howe = WallTime { zone: "Australia/Lord_Howe".into(), ..now.clone() };
    let far = PlanInput { days: 14, now: &lord_howe, ..input };
    measure("plan, 14 days (capped at 64), Lord Howe", 2000, || {
        black_box(plan(black_box(&far)).unwrap());
    });
    measure("learn my times, a year of history", 2000, || {
        black_box(learn_slot_times(&s, &now, black_box(&h.completed)).unwrap());
    });
    measure("adherence, 30 days of a year of history", 500, || {
        let input = AdherenceInput {
            settings: &s,
            now: &now,
            days: 30,
            sent: &h.sent,
            completed: &h.completed,
            done_elsewhere: &h.elsewhere,
        };
        black_box(adherence(black_box(&input)).unwrap());
    });
}
