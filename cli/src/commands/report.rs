//! `proprio report EXPORT.json --out report.html`: the one-minute report, made on the
//! therapist's own machine from the JSON export a patient shared.

use crate::context::Context;
use crate::input::read_export;
use crate::output::{CliError, terminal_safe};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON export (`proprio export --format json`)
    export: PathBuf,
    /// The HTML file to write (never overwritten)
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The passphrase of an encrypted export, in a file (one line)
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

pub fn run(_ctx: &Context, args: Args) -> Result<(), CliError> {
    let bytes = read_export(&args.export, "EXPORT", args.passphrase_file.as_deref())?;
    let html = proprio_core::render_report(bytes)?;
    crate::commands::export::write_new(&args.out, &html)?;
    println!("wrote {} ({} bytes)", terminal_safe(&args.out.display().to_string()), html.len());
    Ok(())
}
