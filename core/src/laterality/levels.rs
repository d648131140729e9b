//! The difficulty ladder, defined on stimulus parameters so it works for every body part,
//! and the rule that moves a patient along it.
//!
//! Level 1 shows the easiest pictures: the most familiar view (back of the hand, top of
//! the foot, a person seen from behind), the first, simplest postures, small rotations.
//! Each level widens one or more of those; level 6 adds sleeves, shoes and objects.

use crate::params::Parameters;
use crate::stimulus::{BodyPart, RotationDirection, Side, StimulusContext, StimulusSpec};

pub const MIN_LEVEL: u32 = 1;
pub const MAX_LEVEL: u32 = 6;

struct Rung {
    /// Largest rotation away from upright, degrees.
    max_rotation: u16,
    /// Largest lateral rotation (lateral rotations are judged more slowly).
    max_lateral: u16,
    /// How many of the body part's views, in order of familiarity.
    views: usize,
    /// How many of the body part's postures, simplest first.
    postures: usize,
    context: bool,
}

const LADDER: [Rung; MAX_LEVEL as usize] = [
    Rung { max_rotation: 30, max_lateral: 30, views: 1, postures: 3, context: false },
    Rung { max_rotation: 60, max_lateral: 45, views: 2, postures: 4, context: false },
    Rung { max_rotation: 90, max_lateral: 90, views: 2, postures: 6, context: false },
    Rung { max_rotation: 135, max_lateral: 135, views: 3, postures: 8, context: false },
    Rung { max_rotation: 180, max_lateral: 180, views: 4, postures: 8, context: false },
    Rung { max_rotation: 180, max_lateral: 180, views: 4, postures: 8, context: true },
];

/// Whether a picture belongs to a level's pool (levels are cumulative).
pub fn allows(level: u32, spec: &StimulusSpec) -> bool {
    let rung = &LADDER[(level.clamp(MIN_LEVEL, MAX_LEVEL) - 1) as usize];
    let body = spec.body_part;
    let magnitude = spec.rotation_magnitude_deg();
    let lateral_ok = spec.rotation_direction() != RotationDirection::Lateral || magnitude <= rung.max_lateral;
    let view_rank = body.views().iter().position(|v| *v == spec.view).unwrap_or(usize::MAX);
    let posture_rank = body.postures().iter().position(|p| *p == spec.posture).unwrap_or(usize::MAX);
    magnitude <= rung.max_rotation
        && lateral_ok
        && view_rank < rung.views
        && posture_rank < rung.postures
        && (rung.context || spec.context == StimulusContext::None)
}

/// Every (side-free) picture a level may show for a body part, as right-side specs with
/// skin tone 0 and variant 0; the sequencer fills in side, skin tone and variant.
pub fn pool(body: BodyPart, level: u32) -> Vec<StimulusSpec> {
    let mut out = Vec::new();
    for &view in body.views() {
        for &posture in body.postures() {
            for rotation_deg in body.rotations() {
                for &context in body.contexts() {
                    let spec = StimulusSpec {
                        body_part: body,
                        side: Side::Right,
                        view,
                        posture,
                        rotation_deg,
                        skin_tone: 0,
                        context,
                        variant: 0,
                    };
                    if allows(level, &spec) {
                        out.push(spec);
                    }
                }
            }
        }
    }
    out
}

/// How one completed session went, as the ladder sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionOutcome {
    pub level: u32,
    /// Local calendar day number (days since 1970-01-01 in the session's own zone).
    pub day: i64,
    /// Met the stage gate's standard on both sides (accuracy and median RT).
    pub at_standard: bool,
    /// Lowest accuracy of the two sides.
    pub worst_accuracy: f64,
}

/// Where a patient stands on the ladder after some sessions. Stored after every
/// completed session, so the next level is read, not recomputed from years of history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderState {
    /// The level the next session uses.
    pub level: u32,
    /// Consecutive sessions at standard at this level.
    pub good: u32,
    /// Consecutive poor sessions at this level.
    pub poor: u32,
    /// Day of the last level change.
    pub changed_day: Option<i64>,
}

impl Default for LadderState {
    fn default() -> Self {
        LadderState { level: MIN_LEVEL, good: 0, poor: 0, changed_day: None }
    }
}

impl LadderState {
    /// The state after one more completed session.
    ///
    /// Up a level after `level_up_sessions` consecutive sessions at standard; down after
    /// `level_down_sessions` consecutive sessions below `level_down_accuracy`; never more
    /// than one change per `level_min_days` days. Sessions run at another level (a
    /// therapist's override) leave the state as it is.
    pub fn step(self, s: &SessionOutcome, params: &Parameters) -> LadderState {
        if s.level != self.level {
            return self;
        }
        let up_after = params.level_up_sessions.max(1);
        let down_after = params.level_down_sessions.max(1);
        let min_days = i64::from(params.level_min_days);
        let good = if s.at_standard { self.good + 1 } else { 0 };
        let poor = if s.worst_accuracy < params.level_down_accuracy { self.poor + 1 } else { 0 };
        let may_change = self.changed_day.is_none_or(|d| s.day - d >= min_days);
        let level = if good >= up_after && may_change && self.level < MAX_LEVEL {
            self.level + 1
        } else if poor >= down_after && may_change && self.level > MIN_LEVEL {
            self.level - 1
        } else {
            return LadderState { good, poor, ..self };
        };
        LadderState { level, good: 0, poor: 0, changed_day: Some(s.day) }
    }
}

/// The level after `history` (completed sessions in order), replayed from the start.
#[cfg(test)]
fn current_level(history: &[SessionOutcome], params: &Parameters) -> u32 {
    history.iter().fold(LadderState::default(), |state, s| state.step(s, params)).level
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_grow_with_level_for_every_body_part() {
        for &body in BodyPart::ALL {
            let mut previous = 0;
            for level in MIN_LEVEL..=MAX_LEVEL {
                let p = pool(body, level);
                assert!(!p.is_empty(), "{body} level {level}");
                assert!(p.len() >= previous, "{body} level {level}");
                assert!(p.iter().all(|s| allows(level + 1, s)), "levels are cumulative");
                previous = p.len();
            }
        }
        let easy = pool(BodyPart::Hand, 1);
        assert!(
            easy.iter().all(|s| s.rotation_magnitude_deg() <= 30 && s.view == crate::stimulus::View::Back)
        );
        assert!(pool(BodyPart::Hand, 6).iter().any(|s| s.context != StimulusContext::None));
    }

    fn outcome(level: u32, day: i64, at_standard: bool, worst_accuracy: f64) -> SessionOutcome {
        SessionOutcome { level, day, at_standard, worst_accuracy }
    }

    #[test]
    fn steps_up_after_two_good_sessions_at_most_once_a_day() {
        let p = Parameters::default();
        assert_eq!(current_level(&[], &p), 1);
        let good = |level, day| outcome(level, day, true, 0.95);
        assert_eq!(current_level(&[good(1, 0)], &p), 1);
        assert_eq!(current_level(&[good(1, 0), good(1, 0)], &p), 2);
        // two more good sessions the same day at level 2: no second step that day
        assert_eq!(current_level(&[good(1, 0), good(1, 0), good(2, 0), good(2, 0)], &p), 2);
        assert_eq!(current_level(&[good(1, 0), good(1, 0), good(2, 0), good(2, 1)], &p), 3);
    }

    #[test]
    fn steps_down_after_repeated_poor_sessions_and_never_below_one() {
        let p = Parameters::default();
        let good = |level, day| outcome(level, day, true, 0.95);
        let poor = |level, day| outcome(level, day, false, 0.5);
        let mut h = vec![good(1, 0), good(1, 0), poor(2, 3)];
        assert_eq!(current_level(&h, &p), 2, "one poor session is not enough");
        h.push(poor(2, 3));
        assert_eq!(current_level(&h, &p), 1);
        h.extend([poor(1, 5), poor(1, 6), poor(1, 7)]);
        assert_eq!(current_level(&h, &p), 1);
        // a middling session breaks the poor streak
        let mid = outcome(2, 9, false, 0.8);
        assert_eq!(current_level(&[good(1, 0), good(1, 0), poor(2, 3), mid, poor(2, 4)], &p), 2);
    }
}
