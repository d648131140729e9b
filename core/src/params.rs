//! The clinical parameter table: every threshold the programme uses, its default, the
//! range a therapist's plan may set it to, and where the default comes from
//! (../shared/CLINICAL.md). Values marked judgement were not fixed by a source.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// One row of the table, for display ("why is this the rule?") and validation.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
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

const ROWS: &[Row] = &[
    Row {
        key: "images_per_session",
        default: 50.0,
        min: 10.0,
        max: 100.0,
        unit: "images",
        source: "seed 002: \"50 images a day\"",
        judgement: false,
    },
    Row {
        key: "time_limit_ms",
        default: 5000.0,
        min: 2000.0,
        max: 60000.0,
        unit: "ms",
        source: "Recognise default 5 s (users adjust to 25 s); HLJT shows until response; TaskBeacon 8 s",
        judgement: false,
    },
    Row {
        key: "anticipation_ms",
        default: 300.0,
        min: 100.0,
        max: 500.0,
        unit: "ms",
        source: "judgement: answers faster than this are guesses; kept, excluded from RT and counted",
        judgement: true,
    },
    Row {
        key: "feedback_ms",
        default: 500.0,
        min: 300.0,
        max: 1000.0,
        unit: "ms",
        source: "HLJT (Moreno-Verdú 2025): 0.3–1 s feedback after each answer",
        judgement: false,
    },
    Row {
        key: "gate_accuracy",
        default: 0.90,
        min: 0.5,
        max: 1.0,
        unit: "fraction",
        source: "seed 002: ≥ 90 % correct before moving on",
        judgement: false,
    },
    Row {
        key: "gate_rt_ms",
        default: 1500.0,
        min: 500.0,
        max: 10000.0,
        unit: "ms",
        source: "seed 002: ≤ 1.5 s per answer",
        judgement: false,
    },
    Row {
        key: "gate_sessions",
        default: 3.0,
        min: 1.0,
        max: 10.0,
        unit: "sessions",
        source: "judgement: the gate looks at the last 3 sessions",
        judgement: true,
    },
    Row {
        key: "gate_min_days",
        default: 2.0,
        min: 1.0,
        max: 7.0,
        unit: "days",
        source: "judgement: those sessions span at least 2 different days",
        judgement: true,
    },
    Row {
        key: "min_days_per_stage",
        default: 14.0,
        min: 0.0,
        max: 90.0,
        unit: "days",
        source: "Moseley 2004 (Pain 108:192) and 2006 (Neurology 67:2129): about two weeks per stage",
        judgement: false,
    },
    Row {
        key: "level_up_sessions",
        default: 2.0,
        min: 1.0,
        max: 10.0,
        unit: "sessions",
        source: "judgement: consecutive sessions at gate standard before a harder level",
        judgement: true,
    },
    Row {
        key: "level_down_sessions",
        default: 2.0,
        min: 1.0,
        max: 10.0,
        unit: "sessions",
        source: "judgement: consecutive poor sessions before an easier level",
        judgement: true,
    },
    Row {
        key: "level_down_accuracy",
        default: 0.70,
        min: 0.3,
        max: 0.95,
        unit: "fraction",
        source: "judgement: a session below this accuracy counts as poor",
        judgement: true,
    },
    Row {
        key: "level_min_days",
        default: 1.0,
        min: 0.0,
        max: 14.0,
        unit: "days",
        source: "judgement: at most one level change per day, so nobody races up the ladder",
        judgement: true,
    },
];

/// The values in force: the defaults, with a plan's overrides applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parameters {
    values: Vec<(String, f64)>,
}

impl Default for Parameters {
    fn default() -> Self {
        Parameters { values: ROWS.iter().map(|r| (r.key.to_string(), r.default)).collect() }
    }
}

impl Parameters {
    /// Sets one value, refusing unknown keys and values outside the row's range.
    pub fn set(&mut self, key: &str, value: f64) -> Result<()> {
        let row = ROWS.iter().find(|r| r.key == key).ok_or_else(|| {
            let keys: Vec<&str> = ROWS.iter().map(|r| r.key).collect();
            Error::invalid("parameter", format!("unknown parameter '{key}'; known: {}", keys.join(", ")))
        })?;
        if !(row.min..=row.max).contains(&value) || !value.is_finite() {
            return Err(Error::invalid(
                key,
                format!("{value} is outside {}..={} {}", row.min, row.max, row.unit),
            ));
        }
        if let Some(slot) = self.values.iter_mut().find(|(k, _)| k == key) {
            slot.1 = value;
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> f64 {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| *v)
            .or_else(|| ROWS.iter().find(|r| r.key == key).map(|r| r.default))
            .unwrap_or(f64::NAN)
    }

    pub fn get_u32(&self, key: &str) -> u32 {
        self.get(key).round() as u32
    }

    /// The table with the values in force, for display and export.
    pub fn table(&self) -> Vec<ParameterInfo> {
        ROWS.iter()
            .map(|r| ParameterInfo {
                key: r.key.into(),
                value: self.get(r.key),
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
        assert_eq!(Parameters::default().get_u32("images_per_session"), 50);
    }

    #[test]
    fn overrides_are_range_checked() {
        let mut p = Parameters::default();
        p.set("time_limit_ms", 25_000.0).unwrap();
        assert_eq!(p.get_u32("time_limit_ms"), 25_000);
        assert!(p.set("time_limit_ms", 61_000.0).unwrap_err().to_string().contains("time_limit_ms"));
        assert!(p.set("no_such", 1.0).unwrap_err().to_string().contains("unknown parameter"));
        assert!(p.set("gate_accuracy", f64::NAN).is_err());
        assert_eq!(p.get_u32("time_limit_ms"), 25_000, "a refused value changes nothing");
    }
}
