//! The share code as a QR code (the `qrcode` crate): SVG, PNG and terminal text. Error
//! correction level M (15 % of the code may be damaged), with the standard quiet zone.

use crate::error::{Error, Result};
use qrcode::render::{svg, unicode};
use qrcode::{Color, EcLevel, QrCode};

/// Pixels per QR module in the PNG.
const PNG_MODULE_PX: usize = 8;
/// The light border around a QR code, in modules (the standard's minimum).
const QUIET_ZONE: usize = 4;
/// Smallest side of the SVG, in its user units.
const SVG_MIN_SIZE: u32 = 256;

fn qr(code: &str) -> Result<QrCode> {
    QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M)
        .map_err(|e| Error::invalid("code", format!("does not fit in a QR code ({e})")))
}

/// An SVG image of the code.
pub fn svg(code: &str) -> Result<String> {
    Ok(qr(code)?.render::<svg::Color>().min_dimensions(SVG_MIN_SIZE, SVG_MIN_SIZE).build())
}

/// A greyscale PNG of the code.
pub fn png(code: &str) -> Result<Vec<u8>> {
    let qr = qr(code)?;
    let modules = qr.width();
    let colors = qr.to_colors();
    let side = (modules + 2 * QUIET_ZONE) * PNG_MODULE_PX;
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + QUIET_ZONE, i / modules + QUIET_ZONE);
        for y in my * PNG_MODULE_PX..(my + 1) * PNG_MODULE_PX {
            pixels[y * side + mx * PNG_MODULE_PX..y * side + (mx + 1) * PNG_MODULE_PX].fill(0);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| Error::InvalidState(format!("PNG: {e}")))?;
    writer.write_image_data(&pixels).map_err(|e| Error::InvalidState(format!("PNG: {e}")))?;
    writer.finish().map_err(|e| Error::InvalidState(format!("PNG: {e}")))?;
    Ok(out)
}

/// The code in block characters, two modules a character row. For a terminal drawing
/// light text on dark (`light_on_dark`), light modules are drawn as blocks.
pub fn text(code: &str, light_on_dark: bool) -> Result<String> {
    let qr = qr(code)?;
    let mut renderer = qr.render::<unicode::Dense1x2>();
    if light_on_dark {
        renderer.dark_color(unicode::Dense1x2::Light).light_color(unicode::Dense1x2::Dark);
    }
    Ok(renderer.quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::code;
    use crate::plan::tests::full_plan;

    /// Decodes a PNG with rqrr, a QR decoder we did not write.
    fn read_png(bytes: &[u8]) -> String {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let (w, h) = (info.width as usize, info.height as usize);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().unwrap().1
    }

    #[test]
    fn the_png_decodes_back_to_the_same_plan() {
        let plan = full_plan();
        let share = code::encode(&plan);
        let read = read_png(&png(&share).unwrap());
        assert_eq!(read, share);
        assert_eq!(code::decode(&read).unwrap(), plan);
    }

    #[test]
    fn svg_and_text_draw_the_same_code() {
        let share = code::encode(&full_plan());
        let modules = qr(&share).unwrap().width();
        let svg = svg(&share).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("<path"), "{svg}");
        let text = text(&share, true).unwrap();
        assert_eq!(text.lines().count(), (modules + 2 * QUIET_ZONE).div_ceil(2));
        assert!(text.lines().all(|l| l.chars().count() == modules + 2 * QUIET_ZONE));
        assert!(super::svg(&"A".repeat(5000)).unwrap_err().to_string().contains("QR code"));
    }
}
