//! A right foot: heel, a raised medial arch and a lateral column that rests on the
//! ground, the ball of the foot with the first metatarsal head, five toes with nails
//! (the big toe on the inner side), ankle bones (the inner one higher and further
//! forward), and a shin that fades out.
//!
//! Foot frame: toes towards +y, top of the foot towards +z, the inner side (big toe)
//! towards −x. The shin leaves the ankle towards the viewer and a little back, as when
//! one looks down at one's own foot.

use super::{Digit, DigitLook, Model};
use crate::stimulus::render::geometry::{M3, Prim, V3, v3};
use crate::stimulus::render::shading::Palette;
use crate::stimulus::{Posture, StimulusContext, StimulusSpec, View};

const ANKLE: V3 = v3(0.0, 8.0, 62.0);

struct Toe {
    base: V3,
    dir: V3,
    lengths: &'static [f32],
    radii: &'static [f32],
}

const TOES: [Toe; 5] = [
    Toe {
        base: v3(-25.0, 150.0, 19.0),
        dir: v3(0.06, 1.0, 0.0),
        lengths: &[28.0, 25.0],
        radii: &[13.0, 12.2],
    },
    Toe {
        base: v3(-4.0, 154.0, 15.0),
        dir: v3(0.02, 1.0, 0.0),
        lengths: &[17.0, 10.0, 9.0],
        radii: &[7.8, 7.3, 6.9],
    },
    Toe {
        base: v3(11.0, 148.0, 13.5),
        dir: v3(0.07, 1.0, 0.0),
        lengths: &[15.0, 9.0, 8.0],
        radii: &[7.4, 7.0, 6.6],
    },
    Toe {
        base: v3(24.0, 139.0, 12.0),
        dir: v3(0.13, 1.0, 0.0),
        lengths: &[13.0, 8.0, 7.0],
        radii: &[7.0, 6.6, 6.2],
    },
    Toe {
        base: v3(35.0, 127.0, 11.0),
        dir: v3(0.22, 1.0, 0.0),
        lengths: &[11.0, 7.0, 6.0],
        radii: &[6.6, 6.2, 5.8],
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
    sole_and_body(&mut foot, pal, &b);
    toes(&mut foot, spec.posture, pal, &b);
    if spec.context == StimulusContext::Shoe {
        // A slip-on shoe over the heel and midfoot; the toes stay bare.
        let shoe = pal.cloth_dark;
        let upper = pal.cloth;
        foot.push(Prim::ellipsoid(v3(2.0, -8.0, 30.0), &M3::rot_x(-10.0), v3(31.0, 37.0, 32.0), upper, 2.0));
        foot.push(Prim::ellipsoid(v3(2.0, 62.0, 32.0), &M3::rot_x(-16.0), v3(39.0, 62.0, 28.0), upper, 2.0));
        foot.push(Prim::ellipsoid(v3(2.0, 55.0, 3.0), &M3::rot_z(-4.0), v3(44.0, 100.0, 8.0), shoe, 1.0));
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
    lower_leg(&mut prims, pal);
    prims.extend(foot);

    let view = match spec.view {
        View::Sole => M3::rot_y(180.0),
        View::InnerSide => M3::rot_y(90.0),
        View::OuterSide => M3::rot_y(-90.0),
        _ => M3::IDENTITY,
    };
    for p in prims.iter_mut() {
        *p = p.transformed(&view, 1.0, v3(0.0, 0.0, 0.0));
    }
    Model { prims, nominal_radius: 150.0 }
}

/// Heel, midfoot and forefoot. The heel juts out behind the ankle; the outer column rests
/// on the ground while the inner one is lifted (the arch); the instep slopes from the
/// ankle to the toes; the forefoot widens to the oblique ball of the foot.
fn sole_and_body(foot: &mut Vec<Prim>, pal: &Palette, b: &Build) {
    let (skin, volar) = (pal.skin, pal.volar);
    let wd = b.width;
    // Heel bone and its pad.
    foot.push(Prim::ellipsoid(v3(3.0, -10.0, 27.0), &M3::rot_x(-12.0), v3(25.0, 28.0, 26.0), skin, 14.0));
    foot.push(Prim::ellipsoid(v3(3.0, -6.0, 11.0), &M3::IDENTITY, v3(22.0, 25.0, 11.0), volar, 12.0));
    // Outer column, on the ground from the heel to the little toe's metatarsal head.
    foot.push(Prim::ellipsoid(v3(19.0 * wd, 64.0, 15.0), &M3::rot_z(-9.0), v3(17.0, 72.0, 14.5), skin, 18.0));
    // Inner column, lifted: its underside is the arch.
    foot.push(Prim::ellipsoid(
        v3(-15.0 * wd, 72.0, 29.0),
        &M3::rot_z(5.0).mul(&M3::rot_y(-14.0)),
        v3(19.0, 66.0, 18.0),
        skin,
        18.0,
    ));
    // Instep: the ridge of the top of the foot, from the ankle down to the forefoot.
    foot.push(Prim::capsule(v3(0.0, 10.0, 46.0), v3(-6.0, 116.0, 22.0), 21.0, skin, 22.0));
    // Outer edge pad on the sole.
    foot.push(Prim::capsule(v3(21.0 * wd, 18.0, 7.0), v3(30.0 * wd, 112.0, 6.0), 8.0, volar, 12.0));
    // Ball of the foot: oblique, the big-toe side further forward.
    foot.push(Prim::ellipsoid(
        v3(-2.0, 134.0, 17.0),
        &M3::rot_z(-14.0),
        v3(43.0 * wd, 22.0, 16.0),
        skin,
        12.0,
    ));
    foot.push(Prim::ellipsoid(
        v3(-3.0, 136.0, 8.0),
        &M3::rot_z(-14.0),
        v3(39.0 * wd, 17.0, 9.0),
        volar,
        12.0,
    ));
    // First metatarsal head: the bump on the inner side of the forefoot.
    foot.push(Prim::sphere(v3(-31.0 * wd, 138.0, 19.0), 13.0, skin, 10.0));
}

/// Five toes graded in size, the big toe broad and on the inner side.
fn toes(foot: &mut Vec<Prim>, posture: Posture, pal: &Palette, b: &Build) {
    let (toe_flex, big_flex): (&[f32], &[f32]) = match posture {
        Posture::ToesCurled => (&[25.0, 65.0, 50.0], &[28.0, 50.0]),
        Posture::PulledUp => (&[-25.0, 20.0, 10.0], &[-30.0, 5.0]),
        _ => (&[-12.0, 32.0, 22.0], &[-8.0, 10.0]),
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
                blend: if i == 0 { 4.0 } else { 2.5 },
                nail: true,
                padded_from: t.lengths.len() - 1,
                group: i as u8 + 1,
                base_group: i as u8 + 1,
            },
        );
    }
}

/// Ankle and lower leg (not turned with the foot): the leg with the Achilles tendon
/// behind it down to the heel, and the ankle bones, the inner one higher and further
/// forward than the outer one. The leg fades out instead of being cut by the frame.
fn lower_leg(prims: &mut Vec<Prim>, pal: &Palette) {
    let skin = pal.skin;
    let shin = v3(0.0, -0.2, 1.0).norm();
    let fade_from = ANKLE + shin * 45.0;
    let fade_to = ANKLE + shin * 115.0;
    prims.push(
        Prim::capsule(ANKLE - shin * 14.0, ANKLE + shin * 125.0, 27.0, skin, 20.0)
            .with_fade(fade_from, fade_to),
    );
    let back = v3(0.0, -1.0, -0.2).norm();
    prims.push(
        Prim::capsule(v3(2.0, -22.0, 36.0), ANKLE + shin * 110.0 + back * 17.0, 10.0, skin, 14.0)
            .with_fade(fade_from, fade_to),
    );
    prims.push(Prim::sphere(ANKLE + v3(-25.0, 4.0, 2.0), 10.5, skin, 10.0));
    prims.push(Prim::sphere(ANKLE + v3(26.0, -5.0, -9.0), 10.0, skin, 10.0));
}
