//! `proprio`: the terminal front end on the same core as the phones.
//! (Minimal main for the render branch; the real one lands from main.)

mod commands;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "proprio",
    version,
    about = "Graded motor imagery practice, reports and plans"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Body-part pictures: render one, a contact sheet, or a random set with a manifest.
    #[command(subcommand)]
    Stimulus(commands::stimulus::StimulusCommand),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Stimulus(cmd) => commands::stimulus::run(cmd),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}
