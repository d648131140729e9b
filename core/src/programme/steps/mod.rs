//! Guided sessions as steps: every kind other than left/right (motor imagery, mirror
//! therapy, desensitisation, graded exposure, sensory drills) is a [`Script`] of typed
//! [`Step`]s fixed when the session starts, and the patient's answers so far. Where the
//! session stands, what an answer must look like and how it ended are pure functions of
//! those two; the use case (`usecases::guided`) stores them, and [`words`] turns a step
//! into the [`SessionStep`] record a shell draws as it is.
//!
//! Each kind's rules file builds its script: [`imagery`], [`mirror`], [`textures`],
//! [`exposure`], [`sensory`].

pub mod exposure;
pub mod imagery;
pub mod mirror;
pub mod sensory;
pub mod textures;
pub mod words;

use crate::error::{Error, Result};
use crate::text::text_enum;
use serde::{Deserialize, Serialize};

text_enum!(
    /// What a step is for; with [`About`] it decides the words, the scale and the choices.
    StepPurpose {
        /// Pain now, before anything else (0–10).
        PainBefore => "pain-before",
        /// How to get ready (a texture at hand, the mirror, the helper).
        Setup => "setup",
        /// Mirror therapy: how to place the mirror box or the phone (after choosing one).
        MirrorPlacement => "mirror-placement",
        /// A short breathing cue before an exposure.
        Breathing => "breathing",
        /// Motor imagery: imagine moving into the posture and hold it.
        Imagine => "imagine",
        /// Imagine moving back / rest between movements.
        Rest => "rest",
        /// Mirror therapy: one movement, watched in the mirror.
        Movement => "movement",
        /// Desensitisation: touch with the texture.
        Touch => "touch",
        /// Desensitisation: pain now, during the session (0–10).
        PainCheck => "pain-check",
        /// Motor imagery: how vivid the imagined movements were (1–5).
        Vividness => "vividness",
        /// Mirror therapy: fine, felt strange or felt worse.
        Feeling => "feeling",
        /// Exposure: the pain the patient expects from the activity (0–10).
        ExpectedPain => "expected-pain",
        /// Exposure: fear of the activity now (0–100).
        FearBefore => "fear-before",
        /// Exposure: do the activity.
        Activity => "activity",
        /// Exposure: the most pain the activity actually brought (0–10).
        ActualPain => "actual-pain",
        /// Exposure: fear of the activity after doing it (0–100).
        FearAfter => "fear-after",
        /// Sensory drill: what the helper applies, where.
        HelperCue => "helper-cue",
        /// Sensory drill: what the patient felt.
        PatientAnswer => "patient-answer",
        /// Pain now, at the end (0–10).
        PainAfter => "pain-after",
    }
);

text_enum!(
    /// What a timer is counting: the shell may show it in its own colour or sound.
    TimerCue {
        Hold => "hold",
        Rest => "rest",
        Move => "move",
        Touch => "touch",
        Breathe => "breathe",
    }
);

text_enum!(
    /// The rating scales a step can ask for.
    Scale {
        /// 0–10 numeric rating scale.
        Pain => "pain",
        /// 1–5, how clearly the movement could be imagined.
        Vividness => "vividness",
        /// 0–100, fear of an activity (the exposure ladder's scale).
        Fear => "fear",
    }
);

impl Scale {
    /// The lowest and highest value.
    pub fn range(self) -> (u32, u32) {
        match self {
            Scale::Pain => (0, 10),
            Scale::Vividness => (1, 5),
            Scale::Fear => (0, 100),
        }
    }
}

/// A timed step: the shell counts `seconds` down, then the patient (or the shell) says
/// done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct StepTimer {
    pub seconds: u32,
    pub cue: TimerCue,
}

/// A timed step's time left as the shell shows it ("0:42") and as a screen reader says
/// it ("42 seconds left"), in the patient's language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CountdownWords {
    pub shown: String,
    pub spoken: String,
}

/// What a step is about, beyond its purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "about")]
pub enum About {
    Nothing,
    /// A motor imagery picture (a stimulus id), and which repetition of it this is.
    Picture {
        stimulus: String,
        repetition: u32,
        of: u32,
    },
    /// Mirror therapy's set-up, at a level.
    MirrorSetup {
        level: mirror::Level,
    },
    /// A mirror movement at a level.
    Mirror {
        movement: mirror::Movement,
        level: mirror::Level,
    },
    /// The texture in use and the phase of the ladder.
    Texture {
        name: String,
        phase: textures::Phase,
    },
    /// The exposure ladder's activity.
    Activity {
        name: String,
    },
    /// A sensory drill's prompt.
    Sensory(sensory::Cue),
}

/// One step of a script (typed; its words are made by [`words`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub purpose: StepPurpose,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<StepTimer>,
    pub about: About,
}

impl Step {
    pub fn new(purpose: StepPurpose, about: About) -> Step {
        Step { purpose, timer: None, about }
    }

    pub fn timed(purpose: StepPurpose, seconds: u32, cue: TimerCue, about: About) -> Step {
        Step { purpose, timer: Some(StepTimer { seconds, cue }), about }
    }

    /// The scale this step asks for, if it is a rating.
    pub fn scale(&self) -> Option<Scale> {
        use StepPurpose::*;
        match self.purpose {
            PainBefore | PainCheck | ExpectedPain | ActualPain | PainAfter => Some(Scale::Pain),
            Vividness => Some(Scale::Vividness),
            FearBefore | FearAfter => Some(Scale::Fear),
            _ => None,
        }
    }

    /// The ids of the choices this step offers (empty: not a choice).
    pub fn choices(&self) -> Vec<String> {
        match (self.purpose, &self.about) {
            (StepPurpose::Feeling, _) => {
                mirror::Feeling::ALL.iter().map(|f| f.as_str().to_string()).collect()
            }
            (StepPurpose::Setup, About::MirrorSetup { .. }) => {
                mirror::Setup::ALL.iter().map(|s| s.as_str().to_string()).collect()
            }
            (StepPurpose::PatientAnswer, About::Sensory(cue)) => cue.options(),
            _ => Vec::new(),
        }
    }
}

/// A guided session's plan, fixed and stored when it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Script {
    pub steps: Vec<Step>,
    /// A pain check above this ends the session (desensitisation's stop rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_above: Option<u32>,
}

/// What the patient did at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
pub enum StepAnswer {
    /// The step was read or its timer ran out.
    Done,
    /// A value on the step's scale.
    Rating { value: u32 },
    /// One of the step's choices, by id.
    Choice { id: String },
    /// The patient stops the session; what was answered is kept.
    Stop,
}

/// An answer as stored, with the step it answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub index: u32,
    pub purpose: StepPurpose,
    pub answer: StepAnswer,
}

text_enum!(
    /// How a guided session's steps ended.
    Ending {
        /// Every step answered.
        Completed => "completed",
        /// Pain went above the stop threshold (desensitisation).
        PainStop => "pain-stop",
        /// The patient stopped.
        Stopped => "stopped",
    }
);

/// Where a session stands: the step to answer next, or how its steps ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Next(usize),
    Ended(Ending),
}

impl Script {
    /// Where the session stands after `answers` (in order, as stored).
    pub fn position(&self, answers: &[Answered]) -> Position {
        match answers.last() {
            Some(a) if a.answer == StepAnswer::Stop => return Position::Ended(Ending::Stopped),
            Some(a) if self.stops_for_pain(a) => return Position::Ended(Ending::PainStop),
            _ => {}
        }
        if answers.len() >= self.steps.len() {
            Position::Ended(Ending::Completed)
        } else {
            Position::Next(answers.len())
        }
    }

    fn stops_for_pain(&self, a: &Answered) -> bool {
        matches!((a.purpose, &a.answer, self.stop_above),
            (StepPurpose::PainCheck, StepAnswer::Rating { value }, Some(limit)) if *value > limit)
    }

    /// Checks `answer` for step `index`, which must be the next one; errors name
    /// `index`, `answer`, `answer.value` or `answer.id`.
    pub fn check(&self, answers: &[Answered], index: u32, answer: &StepAnswer) -> Result<&Step> {
        let next = match self.position(answers) {
            Position::Next(i) => i,
            Position::Ended(_) => {
                return Err(Error::InvalidState("every step of this session is answered".into()));
            }
        };
        if index as usize != next {
            return Err(Error::invalid("index", format!("step {next} is the one to answer, not {index}")));
        }
        let step = &self.steps[next];
        match (answer, step.scale(), step.choices()) {
            (StepAnswer::Stop, _, _) => {}
            (StepAnswer::Rating { value }, Some(scale), _) => {
                let (min, max) = scale.range();
                if !(min..=max).contains(value) {
                    return Err(Error::invalid("answer.value", format!("{value} is outside {min}–{max}")));
                }
            }
            (StepAnswer::Choice { id }, None, choices) if !choices.is_empty() => {
                if !choices.contains(id) {
                    // A bounded echo: the id came from outside.
                    let shown: String = id.chars().take(40).collect();
                    return Err(Error::invalid(
                        "answer.id",
                        format!("'{shown}' is not one of: {}", choices.join(", ")),
                    ));
                }
            }
            (StepAnswer::Done, None, choices) if choices.is_empty() => {}
            (_, Some(scale), _) => {
                return Err(Error::invalid("answer", format!("this step asks for a {scale} rating")));
            }
            (_, None, choices) if !choices.is_empty() => {
                return Err(Error::invalid("answer", "this step asks for one of its choices"));
            }
            _ => return Err(Error::invalid("answer", "this step asks for done (or stop)")),
        }
        Ok(step)
    }
}

/// The first rating given at a step of this purpose.
pub fn rating(answers: &[Answered], purpose: StepPurpose) -> Option<u32> {
    answers.iter().find_map(|a| match (&a.answer, a.purpose == purpose) {
        (StepAnswer::Rating { value }, true) => Some(*value),
        _ => None,
    })
}

/// The first choice made at a step of this purpose.
pub fn choice(answers: &[Answered], purpose: StepPurpose) -> Option<&str> {
    answers.iter().find_map(|a| match (&a.answer, a.purpose == purpose) {
        (StepAnswer::Choice { id }, true) => Some(id.as_str()),
        _ => None,
    })
}

/// What a finished session opens up next (typed; its sentence is made by
/// [`words::closing`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
pub enum Offer {
    /// The texture was tolerated `sessions` times in a row: the next one.
    NextTexture { texture: String, sessions: u32 },
    /// The whole ladder was tolerated: the next phase, from the first texture.
    NextPhase { phase: textures::Phase, texture: String },
    /// Every texture in every phase tolerated.
    LadderDone,
    /// Fear of this step fell: the next step of the exposure ladder.
    NextExposureStep { activity: String },
    /// Fear fell on the last step of the exposure ladder.
    ExposureLadderDone,
    /// Mirror therapy moves on to this level next session.
    MirrorLevel { level: mirror::Level },
}

/// The step record a shell draws: every word filled in, the timer, the scale and the
/// choices, and progress. The shell shows it as it is and answers with a [`StepAnswer`].
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct SessionStep {
    pub session_id: i64,
    /// The index to answer with.
    pub index: u32,
    /// Steps in the session, for "step 3 of 12" (`index + 1` of `total`).
    pub total: u32,
    pub purpose: StepPurpose,
    pub title: String,
    pub prompt: String,
    /// A picture to render (a stimulus id for `render_stimulus`), for motor imagery.
    pub picture: Option<String>,
    pub timer: Option<StepTimer>,
    pub rating: Option<RatingScale>,
    pub choices: Vec<StepChoice>,
    /// The helper's prompt of a sensory drill, typed, so a shell can mark the region on
    /// a body map (on helper-cue steps only).
    pub sensory: Option<SensoryPrompt>,
    /// The next step's title ("Rest"), or `None` when this is the last.
    pub next: Option<String>,
}

/// What the helper applies where, in a sensory drill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SensoryPrompt {
    pub drill: sensory::Drill,
    pub region: sensory::Region,
    /// The letter, number, "blunt" or "sharp" to apply (the region for a location drill).
    pub target: String,
}

/// A rating the step asks for: the scale, its range and the words at each end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct RatingScale {
    pub scale: Scale,
    pub min: u32,
    pub max: u32,
    pub min_label: String,
    pub max_label: String,
}

/// One choice: the id to answer with and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct StepChoice {
    pub id: String,
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script() -> Script {
        Script {
            steps: vec![
                Step::new(StepPurpose::PainBefore, About::Nothing),
                Step::timed(StepPurpose::Touch, 60, TimerCue::Touch, About::Nothing),
                Step::new(StepPurpose::PainCheck, About::Nothing),
                Step::new(StepPurpose::Feeling, About::Nothing),
            ],
            stop_above: Some(3),
        }
    }

    fn answered(index: u32, purpose: StepPurpose, answer: StepAnswer) -> Answered {
        Answered { index, purpose, answer }
    }

    #[test]
    fn answers_are_checked_against_their_step() {
        let s = script();
        let field = |r: Result<&Step>| match r {
            Err(Error::InvalidArgument { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(s.check(&[], 1, &StepAnswer::Done)), "index");
        assert_eq!(field(s.check(&[], 0, &StepAnswer::Rating { value: 11 })), "answer.value");
        assert_eq!(field(s.check(&[], 0, &StepAnswer::Done)), "answer");
        s.check(&[], 0, &StepAnswer::Rating { value: 10 }).unwrap();
        s.check(&[], 0, &StepAnswer::Stop).unwrap();
        let a = [
            answered(0, StepPurpose::PainBefore, StepAnswer::Rating { value: 2 }),
            answered(1, StepPurpose::Touch, StepAnswer::Done),
            answered(2, StepPurpose::PainCheck, StepAnswer::Rating { value: 3 }),
        ];
        assert_eq!(field(s.check(&a, 3, &StepAnswer::Choice { id: "awful".into() })), "answer.id");
        assert_eq!(field(s.check(&a, 3, &StepAnswer::Done)), "answer");
        s.check(&a, 3, &StepAnswer::Choice { id: "worse".into() }).unwrap();
    }

    #[test]
    fn pain_above_the_limit_ends_a_session_and_stop_ends_it_too() {
        let s = script();
        let mut a = vec![
            answered(0, StepPurpose::PainBefore, StepAnswer::Rating { value: 5 }),
            answered(1, StepPurpose::Touch, StepAnswer::Done),
        ];
        assert_eq!(s.position(&a), Position::Next(2), "pain before touch does not stop it");
        a.push(answered(2, StepPurpose::PainCheck, StepAnswer::Rating { value: 4 }));
        assert_eq!(s.position(&a), Position::Ended(Ending::PainStop));
        assert!(matches!(s.check(&a, 3, &StepAnswer::Done), Err(Error::InvalidState(_))));
        a[2].answer = StepAnswer::Rating { value: 3 };
        assert_eq!(s.position(&a), Position::Next(3), "3/10 is not above 3/10");
        a.push(answered(3, StepPurpose::Feeling, StepAnswer::Stop));
        assert_eq!(s.position(&a), Position::Ended(Ending::Stopped));
        a[3].answer = StepAnswer::Choice { id: "fine".into() };
        assert_eq!(s.position(&a), Position::Ended(Ending::Completed));
    }

    #[test]
    fn scripts_round_trip_as_json() {
        let s = script();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Script>(&json).unwrap(), s);
    }
}
