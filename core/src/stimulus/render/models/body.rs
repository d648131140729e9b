//! A person, for backs and necks (turning or bending to one side), shoulders (one arm
//! raised) and knees (one leg, straight or bent), seen from behind or from the front.
//!
//! Person frame: y up, the person faces +z (the camera, in the front view), so the
//! person's RIGHT side is towards −x. Every picture is built for the right side (turning
//! or bending to the right, the right arm or the right knee) and mirrored for the left.
//! Left and right are told only by the body's own turn, tilt or limb, never by a mark.

use super::{Model, rotate_prims};
use crate::stimulus::render::geometry::{M3, Material, Prim, V3, v3};
use crate::stimulus::render::shading::Palette;
use crate::stimulus::{BodyPart, Posture, StimulusContext, StimulusSpec, View};

/// Where the trunk turns and bends (the lower back).
const WAIST: V3 = v3(0.0, 1010.0, 0.0);
/// Where the head turns and tilts (the base of the neck).
const NECK: V3 = v3(0.0, 1420.0, -10.0);
const SHOULDER_R: V3 = v3(-185.0, 1365.0, -5.0);
const SHOULDER_L: V3 = v3(185.0, 1365.0, -5.0);

enum Arm {
    Down,
    Forward,
    Out,
    BehindHead,
}

struct Pose {
    trunk_turn: f32,
    trunk_bend: f32,
    head_turn: f32,
    head_tilt: f32,
    right_arm: Arm,
}

pub fn build(spec: &StimulusSpec, pal: &Palette) -> Model {
    if spec.body_part == BodyPart::Knee {
        return knee(spec, pal);
    }
    let still =
        Pose { trunk_turn: 0.0, trunk_bend: 0.0, head_turn: 0.0, head_tilt: 0.0, right_arm: Arm::Down };
    // Turning right: the front turns towards −x (negative about y). Bending right: the
    // head goes towards −x (positive about z).
    let pose = match (spec.body_part, spec.posture) {
        (BodyPart::Back, Posture::Turn) => Pose { trunk_turn: -45.0, head_turn: -28.0, ..still },
        (BodyPart::Back, _) => Pose { trunk_bend: 24.0, head_tilt: 6.0, ..still },
        (BodyPart::Neck, Posture::Turn) => Pose { head_turn: -62.0, ..still },
        (BodyPart::Neck, _) => Pose { head_tilt: 30.0, ..still },
        (_, Posture::ArmForward) => Pose { right_arm: Arm::Forward, ..still },
        (_, Posture::ArmOut) => Pose { right_arm: Arm::Out, ..still },
        (_, _) => Pose { right_arm: Arm::BehindHead, ..still },
    };
    // The variant's small differences in how far the trunk and head go.
    let w = |k: u32| super::super::wobble(spec.variant, k);
    let pose = Pose {
        trunk_turn: pose.trunk_turn * (1.0 + 0.2 * w(10)),
        trunk_bend: pose.trunk_bend * (1.0 + 0.2 * w(11)),
        head_turn: pose.head_turn + 8.0 * w(12),
        head_tilt: pose.head_tilt + 5.0 * w(13),
        ..pose
    };
    let neck_only = spec.body_part == BodyPart::Neck;
    let shirt = spec.body_part == BodyPart::Shoulder && spec.context == StimulusContext::Sleeve;
    let ball = spec.body_part == BodyPart::Shoulder && spec.context == StimulusContext::Object;
    let mut prims = person(pal, &pose, neck_only, shirt, ball);
    let view = match spec.view {
        View::Behind => M3::rot_y(180.0),
        _ => M3::IDENTITY,
    };
    for p in prims.iter_mut() {
        *p = p.transformed(&view, 1.0, v3(0.0, 0.0, 0.0));
    }
    let nominal_radius = match spec.body_part {
        BodyPart::Neck => 330.0,
        BodyPart::Shoulder => 720.0,
        _ => 640.0,
    };
    Model { prims, nominal_radius }
}

fn person(pal: &Palette, pose: &Pose, neck_only: bool, shirt: bool, ball: bool) -> Vec<Prim> {
    let skin = pal.skin;
    let top = if shirt { pal.cloth } else { skin };
    let shorts = pal.cloth_dark;

    // Head, neck, hair, face: turned and tilted about the base of the neck.
    let mut head = vec![
        Prim::capsule(v3(0.0, 1390.0, -12.0), v3(0.0, 1520.0, -4.0), 52.0, skin, 20.0),
        Prim::ellipsoid(v3(0.0, 1600.0, 8.0), &M3::IDENTITY, v3(76.0, 104.0, 94.0), skin, 14.0),
        // Hair over the crown and the back of the head.
        Prim::ellipsoid(v3(0.0, 1628.0, -12.0), &M3::rot_x(-12.0), v3(81.0, 94.0, 90.0), pal.hair, 4.0),
        // Nose, brow, chin, ears: they show which way the head faces.
        Prim::ellipsoid(v3(0.0, 1588.0, 98.0), &M3::rot_x(-12.0), v3(11.0, 26.0, 13.0), skin, 6.0),
        Prim::capsule(v3(-34.0, 1628.0, 82.0), v3(34.0, 1628.0, 82.0), 12.0, skin, 10.0),
        Prim::ellipsoid(v3(0.0, 1522.0, 70.0), &M3::IDENTITY, v3(34.0, 22.0, 26.0), skin, 14.0),
        Prim::ellipsoid(v3(-76.0, 1592.0, 0.0), &M3::IDENTITY, v3(10.0, 28.0, 18.0), skin, 6.0),
        Prim::ellipsoid(v3(76.0, 1592.0, 0.0), &M3::IDENTITY, v3(10.0, 28.0, 18.0), skin, 6.0),
    ];
    let head_m = M3::rot_z(pose.head_tilt).mul(&M3::rot_y(pose.head_turn));
    rotate_prims(&mut head, NECK, &head_m);

    // Chest, shoulders and arms.
    let mut upper = vec![
        Prim::ellipsoid(v3(0.0, 1255.0, 0.0), &M3::IDENTITY, v3(165.0, 160.0, 100.0), top, 30.0),
        // Lower ribs: the chest stays broad down to the waist, so a side bend does not
        // leave the waist's corner bulging on the stretched side.
        Prim::ellipsoid(v3(0.0, 1150.0, -4.0), &M3::IDENTITY, v3(140.0, 95.0, 84.0), top, 36.0),
        Prim::capsule(SHOULDER_R + v3(30.0, 0.0, 0.0), SHOULDER_L + v3(-30.0, 0.0, 0.0), 58.0, top, 30.0),
        // Shoulder blades.
        Prim::ellipsoid(v3(-78.0, 1290.0, -78.0), &M3::rot_z(-12.0), v3(52.0, 72.0, 24.0), top, 30.0),
        Prim::ellipsoid(v3(78.0, 1290.0, -78.0), &M3::rot_z(12.0), v3(52.0, 72.0, 24.0), top, 30.0),
        // Chest muscles: flat, a few millimetres proud of the chest (deeper ones read as
        // two balls with a hard lower edge).
        Prim::ellipsoid(v3(-70.0, 1292.0, 56.0), &M3::rot_z(-8.0), v3(74.0, 52.0, 34.0), top, 30.0),
        Prim::ellipsoid(v3(70.0, 1292.0, 56.0), &M3::rot_z(8.0), v3(74.0, 52.0, 34.0), top, 30.0),
    ];
    let sleeve = if shirt { pal.cloth } else { skin };
    arm(&mut upper, pal, SHOULDER_L, &Arm::Down, 1.0, sleeve, false);
    arm(&mut upper, pal, SHOULDER_R, &pose.right_arm, -1.0, sleeve, ball);
    let chest_fade = neck_only.then_some((v3(0.0, 1250.0, 0.0), v3(0.0, 1120.0, 0.0)));
    if let Some((from, to)) = chest_fade {
        for p in upper.iter_mut() {
            *p = p.with_fade(from, to);
        }
    }
    upper.extend(head);

    let trunk = M3::rot_z(pose.trunk_bend).mul(&M3::rot_y(pose.trunk_turn));
    rotate_prims(&mut upper, WAIST, &trunk);

    let mut prims = Vec::with_capacity(48);
    if !neck_only {
        // Waist (half the trunk's turn), pelvis in shorts, thighs fading out.
        let half = M3::rot_z(pose.trunk_bend * 0.5).mul(&M3::rot_y(pose.trunk_turn * 0.5));
        let mut waist =
            vec![Prim::ellipsoid(v3(0.0, 1080.0, -4.0), &M3::IDENTITY, v3(128.0, 120.0, 80.0), skin, 40.0)];
        rotate_prims(&mut waist, WAIST, &half);
        prims.extend(waist);
        prims.push(Prim::ellipsoid(
            v3(0.0, 935.0, -4.0),
            &M3::IDENTITY,
            v3(168.0, 112.0, 104.0),
            shorts,
            8.0,
        ));
        let fade = (v3(0.0, 720.0, 0.0), v3(0.0, 560.0, 0.0));
        for x in [-88.0, 88.0] {
            prims.push(
                Prim::capsule(v3(x, 900.0, 0.0), v3(x * 1.05, 520.0, 12.0), 70.0, skin, 20.0)
                    .with_fade(fade.0, fade.1),
            );
            prims.push(
                Prim::capsule(v3(x, 900.0, 0.0), v3(x * 1.04, 790.0, 4.0), 76.0, shorts, 6.0)
                    .with_fade(fade.0, fade.1),
            );
        }
    }
    prims.extend(upper);
    prims
}

/// One arm from the shoulder; `out` is −1 for the right arm (towards −x), +1 for the left.
fn arm(
    prims: &mut Vec<Prim>,
    pal: &Palette,
    shoulder: V3,
    pose: &Arm,
    out: f32,
    sleeve: Material,
    ball: bool,
) {
    let skin = pal.skin;
    let (elbow, wrist, hand_dir) = match pose {
        Arm::Down => (
            shoulder + v3(26.0 * out, -280.0, -8.0),
            shoulder + v3(36.0 * out, -530.0, 18.0),
            v3(0.0, -1.0, 0.1),
        ),
        Arm::Forward => (
            shoulder + v3(70.0 * out, -60.0, 265.0),
            shoulder + v3(130.0 * out, -110.0, 500.0),
            v3(0.25 * out, -0.2, 1.0),
        ),
        Arm::Out => {
            (shoulder + v3(280.0 * out, 0.0, 0.0), shoulder + v3(530.0 * out, 10.0, 10.0), v3(out, 0.0, 0.0))
        }
        Arm::BehindHead => {
            (shoulder + v3(110.0 * out, 250.0, -40.0), v3(60.0 * out, 1640.0, -95.0), v3(-out, 0.3, -0.2))
        }
    };
    // Deltoid.
    prims.push(Prim::sphere(shoulder + v3(6.0 * out, -8.0, 0.0), 60.0, sleeve, 24.0));
    prims.push(Prim::capsule(shoulder, elbow, 44.0, sleeve, 20.0).in_group(7));
    prims.push(Prim::capsule(elbow, wrist, 36.0, skin, 16.0).in_group(7));
    let hand_dir = hand_dir.norm();
    let centre = wrist + hand_dir * 60.0;
    prims.push(
        Prim::ellipsoid(
            centre,
            &super::frame_along(hand_dir, v3(0.0, 0.0, 1.0)),
            v3(34.0, 62.0, 17.0),
            skin,
            14.0,
        )
        .in_group(7),
    );
    if ball {
        prims.push(Prim::sphere(centre + hand_dir * 70.0, 62.0, pal.object, 1.0).in_group(9));
    }
}

/// Both legs from the waist down; the RIGHT leg moves: `straight` lifts it out to the
/// side with the knee straight, `bent` steps it out with the knee bent and pointing out
/// to the side (a side lunge), so the bend shows in the picture from the front and from
/// behind instead of pointing at the viewer, foreshortened. Each
/// leg has a kneecap, the inner thigh muscle above the knee on its inner side, tendons
/// behind the knee and a calf whose inner head is larger and lower.
fn knee(spec: &StimulusSpec, pal: &Palette) -> Model {
    let w = super::super::wobble(spec.variant, 10);
    let (abduct, turn_out, flex, bend) = match spec.posture {
        Posture::Bent => (10.0 + 4.0 * w, 65.0, 35.0, 75.0 + 8.0 * w),
        _ => (24.0 + 4.0 * w, 0.0, 4.0, 2.0),
    };
    let shoes = spec.context == StimulusContext::Shoe;
    let mut prims = vec![
        Prim::ellipsoid(v3(0.0, 960.0, -4.0), &M3::IDENTITY, v3(168.0, 120.0, 104.0), pal.cloth_dark, 8.0)
            .with_fade(v3(0.0, 1000.0, 0.0), v3(0.0, 1080.0, 0.0)),
    ];
    let hip = v3(-88.0, 900.0, 0.0);
    prims.extend(leg(pal, hip, abduct, turn_out, flex, bend, shoes));
    let standing: Vec<Prim> = leg(pal, hip, 2.0, 0.0, 0.0, 3.0, shoes);
    let mirror = M3 { r: [v3(-1.0, 0.0, 0.0), v3(0.0, 1.0, 0.0), v3(0.0, 0.0, 1.0)] };
    prims.extend(standing.iter().map(|p| p.transformed(&mirror, 1.0, v3(0.0, 0.0, 0.0))));
    let view = match spec.view {
        View::Behind => M3::rot_y(180.0),
        _ => M3::IDENTITY,
    };
    for p in prims.iter_mut() {
        *p = p.transformed(&view, 1.0, v3(0.0, 0.0, 0.0));
    }
    Model { prims, nominal_radius: 560.0 }
}

/// A right leg hanging from `hip`: built straight down (front +z, inner side +x), the
/// shin turned back about the knee by `bend`, the thigh swung forward by `flex`, the
/// whole leg turned out about the vertical by `turn_out` (the knee towards the right,
/// −x) and swung out by `abduct` degrees.
fn leg(pal: &Palette, hip: V3, abduct: f32, turn_out: f32, flex: f32, bend: f32, shoes: bool) -> Vec<Prim> {
    let skin = pal.skin;
    let knee = v3(0.0, -430.0, 0.0);
    let mut thigh = vec![
        Prim::capsule(v3(0.0, 0.0, 0.0), v3(0.0, -200.0, 4.0), 74.0, pal.cloth_dark, 10.0),
        Prim::capsule(v3(0.0, -20.0, 0.0), knee + v3(0.0, 40.0, 0.0), 62.0, skin, 24.0),
        Prim::ellipsoid(knee + v3(0.0, 20.0, 46.0), &M3::IDENTITY, v3(27.0, 31.0, 14.0), skin, 14.0),
        Prim::ellipsoid(knee + v3(32.0, 85.0, 20.0), &M3::rot_z(-10.0), v3(32.0, 60.0, 34.0), skin, 24.0),
        Prim::capsule(knee + v3(-38.0, 110.0, -34.0), knee + v3(-40.0, -5.0, -32.0), 12.0, skin, 14.0),
        Prim::capsule(knee + v3(38.0, 110.0, -34.0), knee + v3(34.0, -5.0, -32.0), 13.0, skin, 14.0),
    ];
    let ankle = knee + v3(0.0, -400.0, 0.0);
    let mut shin = vec![
        Prim::capsule(knee + v3(0.0, 10.0, 0.0), ankle, 44.0, skin, 24.0),
        Prim::capsule(knee + v3(0.0, -30.0, 34.0), ankle + v3(0.0, 60.0, 20.0), 16.0, skin, 20.0),
        Prim::ellipsoid(knee + v3(18.0, -125.0, -30.0), &M3::rot_z(4.0), v3(34.0, 96.0, 38.0), skin, 24.0),
        Prim::ellipsoid(knee + v3(-18.0, -100.0, -26.0), &M3::rot_z(-4.0), v3(28.0, 78.0, 32.0), skin, 24.0),
        // Foot, pointing forward.
        Prim::ellipsoid(
            ankle + v3(0.0, -38.0, 48.0),
            &M3::rot_x(-90.0),
            v3(40.0, 110.0, 30.0),
            if shoes { pal.cloth } else { skin },
            20.0,
        ),
        Prim::sphere(ankle + v3(0.0, -20.0, -8.0), 34.0, if shoes { pal.cloth } else { skin }, 20.0),
    ];
    rotate_prims(&mut shin, knee, &M3::rot_x(bend));
    thigh.extend(shin);
    // Forward (+z), turned out (the front towards −x), then out to the right (−x).
    let swing = M3::rot_z(-abduct).mul(&M3::rot_y(-turn_out)).mul(&M3::rot_x(-flex));
    thigh.iter().map(|p| p.transformed(&swing, 1.0, hip)).collect()
}
