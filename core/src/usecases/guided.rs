//! Guided sessions (every kind but left/right): start one with its script, hand out its
//! steps, check and commit each answer, finish it with what it opens up next; the texture
//! and exposure ladders; the sensory drills' accuracy; the "felt worse" answers the flare
//! rule reads.
//!
//! The script and every answer live in the database, so a killed app resumes at the step
//! it stopped on. Each write is one transaction; each read one snapshot.

use super::sessions::SessionSummary;
use crate::error::{Error, Result};
use crate::messages::{Locale, t};
use crate::params::Parameters;
use crate::patient::NewJournalEntry;
use crate::programme::steps::mirror::{self, Feeling};
use crate::programme::steps::textures::{self, DefaultTexture, Phase};
use crate::programme::steps::{
    self, About, Answered, Ending, Offer, Position, Script, SessionStep, StepAnswer, StepPurpose, exposure,
    imagery, sensory, words,
};
use crate::programme::{SessionKind, SessionState};
use crate::stimulus::BodyPart;
use crate::store::guided::{self, ExposureRow, GuidedRow};
use crate::store::{self, NewSession, SessionRow, Store, sessions};
use crate::time::WallTime;
use rusqlite::Connection;
use serde::Serialize;

/// A new guided session and its first step.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct GuidedStart {
    pub session: SessionSummary,
    pub first: SessionStep,
}

/// What an answer led to: the next step (`None`: the steps are over, finish the session)
/// and, when the session ended early or the answer needs one, a kind word to show.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct StepResult {
    pub next: Option<SessionStep>,
    pub notice: Option<String>,
}

/// A guided session's answers, how it ended, and (when just finished) what it opens up.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct GuidedResults {
    pub session: SessionSummary,
    /// `None` while the session is running or if it was interrupted mid-step.
    pub ending: Option<Ending>,
    /// Steps answered, of `total_steps`.
    pub answered: u32,
    pub total_steps: u32,
    pub pain_before: Option<u32>,
    pub pain_after: Option<u32>,
    /// The highest pain check during the session (desensitisation).
    pub highest_pain_check: Option<u32>,
    pub vividness: Option<u32>,
    pub feeling: Option<Feeling>,
    pub expected_pain: Option<u32>,
    pub actual_pain: Option<u32>,
    pub fear_before: Option<u32>,
    pub fear_after: Option<u32>,
    /// Exposure: fear fell enough to move up the ladder.
    pub passed: bool,
    /// Sensory drills: prompts answered and answered right.
    pub trials: u32,
    pub correct: u32,
    /// What finishing opened up; only returned by the finishing call.
    pub offer: Option<Offer>,
    /// The closing words.
    pub message: String,
}

/// The texture ladder and where a body part stands on it.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct TextureLadder {
    pub textures: Vec<String>,
    /// The patient's or therapist's own ladder (otherwise the defaults, in the patient's
    /// language).
    pub custom: bool,
    pub phase: Phase,
    /// The texture to use next (0: the first).
    pub current: u32,
    /// Tolerated sessions in a row on it, of `needed`.
    pub streak: u32,
    pub needed: u32,
    pub done: bool,
}

/// A step of the exposure ladder.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct ExposureStep {
    pub id: i64,
    pub activity: String,
    /// 0–100.
    pub fear: u8,
    pub exposures: u32,
    pub last_fear_after: Option<u32>,
    /// Fear fell enough after one of its exposures.
    pub passed: bool,
    /// The step the next exposure practises.
    pub current: bool,
}

/// Sensory drill answers for one region in one session.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct RegionAccuracy {
    pub session_id: i64,
    pub started_at: WallTime,
    pub region: sensory::Region,
    pub trials: u32,
    pub correct: u32,
    pub accuracy: f64,
}

/// A running guided session as loaded: its row, script and answers.
struct Loaded {
    session: SessionRow,
    guided: GuidedRow,
    script: Script,
    answers: Vec<Answered>,
}

fn load(c: &Connection, session_id: i64) -> Result<Loaded> {
    let session = sessions::get(c, session_id)?;
    let guided = guided::get(c, session_id)?.ok_or_else(|| {
        Error::InvalidState(format!(
            "session {session_id} has no steps (it was not started as a guided session)"
        ))
    })?;
    let script = serde_json::from_str(&guided.script)?;
    Ok(Loaded { answers: guided::answers(c, session_id)?, session, guided, script })
}

/// Starts a guided session of `kind`: its script is built from the profile, the ladders
/// and the history, and stored with the parameters in force.
pub fn start(
    store: &Store,
    kind: SessionKind,
    body_part: BodyPart,
    seed: u64,
    params: &Parameters,
    now: &WallTime,
    locale: Locale,
) -> Result<GuidedStart> {
    now.validate("now")?;
    store.write(|tx| {
        let (script, subject, phase) = plan(tx, kind, body_part, seed, params, locale)?;
        let row = sessions::start(
            tx,
            &NewSession {
                kind,
                body_part,
                seed,
                params_json: &serde_json::to_string(params)?,
                level: None,
                plan: "",
            },
            now,
        )?;
        let guided = GuidedRow {
            script: serde_json::to_string(&script)?,
            subject,
            phase,
            ending: None,
            passed: false,
        };
        guided::start(tx, row.id, &guided)?;
        let first = words::step(row.id, &script, 0, &[], locale);
        Ok(GuidedStart { session: row.into(), first })
    })
}

/// The script of a new session, with its subject (texture place, exposure step) and phase.
fn plan(
    tx: &Connection,
    kind: SessionKind,
    body_part: BodyPart,
    seed: u64,
    p: &Parameters,
    locale: Locale,
) -> Result<(Script, Option<i64>, Option<String>)> {
    Ok(match kind {
        SessionKind::LeftRight => {
            return Err(Error::invalid("kind", "left/right sessions start with start_left_right"));
        }
        SessionKind::MotorImagery => {
            let profile = store::profile::get(tx)?;
            let sides: Vec<_> =
                profile.affected.iter().filter(|a| a.body_part == body_part).map(|a| a.side).collect();
            let side = if sides.len() == 1 { Some(sides[0]) } else { None };
            let req = imagery::Request { body_part, side, skin_tone: profile.skin_tone, seed };
            (imagery::script(&req, p), None, None)
        }
        SessionKind::Mirror => {
            let level = mirror::level(guided::mirror_sessions_not_worse(tx, body_part)?, p);
            (mirror::script(body_part, level, p)?, None, Some(level.as_str().to_string()))
        }
        SessionKind::Desensitisation => {
            let (ladder, _) = texture_names(tx, locale)?;
            let at = texture_progress(tx, body_part, ladder.len(), p)?;
            let name = &ladder[at.position as usize];
            (
                textures::script(name, at.phase, p),
                Some(i64::from(at.position)),
                Some(at.phase.as_str().to_string()),
            )
        }
        SessionKind::Exposure => {
            let steps = guided::exposure_steps(tx)?;
            let step = current_exposure(&steps).ok_or_else(|| {
                Error::InvalidState("the exposure ladder is empty: add an activity to it first".into())
            })?;
            (exposure::script(&step.activity, p), Some(step.id), None)
        }
        SessionKind::SensoryDiscrimination => (sensory::script(body_part, seed, p)?, None, None),
    })
}

/// The step to answer now, or `None` when the steps are over.
pub fn current(store: &Store, session_id: i64, locale: Locale) -> Result<Option<SessionStep>> {
    store.read(|c| {
        let l = load(c, session_id)?;
        Ok(match l.script.position(&l.answers) {
            Position::Next(i) if l.session.state == SessionState::Running => {
                Some(words::step(session_id, &l.script, i, &l.answers, locale))
            }
            _ => None,
        })
    })
}

/// Checks and commits one answer (pain before and after also go into the journal, linked
/// to the session; a sensory answer is scored); returns the next step.
pub fn answer(
    store: &Store,
    session_id: i64,
    index: u32,
    answer: StepAnswer,
    now: &WallTime,
    locale: Locale,
) -> Result<StepResult> {
    now.validate("now")?;
    store.write(|tx| {
        let mut l = load(tx, session_id)?;
        sessions::get_running(tx, session_id)?;
        if now.unix_ms < l.session.started_at.unix_ms {
            return Err(Error::invalid("now", "an answer cannot come before the session started"));
        }
        let step = l.script.check(&l.answers, index, &answer)?.clone();
        let answered = Answered { index, purpose: step.purpose, answer };
        guided::add_answer(tx, session_id, &answered, now)?;
        match (&answered.answer, step.purpose, &step.about) {
            (StepAnswer::Rating { value }, StepPurpose::PainBefore | StepPurpose::PainAfter, _) => {
                let entry = NewJournalEntry {
                    at: now.clone(),
                    pain: *value as u8,
                    fear: None,
                    medication: false,
                    sleep: None,
                    note: String::new(),
                    session_id: Some(session_id),
                };
                store::journal::add(tx, &entry)?;
            }
            (StepAnswer::Choice { id }, StepPurpose::PatientAnswer, About::Sensory(cue)) => {
                guided::add_sensory_trial(tx, session_id, index, cue, id, cue.is_right(id))?;
            }
            _ => {}
        }
        l.answers.push(answered);
        let limit = l.script.stop_above.unwrap_or(10);
        Ok(match l.script.position(&l.answers) {
            Position::Next(i) => {
                let worse = steps::choice(&l.answers[l.answers.len() - 1..], StepPurpose::Feeling)
                    == Some(Feeling::Worse.as_str());
                StepResult {
                    next: Some(words::step(session_id, &l.script, i, &l.answers, locale)),
                    notice: worse.then(|| t!(locale, "result-felt-worse")),
                }
            }
            Position::Ended(Ending::PainStop) => {
                StepResult { next: None, notice: Some(t!(locale, "result-pain-stop", limit = limit)) }
            }
            Position::Ended(Ending::Stopped) => {
                StepResult { next: None, notice: Some(t!(locale, "result-stopped")) }
            }
            Position::Ended(Ending::Completed) => StepResult { next: None, notice: None },
        })
    })
}

/// Ends a guided session whose steps are over (answered, stopped, or stopped for pain)
/// and returns its results with what it opens up next.
pub fn finish(
    store: &Store,
    session_id: i64,
    params: &Parameters,
    now: &WallTime,
    locale: Locale,
) -> Result<GuidedResults> {
    now.validate("now")?;
    store.write(|tx| {
        let l = load(tx, session_id)?;
        let before = offer_state(tx, &l, params, locale)?;
        let state = match l.script.position(&l.answers) {
            Position::Ended(Ending::Stopped) => SessionState::Aborted,
            Position::Ended(_) => SessionState::Completed,
            Position::Next(i) => {
                return Err(Error::InvalidState(format!(
                    "{} of {} steps are still to answer; answer stop to end the session early",
                    l.script.steps.len() - i,
                    l.script.steps.len()
                )));
            }
        };
        end(tx, session_id, state, now)?;
        if state == SessionState::Completed {
            super::programme::after_session(tx, l.session.body_part, now, params)?;
        }
        let after = offer_state(tx, &l, params, locale)?;
        let offer = if before == after { None } else { after };
        results_of(tx, session_id, offer, locale)
    })
}

/// Ends a guided session as `state` in `tx` (also for `finish_session`/`abort_session`):
/// records how its steps ended and, for an exposure, whether fear fell enough by the
/// parameters the session was started with.
pub fn end(tx: &Connection, session_id: i64, state: SessionState, now: &WallTime) -> Result<SessionRow> {
    let l = load(tx, session_id)?;
    let ending = match l.script.position(&l.answers) {
        Position::Ended(e) => e,
        Position::Next(_) if state == SessionState::Aborted => Ending::Stopped,
        Position::Next(i) => {
            return Err(Error::InvalidState(format!(
                "{} of {} steps are still to answer; abort the session to end it early",
                l.script.steps.len() - i,
                l.script.steps.len()
            )));
        }
    };
    record_ending(tx, &l, ending)?;
    sessions::end(tx, session_id, state, now)
}

/// Closes a guided session its process left running (store/owner.rs): completed (or
/// aborted) if its steps were over, otherwise interrupted; its answers are kept.
pub fn close_abandoned(tx: &Connection, session_id: i64) -> Result<()> {
    let l = load(tx, session_id)?;
    let state = match l.script.position(&l.answers) {
        Position::Ended(ending) => {
            record_ending(tx, &l, ending)?;
            if ending == Ending::Stopped { SessionState::Aborted } else { SessionState::Completed }
        }
        Position::Next(_) => SessionState::Interrupted,
    };
    sessions::set_state(tx, session_id, state, None)?;
    Ok(())
}

fn record_ending(tx: &Connection, l: &Loaded, ending: Ending) -> Result<()> {
    let passed = match (l.session.kind, l.guided.subject, steps::rating(&l.answers, StepPurpose::FearAfter)) {
        (SessionKind::Exposure, Some(id), Some(after)) if ending == Ending::Completed => {
            let p: Parameters = serde_json::from_str(&l.session.params)?;
            guided::exposure_steps(tx)?
                .iter()
                .find(|s| s.id == id)
                .is_some_and(|s| exposure::fear_fell(s.fear, after, &p))
        }
        _ => false,
    };
    guided::set_ending(tx, l.session.id, ending, passed)
}

/// What the next session of this one's kind would practise, as an offer; finishing
/// compares it before and after, and a change is what the session opened up.
fn offer_state(tx: &Connection, l: &Loaded, p: &Parameters, locale: Locale) -> Result<Option<Offer>> {
    let body_part = l.session.body_part;
    Ok(match l.session.kind {
        SessionKind::Desensitisation => {
            let (ladder, _) = texture_names(tx, locale)?;
            let at = texture_progress(tx, body_part, ladder.len(), p)?;
            let texture = ladder[at.position as usize].clone();
            Some(if at.done {
                Offer::LadderDone
            } else if at.position == 0 {
                Offer::NextPhase { phase: at.phase, texture }
            } else {
                Offer::NextTexture { texture, sessions: p.desensitise_tolerated_sessions }
            })
        }
        SessionKind::Mirror => Some(Offer::MirrorLevel {
            level: mirror::level(guided::mirror_sessions_not_worse(tx, body_part)?, p),
        }),
        SessionKind::Exposure => {
            let steps = guided::exposure_steps(tx)?;
            match steps.iter().filter(|s| !s.passed).min_by_key(|s| (s.fear, s.id)) {
                Some(next) => Some(Offer::NextExposureStep { activity: next.activity.clone() }),
                None if steps.is_empty() => None,
                None => Some(Offer::ExposureLadderDone),
            }
        }
        _ => None,
    })
}

/// A guided session's results as stored (no offer: that is told when it finishes).
pub fn results(store: &Store, session_id: i64, locale: Locale) -> Result<GuidedResults> {
    store.read(|c| results_of(c, session_id, None, locale))
}

fn results_of(
    c: &Connection,
    session_id: i64,
    offer: Option<Offer>,
    locale: Locale,
) -> Result<GuidedResults> {
    let l = load(c, session_id)?;
    let rating = |p| steps::rating(&l.answers, p);
    let feeling =
        steps::choice(&l.answers, StepPurpose::Feeling).and_then(|f| Feeling::parse(f, "feeling").ok());
    let checks = l.answers.iter().filter(|a| a.purpose == StepPurpose::PainCheck);
    let highest_pain_check = checks
        .filter_map(|a| match a.answer {
            StepAnswer::Rating { value } => Some(value),
            _ => None,
        })
        .max();
    let (trials, correct) = sensory_score(&l);
    let ending = l.guided.ending;
    let message = match ending {
        Some(e) => words::closing(
            locale,
            e,
            l.script.stop_above.unwrap_or(10),
            offer.as_ref(),
            feeling == Some(Feeling::Worse),
        ),
        None => t!(locale, "result-unfinished"),
    };
    Ok(GuidedResults {
        ending,
        answered: l.answers.len() as u32,
        total_steps: l.script.steps.len() as u32,
        pain_before: rating(StepPurpose::PainBefore),
        pain_after: rating(StepPurpose::PainAfter),
        highest_pain_check,
        vividness: rating(StepPurpose::Vividness),
        feeling,
        expected_pain: rating(StepPurpose::ExpectedPain),
        actual_pain: rating(StepPurpose::ActualPain),
        fear_before: rating(StepPurpose::FearBefore),
        fear_after: rating(StepPurpose::FearAfter),
        passed: l.guided.passed,
        trials,
        correct,
        offer,
        message,
        session: l.session.into(),
    })
}

fn sensory_score(l: &Loaded) -> (u32, u32) {
    sensory::answered(&l.script, &l.answers)
        .fold((0, 0), |(n, right), (_, cue, id)| (n + 1, right + u32::from(cue.is_right(id))))
}

/// Every "felt worse" answer after mirror therapy, oldest first (for one body part, or
/// all): what the flare rule reads.
pub fn felt_worse_times(store: &Store, body_part: Option<BodyPart>) -> Result<Vec<WallTime>> {
    store.read(|c| guided::felt_worse(c, body_part))
}

/// The ladder in use: the stored one, or the defaults in the patient's language.
fn texture_names(c: &Connection, locale: Locale) -> Result<(Vec<String>, bool)> {
    let stored = guided::textures(c)?;
    if stored.is_empty() {
        Ok((DefaultTexture::ALL.iter().map(|t| words::texture_name(locale, *t)).collect(), false))
    } else {
        Ok((stored, true))
    }
}

fn texture_progress(
    c: &Connection,
    body_part: BodyPart,
    len: usize,
    p: &Parameters,
) -> Result<textures::Progress> {
    let history: Vec<textures::Past> = guided::finished(c, SessionKind::Desensitisation, body_part)?
        .into_iter()
        .filter_map(|row| {
            Some(textures::Past {
                phase: Phase::parse(row.phase.as_deref()?, "phase").ok()?,
                position: u32::try_from(row.subject?).ok()?,
                tolerated: row.ending == Ending::Completed,
            })
        })
        .collect();
    Ok(textures::progress(len as u32, &history, p.desensitise_tolerated_sessions))
}

/// The texture ladder and where `body_part` stands on it.
pub fn texture_ladder(
    store: &Store,
    body_part: BodyPart,
    p: &Parameters,
    locale: Locale,
) -> Result<TextureLadder> {
    store.read(|c| {
        let (textures, custom) = texture_names(c, locale)?;
        let at = texture_progress(c, body_part, textures.len(), p)?;
        Ok(TextureLadder {
            textures,
            custom,
            phase: at.phase,
            current: at.position,
            streak: at.streak,
            needed: p.desensitise_tolerated_sessions,
            done: at.done,
        })
    })
}

/// Replaces the texture ladder (checked: 1–12 names of 1–40 characters, none twice).
pub fn set_textures(store: &Store, names: &[String]) -> Result<Vec<String>> {
    let names = textures::check_ladder(names)?;
    store.write(|tx| guided::set_textures(tx, &names))?;
    Ok(names)
}

/// One change to the texture ladder, as a screen's buttons make it; positions count
/// from 0, softest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum TextureEdit {
    /// A new texture at the end (the roughest so far).
    Add {
        name: String,
    },
    Rename {
        position: u32,
        name: String,
    },
    Remove {
        position: u32,
    },
    /// One place softer (towards the start) or rougher.
    MoveUp {
        position: u32,
    },
    MoveDown {
        position: u32,
    },
    /// Back to the standard textures in the patient's language.
    Standard,
}

/// Applies one edit to the ladder in force (the standard one until the patient or a
/// plan writes their own) in one transaction, checked as [`set_textures`] checks a whole
/// ladder; a position off the ladder names `position`. Returns the ladder as stored
/// (empty: the standard one).
pub fn edit_textures(store: &Store, edit: &TextureEdit, locale: Locale) -> Result<Vec<String>> {
    store.write(|tx| {
        let (mut names, _) = texture_names(tx, locale)?;
        let at = |position: u32| -> Result<usize> {
            let i = position as usize;
            if i < names.len() {
                Ok(i)
            } else {
                Err(Error::invalid(
                    "position",
                    format!("{position} is off a ladder of {} textures", names.len()),
                ))
            }
        };
        match edit {
            TextureEdit::Add { name } => names.push(name.clone()),
            TextureEdit::Rename { position, name } => {
                let i = at(*position)?;
                names[i] = name.clone();
            }
            TextureEdit::Remove { position } => {
                names.remove(at(*position)?);
            }
            TextureEdit::MoveUp { position } => {
                let i = at(*position)?;
                if i == 0 {
                    return Err(Error::invalid("position", "the first texture is already the softest"));
                }
                names.swap(i - 1, i);
            }
            TextureEdit::MoveDown { position } => {
                let i = at(*position)?;
                if i + 1 == names.len() {
                    return Err(Error::invalid("position", "the last texture is already the roughest"));
                }
                names.swap(i, i + 1);
            }
            TextureEdit::Standard => {
                guided::set_textures(tx, &[])?;
                return Ok(vec![]);
            }
        }
        let names = textures::check_ladder(&names)?;
        guided::set_textures(tx, &names)?;
        Ok(names)
    })
}

fn current_exposure(steps: &[ExposureRow]) -> Option<&ExposureRow> {
    let rungs: Vec<exposure::Rung> =
        steps.iter().map(|s| exposure::Rung { id: s.id, fear: s.fear, passed: s.passed }).collect();
    let id = match exposure::current(&rungs) {
        Some(r) => r.id,
        // Every step passed: keep practising the most feared one (consistency over
        // intensity) until the patient adds another.
        None => steps.iter().max_by_key(|s| (s.fear, s.id))?.id,
    };
    steps.iter().find(|s| s.id == id)
}

/// The exposure ladder, least feared first.
pub fn exposure_ladder(store: &Store) -> Result<Vec<ExposureStep>> {
    store.read(|c| {
        let steps = guided::exposure_steps(c)?;
        let current = current_exposure(&steps).map(|s| s.id);
        let mut out: Vec<ExposureStep> = steps
            .into_iter()
            .map(|s| ExposureStep {
                current: Some(s.id) == current,
                id: s.id,
                activity: s.activity,
                fear: s.fear,
                exposures: s.exposures,
                last_fear_after: s.last_fear_after,
                passed: s.passed,
            })
            .collect();
        out.sort_by_key(|s| (s.fear, s.id));
        Ok(out)
    })
}

/// Adds an activity with its fear rating (0–100); the ladder holds at most 20.
pub fn add_exposure_step(store: &Store, activity: &str, fear: u8) -> Result<ExposureStep> {
    let activity = exposure::check_step(activity, fear)?;
    let id = store.write(|tx| {
        if guided::exposure_steps(tx)?.len() >= exposure::MAX_STEPS {
            return Err(Error::invalid(
                "activity",
                format!("the ladder already has {} steps; remove one first", exposure::MAX_STEPS),
            ));
        }
        guided::add_exposure_step(tx, &activity, fear)
    })?;
    find_step(store, id)
}

/// Renames a step or rates its fear again.
pub fn update_exposure_step(
    store: &Store,
    id: i64,
    activity: Option<&str>,
    fear: Option<u8>,
) -> Result<ExposureStep> {
    store.write(|tx| {
        let old = guided::exposure_steps(tx)?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::not_found("exposure step", id))?;
        let fear = fear.unwrap_or(old.fear);
        let activity = exposure::check_step(activity.unwrap_or(&old.activity), fear)?;
        guided::update_exposure_step(tx, id, &activity, fear)
    })?;
    find_step(store, id)
}

/// Takes a step off the ladder; its exposures stay in the history.
pub fn remove_exposure_step(store: &Store, id: i64) -> Result<()> {
    store.write(|tx| guided::remove_exposure_step(tx, id))
}

fn find_step(store: &Store, id: i64) -> Result<ExposureStep> {
    exposure_ladder(store)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::not_found("exposure step", id))
}

/// Sensory drill accuracy per session and region, oldest first.
pub fn sensory_accuracy(store: &Store, body_part: BodyPart) -> Result<Vec<RegionAccuracy>> {
    let rows = store.read(|c| guided::sensory_accuracy(c, body_part))?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(RegionAccuracy {
                region: sensory::Region::parse(&row.region, "region").ok()?,
                accuracy: f64::from(row.correct) / f64::from(row.trials.max(1)),
                session_id: row.session_id,
                started_at: row.started_at,
                trials: row.trials,
                correct: row.correct,
            })
        })
        .collect())
}
