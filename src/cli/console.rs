//! `lectern console`: type slash commands, read answers; `/quit` leaves.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use super::ask::{local_runtime, respond_locally, to_text};
use crate::answer::Locale;
use crate::app::Lectern;

/// Runs the loop as the one local member in the one local server
/// ([`crate::study::Member::local`]), with the study database opened at start.
pub fn run(lectern: &Lectern, config_path: Option<&Path>, locale: Locale) -> ExitCode {
    let runtime = match local_runtime() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lectern: can't start the async runtime: {e}");
            return ExitCode::from(super::EXIT_SETUP);
        }
    };
    let book = runtime.block_on(super::db::open_book(config_path));
    let stdin = std::io::stdin();
    let mut out = std::io::stdout();
    let courses: Vec<&str> = lectern
        .library
        .courses
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    let _ = writeln!(
        out,
        "Lectern — {}\n{}",
        courses.join(", "),
        locale.pick(
            "명령을 입력하세요 (/help 도움말, /quit 종료)",
            "Type a command (/help for help, /quit to leave)"
        )
    );
    loop {
        let _ = write!(out, "> ");
        let _ = out.flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if matches!(line, "/quit" | "/exit" | "/q" | "quit" | "exit" | "/종료") {
            break;
        }
        let reply = runtime.block_on(respond_locally(lectern, line, locale, book.as_deref()));
        let _ = writeln!(out, "{}\n", to_text(&reply));
    }
    ExitCode::SUCCESS
}
