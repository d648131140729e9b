//! The posed 3D models. Each is built for the RIGHT side in millimetres, in a frame where
//! the camera looks along −z (x right, y up on screen) and the distal end (fingers, toes,
//! head) points up at rotation 0. The renderer mirrors the finished scene for a left
//! part, so no model has a left-hand code path that could drift from the right one.

pub mod body;
pub mod foot;
pub mod hand;

use super::geometry::{M3, Prim, V3, v3};
use super::shading::Palette;
use crate::stimulus::{BodyPart, StimulusSpec};

/// A posed model: its primitives and the radius (mm) the framing should allow for, so
/// one body part keeps roughly the same scale across postures.
pub struct Model {
    pub prims: Vec<Prim>,
    pub nominal_radius: f32,
}

pub fn build(spec: &StimulusSpec) -> Model {
    let pal = Palette::new(spec.skin_tone);
    match spec.body_part {
        BodyPart::Hand => hand::build(spec, &pal),
        BodyPart::Foot => foot::build(spec, &pal),
        BodyPart::Back | BodyPart::Neck | BodyPart::Knee | BodyPart::Shoulder => body::build(spec, &pal),
    }
}

/// One digit (finger, thumb or toe) as a chain of phalanges.
pub struct Digit {
    /// Where the chain starts (the knuckle joint).
    pub base: V3,
    /// Direction of the first bone before any flexion.
    pub dir: V3,
    /// The digit's back (nail side), roughly perpendicular to `dir`.
    pub dorsal: V3,
    pub lengths: Vec<f32>,
    pub radii: Vec<f32>,
    /// Flexion at each joint, degrees (towards the palm or sole); one per bone.
    pub flex: Vec<f32>,
}

/// The joints of a posed digit: positions and the frame of each bone.
pub struct Posed {
    pub joints: Vec<V3>,
    pub dirs: Vec<V3>,
    pub dorsals: Vec<V3>,
}

impl Digit {
    pub fn pose(&self) -> Posed {
        let mut dir = self.dir.norm();
        let mut dorsal = (self.dorsal - dir * self.dorsal.dot(dir)).norm();
        let mut p = self.base;
        let mut joints = vec![p];
        let mut dirs = Vec::new();
        let mut dorsals = Vec::new();
        for (i, len) in self.lengths.iter().enumerate() {
            let flex = self.flex.get(i).copied().unwrap_or(0.0);
            let lateral = dir.cross(dorsal);
            let m = M3::rot(lateral, -flex);
            dir = m.apply(dir).norm();
            dorsal = m.apply(dorsal).norm();
            p = p + dir * *len;
            joints.push(p);
            dirs.push(dir);
            dorsals.push(dorsal);
        }
        Posed { joints, dirs, dorsals }
    }

    pub fn tip(&self) -> V3 {
        *self.pose().joints.last().unwrap_or(&self.base)
    }

    /// Bends the digit (all joints after the first by the same share of `total`) and
    /// turns it about its base so that its tip lands on `target`. The first bone keeps
    /// its flexion. Used for pinch and OK sign, where the thumb must meet a fingertip.
    pub fn reach(&mut self, target: V3, fixed_first: f32) {
        let want = (target - self.base).len();
        let joints = self.lengths.len();
        let set = |d: &mut Digit, total: f32| {
            for i in 1..joints {
                d.flex[i] = total / (joints - 1) as f32;
            }
            d.flex[0] = fixed_first;
        };
        let (mut lo, mut hi) = (-20.0f32, 170.0f32);
        for _ in 0..30 {
            let mid = 0.5 * (lo + hi);
            set(self, mid);
            if (self.tip() - self.base).len() > want {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        set(self, 0.5 * (lo + hi));
        let from = (self.tip() - self.base).norm();
        let to = (target - self.base).norm();
        let axis = from.cross(to);
        let s = axis.len();
        if s > 1e-6 {
            let angle = s.clamp(-1.0, 1.0).asin().to_degrees();
            let angle = if from.dot(to) < 0.0 { 180.0 - angle } else { angle };
            let m = M3::rot(axis, angle);
            self.dir = m.apply(self.dir);
            self.dorsal = m.apply(self.dorsal);
        }
    }

    /// Capsules for the bones, volar pads, and a nail on the last bone.
    pub fn emit(&self, prims: &mut Vec<Prim>, pal: &Palette, opts: DigitLook) {
        let posed = self.pose();
        let n = self.lengths.len();
        for i in 0..n {
            let a = posed.joints[i];
            let b = posed.joints[i + 1];
            let r = self.radii[i];
            let group = if i == 0 { opts.base_group } else { opts.group };
            prims.push(Prim::capsule(a, b, r, pal.skin, opts.blend).in_group(group));
        }
        for i in opts.padded_from..n {
            let a = posed.joints[i];
            let b = posed.joints[i + 1];
            let r = self.radii[i];
            let dir = posed.dirs[i];
            let dorsal = posed.dorsals[i];
            let lateral = dir.cross(dorsal);
            let len = self.lengths[i];
            let last = i == n - 1;
            let centre = a.lerp(b, if last { 0.55 } else { 0.5 }) - dorsal * (r * 0.36);
            let frame = M3 { r: [lateral, dir, dorsal] };
            prims.push(
                Prim::ellipsoid(
                    centre,
                    &frame,
                    v3(r * 0.9, len * 0.52 + r * 0.1, r * 0.84),
                    pal.volar,
                    opts.blend * 0.5,
                )
                .in_group(opts.group),
            );
        }
        if opts.nail {
            let i = n - 1;
            let r = self.radii[i];
            let len = self.lengths[i];
            let dir = posed.dirs[i];
            let dorsal = posed.dorsals[i];
            let lateral = dir.cross(dorsal);
            let centre = posed.joints[i] + dir * (len * 0.62) + dorsal * (r * 0.6);
            let frame = M3 { r: [lateral, dir, dorsal] };
            prims.push(
                Prim::ellipsoid(centre, &frame, v3(r * 0.8, len * 0.46, r * 0.44), pal.nail, 0.35)
                    .in_group(opts.group),
            );
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct DigitLook {
    pub blend: f32,
    pub nail: bool,
    /// Bones from this index on get a volar pad.
    pub padded_from: usize,
    /// Blend group of the digit (see `Prim::group`), and of its first bone.
    pub group: u8,
    pub base_group: u8,
}

/// A frame (rows: x, y, z directions) whose y axis is `along` and whose z axis is as
/// close as possible to `up`.
pub fn frame_along(along: V3, up: V3) -> M3 {
    let y = along.norm();
    let z = (up - y * up.dot(y)).norm();
    let x = y.cross(z);
    M3 { r: [x, y, z] }
}

/// Rotates every primitive of `prims[from..]` about `pivot` by `m`.
pub fn rotate_prims(prims: &mut [Prim], pivot: V3, m: &M3) {
    for p in prims.iter_mut() {
        let moved = p.transformed(m, 1.0, pivot - m.apply(pivot));
        *p = moved;
    }
}
