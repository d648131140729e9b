//! Left/right speed with five years of history (about a million trials):
//! choosing the next trial, recording an answer, and the stats view for a body part.
//!
//! Run: `cargo bench -p proprio-core --bench laterality` (release build). Prints the
//! median and 95th percentile of each operation. `BENCH_DIR=/dev/shm` runs it on tmpfs.

use proprio_core::laterality::engine::LeftRightSettings;
use proprio_core::laterality::stats::{self, Observation};
use proprio_core::programme::SessionKind;
use proprio_core::stimulus::{BodyPart, StimulusSpec};
use proprio_core::store::sessions::{self, NewSession, NewTrial};
use proprio_core::store::{SessionState, Store, summaries};
use proprio_core::{Proprio, WallTime};
use std::time::{Duration, Instant};

const YEARS: i64 = 5;
const SESSIONS: i64 = 20_000;
const TRIALS_PER_SESSION: usize = 50;
const START_MS: i64 = 1_640_995_200_000; // 2022-01-01

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/Madrid".into() }
}

/// Writes five years of completed hand sessions straight through the store.
fn build_history(path: &str) {
    let store = Store::open(path, &at(START_MS)).unwrap();
    let step_ms = YEARS * 365 * 86_400_000 / SESSIONS;
    // Plans come from real sessions so ids, sides and levels are realistic.
    let scratch = tempfile::tempdir().unwrap();
    let planner =
        Proprio::new(scratch.path().join("plan.db").to_str().unwrap().into(), at(START_MS)).unwrap();
    let mut plans: Vec<Vec<StimulusSpec>> = Vec::new();
    for seed in 0..64u64 {
        let settings = LeftRightSettings {
            body_part: BodyPart::Hand,
            count: Some(TRIALS_PER_SESSION as u32),
            time_limit_ms: None,
            feedback: None,
            level: Some(1 + (seed % 6) as u32),
            seed: Some(seed),
        };
        let id = planner.start_left_right(settings, at(START_MS)).unwrap().session.id;
        let mut plan = Vec::new();
        let mut prompt = planner.current_trial(id).unwrap();
        while let Some(p) = prompt {
            plan.push(p.stimulus);
            prompt = planner.answer_trial(id, p.index, 0, 900_000_000, p.stimulus.side).unwrap().next;
        }
        plans.push(plan);
    }
    store
        .write(|tx| {
            for s in 0..SESSIONS {
                let plan = &plans[s as usize % plans.len()];
                let ids: Vec<String> = plan.iter().map(StimulusSpec::id).collect();
                let params = r#"{"parameters":{"values":[]},"feedback":true}"#;
                let new = NewSession {
                    kind: SessionKind::LeftRight,
                    body_part: BodyPart::Hand,
                    seed: s as u64,
                    params_json: params,
                    level: Some(1 + (s % 6) as u32),
                    plan: &ids.join(" "),
                };
                let started = at(START_MS + s * step_ms);
                let row = sessions::start(tx, &new, &started)?;
                let mut obs = Vec::with_capacity(plan.len());
                for (i, spec) in plan.iter().enumerate() {
                    let rt = 700_000_000 + (i as i64 * 37 % 900) * 1_000_000;
                    let correct = i % 11 != 0;
                    sessions::insert_trial(
                        tx,
                        row.id,
                        &NewTrial {
                            stimulus: ids[i].clone(),
                            side: spec.side,
                            onset_ns: 0,
                            response_ns: Some(rt),
                            answer: Some(spec.side),
                            correct,
                            flags: 0,
                        },
                    )?;
                    obs.push(Observation { spec: *spec, correct, rt_ns: Some(rt), flags: 0 });
                }
                sessions::end(tx, row.id, SessionState::Completed, &at(started.unix_ms + 300_000))?;
                let st = stats::compute(&obs, &[]);
                summaries::write(tx, row.id, &st.left)?;
                summaries::write(tx, row.id, &st.right)?;
            }
            Ok(())
        })
        .unwrap();
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[samples.len() * 95 / 100];
    println!("{name:<44} median {:>9.3} ms   p95 {:>9.3} ms   (n = {})", ms(median), ms(p95), samples.len());
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // BENCH_DIR=/dev/shm puts the database on tmpfs, where fsync is free: the difference
    // from a disk run is the cost of making each answer durable.
    let base = std::env::var_os("BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(base).unwrap();
    let path = dir.path().join("history.db").to_str().unwrap().to_string();
    let t = Instant::now();
    build_history(&path);
    let size = std::fs::metadata(&path).unwrap().len();
    let proprio = Proprio::new(path, at(START_MS + YEARS * 365 * 86_400_000)).unwrap();
    let status = proprio.status().unwrap();
    println!(
        "history: {} sessions, {} trials, {:.0} MB, built in {:.1} s",
        status.sessions,
        status.trials,
        size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let now = at(START_MS + YEARS * 365 * 86_400_000);

    let mut start_samples = Vec::new();
    let mut next_samples = Vec::new();
    let mut answer_samples = Vec::new();
    for round in 0..20u64 {
        let settings = LeftRightSettings {
            body_part: BodyPart::Hand,
            count: Some(50),
            time_limit_ms: None,
            feedback: None,
            level: None,
            seed: Some(1000 + round),
        };
        let t = Instant::now();
        let start = proprio.start_left_right(settings, now.clone()).unwrap();
        start_samples.push(t.elapsed());
        let id = start.session.id;
        loop {
            let t = Instant::now();
            let Some(p) = proprio.current_trial(id).unwrap() else { break };
            next_samples.push(t.elapsed());
            let t = Instant::now();
            proprio.answer_trial(id, p.index, 0, 850_000_000, p.stimulus.side).unwrap();
            answer_samples.push(t.elapsed());
        }
        proprio.finish_session(id, now.clone()).unwrap();
    }
    let mut stats_samples = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let o = proprio.left_right_overview(BodyPart::Hand, Some(30), now.clone()).unwrap();
        stats_samples.push(t.elapsed());
        assert_eq!(o.history.len(), 30);
    }
    let mut full_samples = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let o = proprio.left_right_overview(BodyPart::Hand, None, now.clone()).unwrap();
        full_samples.push(t.elapsed());
        assert!(o.history.len() > SESSIONS as usize);
    }
    report("start a session (plan 50 pictures)", start_samples);
    report("choose the next trial (current_trial)", next_samples);
    report("record an answer (answer_trial, committed)", answer_samples);
    report("stats view for a body part (30 sessions listed)", stats_samples);
    report("the same with all 20 000 sessions listed", full_samples);
}
