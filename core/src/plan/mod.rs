//! The therapist's plan: a versioned JSON document (docs/plan.md, docs/plan.schema.json)
//! that sets a patient's tracks and stage order, overrides parameters, daily targets and
//! the reminder window, and carries instructions for the patient. Pure rules: text in, a
//! checked [`TherapyPlan`] or every problem with its path out ([`parse`]); the compact share
//! code ([`code`]), its QR picture ([`qr`]), what changed between two plans
//! ([`changes`]) and a plan as the patient offers it, with its typed refusals ([`input`]).

pub mod changes;
mod check;
pub mod code;
pub mod input;
pub mod qr;

pub use check::{MAX_PLAN_BYTES, parse};
pub use input::PlanReadProblem;

use crate::error::Result;
use crate::params::Parameters;
use crate::programme::{Stage, StageMinDays, StagePlan, Track};
use crate::reminders::{KindTarget, QuietHours, ReminderSettings};
use crate::stimulus::{BodyPart, Side};
use crate::text::text_enum;
use serde_json::{Map, Value, json};

/// The document's `format`.
pub const FORMAT: &str = "proprio-plan";
/// The newest `format_version` this build reads (and the one it writes).
pub const FORMAT_VERSION: u32 = 1;

/// A checked plan. Built only by [`parse`] (or [`TherapyPlan::template`]), so every value is in
/// range; its JSON form is [`TherapyPlan::to_json`].
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TherapyPlan {
    /// The day the therapist wrote it, `YYYY-MM-DD`.
    pub created: String,
    pub author: Option<String>,
    pub clinic: Option<String>,
    /// One track per body part, each for the painful side.
    pub tracks: Vec<PlanTrack>,
    /// Parameter overrides, by key, in key order; every other parameter keeps its default.
    pub parameters: Vec<ParameterOverride>,
    /// Sessions a day per kind; `None` leaves the patient's targets as they are, a list
    /// replaces them (kinds not listed get none).
    pub daily_targets: Option<Vec<KindTarget>>,
    /// The waking window reminders fire in; `None` leaves it as it is.
    pub reminder_window: Option<TimeSpan>,
    /// Daily periods without reminders; `None` leaves them as they are.
    pub quiet_hours: Option<Vec<QuietHours>>,
    /// Free text for the patient, shown as written.
    pub instructions: Option<String>,
}

/// One body part's track: its stages in the order the patient goes through them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanTrack {
    pub body_part: BodyPart,
    /// The painful side.
    pub side: Side,
    pub track: Track,
    /// Every stage of the track once, in the therapist's order.
    pub stages: Vec<PlanStage>,
}

/// One stage of a track as the therapist set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct PlanStage {
    pub stage: Stage,
    /// Least days in this stage before moving on; `None`: the `min_days_per_stage`
    /// parameter.
    pub min_days: Option<u32>,
    /// Left out of this patient's programme.
    pub skip: bool,
    /// The patient stays in this stage until the therapist sends a new plan.
    pub locked: bool,
}

/// A parameter set by the plan.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ParameterOverride {
    pub key: String,
    pub value: f64,
}

/// A daily period in minutes after local midnight, `end` exclusive (1440 = midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct TimeSpan {
    pub start_min: i32,
    pub end_min: i32,
}

text_enum!(
    /// How a plan arrived.
    PlanSource {
        /// A JSON file from the therapist.
        File => "file",
        /// A share code, typed or scanned from a QR code.
        Code => "code",
    }
);

/// One problem found in a plan: where (`tracks[0].stages[2].min_days`) and what.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanProblem {
    /// The place in the document; `plan` for the document as a whole.
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for PlanProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl PlanTrack {
    /// The track as the stage machine follows it: the therapist's order, skips, lock and
    /// minimum days.
    pub fn stage_plan(&self) -> StagePlan {
        StagePlan {
            track: self.track,
            order: self.stages.iter().map(|s| s.stage).collect(),
            skipped: self.stages.iter().filter(|s| s.skip).map(|s| s.stage).collect(),
            locked: self.stages.iter().find(|s| s.locked).map(|s| s.stage),
            min_days: self
                .stages
                .iter()
                .filter_map(|s| s.min_days.map(|days| StageMinDays { stage: s.stage, days }))
                .collect(),
        }
    }
}

impl TherapyPlan {
    /// The track the plan sets for a body part.
    pub fn track_for(&self, body_part: BodyPart) -> Option<&PlanTrack> {
        self.tracks.iter().find(|t| t.body_part == body_part)
    }

    /// The parameters in force under this plan: the defaults with its overrides.
    pub fn parameters(&self) -> Result<Parameters> {
        let mut params = Parameters::default();
        for o in &self.parameters {
            params.set(&o.key, o.value, &format!("parameters.{}", o.key))?;
        }
        Ok(params)
    }

    /// The reminder settings with this plan's window, quiet hours and daily targets
    /// (each left as it is where the plan does not set it). Not yet validated.
    pub fn reminder_settings(&self, current: &ReminderSettings) -> ReminderSettings {
        let mut s = current.clone();
        if let Some(TimeSpan { start_min, end_min }) = self.reminder_window {
            (s.window_start_min, s.window_end_min) = (start_min, end_min);
        }
        if let Some(quiet) = &self.quiet_hours {
            s.quiet_hours = quiet.clone();
        }
        if let Some(targets) = &self.daily_targets {
            s.targets = targets.clone();
        }
        s
    }

    /// A plan for a therapist to edit: a track with every stage for each painful area,
    /// every parameter at `params`, and the given targets and window.
    pub fn template(
        created: &str,
        areas: &[(BodyPart, Side)],
        params: &Parameters,
        targets: &[KindTarget],
        window: TimeSpan,
        quiet_hours: &[QuietHours],
    ) -> TherapyPlan {
        let mut tracks: Vec<PlanTrack> = Vec::new();
        for &(body_part, side) in areas {
            if tracks.iter().any(|t| t.body_part == body_part) {
                continue; // one track per body part; the first side listed
            }
            let track = Track::for_body_part(body_part);
            let stages = track
                .stages()
                .iter()
                .map(|&stage| PlanStage {
                    stage,
                    min_days: Some(params.min_days_per_stage.max(1)),
                    skip: false,
                    locked: false,
                })
                .collect();
            tracks.push(PlanTrack { body_part, side, track, stages });
        }
        let mut parameters: Vec<ParameterOverride> = params
            .table()
            .into_iter()
            .map(|row| ParameterOverride { key: row.key, value: row.value })
            .collect();
        // The order the document is read back in.
        parameters.sort_by(|a, b| a.key.cmp(&b.key));
        TherapyPlan {
            created: created.to_string(),
            author: None,
            clinic: None,
            tracks,
            parameters,
            daily_targets: Some(targets.to_vec()),
            reminder_window: Some(window),
            quiet_hours: Some(quiet_hours.to_vec()),
            instructions: None,
        }
    }

    /// The document, pretty-printed or compact (for the share code). [`parse`] reads it
    /// back to the same plan.
    pub fn to_json(&self, pretty: bool) -> String {
        let value = self.to_value();
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
        // A Value of strings and finite numbers always serialises.
        text.unwrap_or_default()
    }

    fn to_value(&self) -> Value {
        let mut doc = Map::new();
        doc.insert("format".into(), json!(FORMAT));
        doc.insert("format_version".into(), json!(FORMAT_VERSION));
        doc.insert("created".into(), json!(self.created));
        for (key, value) in [("author", &self.author), ("clinic", &self.clinic)] {
            if let Some(v) = value {
                doc.insert(key.into(), json!(v));
            }
        }
        let tracks: Vec<Value> = self.tracks.iter().map(track_value).collect();
        doc.insert("tracks".into(), Value::Array(tracks));
        let params: Map<String, Value> =
            self.parameters.iter().map(|o| (o.key.clone(), number(o.value))).collect();
        doc.insert("parameters".into(), Value::Object(params));
        if let Some(targets) = &self.daily_targets {
            let t: Map<String, Value> =
                targets.iter().map(|t| (t.kind.as_str().into(), json!(t.per_day))).collect();
            doc.insert("daily_targets".into(), Value::Object(t));
        }
        let mut reminders = Map::new();
        if let Some(w) = self.reminder_window {
            reminders.insert("window".into(), json!(span_text(w.start_min, w.end_min)));
        }
        if let Some(quiet) = &self.quiet_hours {
            let q: Vec<Value> = quiet.iter().map(|q| json!(span_text(q.start_min, q.end_min))).collect();
            reminders.insert("quiet_hours".into(), Value::Array(q));
        }
        if !reminders.is_empty() {
            doc.insert("reminders".into(), Value::Object(reminders));
        }
        if let Some(text) = &self.instructions {
            doc.insert("instructions".into(), json!(text));
        }
        Value::Object(doc)
    }
}

fn track_value(t: &PlanTrack) -> Value {
    let stages: Vec<Value> = t
        .stages
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("stage".into(), json!(s.stage.as_str()));
            if let Some(d) = s.min_days {
                m.insert("min_days".into(), json!(d));
            }
            if s.skip {
                m.insert("skip".into(), json!(true));
            }
            if s.locked {
                m.insert("locked".into(), json!(true));
            }
            Value::Object(m)
        })
        .collect();
    json!({
        "body_part": t.body_part.as_str(),
        "side": t.side.as_str(),
        "track": t.track.as_str(),
        "stages": stages,
    })
}

/// Whole numbers as integers (`50`, not `50.0`), so the document reads as a person wrote it.
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 { json!(x as i64) } else { json!(x) }
}

/// `HH:MM-HH:MM`, the form the document writes periods in.
fn span_text(start_min: i32, end_min: i32) -> String {
    format!("{:02}:{:02}-{:02}:{:02}", start_min / 60, start_min % 60, end_min / 60, end_min % 60)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::check::MAX_INSTRUCTIONS_CHARS;
    use super::*;
    use crate::error::Error;

    /// A plan using every field: a locked first stage, a skipped one, overrides, targets,
    /// a window, quiet hours and instructions.
    pub(crate) const FULL: &str = r#"{
        "format": "proprio-plan",
        "format_version": 1,
        "created": "2026-11-30",
        "author": "A. Therapist",
        "clinic": "Pain Clinic",
        "tracks": [
            {"body_part": "hand", "side": "left", "track": "gmi", "stages": [
                {"stage": "left-right", "min_days": 10, "locked": true},
                {"stage": "motor-imagery"},
                {"stage": "mirror", "min_days": 14},
                {"stage": "graded-movement", "skip": false}
            ]},
            {"body_part": "back", "side": "right", "stages": [
                {"stage": "sensory-discrimination", "skip": true},
                {"stage": "left-right"},
                {"stage": "motor-imagery"},
                {"stage": "graded-movement"}
            ]}
        ],
        "parameters": {"images_per_session": 30, "time_limit_ms": 8000, "gate_accuracy": 0.85},
        "daily_targets": {"left-right": 3, "motor-imagery": 2},
        "reminders": {"window": "09:00-20:30", "quiet_hours": ["12:30-13:30", "22:00-07:00"]},
        "instructions": "Three short sessions a day.\nStop if the pain rises."
    }"#;

    pub(crate) fn full_plan() -> TherapyPlan {
        parse(FULL).unwrap()
    }

    /// The problems a document has, as `path: reason` lines.
    fn problems(text: &str) -> Vec<String> {
        match parse(text) {
            Err(Error::InvalidPlan { problems }) => problems.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    }

    /// FULL with `edit` applied to its JSON value.
    fn edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(FULL).unwrap();
        edit(&mut v);
        v.to_string()
    }

    fn has(problems: &[String], path: &str, words: &str) -> bool {
        problems.iter().any(|p| p.starts_with(&format!("{path}: ")) && p.contains(words))
    }

    #[test]
    fn a_full_plan_reads_and_writes_back_the_same() {
        let plan = full_plan();
        assert_eq!(plan.tracks.len(), 2);
        let hand = plan.track_for(BodyPart::Hand).unwrap();
        assert_eq!((hand.side, hand.track), (Side::Left, Track::Gmi));
        assert!(hand.stages[0].locked && hand.stages[0].min_days == Some(10));
        let back = plan.track_for(BodyPart::Back).unwrap();
        assert_eq!(back.track, Track::Resolve, "a back's default track");
        assert!(back.stages[0].skip);
        assert!(plan.track_for(BodyPart::Foot).is_none());
        let params = plan.parameters().unwrap();
        assert_eq!((params.images_per_session, params.time_limit_ms, params.gate_accuracy), (30, 8000, 0.85));
        assert_eq!(params.feedback_ms, Parameters::default().feedback_ms);
        assert_eq!(plan.reminder_window, Some(TimeSpan { start_min: 540, end_min: 1230 }));
        assert_eq!(plan.quiet_hours.as_ref().unwrap()[1], QuietHours { start_min: 1320, end_min: 420 });
        for pretty in [true, false] {
            assert_eq!(parse(&plan.to_json(pretty)).unwrap(), plan);
        }
        assert!(plan.to_json(false).contains(r#""images_per_session":30"#), "whole numbers stay whole");
    }

    #[test]
    fn the_smallest_plan_is_format_version_and_date() {
        let plan = parse(r#"{"format":"proprio-plan","format_version":1,"created":"2026-01-01"}"#).unwrap();
        assert!(plan.tracks.is_empty() && plan.parameters.is_empty());
        assert_eq!((&plan.daily_targets, plan.reminder_window, &plan.quiet_hours), (&None, None, &None));
        assert_eq!(plan.parameters().unwrap(), Parameters::default());
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_path() {
        let text = edited(|v| {
            v["colour"] = json!("blue");
            v["tracks"][0]["stages"][2]["min_days"] = json!(91);
            v["tracks"][0]["stages"][1]["speed"] = json!(1);
            v["parameters"]["images_per_session"] = json!(5000);
            v["parameters"]["no_such"] = json!(1);
            v["parameters"]["time_limit_ms"] = json!("slow");
            v["daily_targets"]["mirror"] = json!(13);
            v["daily_targets"]["yoga"] = json!(1);
            v["reminders"]["window"] = json!("21:00-08:00");
            v["reminders"]["quiet_hours"][0] = json!("25:00-26:00");
            v["created"] = json!("30.11.2026");
            v["author"] = json!(7);
        });
        let p = problems(&text);
        assert!(has(&p, "colour", "unknown field"), "{p:#?}");
        assert!(has(&p, "tracks[0].stages[2].min_days", "must be 1–90"), "{p:#?}");
        assert!(has(&p, "tracks[0].stages[1].speed", "unknown field"), "{p:#?}");
        assert!(has(&p, "parameters.images_per_session", "10..=100"), "{p:#?}");
        assert!(has(&p, "parameters.no_such", "unknown parameter"), "{p:#?}");
        assert!(has(&p, "parameters.time_limit_ms", "must be a number"), "{p:#?}");
        assert!(has(&p, "daily_targets.mirror", "0–12"), "{p:#?}");
        assert!(has(&p, "daily_targets.yoga", "unknown session kind"), "{p:#?}");
        assert!(has(&p, "reminders.window", "end after it starts"), "{p:#?}");
        assert!(has(&p, "reminders.quiet_hours[0]", "HH:MM-HH:MM"), "{p:#?}");
        assert!(has(&p, "created", "YYYY-MM-DD"), "{p:#?}");
        assert!(has(&p, "author", "must be text"), "{p:#?}");
        assert_eq!(p.len(), 12, "{p:#?}");
    }

    #[test]
    fn stage_lists_are_checked_against_the_track() {
        let p = problems(&edited(|v| v["tracks"][0]["stages"][1]["stage"] = json!("juggling")));
        assert!(has(&p, "tracks[0].stages[1].stage", "\"juggling\" is not one of: left-right"), "{p:#?}");
        let p = problems(&edited(|v| v["tracks"][1]["stages"][0]["stage"] = json!("mirror")));
        assert!(has(&p, "tracks[1].stages[0].stage", "mirror is not a stage of the resolve track"), "{p:#?}");
        let p = problems(&edited(|v| v["tracks"][0]["stages"][1]["stage"] = json!("left-right")));
        assert!(has(&p, "tracks[0].stages[1].stage", "listed twice"), "{p:#?}");
        let p = problems(&edited(|v| {
            v["tracks"][0]["stages"].as_array_mut().unwrap().pop();
        }));
        assert!(has(&p, "tracks[0].stages", "misses graded-movement"), "{p:#?}");
        let p = problems(&edited(|v| v["tracks"][0]["stages"][1]["locked"] = json!(true)));
        assert!(has(&p, "tracks[0].stages[1].locked", "only one stage"), "{p:#?}");
        let p = problems(&edited(|v| v["tracks"][0]["stages"][0]["skip"] = json!(true)));
        assert!(has(&p, "tracks[0].stages[0]", "locked and skipped at once"), "{p:#?}");
        let p = problems(&edited(|v| {
            for s in v["tracks"][1]["stages"].as_array_mut().unwrap() {
                s["skip"] = json!(true);
            }
        }));
        assert!(has(&p, "tracks[1].stages", "every stage is skipped"), "{p:#?}");
        let p = problems(&edited(|v| v["tracks"][0]["stages"][0]["locked"] = json!("yes")));
        assert!(has(&p, "tracks[0].stages[0].locked", "true or false"), "{p:#?}");
    }

    #[test]
    fn tracks_are_checked() {
        let p = problems(&edited(|v| {
            v["tracks"][1]["body_part"] = json!("hand");
            v["tracks"][1]["track"] = json!("resolve");
        }));
        assert!(has(&p, "tracks[1].body_part", "hand has a track already (tracks[0])"), "{p:#?}");
        let p = problems(&edited(|v| v["tracks"][1]["track"] = json!("gmi")));
        assert!(has(&p, "tracks[1].track", "a mirror cannot show the back"), "{p:#?}");
        let p = problems(&edited(|v| {
            v["tracks"][0].as_object_mut().unwrap().remove("side");
            v["tracks"][1]["body_part"] = json!("tail");
        }));
        assert!(has(&p, "tracks[0].side", "is missing"), "{p:#?}");
        assert!(has(&p, "tracks[1].body_part", "not one of"), "{p:#?}");
        let p = problems(&edited(|v| v["tracks"] = json!({"hand": "left"})));
        assert!(has(&p, "tracks", "must be a list"), "{p:#?}");
    }

    #[test]
    fn whole_document_problems_stop_at_the_first() {
        let whole = |text: &str| problems(text).join("\n");
        assert!(whole("").contains("plan: is empty"));
        assert!(whole("  \n").contains("plan: is empty"));
        assert!(whole("{\"format\": ").contains("plan: is not JSON"));
        assert!(whole("[1, 2]").contains("must be a JSON object, not a list"));
        assert!(whole("{}").contains("this is not a plan"));
        assert!(whole(r#"{"format": "proprio-export"}"#).contains("\"proprio-export\""));
        let big =
            format!("{{\"format\":\"proprio-plan\",\"instructions\":\"{}\"}}", "a".repeat(MAX_PLAN_BYTES));
        assert!(whole(&big).contains("at most 65536"));
        let p = problems(r#"{"format":"proprio-plan","created":"2026-01-01"}"#);
        assert_eq!(p, vec!["format_version: is missing"]);
        let p = problems(r#"{"format":"proprio-plan","format_version":0,"created":"2026-01-01"}"#);
        assert!(has(&p, "format_version", "from 1"));
    }

    #[test]
    fn a_newer_format_version_is_refused_with_update_the_app() {
        let text = edited(|v| {
            v["format_version"] = json!(2);
            v["hologram"] = json!(true);
        });
        let err = parse(&text).unwrap_err();
        assert!(matches!(err, Error::NewerPlan { found: 2, supported: 1 }), "{err:?}");
        assert!(err.to_string().contains("update the app"));
    }

    #[test]
    fn text_fields_are_bounded_and_free_of_control_characters() {
        let p = problems(&edited(|v| v["instructions"] = json!("x".repeat(MAX_INSTRUCTIONS_CHARS + 1))));
        assert!(has(&p, "instructions", "at most 2000"), "{p:#?}");
        let p = problems(&edited(|v| v["instructions"] = json!("clear\u{1b}[2J")));
        assert!(has(&p, "instructions", "control characters"), "{p:#?}");
        let p = problems(&edited(|v| v["clinic"] = json!("a\nb")));
        assert!(has(&p, "clinic", "control characters"), "{p:#?}");
        parse(&edited(|v| v["instructions"] = json!("line one\n\tline two"))).unwrap();
    }

    #[test]
    fn problems_are_capped_and_never_echo_long_input() {
        let mut doc = serde_json::Map::new();
        doc.insert("format".into(), json!(FORMAT));
        doc.insert("format_version".into(), json!(1));
        doc.insert("created".into(), json!("2026-01-01"));
        for i in 0..500 {
            doc.insert(format!("{}{i}", "k".repeat(60)), json!(1));
        }
        let p = problems(&Value::Object(doc).to_string());
        assert_eq!(p.len(), 51);
        assert!(p.last().unwrap().contains("and 450 more problems"));
        assert!(p.iter().all(|line| line.len() < 300), "{p:#?}");
    }

    #[test]
    fn the_template_is_a_plan_that_reads_back() {
        let template = TherapyPlan::template(
            "2026-12-01",
            &[(BodyPart::Hand, Side::Left), (BodyPart::Neck, Side::Right), (BodyPart::Hand, Side::Right)],
            &Parameters::default(),
            &ReminderSettings::default().targets,
            TimeSpan { start_min: 480, end_min: 1260 },
            &[],
        );
        assert_eq!(template.tracks.len(), 2, "one track per body part");
        assert_eq!(template.tracks[1].track, Track::Resolve);
        assert_eq!(template.parameters.len(), Parameters::default().table().len());
        assert_eq!(parse(&template.to_json(true)).unwrap(), template);
    }

    #[test]
    fn reminder_settings_take_what_the_plan_sets() {
        let plan = full_plan();
        let s = plan.reminder_settings(&ReminderSettings::default());
        assert_eq!((s.window_start_min, s.window_end_min), (540, 1230));
        assert_eq!(s.quiet_hours.len(), 2);
        assert_eq!(s.target(crate::programme::SessionKind::MotorImagery), 2);
        s.validate().unwrap();
        let bare = parse(r#"{"format":"proprio-plan","format_version":1,"created":"2026-01-01"}"#).unwrap();
        assert_eq!(bare.reminder_settings(&s), s, "a plan without reminders leaves them");
    }
}

/// docs/plan.schema.json says what the checker says: the same fields, parameters with
/// the table's ranges, the enums' names.
#[cfg(test)]
mod schema_tests {
    use super::*;
    use crate::programme::SessionKind;
    use std::collections::BTreeSet;

    const SCHEMA: &str = include_str!("../../../docs/plan.schema.json");

    fn names(v: &Value) -> BTreeSet<String> {
        v.as_object().unwrap().keys().cloned().collect()
    }

    fn strings(v: &Value) -> BTreeSet<String> {
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    }

    fn all<T: std::fmt::Display>(items: &[T]) -> BTreeSet<String> {
        items.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_schema_matches_the_checker() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        let top = &schema["properties"];
        let track = &top["tracks"]["items"]["properties"];
        let stage = &schema["$defs"]["stage"]["properties"];
        let reminders = &top["reminders"]["properties"];
        let fields: BTreeSet<String> = [top, track, stage, reminders].iter().flat_map(|v| names(v)).collect();
        let checked: BTreeSet<String> = check::field_names().into_iter().map(String::from).collect();
        assert_eq!(fields, checked);
        assert_eq!(strings(&stage["stage"]["enum"]), all(Stage::ALL));
        assert_eq!(strings(&track["body_part"]["enum"]), all(BodyPart::ALL));
        assert_eq!(strings(&track["track"]["enum"]), all(Track::ALL));
        assert_eq!(names(&top["daily_targets"]["properties"]), all(SessionKind::ALL));
        assert_eq!(top["format"]["const"], json!(FORMAT));
        assert_eq!(top["format_version"]["const"], json!(FORMAT_VERSION));
        let params = &top["parameters"]["properties"];
        let table = Parameters::default().table();
        assert_eq!(names(params).len(), table.len());
        for row in table {
            let p = &params[&row.key];
            assert_eq!(
                (p["minimum"].as_f64(), p["maximum"].as_f64()),
                (Some(row.min), Some(row.max)),
                "{}",
                row.key
            );
            let whole = p["type"] == "integer";
            assert_eq!(
                whole,
                row.min.fract() == 0.0 && row.max.fract() == 0.0 && row.max > 1.0,
                "{}",
                row.key
            );
        }
        assert_eq!(top["instructions"]["maxLength"], json!(check::MAX_INSTRUCTIONS_CHARS));
    }
}
