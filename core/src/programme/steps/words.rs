//! The words of a guided session: a typed step (and the answers before it) becomes the
//! [`SessionStep`] a shell draws, and a session's ending and offer become its closing
//! sentence. Every sentence comes from the `sessions` catalogue; nothing here decides.

use super::mirror::{self, Level};
use super::sensory::{Drill, Region};
use super::textures::{DefaultTexture, Phase};
use super::{
    About, Answered, CountdownWords, Ending, Offer, RatingScale, Scale, Script, SensoryPrompt, SessionStep,
    StepChoice, StepPurpose,
};
use crate::messages::{Locale, t};
use crate::stimulus::{BodyPart, StimulusSpec};

/// A step's countdown at `seconds_left`: `m:ss` on screen, words for a screen reader.
pub fn countdown(seconds_left: u32, locale: Locale) -> CountdownWords {
    let (minutes, seconds) = (seconds_left / 60, seconds_left % 60);
    let spoken = match (minutes, seconds) {
        (0, 0) => t!(locale, "countdown-done"),
        (0, _) => t!(locale, "countdown-seconds", seconds = seconds),
        (_, 0) => t!(locale, "countdown-minutes", minutes = minutes),
        _ => t!(locale, "countdown-minutes-seconds", minutes = minutes, seconds = seconds),
    };
    CountdownWords { shown: format!("{minutes}:{seconds:02}"), spoken }
}

/// The record for step `index` of `script`.
pub fn step(
    session_id: i64,
    script: &Script,
    index: usize,
    answers: &[Answered],
    locale: Locale,
) -> SessionStep {
    let step = &script.steps[index];
    let (title, prompt) = sentences(script, index, answers, locale);
    let rating = step.scale().map(|scale| {
        let (min, max) = scale.range();
        let (min_label, max_label) = anchors(scale, locale);
        RatingScale { scale, min, max, min_label, max_label }
    });
    let choices = step
        .choices()
        .into_iter()
        .map(|id| StepChoice { label: choice_label(&id, step, locale), id })
        .collect();
    let picture = match &step.about {
        About::Picture { stimulus, .. } => Some(stimulus.clone()),
        _ => None,
    };
    let sensory = match (&step.about, step.purpose) {
        (About::Sensory(cue), StepPurpose::HelperCue) => {
            Some(SensoryPrompt { drill: cue.drill, region: cue.region, target: cue.target.clone() })
        }
        _ => None,
    };
    SessionStep {
        session_id,
        index: index as u32,
        total: script.steps.len() as u32,
        purpose: step.purpose,
        title,
        prompt,
        picture,
        timer: step.timer,
        rating,
        choices,
        sensory,
        next: (index + 1 < script.steps.len()).then(|| sentences(script, index + 1, answers, locale).0),
    }
}

/// The session's body part, from whatever its steps are about.
fn body_part(script: &Script) -> Option<BodyPart> {
    script.steps.iter().find_map(|s| match &s.about {
        About::Picture { stimulus, .. } => StimulusSpec::from_id(stimulus).ok().map(|s| s.body_part),
        About::Sensory(cue) => Some(cue.body_part),
        _ => None,
    })
}

/// (title, prompt) of step `index`.
fn sentences(script: &Script, index: usize, answers: &[Answered], l: Locale) -> (String, String) {
    use StepPurpose::*;
    let step = &script.steps[index];
    let part = body_part(script).map(|p| part_name(l, p)).unwrap_or_else(|| t!(l, "part-limb"));
    let limit = script.stop_above.unwrap_or(10);
    match (step.purpose, &step.about) {
        (PainBefore, _) => (t!(l, "step-pain-title"), t!(l, "step-pain-before")),
        (PainAfter, _) => (t!(l, "step-pain-title"), t!(l, "step-pain-after")),
        (PainCheck, _) => (t!(l, "step-pain-check-title"), t!(l, "step-pain-check", limit = limit)),
        (Setup, About::MirrorSetup { .. }) => (t!(l, "mirror-setup-title"), t!(l, "mirror-setup")),
        (MirrorPlacement, _) => {
            let phone = super::choice(answers, Setup) == Some(mirror::Setup::Phone.as_str());
            let prompt = if phone { t!(l, "mirror-placement-phone") } else { t!(l, "mirror-placement-box") };
            (t!(l, "mirror-placement-title"), prompt)
        }
        (Movement, About::Mirror { movement, level }) => {
            let prompt = if *level == Level::BothLimbs {
                t!(l, "mirror-movement-both")
            } else {
                t!(l, "mirror-movement-one")
            };
            (movement_name(l, *movement), prompt)
        }
        (Rest, About::Mirror { .. }) => (t!(l, "mirror-rest-title"), t!(l, "mirror-rest")),
        (Feeling, _) => (t!(l, "mirror-feeling-title"), t!(l, "mirror-feeling")),
        (Setup, About::Texture { name, phase }) => {
            let texture = name.as_str();
            let prompt = match phase {
                Phase::PassiveTouch => t!(l, "textures-setup-passive-touch", texture = texture),
                Phase::ActiveMovement => t!(l, "textures-setup-active-movement", texture = texture),
                Phase::Temperature => t!(l, "textures-setup-temperature", texture = texture),
                Phase::FunctionalUse => t!(l, "textures-setup-functional-use", texture = texture),
            };
            (format!("{texture} · {}", phase_name(l, *phase)), prompt)
        }
        (Touch, About::Texture { name, .. }) => {
            (t!(l, "textures-touch-title"), t!(l, "textures-touch", texture = name.as_str(), limit = limit))
        }
        (Setup, About::Nothing)
            if matches!(body_part(script), Some(BodyPart::Back | BodyPart::Neck))
                && script.steps.iter().any(|s| s.purpose == HelperCue) =>
        {
            (t!(l, "sensory-setup-title"), t!(l, "sensory-setup", part = part))
        }
        (Setup, _) => {
            let pictures = script.steps.iter().filter(|s| s.purpose == Imagine).count()
                / script
                    .steps
                    .iter()
                    .find_map(|s| match s.about {
                        About::Picture { of, .. } => Some(of.max(1) as usize),
                        _ => None,
                    })
                    .unwrap_or(1);
            (t!(l, "imagery-setup-title"), t!(l, "imagery-setup", count = pictures, part = part))
        }
        (Imagine, About::Picture { repetition, of, .. }) => (
            t!(l, "imagery-imagine-title", repetition = *repetition, of = *of),
            t!(l, "imagery-imagine", part = part),
        ),
        (Rest, _) => (t!(l, "imagery-rest-title"), t!(l, "imagery-rest")),
        (Vividness, _) => (t!(l, "imagery-vividness-title"), t!(l, "imagery-vividness")),
        (ExpectedPain, About::Activity { name }) => {
            (t!(l, "exposure-expected-title"), t!(l, "exposure-expected", activity = name.as_str()))
        }
        (FearBefore, About::Activity { name }) => {
            (t!(l, "exposure-fear-title"), t!(l, "exposure-fear-before", activity = name.as_str()))
        }
        (Breathing, _) => (t!(l, "exposure-breathing-title"), t!(l, "exposure-breathing")),
        (Activity, About::Activity { name }) => (name.clone(), t!(l, "exposure-activity")),
        (ActualPain, _) => (t!(l, "exposure-actual-title"), t!(l, "exposure-actual")),
        (FearAfter, About::Activity { name }) => {
            (t!(l, "exposure-fear-title"), t!(l, "exposure-fear-after", activity = name.as_str()))
        }
        (HelperCue, About::Sensory(cue)) => {
            let region = region_name(l, cue.region);
            let target = cue.target.as_str();
            let prompt = match cue.drill {
                Drill::Location => t!(l, "sensory-cue-location", region = &region),
                Drill::Letter => t!(l, "sensory-cue-letter", region = &region, target = target),
                Drill::Number => t!(l, "sensory-cue-number", region = &region, target = target),
                Drill::Sharpness if target == "sharp" => t!(l, "sensory-cue-sharp", region = &region),
                Drill::Sharpness => t!(l, "sensory-cue-blunt", region = &region),
            };
            (t!(l, "sensory-cue-title", region = &region), prompt)
        }
        (PatientAnswer, About::Sensory(cue)) => {
            let prompt = match cue.drill {
                Drill::Location => t!(l, "sensory-answer-location"),
                Drill::Letter => t!(l, "sensory-answer-letter"),
                Drill::Number => t!(l, "sensory-answer-number"),
                Drill::Sharpness => t!(l, "sensory-answer-sharpness"),
            };
            (t!(l, "sensory-answer-title"), prompt)
        }
        // Every script builder pairs these purposes with their subject; a stored script
        // that does not is read as a plain step rather than refused.
        _ => (t!(l, "step-continue-title"), t!(l, "step-continue")),
    }
}

fn anchors(scale: Scale, l: Locale) -> (String, String) {
    match scale {
        Scale::Pain => (t!(l, "scale-pain-min"), t!(l, "scale-pain-max")),
        Scale::Vividness => (t!(l, "scale-vividness-min"), t!(l, "scale-vividness-max")),
        Scale::Fear => (t!(l, "scale-fear-min"), t!(l, "scale-fear-max")),
    }
}

fn choice_label(id: &str, step: &super::Step, l: Locale) -> String {
    match step.purpose {
        StepPurpose::Feeling => match mirror::Feeling::parse(id, "id") {
            Ok(mirror::Feeling::Fine) => t!(l, "choice-fine"),
            Ok(mirror::Feeling::Strange) => t!(l, "choice-strange"),
            _ => t!(l, "choice-worse"),
        },
        StepPurpose::Setup => match mirror::Setup::parse(id, "id") {
            Ok(mirror::Setup::MirrorBox) => t!(l, "choice-mirror-box"),
            _ => t!(l, "choice-phone"),
        },
        _ => match (Region::parse(id, "id"), id) {
            (Ok(region), _) => region_name(l, region),
            (_, "blunt") => t!(l, "choice-blunt"),
            (_, "sharp") => t!(l, "choice-sharp"),
            (_, letter_or_number) => letter_or_number.to_string(),
        },
    }
}

pub fn part_name(l: Locale, part: BodyPart) -> String {
    match part {
        BodyPart::Hand => t!(l, "part-hand"),
        BodyPart::Foot => t!(l, "part-foot"),
        BodyPart::Back => t!(l, "part-back"),
        BodyPart::Neck => t!(l, "part-neck"),
        BodyPart::Knee => t!(l, "part-knee"),
        BodyPart::Shoulder => t!(l, "part-shoulder"),
    }
}

fn movement_name(l: Locale, m: mirror::Movement) -> String {
    use mirror::Movement;
    match m {
        Movement::OpenClose => t!(l, "movement-open-close"),
        Movement::SpreadFingers => t!(l, "movement-spread-fingers"),
        Movement::WristUpDown => t!(l, "movement-wrist-up-down"),
        Movement::ThumbToFingers => t!(l, "movement-thumb-to-fingers"),
        Movement::TurnPalm => t!(l, "movement-turn-palm"),
        Movement::ToesCurl => t!(l, "movement-toes-curl"),
        Movement::AnkleUpDown => t!(l, "movement-ankle-up-down"),
        Movement::AnkleCircles => t!(l, "movement-ankle-circles"),
        Movement::FootInOut => t!(l, "movement-foot-in-out"),
        Movement::KneeBend => t!(l, "movement-knee-bend"),
        Movement::KneeLift => t!(l, "movement-knee-lift"),
        Movement::ArmForward => t!(l, "movement-arm-forward"),
        Movement::ArmOut => t!(l, "movement-arm-out"),
        Movement::HandBehindHead => t!(l, "movement-hand-behind-head"),
    }
}

pub fn phase_name(l: Locale, p: Phase) -> String {
    match p {
        Phase::PassiveTouch => t!(l, "phase-passive-touch"),
        Phase::ActiveMovement => t!(l, "phase-active-movement"),
        Phase::Temperature => t!(l, "phase-temperature"),
        Phase::FunctionalUse => t!(l, "phase-functional-use"),
    }
}

/// A default texture's name in the patient's language.
pub fn texture_name(l: Locale, t: DefaultTexture) -> String {
    match t {
        DefaultTexture::CottonBall => t!(l, "texture-cotton-ball"),
        DefaultTexture::Silk => t!(l, "texture-silk"),
        DefaultTexture::SoftTowel => t!(l, "texture-soft-towel"),
        DefaultTexture::Denim => t!(l, "texture-denim"),
        DefaultTexture::EverydayClothes => t!(l, "texture-everyday-clothes"),
    }
}

fn region_name(l: Locale, r: Region) -> String {
    match r {
        Region::UpperLeft => t!(l, "region-upper-left"),
        Region::UpperRight => t!(l, "region-upper-right"),
        Region::MiddleLeft => t!(l, "region-middle-left"),
        Region::MiddleRight => t!(l, "region-middle-right"),
        Region::LowerLeft => t!(l, "region-lower-left"),
        Region::LowerRight => t!(l, "region-lower-right"),
    }
}

/// The closing sentences: how the session ended, then what is offered next.
pub fn closing(l: Locale, ending: Ending, limit: u32, offer: Option<&Offer>, felt_worse: bool) -> String {
    let mut text = match ending {
        Ending::Completed => t!(l, "result-completed"),
        Ending::PainStop => t!(l, "result-pain-stop", limit = limit),
        Ending::Stopped => t!(l, "result-stopped"),
    };
    if felt_worse {
        text.push(' ');
        text.push_str(&t!(l, "result-felt-worse"));
    }
    let more = match offer {
        None => return text,
        Some(Offer::NextTexture { texture, sessions }) => {
            t!(l, "offer-next-texture", texture = texture.as_str(), count = *sessions)
        }
        Some(Offer::NextPhase { phase, texture }) => {
            t!(l, "offer-next-phase", phase = phase_name(l, *phase), texture = texture.as_str())
        }
        Some(Offer::LadderDone) => t!(l, "offer-ladder-done"),
        Some(Offer::NextExposureStep { activity }) => {
            t!(l, "offer-next-exposure", activity = activity.as_str())
        }
        Some(Offer::ExposureLadderDone) => t!(l, "offer-exposure-done"),
        Some(Offer::MirrorLevel { level }) => match level {
            Level::BothLimbs => t!(l, "offer-mirror-both"),
            _ => t!(l, "offer-mirror-more"),
        },
    };
    text.push(' ');
    text.push_str(&more);
    text
}

#[cfg(test)]
mod tests {
    use super::super::{exposure, imagery, mirror, sensory, textures};
    use super::*;
    use crate::params::Parameters;
    use crate::stimulus::Side;

    /// Every step of every kind has words in both languages, and none falls back to the
    /// plain "continue" step.
    #[test]
    fn every_step_of_every_kind_has_its_own_words() {
        let p = Parameters::default();
        let req =
            imagery::Request { body_part: BodyPart::Foot, side: Some(Side::Right), skin_tone: 1, seed: 3 };
        let scripts = [
            imagery::script(&req, &p),
            mirror::script(BodyPart::Hand, Level::BothLimbs, &p).unwrap(),
            textures::script("silk", Phase::Temperature, &p),
            exposure::script("stairs", &p),
            sensory::script(BodyPart::Back, 9, &p).unwrap(),
        ];
        for l in Locale::ALL {
            let fallback = t!(*l, "step-continue");
            for s in &scripts {
                for (i, st) in s.steps.iter().enumerate() {
                    let r = step(1, s, i, &[], *l);
                    assert!(r.prompt != fallback && !r.title.is_empty(), "{st:?}");
                    assert!(!r.prompt.contains('{'), "{}", r.prompt);
                    assert_eq!(r.choices.len(), st.choices().len());
                    assert_eq!(r.next.is_none(), i + 1 == s.steps.len());
                }
            }
        }
        let r = step(1, &scripts[0], 2, &[], Locale::English);
        assert!(r.picture.is_some() && r.prompt.contains("foot"), "{}", r.prompt);
        let pain = step(1, &scripts[2], 0, &[], Locale::German).rating.unwrap();
        assert_eq!((pain.min, pain.max, pain.min_label.as_str()), (0, 10, "Kein Schmerz"));
    }

    #[test]
    fn the_placement_follows_the_mirror_chosen() {
        let s = mirror::script(BodyPart::Hand, Level::First, &Parameters::default()).unwrap();
        let chose = |id: &str| {
            vec![Answered {
                index: 1,
                purpose: StepPurpose::Setup,
                answer: super::super::StepAnswer::Choice { id: id.into() },
            }]
        };
        let phone = step(1, &s, 2, &chose("phone"), Locale::English).prompt;
        let boxed = step(1, &s, 2, &chose("mirror-box"), Locale::English).prompt;
        assert_ne!(phone, boxed);
        assert!(phone.contains("phone"), "{phone}");
    }

    #[test]
    fn the_countdown_is_shown_as_minutes_and_seconds_and_said_in_words() {
        let en = |s| countdown(s, Locale::English);
        assert_eq!(en(42), CountdownWords { shown: "0:42".into(), spoken: "42 seconds left".into() });
        assert_eq!(en(1).spoken, "1 second left");
        assert_eq!(en(60), CountdownWords { shown: "1:00".into(), spoken: "1 minute left".into() });
        assert_eq!(
            en(125),
            CountdownWords { shown: "2:05".into(), spoken: "2 minutes 5 seconds left".into() }
        );
        assert_eq!(en(0).spoken, "Time is up");
        assert_eq!(en(600).shown, "10:00");
        let de = |s| countdown(s, Locale::German).spoken;
        assert_eq!(de(42), "Noch 42 Sekunden");
        assert_eq!(de(61), "Noch 1 Minute 1 Sekunde");
        assert_eq!(de(0), "Die Zeit ist um");
    }
}
