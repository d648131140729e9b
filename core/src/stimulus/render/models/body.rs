use super::Model;
use crate::stimulus::StimulusSpec;
use crate::stimulus::render::geometry::{Prim, v3};
use crate::stimulus::render::shading::Palette;

pub fn build(_spec: &StimulusSpec, pal: &Palette) -> Model {
    Model {
        prims: vec![Prim::sphere(v3(0.0, 0.0, 0.0), 50.0, pal.skin, 1.0)],
        nominal_radius: 60.0,
    }
}
