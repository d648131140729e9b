//! One module per `proprio` command group.

pub mod font;
pub mod stimulus;
