//! The JSON document written as it is read: the same bytes `serde_json::to_vec` makes
//! of a whole [`super::ExportDocument`] (compact, fields in their declared order), but
//! the frame's fields around the sessions and each session as it comes, so only one
//! session is ever held.

use super::{ExportFrame, ExportSession, Formatter};
use crate::error::Result;
use serde::Serialize;
use std::io::Write;

pub struct Document<'a> {
    out: &'a mut dyn Write,
    /// One session's JSON, reused: one write per session.
    buffer: Vec<u8>,
    first: bool,
}

impl<'a> Document<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Document { out, buffer: Vec::with_capacity(64 * 1024), first: true }
    }
}

/// `"name":value` (after a comma unless it is the first field).
fn field(buffer: &mut Vec<u8>, name: &str, value: &impl Serialize, first: bool) -> Result<()> {
    if !first {
        buffer.push(b',');
    }
    serde_json::to_writer(&mut *buffer, name)?;
    buffer.push(b':');
    serde_json::to_writer(&mut *buffer, value)?;
    Ok(())
}

impl Formatter for Document<'_> {
    fn begin(&mut self, f: &ExportFrame) -> Result<()> {
        let b = &mut self.buffer;
        b.clear();
        b.push(b'{');
        field(b, "format", &f.format, true)?;
        field(b, "format_version", &f.format_version, false)?;
        field(b, "app_version", &f.app_version, false)?;
        field(b, "exported_at", &f.exported_at, false)?;
        field(b, "from", &f.from, false)?;
        field(b, "to", &f.to, false)?;
        field(b, "patient", &f.patient, false)?;
        field(b, "parameters", &f.parameters, false)?;
        b.extend_from_slice(b",\"sessions\":[");
        self.out.write_all(b)?;
        Ok(())
    }

    fn session(&mut self, _: &ExportFrame, s: &ExportSession) -> Result<()> {
        self.buffer.clear();
        if !std::mem::take(&mut self.first) {
            self.buffer.push(b',');
        }
        serde_json::to_writer(&mut self.buffer, s)?;
        self.out.write_all(&self.buffer)?;
        Ok(())
    }

    fn end(&mut self, f: &ExportFrame) -> Result<()> {
        let b = &mut self.buffer;
        b.clear();
        b.push(b']');
        field(b, "journal", &f.journal, false)?;
        field(b, "ladder", &f.ladder, false)?;
        field(b, "reminders", &f.reminders, false)?;
        field(b, "stages", &f.stages, false)?;
        field(b, "stage_plans", &f.stage_plans, false)?;
        field(b, "plans", &f.plans, false)?;
        field(b, "texture_ladder", &f.texture_ladder, false)?;
        field(b, "exposure_ladder", &f.exposure_ladder, false)?;
        b.push(b'}');
        self.out.write_all(b)?;
        self.out.flush()?;
        Ok(())
    }
}
