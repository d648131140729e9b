//! GMI stage 1, left/right judgement: the picture sequence, scoring, statistics per side,
//! the difficulty ladder and the stage gate.

pub mod engine;
pub mod gate;
pub mod levels;
pub mod scoring;
pub mod sequence;
pub mod simulate;
pub mod stats;
