//! What a new plan changes for the patient, as typed changes, and the sentence for each
//! (from the `plan` catalogue), so the patient sees what their therapist changed.

use super::TherapyPlan;
use crate::error::Result;
use crate::messages::{self, Locale, t};
use crate::params::Parameters;
use crate::programme::{SessionKind, Stage, Track};
use crate::reminders::{QuietHours, ReminderSettings};
use crate::stimulus::{BodyPart, Side};
use serde::{Deserialize, Serialize};

/// One thing a new plan changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Enum)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum PlanChange {
    /// The first plan from a therapist.
    FirstPlan,
    /// The plan is the same as the one before.
    Unchanged,
    Parameter {
        key: String,
        from: f64,
        to: f64,
    },
    DailyTarget {
        kind: SessionKind,
        from: u32,
        to: u32,
    },
    ReminderWindow {
        start_min: i32,
        end_min: i32,
    },
    QuietHours {
        periods: Vec<QuietHours>,
    },
    TrackAdded {
        body_part: BodyPart,
        side: Side,
        track: Track,
    },
    TrackRemoved {
        body_part: BodyPart,
    },
    TrackChanged {
        body_part: BodyPart,
        track: Track,
    },
    StageOrder {
        body_part: BodyPart,
        stages: Vec<Stage>,
    },
    StageLocked {
        body_part: BodyPart,
        stage: Stage,
    },
    StageUnlocked {
        body_part: BodyPart,
        stage: Stage,
    },
    StageSkipped {
        body_part: BodyPart,
        stage: Stage,
    },
    StageResumed {
        body_part: BodyPart,
        stage: Stage,
    },
    StageMinDays {
        body_part: BodyPart,
        stage: Stage,
        from: u32,
        to: u32,
    },
    Instructions {
        text: String,
    },
    InstructionsRemoved,
}

/// The changes from the plan before (`None`: none yet, so the defaults) to `new`, and
/// from the reminder settings before to after it was applied.
pub fn between(
    old: Option<&TherapyPlan>,
    new: &TherapyPlan,
    old_settings: &ReminderSettings,
    new_settings: &ReminderSettings,
) -> Result<Vec<PlanChange>> {
    let mut out = Vec::new();
    if old.is_none() {
        out.push(PlanChange::FirstPlan);
    }
    let old_params = old.map_or_else(|| Ok(Parameters::default()), TherapyPlan::parameters)?;
    let new_params = new.parameters()?;
    for (before, after) in old_params.table().into_iter().zip(new_params.table()) {
        if before.value != after.value {
            out.push(PlanChange::Parameter { key: after.key, from: before.value, to: after.value });
        }
    }
    for &kind in SessionKind::ALL {
        let (from, to) = (old_settings.target(kind), new_settings.target(kind));
        if from != to {
            out.push(PlanChange::DailyTarget { kind, from, to });
        }
    }
    let window = |s: &ReminderSettings| (s.window_start_min, s.window_end_min);
    if window(old_settings) != window(new_settings) {
        let (start_min, end_min) = window(new_settings);
        out.push(PlanChange::ReminderWindow { start_min, end_min });
    }
    if old_settings.quiet_hours != new_settings.quiet_hours {
        out.push(PlanChange::QuietHours { periods: new_settings.quiet_hours.clone() });
    }
    tracks(old, new, &old_params, &new_params, &mut out);
    let old_text = old.and_then(|p| p.instructions.as_deref());
    match (&new.instructions, old_text) {
        (Some(text), before) if before != Some(text.as_str()) => {
            out.push(PlanChange::Instructions { text: text.clone() })
        }
        (None, Some(_)) => out.push(PlanChange::InstructionsRemoved),
        _ => {}
    }
    if out.is_empty() {
        out.push(PlanChange::Unchanged);
    }
    Ok(out)
}

fn tracks(
    old: Option<&TherapyPlan>,
    new: &TherapyPlan,
    old_params: &Parameters,
    new_params: &Parameters,
    out: &mut Vec<PlanChange>,
) {
    for t in &new.tracks {
        let body_part = t.body_part;
        let Some(before) = old.and_then(|o| o.track_for(body_part)) else {
            out.push(PlanChange::TrackAdded { body_part, side: t.side, track: t.track });
            continue;
        };
        if before.track != t.track {
            out.push(PlanChange::TrackChanged { body_part, track: t.track });
            continue;
        }
        let order = |stages: &[super::PlanStage]| stages.iter().map(|s| s.stage).collect::<Vec<_>>();
        if order(&before.stages) != order(&t.stages) {
            out.push(PlanChange::StageOrder { body_part, stages: order(&t.stages) });
        }
        for s in &t.stages {
            let stage = s.stage;
            let Some(b) = before.stages.iter().find(|b| b.stage == stage) else { continue };
            match (b.locked, s.locked) {
                (false, true) => out.push(PlanChange::StageLocked { body_part, stage }),
                (true, false) => out.push(PlanChange::StageUnlocked { body_part, stage }),
                _ => {}
            }
            match (b.skip, s.skip) {
                (false, true) => out.push(PlanChange::StageSkipped { body_part, stage }),
                (true, false) => out.push(PlanChange::StageResumed { body_part, stage }),
                _ => {}
            }
            let from = b.min_days.unwrap_or(old_params.min_days_per_stage);
            let to = s.min_days.unwrap_or(new_params.min_days_per_stage);
            if from != to && !s.skip {
                out.push(PlanChange::StageMinDays { body_part, stage, from, to });
            }
        }
    }
    for t in old.map_or(&[][..], |o| &o.tracks) {
        if new.track_for(t.body_part).is_none() {
            out.push(PlanChange::TrackRemoved { body_part: t.body_part });
        }
    }
    // A new track's stages are shown as they are, so a lock or skip in it is news too.
    for t in &new.tracks {
        if old.and_then(|o| o.track_for(t.body_part)).is_none() {
            for s in &t.stages {
                let (body_part, stage) = (t.body_part, s.stage);
                if s.locked {
                    out.push(PlanChange::StageLocked { body_part, stage });
                }
                if s.skip {
                    out.push(PlanChange::StageSkipped { body_part, stage });
                }
            }
        }
    }
}

/// The sentence the patient reads for a change.
pub fn sentence(change: &PlanChange, locale: Locale) -> String {
    let part = |p: BodyPart| body_part(p, locale);
    let stage_name = |s: Stage| stage(s, locale);
    match change {
        PlanChange::FirstPlan => t!(locale, "plan-first"),
        PlanChange::Unchanged => t!(locale, "plan-unchanged"),
        PlanChange::Parameter { key, from, to } => t!(
            locale,
            "plan-parameter",
            name = messages::text(locale, &format!("param-{key}"), &[]),
            from = value(*from, locale),
            to = value(*to, locale),
        ),
        PlanChange::DailyTarget { kind, from, to } => {
            t!(locale, "plan-target", kind = session_kind(*kind, locale), from = *from, to = *to,)
        }
        PlanChange::ReminderWindow { start_min, end_min } => {
            t!(locale, "plan-window", window = span(*start_min, *end_min))
        }
        PlanChange::QuietHours { periods } if periods.is_empty() => t!(locale, "plan-quiet-none"),
        PlanChange::QuietHours { periods } => {
            let list: Vec<String> = periods.iter().map(|q| span(q.start_min, q.end_min)).collect();
            t!(locale, "plan-quiet", periods = list.join(", "))
        }
        PlanChange::TrackAdded { body_part, side, track } => t!(
            locale,
            "plan-track-added",
            part = part(*body_part),
            side = side_name(*side, locale),
            track = track_name(*track, locale),
        ),
        PlanChange::TrackRemoved { body_part } => t!(locale, "plan-track-removed", part = part(*body_part)),
        PlanChange::TrackChanged { body_part, track } => {
            t!(locale, "plan-track-changed", part = part(*body_part), track = track_name(*track, locale))
        }
        PlanChange::StageOrder { body_part, stages } => {
            let list: Vec<String> = stages.iter().map(|s| stage_name(*s)).collect();
            t!(locale, "plan-stage-order", part = part(*body_part), stages = list.join(" → "))
        }
        PlanChange::StageLocked { body_part, stage } => {
            t!(locale, "plan-stage-locked", part = part(*body_part), stage = stage_name(*stage))
        }
        PlanChange::StageUnlocked { body_part, stage } => {
            t!(locale, "plan-stage-unlocked", part = part(*body_part), stage = stage_name(*stage))
        }
        PlanChange::StageSkipped { body_part, stage } => {
            t!(locale, "plan-stage-skipped", part = part(*body_part), stage = stage_name(*stage))
        }
        PlanChange::StageResumed { body_part, stage } => {
            t!(locale, "plan-stage-resumed", part = part(*body_part), stage = stage_name(*stage))
        }
        PlanChange::StageMinDays { body_part, stage, from, to } => t!(
            locale,
            "plan-stage-min-days",
            part = part(*body_part),
            stage = stage_name(*stage),
            from = *from,
            to = *to,
        ),
        PlanChange::Instructions { text } => t!(locale, "plan-instructions", text = text.as_str()),
        PlanChange::InstructionsRemoved => t!(locale, "plan-instructions-removed"),
    }
}

/// A plan in sentences, for the plan screen: each track with its stages in order (a
/// lock, a stage's minimum days where they differ from the plan's usual, what is left
/// out), the parameters it sets to other than their defaults, the daily targets, the
/// reminder times and the therapist's note.
pub fn summary(plan: &TherapyPlan, locale: Locale) -> Vec<String> {
    let mut out = Vec::new();
    let defaults = Parameters::default();
    let usual_days = plan.parameters().map_or(defaults.min_days_per_stage, |p| p.min_days_per_stage);
    for track in &plan.tracks {
        let stages: Vec<String> = track
            .stages
            .iter()
            .filter(|s| !s.skip)
            .map(|s| match (s.locked, s.min_days) {
                (true, _) => t!(locale, "plan-summary-stage-locked", stage = stage(s.stage, locale)),
                (false, Some(days)) if days != usual_days => {
                    t!(locale, "plan-summary-stage-days", stage = stage(s.stage, locale), days = days)
                }
                (false, _) => stage(s.stage, locale),
            })
            .collect();
        out.push(t!(
            locale,
            "plan-summary-track",
            part = body_part(track.body_part, locale),
            side = side_name(track.side, locale),
            track = track_name(track.track, locale),
            stages = stages.join(" → "),
        ));
        let skipped: Vec<String> =
            track.stages.iter().filter(|s| s.skip).map(|s| stage(s.stage, locale)).collect();
        if !skipped.is_empty() {
            out.push(t!(
                locale,
                "plan-summary-skipped",
                part = body_part(track.body_part, locale),
                stages = skipped.join(", ")
            ));
        }
    }
    let default_table = defaults.table();
    for o in &plan.parameters {
        if default_table.iter().any(|row| row.key == o.key && row.value == o.value) {
            continue;
        }
        out.push(t!(
            locale,
            "plan-summary-parameter",
            name = messages::text(locale, &format!("param-{}", o.key), &[]),
            value = value(o.value, locale),
        ));
    }
    for target in plan.daily_targets.iter().flatten() {
        out.push(t!(
            locale,
            "plan-summary-target",
            kind = session_kind(target.kind, locale),
            count = target.per_day
        ));
    }
    if let Some(w) = plan.reminder_window {
        out.push(t!(locale, "plan-summary-window", window = span(w.start_min, w.end_min)));
    }
    match plan.quiet_hours.as_deref() {
        Some([]) => out.push(t!(locale, "plan-summary-quiet-none")),
        Some(periods) => {
            let list: Vec<String> = periods.iter().map(|q| span(q.start_min, q.end_min)).collect();
            out.push(t!(locale, "plan-quiet", periods = list.join(", ")));
        }
        None => {}
    }
    if let Some(text) = &plan.instructions {
        out.push(t!(locale, "plan-instructions", text = text.as_str()));
    }
    out
}

/// `09:00–20:30`, as a sentence writes a period.
pub(crate) fn span(start_min: i32, end_min: i32) -> String {
    format!("{:02}:{:02}–{:02}:{:02}", start_min / 60, start_min % 60, end_min / 60, end_min % 60)
}

pub(crate) fn value(x: f64, locale: Locale) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { messages::decimal(locale, x, 2) }
}

pub(crate) fn body_part(p: BodyPart, locale: Locale) -> String {
    match p {
        BodyPart::Hand => t!(locale, "plan-part-hand"),
        BodyPart::Foot => t!(locale, "plan-part-foot"),
        BodyPart::Back => t!(locale, "plan-part-back"),
        BodyPart::Neck => t!(locale, "plan-part-neck"),
        BodyPart::Knee => t!(locale, "plan-part-knee"),
        BodyPart::Shoulder => t!(locale, "plan-part-shoulder"),
    }
}

pub(crate) fn side_name(s: Side, locale: Locale) -> String {
    match s {
        Side::Left => t!(locale, "side-left"),
        Side::Right => t!(locale, "side-right"),
    }
}

pub(crate) fn track_name(track: Track, locale: Locale) -> String {
    match track {
        Track::Gmi => t!(locale, "plan-track-gmi"),
        Track::Resolve => t!(locale, "plan-track-resolve"),
    }
}

/// A stage's name: the same words as Today and the stage history use.
pub(crate) fn stage(s: Stage, locale: Locale) -> String {
    crate::programme::words::stage_name(locale, s)
}

pub(crate) fn session_kind(k: SessionKind, locale: Locale) -> String {
    match k {
        SessionKind::LeftRight => t!(locale, "plan-kind-left-right"),
        SessionKind::MotorImagery => t!(locale, "plan-kind-motor-imagery"),
        SessionKind::Mirror => t!(locale, "plan-kind-mirror"),
        SessionKind::Desensitisation => t!(locale, "plan-kind-desensitisation"),
        SessionKind::Exposure => t!(locale, "plan-kind-exposure"),
        SessionKind::SensoryDiscrimination => t!(locale, "plan-kind-sensory-discrimination"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Parameters;
    use crate::plan::tests::full_plan;

    #[test]
    fn a_first_plan_lists_what_differs_from_the_defaults() {
        let plan = full_plan();
        let before = ReminderSettings::default();
        let after = plan.reminder_settings(&before);
        let changes = between(None, &plan, &before, &after).unwrap();
        assert_eq!(changes[0], PlanChange::FirstPlan);
        assert!(changes.contains(&PlanChange::Parameter {
            key: "images_per_session".into(),
            from: 50.0,
            to: 30.0
        }));
        assert!(changes.contains(&PlanChange::DailyTarget {
            kind: SessionKind::MotorImagery,
            from: 0,
            to: 2
        }));
        assert!(changes.iter().any(|c| matches!(c, PlanChange::StageLocked { stage: Stage::LeftRight, .. })));
        assert!(changes.iter().any(|c| matches!(c, PlanChange::Instructions { .. })));
        for c in &changes {
            for locale in Locale::ALL {
                let text = sentence(c, *locale);
                assert!(
                    !text.contains("plan-") && !text.contains("param-") && !text.is_empty(),
                    "{c:?}: {text}"
                );
            }
        }
        let again = between(Some(&plan), &plan, &after, &after).unwrap();
        assert_eq!(again, vec![PlanChange::Unchanged]);
    }

    #[test]
    fn a_second_plan_lists_locks_skips_days_and_order() {
        let old = full_plan();
        let mut new = old.clone();
        let hand = &mut new.tracks[0];
        hand.stages[0].locked = false;
        hand.stages[1].skip = true;
        hand.stages[2].min_days = Some(21);
        hand.stages.swap(2, 3);
        new.instructions = None;
        let s = ReminderSettings::default();
        let changes = between(Some(&old), &new, &s, &s).unwrap();
        let (h, ls) = (BodyPart::Hand, Stage::LeftRight);
        assert!(changes.contains(&PlanChange::StageUnlocked { body_part: h, stage: ls }));
        assert!(changes.contains(&PlanChange::StageSkipped { body_part: h, stage: Stage::MotorImagery }));
        assert!(changes.contains(&PlanChange::StageMinDays {
            body_part: h,
            stage: Stage::Mirror,
            from: 14,
            to: 21
        }));
        assert!(changes.iter().any(|c| matches!(c, PlanChange::StageOrder { .. })));
        assert!(changes.contains(&PlanChange::InstructionsRemoved));
        assert_eq!(
            sentence(&PlanChange::StageUnlocked { body_part: h, stage: ls }, Locale::English),
            "Hand, left/right judgement: no longer locked. You move on when you are ready."
        );
    }

    #[test]
    fn a_plan_reads_as_sentences() {
        let lines = summary(&full_plan(), Locale::English);
        assert_eq!(
            lines[0],
            "Hand (left), graded motor imagery: left/right judgement (you stay here for now) → motor \
             imagery → mirror therapy → graded movement."
        );
        assert!(lines.iter().any(|l| l == "Back: left out: sensory discrimination."), "{lines:#?}");
        assert!(lines.iter().any(|l| l == "Pictures per left/right session: 30."), "{lines:#?}");
        assert!(lines.iter().any(|l| l == "Left/right sessions: 3 a day."), "{lines:#?}");
        assert!(lines.iter().any(|l| l == "Reminders between 09:00–20:30."), "{lines:#?}");
        assert!(lines.last().unwrap().starts_with("A note from your therapist: Three short"));
        for line in summary(&full_plan(), Locale::German) {
            assert!(!line.contains("plan-") && !line.contains("param-"), "{line}");
        }
    }

    #[test]
    fn every_parameter_has_a_name_in_every_catalogue() {
        for row in Parameters::default().table() {
            for locale in Locale::ALL {
                let id = format!("param-{}", row.key);
                assert_ne!(messages::text(*locale, &id, &[]), id, "{locale}: {id} is missing");
            }
        }
    }
}
