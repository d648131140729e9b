//! The patient profile's row and its painful areas.

use super::{optional_text_column, text_column};
use crate::error::{Error, Result};
use crate::patient::{AffectedArea, DEFAULT_SKIN_TONE, Handedness, Profile, ProfileUpdate, new_code};
use crate::stimulus::{BodyPart, Side};
use crate::time::WallTime;
use rusqlite::{Connection, OptionalExtension, params};

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

pub fn get(conn: &Connection) -> Result<Profile> {
    let mut profile = conn
        .query_row(
            "SELECT code, handedness, skin_tone, created_at_ms, created_zone FROM profile WHERE id = 1",
            [],
            |r| {
                Ok(Profile {
                    code: r.get(0)?,
                    affected: Vec::new(),
                    handedness: optional_text_column(r, 1, "handedness", Handedness::parse)?,
                    skin_tone: r.get(2)?,
                    created_at: WallTime { unix_ms: r.get(3)?, zone: r.get(4)? },
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("profile", 1))?;
    let mut stmt =
        conn.prepare_cached("SELECT body_part, side FROM affected_area ORDER BY body_part, side")?;
    let rows = stmt.query_map([], |r| {
        Ok(AffectedArea {
            body_part: text_column(r, 0, "affected_area.body_part", BodyPart::parse)?,
            side: text_column(r, 1, "affected_area.side", Side::parse)?,
        })
    })?;
    profile.affected = rows.collect::<rusqlite::Result<_>>()?;
    Ok(profile)
}

/// Applies a validated update ([`ProfileUpdate::validate`]).
pub fn update(conn: &Connection, update: &ProfileUpdate) -> Result<Profile> {
    if let Some(tone) = update.skin_tone {
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
}
