//! A virtual patient that answers a left/right session through the public API, with
//! synthetic onset and response stamps. For demos, tests and benchmarks; the phones
//! never use it.

use super::engine::{LeftRightSettings, SessionResults};
use crate::api::Proprio;
use crate::error::ProprioError;
use crate::stimulus::Side;
use crate::time::WallTime;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How the virtual patient performs.
#[derive(Debug, Clone, PartialEq)]
pub struct VirtualPatient {
    /// Chance of a correct answer, 0–1.
    pub accuracy: f64,
    /// Typical response time, ms.
    pub rt_ms: f64,
    /// A side answered more slowly (e.g. the affected one), and by how much.
    pub slower_side: Option<Side>,
    pub slowdown_ms: f64,
    pub seed: u64,
}

/// Gap between an answer and the next picture's onset (feedback and a breath), ns.
const GAP_NS: i64 = 1_000_000_000;

impl VirtualPatient {
    /// Checks the patient's own numbers; `field` names are the CLI's flags.
    pub fn validate(&self) -> Result<(), ProprioError> {
        let bad = |field: &str, reason: String| ProprioError::InvalidArgument { field: field.into(), reason };
        if !(0.0..=1.0).contains(&self.accuracy) {
            return Err(bad("accuracy", format!("{} is outside 0–1", self.accuracy)));
        }
        if !(1.0..=60_000.0).contains(&self.rt_ms) {
            return Err(bad("rt_ms", format!("{} ms is outside 1–60000", self.rt_ms)));
        }
        if !(0.0..=60_000.0).contains(&self.slowdown_ms) {
            return Err(bad("slowdown_ms", format!("{} ms is outside 0–60000", self.slowdown_ms)));
        }
        Ok(())
    }

    /// Runs a whole session starting at `start` and finishes it; returns its results.
    pub fn run(
        &self,
        proprio: &Proprio,
        settings: LeftRightSettings,
        start: WallTime,
    ) -> Result<SessionResults, ProprioError> {
        self.validate()?;
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        let started = proprio.start_left_right(settings, start.clone())?;
        let session_id = started.session.id;
        let mut prompt = Some(started.first);
        let mut clock_ns: i64 = 5_000_000_000;
        while let Some(p) = prompt {
            let onset = clock_ns;
            let slow = if Some(p.stimulus.side) == self.slower_side { self.slowdown_ms } else { 0.0 };
            // ±15 % jitter around the typical time, never below 1 ms.
            let rt_ms = ((self.rt_ms + slow) * rng.random_range(0.85..1.15)).max(1.0);
            let rt_ns = (rt_ms * 1e6) as i64;
            let outcome = if rt_ms > f64::from(p.time_limit_ms) {
                clock_ns += i64::from(p.time_limit_ms) * 1_000_000;
                proprio.time_out_trial(session_id, p.index, onset)?
            } else {
                let answer =
                    if rng.random_bool(self.accuracy) { p.stimulus.side } else { other(p.stimulus.side) };
                clock_ns += rt_ns;
                proprio.answer_trial(session_id, p.index, onset, onset + rt_ns, answer)?
            };
            clock_ns += GAP_NS;
            prompt = outcome.next;
        }
        let end = WallTime { unix_ms: start.unix_ms + clock_ns / 1_000_000, zone: start.zone };
        proprio.finish_session(session_id, end.clone())?;
        proprio.session_results(session_id, end)
    }
}

fn other(side: Side) -> Side {
    match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
    }
}
