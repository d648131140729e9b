//! Scoring one answer from the shell's own timestamps.
//!
//! Response time is `response_ns - onset_ns`, both from the shell's monotonic clock (the
//! frame the picture first appeared on, the touch or key event). The core never reads a
//! clock to time a response.

use crate::error::{Error, Result};
use crate::stimulus::Side;

/// Bits of a trial's `flags`.
pub struct TrialFlags;

impl TrialFlags {
    /// Answered faster than the anticipation threshold: kept, left out of RT statistics.
    pub const ANTICIPATION: i64 = 1;
    /// No answer within the time limit.
    pub const TIMEOUT: i64 = 2;
    /// Voided (the app went to the background mid-trial); replaced by a fresh trial.
    pub const VOIDED: i64 = 4;
    /// A practice picture before the session proper: kept, never scored in statistics.
    pub const PRACTICE: i64 = 8;
}

/// One trial as recorded: the picture shown, the shell's stamps and the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Trial {
    /// The stimulus id (`StimulusSpec::id`).
    pub stimulus: String,
    /// The right answer.
    pub side: Side,
    pub onset_ns: i64,
    pub response_ns: Option<i64>,
    pub answer: Option<Side>,
    pub correct: bool,
    pub flags: i64,
}

impl Trial {
    pub fn voided(&self) -> bool {
        self.flags & TrialFlags::VOIDED != 0
    }

    pub fn timed_out(&self) -> bool {
        self.flags & TrialFlags::TIMEOUT != 0
    }

    pub fn practice(&self) -> bool {
        self.flags & TrialFlags::PRACTICE != 0
    }

    pub fn anticipated(&self) -> bool {
        self.flags & TrialFlags::ANTICIPATION != 0
    }

    /// Response time in ms, when answered within the limit.
    pub fn rt_ms(&self) -> Option<f64> {
        self.response_ns.filter(|_| !self.timed_out()).map(|r| (r - self.onset_ns) as f64 / 1e6)
    }
}

/// The outcome of one trial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub correct: bool,
    pub flags: i64,
}

/// Scores an answer (or a timeout when `response_ns` is `None`).
///
/// An answer after the time limit counts as a timeout; one faster than the anticipation
/// threshold is scored but flagged, so statistics can leave it out of response times.
pub fn score(
    side: Side,
    onset_ns: i64,
    response: Option<(i64, Side)>,
    time_limit_ms: u32,
    anticipation_ms: u32,
) -> Result<Score> {
    if onset_ns < 0 {
        return Err(Error::invalid("onset_ns", format!("{onset_ns} is negative")));
    }
    let Some((response_ns, answer)) = response else {
        return Ok(Score { correct: false, flags: TrialFlags::TIMEOUT });
    };
    if response_ns < onset_ns {
        return Err(Error::invalid(
            "response_ns",
            format!("the response ({response_ns}) is stamped before the picture appeared ({onset_ns})"),
        ));
    }
    let rt_ns = response_ns - onset_ns;
    if rt_ns > i64::from(time_limit_ms) * 1_000_000 {
        return Ok(Score { correct: false, flags: TrialFlags::TIMEOUT });
    }
    let flags = if rt_ns < i64::from(anticipation_ms) * 1_000_000 { TrialFlags::ANTICIPATION } else { 0 };
    Ok(Score { correct: answer == side, flags })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: i64 = 1_000_000;

    #[test]
    fn correct_wrong_timeout_and_anticipation() {
        let s = |resp| score(Side::Left, 10 * MS, resp, 5000, 300).unwrap();
        assert_eq!(s(Some((900 * MS, Side::Left))), Score { correct: true, flags: 0 });
        assert_eq!(s(Some((900 * MS, Side::Right))), Score { correct: false, flags: 0 });
        assert_eq!(s(None), Score { correct: false, flags: TrialFlags::TIMEOUT });
        // exactly at the limit still counts; one nanosecond over is a timeout
        assert_eq!(s(Some((5010 * MS, Side::Left))).flags, 0);
        assert_eq!(s(Some((5010 * MS + 1, Side::Left))).flags, TrialFlags::TIMEOUT);
        // under 300 ms: scored, flagged
        assert_eq!(s(Some((309 * MS, Side::Left))), Score { correct: true, flags: TrialFlags::ANTICIPATION });
        assert_eq!(s(Some((310 * MS, Side::Left))).flags, 0);
    }

    #[test]
    fn impossible_stamps_are_refused() {
        let err = score(Side::Left, 10, Some((9, Side::Left)), 5000, 300).unwrap_err();
        assert!(err.to_string().contains("response_ns"), "{err}");
        let err = score(Side::Left, -1, None, 5000, 300).unwrap_err();
        assert!(err.to_string().contains("onset_ns"), "{err}");
    }
}
