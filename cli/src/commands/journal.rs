use crate::context::Context;
use crate::output::{CliError, local_time, print_json, terminal_safe};
use proprio_core::NewJournalEntry;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Record how you are now
    Add {
        /// Pain now, 0 (none) to 10 (worst imaginable)
        #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=10))]
        pain: u8,
        /// Fear of movement now, 0 to 10
        #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=10))]
        fear: Option<u8>,
        /// Pain medication taken today
        #[arg(long)]
        medication: bool,
        /// Last night's sleep quality, 0 (very poor) to 10 (very good)
        #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=10))]
        sleep: Option<u8>,
        /// A short note (at most 2000 characters)
        #[arg(long, default_value = "")]
        note: String,
        /// The session this rating belongs to (before or after it)
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
        /// Print the stored entry as JSON
        #[arg(long)]
        json: bool,
    },
    /// List every entry, oldest first
    List {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: Command) -> Result<(), CliError> {
    let proprio = ctx.open()?;
    match cmd {
        Command::Add { pain, fear, medication, sleep, note, session, json } => {
            let entry = proprio.add_journal_entry(NewJournalEntry {
                at: ctx.now.clone(),
                pain,
                fear,
                medication,
                sleep,
                note,
                session_id: session,
            })?;
            if json {
                return print_json(&entry);
            }
            println!("Saved: pain {}/10 at {}", entry.pain, local_time(&entry.at));
        }
        Command::List { json } => {
            let entries = proprio.journal_entries()?;
            if json {
                return print_json(&entries);
            }
            if entries.is_empty() {
                println!("No journal entries yet. Add one with: proprio journal add --pain N");
            }
            for e in entries {
                let fear = e.fear.map(|f| format!("  fear {f:>2}/10")).unwrap_or_default();
                let meds = if e.medication { "  medication" } else { "" };
                let sleep = e.sleep.map(|s| format!("  sleep {s:>2}/10")).unwrap_or_default();
                println!(
                    "{}  pain {:>2}/10{fear}{sleep}{meds}  {}",
                    local_time(&e.at),
                    e.pain,
                    terminal_safe(&e.note)
                );
            }
        }
    }
    Ok(())
}
