//! An encrypted export of any bytes, decrypted whole (`decrypt_export`) and as a stream
//! into the report (`report_file`): the plain export or a typed error, never a panic, and
//! a refused file leaves no report behind. An input is tried as it is (a foreign file,
//! a damaged header) or as the body of a real encrypted export after its intact header
//! (damaged, cut or extra chunks), which mutation alone could never reach: the header's
//! MAC is keyed by the passphrase.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proprio_core::{ExportFormat, Proprio, WallTime, decrypt_export, report_file};
use std::path::PathBuf;
use std::sync::LazyLock;

const PASS: &str = "correct horse battery";

fn dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("proprio-fuzz-decrypt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    dir
}

/// A real export of a new database, sealed with scrypt work 2^1 so that every run is
/// cheap (the core accepts up to 2^22), cut after its header line `--- …\n`.
static SEALED_HEADER: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let now = WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/London".into() };
    let db = dir().join("sample.db");
    let proprio = Proprio::new(db.to_string_lossy().into_owned(), now.clone()).expect("a new database");
    let json = proprio.export(ExportFormat::Json, None, None, now).expect("an export").remove(0).bytes;
    let mut recipient = age::scrypt::Recipient::new(PASS.to_string().into());
    recipient.set_work_factor(1);
    let sealed = age::encrypt(&recipient, &json).expect("sealed");
    assert_eq!(decrypt_export(sealed.clone(), PASS.into()).expect("opens"), json);
    let end = sealed.windows(4).position(|w| w == b"\n---").expect("an age header");
    let end = end + 1 + sealed[end + 1..].iter().position(|&b| b == b'\n').expect("a MAC line") + 1;
    sealed[..end].to_vec()
});

// The input's first byte picks the case: bit 0 the bytes as they are or after the real
// header, bit 1 whole or streamed (each decryption first times scrypt on this machine,
// age's own calibration, so one decryption per input keeps the run fast).
fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = if mode & 1 == 0 { rest.to_vec() } else { [SEALED_HEADER.as_slice(), rest].concat() };
    if mode & 2 == 0 {
        let _ = decrypt_export(bytes, PASS.into());
        return;
    }
    let (input, report) = (dir().join("in.age"), dir().join("report.html"));
    std::fs::write(&input, &bytes).expect("the input written");
    let _ = std::fs::remove_file(&report);
    if report_file(&input, Some(PASS), &report).is_err() {
        assert!(!report.exists(), "a refused export left a report");
    }
});
