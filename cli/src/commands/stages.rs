//! `proprio stages`: the stage history — every transition and flare event with who
//! caused it and why, oldest first (`--json`: the records as the core returns them).

use crate::context::Context;
use crate::output::{CliError, print_json};
use proprio_core::stimulus::BodyPart;

#[derive(clap::Args)]
pub struct Args {
    /// Only this body part (hand, foot, back, neck, knee, shoulder); all when left out
    #[arg(long)]
    body_part: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let body_part = args
        .body_part
        .map(|b| BodyPart::parse(&b, "--body-part").map_err(|e| CliError::usage(e.to_string())))
        .transpose()?;
    let history = ctx.open()?.stage_history(body_part)?;
    if args.json {
        return print_json(&history);
    }
    if history.is_empty() {
        println!("No stage yet: set the painful areas with `proprio profile set --affected hand:left`.");
    }
    for t in &history {
        let local = t.at.local().map_err(proprio_core::ProprioError::from)?.format("%Y-%m-%d %H:%M");
        println!("{local}  {:<8}  {:<9}  {}", t.body_part.as_str(), t.origin.as_str(), t.sentence);
    }
    Ok(())
}
