//! `proprio today`: what is left today, what is done, and today's adherence.

use crate::context::Context;
use crate::output::{CliError, print_json};

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let today = ctx.open()?.reminders_today(ctx.now.clone())?;
    if args.json {
        return print_json(&today);
    }
    println!("Today, {} ({})", today.date, ctx.now.zone);
    if today.progress.is_empty() {
        println!("  No sessions planned today.");
    }
    for p in &today.progress {
        let tick = if p.target > 0 && p.done >= p.target { "  done for today" } else { "" };
        println!("  {:<24} {} of {}{tick}", p.kind.as_str(), p.done, p.target);
    }
    let a = &today.adherence;
    println!("Reminders sent {}, answered {}; adherence {}%", a.sent, a.answered, a.percent);
    if today.remaining.is_empty() {
        println!("No more reminders today.");
    } else {
        println!("Still to come:");
        for r in &today.remaining {
            super::reminders::print_reminder(r);
        }
    }
    Ok(())
}
