//! The `lectern` binary as a child process: run to the end, or served for the
//! end-to-end suites with its stderr collected in the background, bounded
//! waits, SIGTERM by pid, and a kill on drop so no test leaves one running.
#![allow(dead_code)]

use std::io::Read;
use std::process::{Command as Process, Stdio};
use std::sync::Arc;
use std::time::Duration;

/// The binary under test, with its output collected in the background.
pub struct Served {
    pub child: std::process::Child,
    stderr: Arc<std::sync::Mutex<Vec<u8>>>,
    /// Reads stderr until the pipe closes; joined once the process exits, so
    /// what it wrote last is there (a busy machine ran the test's read
    /// before the reader's and saw nothing).
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Served {
    /// Runs `lectern ARGS` in the repository with `DISCORD_TOKEN` set to
    /// `token` (or unset).
    pub fn start(args: &[&str], token: Option<&str>) -> Served {
        Served::start_with(args, &[("DISCORD_TOKEN", token)])
    }

    /// Runs `lectern ARGS` in the repository; each `(name, value)` of `env`
    /// is set, or removed when `None`. The other Discord variables are unset.
    pub fn start_with(args: &[&str], env: &[(&str, Option<&str>)]) -> Served {
        let mut cmd = Process::new(env!("CARGO_BIN_EXE_lectern"));
        cmd.current_dir(super::root())
            .args(args)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for name in [
            "DISCORD_TOKEN",
            "DISCORD_APPLICATION_ID",
            "DISCORD_PUBLIC_KEY",
        ] {
            cmd.env_remove(name);
        }
        for (name, value) in env {
            match value {
                Some(v) => cmd.env(name, v),
                None => cmd.env_remove(name),
            };
        }
        let mut child = cmd.spawn().expect("start lectern");
        let stderr = Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut pipe = child.stderr.take().expect("stderr");
        let sink = stderr.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Served {
            child,
            stderr,
            reader: Some(reader),
        }
    }

    /// Waits for the process to exit; kills it (our own child) after `within`.
    pub async fn wait(&mut self, within: Duration) -> std::process::ExitStatus {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status;
            }
            if tokio::time::Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("lectern did not exit within {within:?}:\n{}", self.stderr());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    pub fn stdout(&mut self) -> String {
        let mut out = String::new();
        if let Some(mut s) = self.child.stdout.take() {
            let _ = s.read_to_string(&mut out);
        }
        out
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Runs `lectern ARGS` in the repository to the end (`RUST_LOG` unset, so
/// stderr holds only what the user sees).
pub fn lectern(args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .current_dir(super::root())
        .env_remove("RUST_LOG")
        .output()
        .expect("lectern runs")
}

/// Sends SIGTERM to our own child, by pid.
pub fn terminate(served: &Served) {
    let pid = served.child.id();
    let status = Process::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -TERM {pid}");
}
