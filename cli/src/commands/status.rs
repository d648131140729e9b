use crate::context::Context;
use crate::output::{CliError, local_time, print_json, terminal_safe};

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let status = ctx.open()?.status()?;
    if args.json {
        return print_json(&status);
    }
    let p = &status.profile;
    println!("Patient code   {}", p.code);
    println!("Affected       {}", super::profile::describe_areas(&p.affected));
    println!("Since          {}", local_time(&p.created_at));
    println!("Database       {} (schema {})", terminal_safe(&status.db_path), status.schema_version);
    println!(
        "Stored         {} sessions, {} trials, {} journal entries",
        status.sessions, status.trials, status.journal_entries
    );
    Ok(())
}
