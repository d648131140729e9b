//! Tactile desensitisation (seed 002): a ladder of textures, softest first, touched for
//! 5 minutes at a time with a pain check each minute; pain above 3/10 stops the session.
//! A texture tolerated for N sessions in a row without a stop moves the patient to the
//! next one; after the last texture the next phase starts again from the first: passive
//! touch with eyes open → active movement during touch → temperature → functional use.

use super::{About, Script, Step, StepPurpose, TimerCue};
use crate::error::{Error, Result};
use crate::params::Parameters;
use crate::text::text_enum;

/// Most textures on a ladder.
pub const MAX_TEXTURES: usize = 12;
/// Longest texture name, in characters.
pub const MAX_NAME_CHARS: usize = 40;

text_enum!(
    /// The four phases of desensitisation, in order.
    Phase {
        PassiveTouch => "passive-touch",
        ActiveMovement => "active-movement",
        Temperature => "temperature",
        FunctionalUse => "functional-use",
    }
);

/// The default ladder (seed 002), named in the patient's language until they or their
/// therapist write their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultTexture {
    CottonBall,
    Silk,
    SoftTowel,
    Denim,
    EverydayClothes,
}

impl DefaultTexture {
    pub const ALL: &'static [DefaultTexture] = &[
        DefaultTexture::CottonBall,
        DefaultTexture::Silk,
        DefaultTexture::SoftTowel,
        DefaultTexture::Denim,
        DefaultTexture::EverydayClothes,
    ];
}

/// Checks a ladder a patient or therapist wrote: 1–12 names, each 1–40 characters once
/// trimmed, no control characters, no name twice (ignoring case). Returns the trimmed
/// names; errors name `textures` or `textures[i]`.
pub fn check_ladder(names: &[String]) -> Result<Vec<String>> {
    if names.is_empty() || names.len() > MAX_TEXTURES {
        return Err(Error::invalid(
            "textures",
            format!("{} textures; a ladder has 1 to {MAX_TEXTURES}", names.len()),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let field = format!("textures[{i}]");
        let name = name.trim();
        let chars = name.chars().count();
        if chars == 0 || chars > MAX_NAME_CHARS {
            return Err(Error::invalid(
                &field,
                format!("{chars} characters; a name has 1 to {MAX_NAME_CHARS}"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(Error::invalid(&field, "a name cannot hold control characters"));
        }
        if out.iter().any(|o| o.to_lowercase() == name.to_lowercase()) {
            return Err(Error::invalid(&field, format!("'{name}' is on the ladder twice")));
        }
        out.push(name.to_string());
    }
    Ok(out)
}

/// A finished desensitisation session, as the ladder counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Past {
    pub phase: Phase,
    /// The texture's place on the ladder (0: the first).
    pub position: u32,
    /// Completed without a pain stop.
    pub tolerated: bool,
}

/// Where the patient is on the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub position: u32,
    /// Tolerated sessions in a row on this texture in this phase.
    pub streak: u32,
    /// Every texture in every phase tolerated: the ladder is done (the patient goes on
    /// with the last texture in functional use).
    pub done: bool,
}

/// Replays finished sessions (oldest first) against a ladder of `len` textures: a
/// tolerated session on the current texture adds to the streak, a pain stop resets it,
/// and `needed` in a row moves on. Sessions on another texture (an older ladder) do not
/// count.
pub fn progress(len: u32, history: &[Past], needed: u32) -> Progress {
    let mut at = Progress { phase: Phase::PassiveTouch, position: 0, streak: 0, done: false };
    for past in history {
        if at.done || past.phase != at.phase || past.position != at.position {
            continue;
        }
        at.streak = if past.tolerated { at.streak + 1 } else { 0 };
        if at.streak >= needed.max(1) {
            at.streak = 0;
            if at.position + 1 < len {
                at.position += 1;
            } else if let Some(next) =
                Phase::ALL.iter().position(|p| *p == at.phase).and_then(|i| Phase::ALL.get(i + 1))
            {
                at.phase = *next;
                at.position = 0;
            } else {
                at.done = true;
            }
        }
    }
    at
}

/// The session with one texture: pain before, how to touch in this phase, touch in
/// blocks of `desensitise_check_s` with a pain check after each but the last, pain after.
pub fn script(texture: &str, phase: Phase, p: &Parameters) -> Script {
    let about = About::Texture { name: texture.to_string(), phase };
    let total = p.desensitise_minutes * 60;
    let block = p.desensitise_check_s.max(1);
    let mut steps = vec![
        Step::new(StepPurpose::PainBefore, About::Nothing),
        Step::new(StepPurpose::Setup, about.clone()),
    ];
    let mut left = total;
    while left > 0 {
        let seconds = left.min(block);
        left -= seconds;
        steps.push(Step::timed(StepPurpose::Touch, seconds, TimerCue::Touch, about.clone()));
        if left > 0 {
            steps.push(Step::new(StepPurpose::PainCheck, about.clone()));
        }
    }
    steps.push(Step::new(StepPurpose::PainAfter, About::Nothing));
    Script { steps, stop_above: Some(p.desensitise_stop_pain) }
}

#[cfg(test)]
mod tests {
    use super::super::{Answered, Ending, Position, StepAnswer};
    use super::*;

    fn past(phase: Phase, position: u32, tolerated: bool) -> Past {
        Past { phase, position, tolerated }
    }

    #[test]
    fn five_minutes_with_a_check_each_minute_and_a_stop_above_three() {
        let p = Parameters::default();
        let s = script("silk", Phase::PassiveTouch, &p);
        let touch: u32 = s
            .steps
            .iter()
            .filter(|s| s.purpose == StepPurpose::Touch)
            .map(|s| s.timer.unwrap().seconds)
            .sum();
        assert_eq!(touch, 300);
        assert_eq!(s.steps.iter().filter(|s| s.purpose == StepPurpose::PainCheck).count(), 4);
        assert_eq!(s.steps.len(), 2 + 5 + 4 + 1);
        // Pain before 2, a minute of touch, pain 3 (fine), a minute, pain 4: stop.
        let mut answers = Vec::new();
        let mut give = |i: usize, a: StepAnswer| {
            answers.push(Answered { index: i as u32, purpose: s.steps[i].purpose, answer: a });
            s.position(&answers)
        };
        assert_eq!(give(0, StepAnswer::Rating { value: 2 }), Position::Next(1));
        give(1, StepAnswer::Done);
        give(2, StepAnswer::Done);
        assert_eq!(give(3, StepAnswer::Rating { value: 3 }), Position::Next(4));
        give(4, StepAnswer::Done);
        assert_eq!(give(5, StepAnswer::Rating { value: 4 }), Position::Ended(Ending::PainStop));
    }

    #[test]
    fn the_next_texture_after_three_tolerated_sessions_in_a_row() {
        use Phase::*;
        let n = Parameters::default().desensitise_tolerated_sessions;
        assert_eq!(n, 3);
        let two = [past(PassiveTouch, 0, true), past(PassiveTouch, 0, true)];
        assert_eq!(
            progress(5, &two, n),
            Progress { phase: PassiveTouch, position: 0, streak: 2, done: false }
        );
        let spiked = [two[0], two[1], past(PassiveTouch, 0, false), past(PassiveTouch, 0, true)];
        assert_eq!(progress(5, &spiked, n).streak, 1, "a pain stop starts the count again");
        let three = [two[0], two[1], past(PassiveTouch, 0, true)];
        assert_eq!(progress(5, &three, n).position, 1);
        let other = [two[0], past(PassiveTouch, 3, true), two[1], past(ActiveMovement, 0, true)];
        assert_eq!(progress(5, &other, n).streak, 2, "other textures do not count");
    }

    #[test]
    fn after_the_last_texture_the_next_phase_and_after_the_last_phase_done() {
        let mut history = Vec::new();
        for phase in Phase::ALL {
            for position in 0..2 {
                history.push(past(*phase, position, true));
            }
        }
        let at = progress(2, &history[..2], 1);
        assert_eq!((at.phase, at.position), (Phase::ActiveMovement, 0));
        let at = progress(2, &history[..6], 1);
        assert_eq!((at.phase, at.position, at.done), (Phase::FunctionalUse, 0, false));
        assert!(progress(2, &history, 1).done);
    }

    #[test]
    fn ladders_are_bounded_and_named_fields_refuse_bad_names() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(check_ladder(&names(&[" wool ", "linen"])).unwrap(), ["wool", "linen"]);
        let field = |v: Vec<String>| match check_ladder(&v) {
            Err(Error::InvalidArgument { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(Vec::new()), "textures");
        assert_eq!(field(vec!["x".into(); MAX_TEXTURES + 1]), "textures");
        assert_eq!(field(names(&["wool", "   "])), "textures[1]");
        assert_eq!(field(names(&["wool", &"y".repeat(MAX_NAME_CHARS + 1)])), "textures[1]");
        assert_eq!(field(names(&["wool", "Wool"])), "textures[1]");
        assert_eq!(field(names(&["a\u{1b}[2J"])), "textures[0]");
    }
}
