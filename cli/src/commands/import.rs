//! `proprio import BACKUP.json [--replace]`: restores a JSON export, e.g. on a new phone
//! or computer.

use crate::context::Context;
use crate::input::read_bytes_bounded;
use crate::output::{CliError, terminal_safe};
use std::path::PathBuf;

/// Largest backup read: five years of practice is about 300 MB of JSON.
const MAX_BACKUP_BYTES: u64 = 1 << 30;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON export (`proprio export --format json`)
    backup: PathBuf,
    /// Replace the sessions and journal already in the database
    #[arg(long)]
    replace: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let bytes = read_bytes_bounded(&args.backup, MAX_BACKUP_BYTES, "BACKUP", "a Proprio export")?;
    let summary = ctx.open()?.import_backup(bytes, args.replace).map_err(|e| match e {
        proprio_core::ProprioError::InvalidState { reason } => {
            CliError::usage(format!("{reason} (proprio import --replace {})", args.backup.display()))
        }
        e => e.into(),
    })?;
    println!(
        "Restored {} sessions ({} trials) and {} journal entries from {}.",
        summary.sessions,
        summary.trials,
        summary.journal_entries,
        terminal_safe(&args.backup.display().to_string())
    );
    Ok(())
}
