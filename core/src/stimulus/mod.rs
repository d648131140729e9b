//! Body-part pictures: what a picture shows ([`spec`]).

pub mod spec;

pub use spec::{BodyPart, Context, Posture, RotationDirection, Side, StimulusSpec, View};
