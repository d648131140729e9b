//! The patient profile: one row, created on first open with a pseudonymous code.

use crate::error::{Error, Result};
use crate::stimulus::{BodyPart, Side};
use crate::time::WallTime;
use rand::{Rng, SeedableRng};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// Medium skin tone until the patient picks their own.
pub const DEFAULT_SKIN_TONE: u8 = 2;
/// Crockford-style alphabet: no I, L, O or U, so a code read aloud is unambiguous.
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum Handedness {
    Left,
    Right,
    Mixed,
}

impl Handedness {
    fn as_str(self) -> &'static str {
        match self {
            Handedness::Left => "left",
            Handedness::Right => "right",
            Handedness::Mixed => "mixed",
        }
    }

    fn from_str(text: &str) -> Option<Self> {
        [Handedness::Left, Handedness::Right, Handedness::Mixed].into_iter().find(|h| h.as_str() == text)
    }
}

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

pub(super) fn exists(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM profile)", [], |r| r.get(0))?)
}

pub(super) fn ensure(conn: &Connection, now: &WallTime) -> Result<()> {
    if !exists(conn)? {
        conn.execute(
            "INSERT INTO profile (id, code, skin_tone, created_at_ms, created_zone) VALUES (1, ?1, ?2, ?3, ?4)",
            params![new_code(), DEFAULT_SKIN_TONE, now.unix_ms, now.zone],
        )?;
    }
    Ok(())
}

fn new_code() -> String {
    let mut rng = rand_chacha::ChaCha8Rng::from_os_rng();
    let mut pick = || CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char;
    let first: String = (0..4).map(|_| pick()).collect();
    let second: String = (0..4).map(|_| pick()).collect();
    format!("P-{first}-{second}")
}

pub fn get(conn: &Connection) -> Result<Profile> {
    let (code, handedness, skin_tone, unix_ms, zone) = conn
        .query_row(
            "SELECT code, handedness, skin_tone, created_at_ms, created_zone FROM profile WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, u8>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("profile", 1))?;
    let mut stmt =
        conn.prepare_cached("SELECT body_part, side FROM affected_area ORDER BY body_part, side")?;
    let affected = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .map(|row| {
            let (body, side) = row?;
            Ok(AffectedArea {
                body_part: BodyPart::parse(&body, "affected.body_part")?,
                side: Side::parse(&side, "affected.side")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Profile {
        code,
        affected,
        handedness: handedness.as_deref().and_then(Handedness::from_str),
        skin_tone,
        created_at: WallTime { unix_ms, zone },
    })
}

pub fn update(conn: &Connection, update: &ProfileUpdate) -> Result<Profile> {
    if let Some(tone) = update.skin_tone {
        if tone >= crate::stimulus::spec::SKIN_TONES {
            return Err(Error::invalid("skin_tone", format!("{tone} is out of range 0..=5")));
        }
        conn.execute("UPDATE profile SET skin_tone = ?1", [tone])?;
    }
    if let Some(hand) = update.handedness {
        conn.execute("UPDATE profile SET handedness = ?1", [hand.as_str()])?;
    }
    if let Some(areas) = &update.affected {
        conn.execute("DELETE FROM affected_area", [])?;
        let mut insert =
            conn.prepare_cached("INSERT OR IGNORE INTO affected_area (body_part, side) VALUES (?1, ?2)")?;
        for area in areas {
            insert.execute([area.body_part.as_str(), area.side.as_str()])?;
        }
    }
    get(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::open_temp;

    #[test]
    fn update_round_trips_and_leaves_unset_fields() {
        let (_dir, store) = open_temp();
        let areas = vec![
            AffectedArea { body_part: BodyPart::Hand, side: Side::Left },
            AffectedArea { body_part: BodyPart::Foot, side: Side::Left },
        ];
        let set = ProfileUpdate {
            affected: Some(areas.clone()),
            handedness: Some(Handedness::Right),
            skin_tone: Some(4),
        };
        let p = store.write(|tx| update(tx, &set)).unwrap();
        assert_eq!(p.skin_tone, 4);
        assert_eq!(p.handedness, Some(Handedness::Right));
        assert_eq!(p.affected, vec![areas[1], areas[0]], "sorted by body part");
        let p2 = store
            .write(|tx| update(tx, &ProfileUpdate { skin_tone: Some(1), ..Default::default() }))
            .unwrap();
        assert_eq!((p2.skin_tone, p2.handedness, p2.affected.len()), (1, Some(Handedness::Right), 2));
    }

    #[test]
    fn bad_skin_tone_is_refused_without_partial_write() {
        let (_dir, store) = open_temp();
        let bad =
            ProfileUpdate { handedness: Some(Handedness::Left), skin_tone: Some(6), ..Default::default() };
        let err = store.write(|tx| update(tx, &bad)).unwrap_err();
        assert!(err.to_string().contains("skin_tone"), "{err}");
        assert_eq!(store.read(get).unwrap().handedness, None);
    }
}
