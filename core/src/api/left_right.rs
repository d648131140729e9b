//! Left/right judgement across the FFI. A shell's loop: `start_left_right`, then for each
//! prompt draw the picture, note the onset frame's monotonic time, and report
//! `answer_trial` (or `time_out_trial` when the limit passes, or `void_trial` when the app
//! leaves the foreground); finish with `finish_session` and show `session_results`.

use super::{Proprio, Result, random_seed};
use crate::laterality::{AnswerOutcome, LeftRightSettings, TrialPrompt};
use crate::params::{ParameterInfo, Parameters};
use crate::stimulus::{BodyPart, Side};
use crate::time::WallTime;
use crate::usecases::left_right::{self, LeftRightOverview, LeftRightStart, SessionResults};

#[uniffi::export]
impl Proprio {
    /// Plans and starts a left/right session (its pictures fixed by the stored seed).
    pub fn start_left_right(&self, settings: LeftRightSettings, now: WallTime) -> Result<LeftRightStart> {
        let seed = settings.seed.unwrap_or_else(random_seed);
        Ok(left_right::start(&self.store, &settings, seed, &self.params_in_force()?, &now, self.locale())?)
    }

    /// The picture to show now (e.g. after the app was restored), or `None` when every
    /// picture is answered and the session can be finished.
    pub fn current_trial(&self, session_id: i64) -> Result<Option<TrialPrompt>> {
        Ok(left_right::current(&self.store, session_id, self.locale())?)
    }

    /// Records an answer, committed before this returns. `onset_ns` is the monotonic time
    /// of the frame the picture first appeared on, `response_ns` that of the touch or key
    /// event, both from the same clock.
    pub fn answer_trial(
        &self,
        session_id: i64,
        index: u32,
        onset_ns: i64,
        response_ns: i64,
        answer: Side,
    ) -> Result<AnswerOutcome> {
        Ok(left_right::answer(
            &self.store,
            session_id,
            index,
            onset_ns,
            Some((response_ns, answer)),
            self.locale(),
        )?)
    }

    /// Records that the time limit passed without an answer.
    pub fn time_out_trial(&self, session_id: i64, index: u32, onset_ns: i64) -> Result<AnswerOutcome> {
        Ok(left_right::answer(&self.store, session_id, index, onset_ns, None, self.locale())?)
    }

    /// Voids the current trial (the app went to the background) and returns a fresh
    /// picture to show instead. `onset_ns` is `None` if the picture never appeared.
    pub fn void_trial(&self, session_id: i64, index: u32, onset_ns: Option<i64>) -> Result<TrialPrompt> {
        Ok(left_right::void(&self.store, session_id, index, onset_ns, self.locale())?)
    }

    /// Per-side statistics of one session and the stage gate as it stands.
    pub fn session_results(&self, session_id: i64, now: WallTime) -> Result<SessionResults> {
        Ok(left_right::results(&self.store, session_id, &self.params_in_force()?, &now, self.locale())?)
    }

    /// Level, gate, recent statistics and the newest `history_limit` sessions (all when
    /// `None`; years of history are slower) for one body part.
    pub fn left_right_overview(
        &self,
        body_part: BodyPart,
        history_limit: Option<u32>,
        now: WallTime,
    ) -> Result<LeftRightOverview> {
        Ok(left_right::overview(
            &self.store,
            body_part,
            &self.params_in_force()?,
            &now,
            history_limit,
            self.locale(),
        )?)
    }

    /// The clinical parameter table in force, with the source of every default.
    pub fn parameters(&self) -> Result<Vec<ParameterInfo>> {
        Ok(self.params_in_force()?.table())
    }
}

impl Proprio {
    /// The parameters in force: the current therapist's plan's, or the defaults.
    pub(super) fn params_in_force(&self) -> Result<Parameters> {
        Ok(crate::usecases::plan::parameters(&self.store)?)
    }
}
