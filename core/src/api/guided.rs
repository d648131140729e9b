//! Guided sessions across the FFI: motor imagery, mirror therapy, desensitisation, graded
//! exposure and sensory drills, all one loop. A shell calls `start_guided`, draws each
//! `SessionStep` as it is (words, picture, timer, scale, choices), reports what the
//! patient did with `answer_step` (committed before it returns) and, when no step is
//! left, calls `finish_guided` and shows its message. The ladders and the drill
//! statistics are read and edited here too.

use super::{Proprio, Result, random_seed};
use crate::programme::SessionKind;
use crate::programme::steps::{self, CountdownWords, SessionStep, StepAnswer};
use crate::stimulus::BodyPart;
use crate::time::WallTime;
use crate::usecases::guided::{
    self, ExposureStep, GuidedResults, GuidedStart, RegionAccuracy, StepResult, TextureLadder,
};

#[uniffi::export]
impl Proprio {
    /// Starts a guided session of any kind but left/right (which starts with
    /// `start_left_right`). Without a seed one is drawn; either way it is stored.
    pub fn start_guided(
        &self,
        kind: SessionKind,
        body_part: BodyPart,
        seed: Option<u64>,
        now: WallTime,
    ) -> Result<GuidedStart> {
        let seed = seed.unwrap_or_else(random_seed);
        Ok(guided::start(&self.store, kind, body_part, seed, &self.params_in_force()?, &now, self.locale())?)
    }

    /// The step to show now (e.g. after the app was restored), or `None` when the steps
    /// are over and the session can be finished.
    pub fn current_step(&self, session_id: i64) -> Result<Option<SessionStep>> {
        Ok(guided::current(&self.store, session_id, self.locale())?)
    }

    /// Records what the patient did at step `index` and returns the next step. A rating
    /// outside the step's scale, a choice it does not offer or the wrong kind of answer
    /// is refused with the field named (`answer.value`, `answer.id`, `answer`, `index`).
    pub fn answer_step(
        &self,
        session_id: i64,
        index: u32,
        answer: StepAnswer,
        now: WallTime,
    ) -> Result<StepResult> {
        Ok(guided::answer(&self.store, session_id, index, answer, &now, self.locale())?)
    }

    /// Ends a guided session whose steps are over: completed, or aborted if the patient
    /// stopped. Returns its results and what it opened up next (a texture, a phase, the
    /// next exposure step, more mirror movements).
    pub fn finish_guided(&self, session_id: i64, now: WallTime) -> Result<GuidedResults> {
        Ok(guided::finish(&self.store, session_id, &self.params_in_force()?, &now, self.locale())?)
    }

    /// A guided session's answers and how it ended.
    pub fn guided_results(&self, session_id: i64) -> Result<GuidedResults> {
        Ok(guided::results(&self.store, session_id, self.locale())?)
    }

    /// When "felt worse" was answered after mirror therapy, oldest first (one body part,
    /// or all when `None`).
    pub fn felt_worse_times(&self, body_part: Option<BodyPart>) -> Result<Vec<WallTime>> {
        Ok(guided::felt_worse_times(&self.store, body_part)?)
    }

    /// The texture ladder and where `body_part` stands on it.
    pub fn texture_ladder(&self, body_part: BodyPart) -> Result<TextureLadder> {
        Ok(guided::texture_ladder(&self.store, body_part, &self.params_in_force()?, self.locale())?)
    }

    /// Replaces the texture ladder, softest first: 1–12 names of 1–40 characters, none
    /// twice (errors name `textures` or `textures[i]`). Returns the names as stored.
    pub fn set_textures(&self, textures: Vec<String>) -> Result<Vec<String>> {
        Ok(guided::set_textures(&self.store, &textures)?)
    }

    /// The exposure ladder, least feared first, with the step to practise next marked.
    pub fn exposure_ladder(&self) -> Result<Vec<ExposureStep>> {
        Ok(guided::exposure_ladder(&self.store)?)
    }

    /// Adds an activity with its fear rating, 0–100 (errors name `activity`, `fear`).
    pub fn add_exposure_step(&self, activity: String, fear: u8) -> Result<ExposureStep> {
        Ok(guided::add_exposure_step(&self.store, &activity, fear)?)
    }

    /// Renames a step or rates its fear again (`None` keeps the old value).
    pub fn update_exposure_step(
        &self,
        id: i64,
        activity: Option<String>,
        fear: Option<u8>,
    ) -> Result<ExposureStep> {
        Ok(guided::update_exposure_step(&self.store, id, activity.as_deref(), fear)?)
    }

    /// Takes a step off the ladder; its exposures stay in the history.
    pub fn remove_exposure_step(&self, id: i64) -> Result<()> {
        Ok(guided::remove_exposure_step(&self.store, id)?)
    }

    /// Sensory drill accuracy per session and region, oldest first.
    pub fn sensory_accuracy(&self, body_part: BodyPart) -> Result<Vec<RegionAccuracy>> {
        Ok(guided::sensory_accuracy(&self.store, body_part)?)
    }

    /// A timed step's time left, shown ("0:42") and spoken ("42 seconds left") in the
    /// patient's language; the shell counts the step's seconds down and draws these.
    pub fn countdown_words(&self, seconds_left: u32) -> CountdownWords {
        steps::words::countdown(seconds_left, self.locale())
    }
}
