//! A FHIR R4 Bundle (type `collection`) for a clinic's system: a Patient that carries
//! only the pseudonymous code, one pain Observation per journal entry (LOINC 72514-3,
//! 0–10, UCUM unit "1"), and one Observation per completed left/right session with
//! per-side components (accuracy %, median RT in ms, pictures scored) under Proprio's
//! own code system, since LOINC has no codes for them. The sessions' Observations are
//! made as the sessions come (a few hundred bytes each, not their trials) and the Bundle
//! is written at the end.

use super::{ExportFrame, ExportSession, Formatter};
use crate::error::Result;
use crate::laterality::session::observations;
use crate::laterality::stats::{self, SideStats};
use crate::programme::{SessionKind, SessionState};
use crate::time::WallTime;
use serde_json::{Value, json};
use std::io::Write;

/// Proprio's code system for what LOINC lacks. A URN: the project owns no web domain.
pub const CODE_SYSTEM: &str = "urn:proprio:CodeSystem:gmi";
/// The identifier system of the pseudonymous patient code.
pub const PATIENT_CODE_SYSTEM: &str = "urn:proprio:patient-code";
const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";

/// `proprio-fhir.json`.
pub struct Bundle<'a> {
    out: &'a mut dyn Write,
    /// Each completed left/right session's Observation (its subject filled in at the end).
    sessions: Vec<(i64, Value)>,
}

impl<'a> Bundle<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Bundle { out, sessions: Vec::new() }
    }
}

fn subject(doc: &ExportFrame) -> Value {
    json!({ "reference": format!("urn:uuid:{}", uuid(&doc.patient.code, 0)) })
}

impl Formatter for Bundle<'_> {
    fn session(&mut self, doc: &ExportFrame, s: &ExportSession) -> Result<()> {
        if s.kind == SessionKind::LeftRight && s.state == SessionState::Completed {
            self.sessions.push((s.id, session(s, &subject(doc))?));
        }
        Ok(())
    }

    fn end(&mut self, doc: &ExportFrame) -> Result<()> {
        let patient = uuid(&doc.patient.code, 0);
        let mut entries = vec![json!({
            "fullUrl": format!("urn:uuid:{patient}"),
            "resource": {
                "resourceType": "Patient",
                "identifier": [{ "system": PATIENT_CODE_SYSTEM, "value": doc.patient.code }],
            },
        })];
        let subject = subject(doc);
        for e in &doc.journal {
            entries.push(entry(
                &doc.patient.code,
                1 + e.id as u64,
                json!({
                    "resourceType": "Observation",
                    "status": "final",
                    "category": [category("survey")],
                    "code": { "coding": [{
                        "system": LOINC,
                        "code": "72514-3",
                        "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                    }]},
                    "subject": subject,
                    "effectiveDateTime": instant(&e.at)?,
                    "valueQuantity": { "value": e.pain, "unit": "1", "system": UCUM, "code": "1" },
                }),
            ));
        }
        for (id, observation) in self.sessions.drain(..) {
            entries.push(entry(&doc.patient.code, 1 << 40 | id as u64, observation));
        }
        let bundle = json!({
            "resourceType": "Bundle",
            "type": "collection",
            "timestamp": instant(&doc.exported_at)?,
            "entry": entries,
        });
        serde_json::to_writer_pretty(&mut *self.out, &bundle)?;
        Ok(self.out.flush()?)
    }
}

fn session(s: &ExportSession, subject: &Value) -> Result<Value> {
    let (left, right) = stats::sides(&observations(&s.recorded_trials())?, &[]);
    let mut components = Vec::new();
    for side in [&left, &right] {
        components.extend(side_components(side));
    }
    let mut period = json!({ "start": instant(&s.started_at)? });
    if let Some(end) = &s.ended_at {
        period["end"] = instant(end)?.into();
    }
    Ok(json!({
        "resourceType": "Observation",
        "status": "final",
        "category": [category("exam")],
        "code": { "coding": [{
            "system": CODE_SYSTEM,
            "code": "left-right-session",
            "display": format!("Left/right judgement session ({})", s.body_part),
        }]},
        "subject": subject,
        "effectivePeriod": period,
        "component": components,
    }))
}

fn side_components(side: &SideStats) -> Vec<Value> {
    let code = |what: &str| json!({ "coding": [{ "system": CODE_SYSTEM, "code": format!("{}-{what}", side.side) }] });
    let mut out = vec![json!({
        "code": code("trials"),
        "valueQuantity": { "value": side.n, "unit": "pictures", "system": UCUM, "code": "{pictures}" },
    })];
    if let Some(a) = side.accuracy {
        out.push(json!({
            "code": code("accuracy"),
            "valueQuantity": { "value": (a * 1000.0).round() / 10.0, "unit": "%", "system": UCUM, "code": "%" },
        }));
    }
    if let Some(rt) = side.median_rt_ms {
        out.push(json!({
            "code": code("median-rt"),
            "valueQuantity": { "value": rt.round(), "unit": "ms", "system": UCUM, "code": "ms" },
        }));
    }
    out
}

fn category(code: &str) -> Value {
    json!({ "coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
        "code": code,
    }]})
}

fn entry(code: &str, salt: u64, resource: Value) -> Value {
    json!({ "fullUrl": format!("urn:uuid:{}", uuid(code, salt)), "resource": resource })
}

/// FHIR dateTime with the offset of the zone it happened in.
fn instant(at: &WallTime) -> Result<String> {
    Ok(at.local()?.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
}

/// A stable UUID-formatted id (version 8, "custom") for a resource of this patient, so
/// the same export gives the same ids.
fn uuid(code: &str, salt: u64) -> String {
    let a = crate::reminders::fnv1a(format!("{code}/{salt}").as_bytes());
    let b = crate::reminders::fnv1a(format!("{salt}/{code}").as_bytes());
    let a = (a & 0xffff_ffff_ffff_0fff) | 0x8000; // version 8
    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000; // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_uuids_and_stable() {
        let id = super::uuid("P-ABCD-EFGH", 3);
        assert_eq!(id, super::uuid("P-ABCD-EFGH", 3));
        assert_ne!(id, super::uuid("P-ABCD-EFGH", 4));
        let parts: Vec<usize> = id.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12], "{id}");
        assert_eq!(&id[14..15], "8", "version 8: {id}");
    }
}
