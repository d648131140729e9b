//! `proprio session KIND`: a guided session (motor imagery, mirror therapy,
//! desensitisation, graded exposure, sensory drills) in the terminal, step by step as
//! the core hands them out, or (`--simulate`) with scripted answers and no waiting.

use crate::context::Context;
use crate::output::{CliError, print_json, terminal_safe};
use crate::terminal::picture::{self, Picture, Protocol};
use crate::terminal::{Screen, monotonic_ns};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use proprio_core::simulate::GuidedPatient;
use proprio_core::stimulus::{BodyPart, StimulusSpec};
use proprio_core::{Feeling, GuidedResults, Proprio, SessionKind, SessionStep, StepAnswer, WallTime};
use std::io::{IsTerminal, Write, stdout};
use std::time::Duration;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// Explicit motor imagery: imagine moving into each pictured posture and back
    Imagery,
    /// Mirror therapy: move in front of a mirror box or a phone used as a mirror
    Mirror,
    /// Tactile desensitisation with the texture ladder (`proprio textures`)
    Desensitise,
    /// Graded exposure: the next step of your ladder (`proprio ladder`)
    Exposure,
    /// Sensory discrimination drills for a back or neck, with a helper
    Sensory,
}

impl Kind {
    fn session_kind(self) -> SessionKind {
        match self {
            Kind::Imagery => SessionKind::MotorImagery,
            Kind::Mirror => SessionKind::Mirror,
            Kind::Desensitise => SessionKind::Desensitisation,
            Kind::Exposure => SessionKind::Exposure,
            Kind::Sensory => SessionKind::SensoryDiscrimination,
        }
    }
}

#[derive(clap::Args)]
pub struct Args {
    kind: Kind,
    /// hand, foot, back, neck, knee or shoulder [default: hand; back for sensory]
    #[arg(long, value_name = "PART")]
    body_part: Option<String>,
    /// Seed for the session's pictures or prompts (stored with it) [default: random]
    #[arg(long, value_name = "S")]
    seed: Option<u64>,
    /// How to draw pictures [default: detected from the terminal]
    #[arg(long, value_enum)]
    picture: Option<Protocol>,
    /// Picture width in character cells
    #[arg(long, default_value_t = 32, value_name = "COLS")]
    cols: u16,
    /// Scripted answers instead of you, without waiting for timers (for demos and tests)
    #[arg(long)]
    simulate: bool,
    /// --simulate: pain before and after, 0–10
    #[arg(long, default_value_t = 3, value_name = "0-10")]
    pain: u32,
    /// --simulate: pain at each check during desensitisation, 0–10
    #[arg(long, default_value_t = 2, value_name = "0-10")]
    pain_during: u32,
    /// --simulate: how vivid the imagery was, 1–5
    #[arg(long, default_value_t = 3, value_name = "1-5")]
    vividness: u32,
    /// --simulate: how mirror therapy felt: fine, strange or worse
    #[arg(long, default_value = "fine", value_name = "FEELING")]
    feeling: String,
    /// --simulate: exposure's expected pain, 0–10
    #[arg(long, default_value_t = 5, value_name = "0-10")]
    expected_pain: u32,
    /// --simulate: exposure's actual pain, 0–10
    #[arg(long, default_value_t = 3, value_name = "0-10")]
    actual_pain: u32,
    /// --simulate: fear before an exposure, 0–100
    #[arg(long, default_value_t = 60, value_name = "0-100")]
    fear_before: u32,
    /// --simulate: fear after an exposure, 0–100
    #[arg(long, default_value_t = 30, value_name = "0-100")]
    fear_after: u32,
    /// --simulate: chance of a right answer in a sensory drill, 0–1
    #[arg(long, default_value_t = 0.8, value_name = "A")]
    accuracy: f64,
    /// --simulate: stop after answering this many steps
    #[arg(long, value_name = "N")]
    stop_after: Option<u32>,
    /// Print the results as JSON (with --simulate, instead of the transcript)
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let kind = args.kind.session_kind();
    let default_part = if matches!(args.kind, Kind::Sensory) { "back" } else { "hand" };
    let body_part = BodyPart::parse(args.body_part.as_deref().unwrap_or(default_part), "--body-part")
        .map_err(|e| CliError::usage(e.to_string()))?;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !args.simulate && !terminal {
        return Err(CliError::usage("session needs a terminal for input and output (or use --simulate)"));
    }
    let proprio = ctx.open()?;
    let results = if args.simulate {
        let feeling =
            Feeling::parse(&args.feeling, "--feeling").map_err(|e| CliError::usage(e.to_string()))?;
        if !(0.0..=1.0).contains(&args.accuracy) {
            return Err(CliError::usage(format!("--accuracy: {} is not between 0 and 1", args.accuracy)));
        }
        let patient = GuidedPatient {
            pain: args.pain,
            pain_during: args.pain_during,
            vividness: args.vividness,
            feeling,
            expected_pain: args.expected_pain,
            actual_pain: args.actual_pain,
            fear_before: args.fear_before,
            fear_after: args.fear_after,
            accuracy: args.accuracy,
            stop_after: args.stop_after,
            seed: args.seed.unwrap_or(0),
        };
        let quiet = args.json;
        let (results, _) = patient.run_with(
            &proprio,
            kind,
            body_part,
            args.seed,
            ctx.now.clone(),
            |step, answer, notice| {
                if !quiet {
                    print_transcript(step, answer, notice);
                }
            },
        )?;
        results
    } else {
        let protocol = args.picture.unwrap_or_else(Protocol::detect);
        interactive(&proprio, kind, body_part, args.seed, ctx, protocol, args.cols)?
    };
    if args.json {
        return print_json(&results);
    }
    print_results(&results);
    Ok(())
}

fn print_transcript(step: &SessionStep, answer: &StepAnswer, notice: Option<&str>) {
    let timer = step.timer.map(|t| format!(" [{} s {}]", t.seconds, t.cue)).unwrap_or_default();
    let given = match answer {
        StepAnswer::Done => "done".to_string(),
        StepAnswer::Rating { value } => value.to_string(),
        StepAnswer::Choice { id } => terminal_safe(id),
        StepAnswer::Stop => "stop".to_string(),
    };
    println!(
        "{:>3}/{}  {}{timer}: {}  → {given}",
        step.index + 1,
        step.total,
        terminal_safe(&step.title),
        terminal_safe(&step.prompt)
    );
    if let Some(n) = notice {
        println!("       {}", terminal_safe(n));
    }
}

fn print_results(r: &GuidedResults) {
    let opt = |v: Option<u32>| v.map_or("–".to_string(), |v| v.to_string());
    println!(
        "Session {} ({}, {}): {} of {} steps, {}",
        r.session.id, r.session.kind, r.session.body_part, r.answered, r.total_steps, r.session.state
    );
    println!("  pain before {}/10, after {}/10", opt(r.pain_before), opt(r.pain_after));
    if let Some(v) = r.vividness {
        println!("  vividness {v}/5");
    }
    if let Some(f) = r.feeling {
        println!("  felt {f}");
    }
    if r.fear_before.is_some() {
        println!(
            "  expected pain {}/10, actual {}/10; fear {} → {} of 100{}",
            opt(r.expected_pain),
            opt(r.actual_pain),
            opt(r.fear_before),
            opt(r.fear_after),
            if r.passed { " (fear fell: step passed)" } else { "" }
        );
    }
    if r.trials > 0 {
        println!("  {} of {} prompts right", r.correct, r.trials);
    }
    println!("{}", terminal_safe(&r.message));
}

fn io(e: std::io::Error) -> CliError {
    CliError::failure(format!("terminal: {e}"))
}

/// Wall time now, moved on from `--at` by the real time the session took.
fn wall_now(ctx: &Context) -> WallTime {
    WallTime { unix_ms: ctx.now.unix_ms + monotonic_ns() / 1_000_000, zone: ctx.now.zone.clone() }
}

/// Runs the session on screen, one step at a time; returns its results.
fn interactive(
    proprio: &Proprio,
    kind: SessionKind,
    body_part: BodyPart,
    seed: Option<u64>,
    ctx: &Context,
    protocol: Protocol,
    cols: u16,
) -> Result<GuidedResults, CliError> {
    monotonic_ns(); // start the clock
    let start = proprio.start_guided(kind, body_part, seed, ctx.now.clone())?;
    let id = start.session.id;
    let screen = Screen::enter().map_err(io)?;
    let mut step = Some(start.first);
    while let Some(s) = step.take() {
        draw(&s, protocol, cols)?;
        let answer = ask(&s)?;
        let result = proprio.answer_step(id, s.index, answer, wall_now(ctx))?;
        if let Some(notice) = &result.notice {
            show(&format!("\r\n  {}\r\n\r\n  Press any key.", terminal_safe(notice)))?;
            key()?;
        }
        step = result.next;
    }
    drop(screen);
    Ok(proprio.finish_guided(id, wall_now(ctx))?)
}

fn show(text: &str) -> Result<(), CliError> {
    let mut out = stdout();
    out.write_all(text.as_bytes()).map_err(io)?;
    out.flush().map_err(io)
}

fn draw(s: &SessionStep, protocol: Protocol, cols: u16) -> Result<(), CliError> {
    let mut frame = format!("  Step {} of {}   {}\r\n\r\n", s.index + 1, s.total, terminal_safe(&s.title));
    frame.push_str(&format!("  {}\r\n\r\n", terminal_safe(&s.prompt)));
    if let Some(id) = &s.picture {
        let spec = StimulusSpec::from_id(id)?;
        let image = proprio_core::stimulus::render::render(&spec, 256)?;
        let png = proprio_core::stimulus::render::encode_png(&image)?;
        let pic = Picture { width: image.width, height: image.height, rgba: &image.rgba, png: &png };
        frame.push_str(&picture::encode(&pic, protocol, cols));
        frame.push_str("\r\n");
    }
    if let Some(r) = &s.rating {
        frame.push_str(&format!(
            "  {} = {}   …   {} = {}\r\n  Type a number and press Enter.\r\n",
            r.min,
            terminal_safe(&r.min_label),
            r.max,
            terminal_safe(&r.max_label)
        ));
    }
    for (i, c) in s.choices.iter().enumerate() {
        frame.push_str(&format!("  {}: {}\r\n", i + 1, terminal_safe(&c.label)));
    }
    if s.rating.is_none() && s.choices.is_empty() {
        frame.push_str(if s.timer.is_some() { "  Enter: done early" } else { "  Enter: continue" });
    }
    if let Some(next) = &s.next {
        frame.push_str(&format!("\r\n\r\n  Next: {}", terminal_safe(next)));
    }
    frame.push_str("\r\n  Esc: stop (answers are kept)\r\n");
    let mut out = stdout();
    execute!(out, terminal::Clear(terminal::ClearType::All), cursor::MoveTo(0, 0)).map_err(io)?;
    show(&frame)
}

fn is_stop(k: &event::KeyEvent) -> bool {
    matches!(k.code, KeyCode::Esc | KeyCode::Char('q'))
        || (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
}

fn key() -> Result<event::KeyEvent, CliError> {
    loop {
        if let Event::Key(k) = event::read().map_err(io)?
            && k.kind == KeyEventKind::Press
        {
            return Ok(k);
        }
    }
}

/// Reads the patient's answer to a step: a timer counted down on screen, a number, a
/// choice, or Enter.
fn ask(s: &SessionStep) -> Result<StepAnswer, CliError> {
    if let Some(t) = s.timer {
        let deadline = monotonic_ns() + i64::from(t.seconds) * 1_000_000_000;
        loop {
            let left = deadline - monotonic_ns();
            if left <= 0 {
                return Ok(StepAnswer::Done);
            }
            let secs = (left + 999_999_999) / 1_000_000_000;
            show(&format!("\r  {}  {secs:>3} s   ", t.cue))?;
            if event::poll(Duration::from_nanos((left % 1_000_000_000).max(1) as u64)).map_err(io)?
                && let Event::Key(k) = event::read().map_err(io)?
                && k.kind == KeyEventKind::Press
            {
                if is_stop(&k) {
                    return Ok(StepAnswer::Stop);
                }
                if k.code == KeyCode::Enter {
                    return Ok(StepAnswer::Done);
                }
            }
        }
    }
    let mut typed = String::new();
    loop {
        let k = key()?;
        if is_stop(&k) {
            return Ok(StepAnswer::Stop);
        }
        match k.code {
            KeyCode::Char(c @ '1'..='9') if !s.choices.is_empty() => {
                if let Some(choice) = s.choices.get(c as usize - '1' as usize) {
                    return Ok(StepAnswer::Choice { id: choice.id.clone() });
                }
            }
            KeyCode::Char(c) if c.is_ascii_digit() && s.rating.is_some() && typed.len() < 3 => {
                typed.push(c);
                show(&format!("\r  {typed}   "))?;
            }
            KeyCode::Backspace => {
                typed.pop();
                show(&format!("\r  {typed}   "))?;
            }
            KeyCode::Enter if s.rating.is_some() => {
                // Out of range values are refused by the core; ask again here first.
                if let (Ok(value), Some(r)) = (typed.parse::<u32>(), &s.rating)
                    && (r.min..=r.max).contains(&value)
                {
                    return Ok(StepAnswer::Rating { value });
                }
                typed.clear();
                show(&format!(
                    "\r  {}–{}?   ",
                    s.rating.as_ref().map_or(0, |r| r.min),
                    s.rating.as_ref().map_or(0, |r| r.max)
                ))?;
            }
            KeyCode::Enter if s.choices.is_empty() => return Ok(StepAnswer::Done),
            _ => {}
        }
    }
}
