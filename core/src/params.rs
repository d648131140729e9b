//! The clinical parameter table: every threshold the programme uses, as a typed field
//! with its default, the range a therapist's plan may set it to, its unit and where the
//! default comes from (../shared/CLINICAL.md). Values marked judgement were not fixed by a
//! source and stay configurable.
//!
//! [`Parameters`] is checked once, when it is built ([`Parameters::set`] or reading a
//! stored copy); after that every rule reads its fields directly.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// One row of the table, for display ("why is this the rule?") and export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ParameterInfo {
    pub key: String,
    pub value: f64,
    pub default_value: f64,
    pub min: f64,
    pub max: f64,
    pub unit: String,
    pub source: String,
    /// True where no study fixed the value (a clinical judgement, configurable).
    pub judgement: bool,
}

struct Row {
    key: &'static str,
    default: f64,
    min: f64,
    max: f64,
    unit: &'static str,
    source: &'static str,
    judgement: bool,
}

/// Declares the typed struct, its defaults and the table from one list, so a field, its
/// range and its source can never drift apart.
macro_rules! parameters {
    ($($(#[$doc:meta])* $key:ident: $ty:ident = $default:literal, $min:literal..=$max:literal, $unit:literal,
       $kind:ident, $source:literal;)+) => {
        /// The values in force: the defaults, with a plan's overrides applied.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct Parameters {
            $($(#[$doc])* pub $key: $ty,)+
        }

        impl Default for Parameters {
            fn default() -> Self {
                Parameters { $($key: $default,)+ }
            }
        }

        const ROWS: &[Row] = &[$(Row {
            key: stringify!($key),
            default: $default as f64,
            min: $min as f64,
            max: $max as f64,
            unit: $unit,
            source: $source,
            judgement: parameters!(@judgement $kind),
        },)+];

        impl Parameters {
            fn value(&self, key: &str) -> Option<f64> {
                match key {
                    $(stringify!($key) => Some(self.$key as f64),)+
                    _ => None,
                }
            }

            /// Stores a value already checked against its row; whole-number fields take
            /// only whole numbers.
            fn assign(&mut self, key: &str, value: f64) -> std::result::Result<(), String> {
                match key {
                    $(stringify!($key) => {
                        let typed = value as $ty;
                        if typed as f64 != value {
                            return Err(format!("{value} is not a whole number of {}", $unit));
                        }
                        self.$key = typed;
                    })+
                    _ => return Err(format!("unknown parameter '{key}'")),
                }
                Ok(())
            }
        }
    };
    (@judgement judgement) => { true };
    (@judgement studied) => { false };
}

parameters! {
    /// Pictures in a left/right session.
    images_per_session: u32 = 50, 10..=100, "images", studied,
        "seed 002: \"50 images a day\"";
    /// Time to answer one picture.
    time_limit_ms: u32 = 5000, 2000..=60000, "ms", studied,
        "Recognise default 5 s (users adjust to 25 s); HLJT shows until response; TaskBeacon 8 s";
    /// Answers faster than this are anticipations (guesses), left out of response times.
    anticipation_ms: u32 = 300, 100..=500, "ms", judgement,
        "judgement: answers faster than this are guesses; kept, excluded from RT and counted";
    /// How long right/wrong shows after an answer.
    feedback_ms: u32 = 500, 300..=1000, "ms", studied,
        "HLJT (Moreno-Verdú 2025): 0.3–1 s feedback after each answer";
    /// Accuracy each side needs to leave stage 1.
    gate_accuracy: f64 = 0.90, 0.5..=1.0, "fraction", studied,
        "seed 002: ≥ 90 % correct before moving on";
    /// Median response time each side needs to leave stage 1.
    gate_rt_ms: u32 = 1500, 500..=10000, "ms", studied,
        "seed 002: ≤ 1.5 s per answer";
    /// How many recent completed sessions the gate looks at.
    gate_sessions: u32 = 3, 1..=10, "sessions", judgement,
        "judgement: the gate looks at the last 3 sessions";
    /// Those sessions must span at least this many different days.
    gate_min_days: u32 = 2, 1..=7, "days", judgement,
        "judgement: those sessions span at least 2 different days";
    /// The gate counts only sessions at this level of the ladder or above.
    gate_level: u32 = 6, 1..=6, "level", judgement,
        "judgement: moving on needs the hardest pictures (the ladder's top) unless a therapist sets a lower level";
    /// A session with more anticipations than this (as a fraction of its answers) is not
    /// a good session for the ladder and blocks the gate.
    gate_max_anticipations: f64 = 0.1, 0.0..=0.5, "fraction", judgement,
        "judgement: more than 1 in 10 answers under the anticipation threshold means guessing, not judging";
    /// A session in the gate's window this far below the accuracy goal on either side
    /// blocks the gate, so one bad day is not hidden in a pooled average.
    gate_drop: f64 = 0.15, 0.0..=0.5, "fraction", judgement,
        "judgement: a session more than 15 points under the accuracy goal is a sharp drop";
    /// Fixation cross between pictures.
    fixation_ms: u32 = 800, 0..=3000, "ms", studied,
        "HLJT (Moreno-Verdú 2025): an 800 ms fixation cross before each picture";
    /// Random extra fixation time, up to this much (0: always the same).
    fixation_jitter_ms: u32 = 0, 0..=1000, "ms", judgement,
        "judgement: HLJT offers a jittered fixation as an option; off by default";
    /// Unscored practice pictures before a session (0: none).
    practice_trials: u32 = 0, 0..=20, "images", judgement,
        "judgement: HLJT offers an optional practice block; off by default, a therapist may set it";
    /// Least time in a stage before moving on.
    min_days_per_stage: u32 = 14, 0..=90, "days", studied,
        "Moseley 2004 (Pain 108:192) and 2006 (Neurology 67:2129): about two weeks per stage";
    /// Consecutive sessions at the gate standard before a harder level.
    level_up_sessions: u32 = 2, 1..=10, "sessions", judgement,
        "judgement: consecutive sessions at gate standard before a harder level";
    /// Consecutive poor sessions before an easier level.
    level_down_sessions: u32 = 2, 1..=10, "sessions", judgement,
        "judgement: consecutive poor sessions before an easier level";
    /// A session below this accuracy on either side counts as poor.
    level_down_accuracy: f64 = 0.70, 0.3..=0.95, "fraction", judgement,
        "judgement: a session below this accuracy counts as poor";
    /// Days between two level changes.
    level_min_days: u32 = 1, 0..=14, "days", judgement,
        "judgement: at most one level change per day, so nobody races up the ladder";
    /// Completed sessions a stage after left/right needs (since entering it) to move on.
    stage_gate_sessions: u32 = 10, 1..=60, "sessions", judgement,
        "judgement: 10 completed sessions of the stage, about one a day over two weeks with days off";
    /// Those sessions must fall on at least this many different days.
    stage_gate_days: u32 = 7, 1..=30, "days", judgement,
        "judgement: practice spread over at least 7 different days, not crammed into a few";
    /// Motor imagery: the median vividness (1–5) of the rated sessions looked at.
    imagery_gate_vividness: f64 = 3.0, 1.0..=5.0, "rating 1-5", judgement,
        "judgement: imagined movements rated at least 3 of 5 (moderately clear) before the mirror";
    /// Mirror therapy: completed mirror sessions since the last "felt worse" answer.
    mirror_gate_calm_sessions: u32 = 5, 0..=30, "sessions", judgement,
        "judgement: 5 mirror sessions in a row without feeling worse before real movement";
    /// The flare rule's baseline: session pains over this many days before the recent ones.
    flare_baseline_days: u32 = 14, 3..=60, "days", judgement,
        "judgement: the patient's own usual pain is the median of the previous 14 days' session ratings";
    /// A baseline needs at least this many session pains; with fewer, pain raises no flare.
    flare_baseline_ratings: u32 = 3, 1..=30, "ratings", judgement,
        "judgement: at least 3 rated sessions make a baseline";
    /// How many of the latest session pains must all be above the baseline.
    flare_sessions: u32 = 3, 1..=10, "sessions", judgement,
        "judgement: pain up over 3 sessions in a row, so one bad day is not a flare";
    /// How far above the baseline (0–10 scale) counts as clearly above.
    flare_delta: u32 = 2, 1..=10, "points", judgement,
        "judgement: 2 points on the 0-10 scale, the size of change usually called clinically important (Farrar 2001)";
    /// A "felt worse" answer after mirror therapy counts as a flare for this many days.
    flare_felt_worse_days: u32 = 2, 0..=14, "days", judgement,
        "judgement: a mirror session that felt worse eases practice off for that day and the next";
    /// Pictures in a left/right session during a flare (at most; a smaller choice stands).
    flare_images_per_session: u32 = 25, 10..=100, "images", judgement,
        "judgement: half the usual 50 pictures while pain is above the patient's usual";
    /// Posture pictures in a motor imagery session.
    imagery_pictures: u32 = 8, 1..=30, "pictures", judgement,
        "judgement: 8 pictures × 3 times × 15 s is about 6 minutes, inside the 5–10 minute dose";
    /// Times the patient imagines moving into each posture and back.
    imagery_repetitions: u32 = 3, 1..=10, "times", studied,
        "seed 002 and GMI summaries: imagine moving into the pose and back, 3 or more times per image";
    /// Seconds to imagine moving into the posture and holding it.
    imagery_hold_s: u32 = 10, 3..=60, "s", judgement,
        "judgement: time to imagine moving into the pose and holding it";
    /// Seconds to imagine moving back and rest before the next repetition.
    imagery_rest_s: u32 = 5, 2..=60, "s", judgement,
        "judgement: time to imagine moving back and rest";
    /// Seconds each mirror movement is practised.
    mirror_movement_s: u32 = 30, 10..=120, "s", judgement,
        "judgement: half a minute of slow movement watched in the mirror";
    /// Seconds of rest between mirror movements.
    mirror_rest_s: u32 = 10, 0..=60, "s", judgement,
        "judgement: a short rest between movements";
    /// Completed mirror sessions (without a "felt worse") before the next level: more
    /// movements, then both limbs moving.
    mirror_sessions_per_level: u32 = 5, 1..=30, "sessions", judgement,
        "judgement: GMI summaries move from the unaffected limb alone to both limbs; when is not fixed";
    /// Minutes of touch in a desensitisation session.
    desensitise_minutes: u32 = 5, 1..=15, "minutes", studied,
        "seed 002: 5 minutes at a time, 3–5 times a day";
    /// Seconds between pain checks while touching.
    desensitise_check_s: u32 = 60, 30..=300, "s", judgement,
        "judgement: a pain check each minute of touch";
    /// Pain above this (0–10) during touch stops the session.
    desensitise_stop_pain: u32 = 3, 1..=9, "0–10", studied,
        "seed 002: stop if pain goes above 3/10";
    /// Sessions in a row without a pain stop before the next texture is offered.
    desensitise_tolerated_sessions: u32 = 3, 1..=20, "sessions", judgement,
        "judgement: seed 002 moves on when a texture is tolerated without a spike; how many sessions is not fixed";
    /// Seconds of the breathing cue before an exposure.
    exposure_breathing_s: u32 = 60, 15..=300, "s", judgement,
        "judgement: seed 000 pairs each exposure with a brief breathing cue; one minute";
    /// The next ladder step is offered when fear after an exposure has fallen by this
    /// fraction of the step's own fear rating.
    exposure_fear_drop: f64 = 0.5, 0.1..=0.9, "fraction", judgement,
        "judgement: seed 000 moves up when fear falls; halving is the common rule";
    /// Trials in a sensory discrimination drill.
    sensory_trials: u32 = 20, 5..=60, "trials", judgement,
        "judgement: seed 004 (RESOLVE) fixes no number; 20 prompts take a helper about 5 minutes";
}

impl Parameters {
    /// Sets one value by its key, refusing unknown keys and values outside the row's
    /// range; `field` names the input in the error (e.g. `plan.parameters.time_limit_ms`).
    pub fn set(&mut self, key: &str, value: f64, field: &str) -> Result<()> {
        let row = ROWS.iter().find(|r| r.key == key).ok_or_else(|| {
            let keys: Vec<&str> = ROWS.iter().map(|r| r.key).collect();
            Error::invalid(field, format!("unknown parameter '{key}'; known: {}", keys.join(", ")))
        })?;
        if !value.is_finite() || !(row.min..=row.max).contains(&value) {
            return Err(Error::invalid(
                field,
                format!("{value} is outside {}..={} {}", row.min, row.max, row.unit),
            ));
        }
        self.assign(key, value).map_err(|reason| Error::invalid(field, reason))
    }

    /// The parameters a table states (an export's), each checked as [`Parameters::set`]
    /// checks it (errors name `parameters[i].value`); a key this version does not know
    /// is from a newer app and is left at its default.
    pub fn from_table(table: &[ParameterInfo]) -> Result<Parameters> {
        let mut p = Parameters::default();
        for (i, row) in table.iter().enumerate() {
            if ROWS.iter().any(|r| r.key == row.key) {
                p.set(&row.key, row.value, &format!("parameters[{i}].value"))?;
            }
        }
        Ok(p)
    }

    /// The table with the values in force, for display and export.
    pub fn table(&self) -> Vec<ParameterInfo> {
        ROWS.iter()
            .map(|r| ParameterInfo {
                key: r.key.into(),
                value: self.value(r.key).unwrap_or(r.default),
                default_value: r.default,
                min: r.min,
                max: r.max,
                unit: r.unit.into(),
                source: r.source.into(),
                judgement: r.judgement,
            })
            .collect()
    }
}

/// How sessions store their parameters: a `{key: value}` object, or the list of pairs of
/// the first schema versions. Either way every value is range-checked on the way in, and
/// keys missing from an older copy take today's defaults.
#[derive(Deserialize)]
#[serde(untagged)]
enum Stored {
    Keyed(std::collections::BTreeMap<String, f64>),
    Pairs { values: Vec<(String, f64)> },
}

impl<'de> Deserialize<'de> for Parameters {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let pairs: Vec<(String, f64)> = match Stored::deserialize(deserializer)? {
            Stored::Keyed(map) => map.into_iter().collect(),
            Stored::Pairs { values } => values,
        };
        let mut params = Parameters::default();
        for (key, value) in pairs {
            params.set(&key, value, "parameters").map_err(serde::de::Error::custom)?;
        }
        Ok(params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_sit_inside_their_own_ranges() {
        for row in ROWS {
            assert!((row.min..=row.max).contains(&row.default), "{}", row.key);
            assert!(!row.source.is_empty());
            assert_eq!(row.judgement, row.source.starts_with("judgement"), "{}", row.key);
        }
        assert_eq!(Parameters::default().images_per_session, 50);
        assert_eq!(Parameters::default().table().len(), ROWS.len());
    }

    #[test]
    fn overrides_are_range_checked_and_typed() {
        let mut p = Parameters::default();
        p.set("time_limit_ms", 25_000.0, "f").unwrap();
        assert_eq!(p.time_limit_ms, 25_000);
        let err = p.set("time_limit_ms", 61_000.0, "plan.time_limit_ms").unwrap_err().to_string();
        assert!(err.contains("plan.time_limit_ms") && err.contains("2000..=60000"), "{err}");
        assert!(p.set("no_such", 1.0, "f").unwrap_err().to_string().contains("unknown parameter"));
        assert!(p.set("gate_accuracy", f64::NAN, "f").is_err());
        assert!(p.set("images_per_session", 20.5, "f").unwrap_err().to_string().contains("whole number"));
        p.set("gate_accuracy", 0.85, "f").unwrap();
        assert_eq!((p.time_limit_ms, p.gate_accuracy), (25_000, 0.85), "a refused value changes nothing");
    }

    #[test]
    fn stored_copies_of_both_shapes_read_back_and_are_checked() {
        let mut p = Parameters::default();
        p.set("feedback_ms", 800.0, "f").unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Parameters>(&json).unwrap(), p);
        let legacy = r#"{"values":[["images_per_session",30.0],["gate_rt_ms",1500.0]]}"#;
        let old: Parameters = serde_json::from_str(legacy).unwrap();
        assert_eq!((old.images_per_session, old.time_limit_ms), (30, 5000));
        assert!(serde_json::from_str::<Parameters>(r#"{"values":[]}"#).unwrap() == Parameters::default());
        let bad = r#"{"images_per_session": 5000}"#;
        assert!(serde_json::from_str::<Parameters>(bad).unwrap_err().to_string().contains("10..=100"));
    }
}
