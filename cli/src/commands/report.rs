//! `proprio report EXPORT.json --out report.html`: the one-minute report, made on the
//! therapist's own machine from the JSON export a patient shared.

use crate::context::Context;
use crate::input::read_passphrase;
use crate::output::{CliError, terminal_safe};
use std::io::Read;
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
    let passphrase = args.passphrase_file.as_deref().map(read_passphrase).transpose()?;
    if passphrase.is_none() && starts_encrypted(&args.export) {
        return Err(CliError::usage(format!(
            "EXPORT: {} is encrypted; give its passphrase with --passphrase-file",
            args.export.display()
        )));
    }
    // Read as a stream by the core (bounded, decrypted on the way), never whole.
    let written = proprio_core::report_file(&args.export, passphrase.as_deref(), &args.out)
        .map_err(|e| crate::commands::export::out_error(e.into()))?;
    let bytes = std::fs::metadata(&written).map(|m| m.len()).unwrap_or(0);
    println!("wrote {} ({bytes} bytes)", terminal_safe(&written.display().to_string()));
    Ok(())
}

/// Whether the file starts as an encrypted export does (unreadable files are left to
/// the core to name).
fn starts_encrypted(path: &std::path::Path) -> bool {
    let mut head = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(64).read_to_end(&mut head)).is_ok()
        && proprio_core::export_is_encrypted(&head)
}
