//! The picture calls the phone shells make (uniffi): draw a spec as RGBA or PNG, and
//! read a spec's metadata.

use crate::error::ProprioError;
use crate::stimulus::render::{self, Backdrop, Image};
use crate::stimulus::{Posture, RotationDirection, StimulusSpec, View};

/// A drawn picture: `width × height` RGBA pixels, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RenderedImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl From<Image> for RenderedImage {
    fn from(i: Image) -> Self {
        RenderedImage { width: i.width, height: i.height, rgba: i.rgba }
    }
}

/// What a picture shows, for the trial log and the left/right ladder.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StimulusMetadata {
    /// The stable text id of the spec.
    pub id: String,
    /// Which natural variation of the pose (0..8).
    pub variant: u8,
    /// Rotation from upright, degrees (0..360, steps of 15), as in the spec.
    pub rotation_deg: u16,
    /// Rotation on screen, clockwise degrees.
    pub screen_rotation_clockwise_deg: u16,
    pub rotation_direction: RotationDirection,
    pub view: View,
    pub posture: Posture,
    /// 0.0 (easiest) ..= 1.0 (hardest).
    pub difficulty: f64,
}

/// The picture size to ask for when `wanted_px` would fill the space: the nearest size
/// the renderer draws (256..=1024 px).
#[uniffi::export]
pub fn picture_size(wanted_px: u32) -> u32 {
    wanted_px.clamp(render::MIN_SIZE, render::MAX_SIZE)
}

/// Draws `spec` as a `size × size` picture (256..=1024 px) on `backdrop` (dark for a
/// dark theme). Raw RGBA is what the apps show: cheaper than PNG across the FFI (see
/// README, "Pictures across the FFI").
#[uniffi::export]
pub fn render_stimulus(
    spec: StimulusSpec,
    size: u32,
    backdrop: Backdrop,
) -> Result<RenderedImage, ProprioError> {
    Ok(render::render_on(&spec, size, backdrop)?.into())
}

/// Draws the picture a stimulus id names (a guided step's `picture`), as
/// `render_stimulus` does; an id that names no valid picture is refused.
#[uniffi::export]
pub fn render_stimulus_id(id: String, size: u32, backdrop: Backdrop) -> Result<RenderedImage, ProprioError> {
    let spec = StimulusSpec::from_id(&id)?;
    render_stimulus(spec, size, backdrop)
}

/// Draws `spec` as a `size × size` PNG file's bytes.
#[uniffi::export]
pub fn render_stimulus_png(
    spec: StimulusSpec,
    size: u32,
    backdrop: Backdrop,
) -> Result<Vec<u8>, ProprioError> {
    let image = render::render_on(&spec, size, backdrop)?;
    Ok(render::encode_png(&image)?)
}

/// The metadata of a valid spec.
#[uniffi::export]
pub fn stimulus_metadata(spec: StimulusSpec) -> Result<StimulusMetadata, ProprioError> {
    spec.validate()?;
    Ok(StimulusMetadata {
        id: spec.id(),
        variant: spec.variant,
        rotation_deg: spec.rotation_deg,
        screen_rotation_clockwise_deg: spec.screen_rotation_clockwise_deg(),
        rotation_direction: spec.rotation_direction(),
        view: spec.view,
        posture: spec.posture,
        difficulty: spec.difficulty(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stimulus::{BodyPart, Side, StimulusContext};

    fn spec() -> StimulusSpec {
        StimulusSpec {
            body_part: BodyPart::Hand,
            side: Side::Left,
            view: View::Back,
            posture: Posture::Fist,
            rotation_deg: 90,
            skin_tone: 3,
            context: StimulusContext::None,
            variant: 0,
        }
    }

    #[test]
    fn exports_report_bad_input_as_typed_errors() {
        for size in [0, 255, 1025, u32::MAX] {
            match render_stimulus(spec(), size, Backdrop::Light) {
                Err(ProprioError::InvalidArgument { field, .. }) => assert_eq!(field, "size"),
                other => panic!("{size}: {other:?}"),
            }
        }
        let bad = StimulusSpec { view: View::Sole, ..spec() };
        match render_stimulus_png(bad, 256, Backdrop::Dark) {
            Err(ProprioError::InvalidArgument { field, .. }) => assert_eq!(field, "spec.view"),
            other => panic!("{other:?}"),
        }
        assert!(stimulus_metadata(bad).is_err());
    }

    #[test]
    fn metadata_matches_the_spec() {
        let m = stimulus_metadata(spec()).unwrap();
        assert_eq!(m.id, "hand:left:back:fist:090:s3:none:v0");
        assert_eq!(m.rotation_direction, RotationDirection::Lateral);
        assert_eq!(m.screen_rotation_clockwise_deg, 270);
        assert_eq!(m.view, View::Back);
        assert_eq!(m.posture, Posture::Fist);
        assert!(m.difficulty > 0.0 && m.difficulty <= 1.0);
    }

    #[test]
    fn every_picture_size_asked_for_is_one_the_renderer_draws() {
        for wanted in [0, 255, 256, 700, 1024, 1025, u32::MAX] {
            render_stimulus(spec(), picture_size(wanted), Backdrop::Dark).unwrap();
        }
        assert_eq!(picture_size(700), 700);
    }

    #[test]
    fn png_export_starts_with_the_signature() {
        let png = render_stimulus_png(spec(), 256, Backdrop::Light).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let img = render_stimulus(spec(), 256, Backdrop::Light).unwrap();
        assert_eq!((img.width, img.height, img.rgba.len()), (256, 256, 256 * 256 * 4));
    }
}
