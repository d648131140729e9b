//! The programme across the FFI: `today` (what to do next and why, today's sessions
//! against the targets, the next reminder, safety messages, every painful body part's
//! stage), the stage history, and a body part's stage plan.

use super::{Proprio, Result};
use crate::programme::StagePlan;
use crate::stimulus::BodyPart;
use crate::time::WallTime;
use crate::usecases::programme::{self as usecase, NextStep, StageStatus, StageTransition, Today};

#[uniffi::export]
impl Proprio {
    /// Today, for the home screen to draw as it is. Evaluates every painful body part's
    /// stage first (and stores any transition), so it is never out of date.
    pub fn today(&self, now: WallTime) -> Result<Today> {
        Ok(usecase::today(&self.store, &now, &self.params_in_force()?, self.locale())?)
    }

    /// The step a tapped reminder opens, from its deep link (`PlannedReminder.deep_link`):
    /// the painful part that practises the reminder's kind today, or what Today offers
    /// (set up first, done for today). The shell opens it as it opens Today's next step; a
    /// link that is not a reminder's is refused naming `link`.
    pub fn reminder_step(&self, link: String, now: WallTime) -> Result<NextStep> {
        Ok(usecase::reminder_step(&self.store, &link, &now, &self.params_in_force()?, self.locale())?)
    }

    /// Every stored stage transition and flare event, oldest first: of one body part, or
    /// of all when `None`.
    pub fn stage_history(&self, body_part: Option<BodyPart>) -> Result<Vec<StageTransition>> {
        Ok(usecase::history(&self.store, body_part, self.locale())?)
    }

    /// The stage plan in force for a body part (its track's default until one is set).
    pub fn stage_plan(&self, body_part: BodyPart) -> Result<StagePlan> {
        Ok(usecase::stage_plan(&self.store, body_part)?)
    }

    /// Sets a body part's stage plan (order, skipped stages, a lock, minimum days) and
    /// applies it at once; errors name `plan.<field>` and change nothing.
    pub fn set_stage_plan(&self, body_part: BodyPart, plan: StagePlan, now: WallTime) -> Result<StageStatus> {
        Ok(usecase::set_stage_plan(
            &self.store,
            body_part,
            &plan,
            &now,
            &self.params_in_force()?,
            self.locale(),
        )?)
    }
}
