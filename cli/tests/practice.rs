//! `proprio practice` driven through a pseudo-terminal with the keyboard, as a person
//! would: answer a whole short session, and stop another one early with Esc.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Terminal {
    screen: Arc<Mutex<String>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Terminal {
    fn start(args: &[&str]) -> Terminal {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 60, cols: 120, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_proprio"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).unwrap();
        let mut reader = pty.master.try_clone_reader().unwrap();
        let screen = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Terminal { screen, writer: pty.master.take_writer().unwrap(), child }
    }

    /// Waits until `text` has appeared on screen; panics with the screen after 20 s.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.screen.lock().unwrap().contains(text) {
            if start.elapsed() > Duration::from_secs(20) {
                let screen = self.screen.lock().unwrap();
                panic!(
                    "'{text}' never appeared; last output:\n{}",
                    &screen[screen.len().saturating_sub(2000)..]
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn finish(mut self) -> String {
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < Duration::from_secs(20), "proprio did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(200));
        self.screen.lock().unwrap().clone()
    }
}

fn status(db: &str) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_proprio"))
        .args(["--db", db, "status", "--json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_whole_session_answered_with_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let mut t =
        Terminal::start(&["--db", db, "practice", "--count", "10", "--picture", "blocks", "--seed", "5"]);
    for i in 1..=10 {
        t.wait_for(&format!("Picture {i} of 10"));
        // Arrow keys and letters both answer.
        t.press(if i % 2 == 0 { "\x1b[D" } else { "r" });
        if i < 10 {
            t.wait_for(&format!("Picture {} of 10", i + 1));
        }
    }
    let screen = t.finish();
    assert!(screen.contains("10 pictures answered"), "{}", &screen[screen.len().saturating_sub(1500)..]);
    assert!(screen.contains("left pictures") && screen.contains("right pictures"));
    assert!(screen.contains("▀"), "the picture was drawn with half blocks");
    assert!(screen.contains("Not yet"));
    let s = status(db);
    assert_eq!((s["sessions"].as_u64(), s["trials"].as_u64()), (Some(1), Some(10)));
}

#[test]
fn escape_stops_early_and_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let mut t =
        Terminal::start(&["--db", db, "practice", "--count", "10", "--picture", "blocks", "--no-feedback"]);
    for i in 1..=3 {
        t.wait_for(&format!("Picture {i} of 10"));
        t.press("l");
    }
    t.wait_for("Picture 4 of 10");
    t.press("\x1b");
    let screen = t.finish();
    assert!(
        screen.contains("(aborted)") && screen.contains("3 pictures answered"),
        "{}",
        &screen[screen.len().saturating_sub(1500)..]
    );
    assert_eq!(status(db)["trials"].as_u64(), Some(3));
}
