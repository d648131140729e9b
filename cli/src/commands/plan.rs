//! `proprio plan`: the therapist's plan — a template to edit, import (a file or a share
//! code), the plan in force with its history and what each plan changed, and the share
//! code and QR code of a plan. Every bad input is refused before anything is written.

use crate::context::Context;
use crate::input::read_bytes_bounded;
use crate::output::{CliError, print_json, terminal_safe, terminal_safe_lines};
use proprio_core::{MAX_PLAN_BYTES, PlanEntry, Proprio};
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(clap::Subcommand)]
pub enum Command {
    /// A plan to edit, filled from the patient's profile and the values in force
    New {
        /// Write it to this file (refused if the file exists) instead of printing it
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The plan in force, what it changed, and every earlier plan
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Check a plan and apply it: a JSON file, or a share code with --code
    Import {
        /// The plan document (JSON)
        #[arg(required_unless_present = "code", conflicts_with = "code")]
        file: Option<PathBuf>,
        /// A share code instead of a file
        #[arg(long, value_name = "CODE")]
        code: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The share code of a plan file (checked), or of the plan in force
    Code {
        /// The plan document (JSON) [default: the plan in force]
        file: Option<PathBuf>,
    },
    /// The plan document in a share code (checked)
    Decode {
        code: String,
        /// Write it to this file (refused if the file exists) instead of printing it
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print a plan's QR code in the terminal and optionally write it as SVG and PNG
    Qr {
        /// The plan document (JSON) [default: the plan in force]
        file: Option<PathBuf>,
        /// Also write the QR code as an SVG image
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        /// Also write the QR code as a PNG image
        #[arg(long, value_name = "FILE")]
        png: Option<PathBuf>,
        /// Draw for a terminal with dark text on a light background
        #[arg(long)]
        light: bool,
    },
}

pub fn run(ctx: &Context, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::New { out } => {
            let template = open(ctx)?.plan_template(ctx.now.clone())?;
            write_or_print(&template, out.as_deref(), "--out")
        }
        Command::Show { json } => show(&*open(ctx)?, json),
        Command::Import { file, code, json } => {
            let entry = match (file, code) {
                (Some(file), _) => {
                    let text = read_plan(&file)?;
                    open(ctx)?.import_plan(text, ctx.now.clone())?
                }
                (None, Some(code)) => open(ctx)?.import_plan_code(code, ctx.now.clone())?,
                (None, None) => return Err(CliError::usage("give a plan FILE or --code CODE")),
            };
            if json {
                return print_json(&entry_json(&entry));
            }
            println!("Plan {} imported. What changed:", entry.id);
            print_changes(&entry);
            Ok(())
        }
        // A therapist's side: a file's code, a code's plan and the QR need no database.
        Command::Code { file: Some(file) } => {
            println!("{}", proprio_core::plan_to_code(read_plan(&file)?)?);
            Ok(())
        }
        Command::Code { file: None } => {
            println!("{}", current_code(&*open(ctx)?)?);
            Ok(())
        }
        Command::Decode { code, out } => {
            let json = proprio_core::plan_from_code(code)?;
            write_or_print(&json, out.as_deref(), "--out")
        }
        Command::Qr { file, svg, png, light } => {
            let code = match file {
                Some(file) => proprio_core::plan_to_code(read_plan(&file)?)?,
                None => current_code(&*open(ctx)?)?,
            };
            qr(&code, svg.as_deref(), png.as_deref(), light)
        }
    }
}

/// The database, with the sentences in the environment's language (as a phone passes
/// its own).
fn open(ctx: &Context) -> Result<std::sync::Arc<Proprio>, CliError> {
    let proprio = ctx.open()?;
    proprio.set_language(language());
    Ok(proprio)
}

/// The environment's language tag (LC_ALL, LC_MESSAGES, LANG).
fn language() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default()
}

fn read_plan(path: &Path) -> Result<String, CliError> {
    let bytes = read_bytes_bounded(path, MAX_PLAN_BYTES as u64, "FILE", "a plan")?;
    String::from_utf8(bytes)
        .map_err(|_| CliError::usage(format!("FILE: {} is not UTF-8 text", path.display())))
}

fn current_code(proprio: &Proprio) -> Result<String, CliError> {
    proprio
        .plan_share_code()?
        .ok_or_else(|| CliError::usage("no plan has been imported yet: give a plan FILE"))
}

/// Makes every picture first, so a bad code or path writes nothing.
fn qr(code: &str, svg: Option<&Path>, png: Option<&Path>, light: bool) -> Result<(), CliError> {
    let text = proprio_core::plan_qr_text(code, !light)?;
    let svg_image = svg.map(|_| proprio_core::plan_qr_svg(code.to_string())).transpose()?;
    let png_image = png.map(|_| proprio_core::plan_qr_png(code.to_string())).transpose()?;
    for (path, flag) in [(svg, "--svg"), (png, "--png")] {
        if let Some(dir) = path.and_then(Path::parent).filter(|d| !d.as_os_str().is_empty() && !d.is_dir()) {
            return Err(CliError::usage(format!("{flag}: folder {} does not exist", dir.display())));
        }
    }
    if let (Some(path), Some(image)) = (svg, svg_image) {
        write(path, image.as_bytes(), "--svg")?;
    }
    if let (Some(path), Some(image)) = (png, png_image) {
        write(path, &image, "--png")?;
    }
    println!("{text}");
    println!("{code}");
    Ok(())
}

fn write(path: &Path, bytes: &[u8], flag: &str) -> Result<(), CliError> {
    std::fs::write(path, bytes)
        .map_err(|e| CliError::failure(format!("{flag}: cannot write {}: {e}", path.display())))
}

/// Prints `text`, or writes it to a new file (an existing one is never overwritten: it
/// may be a plan someone edited).
fn write_or_print(text: &str, out: Option<&Path>, flag: &str) -> Result<(), CliError> {
    let Some(path) = out else {
        println!("{}", terminal_safe_lines(text));
        return Ok(());
    };
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::AlreadyExists {
            "it exists".to_string()
        } else {
            e.to_string()
        };
        CliError::usage(format!("{flag}: cannot write {}: {why}", path.display()))
    })?;
    std::io::Write::write_all(&mut file, format!("{text}\n").as_bytes())
        .map_err(|e| CliError::failure(format!("{flag}: cannot write {}: {e}", path.display())))?;
    println!("Wrote {}.", terminal_safe(&path.display().to_string()));
    Ok(())
}

fn show(proprio: &Proprio, json: bool) -> Result<(), CliError> {
    let history = proprio.plan_history()?;
    if json {
        let entries: Vec<_> = history.iter().map(entry_json).collect();
        return print_json(&json!({ "current": entries.first(), "history": entries }));
    }
    let Some(current) = history.first() else {
        println!("No plan yet: every value is the default. Import one with proprio plan import FILE.");
        return Ok(());
    };
    let plan = &current.plan;
    let by = [plan.author.as_deref(), plan.clinic.as_deref()].into_iter().flatten().collect::<Vec<_>>();
    println!(
        "Plan {} of {}, received {} as a {}{}",
        current.id,
        plan.created,
        crate::output::local_time(&current.received_at),
        current.source,
        if by.is_empty() { String::new() } else { format!(", from {}", terminal_safe(&by.join(", "))) }
    );
    for t in &plan.tracks {
        let stages: Vec<String> = t
            .stages
            .iter()
            .map(|s| {
                let mut name = s.stage.to_string();
                if let Some(d) = s.min_days {
                    name += &format!(" ({d} d)");
                }
                if s.locked {
                    name += " [locked]";
                }
                if s.skip {
                    name += " [skipped]";
                }
                name
            })
            .collect();
        println!("  {} {} ({}): {}", t.side, t.body_part, t.track, stages.join(" → "));
    }
    for o in &plan.parameters {
        println!("  {} = {}", o.key, o.value);
    }
    if let Some(text) = &plan.instructions {
        println!("  Instructions:\n    {}", terminal_safe_lines(text).replace('\n', "\n    "));
    }
    println!("What it changed:");
    print_changes(current);
    if history.len() > 1 {
        println!("Earlier plans:");
        for e in &history[1..] {
            println!(
                "  {} of {}, received {}",
                e.id,
                e.plan.created,
                crate::output::local_time(&e.received_at)
            );
        }
    }
    Ok(())
}

fn print_changes(entry: &PlanEntry) {
    for c in &entry.changes {
        println!("  - {}", terminal_safe_lines(&c.text).replace('\n', "\n    "));
    }
}

fn entry_json(e: &PlanEntry) -> serde_json::Value {
    let plan: serde_json::Value = serde_json::from_str(&e.plan.to_json(false)).unwrap_or_default();
    json!({
        "id": e.id,
        "received_at": e.received_at,
        "source": e.source,
        "plan": plan,
        "changes": e.changes.iter().map(|c| json!({"change": c.change, "text": c.text})).collect::<Vec<_>>(),
    })
}
