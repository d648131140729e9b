//! One module per top-level command.

pub mod journal;
pub mod profile;
pub mod status;
