//! `proprio reminders`: the plan, the diff against what is scheduled, snooze, "done
//! elsewhere", deliveries, settings and adherence.

use crate::context::{Context, parse_at};
use crate::output::{CliError, print_json};
use chrono_tz::Tz;
use proprio_core::SessionKind;
use proprio_core::reminders::{
    DEFAULT_DAYS, KindTarget, Plan, PlannedReminder, QuietHours, ReminderSettings, parse_pending_json,
};
use proprio_core::{Proprio, WallTime};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Plan from this moment instead of now (same forms as --at)
    #[arg(long, value_name = "DATETIME")]
    from: Option<String>,
    /// Days to plan, today included (1-14)
    #[arg(long, default_value_t = DEFAULT_DAYS, value_name = "N")]
    days: u32,
    /// Print the changes against a JSON list of what is already scheduled
    /// ([{"id": ..., "fire_at_ms": ...}], or a plan printed by --json)
    #[arg(long, value_name = "FILE")]
    diff: Option<std::path::PathBuf>,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Snooze a reminder that rang: it rings again in 10, 30 or 60 minutes
    Snooze {
        /// Reminder id, e.g. 20261123-left-right-1
        id: String,
        #[arg(long, value_name = "10|30|60")]
        minutes: i32,
        #[arg(long)]
        json: bool,
    },
    /// Mark a reminder as done away from the app
    DoneElsewhere { id: String },
    /// Report that a reminder was shown (what a phone does when the OS delivers it)
    Delivered { id: String },
    /// Show or change reminder settings
    Settings(SettingsArgs),
    /// Reminders sent vs sessions done, per day and per slot
    Adherence {
        /// Days back, today included (1-366)
        #[arg(long, default_value_t = 14, value_name = "N")]
        days: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
struct SettingsArgs {
    /// Turn reminders on or off
    #[arg(long, value_name = "on|off", value_parser = on_off)]
    enabled: Option<bool>,
    /// Waking window, e.g. 08:00-21:00
    #[arg(long, value_name = "HH:MM-HH:MM")]
    window: Option<String>,
    /// Quiet hours (repeatable; replaces the list), e.g. 12:30-13:30 or 22:00-07:00
    #[arg(long, value_name = "HH:MM-HH:MM")]
    quiet: Vec<String>,
    /// Remove all quiet hours
    #[arg(long, conflicts_with = "quiet")]
    no_quiet: bool,
    /// Days with reminders: mon,tue,... or 1-7 (Monday = 1), or "all"
    #[arg(long, value_name = "DAYS")]
    weekdays: Option<String>,
    /// Minimum minutes between reminders (and after a session)
    #[arg(long, value_name = "MIN")]
    gap: Option<i32>,
    /// Largest random shift of a reminder, minutes
    #[arg(long, value_name = "MIN")]
    jitter: Option<i32>,
    /// Sessions a day for a kind, e.g. left-right=3 (repeatable; 0 removes the kind)
    #[arg(long, value_name = "KIND=N")]
    target: Vec<String>,
    /// Move reminders towards the times you actually practise
    #[arg(long, value_name = "on|off", value_parser = on_off)]
    learn: Option<bool>,
    #[arg(long)]
    json: bool,
}

fn on_off(text: &str) -> Result<bool, String> {
    match text {
        "on" | "yes" | "true" => Ok(true),
        "off" | "no" | "false" => Ok(false),
        _ => Err(format!("'{text}': use on or off")),
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let proprio = ctx.open()?;
    match args.command {
        None => plan(ctx, &proprio, &args),
        Some(Command::Snooze { id, minutes, json }) => snooze(ctx, &proprio, id, minutes, json),
        Some(Command::DoneElsewhere { id }) => {
            proprio.mark_reminder_done_elsewhere(id.clone(), ctx.now.clone())?;
            println!("Marked {id} as done elsewhere. Well done.");
            Ok(())
        }
        Some(Command::Delivered { id }) => {
            proprio.report_reminder_delivered(id.clone(), ctx.now.clone())?;
            println!("Recorded {id} as delivered.");
            Ok(())
        }
        Some(Command::Settings(s)) => settings(&proprio, s),
        Some(Command::Adherence { days, json }) => adherence(ctx, &proprio, days, json),
    }
}

/// `proprio reminders [--from] [--days] [--diff FILE] [--json]`: the plan, or its diff.
fn plan(ctx: &Context, proprio: &Proprio, args: &Args) -> Result<(), CliError> {
    let now = match &args.from {
        Some(text) => {
            WallTime { unix_ms: parse_at(text, zone(ctx)?)?.timestamp_millis(), zone: ctx.now.zone.clone() }
        }
        None => ctx.now.clone(),
    };
    let pending = match &args.diff {
        Some(path) => {
            let text = crate::input::read_bounded(path, crate::input::MAX_DIFF_BYTES, "--diff")?;
            parse_pending_json(&text)?
        }
        None => Vec::new(),
    };
    let plan = proprio.plan_reminders(now, args.days, pending)?;
    match (args.diff.is_some(), args.json) {
        (true, true) => print_json(&plan.diff),
        (true, false) => {
            print_diff(&plan);
            Ok(())
        }
        (false, true) => print_json(&plan),
        (false, false) => {
            print_plan(&plan);
            Ok(())
        }
    }
}

fn snooze(ctx: &Context, proprio: &Proprio, id: String, minutes: i32, json: bool) -> Result<(), CliError> {
    let repeat = proprio.snooze_reminder(id.clone(), minutes, ctx.now.clone())?;
    if json {
        return print_json(&repeat);
    }
    match repeat {
        Some(r) => println!("Snoozed {id}: it rings again at {}", short_local(&r)),
        None => println!(
            "Snoozed {id}, but {minutes} minutes from now is outside your reminder hours, so it will not ring again today"
        ),
    }
    Ok(())
}

fn adherence(ctx: &Context, proprio: &Proprio, days: u32, json: bool) -> Result<(), CliError> {
    let report = proprio.reminder_adherence(ctx.now.clone(), days)?;
    if json {
        return print_json(&report);
    }
    println!("date         target  sent  answered  done  adherence");
    for d in &report.days {
        println!(
            "{}  {:>6}  {:>4}  {:>8}  {:>4}  {:>8}%",
            d.date, d.target, d.sent, d.answered, d.completed, d.percent
        );
    }
    if !report.slots.is_empty() {
        println!();
        println!("slot                        sent  answered  rate");
        for s in &report.slots {
            println!(
                "{:<24} {:>2}  {:>4}  {:>8}  {:>3}%",
                s.kind.as_str(),
                s.slot,
                s.sent,
                s.answered,
                s.percent
            );
        }
    }
    Ok(())
}

/// The zone of `--tz` (already checked when the context was made), parsed by the core.
fn zone(ctx: &Context) -> Result<Tz, CliError> {
    Ok(proprio_core::parse_zone(&ctx.now.zone, "--tz")?)
}

/// "Mon 2026-11-23 10:07 +00:00"
pub fn short_local(r: &PlannedReminder) -> String {
    let day = chrono::NaiveDate::parse_from_str(&r.local_date, "%Y-%m-%d")
        .map(|d| d.format("%a").to_string())
        .unwrap_or_default();
    // local_time is YYYY-MM-DDTHH:MM+hh:mm
    let (date, rest) = r.local_time.split_once('T').unwrap_or((&r.local_time, ""));
    let (clock, offset) = rest.split_at(rest.len().min(5));
    format!("{day} {date} {clock} {offset}")
}

pub fn print_reminder(r: &PlannedReminder) {
    println!("  {}  {:<22}  {:<34}  {}", short_local(r), r.kind.as_str(), r.title, r.id);
}

fn print_plan(plan: &Plan) {
    println!(
        "{} reminder{} over {} day{} ({})",
        plan.reminders.len(),
        if plan.reminders.len() == 1 { "" } else { "s" },
        plan.days,
        if plan.days == 1 { "" } else { "s" },
        plan.zone
    );
    for r in &plan.reminders {
        print_reminder(r);
    }
    if plan.dropped_by_cap > 0 {
        println!(
            "{} more left out: a phone holds at most 64 at a time; they follow as these ring.",
            plan.dropped_by_cap
        );
    }
    for note in &plan.notes {
        println!("Note: {note}");
    }
}

fn print_diff(plan: &Plan) {
    let d = &plan.diff;
    if d.to_cancel.is_empty() && d.to_schedule.is_empty() {
        println!("Nothing to change ({} already scheduled as planned).", d.unchanged);
        return;
    }
    println!("Cancel {}:", d.to_cancel.len());
    for id in &d.to_cancel {
        println!("  {id}");
    }
    println!("Schedule {}:", d.to_schedule.len());
    for r in &d.to_schedule {
        print_reminder(r);
    }
    println!("Unchanged {}.", d.unchanged);
}

fn hhmm(text: &str, what: &str) -> Result<i32, CliError> {
    let bad = || CliError::usage(format!("--{what}: '{text}' is not a time like 08:30"));
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (i32, i32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(0..=24).contains(&h) || !(0..60).contains(&m) || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

fn range(text: &str, what: &str) -> Result<(i32, i32), CliError> {
    let (a, b) = text
        .split_once('-')
        .ok_or_else(|| CliError::usage(format!("--{what}: '{text}' is not a range like 08:00-21:00")))?;
    Ok((hhmm(a, what)?, hhmm(b, what)?))
}

fn weekdays(text: &str) -> Result<Vec<u8>, CliError> {
    if text == "all" {
        return Ok((1..=7).collect());
    }
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    text.split(',')
        .map(|t| {
            let t = t.trim().to_ascii_lowercase();
            NAMES
                .iter()
                .position(|n| t.starts_with(n))
                .map(|i| i as u8 + 1)
                .or_else(|| t.parse().ok())
                .ok_or_else(|| CliError::usage(format!("--weekdays: '{t}' is not a day (mon..sun or 1..7)")))
        })
        .collect()
}

fn settings(proprio: &Proprio, a: SettingsArgs) -> Result<(), CliError> {
    let mut s = proprio.reminder_settings()?;
    let changing = a.enabled.is_some()
        || a.window.is_some()
        || !a.quiet.is_empty()
        || a.no_quiet
        || a.weekdays.is_some()
        || a.gap.is_some()
        || a.jitter.is_some()
        || !a.target.is_empty()
        || a.learn.is_some();
    if let Some(on) = a.enabled {
        s.enabled = on;
    }
    if let Some(w) = &a.window {
        (s.window_start_min, s.window_end_min) = range(w, "window")?;
    }
    if a.no_quiet {
        s.quiet_hours.clear();
    }
    if !a.quiet.is_empty() {
        s.quiet_hours = a
            .quiet
            .iter()
            .map(|q| range(q, "quiet").map(|(start_min, end_min)| QuietHours { start_min, end_min }))
            .collect::<Result<_, _>>()?;
    }
    if let Some(w) = &a.weekdays {
        s.weekdays = weekdays(w)?;
    }
    if let Some(g) = a.gap {
        s.min_gap_min = g;
    }
    if let Some(j) = a.jitter {
        s.jitter_min = j;
    }
    for t in &a.target {
        let (kind, n) = t
            .split_once('=')
            .ok_or_else(|| CliError::usage(format!("--target: '{t}' is not KIND=N, e.g. left-right=3")))?;
        let kind = SessionKind::parse(kind.trim(), "--target").map_err(|e| CliError::usage(e.to_string()))?;
        let per_day: i32 =
            n.trim().parse().map_err(|_| CliError::usage(format!("--target: '{n}' is not a number")))?;
        s.targets.retain(|x| x.kind != kind);
        if per_day != 0 {
            s.targets.push(KindTarget { kind, per_day });
        }
    }
    if changing {
        s = proprio.set_reminder_settings(s)?;
    }
    if a.json {
        return print_json(&s);
    }
    describe(&s);
    Ok(())
}

fn clock(m: i32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn describe(s: &ReminderSettings) {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    println!("Reminders      {}", if s.enabled { "on" } else { "off" });
    println!("Window         {}-{}", clock(s.window_start_min), clock(s.window_end_min));
    let quiet: Vec<String> =
        s.quiet_hours.iter().map(|q| format!("{}-{}", clock(q.start_min), clock(q.end_min))).collect();
    println!("Quiet hours    {}", if quiet.is_empty() { "none".into() } else { quiet.join(", ") });
    let days: Vec<&str> =
        s.weekdays.iter().filter_map(|&d| NAMES.get(usize::from(d).wrapping_sub(1)).copied()).collect();
    println!("Days           {}", days.join(" "));
    println!("Gap            {} min", s.min_gap_min);
    println!("Jitter         up to {} min", s.jitter_min);
    let targets: Vec<String> =
        s.targets.iter().map(|t| format!("{} {}/day", t.kind.as_str(), t.per_day)).collect();
    println!("Sessions       {}", targets.join(", "));
    println!("Learn my times {}", if s.learn_my_times { "on" } else { "off" });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_times_ranges_and_days() {
        assert_eq!(range("08:00-21:00", "window").unwrap(), (480, 1260));
        assert_eq!(range("22:00-24:00", "quiet").unwrap(), (1320, 1440));
        assert!(range("8-9", "window").is_err());
        assert!(hhmm("24:30", "window").is_err());
        assert_eq!(weekdays("mon,Wed,7").unwrap(), vec![1, 3, 7]);
        assert!(weekdays("funday").is_err());
    }
}
