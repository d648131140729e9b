//! The pain journal: an entry and the scales it is rated on.

use crate::error::{Error, Result};
use crate::time::WallTime;
use serde::{Deserialize, Serialize};

/// Longest free-text note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Pain, fear and sleep quality are rated on 0–10 numeric rating scales.
pub(crate) const SCALE_MAX: u8 = 10;

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
    /// Last night's sleep quality, 0 (very poor) to 10 (very good), optional. Last, so
    /// calls written before it keep working.
    #[uniffi(default = None)]
    pub sleep: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct JournalEntry {
    pub id: i64,
    pub at: WallTime,
    pub pain: u8,
    pub fear: Option<u8>,
    pub medication: bool,
    pub note: String,
    pub session_id: Option<i64>,
    /// 0–10; absent in backups from before sleep was asked.
    #[serde(default)]
    pub sleep: Option<u8>,
}

impl NewJournalEntry {
    /// Checks every value; errors name the field as `entry.<field>`.
    pub fn validate(&self) -> Result<()> {
        self.at.validate("entry.at")?;
        check_scale("entry.pain", self.pain)?;
        if let Some(fear) = self.fear {
            check_scale("entry.fear", fear)?;
        }
        if let Some(sleep) = self.sleep {
            check_scale("entry.sleep", sleep)?;
        }
        let chars = self.note.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(Error::invalid(
                "entry.note",
                format!("{chars} characters; the most is {MAX_NOTE_CHARS}"),
            ));
        }
        Ok(())
    }
}

fn check_scale(field: &str, value: u8) -> Result<()> {
    if value > SCALE_MAX {
        return Err(Error::invalid(field, format!("{value} is outside the 0–{SCALE_MAX} scale")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(pain: u8) -> NewJournalEntry {
        NewJournalEntry {
            at: WallTime { unix_ms: 1_795_000_000_000, zone: "Europe/London".into() },
            pain,
            fear: None,
            medication: false,
            sleep: None,
            note: String::new(),
            session_id: None,
        }
    }

    #[test]
    fn out_of_range_values_name_the_field() {
        entry(10).validate().unwrap();
        let cases: Vec<(NewJournalEntry, &str)> = vec![
            (entry(11), "entry.pain"),
            (NewJournalEntry { fear: Some(12), ..entry(2) }, "entry.fear"),
            (NewJournalEntry { sleep: Some(11), ..entry(2) }, "entry.sleep"),
            (NewJournalEntry { note: "x".repeat(MAX_NOTE_CHARS + 1), ..entry(2) }, "entry.note"),
            (
                NewJournalEntry { at: WallTime { zone: "Nowhere/Town".into(), ..entry(2).at }, ..entry(2) },
                "entry.at.zone",
            ),
        ];
        for (bad, field) in cases {
            match bad.validate() {
                Err(Error::InvalidArgument { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        let note = NewJournalEntry { note: "é".repeat(MAX_NOTE_CHARS), ..entry(2) };
        note.validate().expect("the limit counts characters, not bytes");
    }
}
