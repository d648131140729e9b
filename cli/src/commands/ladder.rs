//! `proprio ladder`: the graded exposure ladder — your feared activities with their fear
//! ratings (0–100), least feared first.

use crate::context::Context;
use crate::output::{CliError, print_json, terminal_safe};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Every step, least feared first, with the one to practise next marked
    List {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Add an activity with how much you fear it
    Add {
        /// The activity, e.g. "carry a bag of shopping" (at most 80 characters)
        activity: String,
        /// Fear of it now, 0 (none) to 100
        #[arg(long, value_name = "0-100")]
        fear: u8,
    },
    /// Rate a step's fear again
    Rate {
        id: i64,
        #[arg(long, value_name = "0-100")]
        fear: u8,
    },
    /// Rename a step
    Rename { id: i64, activity: String },
    /// Take a step off the ladder (its exposures stay in the history)
    Remove { id: i64 },
}

pub fn run(ctx: &Context, cmd: Command) -> Result<(), CliError> {
    let proprio = ctx.open()?;
    let changed = match cmd {
        Command::List { json } => {
            let ladder = proprio.exposure_ladder()?;
            if json {
                return print_json(&ladder);
            }
            if ladder.is_empty() {
                println!("The ladder is empty. Add a step with: proprio ladder add \"ACTIVITY\" --fear N");
            }
            for s in ladder {
                let last =
                    s.last_fear_after.map(|f| format!(", fear after the last one {f}")).unwrap_or_default();
                let state = if s.passed {
                    "  passed"
                } else if s.current {
                    "  ← next"
                } else {
                    ""
                };
                println!(
                    "  #{}  fear {:>3}  {}  ({} exposures{last}){state}",
                    s.id,
                    s.fear,
                    terminal_safe(&s.activity),
                    s.exposures
                );
            }
            return Ok(());
        }
        Command::Add { activity, fear } => proprio.add_exposure_step(activity, fear)?,
        Command::Rate { id, fear } => proprio.update_exposure_step(id, None, Some(fear))?,
        Command::Rename { id, activity } => proprio.update_exposure_step(id, Some(activity), None)?,
        Command::Remove { id } => {
            proprio.remove_exposure_step(id)?;
            println!("Removed step #{id}.");
            return Ok(());
        }
    };
    println!("Saved step #{}: {} (fear {})", changed.id, terminal_safe(&changed.activity), changed.fear);
    Ok(())
}
