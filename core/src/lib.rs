//! Proprio's core: everything the phone apps and the CLI share.
//!
//! The shells (SwiftUI, Compose, the `proprio` CLI) only draw and report events; every
//! rule, threshold, schedule and SQL statement lives here.

uniffi::setup_scaffolding!();

pub mod error;
pub mod reminders;
pub mod stimulus;

pub use error::{Error, ProprioError, Result};
