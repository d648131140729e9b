//! `proprio export`: what a patient shares with their therapist, written by the core
//! exactly as the phones share it.

use crate::context::Context;
use crate::output::{CliError, terminal_safe};
use proprio_core::ExportFormat;
use std::path::{Path, PathBuf};

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
    let mut files = ctx.open()?.export(format, args.from, args.to, ctx.now.clone())?;
    if let Some(pass) = &passphrase {
        for f in &mut files {
            f.bytes = proprio_core::encrypt_export(std::mem::take(&mut f.bytes), pass.clone())?;
            f.name.push_str(".age");
        }
    }
    let targets: Vec<(PathBuf, &[u8])> = if format == ExportFormat::Csv {
        std::fs::create_dir_all(&args.out)
            .map_err(|e| CliError::failure(format!("--out: cannot create {}: {e}", args.out.display())))?;
        files.iter().map(|f| (args.out.join(&f.name), f.bytes.as_slice())).collect()
    } else {
        files.iter().map(|f| (args.out.clone(), f.bytes.as_slice())).collect()
    };
    // Refused before anything is written: an export never replaces a file.
    if let Some((path, _)) = targets.iter().find(|(path, _)| path.exists() || path.is_symlink()) {
        return Err(CliError::usage(format!("--out: {} exists; choose a new name", path.display())));
    }
    for (path, bytes) in &targets {
        write_new(path, bytes)?;
        println!("wrote {} ({} bytes)", terminal_safe(&path.display().to_string()), bytes.len());
    }
    Ok(())
}

/// Writes a new file, readable by the user only (an export holds health records).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let cannot =
        |e: std::io::Error| CliError::failure(format!("--out: cannot write {}: {e}", path.display()));
    let mut file = options.open(path).map_err(cannot)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(cannot)
}
