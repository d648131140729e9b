//! A virtual patient that answers a left/right session through the public API, as a
//! shell would, with synthetic onset and response stamps. For demos, tests and
//! benchmarks: built only with the `simulate` feature (the CLI turns it on), so it never
//! ships in the phone library. It sits above `api` and uses nothing else of the core.

use crate::api::Proprio;
use crate::error::ProprioError;
use crate::laterality::LeftRightSettings;
use crate::stimulus::{RotationDirection, Side, StimulusSpec};
use crate::time::WallTime;
use crate::usecases::left_right::SessionResults;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How the virtual patient performs. Response times follow what laterality studies
/// report: slower with the rotation angle, roughly quadratically (ter Horst 2010),
/// slower for lateral than medial rotations (Parsons 1994), slower and less accurate on
/// an affected side (Moseley 2004); with occasional lapses (no answer) and guesses (a
/// key pressed before the picture could be judged).
#[derive(Debug, Clone, PartialEq)]
pub struct VirtualPatient {
    /// Chance of a correct judgement, 0–1.
    pub accuracy: f64,
    /// Typical response time to an upright picture, ms.
    pub rt_ms: f64,
    /// A side answered more slowly (e.g. the affected one), by `slowdown_ms`.
    pub slower_side: Option<Side>,
    pub slowdown_ms: f64,
    /// Chance of a correct judgement on the slower side (default: `accuracy`).
    pub slower_side_accuracy: Option<f64>,
    /// Extra time for a picture turned 180°; a turn of θ costs (θ/180)² of it, ms.
    pub angle_cost_ms: f64,
    /// Extra time for a lateral rotation, ms.
    pub lateral_cost_ms: f64,
    /// Chance of no answer before the limit.
    pub lapse_rate: f64,
    /// Chance of a guess: a random key 100–250 ms after the picture appears.
    pub guess_rate: f64,
    pub seed: u64,
}

impl Default for VirtualPatient {
    fn default() -> Self {
        VirtualPatient {
            accuracy: 0.95,
            rt_ms: 900.0,
            slower_side: None,
            slowdown_ms: 0.0,
            slower_side_accuracy: None,
            angle_cost_ms: 400.0,
            lateral_cost_ms: 150.0,
            lapse_rate: 0.005,
            guess_rate: 0.0,
            seed: 0,
        }
    }
}

impl VirtualPatient {
    /// Checks the patient's own numbers; errors name `patient.<field>`.
    pub fn validate(&self) -> Result<(), ProprioError> {
        let check = |field: &str, value: f64, lo: f64, hi: f64| {
            if (lo..=hi).contains(&value) {
                Ok(())
            } else {
                Err(ProprioError::InvalidArgument {
                    field: format!("patient.{field}"),
                    reason: format!("{value} is outside {lo}–{hi}"),
                })
            }
        };
        check("accuracy", self.accuracy, 0.0, 1.0)?;
        check("slower_side_accuracy", self.slower_side_accuracy.unwrap_or(self.accuracy), 0.0, 1.0)?;
        check("rt_ms", self.rt_ms, 1.0, 60_000.0)?;
        check("slowdown_ms", self.slowdown_ms, 0.0, 60_000.0)?;
        check("angle_cost_ms", self.angle_cost_ms, 0.0, 60_000.0)?;
        check("lateral_cost_ms", self.lateral_cost_ms, 0.0, 60_000.0)?;
        check("lapse_rate", self.lapse_rate, 0.0, 1.0)?;
        check("guess_rate", self.guess_rate, 0.0, 1.0)?;
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
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed ^ settings.seed.unwrap_or(0).rotate_left(17));
        let started = proprio.start_left_right(settings, start.clone())?;
        let session_id = started.session.id;
        let mut prompt = Some(started.first);
        let mut clock_ns: i64 = 5_000_000_000;
        while let Some(p) = prompt {
            clock_ns += i64::from(p.fixation_ms) * 1_000_000;
            let onset = clock_ns;
            let limit_ns = i64::from(p.time_limit_ms) * 1_000_000;
            let outcome = match self.respond(&p.stimulus, &mut rng) {
                Some((rt_ns, answer)) if rt_ns <= limit_ns => {
                    clock_ns += rt_ns;
                    proprio.answer_trial(session_id, p.index, onset, onset + rt_ns, answer)?
                }
                _ => {
                    clock_ns += limit_ns;
                    proprio.time_out_trial(session_id, p.index, onset)?
                }
            };
            clock_ns += i64::from(outcome.feedback.as_ref().map_or(0, |f| f.show_ms)) * 1_000_000;
            prompt = outcome.next;
        }
        let end = WallTime { unix_ms: start.unix_ms + clock_ns / 1_000_000, zone: start.zone };
        proprio.finish_session(session_id, end.clone())?;
        proprio.session_results(session_id, end)
    }

    /// The response time (ns) and key for one picture, or `None` for a lapse.
    fn respond(&self, spec: &StimulusSpec, rng: &mut ChaCha8Rng) -> Option<(i64, Side)> {
        if rng.random_bool(self.lapse_rate) {
            return None;
        }
        if rng.random_bool(self.guess_rate) {
            let side = if rng.random_bool(0.5) { Side::Left } else { Side::Right };
            return Some((rng.random_range(100_000_000..250_000_000), side));
        }
        let slow = Some(spec.side) == self.slower_side;
        let turn = f64::from(spec.rotation_magnitude_deg()) / 180.0;
        let lateral = spec.rotation_direction() == RotationDirection::Lateral;
        let typical = self.rt_ms
            + if slow { self.slowdown_ms } else { 0.0 }
            + self.angle_cost_ms * turn * turn
            + if lateral { self.lateral_cost_ms } else { 0.0 };
        // ±15 % jitter around the typical time, never below 1 ms.
        let rt_ms = (typical * rng.random_range(0.85..1.15)).max(1.0);
        let accuracy = if slow { self.slower_side_accuracy.unwrap_or(self.accuracy) } else { self.accuracy };
        let answer = if rng.random_bool(accuracy) { spec.side } else { other(spec.side) };
        Some(((rt_ms * 1e6) as i64, answer))
    }
}

fn other(side: Side) -> Side {
    match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
    }
}

/// Writes `sessions` completed left/right hand sessions of 50 pictures, evenly spread
/// over `span_ms` from `start`, straight through the store in one transaction (a million
/// trials in seconds rather than the hours answering them one by one would take). The
/// pictures come from real session plans; answers are synthetic: every 11th wrong, RTs
/// 700–1600 ms. For benchmarks and growth measurements.
pub fn write_history(path: &str, sessions: u32, start: &WallTime, span_ms: i64) -> Result<(), ProprioError> {
    use crate::laterality::session::SessionParams;
    use crate::laterality::{Trial, stats};
    use crate::params::Parameters;
    use crate::programme::{SessionKind, SessionState};
    use crate::stimulus::BodyPart;
    use crate::store::{NewSession, Store, sessions as rows, summaries};

    const PICTURES: u32 = 50;
    let store = Store::open(path, start)?;
    let scratch = tempfile_dir(path)?;
    let planner = Proprio::new(scratch.join("plan.db").to_string_lossy().into_owned(), start.clone())?;
    let mut plans: Vec<Vec<StimulusSpec>> = Vec::new();
    for seed in 0..64u64 {
        let settings = LeftRightSettings {
            body_part: BodyPart::Hand,
            count: Some(PICTURES),
            time_limit_ms: None,
            feedback: None,
            level: Some(1 + (seed % 6) as u32),
            seed: Some(seed),
            practice: None,
        };
        let id = planner.start_left_right(settings, start.clone())?.session.id;
        let mut plan = Vec::new();
        while let Some(p) = planner.current_trial(id)? {
            plan.push(p.stimulus);
            planner.answer_trial(id, p.index, 0, 900_000_000, p.stimulus.side)?;
        }
        plans.push(plan);
    }
    planner.delete_all_data()?;
    let _ = std::fs::remove_dir_all(&scratch);
    let params = serde_json::to_string(&SessionParams { parameters: Parameters::default(), feedback: true })
        .map_err(crate::Error::from)?;
    let step_ms = span_ms / i64::from(sessions.max(1));
    store.write(|tx| {
        for s in 0..sessions {
            let plan = &plans[s as usize % plans.len()];
            let ids: Vec<String> = plan.iter().map(StimulusSpec::id).collect();
            let new = NewSession {
                kind: SessionKind::LeftRight,
                body_part: BodyPart::Hand,
                seed: u64::from(s),
                params_json: &params,
                level: Some(1 + s % 6),
                plan: &ids.join(" "),
            };
            let started =
                WallTime { unix_ms: start.unix_ms + i64::from(s) * step_ms, zone: start.zone.clone() };
            let row = rows::start(tx, &new, &started)?;
            let mut trials = Vec::with_capacity(plan.len());
            for (i, spec) in plan.iter().enumerate() {
                let correct = i % 11 != 0;
                let trial = Trial {
                    stimulus: ids[i].clone(),
                    side: spec.side,
                    onset_ns: 0,
                    response_ns: Some(700_000_000 + (i as i64 * 37 % 900) * 1_000_000),
                    answer: Some(if correct { spec.side } else { other(spec.side) }),
                    correct,
                    flags: 0,
                };
                rows::insert_trial(tx, row.id, &trial)?;
                trials.push(trial);
            }
            let ended = WallTime { unix_ms: started.unix_ms + 300_000, zone: start.zone.clone() };
            rows::end(tx, row.id, SessionState::Completed, &ended)?;
            let st = stats::compute(&crate::laterality::session::observations(&trials)?, &[]);
            summaries::write(tx, row.id, &st.left)?;
            summaries::write(tx, row.id, &st.right)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A fresh scratch folder beside the database.
fn tempfile_dir(db_path: &str) -> Result<std::path::PathBuf, ProprioError> {
    let parent = std::path::Path::new(db_path).parent().filter(|p| !p.as_os_str().is_empty());
    let dir =
        parent.unwrap_or(std::path::Path::new(".")).join(format!(".proprio-plans-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(crate::Error::from)?;
    Ok(dir)
}

/// Scripted answers to a guided session (motor imagery, mirror, desensitisation,
/// exposure, sensory drills), given through the public API as a shell would: every
/// timer runs to its end (the clock moves on by its seconds, nobody waits), ratings are
/// the numbers below, choices the first offered unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct GuidedPatient {
    /// Pain before and after, 0–10.
    pub pain: u32,
    /// Pain at every check during the session (desensitisation), 0–10.
    pub pain_during: u32,
    pub vividness: u32,
    /// Mirror therapy: fine, strange or worse.
    pub feeling: crate::programme::steps::mirror::Feeling,
    pub expected_pain: u32,
    pub actual_pain: u32,
    /// Exposure fear before and after, 0–100.
    pub fear_before: u32,
    pub fear_after: u32,
    /// Sensory drills: chance of naming the right answer, 0–1.
    pub accuracy: f64,
    /// Stop after answering this many steps.
    pub stop_after: Option<u32>,
    pub seed: u64,
}

impl Default for GuidedPatient {
    fn default() -> Self {
        GuidedPatient {
            pain: 3,
            pain_during: 2,
            vividness: 3,
            feeling: crate::programme::steps::mirror::Feeling::Fine,
            expected_pain: 5,
            actual_pain: 3,
            fear_before: 60,
            fear_after: 30,
            accuracy: 0.8,
            stop_after: None,
            seed: 0,
        }
    }
}

impl GuidedPatient {
    /// The answer to one step; `right` is the drill's right answer when the patient gets
    /// it (the helper's cue, seen one step before).
    pub fn answer(
        &self,
        step: &crate::SessionStep,
        right: Option<&str>,
        rng: &mut ChaCha8Rng,
    ) -> crate::StepAnswer {
        use crate::programme::steps::{StepAnswer, StepPurpose::*};
        match step.purpose {
            PainBefore | PainAfter => StepAnswer::Rating { value: self.pain },
            PainCheck => StepAnswer::Rating { value: self.pain_during },
            Vividness => StepAnswer::Rating { value: self.vividness },
            ExpectedPain => StepAnswer::Rating { value: self.expected_pain },
            ActualPain => StepAnswer::Rating { value: self.actual_pain },
            FearBefore => StepAnswer::Rating { value: self.fear_before },
            FearAfter => StepAnswer::Rating { value: self.fear_after },
            Feeling => StepAnswer::Choice { id: self.feeling.as_str().into() },
            PatientAnswer => {
                let ids: Vec<&str> = step.choices.iter().map(|c| c.id.as_str()).collect();
                let id = match right {
                    Some(r) if rng.random_bool(self.accuracy.clamp(0.0, 1.0)) => r.to_string(),
                    _ => ids.iter().find(|i| Some(**i) != right).unwrap_or(&ids[0]).to_string(),
                };
                StepAnswer::Choice { id }
            }
            _ if !step.choices.is_empty() => StepAnswer::Choice { id: step.choices[0].id.clone() },
            _ => StepAnswer::Done,
        }
    }

    /// Runs a whole session from `start` and finishes it; returns the results and the
    /// wall time it ended.
    pub fn run(
        &self,
        p: &Proprio,
        kind: crate::SessionKind,
        body_part: crate::stimulus::BodyPart,
        seed: Option<u64>,
        start: WallTime,
    ) -> Result<(crate::GuidedResults, WallTime), ProprioError> {
        self.run_with(p, kind, body_part, seed, start, |_, _, _| {})
    }

    /// [`GuidedPatient::run`], telling `on_step` each step, the answer given and any
    /// notice it brought.
    pub fn run_with(
        &self,
        p: &Proprio,
        kind: crate::SessionKind,
        body_part: crate::stimulus::BodyPart,
        seed: Option<u64>,
        start: WallTime,
        mut on_step: impl FnMut(&crate::SessionStep, &crate::StepAnswer, Option<&str>),
    ) -> Result<(crate::GuidedResults, WallTime), ProprioError> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed ^ seed.unwrap_or(0));
        let mut now = start;
        let first = p.start_guided(kind, body_part, seed, now.clone())?;
        let id = first.session.id;
        let mut step = Some(first.first);
        let mut answered = 0;
        let mut target = None;
        while let Some(s) = step.take() {
            now.unix_ms += 2_000 + i64::from(s.timer.map_or(0, |t| t.seconds)) * 1000;
            if let Some(cue) = &s.sensory {
                target = Some(cue.target.clone());
            }
            let answer = if self.stop_after == Some(answered) {
                crate::StepAnswer::Stop
            } else {
                self.answer(&s, target.as_deref(), &mut rng)
            };
            let result = p.answer_step(id, s.index, answer.clone(), now.clone())?;
            on_step(&s, &answer, result.notice.as_deref());
            step = result.next;
            answered += 1;
        }
        now.unix_ms += 1_000;
        Ok((p.finish_guided(id, now.clone())?, now))
    }
}
