//! `proprio practice`: a left/right session in the terminal, or (`--simulate`) a virtual
//! patient answering through the same engine and database.

use crate::context::Context;
use crate::output::{CliError, print_json, print_results};
use crate::terminal::picture::{self, Picture, Protocol};
use crate::terminal::{Screen, monotonic_ns};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use proprio_core::simulate::VirtualPatient;
use proprio_core::stimulus::{BodyPart, Side, StimulusSpec};
use proprio_core::{AnswerOutcome, LeftRightSettings, TrialPrompt};
use proprio_core::{Proprio, WallTime};
use std::io::IsTerminal;
use std::io::{Write, stdout};
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// hand, foot, back, neck, knee or shoulder
    #[arg(long, default_value = "hand", value_name = "PART")]
    body_part: String,
    /// Pictures in the session, 10–100 [default: 50, from the parameter table]
    #[arg(long, value_name = "N")]
    count: Option<u32>,
    /// Seconds to answer each picture, 2–60 [default: 5]
    #[arg(long, value_name = "S")]
    time_limit: Option<f64>,
    /// Difficulty level 1–6 [default: your current level]
    #[arg(long, value_name = "L")]
    level: Option<u32>,
    /// Unscored practice pictures first, 0–20 [default: 0]
    #[arg(long, value_name = "N")]
    practice: Option<u32>,
    /// Do not show right/wrong after each answer
    #[arg(long)]
    no_feedback: bool,
    /// Seed for the picture sequence (stored with the session) [default: random]
    #[arg(long, value_name = "S")]
    seed: Option<u64>,
    /// How to draw pictures [default: detected from the terminal]
    #[arg(long, value_enum)]
    picture: Option<Protocol>,
    /// Picture width in character cells
    #[arg(long, default_value_t = 48, value_name = "COLS")]
    cols: u16,
    /// A virtual patient answers instead of you (for demos and tests)
    #[arg(long)]
    simulate: bool,
    /// --simulate: chance of a correct answer, 0–1
    #[arg(long, default_value_t = 0.9, value_name = "A")]
    accuracy: f64,
    /// --simulate: typical response time in ms
    #[arg(long, default_value_t = 1200.0, value_name = "MS")]
    rt_ms: f64,
    /// --simulate: a side answered more slowly (left or right)
    #[arg(long, value_name = "SIDE")]
    slower_side: Option<String>,
    /// --simulate: how much slower that side is, ms
    #[arg(long, default_value_t = 0.0, value_name = "MS")]
    slowdown_ms: f64,
    /// --simulate: chance of a correct answer on the slower side [default: --accuracy]
    #[arg(long, value_name = "A")]
    slower_side_accuracy: Option<f64>,
    /// --simulate: extra time for a picture turned 180° (θ costs (θ/180)² of it), ms
    #[arg(long, default_value_t = VirtualPatient::default().angle_cost_ms, value_name = "MS")]
    angle_cost_ms: f64,
    /// --simulate: extra time for a lateral rotation, ms
    #[arg(long, default_value_t = VirtualPatient::default().lateral_cost_ms, value_name = "MS")]
    lateral_cost_ms: f64,
    /// --simulate: chance of no answer before the limit
    #[arg(long, default_value_t = VirtualPatient::default().lapse_rate, value_name = "P")]
    lapse_rate: f64,
    /// --simulate: chance of a guess (a key within 100–250 ms)
    #[arg(long, default_value_t = VirtualPatient::default().guess_rate, value_name = "P")]
    guess_rate: f64,
    /// Print the session's results as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let body_part =
        BodyPart::parse(&args.body_part, "--body-part").map_err(|e| CliError::usage(e.to_string()))?;
    let time_limit_ms = match args.time_limit {
        Some(s) if !(s.is_finite() && s > 0.0) => {
            return Err(CliError::usage(format!("--time-limit: {s} is not a number of seconds")));
        }
        Some(s) => Some((s * 1000.0).round() as u32),
        None => None,
    };
    let settings = LeftRightSettings {
        body_part,
        count: args.count,
        time_limit_ms,
        feedback: Some(!args.no_feedback),
        level: args.level,
        seed: args.seed,
        practice: args.practice,
    };
    if args.slowdown_ms != 0.0 && args.slower_side.is_none() {
        return Err(CliError::usage("--slowdown-ms needs --slower-side (which side is slower)"));
    }
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !args.simulate && !terminal {
        // Checked before the session is created, so a failed start leaves nothing behind.
        return Err(CliError::usage("practice needs a terminal for input and output (or use --simulate)"));
    }
    let proprio = ctx.open()?;
    let results = if args.simulate {
        let slower_side = args
            .slower_side
            .as_deref()
            .map(|s| Side::parse(s, "--slower-side"))
            .transpose()
            .map_err(|e| CliError::usage(e.to_string()))?;
        let patient = VirtualPatient {
            accuracy: args.accuracy,
            rt_ms: args.rt_ms,
            slower_side,
            slowdown_ms: args.slowdown_ms,
            slower_side_accuracy: args.slower_side_accuracy,
            angle_cost_ms: args.angle_cost_ms,
            lateral_cost_ms: args.lateral_cost_ms,
            lapse_rate: args.lapse_rate,
            guess_rate: args.guess_rate,
            seed: args.seed.unwrap_or(0),
        };
        patient.run(&proprio, settings, ctx.now.clone())?
    } else {
        let protocol = args.picture.unwrap_or_else(Protocol::detect);
        let session_id = interactive(&proprio, settings, ctx, protocol, args.cols)?;
        proprio.session_results(session_id, elapsed_wall_time(ctx))?
    };
    if args.json {
        return print_json(&results);
    }
    print_results(&results);
    Ok(())
}

/// Wall time now, moved on from `--at` by the real time the session took.
fn elapsed_wall_time(ctx: &Context) -> WallTime {
    WallTime { unix_ms: ctx.now.unix_ms + monotonic_ns() / 1_000_000, zone: ctx.now.zone.clone() }
}

fn io(e: std::io::Error) -> CliError {
    CliError::failure(format!("terminal: {e}"))
}

enum Reply {
    Answer(i64, Side),
    Timeout,
    Stop,
    Void,
}

/// Runs the session on screen; returns its id once finished or stopped.
fn interactive(
    proprio: &Proprio,
    settings: LeftRightSettings,
    ctx: &Context,
    protocol: Protocol,
    cols: u16,
) -> Result<i64, CliError> {
    monotonic_ns(); // start the clock
    let start = proprio.start_left_right(settings, ctx.now.clone())?;
    let session_id = start.session.id;
    let screen = Screen::enter().map_err(io)?;
    let mut prompt = Some(start.first);
    let mut stopped = false;
    while let Some(p) = prompt.take() {
        // The fixation cross; keys pressed during it (or the feedback before it) are not
        // answers to the picture that follows.
        if fixation(p.fixation_ms)? == Pause::Stop {
            stopped = true;
            break;
        }
        let onset = draw(&p, protocol, cols)?;
        let outcome: AnswerOutcome = match wait(onset, p.time_limit_ms)? {
            Reply::Answer(at, side) => proprio.answer_trial(session_id, p.index, onset, at, side)?,
            Reply::Timeout => proprio.time_out_trial(session_id, p.index, onset)?,
            Reply::Void => {
                prompt = Some(proprio.void_trial(session_id, p.index, Some(onset))?);
                continue;
            }
            Reply::Stop => {
                stopped = true;
                break;
            }
        };
        if let Some(shown) = &outcome.feedback {
            feedback(&p, &outcome)?;
            if pause(shown.show_ms)? == Pause::Stop {
                stopped = true;
                break;
            }
        }
        prompt = outcome.next;
    }
    drop(screen);
    let end = elapsed_wall_time(ctx);
    if stopped {
        proprio.abort_session(session_id, end)?;
    } else {
        proprio.finish_session(session_id, end)?;
    }
    Ok(session_id)
}

fn question(body: BodyPart) -> &'static str {
    match body {
        BodyPart::Back => "Has the body turned or bent to the LEFT or the RIGHT?",
        BodyPart::Neck => "Has the head turned or tilted to the LEFT or the RIGHT?",
        BodyPart::Hand => "Is this a LEFT or a RIGHT hand?",
        BodyPart::Foot => "Is this a LEFT or a RIGHT foot?",
        BodyPart::Knee => "Is this a LEFT or a RIGHT knee?",
        BodyPart::Shoulder => "Is this a LEFT or a RIGHT shoulder?",
    }
}

#[derive(PartialEq)]
enum Pause {
    Done,
    Stop,
}

/// Shows the fixation cross for `ms`.
fn fixation(ms: u32) -> Result<Pause, CliError> {
    let mut out = stdout();
    execute!(out, terminal::Clear(terminal::ClearType::All), cursor::MoveTo(0, 0)).map_err(io)?;
    out.write_all(b"\r\n\r\n\r\n                        +\r\n").map_err(io)?;
    out.flush().map_err(io)?;
    pause(ms)
}

/// Waits `ms`, dropping every key pressed meanwhile except a stop (Esc, q, Ctrl-C).
fn pause(ms: u32) -> Result<Pause, CliError> {
    let deadline = monotonic_ns() + i64::from(ms) * 1_000_000;
    loop {
        let left = deadline - monotonic_ns();
        if left <= 0 || !event::poll(Duration::from_nanos(left as u64)).map_err(io)? {
            return Ok(Pause::Done);
        }
        if let Event::Key(k) = event::read().map_err(io)?
            && k.kind == KeyEventKind::Press
            && is_stop(&k)
        {
            return Ok(Pause::Stop);
        }
    }
}

fn is_stop(k: &event::KeyEvent) -> bool {
    matches!(k.code, KeyCode::Esc | KeyCode::Char('q'))
        || (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// Draws the prompt; returns the onset: the monotonic time right after the frame with
/// the picture was flushed to the terminal.
fn draw(p: &TrialPrompt, protocol: Protocol, cols: u16) -> Result<i64, CliError> {
    let mut frame = String::new();
    let block = if p.practice { "Practice" } else { "Picture" };
    frame.push_str(&format!(
        "  {block} {} of {}   {}\r\n\r\n",
        p.position,
        p.total,
        question(p.stimulus.body_part)
    ));
    frame.push_str(&render(&p.stimulus, protocol, cols)?);
    frame.push_str("\r\n  ← or L: left     → or R: right     Esc: stop (answers are kept)\r\n");
    let mut out = stdout();
    execute!(out, terminal::Clear(terminal::ClearType::All), cursor::MoveTo(0, 0)).map_err(io)?;
    out.write_all(frame.as_bytes()).map_err(io)?;
    out.flush().map_err(io)?;
    Ok(monotonic_ns())
}

fn render(spec: &StimulusSpec, protocol: Protocol, cols: u16) -> Result<String, CliError> {
    let image = proprio_core::stimulus::render::render(spec, 256)?;
    let png = proprio_core::stimulus::render::encode_png(&image)?;
    let pic = Picture { width: image.width, height: image.height, rgba: &image.rgba, png: &png };
    Ok(picture::encode(&pic, protocol, cols))
}

/// Waits for an answer until the time limit runs out.
fn wait(onset: i64, limit_ms: u32) -> Result<Reply, CliError> {
    let deadline = onset + i64::from(limit_ms) * 1_000_000;
    loop {
        let left = deadline - monotonic_ns();
        if left <= 0 || !event::poll(Duration::from_nanos(left as u64)).map_err(io)? {
            return Ok(Reply::Timeout);
        }
        let ev = event::read().map_err(io)?;
        let at = monotonic_ns();
        match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Left | KeyCode::Char('l' | 'L') => return Ok(Reply::Answer(at, Side::Left)),
                KeyCode::Right | KeyCode::Char('r' | 'R') => return Ok(Reply::Answer(at, Side::Right)),
                _ if is_stop(&k) => return Ok(Reply::Stop),
                _ => {}
            },
            // The terminal lost focus: like a phone app going to the background.
            Event::FocusLost => return Ok(Reply::Void),
            _ => {}
        }
    }
}

fn feedback(p: &TrialPrompt, o: &AnswerOutcome) -> Result<(), CliError> {
    let text = if o.timeout {
        format!("  Time's up — that was a {} {}.", p.stimulus.side, p.stimulus.body_part)
    } else if o.correct {
        "  ✓ Correct".to_string()
    } else {
        format!("  ✗ That was a {} {}.", p.stimulus.side, p.stimulus.body_part)
    };
    let mut out = stdout();
    out.write_all(format!("\r\n{text}\r\n").as_bytes()).map_err(io)?;
    out.flush().map_err(io)
}
