//! `proprio import BACKUP.json [--replace]`: restores a JSON export, e.g. on a new phone
//! or computer.

use crate::context::Context;
use crate::input::read_export;
use crate::output::{CliError, terminal_safe};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON export (`proprio export --format json`)
    backup: PathBuf,
    /// Replace the sessions and journal already in the database
    #[arg(long)]
    replace: bool,
    /// The passphrase of an encrypted backup, in a file (one line)
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let bytes = read_export(&args.backup, "BACKUP", args.passphrase_file.as_deref())?;
    let summary = ctx.open()?.import_backup(bytes, args.replace).map_err(|e| match e {
        proprio_core::ProprioError::InvalidState { reason } => {
            CliError::usage(format!("{reason} (proprio import --replace {})", args.backup.display()))
        }
        e => e.into(),
    })?;
    println!(
        "Restored {} sessions ({} guided, {} left/right trials) and {} journal entries from {}.",
        summary.sessions,
        summary.guided_sessions,
        summary.trials,
        summary.journal_entries,
        terminal_safe(&args.backup.display().to_string())
    );
    Ok(())
}
