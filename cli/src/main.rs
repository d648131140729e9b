//! `proprio`: drive Proprio's core from a terminal — practise, keep the journal, read the
//! numbers, plan. Every command works on one SQLite file, by default in the user's data
//! directory, or `--db PATH`.

mod commands;
mod context;
mod input;
mod output;
mod terminal;

use clap::{Parser, Subcommand};
use context::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "proprio",
    version,
    about = "Graded motor imagery practice and records, on the same core as the Proprio phone apps"
)]
struct Cli {
    /// SQLite database to use [default: proprio.db in the user's data directory, e.g.
    /// ~/.local/share/proprio/]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Act as if it were this moment: RFC 3339 ("2026-03-01T09:30:00Z", with an offset) or
    /// local wall time in --tz ("2026-03-01 09:30", "2026-03-01T09:30") [default: now]
    #[arg(long, global = true, value_name = "DATETIME")]
    at: Option<String>,
    /// IANA time zone, e.g. Europe/London [default: this computer's zone]
    #[arg(long, global = true, value_name = "ZONE")]
    tz: Option<String>,
    /// Language of what Proprio says: en or de (others get English) [default: from
    /// LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A left/right judgement session in the terminal (or --simulate a virtual patient)
    Practice(commands::practice::Args),
    /// A guided session: imagery, mirror, desensitise, exposure or sensory (or --simulate
    /// scripted answers)
    Session(commands::session::Args),
    /// The desensitisation texture ladder: list it or write your own
    #[command(subcommand)]
    Textures(commands::textures::Command),
    /// The graded exposure ladder: list, add, rate, rename or remove steps
    #[command(subcommand)]
    Ladder(commands::ladder::Command),
    /// Left/right history, per-side numbers, level and the stage gate for a body part
    Stats(commands::stats::Args),
    /// Profile, database path, schema version and how much is stored
    Status(commands::status::Args),
    /// Show or change the patient profile
    #[command(subcommand)]
    Profile(commands::profile::Command),
    /// Pain journal: add an entry or list them
    #[command(subcommand)]
    Journal(commands::journal::Command),
    /// Body-part pictures: draw one, a labelled contact sheet, or a random set with a
    /// manifest (no database needed)
    #[command(subcommand)]
    Stimulus(commands::stimulus::StimulusCommand),
    /// Reminder plan for the next days, its diff against what is scheduled, snooze,
    /// settings and adherence
    Reminders(commands::reminders::Args),
    /// The therapist's plan: a template, import (file or share code), show, share code,
    /// decode and QR code
    #[command(subcommand)]
    Plan(commands::plan::Command),
    /// Today: what to do next and why, safety messages, each painful area's stage,
    /// sessions done against the targets and the next reminder
    Today(commands::today::Args),
    /// The stage history: every move between stages and every flare, with its reason
    Stages(commands::stages::Args),
    /// Write what a patient shares: JSON (everything; also the backup), CSV tables, or
    /// trials in the hand laterality task's columns
    Export(commands::export::Args),
    /// A virtual patient with a painful left hand practises for weeks; DIR gets the
    /// database, every export and the report
    Demo(commands::demo::Args),
    /// The one-minute report (HTML) from a JSON export someone shared
    Report(commands::report::Args),
    /// Restore a JSON export into this database (refused if it holds data, unless --replace)
    Import(commands::import::Args),
    /// Delete every record: the database file with its WAL and SHM files (needs --yes)
    DeleteAllData(commands::delete::Args),
}

fn main() -> ExitCode {
    output::quiet_on_broken_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        // Pictures need no database and no clock.
        Command::Stimulus(cmd) => commands::stimulus::run(cmd),
        command => Context::new(cli.db, cli.at.as_deref(), cli.tz.as_deref())
            .map(|ctx| ctx.with_language(cli.lang))
            .and_then(|ctx| run(&ctx, command)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("proprio: {e}");
            e.exit_code()
        }
    }
}

fn run(ctx: &Context, command: Command) -> Result<(), output::CliError> {
    match command {
        Command::Practice(args) => commands::practice::run(ctx, args),
        Command::Session(args) => commands::session::run(ctx, args),
        Command::Textures(cmd) => commands::textures::run(ctx, cmd),
        Command::Ladder(cmd) => commands::ladder::run(ctx, cmd),
        Command::Stats(args) => commands::stats::run(ctx, args),
        Command::Status(args) => commands::status::run(ctx, args),
        Command::Profile(cmd) => commands::profile::run(ctx, cmd),
        Command::Journal(cmd) => commands::journal::run(ctx, cmd),
        Command::Stimulus(cmd) => commands::stimulus::run(cmd),
        Command::Reminders(args) => commands::reminders::run(ctx, args),
        Command::Plan(cmd) => commands::plan::run(ctx, cmd),
        Command::Today(args) => commands::today::run(ctx, args),
        Command::Stages(args) => commands::stages::run(ctx, args),
        Command::Export(args) => commands::export::run(ctx, args),
        Command::Import(args) => commands::import::run(ctx, args),
        Command::Report(args) => commands::report::run(ctx, args),
        Command::Demo(args) => commands::demo::run(ctx, args),
        Command::DeleteAllData(args) => commands::delete::run(ctx, args),
    }
}
