use super::*;
use crate::stimulus::{BodyPart, Posture, Side, StimulusContext, View};

const BG: [u8; 3] = shading::BACKGROUND_SRGB;

fn spec(body: BodyPart) -> StimulusSpec {
    StimulusSpec {
        body_part: body,
        side: Side::Right,
        view: body.views()[0],
        posture: body.postures()[0],
        rotation_deg: 0,
        skin_tone: 2,
        context: StimulusContext::None,
        variant: 0,
    }
}

fn px(img: &Image, x: u32, y: u32) -> [u8; 3] {
    let o = ((y * img.width + x) * 4) as usize;
    [img.rgba[o], img.rgba[o + 1], img.rgba[o + 2]]
}

fn is_bg(c: [u8; 3]) -> bool {
    c.iter().zip(BG).all(|(a, b)| a.abs_diff(b) <= 2)
}

/// Largest channel difference between `left` and the horizontal flip of `right`, and
/// how many pixels differ by more than 2.
fn mirror_diff(left: &Image, right: &Image) -> (u8, usize) {
    let mut worst = 0;
    let mut count = 0;
    for y in 0..left.height {
        for x in 0..left.width {
            let a = px(left, x, y);
            let b = px(right, left.width - 1 - x, y);
            let d = (0..3).map(|c| a[c].abs_diff(b[c])).max().unwrap_or(0);
            worst = worst.max(d);
            if d > 2 {
                count += 1;
            }
        }
    }
    (worst, count)
}

/// A spread of specs: for every body part, every view × posture at a few rotations,
/// skin tones and contexts.
fn sample_specs() -> Vec<StimulusSpec> {
    let mut out = Vec::new();
    let mut k = 0usize;
    for body in BodyPart::ALL {
        let rotations = body.rotations();
        for view in body.views() {
            for posture in body.postures() {
                k += 1;
                out.push(StimulusSpec {
                    view: *view,
                    posture: *posture,
                    rotation_deg: rotations[(k * 7) % rotations.len()],
                    skin_tone: (k % 6) as u8,
                    context: body.contexts()[k % body.contexts().len()],
                    ..spec(*body)
                });
            }
        }
    }
    out
}

#[test]
fn left_is_the_pixel_mirror_of_right_for_every_body_part() {
    let specs = sample_specs();
    for body in BodyPart::ALL {
        assert!(specs.iter().any(|s| s.body_part == *body));
    }
    for right in specs {
        let left = right.mirrored();
        let r = render(&right, 256).unwrap();
        let l = render(&left, 256).unwrap();
        let (worst, count) = mirror_diff(&l, &r);
        assert!(worst <= 2 || count <= 3, "{}: worst {worst}, {count} pixels differ", right.id());
        // And the picture is not symmetric itself: a left part looks different.
        if right.body_part == BodyPart::Hand || right.body_part == BodyPart::Foot {
            let (_, self_diff) = mirror_diff(&r, &r);
            assert!(self_diff > 200, "{} is nearly symmetric", right.id());
        }
    }
}

#[test]
fn the_same_spec_gives_the_same_bytes() {
    for body in BodyPart::ALL {
        let s = StimulusSpec { rotation_deg: 15, side: Side::Left, ..spec(*body) };
        let a = render(&s, 300).unwrap();
        let b = render(&s, 300).unwrap();
        assert_eq!(a, b);
        assert_eq!(encode_png(&a).unwrap(), encode_png(&b).unwrap());
    }
}

#[test]
fn every_view_posture_and_context_renders() {
    for body in BodyPart::ALL {
        for view in body.views() {
            for posture in body.postures() {
                for context in body.contexts() {
                    let s = StimulusSpec { view: *view, posture: *posture, context: *context, ..spec(*body) };
                    let img = render(&s, 256).unwrap();
                    let drawn = (0..256 * 256).filter(|i| !is_bg(px(&img, i % 256, i / 256))).count();
                    assert!(drawn > 256 * 256 / 40, "{}: only {drawn} px drawn", s.id());
                }
            }
        }
    }
}

#[test]
fn sizes_outside_256_to_1024_are_refused() {
    let s = spec(BodyPart::Hand);
    for size in [0, 1, 255, 1025, 4096, u32::MAX] {
        match render(&s, size) {
            Err(crate::Error::InvalidArgument { field, .. }) => assert_eq!(field, "size"),
            other => panic!("{size}: {other:?}"),
        }
    }
    for size in [256, 257, 1024] {
        let img = render(&s, size).unwrap();
        assert_eq!((img.width, img.height), (size, size));
        assert_eq!(img.rgba.len(), (size * size * 4) as usize);
    }
}

#[test]
fn invalid_specs_are_refused_not_drawn() {
    let bad = [
        StimulusSpec { view: View::Sole, ..spec(BodyPart::Hand) },
        StimulusSpec { rotation_deg: 90, ..spec(BodyPart::Back) },
        StimulusSpec { rotation_deg: 360, ..spec(BodyPart::Hand) },
        StimulusSpec { skin_tone: 6, ..spec(BodyPart::Foot) },
        StimulusSpec { posture: Posture::Fist, ..spec(BodyPart::Foot) },
    ];
    for s in bad {
        assert!(matches!(render(&s, 256), Err(crate::Error::InvalidArgument { .. })), "{s:?}");
    }
    // Every rotation and skin value, valid or not, answers without panicking.
    for rotation_deg in (0..=720).step_by(5) {
        for skin_tone in [0, 5, 6, 255] {
            let s = StimulusSpec { rotation_deg, skin_tone, ..spec(BodyPart::Neck) };
            let ok = s.validate().is_ok();
            assert_eq!(render(&s, 256).is_ok(), ok, "{s:?}");
        }
    }
}

/// Bounding box and centroid of the non-background pixels.
fn content(img: &Image) -> (u32, u32, u32, u32, f32, f32) {
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    let (mut sx, mut sy, mut n) = (0.0f32, 0.0f32, 0.0f32);
    for y in 0..img.height {
        for x in 0..img.width {
            if !is_bg(px(img, x, y)) {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
                sx += x as f32;
                sy += y as f32;
                n += 1.0;
            }
        }
    }
    (x0, y0, x1, y1, sx / n.max(1.0), sy / n.max(1.0))
}

#[test]
fn pictures_stay_inside_the_frame_and_near_the_centre_at_every_rotation() {
    for body in BodyPart::ALL {
        for posture in body.postures() {
            for view in body.views() {
                for rotation_deg in body.rotations() {
                    if body == &BodyPart::Hand && rotation_deg % 45 != 0 {
                        continue;
                    }
                    let s = StimulusSpec { posture: *posture, view: *view, rotation_deg, ..spec(*body) };
                    let img = render(&s, 256).unwrap();
                    let (x0, y0, x1, y1, cx, cy) = content(&img);
                    assert!(
                        x0 >= 2 && y0 >= 2 && x1 <= 253 && y1 <= 253,
                        "{} touches the edge: {x0},{y0}..{x1},{y1}",
                        s.id()
                    );
                    assert!(
                        (cx - 128.0).abs() < 56.0 && (cy - 128.0).abs() < 56.0,
                        "{} is off centre: {cx},{cy}",
                        s.id()
                    );
                    assert!(x1 - x0 > 40 || y1 - y0 > 40, "{} is tiny", s.id());
                }
            }
        }
    }
}

fn changed_pixels(a: &Image, b: &Image) -> usize {
    a.rgba
        .chunks_exact(4)
        .zip(b.rgba.chunks_exact(4))
        .filter(|(p, q)| (0..3).any(|c| p[c].abs_diff(q[c]) > 8))
        .count()
}

#[test]
fn distinct_postures_and_views_give_distinct_pictures() {
    for body in BodyPart::ALL {
        let mut seen: Vec<(String, Image)> = Vec::new();
        for view in body.views() {
            for posture in body.postures() {
                let s = StimulusSpec { view: *view, posture: *posture, ..spec(*body) };
                let img = render(&s, 256).unwrap();
                for (id, other) in &seen {
                    let changed = changed_pixels(&img, other);
                    assert!(changed > 300, "{} and {id} differ in {changed} px", s.id());
                }
                seen.push((s.id(), img));
            }
        }
    }
}

#[test]
fn skin_tones_run_from_light_to_dark_in_the_picture() {
    for body in [BodyPart::Hand, BodyPart::Foot, BodyPart::Back] {
        let mut last = f32::MAX;
        for skin_tone in 0..6 {
            let img = render(&StimulusSpec { skin_tone, ..spec(body) }, 256).unwrap();
            let (sum, n) = img
                .rgba
                .chunks_exact(4)
                .filter(|p| !is_bg([p[0], p[1], p[2]]))
                .fold((0.0, 0.0), |(s, n), p| {
                    (s + f32::from(p[0]) + f32::from(p[1]) + f32::from(p[2]), n + 1.0)
                });
            let mean = sum / n;
            assert!(mean < last - 10.0, "{body} tone {skin_tone}: {mean} vs {last}");
            last = mean;
        }
    }
}

#[test]
fn contexts_change_the_picture() {
    for body in BodyPart::ALL {
        let plain = render(&spec(*body), 256).unwrap();
        for context in &body.contexts()[1..] {
            let s = StimulusSpec { context: *context, ..spec(*body) };
            let img = render(&s, 256).unwrap();
            assert!(changed_pixels(&plain, &img) > 200, "{}", s.id());
        }
    }
}

#[test]
fn png_decodes_back_to_the_same_pixels() {
    let s = StimulusSpec { rotation_deg: 135, ..spec(BodyPart::Foot) };
    let img = render(&s, 320).unwrap();
    let bytes = encode_png(&img).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (320, 320));
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(&buf[..info.buffer_size()], &img.rgba[..]);
    assert!(encode_png(&Image { width: 3, height: 3, rgba: vec![0; 5] }).is_err());
}

#[test]
fn the_background_is_plain_and_the_light_symmetric() {
    // Corners are the plain background in every picture: nothing but the body part.
    for s in sample_specs().into_iter().step_by(5) {
        let img = render(&s, 256).unwrap();
        for (x, y) in [(0, 0), (255, 0), (0, 255), (255, 255), (128, 0)] {
            assert_eq!(px(&img, x, y), BG, "{}", s.id());
        }
    }
}

#[test]
fn pose_variants_are_distinct_pictures_that_still_mirror() {
    use crate::stimulus::spec::VARIANTS;
    for body in BodyPart::ALL {
        let mut seen: Vec<Image> = Vec::new();
        for variant in 0..VARIANTS {
            let s = StimulusSpec { variant, posture: body.postures()[1], ..spec(*body) };
            let img = render(&s, 256).unwrap();
            // Hands and feet vary visibly (pose, proportions, camera, light); the whole
            // person only by a few degrees.
            let least = if matches!(body, BodyPart::Hand | BodyPart::Foot) { 256 * 256 / 40 } else { 100 };
            for other in &seen {
                let changed = changed_pixels(&img, other);
                assert!(changed > least, "{} differs from an earlier variant in {changed} px", s.id());
            }
            let (worst, count) = mirror_diff(&render(&s.mirrored(), 256).unwrap(), &img);
            assert!(worst <= 2 || count <= 3, "{}: {worst} {count}", s.id());
            seen.push(img);
        }
    }
}

/// Mean sRGB colour of the drawn (non-background) pixels in the box `x0..x1`, `y0..y1`,
/// and how many pixels differ from their right neighbour by more than 6 levels (edges,
/// creases, knuckles).
fn region(img: &Image, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> ([f32; 3], usize) {
    let (mut sum, mut n, mut edges) = ([0.0f32; 3], 0.0f32, 0);
    for y in y0..y1 {
        for x in x0..x1 {
            let c = px(img, x, y);
            if is_bg(c) {
                continue;
            }
            for ch in 0..3 {
                sum[ch] += f32::from(c[ch]);
            }
            n += 1.0;
            let d = px(img, x + 1, y);
            if !is_bg(d) && (0..3).any(|ch| c[ch].abs_diff(d[ch]) > 6) {
                edges += 1;
            }
        }
    }
    (sum.map(|s| s / n.max(1.0)), edges)
}

#[test]
fn the_back_and_the_palm_of_a_hand_differ_at_a_glance() {
    // The middle of the hand, between the knuckles and the wrist (the framing mirrors the
    // palm view about the picture's centre, so the same box covers both): the palm is
    // lighter (for tones 2 and darker; tones 0-1 are already near the palm colour).
    let luma = |c: [f32; 3]| 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    for posture in [Posture::Flat, Posture::Spread] {
        for skin_tone in [2, 3, 5] {
            let back = StimulusSpec { posture, skin_tone, ..spec(BodyPart::Hand) };
            let palm = StimulusSpec { view: View::Palm, ..back };
            let middle = (110, 100, 146, 130);
            let (b, _) = region(&render(&back, 256).unwrap(), middle);
            let (p, _) = region(&render(&palm, 256).unwrap(), middle);
            assert!(luma(p) > luma(b) + 6.0, "{}: palm {p:?} vs back {b:?}", back.id());
        }
    }
}

#[test]
fn the_back_of_the_hand_is_calm_and_the_palm_creased() {
    // In the middle of the hand the palm's creases give clearly more edges than the back,
    // whose tendons are faint ridges: thick or raised tendons drew long parallel streaks
    // there (over half of the box's pixels were edges), which read as fingers on a fist.
    for posture in [Posture::Flat, Posture::Spread] {
        for skin_tone in [2, 3, 5] {
            let back = StimulusSpec { posture, skin_tone, ..spec(BodyPart::Hand) };
            let palm = StimulusSpec { view: View::Palm, ..back };
            let middle = (110, 100, 146, 130);
            let back_img = render(&back, 256).unwrap();
            let (_, b) = region(&back_img, middle);
            let (_, p) = region(&render(&palm, 256).unwrap(), middle);
            let drawn = (middle.1..middle.3)
                .flat_map(|y| (middle.0..middle.2).map(move |x| (x, y)))
                .filter(|&(x, y)| !is_bg(px(&back_img, x, y)))
                .count();
            assert!(p * 2 >= b * 3, "{}: palm {p} edges vs back {b}", back.id());
            assert!(b * 8 <= drawn, "{}: back has {b} edges in {drawn} px (streaks)", back.id());
        }
    }
}

/// Is the pixel drawn (not background)?
fn drawn(img: &Image, x: u32, y: u32) -> bool {
    !is_bg(px(img, x, y))
}

#[test]
fn the_heel_juts_out_behind_the_leg_in_profile() {
    // Seen from either side (toes up, the leg going off sideways), the back of the heel
    // reaches further down the picture than the back of the leg above it.
    for view in [View::InnerSide, View::OuterSide] {
        let s = StimulusSpec { view, ..spec(BodyPart::Foot) };
        let img = render(&s, 512).unwrap();
        let (x0, _, x1, _, _, _) = content(&img);
        let w = x1 - x0;
        // The sole is on the left from the inner side, on the right from the outer side.
        let column =
            |share: u32| if view == View::InnerSide { x0 + w * share / 100 } else { x1 - w * share / 100 };
        let lowest = |x: u32| (0..img.height).rev().find(|&y| drawn(&img, x, y)).unwrap_or(0);
        let heel = (5..40).map(|f| lowest(column(f))).max().unwrap();
        let leg = (55..75).map(|f| lowest(column(f))).max().unwrap();
        assert!(heel >= leg + 10, "{}: heel reaches row {heel}, the leg {leg}", s.id());
    }
}

#[test]
fn the_inner_arch_draws_the_sole_back_between_heel_and_ball() {
    // From the inner side the sole's edge (on the left, toes up) is drawn back under the
    // arch, between the heel and the ball of the foot.
    for side in Side::ALL {
        let s = StimulusSpec { view: View::InnerSide, side: *side, ..spec(BodyPart::Foot) };
        let img = render(&s, 512).unwrap();
        let (x0, y0, x1, y1, _, _) = content(&img);
        let h = y1 - y0;
        // Distance of the sole's edge from the picture's edge on the sole side, on the
        // row `share` % of the foot's length up from the heel.
        let edge = |share: u32| {
            let y = y1 - h * share / 100;
            let row = x0..=x1;
            let first = match side {
                Side::Right => row.clone().find(|&x| drawn(&img, x, y)).map(|x| x - x0),
                Side::Left => row.clone().rev().find(|&x| drawn(&img, x, y)).map(|x| x1 - x),
            };
            first.unwrap_or(0)
        };
        let heel = (10..=30).map(edge).min().unwrap();
        let ball = (66..=80).map(edge).min().unwrap();
        let arch = (46..=64).map(edge).max().unwrap();
        assert!(arch >= heel.max(ball) + 6, "{}: arch {arch} px in, heel {heel}, ball {ball}", s.id());
    }
}

/// Widths of the pieces a row splits into: drawn runs between background, each split
/// again where the brightness dips by `dip` levels and rises again (the shadowed line
/// between two touching toes). Pieces under 5 px (edges) are dropped.
fn pieces(img: &Image, y: u32, dip: f32) -> Vec<u32> {
    let luma = |x: u32| {
        let c = px(img, x, y);
        0.2126 * f32::from(c[0]) + 0.7152 * f32::from(c[1]) + 0.0722 * f32::from(c[2])
    };
    let mut out = Vec::new();
    let mut x = 0;
    while x < img.width {
        if !drawn(img, x, y) {
            x += 1;
            continue;
        }
        let start = x;
        while x < img.width && drawn(img, x, y) {
            x += 1;
        }
        let mut cuts = vec![start];
        let (mut falling, mut peak, mut low, mut low_x) = (false, luma(start), 0.0, start);
        for i in start..x {
            let v = luma(i);
            if !falling {
                peak = peak.max(v);
                if peak - v >= dip {
                    (falling, low, low_x) = (true, v, i);
                }
            } else if v < low {
                (low, low_x) = (v, i);
            } else if v - low >= dip {
                cuts.push(low_x);
                (falling, peak) = (false, v);
            }
        }
        cuts.push(x);
        out.extend(cuts.windows(2).map(|c| c[1] - c[0]).filter(|w| *w >= 5));
    }
    out
}

#[test]
fn the_toes_are_separate_and_the_big_toe_is_the_broadest() {
    // From the top, a row across the toes meets at least four separate toes, and the
    // big toe (on the left of a right foot) is the broadest by far.
    let s = spec(BodyPart::Foot);
    assert_eq!(s.view, View::Top);
    let img = render(&s, 512).unwrap();
    let (_, y0, _, y1, _, _) = content(&img);
    let best = (y0..y0 + (y1 - y0) * 3 / 10)
        .map(|y| pieces(&img, y, 10.0))
        .filter(|p| p.len() >= 4)
        .max_by_key(|p| p.len())
        .unwrap_or_else(|| panic!("{}: no row crosses four separate toes", s.id()));
    let big = best[0];
    let next = best[1..].iter().copied().max().unwrap();
    assert!(big * 10 >= next * 14, "{}: toe widths {best:?}", s.id());
}

#[test]
fn a_bent_knee_points_out_to_the_side_from_the_front_and_behind() {
    // The bent leg's knee is its outermost point, about half-way down the legs: the bend
    // lies in the picture, not towards the viewer (where it was foreshortened).
    for view in [View::Front, View::Behind] {
        let s = StimulusSpec { view, posture: Posture::Bent, ..spec(BodyPart::Knee) };
        let img = render(&s, 256).unwrap();
        let (x0, y0, x1, y1, _, _) = content(&img);
        // The person's right leg is on the left from the front and on the right from
        // behind.
        let outer = |y: u32| {
            let mut row = x0..=x1;
            match view {
                View::Front => row.find(|&x| drawn(&img, x, y)).map(|x| x1 - x),
                _ => row.rev().find(|&x| drawn(&img, x, y)).map(|x| x - x0),
            }
            .unwrap_or(0)
        };
        let widest = (y0..=y1).max_by_key(|&y| (outer(y), y)).unwrap();
        let share = (widest - y0) * 100 / (y1 - y0);
        assert!((30..=70).contains(&share), "{}: the leg is widest {share} % down", s.id());
    }
}

#[test]
fn the_palm_of_a_light_hand_is_pinker_than_its_back() {
    // The two lightest tones have backs as light as any palm, so the palm differs by
    // hue: redder (more red over green) in the middle of the hand.
    for skin_tone in [0, 1] {
        let back = StimulusSpec { skin_tone, ..spec(BodyPart::Hand) };
        let palm = StimulusSpec { view: View::Palm, ..back };
        let middle = (110, 100, 146, 130);
        let (b, _) = region(&render(&back, 256).unwrap(), middle);
        let (p, _) = region(&render(&palm, 256).unwrap(), middle);
        assert!(p[0] - p[1] >= b[0] - b[1] + 3.0, "{}: palm {p:?} vs back {b:?}", back.id());
    }
}

#[test]
fn on_the_dark_backdrop_left_still_mirrors_right_and_the_corners_are_dark() {
    for right in sample_specs().into_iter().step_by(3) {
        let r = render_on(&right, 256, Backdrop::Dark).unwrap();
        let l = render_on(&right.mirrored(), 256, Backdrop::Dark).unwrap();
        let (worst, count) = mirror_diff(&l, &r);
        assert!(worst <= 2 || count <= 3, "{}: worst {worst}, {count} pixels differ", right.id());
        for (x, y) in [(0, 0), (255, 0), (0, 255), (255, 255)] {
            assert_eq!(px(&r, x, y), shading::BACKGROUND_DARK_SRGB, "{}", right.id());
        }
        // Only the backdrop changes: the body part is drawn the same on both.
        let light = render(&right, 256).unwrap();
        let drawn =
            |img: &Image, bg: [u8; 3]| (0..256 * 256).filter(|i| px(img, i % 256, i / 256) != bg).count();
        let (on_light, on_dark) = (drawn(&light, BG), drawn(&r, shading::BACKGROUND_DARK_SRGB));
        assert!(on_light.abs_diff(on_dark) * 50 < on_light, "{}: {on_light} vs {on_dark}", right.id());
    }
}
