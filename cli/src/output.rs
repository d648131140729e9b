//! Errors and printing shared by the commands.

use proprio_core::LateralityStats;
use proprio_core::ProprioError;
use proprio_core::SessionResults;
use serde::Serialize;
use std::fmt;
use std::process::ExitCode;

/// A command's failure: a message for a person and the exit code (2 for input the user
/// can correct, 1 for anything else).
#[derive(Debug)]
pub struct CliError {
    message: String,
    code: u8,
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> Self {
        CliError { message: message.into(), code: 2 }
    }

    pub fn failure(message: impl Into<String>) -> Self {
        CliError { message: message.into(), code: 1 }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code)
    }
}

/// Messages often quote what the user typed; shown escaped (see [`terminal_safe`]).
impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&terminal_safe_lines(&self.message))
    }
}

impl From<proprio_core::Error> for CliError {
    fn from(e: proprio_core::Error) -> Self {
        ProprioError::from(e).into()
    }
}

impl From<ProprioError> for CliError {
    fn from(e: ProprioError) -> Self {
        match e {
            ProprioError::InvalidPlan { problems } => {
                let lines: Vec<String> =
                    problems.iter().map(|p| format!("  {}: {}", p.path, p.reason)).collect();
                CliError::usage(format!(
                    "the plan has {} problem(s); nothing was changed:\n{}",
                    problems.len(),
                    lines.join("\n")
                ))
            }
            ProprioError::InvalidArgument { .. }
            | ProprioError::NewerPlan { .. }
            | ProprioError::PlanNotRead { .. }
            | ProprioError::NotFound { .. }
            | ProprioError::InvalidState { .. } => CliError::usage(e.to_string()),
            _ => CliError::failure(e.to_string()),
        }
    }
}

/// Prints `value` as pretty JSON on stdout. JSON already escapes C0 control characters;
/// DEL and the C1 range (U+009B is a one-character CSI on some terminals) are escaped
/// too, which keeps the JSON equal in meaning.
pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::failure(e.to_string()))?;
    let safe: String =
        text.chars()
            .map(|c| {
                if ('\u{7f}'..='\u{9f}').contains(&c) {
                    format!("\\u{:04x}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect();
    println!("{safe}");
    Ok(())
}

/// Text from users or files, made harmless for a terminal: control characters (escape
/// sequences, carriage returns, newlines, DEL, C1) are shown as `\u{1b}`-style escapes,
/// so a stored note cannot clear, move or rewrite the screen.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`terminal_safe`] but keeps newlines and tabs: for messages that span lines.
pub fn terminal_safe_lines(text: &str) -> String {
    text.split('\n').map(|line| terminal_safe(line).replace("\\u{9}", "\t")).collect::<Vec<_>>().join("\n")
}

/// Formats an instant in its own zone, e.g. "2026-03-01 09:30 (Europe/London)".
pub fn local_time(at: &proprio_core::WallTime) -> String {
    match at.local() {
        Ok(t) => format!("{} ({})", t.format("%Y-%m-%d %H:%M"), at.zone),
        Err(_) => format!("{} ms ({})", at.unix_ms, at.zone),
    }
}

/// "2026-03-01 09:30" in the instant's own zone.
pub fn local_time_short(at: &proprio_core::WallTime) -> String {
    at.local().map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|_| at.unix_ms.to_string())
}

pub fn fmt_pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |a| format!("{:.0} %", (a * 100.0).floor()))
}

pub fn fmt_rt(v: Option<f64>) -> String {
    v.map_or("–".into(), |ms| format!("{:.2} s", ms / 1000.0))
}

/// The per-side table, then rotation direction and angle bands.
pub fn print_side_table(st: &LateralityStats) {
    println!(
        "  {:<16} {:>4} {:>9} {:>9} {:>15} {:>9} {:>9}",
        "", "n", "correct", "median", "IQR", "too fast", "timeouts"
    );
    for s in [&st.left, &st.right] {
        let label = format!("{} pictures{}", s.side, if s.affected { " *" } else { "" });
        let iqr = match (s.q1_rt_ms, s.q3_rt_ms) {
            (Some(a), Some(b)) => format!("{:.2}–{:.2} s", a / 1000.0, b / 1000.0),
            _ => "–".into(),
        };
        println!(
            "  {:<16} {:>4} {:>9} {:>9} {:>15} {:>9} {:>9}",
            label,
            s.n,
            fmt_pct(s.accuracy),
            fmt_rt(s.median_rt_ms),
            iqr,
            s.anticipations,
            s.timeouts
        );
    }
    if st.left.affected || st.right.affected {
        println!("  * affected side");
    }
    for side in [&st.left, &st.right] {
        let groups: Vec<String> = st
            .by_direction
            .iter()
            .chain(st.by_angle.iter())
            .filter(|g| g.side == side.side)
            .map(|g| format!("{} {} {}", g.label, fmt_pct(g.accuracy), fmt_rt(g.median_rt_ms)))
            .collect();
        if !groups.is_empty() {
            println!("  {} by rotation: {}", side.side, groups.join(" · "));
        }
    }
    let effects: Vec<String> = st
        .direction_effect
        .iter()
        .filter_map(|e| {
            e.lateral_minus_medial_ms
                .map(|d| format!("{} {:+.0} ms (n {}/{})", e.side, d, e.lateral_n, e.medial_n))
        })
        .collect();
    if !effects.is_empty() {
        println!("  lateral − medial: {}", effects.join(" · "));
    }
    let hljt: Vec<String> = st
        .hljt
        .iter()
        .filter(|h| h.n > 0)
        .map(|h| {
            format!(
                "{} {} correct, mean {} (n {}, {} left out)",
                h.side,
                fmt_pct(h.accuracy),
                fmt_rt(h.mean_rt_ms),
                h.n,
                h.excluded
            )
        })
        .collect();
    if !hljt.is_empty() {
        println!("  HLJT convention (RT 0.3–3 s): {}", hljt.join(" · "));
    }
}

/// A finished session: the table and the verdict.
pub fn print_results(r: &SessionResults) {
    let answered = r.stats.left.n + r.stats.right.n;
    println!(
        "Session {} ({}), level {}: {answered} pictures answered.\n",
        r.session_id,
        format!("{:?}", r.state).to_lowercase(),
        r.level
    );
    print_side_table(&r.stats);
    println!("\n{}", r.gate.verdict);
}

/// Exit status of a process whose reader went away (128 + SIGPIPE), as shells report it.
const BROKEN_PIPE_EXIT: i32 = 141;

/// Output piped into `head`, or a pager closed early, ends the command quietly with
/// status 141 as it does for other Unix tools, instead of `println!`'s panic. Rust
/// ignores SIGPIPE, so the write fails with EPIPE; lifting that needs `unsafe`
/// (forbidden here), so the panic it causes is recognised in the hook instead. Nothing
/// is lost: every command commits before it prints what it did.
pub fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(BROKEN_PIPE_EXIT);
        }
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let note = "ok\u{1b}[2J\u{1b}]0;pwned\u{7}\r\n\u{9b}31mred\u{7f}";
        let safe = terminal_safe(note);
        assert!(!safe.chars().any(char::is_control), "{safe:?}");
        assert_eq!(safe, "ok\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{d}\\u{a}\\u{9b}31mred\\u{7f}");
        assert_eq!(terminal_safe("Schmerz ü 痛 ✓"), "Schmerz ü 痛 ✓");
        assert_eq!(terminal_safe_lines("a\u{1b}\n\tb"), "a\\u{1b}\n\tb");
    }

    #[test]
    fn error_messages_escape_what_the_user_typed() {
        let e = CliError::usage("--tz: '\u{1b}[31m' is not a zone");
        assert_eq!(e.to_string(), "--tz: '\\u{1b}[31m' is not a zone");
    }
}
