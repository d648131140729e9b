//! Errors and printing shared by the commands.

use proprio_core::ProprioError;
use serde::Serialize;
use std::fmt;
use std::process::ExitCode;

/// A command's failure: a message for a person and the exit code (2 for input the user
/// can correct, 1 for anything else).
#[derive(Debug)]
pub struct CliError {
    message: String,
    code: u8,
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> Self {
        CliError { message: message.into(), code: 2 }
    }

    pub fn failure(message: impl Into<String>) -> Self {
        CliError { message: message.into(), code: 1 }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<ProprioError> for CliError {
    fn from(e: ProprioError) -> Self {
        match e {
            ProprioError::InvalidArgument { .. }
            | ProprioError::NotFound { .. }
            | ProprioError::InvalidState { .. } => CliError::usage(e.to_string()),
            _ => CliError::failure(e.to_string()),
        }
    }
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::failure(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// Formats an instant in its own zone, e.g. "2026-03-01 09:30 (Europe/London)".
pub fn local_time(at: &proprio_core::WallTime) -> String {
    match at.local() {
        Ok(t) => format!("{} ({})", t.format("%Y-%m-%d %H:%M"), at.zone),
        Err(_) => format!("{} ms ({})", at.unix_ms, at.zone),
    }
}
