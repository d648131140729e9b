//! Small 3D maths and the two primitive shapes every model is built from: capsules
//! (a segment swept by a ball) and ellipsoids. Models are built in millimetres in the
//! body part's own frame; [`Xform`] carries them to screen pixels.

use std::ops::{Add, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct V3 {
    pub x: f32,
    pub y: f32,
    pub z: f32,
}

pub const fn v3(x: f32, y: f32, z: f32) -> V3 {
    V3 { x, y, z }
}

impl V3 {
    pub fn dot(self, o: V3) -> f32 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    pub fn cross(self, o: V3) -> V3 {
        v3(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)
    }
    pub fn len(self) -> f32 {
        self.dot(self).sqrt()
    }
    pub fn norm(self) -> V3 {
        let l = self.len();
        if l > 1e-12 { self * (1.0 / l) } else { v3(0.0, 0.0, 1.0) }
    }
    pub fn lerp(self, o: V3, t: f32) -> V3 {
        self + (o - self) * t
    }
}

impl Add for V3 {
    type Output = V3;
    fn add(self, o: V3) -> V3 {
        v3(self.x + o.x, self.y + o.y, self.z + o.z)
    }
}
impl Sub for V3 {
    type Output = V3;
    fn sub(self, o: V3) -> V3 {
        v3(self.x - o.x, self.y - o.y, self.z - o.z)
    }
}
impl Mul<f32> for V3 {
    type Output = V3;
    fn mul(self, s: f32) -> V3 {
        v3(self.x * s, self.y * s, self.z * s)
    }
}
impl Neg for V3 {
    type Output = V3;
    fn neg(self) -> V3 {
        v3(-self.x, -self.y, -self.z)
    }
}

/// A 3×3 matrix stored as rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct M3 {
    pub r: [V3; 3],
}

impl M3 {
    pub const IDENTITY: M3 = M3 { r: [v3(1.0, 0.0, 0.0), v3(0.0, 1.0, 0.0), v3(0.0, 0.0, 1.0)] };

    pub fn apply(&self, p: V3) -> V3 {
        v3(self.r[0].dot(p), self.r[1].dot(p), self.r[2].dot(p))
    }

    pub fn transpose(&self) -> M3 {
        let [a, b, c] = self.r;
        M3 { r: [v3(a.x, b.x, c.x), v3(a.y, b.y, c.y), v3(a.z, b.z, c.z)] }
    }

    /// `self * o`: applies `o` first, then `self`.
    pub fn mul(&self, o: &M3) -> M3 {
        let t = o.transpose();
        M3 {
            r: [
                v3(self.r[0].dot(t.r[0]), self.r[0].dot(t.r[1]), self.r[0].dot(t.r[2])),
                v3(self.r[1].dot(t.r[0]), self.r[1].dot(t.r[1]), self.r[1].dot(t.r[2])),
                v3(self.r[2].dot(t.r[0]), self.r[2].dot(t.r[1]), self.r[2].dot(t.r[2])),
            ],
        }
    }

    pub fn scale(&self, s: f32) -> M3 {
        M3 { r: [self.r[0] * s, self.r[1] * s, self.r[2] * s] }
    }

    /// Rotation by `deg` about the unit `axis` (right-handed).
    pub fn rot(axis: V3, deg: f32) -> M3 {
        let a = axis.norm();
        let (s, c) = deg.to_radians().sin_cos();
        let t = 1.0 - c;
        M3 {
            r: [
                v3(t * a.x * a.x + c, t * a.x * a.y - s * a.z, t * a.x * a.z + s * a.y),
                v3(t * a.x * a.y + s * a.z, t * a.y * a.y + c, t * a.y * a.z - s * a.x),
                v3(t * a.x * a.z - s * a.y, t * a.y * a.z + s * a.x, t * a.z * a.z + c),
            ],
        }
    }
    pub fn rot_x(deg: f32) -> M3 {
        M3::rot(v3(1.0, 0.0, 0.0), deg)
    }
    pub fn rot_y(deg: f32) -> M3 {
        M3::rot(v3(0.0, 1.0, 0.0), deg)
    }
    pub fn rot_z(deg: f32) -> M3 {
        M3::rot(v3(0.0, 0.0, 1.0), deg)
    }
}

/// What a primitive is made of. Colours are linear RGB, resolved from the skin tone
/// when the model is built.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Material {
    pub albedo: [f32; 3],
    /// Strength of the soft highlight, 0..1.
    pub spec: f32,
    /// Palm creases drawn on the volar face of an ellipsoid (palm only).
    pub creases: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// All points within `r` of the segment `a`–`b`.
    Capsule { a: V3, b: V3, r: f32 },
    /// `c + x·u + y·v + z·w` for `x²+y²+z² ≤ 1`; `u`, `v`, `w` orthogonal semi-axes.
    Ellipsoid { c: V3, axes: [V3; 3] },
}

/// Fades a primitive out along a direction: fully visible at `from`, gone at `to`.
/// Used where a limb leaves the picture (forearm, leg), so nothing is cut by the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fade {
    pub from: V3,
    pub to: V3,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prim {
    pub shape: Shape,
    pub mat: Material,
    /// Depth range (mm before scaling) over which this primitive melts into the surface
    /// it meets; 0 for a crisp join.
    pub blend: f32,
    pub fade: Option<Fade>,
    /// Primitives melt only into their own group or into group 0 (the body they grow
    /// from), so touching fingers or toes stay separate.
    pub group: u8,
}

impl Prim {
    pub fn capsule(a: V3, b: V3, r: f32, mat: Material, blend: f32) -> Prim {
        Prim { shape: Shape::Capsule { a, b, r }, mat, blend, fade: None, group: 0 }
    }

    /// An ellipsoid with semi-axis lengths `size` along the orthonormal frame `frame`
    /// (rows: the directions of the x, y and z semi-axes).
    pub fn ellipsoid(c: V3, frame: &M3, size: V3, mat: Material, blend: f32) -> Prim {
        Prim {
            shape: Shape::Ellipsoid {
                c,
                axes: [frame.r[0].norm() * size.x, frame.r[1].norm() * size.y, frame.r[2].norm() * size.z],
            },
            mat,
            blend,
            fade: None,
            group: 0,
        }
    }

    pub fn sphere(c: V3, r: f32, mat: Material, blend: f32) -> Prim {
        Prim::ellipsoid(c, &M3::IDENTITY, v3(r, r, r), mat, blend)
    }

    pub fn in_group(mut self, group: u8) -> Prim {
        self.group = group;
        self
    }

    pub fn with_fade(mut self, from: V3, to: V3) -> Prim {
        self.fade = Some(Fade { from, to });
        self
    }

    /// Applies a similarity transform `p -> m p + t` where `m` is a rotation (possibly
    /// with a reflection) times the uniform scale `s`.
    pub fn transformed(&self, m: &M3, s: f32, t: V3) -> Prim {
        let tp = |p: V3| m.apply(p) + t;
        let shape = match self.shape {
            Shape::Capsule { a, b, r } => Shape::Capsule { a: tp(a), b: tp(b), r: r * s },
            Shape::Ellipsoid { c, axes } => {
                Shape::Ellipsoid { c: tp(c), axes: [m.apply(axes[0]), m.apply(axes[1]), m.apply(axes[2])] }
            }
        };
        Prim {
            shape,
            mat: self.mat,
            blend: self.blend * s,
            fade: self.fade.map(|f| Fade { from: tp(f.from), to: tp(f.to) }),
            group: self.group,
        }
    }

    /// Axis-aligned bounds `(min, max)` in 3D.
    pub fn bounds(&self) -> (V3, V3) {
        match self.shape {
            Shape::Capsule { a, b, r } => (
                v3(a.x.min(b.x) - r, a.y.min(b.y) - r, a.z.min(b.z) - r),
                v3(a.x.max(b.x) + r, a.y.max(b.y) + r, a.z.max(b.z) + r),
            ),
            Shape::Ellipsoid { c, axes } => {
                let e =
                    |f: fn(V3) -> f32| (f(axes[0]).powi(2) + f(axes[1]).powi(2) + f(axes[2]).powi(2)).sqrt();
                let ex = e(|v| v.x);
                let ey = e(|v| v.y);
                let ez = e(|v| v.z);
                (v3(c.x - ex, c.y - ey, c.z - ez), v3(c.x + ex, c.y + ey, c.z + ez))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: V3, b: V3) -> bool {
        (a - b).len() < 1e-5
    }

    #[test]
    fn rotations_are_right_handed_and_compose() {
        assert!(close(M3::rot_z(90.0).apply(v3(1.0, 0.0, 0.0)), v3(0.0, 1.0, 0.0)));
        assert!(close(M3::rot_x(90.0).apply(v3(0.0, 1.0, 0.0)), v3(0.0, 0.0, 1.0)));
        assert!(close(M3::rot_y(90.0).apply(v3(0.0, 0.0, 1.0)), v3(1.0, 0.0, 0.0)));
        let m = M3::rot_x(30.0).mul(&M3::rot_y(40.0));
        let p = v3(0.3, -1.2, 2.0);
        assert!(close(m.apply(p), M3::rot_x(30.0).apply(M3::rot_y(40.0).apply(p))));
        assert!(close(m.transpose().apply(m.apply(p)), p));
    }

    #[test]
    fn ellipsoid_bounds_cover_rotated_axes() {
        let mat = Material { albedo: [0.5; 3], spec: 0.0, creases: false };
        let p = Prim::ellipsoid(v3(0.0, 0.0, 0.0), &M3::rot_z(45.0), v3(2.0, 1.0, 1.0), mat, 0.0);
        let (lo, hi) = p.bounds();
        let expect = (2.0f32 + 0.5).sqrt();
        assert!((hi.x - expect).abs() < 1e-5 && (lo.x + expect).abs() < 1e-5);
        assert!((hi.z - 1.0).abs() < 1e-5);
    }
}
