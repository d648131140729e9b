//! Explicit motor imagery (GMI stage 2): pictures of postures of the affected side; for
//! each, "imagine moving into this position and back" a number of times, each time a
//! timed hold and a timed rest; then how vivid it was (1–5) and pain after.

use super::{About, Script, Step, StepPurpose, TimerCue};
use crate::params::Parameters;
use crate::stimulus::{BodyPart, Side, StimulusContext, StimulusSpec};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What an imagery session shows: the body part, the affected side (both sides in turn
/// when the profile names none) and the patient's skin tone.
pub struct Request {
    pub body_part: BodyPart,
    pub side: Option<Side>,
    pub skin_tone: u8,
    pub seed: u64,
}

/// The pictures: every posture in a shuffled order before any repeats, upright (imagery
/// is about the posture, not the rotation), no distracting context, a random view and
/// variant.
pub fn pictures(req: &Request, count: u32) -> Vec<StimulusSpec> {
    let mut rng = ChaCha8Rng::seed_from_u64(req.seed);
    let postures = req.body_part.postures();
    let views = req.body_part.views();
    let mut order: Vec<usize> = Vec::new();
    (0..count as usize)
        .map(|i| {
            if order.is_empty() {
                order = (0..postures.len()).collect();
                order.shuffle(&mut rng);
            }
            let posture = postures[order.pop().unwrap_or(0)];
            let side = req.side.unwrap_or(if i % 2 == 0 { Side::Left } else { Side::Right });
            StimulusSpec {
                body_part: req.body_part,
                side,
                view: views[rng.random_range(0..views.len())],
                posture,
                rotation_deg: 0,
                skin_tone: req.skin_tone,
                context: StimulusContext::None,
                variant: rng.random_range(0..crate::stimulus::spec::VARIANTS),
            }
        })
        .collect()
}

/// The session: pain before, how it works, hold and rest for every repetition of every
/// picture, vividness, pain after.
pub fn script(req: &Request, p: &Parameters) -> Script {
    let mut steps = vec![
        Step::new(StepPurpose::PainBefore, About::Nothing),
        Step::new(StepPurpose::Setup, About::Nothing),
    ];
    for spec in pictures(req, p.imagery_pictures) {
        for repetition in 1..=p.imagery_repetitions {
            let about = About::Picture { stimulus: spec.id(), repetition, of: p.imagery_repetitions };
            steps.push(Step::timed(StepPurpose::Imagine, p.imagery_hold_s, TimerCue::Hold, about.clone()));
            steps.push(Step::timed(StepPurpose::Rest, p.imagery_rest_s, TimerCue::Rest, about));
        }
    }
    steps.push(Step::new(StepPurpose::Vividness, About::Nothing));
    steps.push(Step::new(StepPurpose::PainAfter, About::Nothing));
    Script { steps, stop_above: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(side: Option<Side>) -> Request {
        Request { body_part: BodyPart::Hand, side, skin_tone: 4, seed: 11 }
    }

    #[test]
    fn each_picture_is_imagined_three_times_with_a_hold_and_a_rest() {
        let p = Parameters::default();
        let s = script(&request(Some(Side::Left)), &p);
        // 8 pictures × 3 × (hold + rest), plus pain before, set-up, vividness, pain after.
        assert_eq!(s.steps.len(), 8 * 3 * 2 + 4);
        assert_eq!(s.steps[0].purpose, StepPurpose::PainBefore);
        assert_eq!(s.steps[s.steps.len() - 2].purpose, StepPurpose::Vividness);
        let imagine: Vec<&Step> = s.steps.iter().filter(|s| s.purpose == StepPurpose::Imagine).collect();
        assert_eq!(imagine.len(), 24);
        assert!(imagine.iter().all(|s| s.timer.map(|t| (t.seconds, t.cue)) == Some((10, TimerCue::Hold))));
        let About::Picture { stimulus, repetition, of } = &s.steps[2].about else { panic!() };
        assert_eq!((*repetition, *of), (1, 3));
        assert!(matches!(&s.steps[6].about, About::Picture { repetition: 3, .. }));
        assert!(matches!(&s.steps[8].about, About::Picture { stimulus: next, .. } if next != stimulus));
        let spec = StimulusSpec::from_id(stimulus).unwrap();
        spec.validate().unwrap();
        assert_eq!((spec.side, spec.skin_tone, spec.rotation_deg), (Side::Left, 4, 0));
    }

    #[test]
    fn the_default_dose_is_five_to_ten_minutes() {
        let s = script(&request(Some(Side::Right)), &Parameters::default());
        let seconds: u32 = s.steps.iter().filter_map(|s| s.timer).map(|t| t.seconds).sum();
        assert_eq!(seconds, 8 * 3 * 15);
        assert!((300..=600).contains(&seconds), "{seconds} s");
    }

    #[test]
    fn every_posture_comes_before_a_repeat_and_an_unknown_side_alternates() {
        let specs = pictures(&request(None), 16);
        let first: std::collections::HashSet<_> = specs[..8].iter().map(|s| s.posture).collect();
        assert_eq!(first.len(), 8);
        assert_eq!(specs.iter().filter(|s| s.side == Side::Left).count(), 8);
        assert_eq!(pictures(&request(None), 16), specs, "the seed fixes the pictures");
    }
}
