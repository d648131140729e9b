//! The share code: the same plan as URL-safe text short enough for a QR code.
//!
//! Layout: `PLAN1.` then base64url without padding of `deflate(compact JSON)` followed by
//! the CRC-32 of those compressed bytes (4 bytes, big-endian). The prefix names the code's
//! layout (not the plan's format version, which is inside). CRC-32 catches every error
//! within 32 bits, so one mistyped character (at most 6 bits of two bytes) is always
//! caught; base64's strict decoding refuses a changed last character whose bits would
//! otherwise be padding.

use super::{MAX_PLAN_BYTES, TherapyPlan, parse};
use crate::error::{Error, Result};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use std::io::{Read, Write};

/// The first characters of every code this build writes.
pub const PREFIX: &str = "PLAN1.";
/// Longest code read, in characters, spaces and line breaks included (a full plan's code
/// is under 1,000).
pub const MAX_CODE_CHARS: usize = 8 * 1024;
const CHECKSUM_BYTES: usize = 4;

/// The share code of a plan.
pub fn encode(plan: &TherapyPlan) -> String {
    let json = plan.to_json(false);
    let mut deflate = DeflateEncoder::new(Vec::with_capacity(json.len()), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = deflate.write_all(json.as_bytes());
    let mut bytes = deflate.finish().unwrap_or_default();
    let crc = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The plan in a share code. Spaces and line breaks (from copying) are ignored; a code
/// with a mistyped character, from a newer app, or holding a plan with problems is
/// refused with what to do.
pub fn decode(code: &str) -> Result<TherapyPlan> {
    parse(&decode_json(code)?)
}

/// What is wrong with a share code, before its plan is read: each is worded for a
/// therapist in [`CodeProblem::reason`] and for a patient from the catalogue
/// (`usecases::plan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    /// Longer than [`MAX_CODE_CHARS`] (the length found).
    TooLong(usize),
    Empty,
    /// A `PLANn.` code from a newer app (its layout version).
    Newer(u32),
    /// Does not start with [`PREFIX`].
    NotACode,
    /// A character base64url does not have (or a changed last character).
    BadCharacter,
    /// Too short to hold even the checksum.
    TooShort,
    /// The checksum does not match: a character mistyped or left out.
    Checksum,
    /// The checksum matched but the packed content does not unpack.
    Damaged,
    /// Unpacks to more than a plan can be.
    TooLarge,
    /// Unpacks to bytes that are not UTF-8.
    NotText,
}

impl CodeProblem {
    /// The reason in English, for the CLI and the therapist's side.
    pub fn reason(self) -> String {
        match self {
            CodeProblem::TooLong(n) => format!("is {n} characters; a share code is at most {MAX_CODE_CHARS}"),
            CodeProblem::Empty => "is empty".into(),
            CodeProblem::Newer(v) => {
                format!("is a version {v} share code from a newer Proprio: update the app to read it")
            }
            CodeProblem::NotACode => format!("does not start with {PREFIX}: it is not a Proprio plan code"),
            CodeProblem::BadCharacter => {
                "has a character that cannot be in a share code: check it was copied whole".into()
            }
            CodeProblem::TooShort => "is too short: part of it is missing".into(),
            CodeProblem::Checksum => {
                "its checksum does not match: a character was mistyped or left out".into()
            }
            CodeProblem::Damaged => "its content is damaged".into(),
            CodeProblem::TooLarge => {
                format!("unpacks to more than {MAX_PLAN_BYTES} bytes; a plan is smaller")
            }
            CodeProblem::NotText => "its content is not text".into(),
        }
    }
}

/// The plan document inside a share code, not yet checked.
pub fn decode_json(code: &str) -> Result<String> {
    unpack(code).map_err(|p| Error::invalid("code", p.reason()))
}

/// [`decode_json`] with its problem typed.
pub fn unpack(code: &str) -> std::result::Result<String, CodeProblem> {
    if code.len() > MAX_CODE_CHARS {
        return Err(CodeProblem::TooLong(code.len()));
    }
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(CodeProblem::Empty);
    }
    let Some(body) = compact.strip_prefix(PREFIX) else {
        let newer = compact
            .strip_prefix("PLAN")
            .and_then(|rest| rest.split_once('.'))
            .and_then(|(v, _)| v.parse::<u32>().ok())
            .filter(|&v| v > 1);
        return Err(newer.map_or(CodeProblem::NotACode, CodeProblem::Newer));
    };
    let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| CodeProblem::BadCharacter)?;
    if bytes.len() <= CHECKSUM_BYTES {
        return Err(CodeProblem::TooShort);
    }
    let (payload, crc) = bytes.split_at(bytes.len() - CHECKSUM_BYTES);
    if crc32fast::hash(payload).to_be_bytes() != crc {
        return Err(CodeProblem::Checksum);
    }
    let mut json = Vec::new();
    DeflateDecoder::new(payload)
        .take(MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut json)
        .map_err(|_| CodeProblem::Damaged)?;
    if json.len() > MAX_PLAN_BYTES {
        return Err(CodeProblem::TooLarge);
    }
    String::from_utf8(json).map_err(|_| CodeProblem::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::tests::full_plan;

    #[test]
    fn codes_round_trip_and_fit_a_qr_code() {
        let plan = full_plan();
        let code = encode(&plan);
        assert!(code.starts_with(PREFIX));
        assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "{code}");
        assert!(code.len() < 1500, "{} characters", code.len());
        assert_eq!(decode(&code).unwrap(), plan);
        let wrapped: String = code
            .chars()
            .enumerate()
            .flat_map(|(i, c)| [c].into_iter().chain((i % 40 == 39).then_some('\n')))
            .collect();
        assert_eq!(decode(&format!("  {wrapped}\n")).unwrap(), plan, "copied with line breaks");
    }

    #[test]
    fn every_one_character_typo_is_caught() {
        let code = encode(&full_plan());
        let alphabet: Vec<char> =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".chars().collect();
        let chars: Vec<char> = code.chars().collect();
        for i in 0..chars.len() {
            for &c in alphabet.iter().filter(|&&c| c != chars[i]) {
                let mut typo = chars.clone();
                typo[i] = c;
                let typo: String = typo.into_iter().collect();
                assert!(decode(&typo).is_err(), "typo at {i} ({c}) was not caught");
            }
            let mut dropped = chars.clone();
            dropped.remove(i);
            assert!(decode(&dropped.into_iter().collect::<String>()).is_err(), "dropped {i}");
        }
    }

    #[test]
    fn bad_codes_say_what_is_wrong() {
        let msg = |code: &str| decode(code).unwrap_err().to_string();
        assert!(msg("").contains("empty"));
        assert!(msg("hello").contains("not a Proprio plan code"));
        assert!(msg("PLAN2.AAAA").contains("update the app"));
        assert!(msg("PLAN1.A").contains("cannot be in a share code"));
        assert!(msg("PLAN1.AAAA").contains("too short"));
        assert!(msg(&"A".repeat(MAX_CODE_CHARS + 1)).contains("at most"));
        let code = encode(&full_plan());
        let mut typo: Vec<char> = code.chars().collect();
        typo[20] = if typo[20] == 'A' { 'B' } else { 'A' };
        assert!(msg(&typo.into_iter().collect::<String>()).contains("mistyped"));
    }

    #[test]
    fn a_compression_bomb_is_stopped_at_the_bound() {
        let mut deflate = DeflateEncoder::new(Vec::new(), Compression::best());
        deflate.write_all(&vec![b' '; 4 * MAX_PLAN_BYTES]).unwrap();
        let mut bytes = deflate.finish().unwrap();
        bytes.extend_from_slice(&crc32fast::hash(&bytes).to_be_bytes());
        let code = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
        assert!(code.len() < 1000);
        assert!(decode(&code).unwrap_err().to_string().contains("more than"));
    }
}
