//! Showing an RGBA picture in a terminal: the kitty graphics protocol, iTerm2 inline
//! images, sixel, or true-colour half blocks (two pixels per character cell), which
//! every modern terminal draws.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Protocol {
    Kitty,
    Iterm,
    Sixel,
    Blocks,
}

impl Protocol {
    /// Guesses what the terminal supports from its environment.
    pub fn detect() -> Protocol {
        let var = |k: &str| std::env::var(k).unwrap_or_default();
        if var("TERM") == "xterm-kitty"
            || !var("KITTY_WINDOW_ID").is_empty()
            || var("TERM_PROGRAM") == "ghostty"
        {
            Protocol::Kitty
        } else if matches!(var("TERM_PROGRAM").as_str(), "iTerm.app" | "WezTerm") {
            Protocol::Iterm
        } else if var("TERM").contains("sixel") || var("TERM") == "mlterm" || var("TERM").starts_with("foot")
        {
            Protocol::Sixel
        } else {
            Protocol::Blocks
        }
    }
}

/// An RGBA picture to show.
pub struct Picture<'a> {
    pub width: u32,
    pub height: u32,
    pub rgba: &'a [u8],
    /// The same picture as PNG, for the protocols that take files.
    pub png: &'a [u8],
}

/// Escape sequences drawing `pic` at the cursor, about `cols` character cells wide.
pub fn encode(pic: &Picture, protocol: Protocol, cols: u16) -> String {
    match protocol {
        Protocol::Kitty => kitty(pic.png, cols),
        Protocol::Iterm => iterm(pic.png, cols),
        Protocol::Sixel => sixel(pic),
        Protocol::Blocks => blocks(pic, cols),
    }
}

fn kitty(png: &[u8], cols: u16) -> String {
    let data = STANDARD.encode(png);
    let chunks: Vec<&[u8]> = data.as_bytes().chunks(4096).collect();
    let mut out = String::new();
    for (i, chunk) in chunks.iter().enumerate() {
        let more = u8::from(i + 1 < chunks.len());
        let chunk = std::str::from_utf8(chunk).unwrap_or_default();
        if i == 0 {
            let _ = write!(out, "\x1b_Gf=100,a=T,c={cols},m={more};{chunk}\x1b\\");
        } else {
            let _ = write!(out, "\x1b_Gm={more};{chunk}\x1b\\");
        }
    }
    out.push_str("\r\n");
    out
}

fn iterm(png: &[u8], cols: u16) -> String {
    format!(
        "\x1b]1337;File=inline=1;size={};width={cols};preserveAspectRatio=1:{}\x07\r\n",
        png.len(),
        STANDARD.encode(png)
    )
}

/// Averages the pixels of the box `[x0, x1) × [y0, y1)`.
fn average(pic: &Picture, x0: u32, x1: u32, y0: u32, y1: u32) -> [u8; 3] {
    let mut sum = [0u32; 3];
    let mut n = 0u32;
    for y in y0..y1.max(y0 + 1).min(pic.height) {
        for x in x0..x1.max(x0 + 1).min(pic.width) {
            let i = ((y * pic.width + x) * 4) as usize;
            for (total, value) in sum.iter_mut().zip(&pic.rgba[i..i + 3]) {
                *total += u32::from(*value);
            }
            n += 1;
        }
    }
    let n = n.max(1);
    [(sum[0] / n) as u8, (sum[1] / n) as u8, (sum[2] / n) as u8]
}

/// Half blocks: each cell shows two vertically stacked pixels (foreground ▀ over
/// background), so a `cols`-wide picture is `cols / 2` lines tall and looks square.
fn blocks(pic: &Picture, cols: u16) -> String {
    let cols = u32::from(cols.max(8));
    let rows = cols / 2;
    let mut out = String::new();
    for row in 0..rows {
        for col in 0..cols {
            let x0 = col * pic.width / cols;
            let x1 = (col + 1) * pic.width / cols;
            let ytop = (2 * row) * pic.height / (2 * rows);
            let ymid = (2 * row + 1) * pic.height / (2 * rows);
            let ybot = (2 * row + 2) * pic.height / (2 * rows);
            let [r, g, b] = average(pic, x0, x1, ytop, ymid);
            let [r2, g2, b2] = average(pic, x0, x1, ymid, ybot);
            let _ = write!(out, "\x1b[38;2;{r};{g};{b}m\x1b[48;2;{r2};{g2};{b2}m▀");
        }
        out.push_str("\x1b[0m\r\n");
    }
    out
}

/// Sixel with a fixed 6×6×6 colour cube (216 registers), enough for shaded skin on a
/// plain background and free of any palette search.
fn sixel(pic: &Picture) -> String {
    let level = |v: u8| (u32::from(v) * 5 + 127) / 255;
    let index: Vec<u32> =
        pic.rgba.chunks_exact(4).map(|p| level(p[0]) * 36 + level(p[1]) * 6 + level(p[2])).collect();
    let mut out = String::from("\x1bPq");
    let _ = write!(out, "\"1;1;{};{}", pic.width, pic.height);
    for i in 0..216u32 {
        let pct = |l: u32| l * 100 / 5;
        let _ = write!(out, "#{i};2;{};{};{}", pct(i / 36), pct(i / 6 % 6), pct(i % 6));
    }
    for band in (0..pic.height).step_by(6) {
        let mut used: Vec<u32> = Vec::new();
        for y in band..(band + 6).min(pic.height) {
            for x in 0..pic.width {
                let c = index[(y * pic.width + x) as usize];
                if !used.contains(&c) {
                    used.push(c);
                }
            }
        }
        for (n, colour) in used.iter().enumerate() {
            let _ = write!(out, "#{colour}");
            for x in 0..pic.width {
                let mut bits = 0u8;
                for dy in 0..6 {
                    let y = band + dy;
                    if y < pic.height && index[(y * pic.width + x) as usize] == *colour {
                        bits |= 1 << dy;
                    }
                }
                out.push((63 + bits) as char);
            }
            out.push(if n + 1 < used.len() { '$' } else { '-' });
        }
    }
    out.push_str("\x1b\\\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_by_two() -> Vec<u8> {
        // red, green / blue, white
        vec![255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]
    }

    #[test]
    fn half_blocks_put_top_pixels_in_front_and_bottom_pixels_behind() {
        let rgba = two_by_two();
        let pic = Picture { width: 2, height: 2, rgba: &rgba, png: &[] };
        let out = blocks(&pic, 8); // 8 cols, 4 rows; first cell samples red over ... rows
        let first_line = out.lines().next().unwrap();
        assert!(first_line.starts_with("\x1b[38;2;255;0;0m\x1b[48;2;255;0;0m▀"), "{first_line:?}");
        let last_line = out.lines().nth(3).unwrap();
        assert!(last_line.ends_with("\x1b[38;2;255;255;255m\x1b[48;2;255;255;255m▀\x1b[0m"), "{last_line:?}");
        assert_eq!(out.matches('▀').count(), 8 * 4);
    }

    #[test]
    fn sixel_and_inline_protocols_are_framed() {
        let rgba = two_by_two();
        let pic = Picture { width: 2, height: 2, rgba: &rgba, png: b"\x89PNG fake" };
        let s = encode(&pic, Protocol::Sixel, 10);
        assert!(
            s.starts_with("\x1bPq\"1;1;2;2") && s.contains("#180;2;100;0;0") && s.ends_with("\x1b\\\r\n")
        );
        assert!(encode(&pic, Protocol::Kitty, 10).starts_with("\x1b_Gf=100,a=T,c=10,m=0;"));
        assert!(encode(&pic, Protocol::Iterm, 10).starts_with("\x1b]1337;File=inline=1;size=9;"));
    }
}
