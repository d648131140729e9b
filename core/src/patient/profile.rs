//! The patient profile: a pseudonymous code (no name is stored), the painful areas, the
//! hand they write with, and the skin tone their pictures are drawn in.

use crate::error::{Error, Result};
use crate::stimulus::spec::SKIN_TONES;
use crate::stimulus::{BodyPart, Side};
use crate::text::text_enum;
use crate::time::WallTime;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

/// Medium skin tone until the patient picks their own.
pub const DEFAULT_SKIN_TONE: u8 = 2;
/// Crockford-style alphabet: no I, L, O or U, so a code read aloud is unambiguous.
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

text_enum!(
    /// The hand the patient writes with.
    Handedness { Left => "left", Right => "right", Mixed => "mixed" }
);

/// A painful body part and side, e.g. the left hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, uniffi::Record)]
pub struct AffectedArea {
    pub body_part: BodyPart,
    pub side: Side,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Profile {
    /// Pseudonymous code the patient can share with their therapist (no name stored).
    pub code: String,
    pub affected: Vec<AffectedArea>,
    pub handedness: Option<Handedness>,
    /// 0 (lightest) ..= 5 (darkest), used for every picture.
    pub skin_tone: u8,
    pub created_at: WallTime,
}

/// Fields to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ProfileUpdate {
    #[uniffi(default = None)]
    pub affected: Option<Vec<AffectedArea>>,
    #[uniffi(default = None)]
    pub handedness: Option<Handedness>,
    #[uniffi(default = None)]
    pub skin_tone: Option<u8>,
}

impl ProfileUpdate {
    /// Checks every value given; errors name the field as `update.<field>`.
    pub fn validate(&self) -> Result<()> {
        if let Some(tone) = self.skin_tone.filter(|t| *t >= SKIN_TONES) {
            return Err(Error::invalid(
                "update.skin_tone",
                format!("{tone} is out of range 0..={}", SKIN_TONES - 1),
            ));
        }
        Ok(())
    }
}

/// A fresh pseudonymous code: `P-`, then two groups of four characters.
pub(crate) fn new_code() -> String {
    let mut rng = rand_chacha::ChaCha8Rng::from_os_rng();
    let mut pick = || CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char;
    let first: String = (0..4).map(|_| pick()).collect();
    let second: String = (0..4).map(|_| pick()).collect();
    format!("P-{first}-{second}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_unambiguous_alphabet() {
        let code = new_code();
        assert!(code.starts_with("P-") && code.len() == 11, "{code}");
        assert!(code[2..].bytes().all(|b| b == b'-' || CODE_ALPHABET.contains(&b)), "{code}");
        assert_ne!(new_code(), code);
    }

    #[test]
    fn a_bad_skin_tone_names_the_field() {
        let bad = ProfileUpdate { skin_tone: Some(SKIN_TONES), ..Default::default() };
        assert!(bad.validate().unwrap_err().to_string().contains("update.skin_tone"));
        ProfileUpdate { skin_tone: Some(SKIN_TONES - 1), ..Default::default() }.validate().unwrap();
    }
}
