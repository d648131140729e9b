//! GMI stage 1, left/right judgement: scoring answers (the session engine, statistics and
//! the stage gate grow here).

pub mod scoring;
