//! The reminder diff parser (`reminders --diff FILE`, `plan_reminders`' pending list as
//! JSON): any bytes give a list or a typed error, never a panic; a parsed list diffs
//! against an empty plan without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proprio_core::reminders::{diff, parse_pending_json};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(pending) = parse_pending_json(text) {
            let d = diff(&[], &pending);
            // Nothing planned: every pending id is cancelled, once, and nothing else.
            assert!(d.to_schedule.is_empty() && d.to_cancel.len() <= pending.len());
            assert!(d.to_cancel.iter().all(|id| pending.iter().any(|p| &p.id == id)));
        }
    }
});
