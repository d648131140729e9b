//! Renderer benchmark: median time to draw a 512×512 hand and foot on one thread, and,
//! for comparison with a photo library, the median time to decode a 512×512 JPEG of the
//! same picture.
//!
//! Run: `cargo bench -p proprio-core --bench render` (release profile). Optional
//! argument: the number of timed runs per case (default 200).

use proprio_core::stimulus::{
    BodyPart, Posture, Side, StimulusContext, StimulusSpec, View, encode_png, render,
};
use std::hint::black_box;
use std::time::{Duration, Instant};
use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

const SIZE: u32 = 512;

/// Median and fastest of `runs` timed calls (after a few untimed ones). On a busy
/// machine the fastest run is the better estimate of the uncontended time.
fn time<F: FnMut()>(runs: usize, mut f: F) -> (Duration, Duration) {
    for _ in 0..runs.min(10) {
        f();
    }
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let runs = std::env::args().skip(1).find_map(|a| a.parse::<usize>().ok()).unwrap_or(200);
    let cases = [
        (
            "hand",
            StimulusSpec {
                body_part: BodyPart::Hand,
                side: Side::Left,
                view: View::Back,
                posture: Posture::Spread,
                rotation_deg: 45,
                skin_tone: 3,
                context: StimulusContext::None,
                variant: 0,
            },
        ),
        (
            "foot",
            StimulusSpec {
                body_part: BodyPart::Foot,
                side: Side::Right,
                view: View::Top,
                posture: Posture::Neutral,
                rotation_deg: 45,
                skin_tone: 3,
                context: StimulusContext::None,
                variant: 0,
            },
        ),
    ];
    println!("renderer benchmark, {SIZE}x{SIZE}, {runs} runs per case, one thread");
    for (name, spec) in cases {
        let (render_median, render_min) = time(runs, || {
            black_box(render(black_box(&spec), SIZE).unwrap());
        });
        let image = render(&spec, SIZE).unwrap();
        let (png_median, _) = time(runs.min(50), || {
            black_box(encode_png(black_box(&image)).unwrap());
        });
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 90)
            .encode(&image.rgba, SIZE as u16, SIZE as u16, jpeg_encoder::ColorType::Rgba)
            .unwrap();
        let (decode_median, decode_min) = time(runs, || {
            let opts = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGBA);
            let mut d = JpegDecoder::new_with_options(black_box(&jpeg[..]), opts);
            black_box(d.decode().unwrap());
        });
        println!(
            "{name}: render median {:.2} ms (fastest {:.2}) | JPEG {} KB q90 decode median {:.2} ms (fastest {:.2}) | render/decode {:.1} | PNG encode median {:.2} ms | {}",
            ms(render_median),
            ms(render_min),
            jpeg.len() / 1024,
            ms(decode_median),
            ms(decode_min),
            ms(render_median) / ms(decode_median),
            ms(png_median),
            spec.id()
        );
    }
}
