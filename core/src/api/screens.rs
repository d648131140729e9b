//! The screens' records across the FFI: each call returns what one screen shows, worded
//! in the language set with `set_language`, so a shell only lays it out.

use super::{Proprio, Result};
use crate::stimulus::BodyPart;
use crate::time::WallTime;
use crate::usecases::forms::{
    self, ExposureLadderForm, JournalForm, OnboardingForm, ReminderForm, SnoozeChoice, TextureLadderForm,
};
use crate::usecases::guided::{self, TextureEdit};
use crate::usecases::screens::{self, ProgrammeScreen, ProgressCharts};
use crate::usecases::{left_right, patient};

#[uniffi::export]
impl Proprio {
    /// The body part the left/right practice and progress are about: the first painful
    /// area in the profile; `None` before onboarding (the shell shows it then).
    pub fn practice_body_part(&self) -> Result<Option<BodyPart>> {
        Ok(patient::profile(&self.store)?.affected.first().map(|a| a.body_part))
    }

    /// The profile form: its questions and choices, and who should check first.
    pub fn onboarding_form(&self) -> Result<OnboardingForm> {
        Ok(forms::onboarding(&self.store, self.locale())?)
    }

    /// The journal form (scales, anchors, limits) with the entries so far.
    pub fn journal_form(&self) -> Result<JournalForm> {
        Ok(forms::journal(&self.store, self.locale())?)
    }

    /// The graded-exposure ladder screen: the activities worded, least feared first, and
    /// the form to add one (edits go through `add_exposure_step` and its siblings).
    pub fn exposure_ladder_form(&self) -> Result<ExposureLadderForm> {
        Ok(forms::exposure_ladder_form(&self.store, self.locale())?)
    }

    /// The touch (desensitisation) ladder screen for a body part: the textures softest
    /// first with where the patient stands, and what each edit button may do.
    pub fn texture_ladder_form(&self, body_part: BodyPart) -> Result<TextureLadderForm> {
        Ok(forms::texture_ladder_form(&self.store, body_part, &self.params_in_force()?, self.locale())?)
    }

    /// Applies one edit to the texture ladder and returns the screen again; a refused
    /// edit (a name too long or twice, a position off the ladder, the last texture
    /// removed) is a typed error and changes nothing.
    pub fn edit_texture_ladder(&self, body_part: BodyPart, edit: TextureEdit) -> Result<TextureLadderForm> {
        guided::edit_textures(&self.store, &edit, self.locale())?;
        self.texture_ladder_form(body_part)
    }

    /// The programme screen: each painful body part's stage and its history with the
    /// reasons, newest first, and the touch drills by region. Evaluates the stages
    /// first, as `today` does.
    pub fn programme_screen(&self, now: WallTime) -> Result<ProgrammeScreen> {
        Ok(screens::programme(&self.store, &now, &self.params_in_force()?, self.locale())?)
    }

    /// The reminder settings form: labels and the values each setting may take.
    pub fn reminder_form(&self) -> Result<ReminderForm> {
        Ok(forms::reminder_form(&self.store, self.locale())?)
    }

    /// The snooze lengths a reminder notification offers, with their labels.
    pub fn snooze_choices(&self) -> Vec<SnoozeChoice> {
        forms::snooze_choices(self.locale())
    }

    /// The progress screen for a body part: charts by day per side, the gate's goals, the
    /// gate's inputs and the recent statistics.
    pub fn progress_charts(&self, body_part: BodyPart, now: WallTime) -> Result<ProgressCharts> {
        let overview = left_right::overview(
            &self.store,
            body_part,
            &self.params_in_force()?,
            &now,
            None,
            self.locale(),
        )?;
        Ok(screens::progress(&overview, self.locale())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::laterality::{FeedbackVerdict, LeftRightSettings};
    use crate::patient::{AffectedArea, NewJournalEntry, ProfileUpdate};
    use crate::reminders::ReminderSettings;
    use crate::stimulus::Side;
    use crate::time::DAY_MS;
    use std::sync::Arc;

    const MS: i64 = 1_000_000;
    /// 2026-11-02 09:00 in Europe/London.
    const MONDAY_9AM: i64 = 1_793_610_000_000;

    fn at(ms: i64) -> WallTime {
        WallTime { unix_ms: ms, zone: "Europe/London".into() }
    }

    fn open() -> (tempfile::TempDir, Arc<Proprio>) {
        let dir = tempfile::tempdir().unwrap();
        let p = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), at(MONDAY_9AM)).unwrap();
        (dir, p)
    }

    fn left_hand_hurts(p: &Proprio) {
        let affected = Some(vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }]);
        p.update_profile(ProfileUpdate { affected, ..Default::default() }).unwrap();
    }

    fn settings(count: u32, feedback: bool, practice: u32) -> LeftRightSettings {
        LeftRightSettings {
            body_part: BodyPart::Hand,
            count: Some(count),
            time_limit_ms: None,
            feedback: Some(feedback),
            level: None,
            seed: Some(7),
            practice: Some(practice),
        }
    }

    /// A session answered correctly in `rt_ms`, finished at `start_ms`.
    fn session(p: &Proprio, start_ms: i64, rt_ms: i64) -> i64 {
        let start = p.start_left_right(settings(10, true, 0), at(start_ms)).unwrap();
        let mut prompt = Some(start.first);
        let mut t = 0;
        while let Some(pr) = prompt {
            prompt =
                p.answer_trial(pr.session_id, pr.index, t, t + rt_ms * MS, pr.stimulus.side).unwrap().next;
            t += 3000 * MS;
        }
        p.finish_session(start.session.id, at(start_ms + 60_000)).unwrap();
        start.session.id
    }

    #[test]
    fn every_prompt_names_the_picture_after_it_and_the_answer_brings_exactly_that_one() {
        let (_d, p) = open();
        let start = p.start_left_right(settings(10, true, 2), at(MONDAY_9AM)).unwrap();
        let first = &start.first;
        assert!(first.practice);
        assert_eq!(first.progress_text, "Practice picture 1 of 2");
        assert_eq!(first.picture_label, "Picture 1 of 2: is it a left or a right?");
        assert_eq!(first.fixation_ms, 800);
        let mut prompt = Some(start.first);
        let mut t = 0;
        let mut shown = 0;
        while let Some(pr) = prompt {
            shown += 1;
            let out = p.answer_trial(pr.session_id, pr.index, t, t + 900 * MS, pr.stimulus.side).unwrap();
            assert_eq!(out.next.as_ref().map(|n| n.stimulus), pr.next_stimulus, "after {}", pr.index);
            if shown == 3 {
                let next = out.next.as_ref().unwrap();
                assert_eq!(next.progress_text, "Picture 2 of 10");
            }
            t += 3000 * MS;
            prompt = out.next;
        }
        assert_eq!(shown, 12);
    }

    #[test]
    fn a_void_keeps_the_picture_drawn_ahead() {
        let (_d, p) = open();
        let start = p.start_left_right(settings(10, true, 0), at(MONDAY_9AM)).unwrap();
        let ahead = start.first.next_stimulus;
        let fresh = p.void_trial(start.session.id, start.first.index, Some(5)).unwrap();
        assert_ne!(fresh.stimulus, start.first.stimulus);
        assert_eq!(fresh.next_stimulus, ahead);
        let out = p.answer_trial(fresh.session_id, fresh.index, 0, 900 * MS, Side::Left).unwrap();
        assert_eq!(out.next.map(|n| n.stimulus), ahead);
    }

    #[test]
    fn feedback_tells_right_wrong_too_quick_and_timed_out_in_the_patients_language() {
        let (_d, p) = open();
        let start = p.start_left_right(settings(10, true, 0), at(MONDAY_9AM)).unwrap();
        let id = start.session.id;
        let pr = start.first;
        let other = |s: Side| if s == Side::Left { Side::Right } else { Side::Left };
        let right = p.answer_trial(id, pr.index, 0, 900 * MS, pr.stimulus.side).unwrap();
        let f = right.feedback.unwrap();
        assert_eq!((f.verdict, f.text.as_str(), f.show_ms), (FeedbackVerdict::Correct, "✓ Correct", 500));
        let pr = right.next.unwrap();
        let wrong = p.answer_trial(id, pr.index, 0, 900 * MS, other(pr.stimulus.side)).unwrap();
        assert_eq!(wrong.feedback.unwrap().verdict, FeedbackVerdict::Wrong);
        p.set_language("de-DE".into());
        let pr = wrong.next.unwrap();
        // Right, but faster than a picture can be judged: told as a guess.
        let quick = p.answer_trial(id, pr.index, 0, 100 * MS, pr.stimulus.side).unwrap();
        let f = quick.feedback.unwrap();
        assert_eq!(f.verdict, FeedbackVerdict::TooQuick);
        assert!(f.text.contains("Zu schnell"), "{}", f.text);
        let pr = quick.next.unwrap();
        assert_eq!(pr.progress_text, "Bild 4 von 10");
        let late = p.time_out_trial(id, pr.index, 0).unwrap();
        assert_eq!(late.feedback.unwrap().verdict, FeedbackVerdict::TimedOut);

        let (_d2, quiet) = open();
        let start = quiet.start_left_right(settings(10, false, 0), at(MONDAY_9AM)).unwrap();
        let pr = start.first;
        let out = quiet.answer_trial(pr.session_id, pr.index, 0, 900 * MS, pr.stimulus.side).unwrap();
        assert_eq!(out.feedback, None, "feedback off shows nothing");
    }

    #[test]
    fn the_summary_words_each_side_and_marks_the_painful_one() {
        let (_d, p) = open();
        left_hand_hurts(&p);
        let id = session(&p, MONDAY_9AM, 900);
        let r = p.session_results(id, at(MONDAY_9AM + 120_000)).unwrap();
        assert_eq!((r.title.as_str(), r.level_text.as_str()), ("Session complete", "Level 1"));
        assert_eq!(r.sides.len(), 2);
        assert_eq!(r.sides[0].title, "Left (painful side)");
        assert_eq!(r.sides[1].title, "Right");
        let correct = &r.sides[0].facts[0];
        assert_eq!(correct.label, "Correct");
        assert_eq!(correct.value, format!("{n} of {n} (100\u{a0}%)", n = r.stats.left.n));
        assert_eq!(r.sides[0].facts[1].value, "0.90\u{a0}s");
        p.set_language("de".into());
        let de = p.session_results(id, at(MONDAY_9AM + 120_000)).unwrap();
        assert_eq!(de.sides[0].title, "Links (schmerzende Seite)");
        assert_eq!(de.sides[0].facts[1].value, "0,90\u{a0}s");
        assert_eq!(de.stats, r.stats, "the language changes words only");
    }

    #[test]
    fn progress_charts_go_by_day_per_side_with_goals_axes_and_the_painful_side() {
        let (_d, p) = open();
        assert_eq!(p.practice_body_part().unwrap(), None);
        left_hand_hurts(&p);
        assert_eq!(p.practice_body_part().unwrap(), Some(BodyPart::Hand));
        // Two sessions on Monday (0.9 s and 1.9 s), one on Wednesday (1.2 s).
        session(&p, MONDAY_9AM, 900);
        session(&p, MONDAY_9AM + 3_600_000, 1900);
        session(&p, MONDAY_9AM + 2 * DAY_MS, 1200);
        let screen = p.progress_charts(BodyPart::Hand, at(MONDAY_9AM + 2 * DAY_MS + 120_000)).unwrap();
        assert_eq!(screen.title, "Progress: Hand");
        let acc = &screen.accuracy;
        assert_eq!(acc.days, ["2/11", "4/11"]);
        assert_eq!((acc.y_min, acc.y_max, acc.goal), (0.0, 1.0, 0.9));
        assert_eq!(acc.goal_label, "goal 90\u{a0}%");
        assert_eq!(
            acc.ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["0\u{a0}%", "50\u{a0}%", "100\u{a0}%"]
        );
        assert_eq!(
            acc.series.iter().map(|s| (s.side, s.affected)).collect::<Vec<_>>(),
            [(Side::Left, true), (Side::Right, false)]
        );
        assert_eq!(acc.series[0].label, "Left (painful side)");
        assert_eq!(acc.series[0].values, [Some(1.0), Some(1.0)]);
        let rt = &screen.response_time;
        // Monday's value is the median of its two sessions' medians.
        assert_eq!(rt.series[1].values, [Some(1400.0), Some(1200.0)]);
        assert_eq!(rt.goal, 1500.0);
        // The top covers the slowest day and the goal with room, on a 0.5 s tick.
        assert_eq!(rt.y_max, 2000.0);
        assert_eq!(
            rt.ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
            [0.0, 500.0, 1000.0, 1500.0, 2000.0]
        );
        assert_eq!(rt.ticks[3].label, "1.50\u{a0}s");
        assert!(
            rt.description.contains("on 4/11, left 1.20\u{a0}s, right 1.20\u{a0}s"),
            "{}",
            rt.description
        );
        assert_eq!(screen.sections[0].facts[0].value, "3 of 3");
        assert!(screen.sections.iter().any(|s| s.title.starts_with("By rotation")));

        let (_d2, empty) = open();
        let none = empty.progress_charts(BodyPart::Foot, at(MONDAY_9AM)).unwrap();
        assert!(none.accuracy.days.is_empty() && none.accuracy.series[0].values.is_empty());
        assert_eq!(none.response_time.y_max, 2000.0, "the goal alone sets the scale");
        assert!(none.accuracy.description.ends_with("no sessions yet."), "{}", none.accuracy.description);
    }

    #[test]
    fn the_exposure_ladder_form_words_each_activity_and_bounds_the_ladder() {
        let (_dir, p) = open();
        let f = p.exposure_ladder_form().unwrap();
        assert!(f.steps.is_empty() && f.can_add);
        assert_eq!(f.empty, "No activities yet. Add the first one below.");
        assert_eq!((f.fear.min, f.fear.max, f.fear.step, f.max_activity_chars), (0, 100, 5, 80));
        p.add_exposure_step("carry a shopping bag".into(), 60).unwrap();
        p.add_exposure_step("open a jar".into(), 40).unwrap();
        let f = p.exposure_ladder_form().unwrap();
        let rows: Vec<(&str, &str)> =
            f.steps.iter().map(|r| (r.activity.as_str(), r.summary.as_str())).collect();
        assert_eq!(
            rows,
            [
                ("open a jar", "fear 40 · not practised yet · practising now ▶"),
                ("carry a shopping bag", "fear 60 · not practised yet")
            ]
        );
        for k in 2..20 {
            p.add_exposure_step(format!("activity {k}"), 50).unwrap();
        }
        let f = p.exposure_ladder_form().unwrap();
        assert!(!f.can_add, "20 activities fill the ladder");
        assert!(p.add_exposure_step("one more".into(), 10).is_err(), "the core refuses a 21st");
        p.set_language("de".into());
        assert_eq!(
            p.exposure_ladder_form().unwrap().steps[0].summary,
            "Angst 40 · noch nicht geübt · wird gerade geübt ▶"
        );
    }

    #[test]
    fn the_journal_form_has_its_ranges_anchors_and_limits_and_lists_entries_newest_first() {
        let (_d, p) = open();
        let f = p.journal_form().unwrap();
        assert_eq!((f.pain.min, f.pain.max, f.pain.step, f.pain.required), (0, 10, 1, true));
        assert_eq!(f.pain.low_anchor, "0 = no pain");
        assert_eq!(f.pain.high_anchor, "10 = worst pain imaginable");
        assert!(!f.fear.required);
        assert_eq!(f.note_max_chars, 2000);
        assert_eq!(f.entries, []);
        // The form's limits are the ones the core enforces.
        let entry = |pain, note: String| NewJournalEntry {
            at: at(MONDAY_9AM),
            pain,
            fear: Some(f.fear.max),
            medication: true,
            sleep: None,
            note,
            session_id: None,
        };
        p.add_journal_entry(entry(f.pain.max, "x".repeat(f.note_max_chars as usize))).unwrap();
        assert!(p.add_journal_entry(entry(f.pain.max + 1, String::new())).is_err());
        assert!(p.add_journal_entry(entry(2, "x".repeat(f.note_max_chars as usize + 1))).is_err());
        p.add_journal_entry(NewJournalEntry {
            at: at(MONDAY_9AM + 60_000),
            fear: None,
            ..entry(3, "ok".into())
        })
        .unwrap();
        let f = p.journal_form().unwrap();
        assert_eq!(f.entries.len(), 2);
        assert_eq!(
            (f.entries[0].when.as_str(), f.entries[0].summary.as_str()),
            ("2026-11-02 09:01", "pain 3, medication taken")
        );
        assert_eq!(f.entries[1].summary, "pain 10, fear 10, medication taken");
        p.set_language("de".into());
        assert_eq!(p.journal_form().unwrap().pain.high_anchor, "10 = stärkster vorstellbarer Schmerz");
    }

    #[test]
    fn onboarding_offers_every_choice_with_labels_samples_and_who_should_check_first() {
        let (_d, p) = open();
        let f = p.onboarding_form().unwrap();
        assert_eq!(f.code_text, format!("Code for your therapist: {}", p.profile().unwrap().code));
        assert_eq!(f.body_parts.len(), BodyPart::ALL.len());
        assert_eq!(f.body_parts[0].label, "Hand");
        let sides: Vec<_> = f.sides.iter().map(|c| (c.sides.clone(), c.label.as_str())).collect();
        assert_eq!(
            sides,
            [
                (vec![Side::Left], "Left"),
                (vec![Side::Right], "Right"),
                (vec![Side::Left, Side::Right], "Both sides")
            ]
        );
        assert_eq!(f.handedness.len(), 3);
        assert_eq!(f.skin_tones.len(), 6);
        for (i, tone) in f.skin_tones.iter().enumerate() {
            assert_eq!((tone.tone as usize, tone.sample.skin_tone as usize), (i, i));
            crate::api::render_stimulus(tone.sample, 256, crate::stimulus::Backdrop::Light).unwrap();
            // Every tone offered is one the profile takes.
            p.update_profile(ProfileUpdate { skin_tone: Some(tone.tone), ..Default::default() }).unwrap();
        }
        for words in ["memory", "eyesight", "anxiety", "cannot tell"] {
            assert!(f.check_first.contains(words), "{words}: {}", f.check_first);
        }
        p.set_language("de".into());
        let de = p.onboarding_form().unwrap();
        assert_eq!(de.body_parts[1].label, "Fuß");
        assert!(de.check_first.contains("Gedächtnis"));
    }

    #[test]
    fn reminder_choices_are_what_the_core_accepts() {
        let (_d, p) = open();
        let f = p.reminder_form().unwrap();
        let values = |s: &forms::SettingChoice| s.value;
        let start: Vec<i32> = f.window_start.choices.iter().map(values).collect();
        assert_eq!((start[0], *start.last().unwrap(), start[1] - start[0]), (0, 1410, 30));
        assert_eq!(f.window_start.choices[16].label, "08:00");
        assert_eq!(f.window_end.choices.last().unwrap().label, "24:00");
        assert_eq!(
            f.weekdays.iter().map(|d| d.label.as_str()).collect::<Vec<_>>(),
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        );
        assert_eq!(f.targets.len(), crate::programme::SessionKind::ALL.len());
        assert_eq!(f.targets[0].field.label, "Left/right pictures");
        // Each end of each list is accepted by the settings' own check.
        let default = ReminderSettings::default();
        let per_day = &f.targets[0].field.choices;
        let gap = &f.min_gap.choices;
        assert_eq!(gap[0].label, "15 min");
        for s in [
            ReminderSettings { window_start_min: start[0], window_end_min: 1440, ..default.clone() },
            ReminderSettings {
                window_end_min: f.window_end.choices.last().unwrap().value,
                ..default.clone()
            },
            ReminderSettings { min_gap_min: gap[0].value, ..default.clone() },
            ReminderSettings { min_gap_min: gap.last().unwrap().value, ..default.clone() },
            ReminderSettings {
                targets: vec![crate::reminders::KindTarget {
                    kind: f.targets[0].kind,
                    per_day: per_day.last().unwrap().value,
                }],
                ..default.clone()
            },
        ] {
            p.set_reminder_settings(s.clone()).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        }
        let beyond = ReminderSettings { min_gap_min: gap.last().unwrap().value + 15, ..default };
        assert!(p.set_reminder_settings(beyond).is_err());

        let snooze: Vec<_> = p.snooze_choices().iter().map(|c| (c.minutes, c.label.clone())).collect();
        assert_eq!(snooze, [(10, "In 10 min".into()), (30, "In 30 min".into()), (60, "In 60 min".into())]);
        let refused = |minutes| {
            matches!(
                p.snooze_reminder("20261102-left-right-0".into(), minutes, at(MONDAY_9AM)),
                Err(crate::ProprioError::InvalidArgument { field, .. }) if field == "minutes"
            )
        };
        assert!(refused(15));
        assert!(p.snooze_choices().iter().all(|c| !refused(c.minutes)));
    }
}
