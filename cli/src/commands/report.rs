//! `proprio report EXPORT.json --out report.html`: the one-minute report, made on the
//! therapist's own machine from the JSON export a patient shared.

use crate::context::Context;
use crate::input::read_bytes_bounded;
use crate::output::{CliError, terminal_safe};
use std::path::PathBuf;

/// Largest export read: five years of practice is about 300 MB of JSON.
const MAX_EXPORT_BYTES: u64 = 1 << 30;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON export (`proprio export --format json`)
    export: PathBuf,
    /// The HTML file to write (never overwritten)
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub fn run(_ctx: &Context, args: Args) -> Result<(), CliError> {
    let bytes = read_bytes_bounded(&args.export, MAX_EXPORT_BYTES, "EXPORT", "a Proprio export")?;
    let html = proprio_core::render_report(bytes)?;
    crate::commands::export::write_new(&args.out, &html)?;
    println!("wrote {} ({} bytes)", terminal_safe(&args.out.display().to_string()), html.len());
    Ok(())
}
