//! The therapist's plan across the FFI: the patient's side imports a plan (a file's JSON
//! or a share code) and reads the plan in force, the history and what each plan changed;
//! the therapist's side (free functions, no database) turns a plan into a share code and
//! a QR picture and back.

use super::{Proprio, Result};
use crate::error::ProprioError;
use crate::plan::{self, PlanSource};
use crate::time::WallTime;
use crate::usecases::plan::{self as usecase, Offer, PlanEntry, PlanPage, PlanPreview};

#[uniffi::export]
impl Proprio {
    /// Checks a plan document and applies it: parameters for the next sessions, reminder
    /// window, quiet hours and daily targets, painful areas. Returns it with what it
    /// changed. A plan with any problem changes nothing (`InvalidPlan` lists them all).
    pub fn import_plan(&self, json: String, now: WallTime) -> Result<PlanEntry> {
        Ok(usecase::import(&self.store, &json, PlanSource::File, &now, self.locale())?)
    }

    /// [`Proprio::import_plan`] from a share code (typed, pasted or scanned).
    pub fn import_plan_code(&self, code: String, now: WallTime) -> Result<PlanEntry> {
        Ok(usecase::import(&self.store, &code, PlanSource::Code, &now, self.locale())?)
    }

    /// What accepting a share code's plan would do, without doing it (nothing is written):
    /// who sent it, its date, what it changes, where it moves the patient, warnings. A
    /// code that cannot be used is `PlanNotRead` with its problem and the patient's
    /// sentence. Accept with `import_plan_code(preview.text, now)`.
    pub fn preview_plan_code(&self, code: String, now: WallTime) -> Result<PlanPreview> {
        Ok(usecase::preview(&self.store, Offer::Code(&code), &now, self.locale())?)
    }

    /// [`Proprio::preview_plan_code`] for a plan file's bytes (at most
    /// `PlanPage::max_file_bytes`; a file holding a share code is read as that code).
    /// Accept with the import call for `preview.source`: `import_plan(preview.text, now)`
    /// for a file, `import_plan_code` for a code.
    pub fn preview_plan_file(&self, bytes: Vec<u8>, now: WallTime) -> Result<PlanPreview> {
        Ok(usecase::preview(&self.store, Offer::File(&bytes), &now, self.locale())?)
    }

    /// The plan screen: the plan in force in sentences (or that there is none yet), the
    /// plans received and the ways a new one comes in, with their labels.
    pub fn plan_screen(&self) -> Result<PlanPage> {
        Ok(usecase::page(&self.store, self.locale())?)
    }

    /// The plan in force (the newest imported), if any.
    pub fn current_plan(&self) -> Result<Option<PlanEntry>> {
        Ok(usecase::current(&self.store, self.locale())?)
    }

    /// Every plan imported, newest first, each with what it changed.
    pub fn plan_history(&self) -> Result<Vec<PlanEntry>> {
        Ok(usecase::history(&self.store, self.locale())?)
    }

    /// The share code of the plan in force, to show the therapist what the app holds.
    pub fn plan_share_code(&self) -> Result<Option<String>> {
        Ok(usecase::current(&self.store, self.locale())?.map(|e| plan::code::encode(&e.plan)))
    }

    /// A plan document (pretty JSON) for a therapist to edit: a track per painful area
    /// and the parameters, targets and reminder times in force, dated `now`.
    pub fn plan_template(&self, now: WallTime) -> Result<String> {
        Ok(usecase::template(&self.store, &now)?.to_json(true))
    }
}

/// The share code of a plan document; the document is checked first.
#[uniffi::export]
pub fn plan_to_code(json: String) -> Result<String> {
    Ok(plan::code::encode(&plan::parse(&json)?))
}

/// The plan document (pretty JSON) in a share code, checked.
#[uniffi::export]
pub fn plan_from_code(code: String) -> Result<String> {
    Ok(plan::code::decode(&code)?.to_json(true))
}

/// The QR code of a share code as SVG; the code is checked first, so a QR never carries
/// a broken plan.
#[uniffi::export]
pub fn plan_qr_svg(code: String) -> Result<String> {
    Ok(plan::qr::svg(&checked(&code)?)?)
}

/// The QR code of a share code as a PNG image.
#[uniffi::export]
pub fn plan_qr_png(code: String) -> Result<Vec<u8>> {
    Ok(plan::qr::png(&checked(&code)?)?)
}

/// The QR code of a share code in block characters, for a terminal (not in the
/// bindings: phones draw the PNG or SVG).
pub fn plan_qr_text(code: &str, light_on_dark: bool) -> Result<String> {
    Ok(plan::qr::text(&checked(code)?, light_on_dark)?)
}

/// The code as it will be drawn: checked, without the spaces and line breaks of a copy.
fn checked(code: &str) -> std::result::Result<String, ProprioError> {
    plan::code::decode(code)?;
    Ok(code.chars().filter(|c| !c.is_whitespace()).collect())
}
