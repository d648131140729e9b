//! Terminal plumbing for `proprio practice`: raw mode with a guard that always restores
//! the terminal, the monotonic clock responses are timed with, and picture output.

pub mod picture;

use crossterm::{cursor, event, execute, terminal};
use std::io::{Write, stdout};
use std::sync::OnceLock;
use std::time::Instant;

/// Nanoseconds on one monotonic clock, shared by onsets and responses.
pub fn monotonic_ns() -> i64 {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_nanos() as i64
}

/// Raw mode on an alternate screen, restored when dropped (also on errors and panics).
pub struct Screen;

impl Screen {
    pub fn enter() -> std::io::Result<Screen> {
        terminal::enable_raw_mode()?;
        execute!(stdout(), terminal::EnterAlternateScreen, cursor::Hide, event::EnableFocusChange)?;
        Ok(Screen)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = execute!(stdout(), event::DisableFocusChange, cursor::Show, terminal::LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
        let _ = stdout().flush();
    }
}
