//! `proprio delete-all-data --yes`: removes the database with its WAL and SHM files.

use crate::context::Context;
use crate::output::{CliError, terminal_safe};

#[derive(clap::Args)]
pub struct Args {
    /// Confirm: every session, journal entry, setting and the profile are removed for good
    #[arg(long)]
    yes: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    if !args.yes {
        return Err(CliError::usage(format!(
            "this removes everything in {} for good; add --yes to do it",
            ctx.db_path.display()
        )));
    }
    if !ctx.db_path.exists() {
        println!("Nothing to delete: {} does not exist.", terminal_safe(&ctx.db_path.display().to_string()));
        return Ok(());
    }
    // Opening first checks the file is a Proprio database: another program's is refused.
    let removed = ctx.open()?.delete_all_data()?;
    println!("Deleted all Proprio data. Removed:");
    for path in removed {
        println!("  {}", terminal_safe(&path));
    }
    Ok(())
}
