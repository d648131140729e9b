//! Exports with five years of history (20 000 sessions, a million trials): the JSON
//! export written to a file, the report rendered from that file, and restoring it into an
//! empty database, each in its own process so that each peak memory (VmHWM, Linux) is
//! that step's alone (writing the history is not counted in any of them).
//!
//! Run: `cargo bench -p proprio-core --features simulate --bench export` (release build).
//! Goals (issue 11): export and report under 2 s each and 200 MB peak; import under 10 s.

use proprio_core::simulate::write_history;
use proprio_core::{ExportFormat, Proprio, WallTime, report_file};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const START_MS: i64 = 1_640_995_200_000; // 2022-01-01
const YEARS: i64 = 5;
/// Set in a child process: the step it runs, and the folder of the history.
const STEP: &str = "PROPRIO_BENCH_STEP";
const DIR: &str = "PROPRIO_BENCH_HISTORY";

fn at(ms: i64) -> WallTime {
    WallTime { unix_ms: ms, zone: "Europe/Madrid".into() }
}

fn now() -> WallTime {
    at(START_MS + YEARS * 365 * 86_400_000)
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

/// CPU time of this process so far (user + system), s: on a machine shared with other
/// work the wall time also counts waiting for a core.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime and stime are the
    // 12th and 13th, in clock ticks (100 a second on Linux).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: Vec<f64> = rest.split_whitespace().skip(11).take(2).filter_map(|v| v.parse().ok()).collect();
    ticks.iter().sum::<f64>() / 100.0
}

fn db(dir: &Path, name: &str) -> String {
    dir.join(name).to_str().unwrap().to_string()
}

/// One step, in this process.
fn step(name: &str, dir: &Path) {
    let json = dir.join("export.json");
    match name {
        "export" => {
            let proprio = Proprio::new(db(dir, "history.db"), now()).unwrap();
            let (t, cpu) = (Instant::now(), cpu_s());
            let path = json.to_str().unwrap().to_string();
            proprio.export_to_file(ExportFormat::Json, None, None, path, None, now()).unwrap();
            println!(
                "export JSON to a file: {:.2} s ({:.2} s CPU), {:.0} MB of JSON, peak {:.0} MB",
                t.elapsed().as_secs_f64(),
                cpu_s() - cpu,
                std::fs::metadata(&json).unwrap().len() as f64 / 1e6,
                peak_mb()
            );
        }
        "report" => {
            let html = dir.join("report.html");
            let (t, cpu) = (Instant::now(), cpu_s());
            report_file(&json, None, &html).unwrap();
            println!(
                "report from the file: {:.2} s ({:.2} s CPU), {:.0} KB of HTML, peak {:.0} MB",
                t.elapsed().as_secs_f64(),
                cpu_s() - cpu,
                std::fs::metadata(&html).unwrap().len() as f64 / 1e3,
                peak_mb()
            );
        }
        "import" => {
            let fresh = Proprio::new(db(dir, "restored.db"), now()).unwrap();
            let (t, cpu) = (Instant::now(), cpu_s());
            let summary = fresh.import_backup(std::fs::read(&json).unwrap(), false).unwrap();
            println!(
                "import into an empty database: {:.2} s ({:.2} s CPU; {} sessions, {} trials), peak {:.0} MB",
                t.elapsed().as_secs_f64(),
                cpu_s() - cpu,
                summary.sessions,
                summary.trials,
                peak_mb()
            );
        }
        other => panic!("no bench step {other}"),
    }
}

fn main() {
    if let (Ok(name), Some(dir)) = (std::env::var(STEP), std::env::var_os(DIR)) {
        return step(&name, Path::new(&dir));
    }
    let base = std::env::var_os("BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(base).unwrap();
    write_history(&db(dir.path(), "history.db"), 20_000, &at(START_MS), YEARS * 365 * 86_400_000).unwrap();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("history written (20000 sessions); each step below runs in its own process");
    println!(
        "load average before the steps: {}",
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    for name in ["export", "report", "import"] {
        let status = Command::new(std::env::current_exe().unwrap())
            .env(STEP, name)
            .env(DIR, dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "{name}: {status}");
    }
}
