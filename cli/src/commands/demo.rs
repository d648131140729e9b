//! `proprio demo [--weeks 8] [--seed S] --out DIR`: the quickest way to see what Proprio
//! does. A virtual patient with a painful left hand practises through the real engine,
//! reminders and database: at first slower and less accurate on the left, improving over
//! the weeks, with one flare (more pain, worse answers) in the middle. DIR receives the
//! database, every export and the report.

use crate::context::Context;
use crate::output::{CliError, terminal_safe};
use chrono::Timelike;
use proprio_core::simulate::VirtualPatient;
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{
    AffectedArea, ExportFormat, Handedness, LeftRightSettings, NewJournalEntry, ProfileUpdate, Proprio,
    WallTime,
};
use std::path::{Path, PathBuf};

const DAY_MS: i64 = 86_400_000;
const MIN_MS: i64 = 60_000;

#[derive(clap::Args)]
pub struct Args {
    /// How many weeks the patient practises, 1–26
    #[arg(long, default_value_t = 8, value_name = "N")]
    weeks: u32,
    /// Seed for everything random (the same seed gives the same demo)
    #[arg(long, default_value_t = 1, value_name = "S")]
    seed: u64,
    /// A new or empty folder for the database, the exports and the report
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    if !(1..=26).contains(&args.weeks) {
        return Err(CliError::usage(format!("--weeks: {} is not in 1..=26", args.weeks)));
    }
    prepare(&args.out)?;
    let db = args.out.join("proprio-demo.db");
    let path = db.to_str().ok_or_else(|| CliError::usage("--out: the path is not valid UTF-8"))?;
    let days = i64::from(args.weeks) * 7;
    // The demo's weeks end the day before --at (default: now); each day starts at 07:00.
    let first = ctx.now.unix_ms - days * DAY_MS;
    let since_midnight = ctx.now.local()?.time().num_seconds_from_midnight();
    let start = WallTime {
        unix_ms: first - i64::from(since_midnight) * 1000 + 7 * 60 * MIN_MS,
        zone: ctx.now.zone.clone(),
    };
    let proprio = Proprio::new(path.to_string(), start.clone())?;
    proprio.update_profile(ProfileUpdate {
        affected: Some(vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }]),
        handedness: Some(Handedness::Right),
        skin_tone: Some(3),
    })?;
    let mut sessions = 0;
    for day in 0..days {
        sessions += practise_day(&proprio, &start, day, days, args.seed)?;
    }
    println!(
        "{} days, {sessions} sessions practised into {}",
        days,
        terminal_safe(&db.display().to_string())
    );
    let now = ctx.now.clone();
    for format in ExportFormat::ALL {
        let target = match format {
            ExportFormat::Csv => args.out.join("csv"),
            _ => args.out.join(format.file_names()[0]),
        };
        let target = target.to_str().ok_or_else(|| CliError::usage("--out: the path is not valid UTF-8"))?;
        let written = proprio
            .export_to_file(*format, None, None, target.to_string(), None, now.clone())
            .map_err(crate::commands::export::out_error)?;
        for path in written {
            println!("wrote {}", terminal_safe(&path));
        }
    }
    Ok(())
}

/// A new folder, or an empty one: the demo never mixes with other files.
fn prepare(dir: &Path) -> Result<(), CliError> {
    let fail = |e: std::io::Error| CliError::failure(format!("--out: {}: {e}", dir.display()));
    if dir.exists() {
        if std::fs::read_dir(dir).map_err(fail)?.next().is_some() {
            return Err(CliError::usage(format!(
                "--out: {} is not empty; choose a new folder",
                dir.display()
            )));
        }
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(fail)
}

/// One day: the reminders of the day ring, the patient practises soon after most of
/// them, and writes in the journal in the evening. Returns the sessions done.
fn practise_day(p: &Proprio, start: &WallTime, day: i64, days: i64, seed: u64) -> Result<u32, CliError> {
    let morning = WallTime { unix_ms: start.unix_ms + day * DAY_MS, zone: start.zone.clone() };
    let progress = day as f64 / days.max(1) as f64;
    // The flare: a few days a little past the middle.
    let flare = (days / 2..days / 2 + 4).contains(&day);
    let patient = VirtualPatient {
        accuracy: 0.93 + 0.05 * progress,
        rt_ms: 1_050.0 - 300.0 * progress,
        slower_side: Some(Side::Left),
        slowdown_ms: 700.0 * (1.0 - progress) + if flare { 300.0 } else { 50.0 },
        slower_side_accuracy: Some((0.8 + 0.17 * progress - if flare { 0.1 } else { 0.0 }).min(0.98)),
        seed: seed ^ (day as u64) << 8,
        ..VirtualPatient::default()
    };
    let plan = p.plan_reminders(morning.clone(), 1, Vec::new())?;
    let mut done = 0;
    for (i, reminder) in plan.reminders.iter().enumerate() {
        let rang = WallTime { unix_ms: reminder.fire_at_ms, zone: start.zone.clone() };
        p.report_reminder_delivered(reminder.id.clone(), rang.clone())?;
        // Now and then a reminder is missed.
        if (day * 3 + i as i64) % 7 == 6 {
            continue;
        }
        let settings = LeftRightSettings {
            body_part: BodyPart::Hand,
            count: Some(30),
            time_limit_ms: None,
            feedback: None,
            level: None,
            seed: Some(seed.wrapping_mul(1000).wrapping_add((day * 10 + i as i64) as u64)),
            practice: None,
        };
        let at = WallTime { unix_ms: rang.unix_ms + 4 * MIN_MS, zone: start.zone.clone() };
        patient.run(p, settings, at)?;
        done += 1;
    }
    let pain = (6.0 - 4.0 * progress).round() as u8 + if flare { 3 } else { 0 };
    p.add_journal_entry(NewJournalEntry {
        at: WallTime { unix_ms: morning.unix_ms + 12 * 60 * MIN_MS, zone: start.zone.clone() },
        pain: pain.min(10),
        fear: Some((5.0 - 3.0 * progress).round() as u8),
        medication: flare || day % 5 == 0,
        note: if flare {
            "Flare: the hand throbbed all day; kept the sessions short.".into()
        } else {
            String::new()
        },
        session_id: None,
    })?;
    Ok(done)
}
