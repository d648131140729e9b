//! The programme's flow: evaluate each body part's stage (gates, minimum days, a
//! therapist's plan, the flare rule), store every transition with its reason, and
//! assemble `today` and the stage history.
//!
//! Evaluation runs inside the write transaction of what triggered it — a finished
//! session (`sessions::end`), a new stage plan, `today` — so a transition is stored with
//! its cause or not at all, and two evaluations on the same facts store nothing the
//! second time. The programme runs for the body parts the profile names as painful.

use super::left_right;
use crate::error::{Error, Result};
use crate::laterality::gate;
use crate::messages::Locale;
use crate::params::Parameters;
use crate::programme::flare::{self, FlareSign};
use crate::programme::next::{self, Next, PartToday};
use crate::programme::stages::{self, Current, Facts, StageBlocker};
use crate::programme::{
    SessionKind, Stage, StageDecision, StagePlan, Track, TransitionOrigin, TransitionReason, gates, words,
};
use crate::reminders::{KindProgress, KindTarget, PlannedReminder};
use crate::stimulus::BodyPart;
use crate::store::programme::{self as rows, StageEventRow};
use crate::store::{self, Store, profile};
use crate::text::text_enum;
use crate::time::{DAY_MS, WallTime};
use rusqlite::Connection;
use serde::Serialize;

/// Sessions of a stage the gate reads at most (it needs at most 60, on 30 days).
const MAX_GATE_SESSIONS: u32 = 1000;
/// Rated sessions the flare rule reads at most (a fortnight's baseline at ten a day).
const MAX_SESSION_PAINS: u32 = 1000;
/// Transitions the history returns at most.
pub const MAX_HISTORY: u32 = 10_000;

/// A stored transition, as the history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct StageTransition {
    pub body_part: BodyPart,
    /// `None` for the programme's start.
    pub from_stage: Option<Stage>,
    pub to_stage: Stage,
    pub origin: TransitionOrigin,
    pub reason: TransitionReason,
    pub at: WallTime,
    pub sentence: String,
}

/// Where one body part stands today.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct StageStatus {
    pub body_part: BodyPart,
    pub track: Track,
    pub stage: Stage,
    /// The stages the plan runs, in order (`stage` is at `position`, from 1).
    pub stages: Vec<Stage>,
    pub position: u32,
    /// Day 1 is the day the stage began.
    pub days_in_stage: u32,
    pub min_days: u32,
    /// What the stage machine decided: stay (with what blocks moving on), ease back,
    /// locked.
    pub decision: StageDecision,
    /// The flare rule's signs now (empty: no flare).
    pub flare: Vec<FlareSign>,
    /// How the patient came into this stage.
    pub entered: StageTransition,
    pub sentence: String,
}

text_enum!(
    /// What the next step asks.
    NextAction {
        /// Name the painful area first (onboarding).
        SetUp => "set-up",
        Practise => "practise",
        /// Practise gently: a flare.
        EaseBack => "ease-back",
        DoneForToday => "done-for-today",
    }
);

/// What to do next and why.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct NextStep {
    pub action: NextAction,
    pub body_part: Option<BodyPart>,
    pub stage: Option<Stage>,
    pub kind: Option<SessionKind>,
    /// For a left/right session: the pictures it will have.
    pub images_per_session: Option<u32>,
    /// Sessions of `kind` done today and the daily target (0: none set).
    pub done: u32,
    pub target: u32,
    pub sentence: String,
}

text_enum!(
    /// Why a safety message shows.
    SafetyKind {
        /// Pain above the patient's usual, or a mirror session that felt worse.
        Flare => "flare",
        /// Before the first session: who should check with a clinician first.
        CheckWithClinician => "check-with-clinician",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct SafetyMessage {
    pub kind: SafetyKind,
    pub body_part: Option<BodyPart>,
    pub sentence: String,
}

/// Today, for the home screen to draw as it is.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct Today {
    /// The local date, `YYYY-MM-DD`.
    pub date: String,
    pub next: NextStep,
    /// Sessions done today against the daily target, per session kind.
    pub progress: Vec<KindProgress>,
    pub next_reminder: Option<PlannedReminder>,
    pub safety: Vec<SafetyMessage>,
    /// Every painful body part's stage, in the profile's order.
    pub stages: Vec<StageStatus>,
}

/// Where the gates and the flare rule read the answers other session kinds store.
pub(crate) struct AnswerSource {
    /// "Felt worse" answers after mirror sessions of a body part at or after a time (UTC ms).
    pub felt_worse: fn(&Connection, BodyPart, i64) -> Result<Vec<i64>>,
    /// Vividness ratings (1–5) of a body part's motor-imagery sessions at or after a time,
    /// newest first, at most `limit`.
    pub vividness: fn(&Connection, BodyPart, i64, u32) -> Result<Vec<u8>>,
}

/// The answers guided sessions store (store/guided.rs).
pub(crate) const STORED_ANSWERS: AnswerSource = AnswerSource {
    felt_worse: crate::store::guided::felt_worse_since,
    vividness: crate::store::guided::imagery_vividness,
};

/// One body part after evaluation.
struct Evaluated {
    body_part: BodyPart,
    plan: StagePlan,
    entry: StageEventRow,
    decision: StageDecision,
    signs: Vec<FlareSign>,
    days_in_stage: u32,
    min_days: u32,
}

/// Evaluates after a session of `body_part` completed, in its transaction.
pub(crate) fn after_session(
    tx: &Connection,
    body_part: BodyPart,
    now: &WallTime,
    params: &Parameters,
) -> Result<()> {
    if painful_parts(tx)?.contains(&body_part) {
        let plan = plan_of(tx, body_part)?;
        evaluate(tx, body_part, plan, now, params, &STORED_ANSWERS, &mut Events::Stored)?;
    }
    Ok(())
}

/// During a flare, the most pictures a left/right session of this body part may have.
pub(crate) fn flare_images(c: &Connection, body_part: BodyPart, params: &Parameters) -> Result<Option<u32>> {
    Ok(rows::flare_open(c, body_part)?.then_some(params.flare_images_per_session))
}

/// Evaluates every painful body part and assembles today, with its reminders.
pub fn today(store: &Store, now: &WallTime, params: &Parameters, locale: Locale) -> Result<Today> {
    today_for(store, now, params, locale, None)
}

/// Every painful body part's stage, evaluated first (any transition stored), as `today`
/// has them; for the screens that need the stages without today's reminders.
pub fn stages(
    store: &Store,
    now: &WallTime,
    params: &Parameters,
    locale: Locale,
) -> Result<Vec<StageStatus>> {
    now.validate("now")?;
    let evaluated = store.write(|tx| evaluate_all(tx, now, params))?;
    let today = now.local_day()?;
    evaluated.iter().map(|e| status(e, today, locale)).collect()
}

/// Evaluates every painful body part's stage inside the caller's transaction.
fn evaluate_all(tx: &Connection, now: &WallTime, params: &Parameters) -> Result<Vec<Evaluated>> {
    let mut all = Vec::new();
    for part in painful_parts(tx)? {
        let plan = plan_of(tx, part)?;
        all.push(evaluate(tx, part, plan, now, params, &STORED_ANSWERS, &mut Events::Stored)?);
    }
    Ok(all)
}

/// The step a tapped reminder opens (its deep link names the session kind): the part
/// that practises that kind today, or what Today offers (`next::for_kind`). The stages
/// are evaluated first, as `today` does.
pub fn reminder_step(
    store: &Store,
    link: &str,
    now: &WallTime,
    params: &Parameters,
    locale: Locale,
) -> Result<NextStep> {
    let kind = crate::reminders::messages::kind_of_link(link)?;
    Ok(today_for(store, now, params, locale, Some(kind))?.next)
}

fn today_for(
    store: &Store,
    now: &WallTime,
    params: &Parameters,
    locale: Locale,
    reminded: Option<SessionKind>,
) -> Result<Today> {
    now.validate("now")?;
    let (evaluated, practised) =
        store.write(|tx| Ok((evaluate_all(tx, now, params)?, rows::any_completed(tx)?)))?;
    let reminders = super::reminders::today(store, now, locale)?;
    let today = now.local_day()?;
    let stages: Vec<StageStatus> =
        evaluated.iter().map(|e| status(e, today, locale)).collect::<Result<_>>()?;
    let progress = |kind: SessionKind| {
        reminders.progress.iter().find(|p| p.kind == kind).map_or((0, 0), |p| (p.done, p.target))
    };
    let parts: Vec<PartToday> = evaluated
        .iter()
        .map(|e| PartToday { body_part: e.body_part, stage: e.entry.to, decision: &e.decision })
        .collect();
    let choice = match reminded {
        Some(kind) => next::for_kind(&parts, kind, progress),
        None => next::choose(&parts, progress),
    };
    let next = next_step(choice, &evaluated, params, locale);
    let mut safety = Vec::new();
    if !practised {
        safety.push(SafetyMessage {
            kind: SafetyKind::CheckWithClinician,
            body_part: None,
            sentence: words::check_first(locale),
        });
    }
    for e in &evaluated {
        if let Some(sign) = e.signs.first() {
            safety.push(SafetyMessage {
                kind: SafetyKind::Flare,
                body_part: Some(e.body_part),
                sentence: words::flare_safety(locale, sign),
            });
        }
    }
    Ok(Today {
        date: reminders.date,
        next,
        progress: reminders.progress,
        next_reminder: reminders.remaining.into_iter().next(),
        safety,
        stages,
    })
}

/// The stored transitions, oldest first, of one body part or all (the newest
/// [`MAX_HISTORY`]).
pub fn history(store: &Store, body_part: Option<BodyPart>, locale: Locale) -> Result<Vec<StageTransition>> {
    Ok(store
        .read(|c| rows::events(c, body_part, MAX_HISTORY))?
        .iter()
        .map(|r| transition(r, locale))
        .collect())
}

/// The stage plan in force for a body part (its track's default until one is set).
pub fn stage_plan(store: &Store, body_part: BodyPart) -> Result<StagePlan> {
    store.read(|c| plan_of(c, body_part))
}

/// Checks and stores a body part's stage plan and evaluates it at once, in one
/// transaction: a lock or a skipped stage moves the patient now, stored as the
/// therapist's transition. Returns where the body part stands after it.
pub fn set_stage_plan(
    store: &Store,
    body_part: BodyPart,
    plan: &StagePlan,
    now: &WallTime,
    params: &Parameters,
    locale: Locale,
) -> Result<StageStatus> {
    now.validate("now")?;
    plan.validate("plan")?;
    let evaluated = store.write(|tx| {
        rows::set_plan(tx, body_part, plan)?;
        evaluate(tx, body_part, plan.clone(), now, params, &STORED_ANSWERS, &mut Events::Stored)
    })?;
    status(&evaluated, now.local_day()?, locale)
}

/// Sets a body part's stage plan inside the caller's transaction (a therapist's plan
/// being imported) and lets the stage machine act on it at once.
pub(crate) fn apply_stage_plan(
    tx: &Connection,
    body_part: BodyPart,
    plan: &StagePlan,
    now: &WallTime,
    params: &Parameters,
) -> Result<()> {
    plan.validate("plan")?;
    rows::set_plan(tx, body_part, plan)?;
    evaluate(tx, body_part, plan.clone(), now, params, &STORED_ANSWERS, &mut Events::Stored)?;
    Ok(())
}

/// What [`apply_stage_plan`] would store for a body part, computed in a read snapshot
/// and kept in memory: the transitions a therapist's plan would cause if applied `now`.
/// Nothing is written.
pub(crate) fn preview_stage_plan(
    c: &Connection,
    body_part: BodyPart,
    plan: &StagePlan,
    now: &WallTime,
    params: &Parameters,
    locale: Locale,
) -> Result<Vec<StageTransition>> {
    plan.validate("plan")?;
    let mut events = Events::Previewed(Vec::new());
    evaluate(c, body_part, plan.clone(), now, params, &STORED_ANSWERS, &mut events)?;
    let Events::Previewed(rows) = events else { return Ok(Vec::new()) };
    Ok(rows.iter().map(|r| transition(r, locale)).collect())
}

/// Where the stage machine's transitions go: into the store (every real evaluation), or
/// into memory for a preview, which reads the store as it is and writes nothing.
enum Events {
    Stored,
    Previewed(Vec<StageEventRow>),
}

impl Events {
    fn previewed(&self, body_part: BodyPart, flare: bool) -> Option<&StageEventRow> {
        match self {
            Events::Stored => None,
            Events::Previewed(rows) => {
                rows.iter().rev().find(|r| r.body_part == body_part && r.reason.is_flare() == flare)
            }
        }
    }

    /// The event that put the body part in its current stage.
    fn latest_entry(&self, c: &Connection, body_part: BodyPart) -> Result<Option<StageEventRow>> {
        match self.previewed(body_part, false) {
            Some(row) => Ok(Some(row.clone())),
            None => rows::latest_entry(c, body_part),
        }
    }

    /// Whether the body part's latest flare event is a flare beginning.
    fn flare_open(&self, c: &Connection, body_part: BodyPart) -> Result<bool> {
        match self.previewed(body_part, true) {
            Some(row) => Ok(matches!(row.reason, TransitionReason::FlareBegan { .. })),
            None => rows::flare_open(c, body_part),
        }
    }

    fn add(
        &mut self,
        c: &Connection,
        body_part: BodyPart,
        from: Option<Stage>,
        to: Stage,
        reason: &TransitionReason,
        at: &WallTime,
    ) -> Result<StageEventRow> {
        match self {
            Events::Stored => {
                let row = rows::add_event(c, body_part, from, to, reason, at)?;
                reminders_follow(c, body_part, from, to)?;
                Ok(row)
            }
            Events::Previewed(list) => {
                // Not stored, so no row id: negative, counting down.
                let id = -1 - list.len() as i64;
                let row = StageEventRow { id, body_part, from, to, reason: reason.clone(), at: at.clone() };
                list.push(row.clone());
                Ok(row)
            }
        }
    }
}

/// Reminders follow the stage. When a body part moves to a stage that practises another
/// kind of session, the daily target of the kind it leaves moves to the new kind (a first
/// stage takes the target of left/right, the kind the default settings remind of), so a
/// patient now in motor imagery is not reminded three times a day of left/right. Nothing
/// moves while a therapist's plan in force sets the daily targets (its import stores the
/// plan before its stages act), nor when the new kind already has a target, and
/// the old kind keeps its target while another body part's stage (or the first stage of
/// one not yet started) still practises it.
fn reminders_follow(tx: &Connection, body_part: BodyPart, from: Option<Stage>, to: Stage) -> Result<()> {
    let old = from.map_or(SessionKind::LeftRight, Stage::session_kind);
    let new = to.session_kind();
    if store::plan::current(tx)?.is_some_and(|row| row.plan.daily_targets.is_some()) {
        return Ok(());
    }
    let mut settings = store::reminders::settings(tx)?;
    let Some(per_day) = settings.targets.iter().find(|t| t.kind == old).map(|t| t.per_day) else {
        return Ok(());
    };
    if old == new || settings.targets.iter().any(|t| t.kind == new) {
        return Ok(());
    }
    let mut still_needed = false;
    for part in painful_parts(tx)?.into_iter().filter(|p| *p != body_part) {
        let stage = match rows::latest_entry(tx, part)? {
            Some(e) => Some(e.to),
            None => plan_of(tx, part)?.order.first().copied(),
        };
        still_needed |= stage.is_some_and(|s| s.session_kind() == old);
    }
    if !still_needed {
        settings.targets.retain(|t| t.kind != old);
    }
    settings.targets.push(KindTarget { kind: new, per_day });
    store::reminders::set_settings(tx, &settings)
}

/// The distinct painful body parts, in the profile's order.
fn painful_parts(c: &Connection) -> Result<Vec<BodyPart>> {
    let mut parts = Vec::new();
    for area in profile::get(c)?.affected {
        if !parts.contains(&area.body_part) {
            parts.push(area.body_part);
        }
    }
    Ok(parts)
}

fn plan_of(c: &Connection, body_part: BodyPart) -> Result<StagePlan> {
    Ok(rows::plan(c, body_part)?.unwrap_or_else(|| StagePlan::default_for(Track::for_body_part(body_part))))
}

/// Runs the stage machine for one body part and stores what it decided: entering a stage
/// (start, lock, changed plan), a flare's start or end, moving on. Each step is stored
/// before the next is decided; the loop ends when the machine decides to stay, ease back
/// or hold, which it must within the plan's length because every move goes forward in
/// the order (a lock holds at once).
fn evaluate(
    tx: &Connection,
    body_part: BodyPart,
    plan: StagePlan,
    now: &WallTime,
    params: &Parameters,
    answers: &AnswerSource,
    events: &mut Events,
) -> Result<Evaluated> {
    let today = now.local_day()?;
    let signs = flare_signs(tx, body_part, now, params, answers)?;
    let flaring = !signs.is_empty();
    let mut entry = events.latest_entry(tx, body_part)?;
    for _ in 0..=plan.order.len() + 2 {
        let current = match &entry {
            Some(e) => Some(Current { stage: e.to, entered_day: e.at.local_day()? }),
            None => None,
        };
        if let Some(c) = current
            && events.flare_open(tx, body_part)? != flaring
        {
            let reason = if !flaring {
                TransitionReason::FlareEnded
            } else {
                TransitionReason::FlareBegan { signs: signs.clone() }
            };
            events.add(tx, body_part, Some(c.stage), c.stage, &reason, now)?;
        }
        let blockers = match &entry {
            Some(e) => gate_blockers(tx, body_part, e, today, params, answers)?,
            None => Vec::new(),
        };
        let level = left_right::current_level(tx, body_part)?;
        let facts = Facts { plan: &plan, current, today, gate: &blockers, flare: flaring, level };
        let decision = stages::decide(&facts, params);
        let step = match &decision {
            StageDecision::Enter { to, reason } => Some((*to, TransitionReason::entered(*reason))),
            StageDecision::Advance { from, to } => Some((
                *to,
                TransitionReason::GatePassed {
                    days_in_stage: current.map_or(0, |c| stages::days_in_stage(c, today)),
                    min_days: plan.min_days(*from, params),
                },
            )),
            StageDecision::Stay { .. } | StageDecision::EaseBack { .. } | StageDecision::Locked => None,
        };
        let Some((to, reason)) = step else {
            let entry = entry.ok_or_else(|| Error::InvalidState("no stage was entered".into()))?;
            let current = Current { stage: entry.to, entered_day: entry.at.local_day()? };
            return Ok(Evaluated {
                body_part,
                days_in_stage: stages::days_in_stage(current, today),
                min_days: plan.min_days(entry.to, params),
                plan,
                entry,
                decision,
                signs,
            });
        };
        entry = Some(events.add(tx, body_part, current.map(|c| c.stage), to, &reason, now)?);
    }
    Err(Error::InvalidState(format!("the stage plan of the {body_part} does not settle")))
}

/// The flare rule's signs for a body part now.
fn flare_signs(
    c: &Connection,
    body_part: BodyPart,
    now: &WallTime,
    params: &Parameters,
    answers: &AnswerSource,
) -> Result<Vec<FlareSign>> {
    let pains = rows::session_pains(c, body_part, MAX_SESSION_PAINS)?;
    let since = now.unix_ms - i64::from(params.flare_felt_worse_days) * DAY_MS;
    let felt_worse = (answers.felt_worse)(c, body_part, since)?;
    Ok(flare::assess(&pains, &felt_worse, now.unix_ms, params))
}

/// What the gate of the stage `entry` put the body part in still misses.
fn gate_blockers(
    c: &Connection,
    body_part: BodyPart,
    entry: &StageEventRow,
    today: i64,
    params: &Parameters,
    answers: &AnswerSource,
) -> Result<Vec<StageBlocker>> {
    let stage = entry.to;
    if stage == Stage::LeftRight {
        let recent = left_right::gate_sessions(c, body_part, params)?;
        let entered = Current { stage, entered_day: entry.at.local_day()? };
        // Only the gate's blockers are read here; its verdict's language changes nothing.
        let state = gate::evaluate(&recent, stages::days_in_stage(entered, today), params, Locale::English);
        return Ok(stages::laterality_blockers(&state.blockers));
    }
    let since = entry.at.unix_ms;
    let mut sessions = Vec::new();
    for at in rows::completed_since(c, stage.session_kind(), body_part, since, MAX_GATE_SESSIONS)? {
        sessions.push((at.unix_ms, at.local_day()?));
    }
    let vividness = match stage {
        Stage::MotorImagery => (answers.vividness)(c, body_part, since, params.stage_gate_sessions)?,
        _ => Vec::new(),
    };
    let felt_worse = match stage {
        Stage::Mirror => (answers.felt_worse)(c, body_part, since)?,
        _ => Vec::new(),
    };
    let evidence =
        gates::StageEvidence { sessions: &sessions, vividness: &vividness, felt_worse_ms: &felt_worse };
    Ok(gates::blockers(stage, &evidence, params))
}

fn transition(row: &StageEventRow, locale: Locale) -> StageTransition {
    StageTransition {
        body_part: row.body_part,
        from_stage: row.from,
        to_stage: row.to,
        origin: row.reason.origin(),
        reason: row.reason.clone(),
        at: row.at.clone(),
        sentence: words::transition(locale, row.from, row.to, &row.reason),
    }
}

fn status(e: &Evaluated, today: i64, locale: Locale) -> Result<StageStatus> {
    let stages = e.plan.active();
    let stage = e.entry.to;
    let moved_on_today = matches!(e.entry.reason, TransitionReason::GatePassed { .. })
        && e.entry.at.local_day()? == today
        && matches!(e.decision, StageDecision::Stay { .. });
    let sentence = if moved_on_today {
        words::moved_on(locale, stage)
    } else {
        words::decision(locale, stage, &e.decision)
    };
    Ok(StageStatus {
        body_part: e.body_part,
        track: e.plan.track,
        stage,
        position: stages.iter().position(|s| *s == stage).map_or(0, |i| i as u32 + 1),
        stages,
        days_in_stage: e.days_in_stage,
        min_days: e.min_days,
        decision: e.decision.clone(),
        flare: e.signs.clone(),
        entered: transition(&e.entry, locale),
        sentence,
    })
}

fn next_step(choice: Next, evaluated: &[Evaluated], params: &Parameters, locale: Locale) -> NextStep {
    let blank = |action, sentence| NextStep {
        action,
        body_part: None,
        stage: None,
        kind: None,
        images_per_session: None,
        done: 0,
        target: 0,
        sentence,
    };
    match choice {
        Next::SetUp => blank(NextAction::SetUp, words::set_up(locale)),
        Next::DoneForToday => blank(NextAction::DoneForToday, words::done_for_today(locale)),
        Next::Practise { body_part, stage, kind, done, target, gently } => {
            let flaring = evaluated.iter().any(|e| e.body_part == body_part && !e.signs.is_empty());
            let images = if flaring {
                params.images_per_session.min(params.flare_images_per_session)
            } else {
                params.images_per_session
            };
            NextStep {
                action: if gently { NextAction::EaseBack } else { NextAction::Practise },
                body_part: Some(body_part),
                stage: Some(stage),
                kind: Some(kind),
                images_per_session: (kind == SessionKind::LeftRight).then_some(images),
                done,
                target,
                sentence: words::next(locale, kind, body_part, gently, done, target),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patient::{AffectedArea, ProfileUpdate};
    use crate::programme::stages::EntryReason;
    use crate::stimulus::Side;
    use crate::store::test_support::{now, open_temp};
    use crate::usecases::{patient, sessions};

    fn day(n: i64) -> WallTime {
        WallTime { unix_ms: now().unix_ms + n * DAY_MS, ..now() }
    }

    fn painful_hand(store: &Store) {
        let affected = vec![AffectedArea { body_part: BodyPart::Hand, side: Side::Left }];
        patient::update_profile(store, &ProfileUpdate { affected: Some(affected), ..Default::default() })
            .unwrap();
    }

    /// A completed session of `kind` on `day`, without the programme evaluating it.
    fn session(store: &Store, kind: SessionKind, on: i64) {
        let s = sessions::start(store, kind, BodyPart::Hand, 1, &day(on)).unwrap();
        store
            .write(|tx| crate::store::sessions::end(tx, s.id, crate::SessionState::Completed, &day(on)))
            .unwrap();
    }

    fn run(store: &Store, on: i64, answers: &AnswerSource) -> Evaluated {
        store
            .write(|tx| {
                let plan = plan_of(tx, BodyPart::Hand)?;
                evaluate(
                    tx,
                    BodyPart::Hand,
                    plan,
                    &day(on),
                    &Parameters::default(),
                    answers,
                    &mut Events::Stored,
                )
            })
            .unwrap()
    }

    fn reasons(store: &Store) -> Vec<&'static str> {
        store.read(|c| rows::events(c, None, 100)).unwrap().iter().map(|e| e.reason.code()).collect()
    }

    /// A mirror session on day 13 felt worse.
    fn worse_on_day_13(_: &Connection, _: BodyPart, since_ms: i64) -> Result<Vec<i64>> {
        let at = day(13).unix_ms + 3_600_000;
        Ok(if at >= since_ms { vec![at] } else { vec![] })
    }

    #[test]
    fn evaluating_twice_on_the_same_facts_stores_nothing_more() {
        let (_d, store) = open_temp();
        painful_hand(&store);
        let first = run(&store, 0, &STORED_ANSWERS);
        assert_eq!(first.entry.reason, TransitionReason::Started);
        assert_eq!(first.entry.to, Stage::LeftRight);
        run(&store, 0, &STORED_ANSWERS);
        run(&store, 3, &STORED_ANSWERS);
        assert_eq!(reasons(&store), ["started"]);
    }

    #[test]
    fn a_mirror_session_that_felt_worse_is_a_flare_then_holds_the_mirror_gate() {
        let (_d, store) = open_temp();
        painful_hand(&store);
        let plan = StagePlan {
            order: vec![Stage::Mirror, Stage::GradedMovement],
            ..StagePlan::default_for(Track::Gmi)
        };
        set_stage_plan(&store, BodyPart::Hand, &plan, &day(0), &Parameters::default(), Locale::English)
            .unwrap();
        for d in 0..14 {
            session(&store, SessionKind::Mirror, d);
        }
        let answers =
            AnswerSource { felt_worse: worse_on_day_13, vividness: crate::store::guided::imagery_vividness };
        let flaring = run(&store, 14, &answers);
        assert_eq!(flaring.signs, vec![FlareSign::FeltWorse { days_ago: 0 }]);
        assert!(matches!(flaring.decision, StageDecision::EaseBack { ease } if ease.earlier_stage.is_none()));
        // Two days on the flare has ended, but the mirror gate wants 5 calm sessions.
        session(&store, SessionKind::Mirror, 15);
        let after = run(&store, 16, &answers);
        assert!(after.signs.is_empty());
        assert_eq!(
            after.decision,
            StageDecision::Stay {
                blockers: vec![StageBlocker::FeltWorseRecently { calm_sessions: 1, need: 5 }]
            }
        );
        for d in 16..20 {
            session(&store, SessionKind::Mirror, d);
        }
        let moved = run(&store, 20, &answers);
        assert_eq!((moved.entry.from, moved.entry.to), (Some(Stage::Mirror), Stage::GradedMovement));
        assert_eq!(reasons(&store), ["started", "flare-began", "flare-ended", "gate-passed"]);
        let history = history(&store, Some(BodyPart::Hand), Locale::German).unwrap();
        assert!(history.iter().all(|t| !t.sentence.is_empty() && !t.sentence.contains("transition-")));
        assert_eq!(history[1].origin, TransitionOrigin::Flare);
        assert!(
            history[1].sentence.starts_with("Eine Spiegelübung fühlte sich schlechter an"),
            "{}",
            history[1].sentence
        );
    }

    #[test]
    fn a_plan_that_skips_the_current_stage_moves_the_patient_on_as_the_therapists_change() {
        let (_d, store) = open_temp();
        painful_hand(&store);
        run(&store, 0, &STORED_ANSWERS);
        let skip = StagePlan { skipped: vec![Stage::LeftRight], ..StagePlan::default_for(Track::Gmi) };
        let status =
            set_stage_plan(&store, BodyPart::Hand, &skip, &day(2), &Parameters::default(), Locale::English)
                .unwrap();
        assert_eq!((status.stage, status.position, status.days_in_stage), (Stage::MotorImagery, 1, 1));
        assert_eq!(status.entered.reason, TransitionReason::entered(EntryReason::PlanChanged));
        assert_eq!(status.entered.origin, TransitionOrigin::Therapist);
        let bad = StagePlan { skipped: StagePlan::default_for(Track::Gmi).order, ..skip };
        let err =
            set_stage_plan(&store, BodyPart::Hand, &bad, &day(2), &Parameters::default(), Locale::English);
        assert!(
            matches!(err, Err(Error::InvalidArgument { ref field, .. }) if field == "plan.skipped"),
            "{err:?}"
        );
        assert_eq!(reasons(&store), ["started", "plan-changed"], "a refused plan changes nothing");
    }
}
