//! Body-part pictures: what a picture shows ([`spec`]) and how it is drawn ([`render`]).

pub mod render;
pub mod spec;

pub use render::{Image, encode_png, render};
pub use spec::{BodyPart, Posture, RotationDirection, Side, StimulusContext, StimulusSpec, View};
