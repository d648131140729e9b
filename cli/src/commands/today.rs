//! `proprio today`: what to do next and why, safety messages, each painful body part's
//! stage and what blocks moving on, today's sessions against the targets, and the next
//! reminder — the same record the phones draw (`--json` prints it as it is).

use crate::context::Context;
use crate::output::{CliError, print_json};
use proprio_core::StageDecision;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let today = ctx.open()?.today(ctx.now.clone())?;
    if args.json {
        return print_json(&today);
    }
    println!("Today, {} ({})", today.date, ctx.now.zone);
    println!("  {}", today.next.sentence);
    for s in &today.safety {
        println!("  ! {}", s.sentence);
    }
    for s in &today.stages {
        let state = match s.decision {
            StageDecision::Locked => "  locked",
            StageDecision::EaseBack { .. } => "  easing back",
            _ => "",
        };
        println!(
            "Stage {} of {} for the {}: {}, day {} (at least {}){state}",
            s.position,
            s.stages.len(),
            s.body_part,
            s.stage,
            s.days_in_stage,
            s.min_days
        );
        println!("  {}", s.sentence);
    }
    if today.progress.is_empty() {
        println!("  No sessions planned today.");
    }
    for p in &today.progress {
        let tick = if p.target > 0 && p.done >= p.target { "  done for today" } else { "" };
        println!("  {:<24} {} of {}{tick}", p.kind.as_str(), p.done, p.target);
    }
    match &today.next_reminder {
        Some(r) => {
            println!("Next reminder:");
            super::reminders::print_reminder(r);
        }
        None => println!("No more reminders today."),
    }
    Ok(())
}
