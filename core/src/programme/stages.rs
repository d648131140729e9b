//! The stage machine: which stage of its track a body part is in, and what happens next.
//!
//! Pure: the use case (`usecases/programme.rs`) gathers the facts — the plan, the stage the
//! patient is in and since when, what the stage's gate still misses, whether pain is in a
//! flare — and [`decide`] returns one typed [`StageDecision`]. The sentence a patient
//! reads is made from the decision (`programme/words.rs`), never the other way round.
//!
//! Rules, in order: a patient not yet in a stage enters the first one of the plan (or the
//! locked one); a therapist's lock moves the patient to the locked stage and keeps them
//! there; a stage the plan no longer runs (skipped, or left out of the order) is passed
//! over to the next one the plan runs; during a flare nobody moves on and easing back is
//! suggested; otherwise the patient moves on when the stage's gate has no blockers and
//! the stage's minimum days have passed.

use super::flare::FlareSign;
use super::{Stage, Track};
use crate::error::{Error, Result};
use crate::laterality::GateBlocker;
use crate::params::Parameters;
use crate::text::text_enum;
use serde::{Deserialize, Serialize};

/// A stage's own minimum days, overriding `min_days_per_stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct StageMinDays {
    pub stage: Stage,
    pub days: u32,
}

/// How one body part goes through its track: the therapist's plan, as the stage machine
/// reads it. Without a plan, [`StagePlan::default_for`] the body part's track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct StagePlan {
    pub track: Track,
    /// The stages in the order they are practised: some or all of the track's, each once.
    pub order: Vec<Stage>,
    /// Stages of `order` passed over.
    pub skipped: Vec<Stage>,
    /// A stage the patient is moved to and kept in until the lock is lifted.
    pub locked: Option<Stage>,
    /// Minimum days for some stages; the others take `min_days_per_stage`.
    pub min_days: Vec<StageMinDays>,
}

/// Most days a plan may hold a patient in a stage before the gate may move them on
/// (the same range as `min_days_per_stage`).
const MAX_MIN_DAYS: u32 = 90;

impl StagePlan {
    /// The track's stages in their default order, none skipped or locked, every stage's
    /// minimum days from the parameter table.
    pub fn default_for(track: Track) -> StagePlan {
        StagePlan { track, order: track.stages().to_vec(), skipped: vec![], locked: None, min_days: vec![] }
    }

    /// Checks the plan against its track; errors name `<field>.order`, `<field>.locked`, …
    pub fn validate(&self, field: &str) -> Result<()> {
        let stages = self.track.stages();
        let bad = |part: &str, reason: String| Err(Error::invalid(&format!("{field}.{part}"), reason));
        if self.order.is_empty() {
            return bad("order", "names no stage".into());
        }
        for (i, stage) in self.order.iter().enumerate() {
            if !stages.contains(stage) {
                return bad("order", format!("{stage} is not a stage of the {} track", self.track));
            }
            if self.order[..i].contains(stage) {
                return bad("order", format!("{stage} is listed twice"));
            }
        }
        for (i, stage) in self.skipped.iter().enumerate() {
            if !self.order.contains(stage) || self.skipped[..i].contains(stage) {
                return bad("skipped", format!("{stage} is not a stage of the order, or is listed twice"));
            }
        }
        if self.active().is_empty() {
            return bad("skipped", "every stage is skipped".into());
        }
        if let Some(stage) = self.locked.filter(|s| !self.active().contains(s)) {
            return bad("locked", format!("{stage} is not a stage the plan runs"));
        }
        for (i, m) in self.min_days.iter().enumerate() {
            if !self.order.contains(&m.stage) || self.min_days[..i].iter().any(|o| o.stage == m.stage) {
                return bad(
                    "min_days",
                    format!("{} is not a stage of the order, or is listed twice", m.stage),
                );
            }
            if m.days > MAX_MIN_DAYS {
                return bad(
                    "min_days",
                    format!("{} days for {} is outside 0..={MAX_MIN_DAYS}", m.days, m.stage),
                );
            }
        }
        Ok(())
    }

    /// The stages the patient goes through, in order (the order without the skipped ones).
    pub fn active(&self) -> Vec<Stage> {
        self.order.iter().copied().filter(|s| !self.skipped.contains(s)).collect()
    }

    /// The least days in `stage` before moving on.
    pub fn min_days(&self, stage: Stage, params: &Parameters) -> u32 {
        self.min_days.iter().find(|m| m.stage == stage).map_or(params.min_days_per_stage, |m| m.days)
    }

    /// The stage the plan runs after `stage`: the next active one in its order. A stage
    /// the plan no longer runs is followed by the first active stage after its place in
    /// the order, or by the first active stage if the order leaves it out.
    pub fn next_after(&self, stage: Stage) -> Option<Stage> {
        let active = self.active();
        match self.order.iter().position(|s| *s == stage) {
            Some(i) => self.order[i + 1..].iter().copied().find(|s| active.contains(s)),
            None => active.first().copied(),
        }
    }

    /// The active stage before `stage`, if any.
    pub fn previous_before(&self, stage: Stage) -> Option<Stage> {
        let active = self.active();
        let i = active.iter().position(|s| *s == stage)?;
        i.checked_sub(1).map(|j| active[j])
    }
}

/// Why a patient entered a stage without passing a gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum EntryReason {
    /// The first stage of the plan, when the programme starts.
    Started,
    /// A therapist's lock.
    TherapistLock,
    /// The plan no longer runs the stage the patient was in (skipped or taken out).
    PlanChanged,
}

text_enum!(
    /// Who or what caused a stored transition.
    TransitionOrigin {
        /// The stage machine: the start, or a gate passed.
        Automatic => "automatic",
        /// A therapist's plan: a lock, a skipped or reordered stage.
        Therapist => "therapist",
        /// The flare rule: a flare began or ended.
        Flare => "flare",
    }
);

/// Why a transition was stored, with the values that decided it. Flare events keep the
/// patient in their stage (from and to are the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case", tag = "code")]
pub enum TransitionReason {
    /// The programme started in this stage.
    Started,
    /// A therapist's lock moved the patient here.
    TherapistLock,
    /// The plan no longer runs the stage the patient was in.
    PlanChanged,
    /// The gate was met after `days_in_stage` days (the minimum was `min_days`).
    GatePassed { days_in_stage: u32, min_days: u32 },
    /// The flare rule saw these signs.
    FlareBegan { signs: Vec<FlareSign> },
    /// The flare rule sees no sign any more.
    FlareEnded,
}

impl TransitionReason {
    pub fn entered(reason: EntryReason) -> TransitionReason {
        match reason {
            EntryReason::Started => TransitionReason::Started,
            EntryReason::TherapistLock => TransitionReason::TherapistLock,
            EntryReason::PlanChanged => TransitionReason::PlanChanged,
        }
    }

    /// The stored code, e.g. `gate-passed`.
    pub fn code(&self) -> &'static str {
        match self {
            TransitionReason::Started => "started",
            TransitionReason::TherapistLock => "therapist-lock",
            TransitionReason::PlanChanged => "plan-changed",
            TransitionReason::GatePassed { .. } => "gate-passed",
            TransitionReason::FlareBegan { .. } => "flare-began",
            TransitionReason::FlareEnded => "flare-ended",
        }
    }

    pub fn origin(&self) -> TransitionOrigin {
        match self {
            TransitionReason::Started | TransitionReason::GatePassed { .. } => TransitionOrigin::Automatic,
            TransitionReason::TherapistLock | TransitionReason::PlanChanged => TransitionOrigin::Therapist,
            TransitionReason::FlareBegan { .. } | TransitionReason::FlareEnded => TransitionOrigin::Flare,
        }
    }

    /// A flare event rather than a change of stage.
    pub fn is_flare(&self) -> bool {
        self.origin() == TransitionOrigin::Flare
    }
}

/// One thing that keeps the patient in their stage, with its numbers.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case", tag = "code")]
pub enum StageBlocker {
    /// Left/right judgement: a blocker of its own gate (laterality/gate.rs).
    Laterality { gate: GateBlocker },
    /// Fewer completed sessions of the stage than its gate needs.
    TooFewSessions { have: u32, need: u32 },
    /// The stage's sessions fall on too few different days.
    TooFewDays { have: u32, need: u32 },
    /// Motor imagery: the rated sessions' median vividness is under the goal.
    VividnessBelowGoal { median: f64, need: f64 },
    /// Mirror therapy: too few calm sessions since one felt worse.
    FeltWorseRecently { calm_sessions: u32, need: u32 },
    /// The stage's minimum time has not passed: today is day `day` of `need`.
    TooFewDaysInStage { day: u32, need: u32 },
    /// The plan runs no stage after this one (then the only blocker).
    LastStage,
}

/// What easing back means now: fewer pictures, an easier level, an earlier stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct EaseBack {
    /// Left/right sessions start with at most this many pictures during the flare.
    pub images_per_session: u32,
    /// In left/right judgement: one level easier than the ladder's (none at the lowest).
    pub level: Option<u32>,
    /// The stage before this one in the plan, to go back to for a while.
    pub earlier_stage: Option<Stage>,
}

/// What the stage machine decides for one body part.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case", tag = "decision")]
pub enum StageDecision {
    /// Move into `to` without a gate: the start, a lock, a changed plan.
    Enter { to: Stage, reason: EntryReason },
    /// The gate is met and the minimum days have passed.
    Advance { from: Stage, to: Stage },
    /// Stay: each blocker is something still missing.
    Stay { blockers: Vec<StageBlocker> },
    /// Pain is in a flare: nobody moves on; easing back is suggested.
    EaseBack { ease: EaseBack },
    /// A therapist keeps the patient in this stage.
    Locked,
}

/// Where a body part stands: its stage and the local day it entered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Current {
    pub stage: Stage,
    pub entered_day: i64,
}

/// The facts [`decide`] reads.
pub struct Facts<'a> {
    pub plan: &'a StagePlan,
    pub current: Option<Current>,
    /// Today's local day number.
    pub today: i64,
    /// What the current stage's gate still misses (without the minimum days, added here).
    pub gate: &'a [StageBlocker],
    pub flare: bool,
    /// The left/right ladder's current level.
    pub level: u32,
}

/// Days since entering, counting the day of entry as day 1.
pub fn days_in_stage(current: Current, today: i64) -> u32 {
    u32::try_from(today - current.entered_day + 1).unwrap_or(0)
}

/// The decision for one body part (see the module's rules).
pub fn decide(f: &Facts, params: &Parameters) -> StageDecision {
    let active = f.plan.active();
    let Some(current) = f.current else {
        let to = f.plan.locked.or(active.first().copied()).unwrap_or(Stage::LeftRight);
        return StageDecision::Enter { to, reason: EntryReason::Started };
    };
    if let Some(locked) = f.plan.locked {
        return if locked == current.stage {
            StageDecision::Locked
        } else {
            StageDecision::Enter { to: locked, reason: EntryReason::TherapistLock }
        };
    }
    if !active.contains(&current.stage)
        && let Some(to) = f.plan.next_after(current.stage)
    {
        return StageDecision::Enter { to, reason: EntryReason::PlanChanged };
    }
    if f.flare {
        return StageDecision::EaseBack { ease: ease_back(f.plan, current.stage, f.level, params) };
    }
    let Some(to) = f.plan.next_after(current.stage) else {
        return StageDecision::Stay { blockers: vec![StageBlocker::LastStage] };
    };
    let mut blockers = f.gate.to_vec();
    let (day, need) = (days_in_stage(current, f.today), f.plan.min_days(current.stage, params));
    if day < need {
        blockers.push(StageBlocker::TooFewDaysInStage { day, need });
    }
    if blockers.is_empty() {
        StageDecision::Advance { from: current.stage, to }
    } else {
        StageDecision::Stay { blockers }
    }
}

fn ease_back(plan: &StagePlan, stage: Stage, level: u32, params: &Parameters) -> EaseBack {
    EaseBack {
        images_per_session: params.flare_images_per_session.min(params.images_per_session),
        level: (stage == Stage::LeftRight && level > 1).then(|| level - 1),
        earlier_stage: plan.previous_before(stage),
    }
}

/// Stage 1's gate blockers as the stage machine sees them. Its own minimum-days blocker
/// is dropped: the machine applies the plan's minimum days to every stage alike.
pub fn laterality_blockers(blockers: &[GateBlocker]) -> Vec<StageBlocker> {
    blockers
        .iter()
        .filter(|b| !matches!(b, GateBlocker::TooFewDaysInStage { .. }))
        .map(|b| StageBlocker::Laterality { gate: b.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gmi() -> StagePlan {
        StagePlan::default_for(Track::Gmi)
    }

    fn facts<'a>(
        plan: &'a StagePlan,
        current: Option<(Stage, i64)>,
        today: i64,
        gate: &'a [StageBlocker],
    ) -> Facts<'a> {
        Facts {
            plan,
            current: current.map(|(stage, entered_day)| Current { stage, entered_day }),
            today,
            gate,
            flare: false,
            level: 6,
        }
    }

    fn decide_default(f: &Facts) -> StageDecision {
        decide(f, &Parameters::default())
    }

    #[test]
    fn a_new_patient_enters_the_first_stage_of_the_plan_or_the_locked_one() {
        let plan = gmi();
        assert_eq!(
            decide_default(&facts(&plan, None, 100, &[])),
            StageDecision::Enter { to: Stage::LeftRight, reason: EntryReason::Started }
        );
        let resolve = StagePlan::default_for(Track::Resolve);
        assert_eq!(
            decide_default(&facts(&resolve, None, 100, &[])),
            StageDecision::Enter { to: Stage::SensoryDiscrimination, reason: EntryReason::Started }
        );
        let locked = StagePlan { locked: Some(Stage::Mirror), ..gmi() };
        assert_eq!(
            decide_default(&facts(&locked, None, 100, &[])),
            StageDecision::Enter { to: Stage::Mirror, reason: EntryReason::Started }
        );
    }

    #[test]
    fn moving_on_needs_the_gate_and_fourteen_days() {
        let plan = gmi();
        // Entered on day 100: day 113 is day 14.
        assert_eq!(
            decide_default(&facts(&plan, Some((Stage::LeftRight, 100)), 112, &[])),
            StageDecision::Stay { blockers: vec![StageBlocker::TooFewDaysInStage { day: 13, need: 14 }] }
        );
        assert_eq!(
            decide_default(&facts(&plan, Some((Stage::LeftRight, 100)), 113, &[])),
            StageDecision::Advance { from: Stage::LeftRight, to: Stage::MotorImagery }
        );
        let gate = [StageBlocker::TooFewSessions { have: 4, need: 10 }];
        assert_eq!(
            decide_default(&facts(&plan, Some((Stage::MotorImagery, 100)), 130, &gate)),
            StageDecision::Stay { blockers: gate.to_vec() }
        );
        assert_eq!(
            decide_default(&facts(&plan, Some((Stage::GradedMovement, 100)), 300, &[])),
            StageDecision::Stay { blockers: vec![StageBlocker::LastStage] }
        );
        let short = StagePlan { min_days: vec![StageMinDays { stage: Stage::LeftRight, days: 3 }], ..gmi() };
        assert_eq!(
            decide_default(&facts(&short, Some((Stage::LeftRight, 100)), 102, &[])),
            StageDecision::Advance { from: Stage::LeftRight, to: Stage::MotorImagery }
        );
    }

    #[test]
    fn a_lock_holds_and_moves_a_skipped_stage_is_passed_over_order_is_the_plans() {
        let locked = StagePlan { locked: Some(Stage::LeftRight), ..gmi() };
        assert_eq!(
            decide_default(&facts(&locked, Some((Stage::LeftRight, 0)), 300, &[])),
            StageDecision::Locked
        );
        let later = StagePlan { locked: Some(Stage::Mirror), ..gmi() };
        assert_eq!(
            decide_default(&facts(&later, Some((Stage::LeftRight, 0)), 1, &[])),
            StageDecision::Enter { to: Stage::Mirror, reason: EntryReason::TherapistLock }
        );
        let skip = StagePlan { skipped: vec![Stage::MotorImagery], ..gmi() };
        assert_eq!(
            decide_default(&facts(&skip, Some((Stage::LeftRight, 0)), 20, &[])),
            StageDecision::Advance { from: Stage::LeftRight, to: Stage::Mirror }
        );
        assert_eq!(
            decide_default(&facts(&skip, Some((Stage::MotorImagery, 0)), 1, &[])),
            StageDecision::Enter { to: Stage::Mirror, reason: EntryReason::PlanChanged }
        );
        let order = StagePlan {
            order: vec![Stage::MotorImagery, Stage::LeftRight, Stage::Mirror, Stage::GradedMovement],
            ..gmi()
        };
        assert_eq!(
            decide_default(&facts(&order, None, 0, &[])),
            StageDecision::Enter { to: Stage::MotorImagery, reason: EntryReason::Started }
        );
        assert_eq!(
            decide_default(&facts(&order, Some((Stage::MotorImagery, 0)), 20, &[])),
            StageDecision::Advance { from: Stage::MotorImagery, to: Stage::LeftRight }
        );
    }

    #[test]
    fn a_flare_never_moves_on_and_suggests_easing_back() {
        let plan = gmi();
        let mut f = facts(&plan, Some((Stage::Mirror, 0)), 30, &[]);
        f.flare = true;
        assert_eq!(
            decide_default(&f),
            StageDecision::EaseBack {
                ease: EaseBack {
                    images_per_session: 25,
                    level: None,
                    earlier_stage: Some(Stage::MotorImagery)
                }
            }
        );
        let mut f = facts(&plan, Some((Stage::LeftRight, 0)), 30, &[]);
        (f.flare, f.level) = (true, 4);
        assert_eq!(
            decide_default(&f),
            StageDecision::EaseBack {
                ease: EaseBack { images_per_session: 25, level: Some(3), earlier_stage: None }
            }
        );
        // A therapist's lock still holds during a flare.
        let locked = StagePlan { locked: Some(Stage::LeftRight), ..gmi() };
        let mut f = facts(&locked, Some((Stage::LeftRight, 0)), 30, &[]);
        f.flare = true;
        assert_eq!(decide_default(&f), StageDecision::Locked);
    }

    #[test]
    fn plans_are_checked_against_their_track() {
        let field = |plan: StagePlan| match plan.validate("plan") {
            Err(Error::InvalidArgument { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        gmi().validate("plan").unwrap();
        StagePlan::default_for(Track::Resolve).validate("plan").unwrap();
        assert_eq!(field(StagePlan { order: vec![], ..gmi() }), "plan.order");
        assert_eq!(field(StagePlan { track: Track::Resolve, ..gmi() }), "plan.order");
        assert_eq!(field(StagePlan { order: vec![Stage::Mirror, Stage::Mirror], ..gmi() }), "plan.order");
        assert_eq!(field(StagePlan { skipped: gmi().order, ..gmi() }), "plan.skipped");
        assert_eq!(field(StagePlan { skipped: vec![Stage::SensoryDiscrimination], ..gmi() }), "plan.skipped");
        let skipped_lock = StagePlan { skipped: vec![Stage::Mirror], locked: Some(Stage::Mirror), ..gmi() };
        assert_eq!(field(skipped_lock), "plan.locked");
        let long = StagePlan { min_days: vec![StageMinDays { stage: Stage::Mirror, days: 91 }], ..gmi() };
        assert_eq!(field(long), "plan.min_days");
    }

    #[test]
    fn stage_one_keeps_its_gate_blockers_but_not_its_own_day_count() {
        let blockers = [
            GateBlocker::TooFewSessions { have: 1, need: 3 },
            GateBlocker::TooFewDaysInStage { day: 2, need: 14 },
        ];
        assert_eq!(
            laterality_blockers(&blockers),
            vec![StageBlocker::Laterality { gate: GateBlocker::TooFewSessions { have: 1, need: 3 } }]
        );
    }
}
