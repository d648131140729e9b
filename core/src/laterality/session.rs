//! One left/right session as rules: the settings it was started with, where it stands
//! (the picture to show now, how many are answered), and the outcome of an answer. The
//! use case (`usecases::left_right`) loads and stores it; nothing here touches SQL.

use super::levels::{self, SessionOutcome};
use super::scoring::{Score, Trial, TrialFlags};
use super::sequence::{self, Request};
use super::stats::{LateralityStats, Observation, SideStats};
use crate::error::{Error, Result};
use crate::messages::{Locale, t};
use crate::params::Parameters;
use crate::stimulus::{BodyPart, StimulusSpec};
use rand::SeedableRng;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the patient (or their plan) chose for a session; `None` takes the default.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LeftRightSettings {
    pub body_part: BodyPart,
    /// Pictures in the session (10–100; default 50).
    #[uniffi(default = None)]
    pub count: Option<u32>,
    /// Time to answer each picture (2 000–60 000 ms; default 5 000).
    #[uniffi(default = None)]
    pub time_limit_ms: Option<u32>,
    /// Show right/wrong briefly after each answer (default on).
    #[uniffi(default = None)]
    pub feedback: Option<bool>,
    /// Difficulty level 1–6; default: the patient's current level on the ladder.
    #[uniffi(default = None)]
    pub level: Option<u32>,
    /// Seed for the picture sequence; default: drawn at random (and stored either way).
    #[uniffi(default = None)]
    pub seed: Option<u64>,
    /// Unscored practice pictures before the session (0–20; default from the table, 0).
    #[uniffi(default = None)]
    pub practice: Option<u32>,
}

impl LeftRightSettings {
    /// The parameters this session runs with: `base` with the patient's choices applied,
    /// each range-checked (errors name `settings.<field>`).
    pub fn session_params(&self, base: &Parameters) -> Result<SessionParams> {
        let mut parameters = base.clone();
        if let Some(count) = self.count {
            parameters.set("images_per_session", f64::from(count), "settings.count")?;
        }
        if let Some(limit) = self.time_limit_ms {
            parameters.set("time_limit_ms", f64::from(limit), "settings.time_limit_ms")?;
        }
        if let Some(practice) = self.practice {
            parameters.set("practice_trials", f64::from(practice), "settings.practice")?;
        }
        if let Some(l) = self.level.filter(|l| !(levels::MIN_LEVEL..=levels::MAX_LEVEL).contains(l)) {
            return Err(Error::invalid(
                "settings.level",
                format!("{l}; levels run from {} to {}", levels::MIN_LEVEL, levels::MAX_LEVEL),
            ));
        }
        Ok(SessionParams { parameters, feedback: self.feedback.unwrap_or(true) })
    }
}

/// What a session stores about how it runs (as JSON with the session).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionParams {
    pub parameters: Parameters,
    pub feedback: bool,
}

/// The picture to show now. The shell shows a fixation cross for `fixation_ms`, then the
/// picture (its first frame is the onset); touches and keys before the onset are not
/// answers and are dropped, in every shell.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct TrialPrompt {
    pub session_id: i64,
    /// Trial index to answer with (voided trials use up an index).
    pub index: u32,
    /// 1-based number of this picture in its block, for "12 of 50".
    pub position: u32,
    /// Pictures in its block: the practice block or the session proper.
    pub total: u32,
    /// An unscored practice picture (before the session proper).
    pub practice: bool,
    pub stimulus: StimulusSpec,
    pub stimulus_id: String,
    pub time_limit_ms: u32,
    /// How long to show the fixation cross before the picture.
    pub fixation_ms: u32,
    /// The picture that follows once this one is answered (`None` for the last), so the
    /// shell can draw it while this one is on screen and show it without a wait. After
    /// a void the core hands out a replacement instead, which the shell draws then.
    pub next_stimulus: Option<StimulusSpec>,
    /// Where the patient is, in words: "Picture 12 of 50".
    pub progress_text: String,
    /// What a screen reader says for the picture.
    pub picture_label: String,
}

/// What an answer was, as feedback tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
pub enum FeedbackVerdict {
    Correct,
    Wrong,
    /// The time limit passed without an answer.
    TimedOut,
    /// Answered faster than a picture can be judged (an anticipation), right or wrong.
    TooQuick,
}

/// The feedback to show after an answer, when feedback is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TrialFeedback {
    pub verdict: FeedbackVerdict,
    /// The sentence to show (with its sign, so it is never told by colour alone).
    pub text: String,
    /// How long to show it before the next fixation cross.
    pub show_ms: u32,
}

/// What happened to one answer, and what comes next.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct AnswerOutcome {
    pub index: u32,
    pub correct: bool,
    pub timeout: bool,
    pub anticipation: bool,
    pub rt_ms: Option<f64>,
    /// What to show before the next picture; `None` when feedback is off.
    pub feedback: Option<TrialFeedback>,
    pub answered: u32,
    pub total: u32,
    /// The next picture, or `None` when the session is ready to finish.
    pub next: Option<TrialPrompt>,
}

/// A session with everything needed to know where it stands.
pub struct Progress {
    pub session_id: i64,
    pub body_part: BodyPart,
    pub level: u32,
    pub seed: u64,
    pub params: SessionParams,
    pub plan: Vec<StimulusSpec>,
    pub trials: Vec<Trial>,
}

impl Progress {
    /// Pictures answered or timed out, practice ones included (voided ones do not count):
    /// the position in the plan.
    fn done(&self) -> u32 {
        self.trials.iter().filter(|t| !t.voided()).count() as u32
    }

    fn practice_count(&self) -> u32 {
        self.params.parameters.practice_trials.min(self.plan.len() as u32)
    }

    /// Scored pictures answered or timed out.
    pub fn answered(&self) -> u32 {
        self.done().saturating_sub(self.practice_count())
    }

    /// Scored pictures in the session.
    pub fn total(&self) -> u32 {
        self.plan.len() as u32 - self.practice_count()
    }

    /// Every planned picture is answered or timed out: the session can be completed.
    pub fn finished(&self) -> bool {
        self.done() as usize >= self.plan.len()
    }

    /// The picture to show now: the next planned one, or after a void a fresh picture of
    /// the same side, derived from the seed so it is the same on every call. `None` when
    /// every planned picture is answered.
    pub fn current(&self, locale: Locale) -> Option<TrialPrompt> {
        let done = self.done();
        let planned = *self.plan.get(done as usize)?;
        let stimulus = if self.trials.last().is_some_and(Trial::voided) {
            let mut shown = self.plan.clone();
            shown.extend(self.trials.iter().filter_map(|t| StimulusSpec::from_id(&t.stimulus).ok()));
            let none = HashMap::new();
            let req = Request {
                body_part: self.body_part,
                level: self.level,
                count: self.plan.len() as u32,
                skin_tone: planned.skin_tone,
                seed: self.seed,
                last_seen: &none,
            };
            sequence::replacement(&req, planned.side, &shown, self.trials.len() as u64)
        } else {
            planned
        };
        let index = self.trials.len() as u32;
        let practice = done < self.practice_count();
        let (position, total) =
            if practice { (done + 1, self.practice_count()) } else { (self.answered() + 1, self.total()) };
        let progress_text = if practice {
            t!(locale, "trial-progress-practice", position = position, total = total)
        } else {
            t!(locale, "trial-progress", position = position, total = total)
        };
        Some(TrialPrompt {
            session_id: self.session_id,
            index,
            position,
            total,
            practice,
            stimulus_id: stimulus.id(),
            stimulus,
            time_limit_ms: self.params.parameters.time_limit_ms,
            fixation_ms: self.fixation_ms(index),
            next_stimulus: self.plan.get(done as usize + 1).copied(),
            picture_label: t!(locale, "trial-picture", position = position, total = total),
            progress_text,
        })
    }

    /// The fixation before trial `index`: the parameter's time plus, when jitter is on, a
    /// part of it derived from the seed and the index, so a replay shows the same.
    fn fixation_ms(&self, index: u32) -> u32 {
        let p = &self.params.parameters;
        if p.fixation_jitter_ms == 0 {
            return p.fixation_ms;
        }
        let mut rng =
            rand_chacha::ChaCha8Rng::seed_from_u64(self.seed ^ (u64::from(index) << 32 | 0xF1_0000));
        p.fixation_ms + rand::Rng::random_range(&mut rng, 0..=p.fixation_jitter_ms)
    }

    /// The current prompt, checking the shell is answering that trial.
    pub fn expect(&self, index: u32, locale: Locale) -> Result<TrialPrompt> {
        let current = self.current(locale).ok_or_else(|| {
            Error::InvalidState(format!(
                "all {} pictures of session {} are answered; finish the session",
                self.plan.len(),
                self.session_id
            ))
        })?;
        if index < current.index {
            return Err(Error::InvalidState(format!("trial {index} was already answered")));
        }
        if index > current.index {
            return Err(Error::InvalidState(format!(
                "trial {index} is out of order: the current trial is {}",
                current.index
            )));
        }
        Ok(current)
    }

    /// The trial to record for an answer to `prompt` (`response` is `None` for a timeout).
    pub fn record(
        prompt: &TrialPrompt,
        onset_ns: i64,
        response: Option<(i64, crate::stimulus::Side)>,
        score: Score,
    ) -> Trial {
        Trial {
            stimulus: prompt.stimulus_id.clone(),
            side: prompt.stimulus.side,
            onset_ns,
            response_ns: response.map(|(ns, _)| ns),
            answer: response.map(|(_, side)| side),
            correct: score.correct,
            flags: score.flags | if prompt.practice { TrialFlags::PRACTICE } else { 0 },
        }
    }

    /// What the shell is told after `trial` (just recorded and pushed) was scored.
    pub fn outcome(&self, trial: &Trial, index: u32, locale: Locale) -> AnswerOutcome {
        AnswerOutcome {
            index,
            correct: trial.correct,
            timeout: trial.timed_out(),
            anticipation: trial.anticipated(),
            rt_ms: trial.rt_ms(),
            feedback: self
                .params
                .feedback
                .then(|| feedback(trial, self.params.parameters.feedback_ms, locale)),
            answered: self.answered(),
            total: self.total(),
            next: self.current(locale),
        }
    }

    /// The trial recording a void of `prompt` (`onset_ns` 0 if it never showed).
    pub fn void_record(prompt: &TrialPrompt, onset_ns: Option<i64>) -> Result<Trial> {
        let onset_ns = onset_ns.unwrap_or(0);
        if onset_ns < 0 {
            return Err(Error::invalid("onset_ns", format!("{onset_ns} is negative")));
        }
        Ok(Trial {
            stimulus: prompt.stimulus_id.clone(),
            side: prompt.stimulus.side,
            onset_ns,
            response_ns: None,
            answer: None,
            correct: false,
            flags: TrialFlags::VOIDED | if prompt.practice { TrialFlags::PRACTICE } else { 0 },
        })
    }

    /// How the ladder sees this session, given its statistics; `day` is its local day. A
    /// session at the gate's standard on both sides with few anticipations is a good one.
    pub fn ladder_outcome(&self, stats: &LateralityStats, day: i64) -> SessionOutcome {
        let p = &self.params.parameters;
        let accuracy = |s: &SideStats| s.accuracy.unwrap_or(0.0);
        let at_standard = |s: &SideStats| {
            accuracy(s) >= p.gate_accuracy && s.median_rt_ms.is_some_and(|m| m <= f64::from(p.gate_rt_ms))
        };
        let few_guesses = super::gate::anticipation_fraction(stats) <= p.gate_max_anticipations;
        SessionOutcome {
            level: self.level,
            day,
            at_standard: at_standard(&stats.left) && at_standard(&stats.right) && few_guesses,
            worst_accuracy: accuracy(&stats.left).min(accuracy(&stats.right)),
        }
    }
}

/// The feedback for a scored trial. A time-out or an anticipation is told as such before
/// right or wrong: a guess that happened to be right is still a guess.
fn feedback(trial: &Trial, show_ms: u32, locale: Locale) -> TrialFeedback {
    let (verdict, text) = if trial.timed_out() {
        (FeedbackVerdict::TimedOut, t!(locale, "feedback-timed-out"))
    } else if trial.anticipated() {
        (FeedbackVerdict::TooQuick, t!(locale, "feedback-too-quick"))
    } else if trial.correct {
        (FeedbackVerdict::Correct, t!(locale, "feedback-correct"))
    } else {
        (FeedbackVerdict::Wrong, t!(locale, "feedback-wrong"))
    };
    TrialFeedback { verdict, text, show_ms }
}

/// Parses a stored stimulus id; a bad id in the database is corruption, not user input.
fn parse_stored(id: &str) -> Result<StimulusSpec> {
    StimulusSpec::from_id(id).map_err(|_| Error::InvalidState(format!("stored stimulus '{id}' is not valid")))
}

/// The stored plan's ids as specs.
pub fn parse_plan(ids: &[String]) -> Result<Vec<StimulusSpec>> {
    ids.iter().map(|id| parse_stored(id)).collect()
}

/// Trials as the statistics see them.
pub fn observations<'a>(trials: impl IntoIterator<Item = &'a Trial>) -> Result<Vec<Observation>> {
    trials
        .into_iter()
        .map(|t| {
            Ok(Observation {
                spec: parse_stored(&t.stimulus)?,
                correct: t.correct,
                rt_ns: t.response_ns.filter(|_| !t.timed_out()).map(|r| r - t.onset_ns),
                flags: t.flags,
            })
        })
        .collect()
}
