//! A therapist's plan document and a share code of any bytes: a checked plan or a typed
//! error, never a panic; a plan that reads is written back to the same share code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proprio_core::{plan_from_code, plan_to_code};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(code) = plan_to_code(text.clone()) {
        let json = plan_from_code(code.clone()).expect("a plan's own code reads");
        assert_eq!(plan_to_code(json).expect("a decoded plan reads"), code);
    }
    if let Ok(json) = plan_from_code(text) {
        plan_to_code(json).expect("a decoded plan reads");
    }
});
