//! A right hand: palm from metacarpal capsules and dorsal/volar slabs, thenar and
//! hypothenar pads, four three-bone fingers and a three-bone thumb with nails, knuckle
//! bumps on the back, creases and pads on the palm, and a forearm that fades out.
//!
//! Hand frame: back of the hand towards +z, fingers towards +y, thumb towards −x (a right
//! hand seen from the back with the fingers up has its thumb on the left).

use super::{Digit, DigitLook, Model, frame_along};
use crate::stimulus::render::geometry::{M3, Prim, V3, v3};
use crate::stimulus::render::shading::Palette;
use crate::stimulus::{Context, Posture, StimulusSpec, View};

/// MCP joints (index, middle, ring, little).
const KNUCKLES: [V3; 4] =
    [v3(-25.0, 88.0, 0.0), v3(-7.5, 92.0, 0.0), v3(10.0, 88.0, 0.0), v3(26.0, 79.0, 0.0)];
const WRIST_ENDS: [V3; 4] =
    [v3(-14.0, 14.0, 0.0), v3(-4.0, 12.0, 0.0), v3(6.0, 12.0, 0.0), v3(15.0, 14.0, 0.0)];
const LENGTHS: [[f32; 3]; 4] =
    [[41.0, 24.0, 20.0], [45.0, 28.0, 21.0], [42.0, 27.0, 20.0], [34.0, 20.0, 18.0]];
const RADII: [[f32; 3]; 4] = [[9.0, 8.3, 7.7], [9.3, 8.5, 7.9], [8.8, 8.0, 7.5], [7.9, 7.2, 6.8]];
const THUMB_BASE: V3 = v3(-14.0, 22.0, -6.0);
const THUMB_LENGTHS: [f32; 3] = [44.0, 32.0, 27.0];
const THUMB_RADII: [f32; 3] = [12.0, 10.4, 9.6];

/// Finger flexion [MCP, PIP, DIP] and spread (degrees, + towards the little finger).
#[derive(Clone, Copy)]
struct FingerPose {
    flex: [f32; 3],
    spread: f32,
}

const fn f(mcp: f32, pip: f32, dip: f32, spread: f32) -> FingerPose {
    FingerPose { flex: [mcp, pip, dip], spread }
}

enum ThumbPose {
    /// First bone direction, the thumbnail's rough facing, flexion at MCP and IP.
    Free { dir: V3, dorsal: V3, mcp: f32, ip: f32 },
    /// The tip touches a point given by a function of the posed fingers.
    Reach { dir: V3, dorsal: V3, target: Target },
}

#[derive(Clone, Copy)]
enum Target {
    /// The tip of the index finger.
    IndexTip,
    /// Lying across the outside of the curled index and middle fingers.
    OverFist,
}

struct HandPose {
    fingers: [FingerPose; 4],
    thumb: ThumbPose,
}

const FIST: FingerPose = f(86.0, 100.0, 55.0, 0.0);

fn pose_for(posture: Posture) -> HandPose {
    let relaxed_thumb =
        ThumbPose::Free { dir: v3(-0.62, 0.74, -0.26), dorsal: v3(-0.72, -0.1, 0.68), mcp: 8.0, ip: 10.0 };
    let fist_thumb = ThumbPose::Reach {
        dir: v3(-0.2, 0.6, -0.75),
        dorsal: v3(-0.55, 0.0, 0.85),
        target: Target::OverFist,
    };
    match posture {
        Posture::Spread => HandPose {
            fingers: [
                f(2.0, 2.0, 0.0, -18.0),
                f(2.0, 2.0, 0.0, -4.0),
                f(2.0, 2.0, 0.0, 10.0),
                f(2.0, 2.0, 0.0, 25.0),
            ],
            thumb: ThumbPose::Free {
                dir: v3(-0.92, 0.38, -0.08),
                dorsal: v3(-0.2, 0.1, 1.0),
                mcp: 0.0,
                ip: -5.0,
            },
        },
        Posture::Fist => HandPose {
            fingers: [
                FingerPose { spread: -2.0, ..FIST },
                FIST,
                FingerPose { spread: 3.0, ..FIST },
                FingerPose { spread: 6.0, ..FIST },
            ],
            thumb: fist_thumb,
        },
        Posture::Pointing => HandPose {
            fingers: [
                f(4.0, 4.0, 2.0, -2.0),
                FIST,
                FingerPose { spread: 3.0, ..FIST },
                FingerPose { spread: 6.0, ..FIST },
            ],
            thumb: ThumbPose::Reach {
                dir: v3(-0.2, 0.6, -0.75),
                dorsal: v3(-0.55, 0.0, 0.85),
                target: Target::OverFist,
            },
        },
        Posture::ThumbsUp => HandPose {
            fingers: [
                FingerPose { spread: -2.0, ..FIST },
                FIST,
                FingerPose { spread: 3.0, ..FIST },
                FingerPose { spread: 6.0, ..FIST },
            ],
            thumb: ThumbPose::Free {
                dir: v3(-0.32, 0.95, -0.05),
                dorsal: v3(-1.0, 0.0, 0.35),
                mcp: -8.0,
                ip: -12.0,
            },
        },
        Posture::Pinch => HandPose {
            fingers: [
                f(40.0, 38.0, 14.0, 4.0),
                f(18.0, 25.0, 12.0, 2.0),
                f(22.0, 28.0, 14.0, 5.0),
                f(26.0, 30.0, 15.0, 9.0),
            ],
            thumb: ThumbPose::Reach {
                dir: v3(-0.55, 0.62, -0.55),
                dorsal: v3(-0.6, 0.0, 0.8),
                target: Target::IndexTip,
            },
        },
        Posture::Grip => HandPose {
            fingers: [
                f(45.0, 70.0, 40.0, -2.0),
                f(45.0, 70.0, 40.0, 0.0),
                f(48.0, 70.0, 40.0, 3.0),
                f(52.0, 70.0, 40.0, 6.0),
            ],
            thumb: ThumbPose::Free {
                dir: v3(-0.45, 0.55, -0.7),
                dorsal: v3(-0.7, 0.2, 0.65),
                mcp: 15.0,
                ip: 20.0,
            },
        },
        Posture::OkSign => HandPose {
            fingers: [
                f(42.0, 62.0, 30.0, 2.0),
                f(8.0, 8.0, 4.0, 2.0),
                f(10.0, 10.0, 5.0, 10.0),
                f(14.0, 12.0, 6.0, 20.0),
            ],
            thumb: ThumbPose::Reach {
                dir: v3(-0.55, 0.62, -0.55),
                dorsal: v3(-0.6, 0.0, 0.8),
                target: Target::IndexTip,
            },
        },
        // Flat, and anything else a hand might be given.
        _ => HandPose {
            fingers: [
                f(4.0, 5.0, 3.0, -5.0),
                f(4.0, 5.0, 3.0, 0.0),
                f(4.0, 5.0, 3.0, 5.0),
                f(4.0, 5.0, 3.0, 11.0),
            ],
            thumb: relaxed_thumb,
        },
    }
}

pub fn build(spec: &StimulusSpec, pal: &Palette) -> Model {
    let mut pose = pose_for(spec.posture);
    // The variant's small differences: each finger bends and spreads a little more or
    // less, the thumb too.
    let w = |k: u32| super::super::wobble(spec.variant, k);
    for (i, f) in pose.fingers.iter_mut().enumerate() {
        let k = 10 + 4 * i as u32;
        let bend = 7.0 * w(k);
        f.flex = [f.flex[0] + bend, f.flex[1] + bend * 0.8, f.flex[2] + 4.0 * w(k + 1)];
        f.spread += 3.0 * w(k + 2);
    }
    if let ThumbPose::Free { mcp, ip, .. } = &mut pose.thumb {
        *mcp += 6.0 * w(30);
        *ip += 6.0 * w(31);
    }
    let mut prims = Vec::with_capacity(64);
    let skin = pal.skin;
    let volar = pal.volar;

    // Forearm and wrist: an oval (wider than deep), fading out.
    let fade_from = v3(0.0, -18.0, 0.0);
    let fade_to = v3(0.0, -62.0, 0.0);
    prims.push(
        Prim::ellipsoid(v3(0.0, -45.0, -3.0), &M3::IDENTITY, v3(29.0, 80.0, 18.0), skin, 8.0)
            .with_fade(fade_from, fade_to),
    );
    if spec.context == Context::Sleeve {
        let sleeve_fade = (v3(0.0, -45.0, 0.0), v3(0.0, -70.0, 0.0));
        prims.push(
            Prim::capsule(v3(0.0, -22.0, -3.0), v3(0.0, -110.0, -3.0), 31.0, pal.cloth, 1.0)
                .with_fade(sleeve_fade.0, sleeve_fade.1),
        );
        prims.push(
            Prim::ellipsoid(v3(0.0, -22.0, -3.0), &M3::rot_x(90.0), v3(32.0, 32.0, 5.0), pal.cloth_dark, 2.0)
                .with_fade(sleeve_fade.0, sleeve_fade.1),
        );
    }

    // Palm: three bars across it (wrist, mid-palm, knuckle row) melt into a flat, nearly
    // square slab; slim metacarpals give the tendon ridges on the back; a volar slab
    // carries the creases.
    prims.push(Prim::ellipsoid(v3(1.0, 50.0, 0.0), &M3::rot_z(-5.0), v3(34.0, 50.0, 10.5), skin, 9.0));
    prims.push(Prim::capsule(
        KNUCKLES[0] + v3(2.0, -10.0, -1.0),
        KNUCKLES[3] + v3(-2.0, -8.0, -1.0),
        10.5,
        skin,
        9.0,
    ));
    // Faint tendon ridges towards the knuckles.
    for i in 0..4 {
        let r = [6.5, 6.8, 6.4, 6.0][i];
        prims.push(Prim::capsule(
            WRIST_ENDS[i] + v3(0.0, 30.0, 2.0),
            KNUCKLES[i] + v3(0.0, -4.0, 3.0),
            r,
            skin,
            9.0,
        ));
    }
    prims.push(Prim::ellipsoid(
        v3(1.0, 50.0, -5.0),
        &M3::rot_z(-5.0),
        v3(33.0, 42.0, 10.5),
        pal.palm_creases,
        6.0,
    ));
    // Thenar (thumb ball) and hypothenar pads on the palm side.
    prims.push(Prim::ellipsoid(v3(-18.0, 34.0, -9.0), &M3::rot_z(30.0), v3(15.0, 27.0, 12.5), volar, 8.0));
    prims.push(Prim::ellipsoid(v3(23.0, 42.0, -7.0), &M3::rot_z(-6.0), v3(11.0, 30.0, 10.0), volar, 8.0));

    // Fingers.
    let mut fingers = Vec::with_capacity(4);
    for i in 0..4 {
        let fp = pose.fingers[i];
        let spread = M3::rot_z(-fp.spread);
        let dir = spread.apply(v3(0.0, 1.0, 0.0));
        fingers.push(Digit {
            base: KNUCKLES[i],
            dir,
            dorsal: v3(0.0, 0.0, 1.0),
            lengths: LENGTHS[i].to_vec(),
            radii: RADII[i].to_vec(),
            flex: fp.flex.to_vec(),
        });
    }
    let look = |i: usize| DigitLook {
        blend: 6.0,
        nail: true,
        padded_from: 0,
        group: i as u8 + 1,
        base_group: i as u8 + 1,
    };
    for (i, d) in fingers.iter().enumerate() {
        // Knuckle bump on the back of the hand.
        let r = RADII[i][0];
        let posed = d.pose();
        prims.push(Prim::ellipsoid(
            KNUCKLES[i] + v3(0.0, 0.0, r * 0.5),
            &frame_along(posed.dirs[0], v3(0.0, 0.0, 1.0)),
            v3(r * 0.85, r * 0.95, r * 0.7),
            skin,
            4.0,
        ));
        d.emit(&mut prims, pal, look(i));
    }

    // Thumb.
    let mut thumb = match pose.thumb {
        ThumbPose::Free { dir, dorsal, mcp, ip } => Digit {
            base: THUMB_BASE,
            dir,
            dorsal,
            lengths: THUMB_LENGTHS.to_vec(),
            radii: THUMB_RADII.to_vec(),
            flex: vec![0.0, mcp, ip],
        },
        ThumbPose::Reach { dir, dorsal, .. } => Digit {
            base: THUMB_BASE,
            dir,
            dorsal,
            lengths: THUMB_LENGTHS.to_vec(),
            radii: THUMB_RADII.to_vec(),
            flex: vec![0.0, 0.0, 0.0],
        },
    };
    if let ThumbPose::Reach { target, .. } = pose.thumb {
        let index = fingers[0].pose();
        let middle = fingers[1].pose();
        let point = match target {
            Target::IndexTip => {
                // Pad to pad: aim a little short of the index tip, on its volar side.
                let tip = index.joints[3];
                tip - index.dirs[2] * 4.0 - index.dorsals[2] * 12.0
            }
            Target::OverFist => {
                let over =
                    |p: &super::Posed, r: f32| p.joints[1].lerp(p.joints[2], 0.55) - p.dorsals[1] * (r * 1.6);
                over(&index, RADII[0][1]).lerp(over(&middle, RADII[1][1]), 0.65)
            }
        };
        thumb.reach(point, 0.0);
    }
    thumb.emit(
        &mut prims,
        pal,
        DigitLook { blend: 7.0, nail: true, padded_from: 1, group: 5, base_group: 0 },
    );

    if spec.posture == Posture::Grip {
        // The object the hand grips: a bar through the curled fingers.
        let a = KNUCKLES[0] + v3(0.0, 14.0, -27.0);
        let b = KNUCKLES[3] + v3(0.0, 14.0, -27.0);
        let axis = (b - a).norm();
        let centre = a.lerp(b, 0.5);
        prims.push(
            Prim::capsule(centre - axis * 62.0, centre + axis * 62.0, 15.0, pal.object, 0.5).in_group(9),
        );
    } else if spec.context == Context::Object {
        // A ball held in the palm: its edge shows around the hand from every view.
        prims.push(Prim::sphere(v3(0.0, 52.0, -58.0), 48.0, pal.object, 0.5).in_group(9));
    }

    // View: rotate the hand about its long axis so the asked-for surface faces the
    // camera; fingers stay up.
    let view = match spec.view {
        View::Palm => M3::rot_y(180.0),
        View::ThumbSide => M3::rot_y(90.0),
        View::LittleFingerSide => M3::rot_y(-90.0),
        _ => M3::IDENTITY,
    };
    for p in prims.iter_mut() {
        *p = p.transformed(&view, 1.0, v3(0.0, 0.0, 0.0));
    }
    Model { prims, nominal_radius: 112.0 }
}
