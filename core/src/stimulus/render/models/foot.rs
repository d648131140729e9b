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
use crate::stimulus::{Context, Posture, StimulusSpec, View};

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
        lengths: &[27.0, 24.0],
        radii: &[13.0, 12.0],
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

pub fn build(spec: &StimulusSpec, pal: &Palette) -> Model {
    let skin = pal.skin;
    let volar = pal.volar;
    let mut foot: Vec<Prim> = Vec::with_capacity(48);

    // Heel and its pad.
    foot.push(Prim::ellipsoid(v3(2.0, -4.0, 29.0), &M3::rot_x(-10.0), v3(25.0, 30.0, 27.0), skin, 14.0));
    foot.push(Prim::ellipsoid(v3(3.0, -2.0, 13.0), &M3::IDENTITY, v3(22.0, 27.0, 12.0), volar, 12.0));
    // The body of the foot, rolled so that its inner edge is lifted off the ground: the
    // arch.
    foot.push(Prim::ellipsoid(
        v3(2.0, 64.0, 24.0),
        &M3::rot_y(12.0).mul(&M3::rot_x(-7.0)),
        v3(38.0, 86.0, 20.0),
        skin,
        24.0,
    ));
    // Instep: the ridge of the top of the foot, from the ankle down to the forefoot.
    foot.push(Prim::capsule(v3(0.0, 6.0, 42.0), v3(-6.0, 112.0, 20.0), 24.0, skin, 24.0));
    // Outer edge pad on the sole.
    foot.push(Prim::capsule(v3(20.0, 22.0, 8.0), v3(27.0, 110.0, 7.0), 7.5, volar, 12.0));
    // Ball of the foot: oblique, the big-toe side further forward.
    foot.push(Prim::ellipsoid(v3(-2.0, 134.0, 17.0), &M3::rot_z(-14.0), v3(41.0, 22.0, 16.0), skin, 12.0));
    foot.push(Prim::ellipsoid(v3(-3.0, 136.0, 8.0), &M3::rot_z(-14.0), v3(37.0, 17.0, 9.0), volar, 12.0));
    // First metatarsal head: the bump on the inner side of the forefoot.
    foot.push(Prim::sphere(v3(-30.0, 138.0, 19.0), 13.0, skin, 10.0));

    // Toes.
    let (toe_flex, big_flex): (&[f32], &[f32]) = match spec.posture {
        Posture::ToesCurled => (&[25.0, 65.0, 50.0], &[28.0, 50.0]),
        Posture::PulledUp => (&[-25.0, 20.0, 10.0], &[-30.0, 5.0]),
        _ => (&[-12.0, 32.0, 22.0], &[-8.0, 10.0]),
    };
    let toe_bend = 8.0 * super::super::wobble(spec.variant, 12);
    for (i, t) in TOES.iter().enumerate() {
        let flex: Vec<f32> =
            (if i == 0 { big_flex } else { toe_flex }).iter().map(|f| f + toe_bend).collect();
        let d = Digit {
            base: t.base,
            dir: t.dir,
            dorsal: v3(0.0, 0.0, 1.0),
            lengths: t.lengths.to_vec(),
            radii: t.radii.to_vec(),
            flex: flex[..t.lengths.len()].to_vec(),
        };
        d.emit(
            &mut foot,
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

    if spec.context == Context::Shoe {
        // A slip-on shoe over the heel and midfoot; the toes stay bare.
        let shoe = pal.cloth_dark;
        let upper = pal.cloth;
        foot.push(Prim::ellipsoid(v3(2.0, -8.0, 30.0), &M3::rot_x(-10.0), v3(31.0, 37.0, 32.0), upper, 2.0));
        foot.push(Prim::ellipsoid(v3(2.0, 62.0, 32.0), &M3::rot_x(-16.0), v3(39.0, 62.0, 28.0), upper, 2.0));
        foot.push(Prim::ellipsoid(v3(2.0, 55.0, 3.0), &M3::rot_z(-4.0), v3(44.0, 100.0, 8.0), shoe, 1.0));
    }

    let w = |k: u32| super::super::wobble(spec.variant, k);
    let ankle_turn = M3::rot_x(6.0 * w(10)).mul(&M3::rot_z(5.0 * w(11)));
    let ankle_turn = ankle_turn.mul(&match spec.posture {
        Posture::Pointed => M3::rot_x(-35.0),
        Posture::PulledUp => M3::rot_x(22.0),
        Posture::TurnedIn => M3::rot_z(16.0).mul(&M3::rot_y(22.0)),
        Posture::TurnedOut => M3::rot_z(-16.0).mul(&M3::rot_y(-14.0)),
        _ => M3::IDENTITY,
    });
    super::rotate_prims(&mut foot, ANKLE, &ankle_turn);

    // Ankle and shin (not turned with the foot).
    let mut prims = Vec::with_capacity(foot.len() + 6);
    let shin = v3(0.0, -0.2, 1.0).norm();
    let fade_from = ANKLE + shin * 30.0;
    let fade_to = ANKLE + shin * 80.0;
    prims.push(
        Prim::capsule(ANKLE - shin * 14.0, ANKLE + shin * 120.0, 30.0, skin, 20.0)
            .with_fade(fade_from, fade_to),
    );
    // Inner ankle bone higher and further forward than the outer one.
    prims.push(Prim::sphere(ANKLE + v3(-24.0, 4.0, 2.0), 10.0, skin, 10.0));
    prims.push(Prim::sphere(ANKLE + v3(25.0, -5.0, -9.0), 9.5, skin, 10.0));
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
