//! `proprio textures`: the desensitisation texture ladder — list it with where a body
//! part stands, or write your own.

use crate::context::Context;
use crate::output::{CliError, print_json, terminal_safe};
use proprio_core::stimulus::BodyPart;

#[derive(clap::Subcommand)]
pub enum Command {
    /// The ladder, softest first, and the texture and phase to use next
    List {
        /// hand, foot, back, neck, knee or shoulder
        #[arg(long, default_value = "hand", value_name = "PART")]
        body_part: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Replace the ladder, softest first (1–12 names, each at most 40 characters)
    Set {
        #[arg(required = true, value_name = "TEXTURE")]
        textures: Vec<String>,
    },
}

pub fn run(ctx: &Context, cmd: Command) -> Result<(), CliError> {
    let proprio = ctx.open()?;
    match cmd {
        Command::List { body_part, json } => {
            let part =
                BodyPart::parse(&body_part, "--body-part").map_err(|e| CliError::usage(e.to_string()))?;
            let ladder = proprio.texture_ladder(part)?;
            if json {
                return print_json(&ladder);
            }
            let whose = if ladder.custom { "your own ladder" } else { "the default ladder" };
            println!("Textures ({whose}), phase: {}", ladder.phase);
            for (i, name) in ladder.textures.iter().enumerate() {
                let mark = if i as u32 == ladder.current && !ladder.done {
                    format!("  ← next ({} of {} sessions without a pain stop)", ladder.streak, ladder.needed)
                } else {
                    String::new()
                };
                println!("  {}. {}{mark}", i + 1, terminal_safe(name));
            }
            if ladder.done {
                println!("Every texture in every phase is done.");
            }
        }
        Command::Set { textures } => {
            let stored = proprio.set_textures(textures)?;
            println!("Saved {} textures: {}", stored.len(), terminal_safe(&stored.join(" → ")));
        }
    }
    Ok(())
}
