//! Left/right judgement across the FFI. A shell's loop: `start_left_right`, then for each
//! prompt draw the picture, note the onset frame's monotonic time, and report
//! `answer_trial` (or `time_out_trial` when the limit passes, or `void_trial` when the app
//! leaves the foreground); finish with `finish_session` and show `session_results`.

use super::{Proprio, Result, SessionSummary, random_seed};
use crate::laterality::engine::{
    self, AnswerOutcome, LeftRightOverview, LeftRightSettings, SessionResults, TrialPrompt,
};
use crate::params::{ParameterInfo, Parameters};
use crate::stimulus::{BodyPart, Side};
use crate::time::WallTime;

/// A new session and its first picture.
#[derive(Debug, Clone, PartialEq, serde::Serialize, uniffi::Record)]
pub struct LeftRightStart {
    pub session: SessionSummary,
    pub level: u32,
    pub first: TrialPrompt,
}

#[uniffi::export]
impl Proprio {
    /// Plans and starts a left/right session (its pictures fixed by the stored seed).
    pub fn start_left_right(&self, settings: LeftRightSettings, now: WallTime) -> Result<LeftRightStart> {
        let seed = settings.seed.unwrap_or_else(random_seed);
        let params = Parameters::default();
        let (row, first) = self.store.write(|tx| engine::start(tx, &settings, seed, &params, &now))?;
        Ok(LeftRightStart { level: row.level.unwrap_or(1), session: row.into(), first })
    }

    /// The picture to show now (e.g. after the app was restored), or `None` when every
    /// picture is answered and the session can be finished.
    pub fn current_trial(&self, session_id: i64) -> Result<Option<TrialPrompt>> {
        Ok(self.store.read(|c| engine::current(c, session_id))?)
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
        Ok(self
            .store
            .write(|tx| engine::answer(tx, session_id, index, onset_ns, Some((response_ns, answer))))?)
    }

    /// Records that the time limit passed without an answer.
    pub fn time_out_trial(&self, session_id: i64, index: u32, onset_ns: i64) -> Result<AnswerOutcome> {
        Ok(self.store.write(|tx| engine::answer(tx, session_id, index, onset_ns, None))?)
    }

    /// Voids the current trial (the app went to the background) and returns a fresh
    /// picture to show instead. `onset_ns` is `None` if the picture never appeared.
    pub fn void_trial(&self, session_id: i64, index: u32, onset_ns: Option<i64>) -> Result<TrialPrompt> {
        Ok(self.store.write(|tx| engine::void(tx, session_id, index, onset_ns))?)
    }

    /// Per-side statistics of one session and the stage gate as it stands.
    pub fn session_results(&self, session_id: i64, now: WallTime) -> Result<SessionResults> {
        now.validate("now")?;
        Ok(self.store.read(|c| engine::results(c, session_id, &Parameters::default(), &now))?)
    }

    /// Level, gate, recent statistics and the newest `history_limit` sessions (all when
    /// `None`; years of history are slower) for one body part.
    pub fn left_right_overview(
        &self,
        body_part: BodyPart,
        history_limit: Option<u32>,
        now: WallTime,
    ) -> Result<LeftRightOverview> {
        let params = Parameters::default();
        Ok(self.store.read(|c| engine::overview(c, body_part, &params, &now, history_limit))?)
    }

    /// The clinical parameter table in force, with the source of every default.
    pub fn parameters(&self) -> Vec<ParameterInfo> {
        Parameters::default().table()
    }
}
