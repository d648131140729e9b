//! A plan as it reaches the patient: a file's bytes or a share code's text (typed, pasted
//! or scanned), read into a checked plan or refused with a typed problem the patient can
//! act on, worded from the `plan` catalogue; and the warnings a preview shows before the
//! patient accepts. Pure: no store, no clock.

use super::code::{self, CodeProblem};
use super::{MAX_PLAN_BYTES, PlanProblem, PlanSource, TherapyPlan, parse};
use crate::error::{Error, Result};
use crate::messages::{Locale, t};
use crate::text::text_enum;

text_enum!(
    /// Why a plan offered to the patient could not be read.
    PlanReadProblem {
        /// Nothing was pasted, or the file is empty.
        Empty => "empty",
        /// Far longer than a share code: more than the code was copied.
        TooLong => "too-long",
        /// A share code or a plan from a newer app: update the app.
        NewerApp => "newer-app",
        /// Text that is not a share code.
        NotACode => "not-a-code",
        /// Part of the code is missing, or a character cannot be in a code.
        Incomplete => "incomplete",
        /// The checksum does not match: a character mistyped or left out.
        Mistyped => "mistyped",
        /// The code's content does not unpack into a plan.
        Damaged => "damaged",
        /// A file larger than any plan.
        TooLarge => "too-large",
        /// A file that is not text (a picture, a PDF).
        NotText => "not-text",
        /// Text, but not a Proprio plan (another format, not JSON).
        NotAPlan => "not-a-plan",
        /// A plan with mistakes its therapist must fix (listed in the error's details).
        HasMistakes => "has-mistakes",
        /// The plan's reminder times do not fit the patient's own settings.
        DoesNotFit => "does-not-fit",
    }
);

/// A plan read from what the patient offered, not yet applied.
pub struct Offered {
    pub source: PlanSource,
    /// What the import call takes on accept: the document for a file, the code (without
    /// the spaces and line breaks of a copy) for a code.
    pub text: String,
    pub plan: TherapyPlan,
}

/// Reads a share code; a bad code is refused with its problem.
pub fn read_code(code: &str, locale: Locale) -> Result<Offered> {
    let json = code::unpack(code).map_err(|p| refusal(code_problem(p), Vec::new(), locale))?;
    let plan = parse(&json).map_err(|e| plan_refusal(e, true, locale))?;
    let text = code.chars().filter(|c| !c.is_whitespace()).collect();
    Ok(Offered { source: PlanSource::Code, text, plan })
}

/// Reads a plan file's bytes (at most [`MAX_PLAN_BYTES`]). A file holding a share code
/// (a therapist may save one as text) is read as that code.
pub fn read_file(bytes: &[u8], locale: Locale) -> Result<Offered> {
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(refusal(PlanReadProblem::TooLarge, Vec::new(), locale));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text =
        std::str::from_utf8(bytes).map_err(|_| refusal(PlanReadProblem::NotText, Vec::new(), locale))?;
    if text.trim().is_empty() {
        return Err(refusal(PlanReadProblem::Empty, Vec::new(), locale));
    }
    if text.trim_start().starts_with(code::PREFIX) {
        return read_code(text, locale);
    }
    let plan = parse(text).map_err(|e| plan_refusal(e, false, locale))?;
    Ok(Offered { source: PlanSource::File, text: text.to_string(), plan })
}

fn code_problem(p: CodeProblem) -> PlanReadProblem {
    match p {
        CodeProblem::TooLong(_) => PlanReadProblem::TooLong,
        CodeProblem::Empty => PlanReadProblem::Empty,
        CodeProblem::Newer(_) => PlanReadProblem::NewerApp,
        CodeProblem::NotACode => PlanReadProblem::NotACode,
        CodeProblem::BadCharacter | CodeProblem::TooShort => PlanReadProblem::Incomplete,
        CodeProblem::Checksum => PlanReadProblem::Mistyped,
        CodeProblem::Damaged | CodeProblem::TooLarge | CodeProblem::NotText => PlanReadProblem::Damaged,
    }
}

/// A plan document's refusal, typed. Problems with the document as a whole (path `plan`:
/// not JSON, another format) mean it is no plan; inside a code that passed its checksum
/// they mean the code is damaged.
fn plan_refusal(e: Error, from_code: bool, locale: Locale) -> Error {
    match e {
        Error::NewerPlan { .. } => refusal(PlanReadProblem::NewerApp, Vec::new(), locale),
        Error::InvalidPlan { problems } if problems.len() == 1 && problems[0].path == "plan" => {
            let problem = if from_code { PlanReadProblem::Damaged } else { PlanReadProblem::NotAPlan };
            refusal(problem, problems, locale)
        }
        Error::InvalidPlan { problems } => refusal(PlanReadProblem::HasMistakes, problems, locale),
        other => other,
    }
}

/// The error for a plan the patient offered that cannot be used.
pub fn refusal(problem: PlanReadProblem, details: Vec<PlanProblem>, locale: Locale) -> Error {
    Error::PlanNotRead { problem, sentence: problem_sentence(problem, details.len(), locale), details }
}

/// What the patient reads for a problem.
pub fn problem_sentence(problem: PlanReadProblem, count: usize, locale: Locale) -> String {
    match problem {
        PlanReadProblem::Empty => t!(locale, "plan-error-empty"),
        PlanReadProblem::TooLong => t!(locale, "plan-error-too-long"),
        PlanReadProblem::NewerApp => t!(locale, "plan-error-newer-app"),
        PlanReadProblem::NotACode => t!(locale, "plan-error-not-a-code", prefix = code::PREFIX),
        PlanReadProblem::Incomplete => t!(locale, "plan-error-incomplete"),
        PlanReadProblem::Mistyped => t!(locale, "plan-error-mistyped"),
        PlanReadProblem::Damaged => t!(locale, "plan-error-damaged"),
        PlanReadProblem::TooLarge => t!(locale, "plan-error-too-large"),
        PlanReadProblem::NotText => t!(locale, "plan-error-not-text"),
        PlanReadProblem::NotAPlan => t!(locale, "plan-error-not-a-plan"),
        PlanReadProblem::HasMistakes => t!(locale, "plan-error-has-mistakes", count = count),
        PlanReadProblem::DoesNotFit => t!(locale, "plan-error-does-not-fit"),
    }
}

text_enum!(
    /// Something the patient should know before accepting a plan; none stops it.
    PlanWarningKind {
        /// The plan was written before the plan in force: it may be an old one.
        OlderThanInForce => "older-than-in-force",
        /// The plan is the plan in force again.
        SameAsInForce => "same-as-in-force",
        /// The plan is dated after today: its date may be wrong.
        DatedAhead => "dated-ahead",
        /// The plan names other painful areas than the profile: they will be replaced.
        ChangesAreas => "changes-areas",
    }
);

/// A warning and its sentence.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanWarning {
    pub kind: PlanWarningKind,
    pub text: String,
}

/// The warnings for `new`, against the plan in force (its `created`), today's local date
/// (`YYYY-MM-DD`) and whether the plan's tracks would replace the painful areas.
pub fn warnings(
    new: &TherapyPlan,
    in_force: Option<&TherapyPlan>,
    today: &str,
    areas_change: bool,
    locale: Locale,
) -> Vec<PlanWarning> {
    let mut out = Vec::new();
    let mut add = |kind, text| out.push(PlanWarning { kind, text });
    if let Some(old) = in_force {
        if old == new {
            add(PlanWarningKind::SameAsInForce, t!(locale, "plan-warning-same"));
        } else if new.created < old.created {
            add(
                PlanWarningKind::OlderThanInForce,
                t!(
                    locale,
                    "plan-warning-older",
                    date = date(&new.created, locale),
                    in_force = date(&old.created, locale)
                ),
            );
        }
    }
    // Dates are YYYY-MM-DD, so they compare as text.
    if new.created.as_str() > today {
        add(
            PlanWarningKind::DatedAhead,
            t!(locale, "plan-warning-dated-ahead", date = date(&new.created, locale)),
        );
    }
    if areas_change {
        add(PlanWarningKind::ChangesAreas, t!(locale, "plan-warning-areas"));
    }
    out
}

/// A `YYYY-MM-DD` date as the patient reads it ("30 November 2026", "30. November 2026");
/// anything else as it is.
pub fn date(ymd: &str, locale: Locale) -> String {
    let mut parts = ymd.splitn(3, '-').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) => {
            t!(locale, "plan-date", day = day, month = month, year = year.to_string())
        }
        _ => ymd.to_string(),
    }
}

/// Who sent the plan, as its author and clinic say.
pub fn from_line(plan: &TherapyPlan, locale: Locale) -> String {
    match (plan.author.as_deref(), plan.clinic.as_deref()) {
        (Some(author), Some(clinic)) => {
            t!(locale, "plan-from-author-clinic", author = author, clinic = clinic)
        }
        (Some(author), None) => t!(locale, "plan-from-author", author = author),
        (None, Some(clinic)) => t!(locale, "plan-from-clinic", clinic = clinic),
        (None, None) => t!(locale, "plan-from-therapist"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::tests::{FULL, full_plan};

    fn problem(e: Error) -> PlanReadProblem {
        match e {
            Error::PlanNotRead { problem, .. } => problem,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_codes_and_files_get_their_typed_problem_and_a_sentence_in_each_language() {
        let good = code::encode(&full_plan());
        let mut typo: Vec<char> = good.chars().collect();
        typo[20] = if typo[20] == 'A' { 'B' } else { 'A' };
        let typo: String = typo.into_iter().collect();
        let codes = [
            ("", PlanReadProblem::Empty),
            ("hello", PlanReadProblem::NotACode),
            ("PLAN2.AAAA", PlanReadProblem::NewerApp),
            ("PLAN1.AAAA", PlanReadProblem::Incomplete),
            (&typo, PlanReadProblem::Mistyped),
        ];
        for (text, want) in codes {
            assert_eq!(problem(read_code(text, Locale::English).err().unwrap()), want, "{text}");
        }
        let cut = problem(read_code(&good[..good.len() / 2], Locale::English).err().unwrap());
        assert!(matches!(cut, PlanReadProblem::Mistyped | PlanReadProblem::Incomplete), "{cut:?}");
        let long = "A".repeat(code::MAX_CODE_CHARS + 1);
        assert_eq!(problem(read_code(&long, Locale::English).err().unwrap()), PlanReadProblem::TooLong);
        let files: [(&[u8], PlanReadProblem); 5] = [
            (b"  \n", PlanReadProblem::Empty),
            (b"\x89PNG\r\n\x1a\n\xff\xfe", PlanReadProblem::NotText),
            (b"{\"format\": \"proprio-export\"}", PlanReadProblem::NotAPlan),
            (b"name,pain\n", PlanReadProblem::NotAPlan),
            (
                br#"{"format":"proprio-plan","format_version":9,"created":"2026-01-01"}"#,
                PlanReadProblem::NewerApp,
            ),
        ];
        for (bytes, want) in files {
            assert_eq!(problem(read_file(bytes, Locale::English).err().unwrap()), want);
        }
        let big = vec![b' '; MAX_PLAN_BYTES + 1];
        assert_eq!(problem(read_file(&big, Locale::English).err().unwrap()), PlanReadProblem::TooLarge);
        let broken = FULL.replace("\"min_days\": 10", "\"min_days\": 91");
        match read_file(broken.as_bytes(), Locale::English).err().unwrap() {
            Error::PlanNotRead { problem, sentence, details } => {
                assert_eq!(problem, PlanReadProblem::HasMistakes);
                assert_eq!(details.len(), 1);
                assert!(sentence.contains("1 mistake"), "{sentence}");
            }
            other => panic!("{other:?}"),
        }
        for p in PlanReadProblem::ALL {
            for locale in Locale::ALL {
                let s = problem_sentence(*p, 2, *locale);
                assert!(!s.is_empty() && !s.starts_with("plan-error"), "{p} {locale}: {s}");
            }
        }
        assert_eq!(
            problem_sentence(PlanReadProblem::Incomplete, 0, Locale::English),
            "This code is not complete — check it was copied whole."
        );
    }

    #[test]
    fn files_read_with_a_bom_and_a_code_in_a_file_reads_as_a_code() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(FULL.as_bytes());
        let offered = read_file(&bytes, Locale::English).unwrap();
        assert_eq!((offered.source, offered.plan), (PlanSource::File, full_plan()));
        let code = code::encode(&full_plan());
        let offered = read_file(format!("{code}\n").as_bytes(), Locale::English).unwrap();
        assert_eq!((offered.source, offered.text), (PlanSource::Code, code));
    }

    #[test]
    fn warnings_and_dates() {
        let plan = full_plan();
        let mut older = plan.clone();
        older.created = "2026-10-01".into();
        let kinds = |w: Vec<PlanWarning>| w.into_iter().map(|w| w.kind).collect::<Vec<_>>();
        assert_eq!(
            kinds(warnings(&plan, Some(&plan), "2026-12-01", false, Locale::English)),
            [PlanWarningKind::SameAsInForce]
        );
        assert_eq!(
            kinds(warnings(&older, Some(&plan), "2026-12-01", true, Locale::English)),
            [PlanWarningKind::OlderThanInForce, PlanWarningKind::ChangesAreas]
        );
        assert_eq!(
            kinds(warnings(&plan, None, "2026-11-29", false, Locale::English)),
            [PlanWarningKind::DatedAhead]
        );
        assert_eq!(date("2026-11-30", Locale::English), "30 November 2026");
        assert_eq!(date("2026-03-01", Locale::German), "1. März 2026");
        assert_eq!(from_line(&plan, Locale::English), "From A. Therapist, Pain Clinic");
    }
}
