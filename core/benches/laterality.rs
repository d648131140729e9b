//! Left/right speed with five years of history (about a million trials):
//! choosing the next trial, recording an answer, and the stats view for a body part.
//!
//! Run: `cargo bench -p proprio-core --features simulate --bench laterality` (release build). Prints the
//! median and 95th percentile of each operation. `BENCH_DIR=/dev/shm` runs it on tmpfs.

use proprio_core::simulate::write_history;
use proprio_core::stimulus::BodyPart;
use proprio_core::{LeftRightSettings, Proprio, WallTime};
use std::time::{Duration, Instant};

const YEARS: i64 = 5;
const SESSIONS: u32 = 20_000;
const START_MS: i64 = 1_640_995_200_000; // 2022-01-01

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/Madrid".into() }
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
    write_history(&path, SESSIONS, &at(START_MS), YEARS * 365 * 86_400_000).unwrap();
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
            practice: None,
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
