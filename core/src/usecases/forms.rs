//! The forms a patient fills in, as the core defines them: onboarding's choices and the
//! "check with a clinician first" note, the pain journal's scales with their anchors,
//! the reminder settings' editable values, and the snooze lengths. Each choice carries
//! its value and its label, so a shell draws the list it is given and sends the value
//! back; the core still validates whatever comes back.

use super::export::{ImportSummary, MAX_BACKUP_BYTES};
use super::screens::body_part_name;
use crate::error::Result;
use crate::export::ExportFormat;
use crate::export::crypt::MIN_PASSPHRASE_CHARS;
use crate::export::share::{PRESELECTED_FORMAT, PRESELECTED_RANGE, SHARE_FORMATS, ShareRange};
use crate::messages::{Locale, t};
use crate::params::Parameters;
use crate::patient::{Handedness, JournalEntry, MAX_NOTE_CHARS, SCALE_MAX};
use crate::programme::SessionKind;
use crate::programme::steps::exposure::{MAX_ACTIVITY_CHARS, MAX_FEAR, MAX_STEPS};
use crate::programme::steps::textures::{MAX_NAME_CHARS, MAX_TEXTURES};
use crate::programme::steps::words::phase_name;
use crate::reminders::{MAX_GAP_MIN, MAX_PER_DAY, MINUTES_PER_DAY, SNOOZE_MINUTES, hhmm};
use crate::stimulus::spec::SKIN_TONES;
use crate::stimulus::{BodyPart, Posture, Side, StimulusContext, StimulusSpec, View};
use crate::store::{self, Store};
use serde::Serialize;

/// The reminder window's ends move in steps of this many minutes (*judgement*: half
/// hours are fine enough for a waking window and keep the list short).
const WINDOW_STEP_MIN: i32 = 30;
/// The gap between reminders moves in quarter hours.
const GAP_STEP_MIN: i32 = 15;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct BodyPartChoice {
    pub body_part: BodyPart,
    pub label: String,
}

/// One answer to "which side hurts?": one side or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SidesChoice {
    pub sides: Vec<Side>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct HandednessChoice {
    pub handedness: Handedness,
    pub label: String,
}

/// A skin tone with the picture that shows it (the shell renders `sample`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SkinToneChoice {
    pub tone: u8,
    pub label: String,
    pub sample: StimulusSpec,
    pub sample_label: String,
}

/// The profile form: every choice, the questions, and who should check first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OnboardingForm {
    /// "Code for your therapist: P-…".
    pub code_text: String,
    /// Who should check with a clinician before starting (CLINICAL.md): said, not
    /// diagnosed.
    pub check_first: String,
    pub body_part_question: String,
    pub body_parts: Vec<BodyPartChoice>,
    pub sides_question: String,
    pub sides: Vec<SidesChoice>,
    pub handedness_question: String,
    pub handedness: Vec<HandednessChoice>,
    pub skin_tone_question: String,
    pub skin_tones: Vec<SkinToneChoice>,
}

/// A 0–10 rating: its values are `min..=max` in steps of `step`, with words at both ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ScaleField {
    pub label: String,
    pub min: u8,
    pub max: u8,
    pub step: u8,
    pub low_anchor: String,
    pub high_anchor: String,
    /// Saving needs a value.
    pub required: bool,
}

/// A stored journal entry as one line of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct JournalLine {
    pub id: i64,
    /// When, in the zone it was recorded in: "2026-11-23 09:15".
    pub when: String,
    /// "pain 3, fear 2, medication taken".
    pub summary: String,
    pub note: String,
}

/// The journal form and the entries so far, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct JournalForm {
    pub pain: ScaleField,
    pub fear: ScaleField,
    pub medication_label: String,
    pub note_label: String,
    pub note_max_chars: u32,
    pub entries: Vec<JournalLine>,
    /// What to show when there are no entries.
    pub no_entries: String,
}

/// A value a stepper or a list offers, with its label ("08:30", "45 min", "3").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SettingChoice {
    pub value: i32,
    pub label: String,
}

/// A setting changed with − and +: the shell moves between neighbouring `choices`
/// (ascending); a stored value between two choices shows as the nearest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct StepField {
    pub label: String,
    pub choices: Vec<SettingChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct WeekdayChoice {
    /// ISO weekday, Monday = 1.
    pub day: u8,
    pub label: String,
}

/// Sessions a day for one session kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct KindTargetField {
    pub kind: SessionKind,
    pub field: StepField,
}

/// The reminder settings form: what each setting is called and what it may be set to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ReminderForm {
    pub enabled_label: String,
    pub window_start: StepField,
    pub window_end: StepField,
    pub quiet_hours_label: String,
    /// The quiet hours in force, as text ("22:00 – 07:00").
    pub quiet_hours: Vec<String>,
    pub weekdays_label: String,
    pub weekdays: Vec<WeekdayChoice>,
    pub per_day_label: String,
    /// One per session kind, in the core's order.
    pub targets: Vec<KindTargetField>,
    pub min_gap: StepField,
    pub learn_label: String,
}

/// A snooze length a notification offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SnoozeChoice {
    pub minutes: i32,
    pub label: String,
}

/// A format the patient may send, with what it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ShareFormatChoice {
    pub format: ExportFormat,
    /// "Report for your therapist (HTML)".
    pub label: String,
    /// One line on what it holds and who opens it.
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ShareRangeChoice {
    pub range: ShareRange,
    pub label: String,
}

/// The share screen: what can be sent, for which weeks, locked or not, and what leaves
/// the phone. The core checks the passphrase when the export is made
/// (`prepare_share`); `passphrase_min_chars` is the rule it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ShareForm {
    pub format_question: String,
    /// In the order shown, the report first.
    pub formats: Vec<ShareFormatChoice>,
    /// Chosen when the screen opens.
    pub format: ExportFormat,
    pub range_question: String,
    pub ranges: Vec<ShareRangeChoice>,
    pub range: ShareRange,
    /// "Lock with a passphrase" (one file or the four CSV tables).
    pub passphrase_toggle: String,
    /// What the lock does and how the therapist gets the passphrase.
    pub passphrase_help: String,
    /// The field's label, with the minimum length.
    pub passphrase_label: String,
    pub passphrase_min_chars: u32,
    /// "Only your pseudonymous code … leaves the phone only where you send it."
    pub privacy: String,
}

pub fn onboarding(store: &Store, locale: Locale) -> Result<OnboardingForm> {
    let profile = store.read(store::profile::get)?;
    let sides =
        [(vec![Side::Left], "left"), (vec![Side::Right], "right"), (vec![Side::Left, Side::Right], "both")];
    Ok(OnboardingForm {
        code_text: t!(locale, "onboarding-code", code = profile.code.as_str()),
        check_first: t!(locale, "onboarding-check-first"),
        body_part_question: t!(locale, "onboarding-body-part"),
        body_parts: BodyPart::ALL
            .iter()
            .map(|&body_part| BodyPartChoice { body_part, label: body_part_name(locale, body_part) })
            .collect(),
        sides_question: t!(locale, "onboarding-sides"),
        sides: sides
            .into_iter()
            .map(|(sides, code)| SidesChoice { sides, label: t!(locale, "sides-choice", sides = code) })
            .collect(),
        handedness_question: t!(locale, "onboarding-handedness"),
        handedness: Handedness::ALL
            .iter()
            .map(|&handedness| HandednessChoice {
                handedness,
                label: t!(locale, "handedness", hand = handedness.as_str()),
            })
            .collect(),
        skin_tone_question: t!(locale, "onboarding-skin-tone"),
        skin_tones: (0..SKIN_TONES)
            .map(|tone| SkinToneChoice {
                tone,
                label: t!(locale, "skin-tone", number = tone + 1),
                sample: skin_tone_sample(tone),
                sample_label: t!(locale, "skin-tone-sample", number = tone + 1),
            })
            .collect(),
    })
}

/// An upright open right hand, the back of it: the most skin in one picture.
fn skin_tone_sample(skin_tone: u8) -> StimulusSpec {
    StimulusSpec {
        body_part: BodyPart::Hand,
        side: Side::Right,
        view: View::Back,
        posture: Posture::Flat,
        rotation_deg: 0,
        skin_tone,
        context: StimulusContext::None,
        variant: 0,
    }
}

pub fn journal(store: &Store, locale: Locale) -> Result<JournalForm> {
    let entries = store.read(store::journal::list)?;
    let scale = |label, low, high, required| ScaleField {
        label,
        min: 0,
        max: SCALE_MAX,
        step: 1,
        low_anchor: low,
        high_anchor: high,
        required,
    };
    Ok(JournalForm {
        pain: scale(
            t!(locale, "journal-pain"),
            t!(locale, "journal-pain-low"),
            t!(locale, "journal-pain-high"),
            true,
        ),
        fear: scale(
            t!(locale, "journal-fear"),
            t!(locale, "journal-fear-low"),
            t!(locale, "journal-fear-high"),
            false,
        ),
        medication_label: t!(locale, "journal-medication"),
        note_label: t!(locale, "journal-note", max = MAX_NOTE_CHARS),
        note_max_chars: MAX_NOTE_CHARS as u32,
        entries: entries.iter().rev().map(|e| journal_line(e, locale)).collect::<Result<_>>()?,
        no_entries: t!(locale, "journal-no-entries"),
    })
}

/// The graded-exposure ladder screen: the patient's feared activities, least feared
/// first, each worded with where it stands, and the form to add one (the activity's label
/// and limit, the fear scale with its anchors). The shells send `add_exposure_step`,
/// `update_exposure_step` and `remove_exposure_step`; the core checks each.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct ExposureLadderForm {
    pub title: String,
    /// What the ladder is for, in a sentence or two.
    pub intro: String,
    pub activity_label: String,
    pub activity_hint: String,
    pub max_activity_chars: u32,
    pub fear: ScaleField,
    /// Room for another activity (at most [`MAX_STEPS`]); `full` says why not.
    pub can_add: bool,
    pub full: String,
    pub steps: Vec<LadderRow>,
    /// Shown when there are no steps yet.
    pub empty: String,
}

/// One activity of the ladder as the screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct LadderRow {
    pub id: i64,
    pub activity: String,
    pub fear: u8,
    /// "Fear 60 · practised 3 times", with "passed" or "practising now" where it applies
    /// (in words, not only by colour).
    pub summary: String,
    pub current: bool,
    pub passed: bool,
}

pub fn exposure_ladder_form(store: &Store, locale: Locale) -> Result<ExposureLadderForm> {
    let steps = super::guided::exposure_ladder(store)?;
    let rows = steps
        .iter()
        .map(|s| {
            let mut parts = vec![t!(locale, "ladder-row-fear", fear = s.fear)];
            parts.push(t!(locale, "ladder-row-practised", times = s.exposures));
            if s.passed {
                parts.push(t!(locale, "ladder-row-passed"));
            }
            if s.current {
                parts.push(t!(locale, "ladder-row-current"));
            }
            LadderRow {
                id: s.id,
                activity: s.activity.clone(),
                fear: s.fear,
                summary: parts.join(" · "),
                current: s.current,
                passed: s.passed,
            }
        })
        .collect::<Vec<_>>();
    Ok(ExposureLadderForm {
        title: t!(locale, "ladder-title"),
        intro: t!(locale, "ladder-intro"),
        activity_label: t!(locale, "ladder-activity", max = MAX_ACTIVITY_CHARS),
        activity_hint: t!(locale, "ladder-activity-hint"),
        max_activity_chars: MAX_ACTIVITY_CHARS as u32,
        fear: ScaleField {
            label: t!(locale, "ladder-fear"),
            min: 0,
            max: MAX_FEAR,
            step: 5,
            low_anchor: t!(locale, "ladder-fear-low"),
            high_anchor: t!(locale, "ladder-fear-high"),
            required: true,
        },
        can_add: rows.len() < MAX_STEPS,
        full: t!(locale, "ladder-full", max = MAX_STEPS),
        steps: rows,
        empty: t!(locale, "ladder-empty"),
    })
}

/// The touch (desensitisation) ladder screen: the textures softest first, where the
/// patient stands on it, and what each edit button may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TextureLadderForm {
    pub title: String,
    pub intro: String,
    /// Where the patient is: the phase, the texture and the calm sessions so far.
    pub now: String,
    pub textures: Vec<TextureRow>,
    /// Whether these are the standard textures or the patient's (or therapist's) own,
    /// and what an edit keeps.
    pub list_note: String,
    /// The button back to the standard textures; `None` while they are in use.
    pub standard_label: Option<String>,
    pub name_label: String,
    pub name_hint: String,
    pub max_name_chars: u32,
    /// Room for another texture (at most [`MAX_TEXTURES`]); `full` says why not.
    pub can_add: bool,
    pub full: String,
}

/// One texture as the screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TextureRow {
    /// From 0, softest first: what an edit names.
    pub position: u32,
    pub name: String,
    /// "Texture 2 · practising now ▶" or "· managed ✓" (in words, not only by colour).
    pub summary: String,
    pub current: bool,
    pub can_move_up: bool,
    pub can_move_down: bool,
    /// A ladder keeps one texture at least.
    pub can_remove: bool,
}

pub fn texture_ladder_form(
    store: &Store,
    body_part: BodyPart,
    p: &Parameters,
    locale: Locale,
) -> Result<TextureLadderForm> {
    let ladder = super::guided::texture_ladder(store, body_part, p, locale)?;
    let count = ladder.textures.len() as u32;
    let now = match ladder.textures.get(ladder.current as usize) {
        Some(texture) if !ladder.done => t!(
            locale,
            "textures-now",
            phase = phase_name(locale, ladder.phase),
            texture = texture.as_str(),
            position = ladder.current + 1,
            count = count,
            streak = ladder.streak,
            needed = ladder.needed
        ),
        _ => t!(locale, "textures-done"),
    };
    let textures = ladder
        .textures
        .iter()
        .zip(0u32..)
        .map(|(name, position)| {
            let current = position == ladder.current && !ladder.done;
            let mut summary = vec![t!(locale, "textures-row", position = position + 1)];
            if current {
                summary.push(t!(locale, "textures-row-current"));
            } else if position < ladder.current || ladder.done {
                summary.push(t!(locale, "textures-row-managed"));
            }
            TextureRow {
                position,
                name: name.clone(),
                summary: summary.join(" · "),
                current,
                can_move_up: position > 0,
                can_move_down: position + 1 < count,
                can_remove: count > 1,
            }
        })
        .collect();
    Ok(TextureLadderForm {
        title: t!(locale, "textures-title"),
        intro: t!(locale, "textures-intro", needed = ladder.needed),
        now,
        textures,
        list_note: if ladder.custom { t!(locale, "textures-own") } else { t!(locale, "textures-standard") },
        standard_label: ladder.custom.then(|| t!(locale, "textures-use-standard")),
        name_label: t!(locale, "textures-name", max = MAX_NAME_CHARS),
        name_hint: t!(locale, "textures-name-hint"),
        max_name_chars: MAX_NAME_CHARS as u32,
        can_add: (count as usize) < MAX_TEXTURES,
        full: t!(locale, "textures-full", max = MAX_TEXTURES),
    })
}

/// The restore screen: a backup brought back, on a new phone or after a reset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct RestoreForm {
    pub title: String,
    /// What a backup is and where it comes from.
    pub intro: String,
    pub choose_label: String,
    pub passphrase_label: String,
    /// The phone already holds sessions or journal entries: restoring replaces them.
    pub holds_data: bool,
    /// What restoring would replace, when `holds_data`; the shell asks to confirm it.
    pub replace_warning: Option<String>,
    pub confirm_label: String,
    /// The largest backup file restored ([`MAX_BACKUP_BYTES`]).
    pub max_file_bytes: u64,
}

/// A restored backup: the counts, and the sentence that tells them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct Restored {
    pub summary: ImportSummary,
    pub sentence: String,
}

pub fn restore_form(store: &Store, locale: Locale) -> Result<RestoreForm> {
    let (sessions, _, entries) = store.read(store::sessions::counts)?;
    let holds_data = sessions > 0 || entries > 0;
    Ok(RestoreForm {
        title: t!(locale, "restore-title"),
        intro: t!(locale, "restore-intro"),
        choose_label: t!(locale, "restore-choose"),
        passphrase_label: t!(locale, "restore-passphrase"),
        holds_data,
        replace_warning: holds_data
            .then(|| t!(locale, "restore-replaces", sessions = sessions, entries = entries)),
        confirm_label: if holds_data {
            t!(locale, "restore-replace-confirm")
        } else {
            t!(locale, "restore-confirm")
        },
        max_file_bytes: MAX_BACKUP_BYTES,
    })
}

pub fn restored(summary: ImportSummary, locale: Locale) -> Restored {
    let sentence = t!(
        locale,
        "restore-done",
        sessions = summary.sessions,
        guided = summary.guided_sessions,
        entries = summary.journal_entries
    );
    Restored { summary, sentence }
}

fn journal_line(e: &JournalEntry, locale: Locale) -> Result<JournalLine> {
    let mut parts = vec![t!(locale, "journal-entry-pain", pain = e.pain)];
    parts.extend(e.fear.map(|fear| t!(locale, "journal-entry-fear", fear = fear)));
    if e.medication {
        parts.push(t!(locale, "journal-entry-medication"));
    }
    Ok(JournalLine {
        id: e.id,
        when: e.at.local()?.format("%Y-%m-%d %H:%M").to_string(),
        summary: parts.join(", "),
        note: e.note.clone(),
    })
}

pub fn reminder_form(store: &Store, locale: Locale) -> Result<ReminderForm> {
    let settings = super::reminders::settings(store)?;
    let clock = |from: i32, to: i32| -> Vec<SettingChoice> {
        (from..=to)
            .step_by(WINDOW_STEP_MIN as usize)
            .map(|m| SettingChoice { value: m, label: hhmm(m) })
            .collect()
    };
    let per_day = || StepField {
        label: t!(locale, "reminders-per-day"),
        choices: (0..=MAX_PER_DAY).map(|n| SettingChoice { value: n, label: n.to_string() }).collect(),
    };
    Ok(ReminderForm {
        enabled_label: t!(locale, "reminders-enabled"),
        window_start: StepField {
            label: t!(locale, "reminders-from"),
            choices: clock(0, MINUTES_PER_DAY - WINDOW_STEP_MIN),
        },
        window_end: StepField {
            label: t!(locale, "reminders-until"),
            choices: clock(WINDOW_STEP_MIN, MINUTES_PER_DAY),
        },
        quiet_hours_label: t!(locale, "reminders-quiet-hours"),
        quiet_hours: settings
            .quiet_hours
            .iter()
            .map(|q| t!(locale, "value-range", from = hhmm(q.start_min), to = hhmm(q.end_min)))
            .collect(),
        weekdays_label: t!(locale, "reminders-days"),
        weekdays: (1..=7u8)
            .map(|day| WeekdayChoice { day, label: t!(locale, "weekday", day = day) })
            .collect(),
        per_day_label: t!(locale, "reminders-per-day"),
        targets: SessionKind::ALL
            .iter()
            .map(|&kind| KindTargetField {
                kind,
                field: StepField { label: t!(locale, "session-kind", kind = kind.as_str()), ..per_day() },
            })
            .collect(),
        min_gap: StepField {
            label: t!(locale, "reminders-min-gap"),
            choices: (GAP_STEP_MIN..=MAX_GAP_MIN)
                .step_by(GAP_STEP_MIN as usize)
                .map(|m| SettingChoice { value: m, label: t!(locale, "minutes", count = m) })
                .collect(),
        },
        learn_label: t!(locale, "reminders-learn"),
    })
}

pub fn snooze_choices(locale: Locale) -> Vec<SnoozeChoice> {
    SNOOZE_MINUTES
        .iter()
        .map(|&minutes| SnoozeChoice { minutes, label: t!(locale, "snooze", minutes = minutes) })
        .collect()
}

pub fn share_form(store: &Store, locale: Locale) -> Result<ShareForm> {
    let code = store.read(store::profile::get)?.code;
    Ok(ShareForm {
        format_question: t!(locale, "share-format-question"),
        formats: SHARE_FORMATS
            .iter()
            .map(|&format| ShareFormatChoice {
                format,
                label: t!(locale, "share-format", format = format.as_str()),
                explanation: t!(locale, "share-format-explanation", format = format.as_str()),
            })
            .collect(),
        format: PRESELECTED_FORMAT,
        range_question: t!(locale, "share-range-question"),
        ranges: ShareRange::ALL
            .iter()
            .map(|&range| ShareRangeChoice {
                range,
                label: t!(locale, "share-range", range = range.as_str()),
            })
            .collect(),
        range: PRESELECTED_RANGE,
        passphrase_toggle: t!(locale, "share-passphrase-toggle"),
        passphrase_help: t!(locale, "share-passphrase-help"),
        passphrase_label: t!(locale, "share-passphrase-label", min = MIN_PASSPHRASE_CHARS),
        passphrase_min_chars: MIN_PASSPHRASE_CHARS as u32,
        privacy: t!(locale, "share-privacy", code = code.as_str()),
    })
}
