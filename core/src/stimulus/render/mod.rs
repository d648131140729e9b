//! The procedural picture renderer: every left/right and imagery picture is drawn here,
//! from a [`StimulusSpec`], with no image files.
//!
//! Pipeline: [`models`] builds the posed RIGHT body part from capsules and ellipsoids
//! (millimetres, camera looking along −z, distal end up) → the scene is centred and
//! scaled to the picture, turned clockwise by the spec's rotation, and for a LEFT part
//! mirrored in x → [`raster`] draws it with analytic coverage and [`shading`]'s
//! symmetric light. Because the left scene is the exact mirror of the right one and the
//! pixel grid is symmetric about the centre, `left(spec)` is the pixel mirror of
//! `right(spec)`.

mod geometry;
mod models;
mod raster;
mod shading;

use crate::error::{Error, Result};
use crate::stimulus::{Side, StimulusSpec};
use geometry::{M3, V3, v3};

/// Smallest picture edge, pixels.
pub const MIN_SIZE: u32 = 256;
/// Largest picture edge, pixels.
pub const MAX_SIZE: u32 = 1024;

/// A rendered picture: `width × height` pixels, RGBA, 8 bits per channel, rows top to
/// bottom, fully opaque.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// The plain colour behind the body part: light for a light screen, dark so that a
/// picture is not a glaring square on a dark one. Either is the same on both sides, so
/// left stays the pixel mirror of right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Enum)]
pub enum Backdrop {
    #[default]
    Light,
    Dark,
}

/// Draws the picture `spec` describes, `size × size` pixels (256..=1024), on the light
/// backdrop.
pub fn render(spec: &StimulusSpec, size: u32) -> Result<Image> {
    render_on(spec, size, Backdrop::Light)
}

/// Draws the picture `spec` describes on `backdrop`.
pub fn render_on(spec: &StimulusSpec, size: u32, backdrop: Backdrop) -> Result<Image> {
    spec.validate()?;
    check_size(size)?;
    let mut model = models::build(spec);
    // The variant's own camera: tilted up to 14° and turned up to 16° about the long
    // axis, up to 14 % further away, under its own light.
    let camera = M3::rot_x(14.0 * wobble(spec.variant, 0)).mul(&M3::rot_y(16.0 * wobble(spec.variant, 1)));
    let zoom = 1.0 - 0.14 * wobble(spec.variant, 2).abs();
    for p in model.prims.iter_mut() {
        *p = p.transformed(&camera, 1.0, v3(0.0, 0.0, 0.0));
    }
    let n = size as f32;

    // Centre the posed part and scale it so it fits the frame at every rotation.
    let (lo, hi) = model.prims.iter().map(|p| p.bounds()).fold(
        (v3(f32::MAX, f32::MAX, f32::MAX), v3(f32::MIN, f32::MIN, f32::MIN)),
        |(l, h), (a, b)| {
            (v3(l.x.min(a.x), l.y.min(a.y), l.z.min(a.z)), v3(h.x.max(b.x), h.y.max(b.y), h.z.max(b.z)))
        },
    );
    let centre = v3(0.5 * (lo.x + hi.x), 0.5 * (lo.y + hi.y), 0.5 * (lo.z + hi.z));
    let reach = model.prims.iter().map(|p| reach_from(p, centre)).fold(0.0f32, f32::max);
    let radius = reach.max(model.nominal_radius);
    let scale = (0.5 - 0.035) * n / radius * zoom;

    // Clockwise on screen by the right part's rotation (y is up, so negative about z).
    let turn = M3::rot_z(-f32::from(spec.rotation_deg % 360));
    let mirror = match spec.side {
        Side::Right => M3::IDENTITY,
        Side::Left => M3 { r: [v3(-1.0, 0.0, 0.0), v3(0.0, 1.0, 0.0), v3(0.0, 0.0, 1.0)] },
    };
    let m = mirror.mul(&turn).scale(scale);
    let t = -m.apply(centre);
    let prims: Vec<_> = model.prims.iter().map(|p| p.transformed(&m, scale, t)).collect();

    let background = shading::linear(match backdrop {
        Backdrop::Light => shading::BACKGROUND_SRGB,
        Backdrop::Dark => shading::BACKGROUND_DARK_SRGB,
    });
    let light = shading::Light::varied(wobble(spec.variant, 3));
    let rgba = raster::Raster::new(size as usize, size as usize, background, light).draw(&prims);
    Ok(Image { width: size, height: size, rgba })
}

/// A deterministic offset in −1..1 for the pose variant `variant` and the quantity `k`;
/// variant 0 is the canonical pose (all offsets 0). Models use it for the small joint
/// and camera differences between variants; left and right share it, so mirroring holds.
pub(crate) fn wobble(variant: u8, k: u32) -> f32 {
    if variant == 0 {
        return 0.0;
    }
    let mut x = ((u64::from(variant) << 32) | u64::from(k)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 32;
    (x >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
}

fn check_size(size: u32) -> Result<()> {
    if (MIN_SIZE..=MAX_SIZE).contains(&size) {
        Ok(())
    } else {
        Err(Error::invalid("size", format!("{size} px is outside {MIN_SIZE}..={MAX_SIZE}")))
    }
}

/// How far (in the picture plane) a primitive reaches from `centre`.
fn reach_from(p: &geometry::Prim, centre: V3) -> f32 {
    let d2 = |q: V3| ((q.x - centre.x).powi(2) + (q.y - centre.y).powi(2)).sqrt();
    match p.shape {
        geometry::Shape::Capsule { a, b, r } => d2(a).max(d2(b)) + r,
        geometry::Shape::Ellipsoid { c, axes } => d2(c) + axes.iter().map(|a| a.len()).fold(0.0, f32::max),
    }
}

/// Encodes an image as PNG (8-bit RGBA, no metadata, so the same image always gives the
/// same bytes).
pub fn encode_png(image: &Image) -> Result<Vec<u8>> {
    let expected = image.width as usize * image.height as usize * 4;
    if image.rgba.len() != expected || image.width == 0 || image.height == 0 {
        return Err(Error::invalid(
            "image",
            format!("{} bytes do not make a {}×{} RGBA picture", image.rgba.len(), image.width, image.height),
        ));
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, image.width, image.height);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer =
            enc.write_header().map_err(|e| Error::invalid("image", format!("PNG header: {e}")))?;
        writer
            .write_image_data(&image.rgba)
            .map_err(|e| Error::invalid("image", format!("PNG data: {e}")))?;
        writer.finish().map_err(|e| Error::invalid("image", format!("PNG end: {e}")))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
