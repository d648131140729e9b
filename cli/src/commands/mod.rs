//! One module per top-level command.

pub mod delete;
pub mod demo;
pub mod export;
pub mod font;
pub mod import;
pub mod journal;
pub mod practice;
pub mod profile;
pub mod reminders;
pub mod report;
pub mod stages;
pub mod stats;
pub mod status;
pub mod stimulus;
pub mod today;
