//! Use cases: the flows that read and write the store on behalf of the API — one file per
//! feature (left/right sessions, reminders; later the programme and exports). They sit
//! between `api` (the uniffi surface) and `store` (SQLite only) and call the pure rules
//! (`laterality`, `reminders`, `stimulus`, `params`). Nothing here imports `api`.

pub mod export;
pub mod forms;
pub mod guided;
pub mod left_right;
pub mod patient;
pub mod plan;
pub mod programme;
pub mod reminders;
pub mod screens;
pub mod sessions;
pub mod share;
