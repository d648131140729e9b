//! Exports with five years of history (20 000 sessions, a million trials): the JSON
//! export, the report rendered from it, and restoring it into an empty database, each
//! with the process's peak memory after it (VmHWM, Linux).
//!
//! Run: `cargo bench -p proprio-core --features simulate --bench export` (release build).
//! Goals (issue 11): export and report under 2 s each and 200 MB peak; import under 10 s.

use proprio_core::simulate::write_history;
use proprio_core::{ExportFormat, Proprio, WallTime, render_report};
use std::time::Instant;

const START_MS: i64 = 1_640_995_200_000; // 2022-01-01
const YEARS: i64 = 5;

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/Madrid".into() }
}

/// Peak resident memory of this process so far, MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let base = std::env::var_os("BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(base).unwrap();
    let path = dir.path().join("history.db").to_str().unwrap().to_string();
    write_history(&path, 20_000, &at(START_MS), YEARS * 365 * 86_400_000).unwrap();
    let now = at(START_MS + YEARS * 365 * 86_400_000);
    let proprio = Proprio::new(path, now.clone()).unwrap();
    println!("history written; peak so far {:.0} MB", peak_mb());

    let t = Instant::now();
    let json = proprio.export(ExportFormat::Json, None, None, now.clone()).unwrap().remove(0).bytes;
    println!(
        "export JSON: {:.2} s, {:.0} MB of JSON, peak {:.0} MB",
        t.elapsed().as_secs_f64(),
        json.len() as f64 / 1e6,
        peak_mb()
    );

    let t = Instant::now();
    let html = render_report(json.clone()).unwrap();
    println!(
        "report from it: {:.2} s, {:.0} KB of HTML, peak {:.0} MB",
        t.elapsed().as_secs_f64(),
        html.len() as f64 / 1e3,
        peak_mb()
    );

    let empty = dir.path().join("restored.db").to_str().unwrap().to_string();
    let fresh = Proprio::new(empty, now).unwrap();
    let t = Instant::now();
    let summary = fresh.import_backup(json, false).unwrap();
    println!(
        "import into an empty database: {:.2} s ({} sessions, {} trials), peak {:.0} MB",
        t.elapsed().as_secs_f64(),
        summary.sessions,
        summary.trials,
        peak_mb()
    );
}
