//! `proprio stimulus …`: draw body-part pictures with the same renderer the phones use.

use super::font;
use crate::output::CliError;
use clap::Subcommand;
use proprio_core::stimulus::render::{MAX_SIZE, MIN_SIZE};
use proprio_core::stimulus::spec::{SKIN_TONES, VARIANTS};
use proprio_core::stimulus::{
    BodyPart, Image, Posture, Side, StimulusContext, StimulusSpec, View, encode_png, render,
};
use proprio_core::stimulus_metadata;
use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum StimulusCommand {
    /// Draw one picture to a PNG file.
    Render {
        /// Body part: hand, foot, back, neck, knee, shoulder.
        #[arg(long, default_value = "hand")]
        body_part: String,
        /// left or right (for back and neck: the side the person turns or bends to).
        #[arg(long, default_value = "right")]
        side: String,
        /// View. hand: back, palm, thumb-side, little-finger-side; foot: top, sole,
        /// inner-side, outer-side; back, neck, knee, shoulder: behind, front.
        /// Default: the body part's first view.
        #[arg(long)]
        view: Option<String>,
        /// Posture. hand: flat, spread, fist, pointing, thumbs-up, pinch, grip, ok-sign;
        /// foot: neutral, pointed, pulled-up, toes-curled, turned-in, turned-out;
        /// back, neck: turn, bend; knee: straight, bent; shoulder: arm-forward, arm-out,
        /// hand-behind-head. Default: the body part's first posture.
        #[arg(long)]
        posture: Option<String>,
        /// Rotation from upright in degrees, a multiple of 15 (0..345; 15..165 lateral,
        /// 195..345 medial). Back, neck, knee, shoulder: 0, 15, 30, 330, 345 only.
        #[arg(long, default_value_t = 0)]
        rotation: u16,
        /// Skin tone, 0 (lightest) to 5 (darkest).
        #[arg(long, default_value_t = 2)]
        skin: u8,
        /// Context: none, sleeve (hand, shoulder), shoe (foot, knee), object (hand,
        /// shoulder).
        #[arg(long, default_value = "none")]
        context: String,
        /// Natural variation of the pose, 0 to 7 (small joint and camera differences).
        #[arg(long, default_value_t = 0)]
        variant: u8,
        /// Picture edge in pixels, 256 to 1024.
        #[arg(long, default_value_t = 512)]
        size: u32,
        /// Where to write the PNG.
        #[arg(long)]
        out: PathBuf,
    },
    /// Draw a labelled contact sheet of many variants of one body part, for review.
    Sheet {
        /// Body part: hand, foot, back, neck, knee, shoulder.
        #[arg(long, default_value = "hand")]
        body_part: String,
        /// Edge of one cell's picture in pixels (64 to 1024; below 256 the picture is
        /// drawn at 256 and scaled down).
        #[arg(long, default_value_t = 192)]
        size: u32,
        /// Where to write the sheet PNG.
        #[arg(long)]
        out: PathBuf,
    },
    /// Draw N random pictures and a manifest.json listing each file's full spec.
    Random {
        /// Seed: the same seed gives the same pictures.
        #[arg(long)]
        seed: u64,
        /// How many pictures, 1 to 10000.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10_000))]
        count: u32,
        /// Only this body part (default: any).
        #[arg(long)]
        body_part: Option<String>,
        /// Skin tone 0..5 for every picture (default: random).
        #[arg(long)]
        skin: Option<u8>,
        /// Picture edge in pixels, 256 to 1024.
        #[arg(long, default_value_t = 512)]
        size: u32,
        /// Output folder (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(cmd: StimulusCommand) -> Result<(), CliError> {
    match cmd {
        StimulusCommand::Render {
            body_part,
            side,
            view,
            posture,
            rotation,
            skin,
            context,
            variant,
            size,
            out,
        } => {
            let body = BodyPart::parse(&body_part, "body-part").map_err(err)?;
            let spec = StimulusSpec {
                body_part: body,
                side: Side::parse(&side, "side").map_err(err)?,
                view: match view {
                    Some(v) => View::parse(&v, "view").map_err(err)?,
                    None => body.views()[0],
                },
                posture: match posture {
                    Some(p) => Posture::parse(&p, "posture").map_err(err)?,
                    None => body.postures()[0],
                },
                rotation_deg: rotation,
                skin_tone: skin,
                context: StimulusContext::parse(&context, "context").map_err(err)?,
                variant,
            };
            render_one(&spec, size, &out)
        }
        StimulusCommand::Sheet { body_part, size, out } => sheet(&body_part, size, &out),
        StimulusCommand::Random { seed, count, body_part, skin, size, out } => {
            let body = body_part.map(|b| BodyPart::parse(&b, "body-part")).transpose().map_err(err)?;
            if let Some(s) = skin
                && s >= SKIN_TONES
            {
                return Err(CliError::usage(format!("invalid skin: {s} is outside 0..={}", SKIN_TONES - 1)));
            }
            if !(MIN_SIZE..=MAX_SIZE).contains(&size) {
                return Err(CliError::usage(format!(
                    "invalid size: {size} px is outside {MIN_SIZE}..={MAX_SIZE}"
                )));
            }
            random_set(seed, count, body, skin, size, &out)
        }
    }
}

/// `stimulus render`: one picture to a PNG, and its id, rotation and difficulty printed.
fn render_one(spec: &StimulusSpec, size: u32, out: &Path) -> Result<(), CliError> {
    let image = render(spec, size).map_err(err)?;
    write_png(out, &image)?;
    println!("{}", describe(spec));
    Ok(())
}

/// `stimulus sheet`: the labelled contact sheet of one body part.
fn sheet(body_part: &str, size: u32, out: &Path) -> Result<(), CliError> {
    let body = BodyPart::parse(body_part, "body-part").map_err(err)?;
    if !(64..=MAX_SIZE).contains(&size) {
        return Err(CliError::usage(format!("invalid size: {size} is outside 64..={MAX_SIZE}")));
    }
    let sheet = contact_sheet(body, size)?;
    write_png(out, &sheet)?;
    println!("{} sheet: {}x{} px -> {}", body, sheet.width, sheet.height, out.display());
    Ok(())
}

/// `stimulus random`: `count` pictures drawn from `seed`, and a manifest of their specs.
fn random_set(
    seed: u64,
    count: u32,
    body: Option<BodyPart>,
    skin: Option<u8>,
    size: u32,
    out: &Path,
) -> Result<(), CliError> {
    std::fs::create_dir_all(out)
        .map_err(|e| CliError::failure(format!("cannot create {}: {e}", out.display())))?;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut entries = Vec::new();
    for i in 0..count {
        let spec = random_spec(&mut rng, body, skin);
        let file = format!("{i:04}.png");
        let image = render(&spec, size).map_err(err)?;
        write_png(&out.join(&file), &image)?;
        entries.push(manifest_entry(&file, spec)?);
    }
    let manifest = serde_json::json!({
        "seed": seed,
        "count": count,
        "size": size,
        "pictures": entries,
    });
    let path = out.join("manifest.json");
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| CliError::failure(e.to_string()))?;
    std::fs::write(&path, text + "\n")
        .map_err(|e| CliError::failure(format!("cannot write {}: {e}", path.display())))?;
    println!("{count} pictures and manifest.json -> {}", out.display());
    Ok(())
}

/// One picture's line in `manifest.json`: its file, full spec and metadata.
fn manifest_entry(file: &str, spec: StimulusSpec) -> Result<serde_json::Value, CliError> {
    let meta = stimulus_metadata(spec)?;
    Ok(serde_json::json!({
        "file": file,
        "id": spec.id(),
        "variant": meta.variant,
        "spec": spec,
        "rotation_deg": meta.rotation_deg,
        "screen_rotation_clockwise_deg": meta.screen_rotation_clockwise_deg,
        "rotation_direction": meta.rotation_direction,
        "view": meta.view,
        "posture": meta.posture,
        "difficulty": meta.difficulty,
    }))
}

fn err(e: proprio_core::Error) -> CliError {
    proprio_core::ProprioError::from(e).into()
}

fn describe(spec: &StimulusSpec) -> String {
    format!(
        "{} rotation {}° {} difficulty {:.3}",
        spec.id(),
        spec.rotation_deg,
        spec.rotation_direction(),
        spec.difficulty()
    )
}

fn write_png(path: &Path, image: &Image) -> Result<(), CliError> {
    if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("png")) {
        return Err(CliError::usage(format!("--out: {} must end in .png (PNG only)", path.display())));
    }
    let bytes = encode_png(image).map_err(err)?;
    std::fs::write(path, bytes)
        .map_err(|e| CliError::failure(format!("cannot write {}: {e}", path.display())))
}

fn pick<T: Copy>(rng: &mut impl Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

fn random_spec(rng: &mut impl Rng, body: Option<BodyPart>, skin: Option<u8>) -> StimulusSpec {
    let body_part = body.unwrap_or_else(|| pick(rng, BodyPart::ALL));
    StimulusSpec {
        body_part,
        side: pick(rng, Side::ALL),
        view: pick(rng, body_part.views()),
        posture: pick(rng, body_part.postures()),
        rotation_deg: pick(rng, &body_part.rotations()),
        skin_tone: skin.unwrap_or_else(|| rng.random_range(0..SKIN_TONES)),
        context: pick(rng, body_part.contexts()),
        variant: rng.random_range(0..VARIANTS),
    }
}

/// Every posture × view × side upright, then rotations, skin tones and contexts.
fn sheet_cells(body: BodyPart) -> Vec<StimulusSpec> {
    let base = StimulusSpec {
        body_part: body,
        side: Side::Right,
        view: body.views()[0],
        posture: body.postures()[0],
        rotation_deg: 0,
        skin_tone: 1,
        context: StimulusContext::None,
        variant: 0,
    };
    let mut cells = Vec::new();
    for (i, posture) in body.postures().iter().enumerate() {
        for view in body.views() {
            for side in Side::ALL {
                cells.push(StimulusSpec {
                    side: *side,
                    view: *view,
                    posture: *posture,
                    skin_tone: (i % 6) as u8,
                    ..base
                });
            }
        }
    }
    let rotations = body.rotations();
    let step = (rotations.len() / 8).max(1);
    for side in Side::ALL {
        for r in rotations.iter().step_by(step) {
            cells.push(StimulusSpec {
                side: *side,
                rotation_deg: *r,
                posture: body.postures()[2 % body.postures().len()],
                ..base
            });
        }
    }
    for variant in 0..VARIANTS {
        cells.push(StimulusSpec { variant, posture: body.postures()[1 % body.postures().len()], ..base });
    }
    for skin in 0..SKIN_TONES {
        cells.push(StimulusSpec { skin_tone: skin, ..base });
    }
    for context in body.contexts() {
        cells.push(StimulusSpec {
            context: *context,
            posture: body.postures()[1 % body.postures().len()],
            ..base
        });
    }
    cells
}

fn contact_sheet(body: BodyPart, cell: u32) -> Result<Image, CliError> {
    let cells = sheet_cells(body);
    let cols = (body.views().len() * 2).max(8);
    let rows = cells.len().div_ceil(cols);
    let cell = cell as usize;
    let label_h = 22;
    let pad = 4;
    let w = cols * (cell + pad) + pad;
    let h = rows * (cell + label_h + pad) + pad;
    let mut rgba = vec![255u8; w * h * 4];
    for (k, spec) in cells.iter().enumerate() {
        let (cx, cy) = (k % cols, k / cols);
        let x0 = pad + cx * (cell + pad);
        let y0 = pad + cy * (cell + label_h + pad);
        let drawn = render(spec, (cell as u32).max(MIN_SIZE)).map_err(err)?;
        let small = downscale(&drawn, cell);
        for y in 0..cell {
            let src = &small[y * cell * 4..(y + 1) * cell * 4];
            let o = ((y0 + y) * w + x0) * 4;
            rgba[o..o + cell * 4].copy_from_slice(src);
        }
        let side = if spec.side == Side::Left { "l" } else { "r" };
        let line1 = format!("{side} {} {}", spec.view, spec.posture);
        let line2 = format!(
            "{}° {} s{} v{} {}",
            spec.rotation_deg,
            spec.rotation_direction(),
            spec.skin_tone,
            spec.variant,
            spec.context
        );
        let dark = [30, 30, 30];
        let fit = |t: String| {
            let max = cell / 6;
            t.chars().take(max).collect::<String>()
        };
        font::draw_text(&mut rgba, w, x0, y0 + cell + 2, &fit(line1), 1, dark);
        font::draw_text(&mut rgba, w, x0, y0 + cell + 12, &fit(line2), 1, dark);
    }
    Ok(Image { width: w as u32, height: h as u32, rgba })
}

/// Box-filters a square RGBA picture down to `size × size` (or returns it unchanged).
fn downscale(image: &Image, size: usize) -> Vec<u8> {
    let src = image.width as usize;
    if src == size {
        return image.rgba.clone();
    }
    let mut out = vec![0u8; size * size * 4];
    for y in 0..size {
        let sy0 = y * src / size;
        let sy1 = ((y + 1) * src / size).max(sy0 + 1);
        for x in 0..size {
            let sx0 = x * src / size;
            let sx1 = ((x + 1) * src / size).max(sx0 + 1);
            let mut acc = [0u32; 4];
            for sy in sy0..sy1 {
                for sx in sx0..sx1 {
                    let o = (sy * src + sx) * 4;
                    for (a, v) in acc.iter_mut().zip(&image.rgba[o..o + 4]) {
                        *a += u32::from(*v);
                    }
                }
            }
            let n = ((sy1 - sy0) * (sx1 - sx0)) as u32;
            let o = (y * size + x) * 4;
            for (v, a) in out[o..o + 4].iter_mut().zip(acc) {
                *v = ((a + n / 2) / n) as u8;
            }
        }
    }
    out
}
