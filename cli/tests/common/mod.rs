//! A pseudo-terminal running `proprio`, driven with the keyboard as a person would,
//! for the interactive commands' tests.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Terminal {
    screen: Arc<Mutex<String>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Terminal {
    pub fn start(args: &[&str]) -> Terminal {
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
    pub fn wait_for(&self, text: &str) {
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

    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn finish(mut self) -> String {
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < Duration::from_secs(20), "proprio did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(200));
        self.screen.lock().unwrap().clone()
    }
}
