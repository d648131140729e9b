//! A right hand: palm from metacarpal capsules and dorsal/volar slabs, thenar and
//! hypothenar pads, four three-bone fingers and a three-bone thumb with nails, knuckle
//! bumps on the back, creases and pads on the palm, and a forearm that fades out.
//!
//! Hand frame: back of the hand towards +z, fingers towards +y, thumb towards −x (a right
//! hand seen from the back with the fingers up has its thumb on the left).

use super::{Digit, DigitLook, Model, frame_along};
use crate::stimulus::render::geometry::{M3, Prim, V3, v3};
use crate::stimulus::render::shading::Palette;
use crate::stimulus::{Posture, StimulusContext, StimulusSpec, View};

/// MCP joints (index, middle, ring, little).
const KNUCKLES: [V3; 4] =
    [v3(-25.0, 88.0, 0.0), v3(-7.5, 92.0, 0.0), v3(10.0, 88.0, 0.0), v3(26.0, 79.0, 0.0)];
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
    /// The pad of the index fingertip, from below (the OK sign's ring).
    IndexTip,
    /// The index fingertip from its thumb side, so that from the back the thumb shows
    /// beside the bent index instead of hiding behind the palm (the pinch).
    IndexSide,
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
                f(48.0, 50.0, 20.0, 2.0),
                f(18.0, 25.0, 12.0, 2.0),
                f(22.0, 28.0, 14.0, 5.0),
                f(26.0, 30.0, 15.0, 9.0),
            ],
            thumb: ThumbPose::Reach {
                dir: v3(-0.55, 0.62, -0.55),
                dorsal: v3(-0.6, 0.0, 0.8),
                target: Target::IndexSide,
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

/// What a pose variant changes in the hand beyond its joints: proportions and the wrist.
/// All factors are 1 and all angles 0 for variant 0.
struct Build {
    /// Finger and thumb lengths.
    finger_len: f32,
    /// Finger and thumb thickness.
    finger_width: f32,
    /// Width of the palm (the knuckles' spacing).
    palm_width: f32,
    /// Wrist bent towards the back (+) or the palm (−), degrees.
    wrist_extension: f32,
    /// Wrist bent towards the little finger (+) or the thumb (−), degrees.
    wrist_deviation: f32,
}

impl Build {
    fn of(variant: u8) -> Build {
        let w = |k: u32| super::super::wobble(variant, k);
        Build {
            finger_len: 1.0 + 0.08 * w(40),
            finger_width: 1.0 + 0.09 * w(41),
            palm_width: 1.0 + 0.07 * w(42),
            wrist_extension: 18.0 * w(43),
            wrist_deviation: 9.0 * w(44),
        }
    }

    fn knuckle(&self, i: usize) -> V3 {
        let k = KNUCKLES[i];
        v3(k.x * self.palm_width, k.y, k.z)
    }
}

/// The wrist joint, about which the variant bends the hand against the forearm.
const WRIST: V3 = v3(0.0, 6.0, 0.0);

pub fn build(spec: &StimulusSpec, pal: &Palette) -> Model {
    let pose = varied_pose(spec);
    let b = Build::of(spec.variant);
    let mut prims = Vec::with_capacity(80);
    forearm(&mut prims, spec, pal);
    let hand_from = prims.len();
    palm(&mut prims, pal, &b);
    let fingers = fingers(&mut prims, pal, &pose, &b);
    thumb(&mut prims, pal, &pose, &fingers, &b);
    held_object(&mut prims, spec, pal, &b);
    let wrist = M3::rot_x(b.wrist_extension).mul(&M3::rot_z(-b.wrist_deviation));
    super::rotate_prims(&mut prims[hand_from..], WRIST, &wrist);

    // View: rotate the hand about its long axis so the asked-for surface faces the
    // camera; fingers stay up. Side views are turned 40° short of a true profile, towards
    // the back of the hand, so knuckles and nails show and the hand is not a thin strip.
    let view = match spec.view {
        View::Palm => M3::rot_y(180.0),
        View::ThumbSide => M3::rot_y(50.0),
        View::LittleFingerSide => M3::rot_y(-50.0),
        _ => M3::IDENTITY,
    };
    for p in prims.iter_mut() {
        *p = p.transformed(&view, 1.0, v3(0.0, 0.0, 0.0));
    }
    Model { prims, nominal_radius: 112.0 }
}

/// The posture's pose with the variant's differences: all fingers curl more or less
/// together, each a little on its own, and the fan of the fingers opens or closes.
fn varied_pose(spec: &StimulusSpec) -> HandPose {
    let mut pose = pose_for(spec.posture);
    let w = |k: u32| super::super::wobble(spec.variant, k);
    let curl = 12.0 * w(9);
    let fan = 1.0 + 0.45 * w(8);
    for (i, f) in pose.fingers.iter_mut().enumerate() {
        let k = 10 + 4 * i as u32;
        let bend = curl + 5.0 * w(k);
        f.flex = [f.flex[0] + bend, f.flex[1] + bend * 0.9, f.flex[2] + 0.5 * bend + 4.0 * w(k + 1)];
        f.spread = f.spread * fan + 3.0 * w(k + 2);
    }
    if let ThumbPose::Free { mcp, ip, .. } = &mut pose.thumb {
        *mcp += 10.0 * w(30);
        *ip += 10.0 * w(31);
    }
    pose
}

/// Forearm and wrist: an oval (wider than deep), fading out; a sleeve over it for the
/// sleeve context.
fn forearm(prims: &mut Vec<Prim>, spec: &StimulusSpec, pal: &Palette) {
    let fade_from = v3(0.0, -18.0, 0.0);
    let fade_to = v3(0.0, -62.0, 0.0);
    prims.push(
        Prim::ellipsoid(v3(0.0, -45.0, -3.0), &M3::IDENTITY, v3(29.0, 80.0, 18.0), pal.skin, 8.0)
            .with_fade(fade_from, fade_to),
    );
    if spec.context == StimulusContext::Sleeve {
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
}

/// The palm: a flat dorsal slab and the knuckle row melt into one; faint extensor
/// tendons fan over the back towards the knuckles; a volar slab carries the creases, the
/// thumb's ball (thenar) and the little finger's (hypothenar) pads bulge on the palm.
fn palm(prims: &mut Vec<Prim>, pal: &Palette, b: &Build) {
    let pw = b.palm_width;
    let (skin, volar) = (pal.skin, pal.volar);
    prims.push(Prim::ellipsoid(v3(1.0, 50.0, 0.0), &M3::rot_z(-5.0), v3(34.0 * pw, 50.0, 12.0), skin, 9.0));
    prims.push(Prim::capsule(
        b.knuckle(0) + v3(2.0, -10.0, -1.0),
        b.knuckle(3) + v3(-2.0, -8.0, -1.0),
        11.0,
        skin,
        9.0,
    ));
    // Tendons: thin and raised only 1 mm above the back's own surface (thicker or higher
    // ones read as long streaks, or as fingers lying on a fist), they only catch the
    // light as faint ridges; they fade out before the wrist.
    let back_surface = |x: f32, y: f32| {
        let (u, w) = (x / (34.0 * pw), (y - 50.0) / 50.0);
        12.0 * (1.0 - u * u - w * w).max(0.0).sqrt()
    };
    for i in 0..4 {
        let k = b.knuckle(i);
        // A long, flat ridge: 8 mm wide, 0.8 mm proud of the surface.
        let (half_w, half_h) = (4.0, 1.3);
        let (fx, fy, tx, ty) = (k.x * 0.45, 34.0, k.x * 0.96, k.y - 14.0);
        let from = v3(fx, fy, back_surface(fx, fy) + 0.8 - half_h);
        let to = v3(tx, ty, back_surface(tx, ty) + 0.8 - half_h);
        let mid = from.lerp(to, 0.5);
        let normal = v3(mid.x / (34.0 * pw).powi(2), (mid.y - 50.0) / 2500.0, mid.z.max(1.0) / 144.0);
        let len = (to - from).len();
        prims.push(
            Prim::ellipsoid(mid, &frame_along(to - from, normal), v3(half_w, 0.5 * len, half_h), skin, 6.0)
                .with_fade(mid, from),
        );
    }
    prims.push(Prim::ellipsoid(
        v3(1.0, 50.0, -6.0),
        &M3::rot_z(-5.0),
        v3(33.0 * pw, 42.0, 11.5),
        pal.palm_creases,
        6.0,
    ));
    // Thenar (thumb ball) and hypothenar pads on the palm side.
    prims.push(Prim::ellipsoid(
        v3(-18.0 * pw, 33.0, -11.0),
        &M3::rot_z(30.0),
        v3(16.0, 28.0, 14.5),
        volar,
        14.0,
    ));
    prims.push(Prim::ellipsoid(
        v3(23.0 * pw, 42.0, -8.5),
        &M3::rot_z(-6.0),
        v3(11.5, 30.0, 11.0),
        volar,
        14.0,
    ));
}

/// The four fingers, posed, each with its knuckle bump on the back; returns them for the
/// thumb to aim at.
fn fingers(prims: &mut Vec<Prim>, pal: &Palette, pose: &HandPose, b: &Build) -> Vec<Digit> {
    let mut fingers = Vec::with_capacity(4);
    for i in 0..4 {
        let fp = pose.fingers[i];
        let dir = M3::rot_z(-fp.spread).apply(v3(0.0, 1.0, 0.0));
        let d = Digit {
            base: b.knuckle(i),
            dir,
            dorsal: v3(0.0, 0.0, 1.0),
            lengths: LENGTHS[i].iter().map(|l| l * b.finger_len).collect(),
            radii: RADII[i].iter().map(|r| r * b.finger_width).collect(),
            flex: fp.flex.to_vec(),
        };
        // Knuckle bump on the back of the hand.
        let r = d.radii[0];
        prims.push(Prim::ellipsoid(
            d.base + v3(0.0, 0.0, r * 0.6),
            &frame_along(d.pose().dirs[0], v3(0.0, 0.0, 1.0)),
            v3(r * 0.85, r * 0.95, r * 0.72),
            pal.skin,
            4.0,
        ));
        let look =
            DigitLook { blend: 6.0, nail: true, padded_from: 0, group: i as u8 + 1, base_group: i as u8 + 1 };
        d.emit(prims, pal, look);
        fingers.push(d);
    }
    fingers
}

/// The thumb: posed freely, or bent and turned so its tip meets the index finger or lies
/// over the curled fingers.
fn thumb(prims: &mut Vec<Prim>, pal: &Palette, pose: &HandPose, fingers: &[Digit], b: &Build) {
    let (dir, dorsal, flex) = match pose.thumb {
        ThumbPose::Free { dir, dorsal, mcp, ip } => (dir, dorsal, vec![0.0, mcp, ip]),
        ThumbPose::Reach { dir, dorsal, .. } => (dir, dorsal, vec![0.0, 0.0, 0.0]),
    };
    let mut thumb = Digit {
        base: v3(THUMB_BASE.x * b.palm_width, THUMB_BASE.y, THUMB_BASE.z),
        dir,
        dorsal,
        lengths: THUMB_LENGTHS.iter().map(|l| l * b.finger_len).collect(),
        radii: THUMB_RADII.iter().map(|r| r * b.finger_width).collect(),
        flex,
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
            Target::IndexSide => {
                let tip = index.joints[3];
                let radial = index.dorsals[2].cross(index.dirs[2]);
                tip - index.dirs[2] * 4.0 - index.dorsals[2] * 5.0 + radial * 18.0
            }
            Target::OverFist => {
                let over =
                    |p: &super::Posed, r: f32| p.joints[1].lerp(p.joints[2], 0.55) - p.dorsals[1] * (r * 1.6);
                over(&index, fingers[0].radii[1]).lerp(over(&middle, fingers[1].radii[1]), 0.65)
            }
        };
        thumb.reach(point, 0.0);
    }
    thumb.emit(prims, pal, DigitLook { blend: 7.0, nail: true, padded_from: 1, group: 5, base_group: 0 });
}

/// What the hand holds: the bar of the grip posture, or the ball of the object context.
fn held_object(prims: &mut Vec<Prim>, spec: &StimulusSpec, pal: &Palette, b: &Build) {
    if spec.posture == Posture::Grip {
        // A bar through the curled fingers.
        let a = b.knuckle(0) + v3(0.0, 14.0, -27.0);
        let c = b.knuckle(3) + v3(0.0, 14.0, -27.0);
        let axis = (c - a).norm();
        let centre = a.lerp(c, 0.5);
        prims.push(
            Prim::capsule(centre - axis * 62.0, centre + axis * 62.0, 15.0, pal.object, 0.5).in_group(9),
        );
    } else if spec.context == StimulusContext::Object {
        // A ball held in the palm: its edge shows around the hand from every view.
        prims.push(Prim::sphere(v3(0.0, 52.0, -58.0), 48.0, pal.object, 0.5).in_group(9));
    }
}
