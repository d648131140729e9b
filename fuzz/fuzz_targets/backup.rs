//! A backup (`import_backup`) or a shared export (`render_report`) of any bytes: a typed
//! error or a restore, never a panic; a refused backup leaves the database as it was.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proprio_core::{Proprio, WallTime, render_report};

fuzz_target!(|data: &[u8]| {
    let _ = render_report(data.to_vec());
    let dir = std::env::temp_dir().join(format!("proprio-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("fuzz.db");
    let _ = std::fs::remove_file(&path);
    let now = WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/London".into() };
    let proprio = Proprio::new(path.to_string_lossy().into_owned(), now).expect("a fresh database opens");
    if proprio.import_backup(data.to_vec(), false).is_err() {
        let status = proprio.status().expect("status after a refused backup");
        assert_eq!((status.sessions, status.trials, status.journal_entries), (0, 0, 0));
    }
    let _ = proprio.delete_all_data();
});
