//! Randomised property tests (seeded, so a failure repeats) for every parser the core has
//! today: zone names and wall times, the reminder diff JSON, reminder ids, reminder
//! settings, journal entries, therapist's plans and their share codes. Any input gives a
//! value or a typed error naming the field, never a panic, and a refused write changes
//! nothing. (CLI date-time parsing has its own
//! in cli/src/context.rs.)

use proprio_core::NewJournalEntry;
use proprio_core::SessionKind;
use proprio_core::reminders::{KindTarget, QuietHours, ReminderKey, ReminderSettings, parse_pending_json};
use proprio_core::{Proprio, ProprioError, WallTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const EARLIEST_MS: i64 = 946_684_800_000;
const LATEST_MS: i64 = 7_258_118_400_000;

fn now() -> WallTime {
    WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/Berlin".into() }
}

/// A string of `max` or fewer pieces drawn from `pieces` and arbitrary characters.
fn text(rng: &mut ChaCha8Rng, pieces: &[&str], max: usize) -> String {
    let n = rng.random_range(0..=max);
    (0..n)
        .map(|_| match rng.random_range(0..4) {
            0 => char::from_u32(rng.random_range(0..0x11000)).unwrap_or('\u{fffd}').to_string(),
            _ => pieces[rng.random_range(0..pieces.len())].to_string(),
        })
        .collect()
}

#[test]
fn wall_times_validate_or_name_the_field() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let pieces = ["Europe", "/", "London", "UTC", "Australia", "Eucla", "+", "_", "Etc/GMT", "-1"];
    for i in 0..5000 {
        let unix_ms = match i % 3 {
            0 => rng.random(),
            _ => rng.random_range(EARLIEST_MS - 10..LATEST_MS + 10),
        };
        let zone =
            if i % 50 == 0 { "x".repeat(rng.random_range(60..200_000)) } else { text(&mut rng, &pieces, 4) };
        let t = WallTime { unix_ms, zone: zone.clone() };
        match t.validate("now") {
            Ok(()) => {
                assert!((EARLIEST_MS..LATEST_MS).contains(&unix_ms));
                assert!(zone.parse::<chrono_tz::Tz>().is_ok());
                assert!(t.local().is_ok());
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.contains("now.zone") || msg.contains("now.unix_ms"), "{msg}");
                assert!(msg.len() < 300, "the message grows with the input: {} bytes", msg.len());
            }
        }
    }
}

#[test]
fn diff_json_never_panics_and_parses_the_right_shape_exactly() {
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    let pieces = [
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"id\"",
        "\"fire_at_ms\"",
        "\"reminders\"",
        "1",
        "-9e999",
        "\"a\"",
        "null",
        "\\u0000",
        " ",
    ];
    for _ in 0..20_000 {
        let _ = parse_pending_json(&text(&mut rng, &pieces, 30));
    }
    for _ in 0..2000 {
        let items: Vec<(String, i64)> = (0..rng.random_range(0..20))
            .map(|_| (text(&mut rng, &["a", "-", "2026", "é"], 8), rng.random()))
            .collect();
        let json = serde_json::to_string(
            &items.iter().map(|(id, at)| serde_json::json!({"id": id, "fire_at_ms": at})).collect::<Vec<_>>(),
        )
        .unwrap();
        match parse_pending_json(&json) {
            Ok(parsed) => {
                let got: Vec<(String, i64)> = parsed.into_iter().map(|p| (p.id, p.fire_at_ms)).collect();
                assert_eq!(got, items);
            }
            // A bound (such as no empty ids) is allowed, as a typed error naming the diff.
            Err(e) => assert!(e.to_string().starts_with("invalid diff"), "{json}: {e}"),
        }
    }
}

#[test]
fn reminder_ids_parse_to_themselves_or_are_refused() {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let pieces = ["20261123", "-", "left-right", "mirror", "motor-imagery", "0", "1", "12", "s", "99999999"];
    for _ in 0..20_000 {
        let id = text(&mut rng, &pieces, 7);
        match ReminderKey::parse(&id, "reminder_id") {
            Ok(key) => assert_eq!(key.id(), id),
            Err(e) => assert!(e.to_string().starts_with("invalid reminder_id: "), "{e}"),
        }
    }
}

#[test]
fn settings_and_journal_entries_are_stored_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let proprio = Proprio::new(dir.path().join("p.db").to_str().unwrap().into(), now()).unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(4);
    let mut stored_entries = 0;
    for _ in 0..400 {
        let before = proprio.reminder_settings().unwrap();
        let wanted = ReminderSettings {
            enabled: rng.random(),
            window_start_min: rng.random_range(-100..1600),
            window_end_min: rng.random_range(-100..1600),
            quiet_hours: (0..rng.random_range(0..3))
                .map(|_| QuietHours {
                    start_min: rng.random_range(-10..1500),
                    end_min: rng.random_range(-10..1500),
                })
                .collect(),
            weekdays: (0..rng.random_range(0..9)).map(|_| rng.random_range(0..9)).collect(),
            min_gap_min: rng.random_range(-10..800),
            jitter_min: rng.random_range(-5..80),
            targets: vec![KindTarget { kind: SessionKind::LeftRight, per_day: rng.random_range(-2..15) }],
            learn_my_times: false,
        };
        match proprio.set_reminder_settings(wanted) {
            Ok(stored) => assert_eq!(proprio.reminder_settings().unwrap(), stored),
            Err(e) => {
                let ProprioError::InvalidArgument { field, .. } = &e else { panic!("{e:?}") };
                assert!(field.starts_with("settings.") && field.len() > 9, "{field}");
                assert_eq!(proprio.reminder_settings().unwrap(), before, "a refused change wrote");
            }
        }
        let entry = NewJournalEntry {
            at: WallTime {
                unix_ms: rng.random_range(EARLIEST_MS - 5..LATEST_MS + 5),
                zone: "Europe/Berlin".into(),
            },
            pain: rng.random_range(0..14),
            fear: rng.random_bool(0.5).then(|| rng.random_range(0..14)),
            medication: rng.random(),
            sleep: None,
            note: "ü\u{1b}".repeat(rng.random_range(0..1100)),
            session_id: None,
        };
        match proprio.add_journal_entry(entry.clone()) {
            Ok(stored) => {
                assert_eq!((stored.pain, stored.fear, &stored.note), (entry.pain, entry.fear, &entry.note));
                stored_entries += 1;
            }
            Err(e) => assert!(matches!(e, ProprioError::InvalidArgument { .. }), "{e:?}"),
        }
        assert_eq!(proprio.journal_entries().unwrap().len(), stored_entries);
    }
    assert!(stored_entries > 50, "too few valid cases to mean much: {stored_entries}");
}

const FULL_PLAN: &str = include_str!("fixtures/plans/valid/full.json");

/// `text` with a few random bytes changed, inserted, removed, or cut short.
fn damaged(rng: &mut ChaCha8Rng, text: &[u8], pieces: &[&str]) -> Vec<u8> {
    let mut bytes = text.to_vec();
    for _ in 0..rng.random_range(1..=4) {
        let at = rng.random_range(0..=bytes.len());
        match rng.random_range(0..5) {
            0 if at < bytes.len() => bytes[at] = rng.random(),
            1 => bytes.splice(at..at, pieces[rng.random_range(0..pieces.len())].bytes()).for_each(drop),
            2 if at < bytes.len() => {
                bytes.remove(at);
            }
            3 => bytes.truncate(at),
            _ => bytes.splice(at..at, std::iter::repeat_n(b'[', rng.random_range(0..300))).for_each(drop),
        }
    }
    bytes
}

#[test]
fn damaged_plans_are_read_or_refused_with_bounded_problems() {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let pieces = [
        "\"",
        ",",
        "{",
        "}",
        "[",
        "]",
        ":",
        "null",
        "-1",
        "1e99",
        "91",
        "\"mirror\"",
        "\"locked\":true",
        "\"skip\":true",
        "\"format_version\":2",
        "\"x\":1",
        "\\u0000",
        "é",
        "24:00",
        "\"hand\"",
    ];
    let (mut read, mut refused) = (0, 0);
    for _ in 0..4000 {
        let text = String::from_utf8_lossy(&damaged(&mut rng, FULL_PLAN.as_bytes(), &pieces)).into_owned();
        match proprio_core::plan_to_code(text) {
            Ok(code) => {
                read += 1;
                let back = proprio_core::plan_from_code(code.clone()).unwrap();
                assert_eq!(
                    proprio_core::plan_to_code(back).unwrap(),
                    code,
                    "a plan read is written back the same"
                );
            }
            Err(ProprioError::InvalidPlan { problems }) => {
                refused += 1;
                assert!(!problems.is_empty() && problems.len() <= 51);
                for p in &problems {
                    assert!(p.path.len() < 120 && p.reason.len() < 600, "{p:?}");
                }
            }
            Err(ProprioError::NewerPlan { found, supported }) => assert!(found > u64::from(supported)),
            Err(e) => panic!("{e:?}"),
        }
    }
    assert!(read > 0 && refused > 0, "read {read}, refused {refused}");
}

#[test]
fn damaged_share_codes_are_refused_or_carry_a_checked_plan() {
    let mut rng = ChaCha8Rng::seed_from_u64(6);
    let code = proprio_core::plan_to_code(FULL_PLAN.into()).unwrap();
    let pieces = ["A", "_", "-", ".", "=", "PLAN1.", "PLAN2.", " ", "\n", "+", "/"];
    for i in 0..4000 {
        let text = if i % 2 == 0 {
            String::from_utf8_lossy(&damaged(&mut rng, code.as_bytes(), &pieces)).into_owned()
        } else {
            format!("PLAN1.{}", text(&mut rng, &["A", "b", "9", "-", "_", "QUFB", "////"], 400))
        };
        match proprio_core::plan_from_code(text.clone()) {
            Ok(json) => assert_eq!(proprio_core::plan_to_code(json).unwrap(), code, "{text}"),
            Err(ProprioError::InvalidArgument { field, reason }) => {
                assert_eq!(field, "code");
                assert!(reason.len() < 200, "{reason}");
            }
            Err(ProprioError::InvalidPlan { .. } | ProprioError::NewerPlan { .. }) => {}
            Err(e) => panic!("{text}: {e:?}"),
        }
    }
}
