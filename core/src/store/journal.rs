//! The pain journal.

use crate::error::{Error, Result};
use crate::time::WallTime;
use rusqlite::{Connection, params};
use serde::Serialize;

/// Longest free-text note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewJournalEntry {
    pub at: WallTime,
    /// 0–10 numeric rating scale.
    pub pain: u8,
    /// 0–10, optional.
    #[uniffi(default = None)]
    pub fear: Option<u8>,
    /// Pain medication taken today (it goes with slower, less accurate judgements).
    #[uniffi(default = false)]
    pub medication: bool,
    #[uniffi(default = "")]
    pub note: String,
    /// The session this rating was given before or after, if any.
    #[uniffi(default = None)]
    pub session_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct JournalEntry {
    pub id: i64,
    pub at: WallTime,
    pub pain: u8,
    pub fear: Option<u8>,
    pub medication: bool,
    pub note: String,
    pub session_id: Option<i64>,
}

fn check_scale(field: &str, value: u8) -> Result<()> {
    if value > 10 {
        return Err(Error::invalid(field, format!("{value} is outside the 0–10 scale")));
    }
    Ok(())
}

pub fn add(conn: &Connection, entry: &NewJournalEntry) -> Result<JournalEntry> {
    entry.at.validate("at")?;
    check_scale("pain", entry.pain)?;
    if let Some(fear) = entry.fear {
        check_scale("fear", fear)?;
    }
    let chars = entry.note.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(Error::invalid("note", format!("{chars} characters; the most is {MAX_NOTE_CHARS}")));
    }
    if let Some(id) = entry.session_id {
        super::sessions::get(conn, id)?;
    }
    conn.prepare_cached(
        "INSERT INTO journal (at_ms, zone, pain, fear, medication, note, session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        entry.at.unix_ms,
        entry.at.zone,
        entry.pain,
        entry.fear,
        entry.medication,
        entry.note,
        entry.session_id
    ])?;
    Ok(JournalEntry {
        id: conn.last_insert_rowid(),
        at: entry.at.clone(),
        pain: entry.pain,
        fear: entry.fear,
        medication: entry.medication,
        note: entry.note.clone(),
        session_id: entry.session_id,
    })
}

/// All entries, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<JournalEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at_ms, zone, pain, fear, medication, note, session_id FROM journal ORDER BY at_ms, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(JournalEntry {
            id: r.get(0)?,
            at: WallTime { unix_ms: r.get(1)?, zone: r.get(2)? },
            pain: r.get(3)?,
            fear: r.get(4)?,
            medication: r.get(5)?,
            note: r.get(6)?,
            session_id: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{now, open_temp};

    fn entry(pain: u8) -> NewJournalEntry {
        NewJournalEntry {
            at: now(),
            pain,
            fear: None,
            medication: false,
            note: String::new(),
            session_id: None,
        }
    }

    #[test]
    fn entries_round_trip_in_time_order() {
        let (_dir, store) = open_temp();
        let mut later = entry(7);
        later.at.unix_ms += 60_000;
        later.fear = Some(3);
        later.medication = true;
        later.note = "stairs were hard".into();
        store.write(|tx| add(tx, &later)).unwrap();
        store.write(|tx| add(tx, &entry(0))).unwrap();
        let all = store.read(list).unwrap();
        assert_eq!(all.iter().map(|e| e.pain).collect::<Vec<_>>(), vec![0, 7]);
        assert_eq!(
            (all[1].fear, all[1].medication, all[1].note.as_str()),
            (Some(3), true, "stairs were hard")
        );
    }

    #[test]
    fn out_of_range_values_name_the_field_and_write_nothing() {
        let (_dir, store) = open_temp();
        let cases: Vec<(NewJournalEntry, &str)> = vec![
            (entry(11), "pain"),
            (NewJournalEntry { fear: Some(12), ..entry(2) }, "fear"),
            (NewJournalEntry { note: "x".repeat(MAX_NOTE_CHARS + 1), ..entry(2) }, "note"),
            (
                NewJournalEntry { at: WallTime { zone: "Nowhere/Town".into(), ..now() }, ..entry(2) },
                "at.zone",
            ),
        ];
        for (bad, field) in cases {
            match store.write(|tx| add(tx, &bad)) {
                Err(Error::InvalidArgument { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        let missing = NewJournalEntry { session_id: Some(42), ..entry(2) };
        assert!(matches!(store.write(|tx| add(tx, &missing)), Err(Error::NotFound { .. })));
        assert!(store.read(list).unwrap().is_empty());
    }
}
