//! What a picture shows: the body part, its side, view, posture and rotation, plus the
//! metadata the left/right engine needs (rotation direction, difficulty).
//!
//! A spec has a stable text id (`hand:left:back:fist:090:s3:none:v0`) so trials can store
//! exactly which picture was shown and any session can be re-rendered and audited.

use crate::error::{Error, Result};
use crate::text::text_enum;
use serde::{Deserialize, Serialize};

/// Rotations in the picture plane come in steps of this many degrees.
pub const ROTATION_STEP_DEG: u16 = 15;
/// Skin tones are numbered `0..SKIN_TONES` from light to dark.
pub const SKIN_TONES: u8 = 6;
/// Natural variations of one pose (small differences in joint angles and camera), so a
/// session can show many distinct pictures even at the easiest level.
pub const VARIANTS: u8 = 8;

text_enum!(
    /// The body parts Proprio can show.
    BodyPart {
        Hand => "hand",
        Foot => "foot",
        Back => "back",
        Neck => "neck",
        Knee => "knee",
        Shoulder => "shoulder",
    }
);

text_enum!(
    /// Left or right. For backs and necks: the side the body turned or bent towards.
    Side { Left => "left", Right => "right" }
);

text_enum!(
    /// The camera's view of the body part. Each body part allows only some views.
    View {
        Back => "back",
        Palm => "palm",
        ThumbSide => "thumb-side",
        LittleFingerSide => "little-finger-side",
        Top => "top",
        Sole => "sole",
        InnerSide => "inner-side",
        OuterSide => "outer-side",
        Behind => "behind",
        Front => "front",
    }
);

text_enum!(
    /// The pose of the body part. Each body part allows only some postures.
    Posture {
        // hand
        Flat => "flat",
        Spread => "spread",
        Fist => "fist",
        Pointing => "pointing",
        ThumbsUp => "thumbs-up",
        Pinch => "pinch",
        Grip => "grip",
        OkSign => "ok-sign",
        // foot
        Neutral => "neutral",
        Pointed => "pointed",
        PulledUp => "pulled-up",
        ToesCurled => "toes-curled",
        TurnedIn => "turned-in",
        TurnedOut => "turned-out",
        // back and neck
        Turn => "turn",
        Bend => "bend",
        // knee
        Straight => "straight",
        Bent => "bent",
        // shoulder
        ArmForward => "arm-forward",
        ArmOut => "arm-out",
        HandBehindHead => "hand-behind-head",
    }
);

text_enum!(
    /// Optional surroundings that make a picture harder to judge (higher levels only).
    StimulusContext { None => "none", Sleeve => "sleeve", Shoe => "shoe", Object => "object" }
);

text_enum!(
    /// Rotation relative to the body's midline: lateral rotations (the distal end turning
    /// away from the midline) are judged more slowly than medial ones (Parsons 1994).
    RotationDirection { Upright => "upright", Medial => "medial", Lateral => "lateral", Inverted => "inverted" }
);

impl BodyPart {
    pub fn views(self) -> &'static [View] {
        use View::*;
        match self {
            BodyPart::Hand => &[Back, Palm, ThumbSide, LittleFingerSide],
            BodyPart::Foot => &[Top, Sole, InnerSide, OuterSide],
            BodyPart::Back | BodyPart::Neck | BodyPart::Knee | BodyPart::Shoulder => &[Behind, Front],
        }
    }

    pub fn postures(self) -> &'static [Posture] {
        use Posture::*;
        match self {
            BodyPart::Hand => &[Flat, Spread, Fist, Pointing, ThumbsUp, Pinch, Grip, OkSign],
            BodyPart::Foot => &[Neutral, Pointed, PulledUp, ToesCurled, TurnedIn, TurnedOut],
            BodyPart::Back | BodyPart::Neck => &[Turn, Bend],
            BodyPart::Knee => &[Straight, Bent],
            BodyPart::Shoulder => &[ArmForward, ArmOut, HandBehindHead],
        }
    }

    pub fn contexts(self) -> &'static [StimulusContext] {
        match self {
            BodyPart::Hand | BodyPart::Shoulder => {
                &[StimulusContext::None, StimulusContext::Sleeve, StimulusContext::Object]
            }
            BodyPart::Foot | BodyPart::Knee => &[StimulusContext::None, StimulusContext::Shoe],
            BodyPart::Back | BodyPart::Neck => &[StimulusContext::None],
        }
    }

    /// Whether the picture plane may be rotated freely. A person turning or bending is
    /// only ever shown upright or slightly tilted, never upside down.
    pub fn max_rotation_deg(self) -> u16 {
        match self {
            BodyPart::Hand | BodyPart::Foot => 345,
            BodyPart::Back | BodyPart::Neck | BodyPart::Knee | BodyPart::Shoulder => 30,
        }
    }

    /// The rotations this body part may be drawn at, in degrees (0..360, steps of 15).
    /// For the whole-body parts the small tilts are ±15°/±30° (15, 30, 330, 345).
    pub fn rotations(self) -> Vec<u16> {
        (0..360).step_by(ROTATION_STEP_DEG as usize).filter(|r| self.allows_rotation(*r)).collect()
    }

    /// Whether `deg` is one of [`BodyPart::rotations`] (without building the list: every
    /// stored trial is checked on export and import).
    pub fn allows_rotation(self, deg: u16) -> bool {
        let max = self.max_rotation_deg();
        deg < 360 && deg.is_multiple_of(ROTATION_STEP_DEG) && (deg <= max || 360 - deg <= max)
    }
}

/// Everything needed to draw one picture. Skin tone is a patient preference; it is part
/// of the spec so the exact picture can be reproduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Record)]
pub struct StimulusSpec {
    pub body_part: BodyPart,
    pub side: Side,
    pub view: View,
    pub posture: Posture,
    /// Rotation away from upright in the picture plane, degrees, a multiple of 15 in
    /// 0..360. 15..165 turn the distal end (fingers, toes, head) away from the body's
    /// midline (lateral), 195..345 towards it (medial). On screen that is clockwise for a
    /// right part and anticlockwise for a left one, so the left picture is exactly the
    /// mirror image of the right picture with the same spec.
    pub rotation_deg: u16,
    /// 0 (lightest) ..= 5 (darkest).
    pub skin_tone: u8,
    pub context: StimulusContext,
    /// 0..8: which natural variation of the pose (see [`VARIANTS`]).
    pub variant: u8,
}

impl StimulusSpec {
    /// Checks that every field is allowed for the body part; errors name `spec.<field>`.
    pub fn validate(&self) -> Result<()> {
        if !self.body_part.views().contains(&self.view) {
            return Err(Error::invalid(
                "spec.view",
                format!("a {} cannot be shown from the {} view", self.body_part, self.view),
            ));
        }
        if !self.body_part.postures().contains(&self.posture) {
            return Err(Error::invalid(
                "spec.posture",
                format!("a {} cannot take the {} posture", self.body_part, self.posture),
            ));
        }
        if !self.body_part.contexts().contains(&self.context) {
            return Err(Error::invalid(
                "spec.context",
                format!("a {} cannot be shown with {} context", self.body_part, self.context),
            ));
        }
        if !self.body_part.allows_rotation(self.rotation_deg) {
            return Err(Error::invalid(
                "spec.rotation_deg",
                format!(
                    "{}° is not allowed for a {}: use one of {:?}",
                    self.rotation_deg,
                    self.body_part,
                    self.body_part.rotations()
                ),
            ));
        }
        if self.variant >= VARIANTS {
            return Err(Error::invalid(
                "spec.variant",
                format!("{} is out of range 0..={}", self.variant, VARIANTS - 1),
            ));
        }
        if self.skin_tone >= SKIN_TONES {
            return Err(Error::invalid(
                "spec.skin_tone",
                format!("{} is out of range 0..={}", self.skin_tone, SKIN_TONES - 1),
            ));
        }
        Ok(())
    }

    /// The stable text id, e.g. `hand:left:back:fist:090:s3:none:v0`.
    pub fn id(&self) -> String {
        format!(
            "{}:{}:{}:{}:{:03}:s{}:{}:v{}",
            self.body_part,
            self.side,
            self.view,
            self.posture,
            self.rotation_deg,
            self.skin_tone,
            self.context,
            self.variant
        )
    }

    /// Parses and validates an id made by [`StimulusSpec::id`].
    pub fn from_id(id: &str) -> Result<Self> {
        let bad = || {
            Error::invalid(
                "stimulus_id",
                format!("'{id}' is not a stimulus id (body-part:side:view:posture:rotation:sN:context:vN)"),
            )
        };
        // Eight fields, no more, without collecting them (a million ids on an export).
        let mut parts = id.split(':');
        let mut field = || parts.next().ok_or_else(bad);
        let [body, side, view, posture, rotation, skin, context, variant] =
            [field()?, field()?, field()?, field()?, field()?, field()?, field()?, field()?];
        if parts.next().is_some() {
            return Err(bad());
        }
        let rotation_deg = rotation.parse::<u16>().map_err(|_| bad())?;
        let skin_tone = skin.strip_prefix('s').and_then(|s| s.parse::<u8>().ok()).ok_or_else(bad)?;
        let variant = variant.strip_prefix('v').and_then(|s| s.parse::<u8>().ok()).ok_or_else(bad)?;
        let spec = StimulusSpec {
            body_part: BodyPart::parse(body, "stimulus_id")?,
            side: Side::parse(side, "stimulus_id")?,
            view: View::parse(view, "stimulus_id")?,
            posture: Posture::parse(posture, "stimulus_id")?,
            rotation_deg,
            skin_tone,
            context: StimulusContext::parse(context, "stimulus_id")?,
            variant,
        };
        spec.validate()?;
        Ok(spec)
    }

    /// The same picture for the other side (the mirror image).
    pub fn mirrored(&self) -> Self {
        let side = match self.side {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        };
        StimulusSpec { side, ..*self }
    }

    /// Medial or lateral (see [`StimulusSpec::rotation_deg`]); 0° is upright, 180° inverted.
    pub fn rotation_direction(&self) -> RotationDirection {
        match self.rotation_deg % 360 {
            0 => RotationDirection::Upright,
            180 => RotationDirection::Inverted,
            r if r < 180 => RotationDirection::Lateral,
            _ => RotationDirection::Medial,
        }
    }

    /// Clockwise rotation on screen, degrees: what a renderer applies.
    pub fn screen_rotation_clockwise_deg(&self) -> u16 {
        match self.side {
            Side::Right => self.rotation_deg % 360,
            Side::Left => (360 - self.rotation_deg % 360) % 360,
        }
    }

    /// Absolute rotation away from upright, 0..=180 degrees.
    pub fn rotation_magnitude_deg(&self) -> u16 {
        let r = self.rotation_deg % 360;
        r.min(360 - r)
    }

    /// A difficulty score from 0.0 (easiest) to 1.0 (hardest), built from the factors
    /// that slow left/right judgements: rotation size and direction, unusual views,
    /// unusual postures and distracting context. The left/right level ladder uses it.
    pub fn difficulty(&self) -> f64 {
        let magnitude = f64::from(self.rotation_magnitude_deg()) / 180.0;
        let lateral = if self.rotation_direction() == RotationDirection::Lateral { 1.0 } else { 0.0 };
        let view = match self.view {
            View::Back | View::Top | View::Behind => 0.0,
            View::Palm | View::Sole | View::Front => 0.6,
            View::ThumbSide | View::LittleFingerSide | View::InnerSide | View::OuterSide => 1.0,
        };
        let postures = self.body_part.postures();
        let posture_rank = postures.iter().position(|p| *p == self.posture).unwrap_or(0);
        let posture = posture_rank as f64 / (postures.len().max(2) - 1) as f64;
        let context = if self.context == StimulusContext::None { 0.0 } else { 1.0 };
        let score = 0.35 * magnitude + 0.10 * lateral + 0.25 * view + 0.20 * posture + 0.10 * context;
        (score * 1000.0).round() / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hand(side: Side, rotation_deg: u16) -> StimulusSpec {
        StimulusSpec {
            body_part: BodyPart::Hand,
            side,
            view: View::Back,
            posture: Posture::Fist,
            rotation_deg,
            skin_tone: 3,
            context: StimulusContext::None,
            variant: 0,
        }
    }

    #[test]
    fn id_round_trips_for_every_body_part() {
        for body in BodyPart::ALL {
            for view in body.views() {
                for posture in body.postures() {
                    for rotation in body.rotations() {
                        let spec = StimulusSpec {
                            body_part: *body,
                            side: Side::Left,
                            view: *view,
                            posture: *posture,
                            rotation_deg: rotation,
                            skin_tone: 5,
                            context: body.contexts()[body.contexts().len() - 1],
                            variant: VARIANTS - 1,
                        };
                        spec.validate().unwrap();
                        assert_eq!(StimulusSpec::from_id(&spec.id()).unwrap(), spec);
                    }
                }
            }
        }
        assert_eq!(hand(Side::Left, 90).id(), "hand:left:back:fist:090:s3:none:v0");
    }

    #[test]
    fn bad_ids_name_the_field() {
        for id in [
            "",
            "hand",
            "hand:left:back:fist:090:s3:none",
            "hand:up:back:fist:090:s3:none:v0",
            "hand:left:sole:fist:090:s3:none:v0",
            "hand:left:back:fist:091:s3:none:v0",
            "hand:left:back:fist:090:s6:none:v0",
            "hand:left:back:fist:090:3:none:v0",
            "hand:left:back:fist:090:s3:none:v8",
            "hand:left:back:fist:090:s3:none:0",
            "back:left:behind:turn:090:s0:none:v0",
            "foot:left:top:neutral:000:s0:sleeve:v0",
        ] {
            let err = StimulusSpec::from_id(id).unwrap_err();
            assert!(matches!(err, Error::InvalidArgument { .. }), "{id}: {err:?}");
        }
    }

    #[test]
    fn rotation_direction_mirrors_between_sides() {
        assert_eq!(hand(Side::Right, 90).rotation_direction(), RotationDirection::Lateral);
        assert_eq!(hand(Side::Left, 90).rotation_direction(), RotationDirection::Lateral);
        assert_eq!(hand(Side::Left, 270).rotation_direction(), RotationDirection::Medial);
        assert_eq!(hand(Side::Right, 90).screen_rotation_clockwise_deg(), 90);
        assert_eq!(hand(Side::Left, 90).screen_rotation_clockwise_deg(), 270);
        assert_eq!(hand(Side::Left, 0).rotation_direction(), RotationDirection::Upright);
        assert_eq!(hand(Side::Right, 180).rotation_direction(), RotationDirection::Inverted);
        for r in hand(Side::Left, 0).body_part.rotations() {
            let spec = hand(Side::Left, r);
            assert_eq!(spec.rotation_direction(), spec.mirrored().rotation_direction());
            assert_eq!(spec.difficulty(), spec.mirrored().difficulty());
            assert_eq!(spec.mirrored().mirrored(), spec);
        }
    }

    #[test]
    fn difficulty_grows_with_rotation() {
        assert!(hand(Side::Right, 0).difficulty() < hand(Side::Right, 45).difficulty());
        assert!(hand(Side::Right, 45).difficulty() < hand(Side::Right, 180).difficulty());
        let max = BodyPart::ALL.iter().map(|b| b.rotations().len()).max().unwrap();
        assert_eq!(max, 24);
    }
}
