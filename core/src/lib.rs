//! Proprio's core: everything the phone apps and the CLI share.
//!
//! The shells (SwiftUI, Compose, the `proprio` CLI) only draw and report events; every
//! rule, threshold, schedule and SQL statement lives here.

uniffi::setup_scaffolding!();

pub mod api;
pub mod error;
pub mod laterality;
pub mod params;
pub mod programme;
pub mod reminders;
pub mod stimulus;
pub mod store;
pub mod time;
mod usecases;

pub use api::Proprio;
pub use error::{Error, ProprioError, Result};
pub use time::WallTime;
