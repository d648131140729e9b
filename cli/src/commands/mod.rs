//! One module per top-level command.

pub mod font;
pub mod journal;
pub mod profile;
pub mod status;
pub mod stimulus;
