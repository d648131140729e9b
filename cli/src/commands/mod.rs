//! One module per top-level command.

pub mod journal;
pub mod practice;
pub mod stats;
pub mod profile;
pub mod status;
