//! Reading a plan document: every problem is collected with its path, unknown fields
//! included, so a therapist fixes them all in one go; a plan with any problem is refused
//! whole ([`Error::InvalidPlan`]). A newer `format_version` is refused before anything
//! else is read ([`Error::NewerPlan`]): its fields may mean what this build cannot know.

use super::{
    FORMAT, FORMAT_VERSION, ParameterOverride, PlanProblem, PlanStage, PlanTrack, TherapyPlan, TimeSpan,
};
use crate::error::{Error, Result};
use crate::params::Parameters;
use crate::programme::{SessionKind, Stage, Track};
use crate::reminders::{KindTarget, MAX_PER_DAY, MAX_QUIET_HOURS, QuietHours};
use crate::stimulus::{BodyPart, Side};
use serde_json::{Map, Value};

/// Largest plan document read (a full plan is about 2 KiB).
pub const MAX_PLAN_BYTES: usize = 64 * 1024;
/// Longest instructions for the patient, in characters.
pub const MAX_INSTRUCTIONS_CHARS: usize = 2000;
/// Longest author or clinic name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// A stage's own minimum days: at least one day, at most the parameter's largest value.
const MIN_DAYS: std::ops::RangeInclusive<u64> = 1..=90;
/// Problems listed before the rest are counted only, so the error stays small.
const MAX_PROBLEMS: usize = 50;
/// Longest piece of the input quoted back in a problem.
const MAX_QUOTE_CHARS: usize = 40;

const TOP_FIELDS: &[&str] = &[
    "format",
    "format_version",
    "created",
    "author",
    "clinic",
    "tracks",
    "parameters",
    "daily_targets",
    "reminders",
    "instructions",
];
const TRACK_FIELDS: &[&str] = &["body_part", "side", "track", "stages"];
const STAGE_FIELDS: &[&str] = &["stage", "min_days", "skip", "locked"];
const REMINDER_FIELDS: &[&str] = &["window", "quiet_hours"];

/// Reads and checks a plan document.
pub fn parse(text: &str) -> Result<TherapyPlan> {
    let whole = |reason: String| Error::InvalidPlan { problems: vec![problem("plan", reason)] };
    if text.len() > MAX_PLAN_BYTES {
        return Err(whole(format!("is {} bytes; a plan is at most {MAX_PLAN_BYTES}", text.len())));
    }
    if text.trim().is_empty() {
        return Err(whole("is empty".into()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| whole(format!("is not JSON ({e})")))?;
    let Some(doc) = value.as_object() else {
        return Err(whole(format!("must be a JSON object, not {}", kind(&value))));
    };
    match doc.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(whole(format!("format is {}, not \"{FORMAT}\": this is not a plan", quote(other))));
        }
        None => return Err(whole(format!("has no \"format\": \"{FORMAT}\"; this is not a plan"))),
    }
    let mut p = Problems::default();
    match doc.get("format_version") {
        Some(v) => match v.as_u64() {
            Some(found) if found > u64::from(FORMAT_VERSION) => {
                return Err(Error::NewerPlan { found, supported: FORMAT_VERSION });
            }
            Some(found) if found >= 1 => {}
            _ => p.add("format_version", format!("must be a whole number from 1, not {}", quote(v))),
        },
        None => p.add("format_version", "is missing"),
    }
    let plan = read(doc, &mut p);
    match plan {
        Some(plan) if p.list.is_empty() => Ok(plan),
        _ => Err(Error::InvalidPlan { problems: p.finish() }),
    }
}

#[derive(Default)]
struct Problems {
    list: Vec<PlanProblem>,
    more: usize,
}

impl Problems {
    fn add(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(problem(path, reason));
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<PlanProblem> {
        if self.more > 0 {
            self.list.push(problem("plan", format!("and {} more problems", self.more)));
        }
        self.list
    }
}

fn problem(path: impl Into<String>, reason: impl Into<String>) -> PlanProblem {
    PlanProblem { path: path.into(), reason: reason.into() }
}

/// Reads every field, noting each problem; `None` when a required part is unusable.
fn read(doc: &Map<String, Value>, p: &mut Problems) -> Option<TherapyPlan> {
    unknown_fields(doc, "", TOP_FIELDS, p);
    let created = match doc.get("created") {
        Some(v) => date(v, "created", p),
        None => {
            p.add("created", "is missing (the day the plan was written, YYYY-MM-DD)");
            None
        }
    };
    let author = doc.get("author").and_then(|v| name(v, "author", p));
    let clinic = doc.get("clinic").and_then(|v| name(v, "clinic", p));
    let tracks = match doc.get("tracks") {
        Some(v) => tracks(v, p),
        None => Vec::new(),
    };
    let parameters = doc.get("parameters").map_or_else(Vec::new, |v| parameters(v, p));
    let daily_targets = doc.get("daily_targets").map(|v| targets(v, p));
    let (reminder_window, quiet_hours) = doc.get("reminders").map_or((None, None), |v| reminders(v, p));
    let instructions = doc.get("instructions").and_then(|v| {
        let text = string(v, "instructions", p)?;
        checked_text(&text, "instructions", MAX_INSTRUCTIONS_CHARS, true, p).then_some(text)
    });
    Some(TherapyPlan {
        created: created?,
        author,
        clinic,
        tracks,
        parameters,
        daily_targets,
        reminder_window,
        quiet_hours,
        instructions,
    })
}

fn tracks(v: &Value, p: &mut Problems) -> Vec<PlanTrack> {
    let Some(items) = array(v, "tracks", p) else { return Vec::new() };
    let mut out: Vec<(usize, PlanTrack)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("tracks[{i}]");
        let Some(t) = track(item, &path, p) else { continue };
        if let Some((j, _)) = out.iter().find(|(_, o)| o.body_part == t.body_part) {
            p.add(format!("{path}.body_part"), format!("{} has a track already (tracks[{j}])", t.body_part));
            continue;
        }
        out.push((i, t));
    }
    out.into_iter().map(|(_, t)| t).collect()
}

fn track(v: &Value, path: &str, p: &mut Problems) -> Option<PlanTrack> {
    let m = object(v, path, TRACK_FIELDS, p)?;
    let body_part =
        required(m, path, "body_part", p).and_then(|v| enumerated(v, path, "body_part", BodyPart::parse, p));
    let side = required(m, path, "side", p).and_then(|v| enumerated(v, path, "side", Side::parse, p));
    let track = match m.get("track") {
        Some(v) => enumerated(v, path, "track", Track::parse, p),
        None => body_part.map(Track::for_body_part),
    };
    let (body_part, track) = (body_part?, track?);
    if track == Track::Gmi && Track::for_body_part(body_part) == Track::Resolve {
        p.add(format!("{path}.track"), format!("a mirror cannot show the {body_part}: use resolve"));
        return None;
    }
    let stages = match m.get("stages") {
        Some(v) => stages(v, &format!("{path}.stages"), track, p)?,
        None => track
            .stages()
            .iter()
            .map(|&stage| PlanStage { stage, min_days: None, skip: false, locked: false })
            .collect(),
    };
    Some(PlanTrack { body_part, side: side?, track, stages })
}

fn stages(v: &Value, path: &str, track: Track, p: &mut Problems) -> Option<Vec<PlanStage>> {
    let items = array(v, path, p)?;
    let before = p.list.len() + p.more;
    let mut out: Vec<PlanStage> = Vec::new();
    let mut locked_at: Option<usize> = None;
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let Some(s) = stage(item, &at, track, p) else { continue };
        if out.iter().any(|o| o.stage == s.stage) {
            p.add(format!("{at}.stage"), format!("{} is listed twice", s.stage));
            continue;
        }
        if s.locked {
            if let Some(first) = locked_at {
                p.add(
                    format!("{at}.locked"),
                    format!("only one stage of a track can be locked ({path}[{first}] is)"),
                );
            }
            locked_at.get_or_insert(i);
        }
        out.push(s);
    }
    if p.list.len() + p.more > before {
        return None;
    }
    let missing: Vec<&str> =
        track.stages().iter().filter(|s| !out.iter().any(|o| o.stage == **s)).map(|s| s.as_str()).collect();
    if !missing.is_empty() {
        p.add(
            path,
            format!(
                "misses {}: list every stage of the {track} track once (\"skip\": true leaves one out)",
                missing.join(", ")
            ),
        );
        return None;
    }
    if out.iter().all(|s| s.skip) {
        p.add(path, "every stage is skipped; at least one must stay");
        return None;
    }
    Some(out)
}

fn stage(v: &Value, path: &str, track: Track, p: &mut Problems) -> Option<PlanStage> {
    let m = object(v, path, STAGE_FIELDS, p)?;
    let stage = required(m, path, "stage", p).and_then(|v| enumerated(v, path, "stage", Stage::parse, p));
    if let Some(s) = stage.filter(|s| !track.stages().contains(s)) {
        let names: Vec<&str> = track.stages().iter().map(|s| s.as_str()).collect();
        p.add(
            format!("{path}.stage"),
            format!("{s} is not a stage of the {track} track ({})", names.join(", ")),
        );
    }
    let min_days = m.get("min_days").and_then(|v| match v.as_u64() {
        Some(d) if MIN_DAYS.contains(&d) => Some(d as u32),
        _ => {
            let (lo, hi) = (MIN_DAYS.start(), MIN_DAYS.end());
            p.add(format!("{path}.min_days"), format!("must be {lo}–{hi} days, not {}", quote(v)));
            None
        }
    });
    let skip = m.get("skip").map_or(Some(false), |v| boolean(v, &format!("{path}.skip"), p));
    let locked = m.get("locked").map_or(Some(false), |v| boolean(v, &format!("{path}.locked"), p));
    let (skip, locked) = (skip?, locked?);
    if skip && locked {
        p.add(path, "a stage cannot be locked and skipped at once");
        return None;
    }
    let stage = stage.filter(|s| track.stages().contains(s))?;
    if m.contains_key("min_days") && min_days.is_none() {
        return None;
    }
    Some(PlanStage { stage, min_days, skip, locked })
}

fn parameters(v: &Value, p: &mut Problems) -> Vec<ParameterOverride> {
    let Some(m) = object(v, "parameters", &[], p) else { return Vec::new() };
    let mut params = Parameters::default();
    let mut out = Vec::new();
    for (key, value) in m {
        let path = format!("parameters.{}", key_text(key));
        let Some(x) = value.as_f64() else {
            p.add(path, format!("must be a number, not {}", quote(value)));
            continue;
        };
        match params.set(key, x, &path) {
            Ok(()) => out.push(ParameterOverride { key: key.clone(), value: x }),
            Err(Error::InvalidArgument { reason, .. }) => p.add(path, truncate(&reason, 400)),
            Err(e) => p.add(path, e.to_string()),
        }
    }
    out
}

fn targets(v: &Value, p: &mut Problems) -> Vec<KindTarget> {
    let Some(m) = v.as_object() else {
        p.add(
            "daily_targets",
            format!("must be an object of session kind to sessions a day, not {}", kind(v)),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in m {
        let path = format!("daily_targets.{}", key_text(key));
        let Ok(kind) = SessionKind::parse(key, &path) else {
            let kinds: Vec<&str> = SessionKind::ALL.iter().map(|k| k.as_str()).collect();
            p.add(path, format!("unknown session kind; known: {}", kinds.join(", ")));
            continue;
        };
        match value.as_u64() {
            Some(n) if n <= MAX_PER_DAY as u64 => out.push(KindTarget { kind, per_day: n as i32 }),
            _ => p.add(path, format!("must be 0–{MAX_PER_DAY} sessions a day, not {}", quote(value))),
        }
    }
    out
}

fn reminders(v: &Value, p: &mut Problems) -> (Option<TimeSpan>, Option<Vec<QuietHours>>) {
    let Some(m) = object(v, "reminders", REMINDER_FIELDS, p) else { return (None, None) };
    let window = m.get("window").and_then(|v| {
        let (start_min, end_min) = span(v, "reminders.window", p)?;
        if end_min <= start_min {
            p.add("reminders.window", "must end after it starts (it cannot run over midnight)");
            return None;
        }
        Some(TimeSpan { start_min, end_min })
    });
    let quiet = m.get("quiet_hours").and_then(|v| {
        let items = array(v, "reminders.quiet_hours", p)?;
        if items.len() > MAX_QUIET_HOURS {
            p.add("reminders.quiet_hours", format!("at most {MAX_QUIET_HOURS} periods, not {}", items.len()));
            return None;
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("reminders.quiet_hours[{i}]");
            let Some((start_min, end_min)) = span(item, &path, p) else { continue };
            if start_min == end_min % 1440 {
                p.add(path, "starts and ends at the same time");
                continue;
            }
            out.push(QuietHours { start_min, end_min });
        }
        Some(out)
    });
    (window, quiet)
}

/// `HH:MM-HH:MM`; `24:00` only as an end.
fn span(v: &Value, path: &str, p: &mut Problems) -> Option<(i32, i32)> {
    let text = string(v, path, p)?;
    let parsed = text.split_once('-').and_then(|(a, b)| Some((minute(a, false)?, minute(b, true)?)));
    if parsed.is_none() {
        p.add(path, format!("must be HH:MM-HH:MM (e.g. 08:00-21:00), not {}", quote(v)));
    }
    parsed
}

fn minute(text: &str, end: bool) -> Option<i32> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    let total = h * 60 + m;
    (m < 60 && (total < 1440 || (end && total == 1440))).then_some(total)
}

fn date(v: &Value, path: &str, p: &mut Problems) -> Option<String> {
    let text = string(v, path, p)?;
    let ok = text.len() == 10
        && chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .is_ok_and(|d| (2000..2200).contains(&chrono::Datelike::year(&d)));
    if !ok {
        p.add(path, format!("must be a date YYYY-MM-DD from 2000 to 2199, not {}", quote(v)));
    }
    ok.then_some(text)
}

fn name(v: &Value, path: &str, p: &mut Problems) -> Option<String> {
    let text = string(v, path, p)?;
    checked_text(&text, path, MAX_NAME_CHARS, false, p).then_some(text)
}

/// Length and control characters (line breaks only where `lines`).
fn checked_text(text: &str, path: &str, max: usize, lines: bool, p: &mut Problems) -> bool {
    let n = text.chars().count();
    if n > max {
        p.add(path, format!("is {n} characters; at most {max}"));
        return false;
    }
    if text.chars().any(|c| c.is_control() && !(lines && (c == '\n' || c == '\t'))) {
        let allowed = if lines { " (line breaks and tabs are fine)" } else { "" };
        p.add(path, format!("holds control characters{allowed}"));
        return false;
    }
    true
}

fn unknown_fields(m: &Map<String, Value>, path: &str, known: &[&str], p: &mut Problems) {
    for key in m.keys().filter(|k| !known.contains(&k.as_str())) {
        let at = if path.is_empty() { key_text(key) } else { format!("{path}.{}", key_text(key)) };
        p.add(at, format!("unknown field (known here: {})", known.join(", ")));
    }
}

/// An object, with its unknown fields noted (none checked when `known` is empty).
fn object<'a>(v: &'a Value, path: &str, known: &[&str], p: &mut Problems) -> Option<&'a Map<String, Value>> {
    match v.as_object() {
        Some(m) => {
            if !known.is_empty() {
                unknown_fields(m, path, known, p);
            }
            Some(m)
        }
        None => {
            p.add(path, format!("must be an object, not {}", kind(v)));
            None
        }
    }
}

fn array<'a>(v: &'a Value, path: &str, p: &mut Problems) -> Option<&'a Vec<Value>> {
    let a = v.as_array();
    if a.is_none() {
        p.add(path, format!("must be a list, not {}", kind(v)));
    }
    a
}

fn required<'a>(m: &'a Map<String, Value>, path: &str, field: &str, p: &mut Problems) -> Option<&'a Value> {
    let v = m.get(field);
    if v.is_none() {
        p.add(format!("{path}.{field}"), "is missing");
    }
    v
}

fn string(v: &Value, path: &str, p: &mut Problems) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        _ => {
            p.add(path, format!("must be text, not {}", kind(v)));
            None
        }
    }
}

fn boolean(v: &Value, path: &str, p: &mut Problems) -> Option<bool> {
    let b = v.as_bool();
    if b.is_none() {
        p.add(path, format!("must be true or false, not {}", quote(v)));
    }
    b
}

/// A text enum's value; the enum's own message lists the names it knows.
fn enumerated<T>(
    v: &Value,
    path: &str,
    field: &str,
    parse: fn(&str, &str) -> Result<T>,
    p: &mut Problems,
) -> Option<T> {
    let at = format!("{path}.{field}");
    let text = string(v, &at, p)?;
    match parse(&text, &at) {
        Ok(x) => Some(x),
        Err(Error::InvalidArgument { reason, .. }) => {
            let known = reason.split_once("is not one of: ").map_or("", |(_, k)| k);
            p.add(at, format!("{} is not one of: {known}", quote(v)));
            None
        }
        Err(e) => {
            p.add(at, e.to_string());
            None
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A value quoted back in a message, cut short so a message never grows with the input.
fn quote(v: &Value) -> String {
    match v {
        Value::Array(_) | Value::Object(_) => kind(v).to_string(),
        _ => truncate(&v.to_string(), MAX_QUOTE_CHARS),
    }
}

/// A field name as a path segment: plain names as they are, others quoted and cut short.
fn key_text(key: &str) -> String {
    if !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && key.len() <= MAX_QUOTE_CHARS
    {
        key.to_string()
    } else {
        truncate(&Value::String(key.to_string()).to_string(), MAX_QUOTE_CHARS)
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Every field name the document may hold, for the schema test.
#[cfg(test)]
pub(super) fn field_names() -> std::collections::BTreeSet<&'static str> {
    TOP_FIELDS.iter().chain(TRACK_FIELDS).chain(STAGE_FIELDS).chain(REMINDER_FIELDS).copied().collect()
}
