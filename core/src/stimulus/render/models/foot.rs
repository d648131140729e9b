//! A right foot: a heel that juts out behind the leg, an outer column resting on the
//! ground and a lifted inner column whose underside is the arch, a broad instep sloping
//! from the ankle down to the ball of the foot, the ball (oblique, widest across the
//! first and fifth metatarsal heads), five toes graded in length and thickness with nails
//! (the big toe broad, set a little apart, on the inner side), the ankle bones (the inner
//! one higher and further forward), and the lower leg with the Achilles tendon, fading
//! out.
//!
//! Foot frame: toes towards +y, top of the foot towards +z (the ground is z = 0), the
//! inner side (big toe) towards −x. The leg rises along +z from the ankle.

use super::{Digit, DigitLook, Model, frame_along};
use crate::stimulus::render::geometry::{M3, Prim, V3, v3};
use crate::stimulus::render::shading::Palette;
use crate::stimulus::{Posture, StimulusContext, StimulusSpec, View};

/// The ankle joint, about which the postures and the variant turn the foot.
const ANKLE: V3 = v3(2.0, 6.0, 72.0);

struct Toe {
    base: V3,
    dir: V3,
    lengths: &'static [f32],
    radii: &'static [f32],
}

/// Big toe to little toe. The big toe is broad and two-boned and stands a little apart;
/// the others are three-boned and shorter in turn, their tips on an oblique line.
const TOES: [Toe; 5] = [
    Toe {
        base: v3(-30.0, 154.0, 15.0),
        dir: v3(0.03, 1.0, 0.0),
        lengths: &[30.0, 25.0],
        radii: &[13.0, 12.4],
    },
    Toe {
        base: v3(-5.5, 160.0, 11.0),
        dir: v3(0.04, 1.0, 0.0),
        lengths: &[20.0, 11.0, 9.0],
        radii: &[8.2, 7.6, 7.2],
    },
    Toe {
        base: v3(10.5, 154.0, 10.5),
        dir: v3(0.09, 1.0, 0.0),
        lengths: &[18.0, 10.0, 8.0],
        radii: &[7.8, 7.2, 6.8],
    },
    Toe {
        base: v3(24.5, 145.0, 10.0),
        dir: v3(0.16, 1.0, 0.0),
        lengths: &[15.5, 9.0, 7.0],
        radii: &[7.3, 6.8, 6.4],
    },
    Toe {
        base: v3(37.0, 133.0, 9.5),
        dir: v3(0.26, 1.0, 0.0),
        lengths: &[13.0, 8.0, 6.0],
        radii: &[6.8, 6.3, 6.0],
    },
];

/// What a pose variant changes in the foot beyond the camera and light. All factors are 1
/// and all angles 0 for variant 0.
struct Build {
    /// Width of the foot (the toes' spacing and the forefoot).
    width: f32,
    /// Toe lengths.
    toe_len: f32,
    /// Extra toe curl, degrees.
    toe_curl: f32,
    /// Toes fanned apart (+) or together (−), as a share of their own spread.
    toe_fan: f32,
    /// The ankle's extra turn: pointing (+x, degrees) and turning in (+z).
    ankle: (f32, f32),
}

impl Build {
    fn of(variant: u8) -> Build {
        let w = |k: u32| super::super::wobble(variant, k);
        Build {
            width: 1.0 + 0.06 * w(13),
            toe_len: 1.0 + 0.08 * w(14),
            toe_curl: 14.0 * w(12),
            toe_fan: 0.6 * w(15),
            ankle: (12.0 * w(10), 8.0 * w(11)),
        }
    }
}

pub fn build(spec: &StimulusSpec, pal: &Palette) -> Model {
    let b = Build::of(spec.variant);
    let mut foot: Vec<Prim> = Vec::with_capacity(56);
    heel_and_midfoot(&mut foot, pal, &b);
    forefoot(&mut foot, pal, &b);
    toes(&mut foot, spec.posture, pal, &b);
    if spec.context == StimulusContext::Shoe {
        // A slip-on shoe over the heel and midfoot, the upper sloping with the instep,
        // on a dark sole that shows as a rim around it; the toes stay bare.
        let (shoe, upper) = (pal.cloth_dark, pal.cloth);
        let instep = frame_along(v3(0.0, 1.0, -0.38), v3(0.2, 0.0, 1.0));
        let sole = frame_along(v3(0.1, 1.0, 0.0), v3(0.0, 0.0, 1.0));
        foot.push(Prim::ellipsoid(v3(4.0, -18.0, 31.0), &M3::IDENTITY, v3(31.0, 35.0, 31.0), upper, 4.0));
        foot.push(Prim::ellipsoid(v3(1.0, 62.0, 38.0), &instep, v3(46.0, 84.0, 31.0), upper, 4.0));
        foot.push(Prim::ellipsoid(v3(3.0, 60.0, 4.0), &sole, v3(51.0, 110.0, 6.0), shoe, 1.0));
    }

    let ankle_turn = M3::rot_x(-b.ankle.0).mul(&M3::rot_z(b.ankle.1));
    let ankle_turn = ankle_turn.mul(&match spec.posture {
        Posture::Pointed => M3::rot_x(-35.0),
        Posture::PulledUp => M3::rot_x(22.0),
        Posture::TurnedIn => M3::rot_z(16.0).mul(&M3::rot_y(22.0)),
        Posture::TurnedOut => M3::rot_z(-16.0).mul(&M3::rot_y(-14.0)),
        _ => M3::IDENTITY,
    });
    super::rotate_prims(&mut foot, ANKLE, &ankle_turn);

    let mut prims = Vec::with_capacity(foot.len() + 6);
    lower_leg(&mut prims, pal, &ankle_turn, spec.view == View::Top);
    prims.extend(foot);

    // The top view looks down from a little in front of the toes, as at a foot on the
    // floor: the leg comes towards the viewer and a short way down the picture instead
    // of standing on the ankle as a disc.
    let view = match spec.view {
        View::Sole => M3::rot_y(180.0),
        View::InnerSide => M3::rot_y(90.0 - SIDE_SHORT),
        View::OuterSide => M3::rot_y(SIDE_SHORT - 90.0),
        _ => M3::rot_x(TOP_TILT),
    };
    for p in prims.iter_mut() {
        *p = p.transformed(&view, 1.0, v3(0.0, 0.0, 0.0));
    }
    Model { prims, nominal_radius: 150.0 }
}

/// How far short of a true profile the side views stop, degrees: turned a little
/// towards the top of the foot, they show the toenails and the instep as well as the
/// side, as the hand's side views do.
const SIDE_SHORT: f32 = 20.0;

/// How far the top view leans towards the toes, degrees.
const TOP_TILT: f32 = 25.0;

/// Heel, the two columns of the midfoot and the instep over them.
fn heel_and_midfoot(foot: &mut Vec<Prim>, pal: &Palette, b: &Build) {
    let (skin, volar) = (pal.skin, pal.volar);
    let wd = b.width;
    // Heel bone, well behind the leg, and its pad.
    foot.push(Prim::ellipsoid(v3(4.0, -18.0, 30.0), &M3::IDENTITY, v3(27.0, 32.0, 30.0), skin, 24.0));
    foot.push(Prim::ellipsoid(v3(4.0, -15.0, 11.0), &M3::IDENTITY, v3(25.0, 29.0, 11.0), volar, 12.0));
    // Outer column: low, resting on the ground from the heel to the fifth metatarsal.
    let up = v3(0.0, 0.0, 1.0);
    let outer = frame_along(v3(0.2, 1.0, 0.0), up);
    foot.push(Prim::ellipsoid(v3(21.0 * wd, 62.0, 15.0), &outer, v3(19.0, 76.0, 13.0), skin, 24.0));
    // The sole under the outer column and the middle, continuous from heel to ball.
    foot.push(Prim::ellipsoid(v3(8.0 * wd, 62.0, 9.0), &outer, v3(27.0, 92.0, 9.0), volar, 16.0));
    foot.push(Prim::capsule(v3(23.0 * wd, 8.0, 7.5), v3(33.0 * wd, 118.0, 7.0), 7.0, volar, 10.0));
    // Inner column, lifted: its underside, 14 mm off the ground, is the arch.
    foot.push(Prim::ellipsoid(
        v3(-15.0 * wd, 72.0, 34.0),
        &frame_along(v3(-0.18, 1.0, 0.0), v3(0.3, 0.0, 1.0)),
        v3(21.0, 70.0, 20.0),
        skin,
        24.0,
    ));
    // Instep: a broad, flat dome sloping from the front of the ankle down to the ball.
    foot.push(Prim::ellipsoid(
        v3(-1.0, 58.0, 45.0),
        &frame_along(v3(0.0, 1.0, -0.42), v3(0.2, 0.0, 1.0)),
        v3(35.0 * wd, 80.0, 20.0),
        skin,
        28.0,
    ));
}

/// The ball of the foot: oblique (the big-toe side further forward), widest across the
/// first and fifth metatarsal heads, with its pad.
fn forefoot(foot: &mut Vec<Prim>, pal: &Palette, b: &Build) {
    let (skin, volar) = (pal.skin, pal.volar);
    let wd = b.width;
    let oblique = frame_along(v3(0.24, 0.97, 0.0), v3(0.0, 0.0, 1.0));
    foot.push(Prim::ellipsoid(v3(-2.0, 138.0, 18.0), &oblique, v3(44.0 * wd, 24.0, 17.0), skin, 18.0));
    foot.push(Prim::ellipsoid(v3(-3.0, 140.0, 9.0), &oblique, v3(40.0 * wd, 19.0, 9.0), volar, 12.0));
    foot.push(Prim::sphere(v3(-34.0 * wd, 146.0, 19.0), 15.0, skin, 12.0));
    foot.push(Prim::sphere(v3(40.0 * wd, 127.0, 12.0), 10.0, skin, 10.0));
}

/// Five toes graded in size, the big toe broad and on the inner side.
fn toes(foot: &mut Vec<Prim>, posture: Posture, pal: &Palette, b: &Build) {
    let (toe_flex, big_flex): (&[f32], &[f32]) = match posture {
        Posture::ToesCurled => (&[25.0, 65.0, 50.0], &[28.0, 50.0]),
        Posture::PulledUp => (&[-25.0, 20.0, 10.0], &[-30.0, 5.0]),
        _ => (&[-10.0, 28.0, 18.0], &[-6.0, 10.0]),
    };
    for (i, t) in TOES.iter().enumerate() {
        let flex: Vec<f32> =
            (if i == 0 { big_flex } else { toe_flex }).iter().map(|f| f + b.toe_curl).collect();
        let d = Digit {
            base: v3(t.base.x * b.width, t.base.y, t.base.z),
            dir: v3(t.dir.x * (1.0 + b.toe_fan), t.dir.y, t.dir.z),
            dorsal: v3(0.0, 0.0, 1.0),
            lengths: t.lengths.iter().map(|l| l * b.toe_len).collect(),
            radii: t.radii.to_vec(),
            flex: flex[..t.lengths.len()].to_vec(),
        };
        d.emit(
            foot,
            pal,
            DigitLook {
                blend: if i == 0 { 5.0 } else { 3.0 },
                nail: true,
                padded_from: t.lengths.len() - 1,
                group: i as u8 + 1,
                base_group: i as u8 + 1,
            },
        );
    }
}

/// Ankle and lower leg (not turned with the foot): the leg rising from the ankle, the
/// Achilles tendon behind it down to the heel, and the ankle bones, the inner one higher
/// and further forward than the outer one. The leg fades out instead of being cut by
/// the frame: along the leg in the side and sole views, and straight down the picture
/// in the top view (where the leg comes towards the viewer, a fade along it would leave
/// a disc and the tube's edges).
fn lower_leg(prims: &mut Vec<Prim>, pal: &Palette, ankle_turn: &M3, top_view: bool) {
    let skin = pal.skin;
    let (leg_fade, tendon_fade) = if top_view {
        // The direction that the top view's tilt turns into "down the picture".
        let (s, c) = TOP_TILT.to_radians().sin_cos();
        let down = v3(0.0, -c, s);
        let from = ANKLE + down * 6.0;
        ((from, from + down * 38.0), (from, from + down * 38.0))
    } else {
        ((v3(2.0, 4.0, 95.0), v3(2.0, 2.0, 158.0)), (v3(2.0, -22.0, 92.0), v3(2.0, -20.0, 150.0)))
    };
    // The Achilles tendon's lower end is on the heel, so it turns with the foot.
    let heel_end = ANKLE + ankle_turn.apply(v3(3.0, -26.0, 44.0) - ANKLE);
    prims.push(
        Prim::capsule(v3(2.0, 6.0, 62.0), v3(2.0, 2.0, 165.0), 28.0, skin, 20.0)
            .with_fade(leg_fade.0, leg_fade.1),
    );
    prims.push(
        Prim::capsule(heel_end, v3(2.0, -20.0, 155.0), 10.0, skin, 18.0)
            .with_fade(tendon_fade.0, tendon_fade.1),
    );
    prims.push(Prim::sphere(v3(-27.0, 10.0, 76.0), 11.0, skin, 10.0));
    prims.push(Prim::sphere(v3(29.0, -2.0, 62.0), 10.5, skin, 10.0));
}
