//! Colours and light. Skin tones, the background and the single light are chosen here.
//!
//! The light is symmetric about the picture's vertical axis (from the viewer, a little
//! from above), so shading never tells left from right: a mirrored scene is lit exactly
//! like the original.

use super::geometry::{Material, V3, v3};

/// Skin tones from light (0) to dark (5), sRGB. Six steps spanning the usual range of
/// photographic skin-tone scales.
const SKIN_SRGB: [[u8; 3]; 6] =
    [[243, 214, 194], [230, 186, 154], [206, 154, 118], [168, 114, 78], [122, 80, 52], [82, 54, 38]];

/// The plain background, sRGB: a neutral light grey, the same for every picture.
pub const BACKGROUND_SRGB: [u8; 3] = [226, 228, 231];
/// The dark backdrop, sRGB: a neutral grey light enough that the darkest skin tone
/// still stands out from it, dark enough not to glare beside a dark theme.
pub const BACKGROUND_DARK_SRGB: [u8; 3] = [58, 60, 64];

pub fn srgb_to_linear(c: u8) -> f32 {
    let c = f32::from(c) / 255.0;
    if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

pub fn linear(rgb: [u8; 3]) -> [f32; 3] {
    rgb.map(srgb_to_linear)
}

fn mix(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

/// The materials one model needs, resolved for a skin tone.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub skin: Material,
    /// Palms and soles: lighter and pinker than the back of the hand or foot.
    pub volar: Material,
    pub palm_creases: Material,
    pub nail: Material,
    pub hair: Material,
    pub cloth: Material,
    pub cloth_dark: Material,
    pub object: Material,
}

impl Palette {
    pub fn new(skin_tone: u8) -> Palette {
        let tone = usize::from(skin_tone.min(5));
        let skin = linear(SKIN_SRGB[tone]);
        // Palms and soles: lighter than the back for darker tones; for the two lightest
        // tones, whose backs are already as light, pinker instead (mixing towards the
        // same light pink left them within two levels of the back).
        let (target, volar_mix) = match tone {
            0 => (linear([226, 158, 148]), 0.4),
            1 => (linear([228, 164, 152]), 0.36),
            _ => (linear([236, 196, 184]), 0.2 + 0.1 * tone as f32),
        };
        let volar = mix(skin, target, volar_mix);
        let nail = mix(skin, linear([238, 206, 200]), 0.45 + 0.06 * tone as f32);
        let m = |albedo: [f32; 3], spec: f32| Material { albedo, spec, creases: false };
        Palette {
            skin: m(skin, 0.35),
            volar: m(volar, 0.3),
            palm_creases: Material { creases: true, ..m(volar, 0.3) },
            nail: m(nail, 0.9),
            hair: m(linear([58, 44, 36]), 0.25),
            cloth: m(linear([92, 112, 138]), 0.05),
            cloth_dark: m(linear([64, 70, 82]), 0.08),
            object: m(linear([150, 160, 150]), 0.5),
        }
    }
}

/// The single light, in screen space (x right, y up, z to the viewer). Its x component
/// is always zero, so a mirrored scene is lit exactly like the original.
#[derive(Debug, Clone, Copy)]
pub struct Light {
    /// Direction towards the light.
    dir: V3,
    /// Half-vector between the light and the viewer, for the highlight.
    half: V3,
    /// Light from all around, before the part facing the viewer gets a little more.
    ambient: f32,
    /// Strength of the direct light.
    direct: f32,
}

impl Light {
    /// A light from the viewer and above: `t` in −1..1 moves it from low (8°) and soft
    /// (more ambient) to high (42°) and hard; 0 is the canonical light, 25° up. Pose
    /// variants use it, so their pictures differ in light too.
    pub fn varied(t: f32) -> Light {
        let elevation = (25.0 + 17.0 * t).to_radians();
        let (sin, cos) = elevation.sin_cos();
        let half = v3(0.0, sin, 1.0 + cos).norm();
        Light { dir: v3(0.0, sin, cos), half, ambient: 0.16 - 0.05 * t, direct: 0.88 + 0.1 * t }
    }

    /// Shades a fragment: wrapped Lambert (soft, skin-like), a little ambient from the
    /// viewer's side, darkening in creases (`ao`) and a broad soft highlight.
    pub fn shade(&self, n: V3, albedo: [f32; 3], spec: f32, ao: f32) -> [f32; 3] {
        let ndl = n.dot(self.dir);
        let wrap = 0.4;
        let diffuse = ((ndl + wrap) / (1.0 + wrap)).max(0.0);
        let ambient = self.ambient + 0.10 * n.z.max(0.0);
        let light = (ambient + self.direct * diffuse) * ao;
        let ndh = n.dot(self.half).max(0.0);
        let ndh2 = ndh * ndh;
        let ndh4 = ndh2 * ndh2;
        let ndh8 = ndh4 * ndh4;
        let highlight = spec * 0.10 * ndh8 * ndh8 * ao;
        [albedo[0] * light + highlight, albedo[1] * light + highlight, albedo[2] * light + highlight]
    }
}

/// Linear → sRGB byte lookup with 4096 steps.
pub struct SrgbLut {
    table: Vec<u8>,
}

impl SrgbLut {
    const STEPS: usize = 4096;

    pub fn new() -> SrgbLut {
        let table = (0..Self::STEPS)
            .map(|i| {
                let c = i as f32 / (Self::STEPS - 1) as f32;
                let s = if c <= 0.003_130_8 { c * 12.92 } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 };
                (s * 255.0 + 0.5).clamp(0.0, 255.0) as u8
            })
            .collect();
        SrgbLut { table }
    }

    pub fn encode(&self, c: f32) -> u8 {
        let i = (c.clamp(0.0, 1.0) * (Self::STEPS - 1) as f32 + 0.5) as usize;
        self.table[i.min(Self::STEPS - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skin_tones_run_from_light_to_dark() {
        let luma = |c: [u8; 3]| 0.2126 * c[0] as f32 + 0.7152 * c[1] as f32 + 0.0722 * c[2] as f32;
        for w in SKIN_SRGB.windows(2) {
            assert!(luma(w[0]) > luma(w[1]) + 15.0);
        }
    }

    #[test]
    fn light_is_symmetric_and_lut_round_trips() {
        for t in [-1.0, -0.3, 0.0, 0.6, 1.0] {
            let l = Light::varied(t);
            assert_eq!((l.dir.x, l.half.x), (0.0, 0.0));
            assert!((l.dir.len() - 1.0).abs() < 1e-5 && (l.half.len() - 1.0).abs() < 1e-5);
        }
        let lut = SrgbLut::new();
        for c in [0u8, 1, 17, 128, 200, 255] {
            let back = lut.encode(srgb_to_linear(c));
            assert!((i16::from(back) - i16::from(c)).abs() <= 1, "{c} -> {back}");
        }
    }
}
