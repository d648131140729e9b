//! Sensory discrimination for backs and necks (RESOLVE, seed 004), with a helper: the app
//! shows the helper where to touch and what to apply (a touch to locate, a letter or a
//! number to draw, a blunt or a sharp touch); the patient says what they felt and the
//! helper enters it. The prompts are drawn from the session's seed.

use super::{About, Answered, Script, Step, StepAnswer, StepPurpose};
use crate::error::{Error, Result};
use crate::params::Parameters;
use crate::stimulus::BodyPart;
use crate::text::text_enum;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

text_enum!(
    /// The drills.
    Drill {
        /// Touch one spot; the patient names the region.
        Location => "location",
        /// Draw a letter on the skin with a fingertip.
        Letter => "letter",
        /// Draw a number.
        Number => "number",
        /// Touch with something blunt (a fingertip) or sharp (a toothpick, gently).
        Sharpness => "sharpness",
    }
);

text_enum!(
    /// Regions of the back (six) and the neck (the four corners).
    Region {
        UpperLeft => "upper-left",
        UpperRight => "upper-right",
        MiddleLeft => "middle-left",
        MiddleRight => "middle-right",
        LowerLeft => "lower-left",
        LowerRight => "lower-right",
    }
);

/// Letters that are told apart by shape when drawn on skin, and the numbers 1–9.
const LETTERS: &[&str] = &["A", "C", "E", "H", "L", "O", "T", "X"];
const NUMBERS: &[&str] = &["1", "2", "3", "4", "5", "6", "7", "8", "9"];
const SHARPNESS: &[&str] = &["blunt", "sharp"];

/// The regions a body part is drilled on.
pub fn regions(body_part: BodyPart) -> Result<&'static [Region]> {
    use Region::*;
    match body_part {
        BodyPart::Back => Ok(Region::ALL),
        BodyPart::Neck => Ok(&[UpperLeft, UpperRight, LowerLeft, LowerRight]),
        _ => Err(Error::invalid(
            "body_part",
            format!("sensory drills are for backs and necks (RESOLVE), not a {body_part}"),
        )),
    }
}

/// One prompt: what the helper applies where, and the answer that is right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub drill: Drill,
    pub body_part: BodyPart,
    pub region: Region,
    /// The right answer's id (a region, a letter, a number, blunt or sharp).
    pub target: String,
}

impl Cue {
    /// Whether the patient's answer is the right one.
    pub fn is_right(&self, answer: &str) -> bool {
        self.target == answer
    }

    /// The answers the patient chooses from.
    pub fn options(&self) -> Vec<String> {
        let ids: Vec<&str> = match self.drill {
            Drill::Location => {
                regions(self.body_part).unwrap_or(Region::ALL).iter().map(|r| r.as_str()).collect()
            }
            Drill::Letter => LETTERS.to_vec(),
            Drill::Number => NUMBERS.to_vec(),
            Drill::Sharpness => SHARPNESS.to_vec(),
        };
        ids.into_iter().map(str::to_string).collect()
    }
}

/// `count` prompts from `seed`: drills taken in turn, a random region and target each.
pub fn cues(body_part: BodyPart, seed: u64, count: u32) -> Result<Vec<Cue>> {
    let regions = regions(body_part)?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    Ok((0..count as usize)
        .map(|i| {
            let drill = Drill::ALL[i % Drill::ALL.len()];
            let region = regions[rng.random_range(0..regions.len())];
            let pick = |set: &[&str], rng: &mut ChaCha8Rng| set[rng.random_range(0..set.len())].to_string();
            let target = match drill {
                Drill::Location => region.as_str().to_string(),
                Drill::Letter => pick(LETTERS, &mut rng),
                Drill::Number => pick(NUMBERS, &mut rng),
                Drill::Sharpness => pick(SHARPNESS, &mut rng),
            };
            Cue { drill, body_part, region, target }
        })
        .collect())
}

/// The drill: pain before, how the helper works, then for each prompt the helper's cue
/// and the patient's answer; pain after.
pub fn script(body_part: BodyPart, seed: u64, p: &Parameters) -> Result<Script> {
    let mut steps = vec![
        Step::new(StepPurpose::PainBefore, About::Nothing),
        Step::new(StepPurpose::Setup, About::Nothing),
    ];
    for cue in cues(body_part, seed, p.sensory_trials)? {
        steps.push(Step::new(StepPurpose::HelperCue, About::Sensory(cue.clone())));
        steps.push(Step::new(StepPurpose::PatientAnswer, About::Sensory(cue)));
    }
    steps.push(Step::new(StepPurpose::PainAfter, About::Nothing));
    Ok(Script { steps, stop_above: None })
}

/// The prompts answered, in step order, each with its step's index and the answer: what
/// is scored (and stored as the session's sensory trials).
pub fn answered<'a>(
    script: &'a Script,
    answers: &'a [Answered],
) -> impl Iterator<Item = (u32, &'a Cue, &'a str)> + 'a {
    answers.iter().filter_map(|a| match (&a.answer, &script.steps.get(a.index as usize)?.about) {
        (StepAnswer::Choice { id }, About::Sensory(cue)) => Some((a.index, cue, id.as_str())),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_are_seeded_and_cover_every_drill_and_region() {
        let a = cues(BodyPart::Back, 5, 60).unwrap();
        assert_eq!(a, cues(BodyPart::Back, 5, 60).unwrap());
        assert_ne!(a, cues(BodyPart::Back, 6, 60).unwrap());
        for drill in Drill::ALL {
            assert_eq!(a.iter().filter(|c| c.drill == *drill).count(), 15);
        }
        let seen: std::collections::HashSet<_> = a.iter().map(|c| c.region).collect();
        assert_eq!(seen.len(), 6);
        for c in &a {
            assert!(c.options().contains(&c.target), "{c:?}");
        }
        let neck = cues(BodyPart::Neck, 5, 40).unwrap();
        assert!(neck.iter().all(|c| !matches!(c.region, Region::MiddleLeft | Region::MiddleRight)));
    }

    #[test]
    fn each_prompt_is_a_helper_cue_then_an_answer() {
        let s = script(BodyPart::Back, 1, &Parameters::default()).unwrap();
        assert_eq!(s.steps.len(), 2 + 2 * 20 + 1);
        assert_eq!(s.steps[2].purpose, StepPurpose::HelperCue);
        assert_eq!(s.steps[3].purpose, StepPurpose::PatientAnswer);
        assert_eq!(s.steps[3].choices().len(), 6, "location: the six regions");
        assert!(s.steps[2].choices().is_empty());
        assert!(script(BodyPart::Hand, 1, &Parameters::default()).is_err());
    }
}
