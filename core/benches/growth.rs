//! Growth: what five years of practice (20 000 left/right sessions, a million trials)
//! cost a phone: the database's size on disk, opening it, and the calls a patient waits
//! on when the app comes up (status, Today, the left/right overview with its gate).
//! The history's patient has a painful hand, so Today runs the stage machine over it.
//!
//! Run: `cargo bench -p proprio-core --features simulate --bench growth` (release build).
//! Each call is timed `RUNS` times after one warm-up; the median and the slowest are shown.

use proprio_core::simulate::write_history;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{AffectedArea, ProfileUpdate, Proprio, WallTime};
use std::time::{Duration, Instant};

const START_MS: i64 = 1_640_995_200_000; // 2022-01-01
const YEARS: i64 = 5;
const RUNS: usize = 15;

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/Madrid".into() }
}

/// Median and maximum of `RUNS` timed calls, after one untimed warm-up.
fn time<T>(mut call: impl FnMut() -> T) -> (Duration, Duration) {
    call();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(call());
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[RUNS / 2], times[RUNS - 1])
}

fn report(what: &str, (median, max): (Duration, Duration)) {
    println!("{what:<44} median {:>8.2} ms   max {:>8.2} ms", ms(median), ms(max));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn file_mb(path: &str) -> f64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{path}{suffix}")).ok())
        .map(|m| m.len() as f64)
        .sum::<f64>()
        / 1e6
}

fn main() {
    let base = std::env::var_os("BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(base).unwrap();
    let path = dir.path().join("history.db").to_str().unwrap().to_string();
    let t = Instant::now();
    write_history(&path, 20_000, &at(START_MS), YEARS * 365 * 86_400_000).unwrap();
    let now = at(START_MS + YEARS * 365 * 86_400_000);
    println!("five years written in {:.1} s", t.elapsed().as_secs_f64());
    {
        // A painful left hand, so Today runs the stage machine over the history; closing
        // checkpoints the WAL, so the size is the file a phone keeps.
        let proprio = Proprio::new(path.clone(), now.clone()).unwrap();
        let hand = AffectedArea { body_part: BodyPart::Hand, side: Side::Left };
        proprio.update_profile(ProfileUpdate { affected: Some(vec![hand]), ..Default::default() }).unwrap();
    }
    println!("database on disk: {:.1} MB (file, WAL and SHM)", file_mb(&path));

    report("open (Proprio::new)", time(|| Proprio::new(path.clone(), now.clone()).unwrap()));
    let proprio = Proprio::new(path.clone(), now.clone()).unwrap();
    report("status", time(|| proprio.status().unwrap()));
    report("today (next step, stages, flare, reminders)", time(|| proprio.today(now.clone()).unwrap()));
    report("reminders_today", time(|| proprio.reminders_today(now.clone()).unwrap()));
    report(
        "left_right_overview (gate, last 30 sessions)",
        time(|| proprio.left_right_overview(BodyPart::Hand, Some(30), now.clone()).unwrap()),
    );
    let last = proprio.sessions().unwrap()[0].id;
    report("session_results (newest session)", time(|| proprio.session_results(last, now.clone()).unwrap()));
}
