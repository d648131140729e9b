//! A virtual patient that answers a left/right session through the public API, as a
//! shell would, with synthetic onset and response stamps. For demos, tests and
//! benchmarks: built only with the `simulate` feature (the CLI turns it on), so it never
//! ships in the phone library. It sits above `api` and uses nothing else of the core.

use crate::api::Proprio;
use crate::error::ProprioError;
use crate::laterality::LeftRightSettings;
use crate::stimulus::Side;
use crate::time::WallTime;
use crate::usecases::left_right::SessionResults;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How the virtual patient performs.
#[derive(Debug, Clone, PartialEq)]
pub struct VirtualPatient {
    /// Chance of a correct answer, 0–1.
    pub accuracy: f64,
    /// Typical response time, ms.
    pub rt_ms: f64,
    /// A side answered more slowly (e.g. the affected one), and by how much.
    pub slower_side: Option<Side>,
    pub slowdown_ms: f64,
    pub seed: u64,
}

/// Gap between an answer and the next picture's onset (feedback and a breath), ns.
const GAP_NS: i64 = 1_000_000_000;

impl VirtualPatient {
    /// Checks the patient's own numbers; errors name `patient.<field>`.
    pub fn validate(&self) -> Result<(), ProprioError> {
        let bad = |field: &str, reason: String| ProprioError::InvalidArgument { field: field.into(), reason };
        if !(0.0..=1.0).contains(&self.accuracy) {
            return Err(bad("patient.accuracy", format!("{} is outside 0–1", self.accuracy)));
        }
        if !(1.0..=60_000.0).contains(&self.rt_ms) {
            return Err(bad("patient.rt_ms", format!("{} ms is outside 1–60000", self.rt_ms)));
        }
        if !(0.0..=60_000.0).contains(&self.slowdown_ms) {
            return Err(bad("patient.slowdown_ms", format!("{} ms is outside 0–60000", self.slowdown_ms)));
        }
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
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        let started = proprio.start_left_right(settings, start.clone())?;
        let session_id = started.session.id;
        let mut prompt = Some(started.first);
        let mut clock_ns: i64 = 5_000_000_000;
        while let Some(p) = prompt {
            let onset = clock_ns;
            let slow = if Some(p.stimulus.side) == self.slower_side { self.slowdown_ms } else { 0.0 };
            // ±15 % jitter around the typical time, never below 1 ms.
            let rt_ms = ((self.rt_ms + slow) * rng.random_range(0.85..1.15)).max(1.0);
            let rt_ns = (rt_ms * 1e6) as i64;
            let outcome = if rt_ms > f64::from(p.time_limit_ms) {
                clock_ns += i64::from(p.time_limit_ms) * 1_000_000;
                proprio.time_out_trial(session_id, p.index, onset)?
            } else {
                let answer =
                    if rng.random_bool(self.accuracy) { p.stimulus.side } else { other(p.stimulus.side) };
                clock_ns += rt_ns;
                proprio.answer_trial(session_id, p.index, onset, onset + rt_ns, answer)?
            };
            clock_ns += GAP_NS;
            prompt = outcome.next;
        }
        let end = WallTime { unix_ms: start.unix_ms + clock_ns / 1_000_000, zone: start.zone };
        proprio.finish_session(session_id, end.clone())?;
        proprio.session_results(session_id, end)
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
    use crate::stimulus::{BodyPart, StimulusSpec};
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
