//! Reminders across the FFI: the shell asks for a plan (with what its OS holds) and gets
//! the notifications and the diff to apply; it reports deliveries, snoozes and "done
//! elsewhere"; it reads settings, today's progress and adherence. Each method validates
//! its arguments and calls its use case (`usecases/reminders.rs`).

use super::{Proprio, Result};
pub use crate::reminders::ReminderToday;
use crate::reminders::{
    Adherence, DEFAULT_DAYS, PendingNotification, Plan, PlannedReminder, ReminderSettings,
};
use crate::time::WallTime;
use crate::usecases::reminders as usecase;

/// How many days ahead a shell asks [`Proprio::plan_reminders`] to plan each time.
#[uniffi::export]
pub fn reminder_plan_days() -> u32 {
    DEFAULT_DAYS
}

#[uniffi::export]
impl Proprio {
    /// The reminder settings (the defaults until changed).
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        Ok(usecase::settings(&self.store)?)
    }

    /// Validates and saves reminder settings; the next plan uses them.
    pub fn set_reminder_settings(&self, settings: ReminderSettings) -> Result<ReminderSettings> {
        usecase::set_settings(&self.store, &settings)?;
        Ok(settings)
    }

    /// Plans the next `days` local days (1–14; 3 is the usual) and compares the plan with
    /// what the OS holds. The shell cancels `diff.to_cancel`, then schedules
    /// `diff.to_schedule`. A new zone in `now` re-plans for it.
    pub fn plan_reminders(
        &self,
        now: WallTime,
        days: u32,
        pending: Vec<PendingNotification>,
    ) -> Result<Plan> {
        now.validate("now")?;
        Ok(usecase::plan(&self.store, &now, days, &pending, self.locale())?)
    }

    /// Snoozes a delivered reminder for 10, 30 or 60 minutes. Returns the repeat as
    /// planned, or nothing if it would fall outside the reminder hours.
    pub fn snooze_reminder(
        &self,
        reminder_id: String,
        minutes: i32,
        now: WallTime,
    ) -> Result<Option<PlannedReminder>> {
        now.validate("now")?;
        Ok(usecase::snooze(&self.store, &reminder_id, minutes, &now, self.locale())?)
    }

    /// The patient practised away from the app for this reminder: it counts as done.
    pub fn mark_reminder_done_elsewhere(&self, reminder_id: String, now: WallTime) -> Result<()> {
        now.validate("now")?;
        Ok(usecase::mark_done_elsewhere(&self.store, &reminder_id, &now)?)
    }

    /// The OS showed this reminder at `at`.
    pub fn report_reminder_delivered(&self, reminder_id: String, at: WallTime) -> Result<()> {
        at.validate("at")?;
        Ok(usecase::report_delivered(&self.store, &reminder_id, &at)?)
    }

    /// Reminders sent vs sessions done for the `days` local days ending today (1–366),
    /// per day and per slot.
    pub fn reminder_adherence(&self, now: WallTime, days: u32) -> Result<Adherence> {
        now.validate("now")?;
        Ok(usecase::adherence(&self.store, &now, days)?)
    }

    /// Today's remaining reminders, sessions done per kind, and adherence.
    pub fn reminders_today(&self, now: WallTime) -> Result<ReminderToday> {
        now.validate("now")?;
        Ok(usecase::today(&self.store, &now, self.locale())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ProprioError;
    use crate::programme::SessionKind;
    use crate::stimulus::BodyPart;
    use crate::store;
    use crate::time::DAY_MS;
    use std::sync::Arc;

    const MIN: i64 = 60_000;

    fn at(ms: i64) -> WallTime {
        WallTime { unix_ms: ms, zone: "Europe/London".into() }
    }

    /// 2026-11-23T07:00:00Z, a Monday.
    const MORNING: i64 = 1_795_417_200_000;

    fn open() -> (tempfile::TempDir, Arc<Proprio>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db").to_str().unwrap().to_string();
        let p = Proprio::new(path, at(MORNING)).unwrap();
        (dir, p)
    }

    fn held(plan: &Plan) -> Vec<PendingNotification> {
        plan.reminders
            .iter()
            .map(|r| PendingNotification { id: r.id.clone(), fire_at_ms: r.fire_at_ms })
            .collect()
    }

    #[test]
    fn a_diff_applied_once_leaves_nothing_the_second_time() {
        let (_d, p) = open();
        let first = p.plan_reminders(at(MORNING), 3, vec![]).unwrap();
        assert_eq!(first.reminders.len(), 9);
        assert_eq!(first.diff.to_schedule.len(), 9);
        let second = p.plan_reminders(at(MORNING), 3, held(&first)).unwrap();
        assert!(second.diff.to_schedule.is_empty() && second.diff.to_cancel.is_empty());
        assert_eq!(second.diff.unchanged, 9);
    }

    /// Mirror practice three times a day (left/right sessions start through their own
    /// engine, which these tests do not need).
    fn mirror_three(learn: bool) -> ReminderSettings {
        ReminderSettings {
            targets: vec![crate::reminders::KindTarget { kind: SessionKind::Mirror, per_day: 3 }],
            learn_my_times: learn,
            jitter_min: if learn { 0 } else { 10 },
            ..ReminderSettings::default()
        }
    }

    #[test]
    fn reports_change_the_plan_and_adherence() {
        let (_d, p) = open();
        p.set_reminder_settings(mirror_three(false)).unwrap();
        let plan = p.plan_reminders(at(MORNING), 1, vec![]).unwrap();
        let first = plan.reminders[0].clone();
        p.report_reminder_delivered(first.id.clone(), at(first.fire_at_ms)).unwrap();
        // Practise 5 minutes after it rang.
        let s = p
            .start_session(SessionKind::Mirror, BodyPart::Hand, Some(1), at(first.fire_at_ms + 5 * MIN))
            .unwrap();
        p.finish_session(s.id, at(first.fire_at_ms + 9 * MIN)).unwrap();
        let later = at(first.fire_at_ms + 10 * MIN);
        let today = p.reminders_today(later.clone()).unwrap();
        assert_eq!(today.remaining.len(), 2);
        assert_eq!(today.adherence.sent, 1);
        assert_eq!(today.adherence.answered, 1);
        assert_eq!(today.adherence.completed, 1);
        assert_eq!(today.progress[0].done, 1);
        assert_eq!(today.progress[0].target, 3);

        // Snooze the second when it rings; mark the third done elsewhere.
        let second = today.remaining[0].clone();
        let rang = at(second.fire_at_ms + MIN);
        let repeat = p.snooze_reminder(second.id.clone(), 30, rang.clone()).unwrap().unwrap();
        assert_eq!(repeat.fire_at_ms, rang.unix_ms + 30 * MIN);
        assert_eq!(repeat.id, format!("{}-s", second.id));
        p.mark_reminder_done_elsewhere(today.remaining[1].id.clone(), rang.clone()).unwrap();
        let now = p.plan_reminders(rang, 1, vec![]).unwrap();
        assert_eq!(now.reminders.len(), 1);
        assert_eq!(now.reminders[0].id, repeat.id);
    }

    #[test]
    fn bad_reports_are_typed_errors_and_write_nothing() {
        let (_d, p) = open();
        let field = |e: ProprioError| match e {
            ProprioError::InvalidArgument { field, .. } => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(p.snooze_reminder("tomorrow".into(), 10, at(MORNING)).unwrap_err()), "reminder_id");
        assert_eq!(
            field(p.snooze_reminder("20261123-left-right-0".into(), 15, at(MORNING)).unwrap_err()),
            "minutes"
        );
        assert!(matches!(
            p.snooze_reminder("20261123-left-right-7".into(), 10, at(MORNING)),
            Err(ProprioError::NotFound { .. })
        ));
        assert!(matches!(
            p.mark_reminder_done_elsewhere("20251123-left-right-0".into(), at(MORNING)),
            Err(ProprioError::NotFound { .. })
        ));
        assert_eq!(
            field(
                p.plan_reminders(WallTime { unix_ms: MORNING, zone: "Moon/Base".into() }, 3, vec![])
                    .unwrap_err()
            ),
            "now.zone"
        );
        assert_eq!(field(p.plan_reminders(at(MORNING), 0, vec![]).unwrap_err()), "days");
        let bad = ReminderSettings { window_end_min: 60, ..ReminderSettings::default() };
        assert_eq!(field(p.set_reminder_settings(bad).unwrap_err()), "settings.window_end_min");
        assert_eq!(p.reminder_settings().unwrap(), ReminderSettings::default());
        let adherence = p.reminder_adherence(at(MORNING), 7).unwrap();
        assert!(adherence.days.iter().all(|d| d.sent == 0));
    }

    #[test]
    fn a_slot_marked_done_days_ahead_counts_on_its_day() {
        let (_d, p) = open();
        // On Monday 23 November the patient says the first session of Sunday 6 December,
        // 13 days ahead, will be done away from home; on that Sunday it counts as done.
        p.mark_reminder_done_elsewhere("20261206-left-right-0".into(), at(MORNING)).unwrap();
        let sunday = at(MORNING + 13 * DAY_MS);
        let today = p.reminders_today(sunday.clone()).unwrap();
        assert_eq!(today.date, "2026-12-06");
        assert_eq!((today.adherence.completed, today.adherence.percent), (1, 33));
        assert_eq!((today.progress[0].done, today.progress[0].target), (1, 3));
        assert_eq!(today.remaining.len(), 2);
        assert!(today.remaining.iter().all(|r| r.slot != 0));
        let week = p.reminder_adherence(sunday, 7).unwrap();
        assert_eq!(week.days.iter().map(|d| d.completed).collect::<Vec<_>>(), [0, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn learn_my_times_is_stored_when_on() {
        let (_d, p) = open();
        for d in 1..=8 {
            let t = MORNING - d * DAY_MS + 2 * 60 * MIN; // 09:00 London
            let s = p.start_session(SessionKind::Mirror, BodyPart::Hand, Some(1), at(t - 5 * MIN)).unwrap();
            p.finish_session(s.id, at(t)).unwrap();
        }
        p.set_reminder_settings(mirror_three(true)).unwrap();
        let plan = p.plan_reminders(at(MORNING), 1, vec![]).unwrap();
        // Halfway between 10:10 and 09:00.
        assert_eq!(plan.reminders[0].local_time, "2026-11-23T09:35+00:00");
        let stored = p.store.read(store::reminders::learned).unwrap();
        assert_eq!(stored.len(), 1);
    }
}
