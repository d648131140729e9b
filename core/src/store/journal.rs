//! The pain journal's rows.

use crate::error::Result;
use crate::patient::{JournalEntry, NewJournalEntry};
use crate::time::WallTime;
use rusqlite::{Connection, params};

/// Adds a validated entry ([`NewJournalEntry::validate`]); a `session_id` must name a
/// stored session.
pub fn add(conn: &Connection, entry: &NewJournalEntry) -> Result<JournalEntry> {
    if let Some(id) = entry.session_id {
        super::sessions::get(conn, id)?;
    }
    conn.prepare_cached(
        "INSERT INTO journal (at_ms, zone, pain, fear, medication, note, session_id, sleep)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        entry.at.unix_ms,
        entry.at.zone,
        entry.pain,
        entry.fear,
        entry.medication,
        entry.note,
        entry.session_id,
        entry.sleep
    ])?;
    Ok(JournalEntry {
        id: conn.last_insert_rowid(),
        at: entry.at.clone(),
        pain: entry.pain,
        fear: entry.fear,
        medication: entry.medication,
        sleep: entry.sleep,
        note: entry.note.clone(),
        session_id: entry.session_id,
    })
}

/// All entries, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<JournalEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at_ms, zone, pain, fear, medication, note, session_id, sleep FROM journal
         ORDER BY at_ms, id",
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
            sleep: r.get(8)?,
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
            sleep: None,
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
        later.sleep = Some(4);
        later.note = "stairs were hard".into();
        store.write(|tx| add(tx, &later)).unwrap();
        store.write(|tx| add(tx, &entry(0))).unwrap();
        let all = store.read(list).unwrap();
        assert_eq!(all.iter().map(|e| e.pain).collect::<Vec<_>>(), vec![0, 7]);
        assert_eq!(
            (all[1].fear, all[1].medication, all[1].sleep, all[1].note.as_str()),
            (Some(3), true, Some(4), "stairs were hard")
        );
    }

    #[test]
    fn an_entry_for_a_missing_session_writes_nothing() {
        let (_dir, store) = open_temp();
        let missing = NewJournalEntry { session_id: Some(42), ..entry(2) };
        assert!(matches!(store.write(|tx| add(tx, &missing)), Err(crate::Error::NotFound { .. })));
        assert!(store.read(list).unwrap().is_empty());
    }
}
