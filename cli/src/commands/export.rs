//! `proprio export`: what a patient shares with their therapist, written by the core
//! exactly as the phones share it.

use crate::context::Context;
use crate::output::{CliError, terminal_safe};
use proprio_core::{ExportFormat, ProprioError};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// json (everything; also the backup), csv (trials, sessions, journal), hljt
    /// (trials in the hand laterality task's columns), fhir (an R4 Bundle) or html (the
    /// one-minute report)
    #[arg(long, default_value = "json", value_name = "FORMAT")]
    format: String,
    /// First local date to include, YYYY-MM-DD [default: from the start]
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last local date to include, YYYY-MM-DD [default: up to now]
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// The file to write (json, hljt, fhir, html), or the folder for the csv files;
    /// nothing is overwritten
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Encrypt every file with the passphrase in this file (one line, at least 8
    /// characters; age format: `age -d` opens it too)
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let format = ExportFormat::parse(&args.format, "--format").map_err(|e| CliError::usage(e.to_string()))?;
    let passphrase = args.passphrase_file.as_deref().map(crate::input::read_passphrase).transpose()?;
    let path = args.out.to_str().ok_or_else(|| CliError::usage("--out: the path is not valid UTF-8"))?;
    let written = ctx
        .open()?
        .export_to_file(format, args.from, args.to, path.to_string(), passphrase, ctx.now.clone())
        .map_err(out_error)?;
    for path in &written {
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        println!("wrote {} ({bytes} bytes)", terminal_safe(path));
    }
    Ok(())
}

/// The core names the output `path`; the user typed `--out`.
pub fn out_error(e: ProprioError) -> CliError {
    match e {
        ProprioError::InvalidArgument { field, reason } if field == "path" => {
            CliError::usage(format!("--out: {reason}"))
        }
        e => e.into(),
    }
}
