//! Errors. Inside the core, [`Error`] keeps the full cause (SQLite, JSON, I/O); across the
//! FFI, [`ProprioError`] is the small set of cases a shell can act on. The mapping between
//! the two lives in one place: `impl From<Error> for ProprioError`.

use crate::plan::{PlanProblem, PlanReadProblem};
use rusqlite::ErrorCode;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid {field}: {reason}")]
    InvalidArgument { field: String, reason: String },
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    InvalidState(String),
    #[error(
        "this database was written by a newer Proprio (schema {found}; this build knows up to {supported}); update the app, the file was not changed"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("{path} is not a Proprio database ({reason}); it was left untouched")]
    NotADatabase { path: String, reason: String },
    #[error("{path} is another program's SQLite database ({reason}); it was left untouched")]
    ForeignDatabase { path: String, reason: String },
    #[error("{path} cannot hold a database: {reason}; nothing was created or changed")]
    NotAFile { path: String, reason: String },
    #[error("{path} is damaged ({reason}); restore it from a copy")]
    Damaged { path: String, reason: String },
    #[error("the plan has {} problem(s); nothing was changed: {}", problems.len(), join_problems(problems))]
    InvalidPlan { problems: Vec<PlanProblem> },
    #[error(
        "this plan was written for a newer Proprio (plan format {found}; this app reads up to {supported}); update the app to use it, nothing was changed"
    )]
    NewerPlan { found: u64, supported: u32 },
    /// A plan offered to the patient (a code, a file) could not be read: the problem
    /// typed, the sentence for the patient, the problems a therapist would fix.
    #[error("{sentence}")]
    PlanNotRead { problem: PlanReadProblem, sentence: String, details: Vec<PlanProblem> },
    #[error("storage: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("data encoding: {0}")]
    Json(#[from] serde_json::Error),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Error::InvalidArgument { field: field.to_string(), reason: reason.into() }
    }

    pub fn not_found(what: &'static str, id: impl ToString) -> Self {
        Error::NotFound { what, id: id.to_string() }
    }

    /// True when SQLite says the file is not a database or is damaged.
    pub(crate) fn is_corruption(&self) -> bool {
        matches!(self, Error::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
    }
}

fn join_problems(problems: &[PlanProblem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// The error every exported call can return. Each variant is something a shell can act
/// on; the message is written for a person.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ProprioError {
    /// An argument is out of range or malformed; `field` names it. Nothing was written.
    #[error("invalid {field}: {reason}")]
    InvalidArgument { field: String, reason: String },
    /// The id does not name anything stored.
    #[error("no {what} with id {id}")]
    NotFound { what: String, id: String },
    /// The call does not fit the current state (e.g. answering a finished session).
    #[error("{reason}")]
    InvalidState { reason: String },
    /// The database was written by a newer version; it was not touched.
    #[error("database schema {found} is newer than this app supports ({supported})")]
    NewerSchema { found: i64, supported: i64 },
    /// The file is not a SQLite database or is damaged; it was not touched.
    #[error("{path} is not a usable Proprio database: {reason}")]
    NotADatabase { path: String, reason: String },
    /// The file is a SQLite database of another program; it was not touched.
    #[error("{path} belongs to another program: {reason}")]
    ForeignDatabase { path: String, reason: String },
    /// The path is a folder, a device or otherwise not a place for a database file;
    /// nothing was created or changed.
    #[error("{path} cannot hold a database: {reason}")]
    NotAFile { path: String, reason: String },
    /// The database was opened but a page read back damaged (a failing disk, a torn copy).
    #[error("{path} is damaged: {reason}")]
    Damaged { path: String, reason: String },
    /// A therapist's plan (or its share code's content) has problems, each with its path
    /// in the document; nothing was changed.
    #[error("the plan has {} problem(s); nothing was changed: {}", problems.len(), join_problems(problems))]
    InvalidPlan { problems: Vec<PlanProblem> },
    /// The plan was written for a newer app; update the app. Nothing was changed.
    #[error(
        "this plan needs a newer Proprio (plan format {found}; this app reads up to {supported}): update the app"
    )]
    NewerPlan { found: u64, supported: u32 },
    /// A plan offered to the patient for a preview (a share code, a file) could not be
    /// read: `problem` says why, `sentence` says it for the patient in their language,
    /// `details` lists the plan's own problems (path and reason) for their therapist.
    /// Nothing was changed.
    #[error("{sentence}")]
    PlanNotRead { problem: PlanReadProblem, sentence: String, details: Vec<PlanProblem> },
    /// Reading or writing storage failed (disk full, I/O error, ...).
    #[error("storage failure: {reason}")]
    Storage { reason: String },
}

impl From<Error> for ProprioError {
    fn from(e: Error) -> Self {
        match e {
            Error::InvalidArgument { field, reason } => ProprioError::InvalidArgument { field, reason },
            Error::NotFound { what, id } => ProprioError::NotFound { what: what.to_string(), id },
            Error::InvalidState(reason) => ProprioError::InvalidState { reason },
            Error::NewerSchema { found, supported } => ProprioError::NewerSchema { found, supported },
            Error::NotADatabase { path, reason } => ProprioError::NotADatabase { path, reason },
            Error::ForeignDatabase { path, reason } => ProprioError::ForeignDatabase { path, reason },
            Error::NotAFile { path, reason } => ProprioError::NotAFile { path, reason },
            Error::Damaged { path, reason } => ProprioError::Damaged { path, reason },
            Error::InvalidPlan { problems } => ProprioError::InvalidPlan { problems },
            Error::NewerPlan { found, supported } => ProprioError::NewerPlan { found, supported },
            Error::PlanNotRead { problem, sentence, details } => {
                ProprioError::PlanNotRead { problem, sentence, details }
            }
            e @ (Error::Sqlite(_) | Error::Json(_) | Error::Io(_)) => {
                ProprioError::Storage { reason: e.to_string() }
            }
        }
    }
}
