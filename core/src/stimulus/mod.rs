//! Body-part pictures: what a picture shows ([`spec`]) and how it is drawn ([`render`]).

pub mod render;
pub mod spec;

pub use render::{Backdrop, Image, encode_png, render, render_on};
pub use spec::{BodyPart, Posture, RotationDirection, Side, StimulusContext, StimulusSpec, View};
