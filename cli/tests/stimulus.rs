//! Runs the `proprio stimulus` commands end to end and checks their files.

use proprio_core::stimulus::StimulusSpec;
use std::path::Path;
use std::process::Command;

fn proprio(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_proprio")).args(args).output().expect("run proprio")
}

/// Width, height and RGBA pixels of a PNG file.
fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap();
    let mut reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn render_writes_a_png_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fist.png");
    let o = proprio(&[
        "stimulus",
        "render",
        "--body-part",
        "hand",
        "--side",
        "left",
        "--view",
        "back",
        "--posture",
        "fist",
        "--rotation",
        "90",
        "--skin",
        "3",
        "--size",
        "300",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("hand:left:back:fist:090:s3:none"), "{stdout}");
    assert!(stdout.contains("lateral"), "{stdout}");
    let (w, h, rgba) = read_png(&out);
    assert_eq!((w, h, rgba.len()), (300, 300, 300 * 300 * 4));
}

#[test]
fn render_refuses_bad_flags_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png");
    let out = out.to_str().unwrap();
    for (args, field) in [
        (vec!["--size", "100"], "size"),
        (vec!["--posture", "neutral"], "posture"),
        (vec!["--rotation", "10"], "rotation"),
        (vec!["--side", "up"], "side"),
    ] {
        let mut all = vec!["stimulus", "render", "--out", out];
        all.extend(args);
        let o = proprio(&all);
        assert!(!o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(field), "{field}: {err}");
    }
    assert!(!Path::new(out).exists());
}

#[test]
fn help_documents_every_render_flag() {
    let o = proprio(&["stimulus", "render", "--help"]);
    let help = String::from_utf8_lossy(&o.stdout);
    for flag in [
        "--body-part",
        "--side",
        "--view",
        "--posture",
        "--rotation",
        "--skin",
        "--context",
        "--size",
        "--out",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
}

#[test]
fn sheet_draws_a_labelled_grid() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.png");
    let o = proprio(&[
        "stimulus",
        "sheet",
        "--body-part",
        "foot",
        "--size",
        "96",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (w, h, rgba) = read_png(&out);
    // 8 columns of 96 px cells plus gaps; many rows.
    assert_eq!(w, 8 * (96 + 4) + 4);
    assert!(h > 6 * 96, "{h}");
    // Label text is drawn in near-black somewhere on the white sheet.
    assert!(rgba.chunks_exact(4).any(|p| p[0] < 40 && p[1] < 40 && p[2] < 40));
}

#[test]
fn random_writes_pictures_and_a_manifest_that_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let run = |sub: &str| {
        let out = dir.path().join(sub);
        let o = proprio(&[
            "stimulus",
            "random",
            "--seed",
            "7",
            "--count",
            "6",
            "--size",
            "256",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out
    };
    let a = run("a");
    let text = std::fs::read_to_string(a.join("manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    let pictures = manifest["pictures"].as_array().unwrap();
    assert_eq!(pictures.len(), 6);
    for p in pictures {
        let id = p["id"].as_str().unwrap();
        let spec = StimulusSpec::from_id(id).unwrap();
        let from_json: StimulusSpec = serde_json::from_value(p["spec"].clone()).unwrap();
        assert_eq!(spec, from_json);
        assert_eq!(p["rotation_deg"], u64::from(spec.rotation_deg));
        assert!(p["rotation_direction"].is_string());
        assert!(p["difficulty"].as_f64().unwrap() >= 0.0);
        let (w, h, _) = read_png(&a.join(p["file"].as_str().unwrap()));
        assert_eq!((w, h), (256, 256));
    }
    // The same seed gives the same pictures.
    let b = run("b");
    assert_eq!(std::fs::read_to_string(b.join("manifest.json")).unwrap(), text);
    for p in pictures {
        let f = p["file"].as_str().unwrap();
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap());
    }
}
