//! `proprio stats`: a body part's left/right history, recent per-side numbers, level and
//! the stage gate's verdict.

use crate::context::Context;
use crate::output::{CliError, fmt_pct, fmt_rt, print_json, print_side_table};
use proprio_core::stimulus::BodyPart;

#[derive(clap::Args)]
pub struct Args {
    /// hand, foot, back, neck, knee or shoulder
    #[arg(long, default_value = "hand", value_name = "PART")]
    body_part: String,
    /// Sessions to list (newest), 0 for all (at most 100000)
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100_000))]
    last: u32,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let body_part =
        BodyPart::parse(&args.body_part, "--body-part").map_err(|e| CliError::usage(e.to_string()))?;
    let limit = (args.last > 0).then_some(args.last);
    let o = ctx.open()?.left_right_overview(body_part, limit, ctx.now.clone())?;
    if args.json {
        return print_json(&o);
    }
    println!("Left/right judgement — {} (level {} of 6)\n", body_part, o.level);
    if o.history.is_empty() {
        println!("No sessions yet. Start one with: proprio practice --body-part {body_part}");
        return Ok(());
    }
    println!(
        "{:<18} {:<12} {:>5}  {:>8} {:>8}  {:>8} {:>8}",
        "session", "state", "level", "L acc", "L RT", "R acc", "R RT"
    );
    for s in &o.history {
        let state = format!("{:?}", s.state).to_lowercase();
        println!(
            "{:<18} {:<12} {:>5}  {:>8} {:>8}  {:>8} {:>8}",
            crate::output::local_time_short(&s.started_at),
            state,
            s.level,
            fmt_pct(s.left_accuracy),
            fmt_rt(s.left_median_rt_ms),
            fmt_pct(s.right_accuracy),
            fmt_rt(s.right_median_rt_ms)
        );
    }
    println!("\nLast {} sessions together:", o.recent_sessions);
    print_side_table(&o.recent);
    println!("\n{}", o.gate.verdict);
    Ok(())
}
