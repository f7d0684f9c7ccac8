//! `lectern console`: type slash commands, read answers; `/quit` leaves.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use super::ask::{respond, to_text};
use crate::answer::Locale;
use crate::app::Lectern;

pub fn run(lectern: &Lectern, locale: Locale) -> ExitCode {
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
        let reply = respond(lectern, line, locale);
        let _ = writeln!(out, "{}\n", to_text(&reply));
    }
    ExitCode::SUCCESS
}
