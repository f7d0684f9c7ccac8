//! `lectern console`: type slash commands, read answers. A line without `/`
//! is a search (`에이전트` is `/search 에이전트`), a time (`3:12:00` is `/at
//! 3:12:00`) or a bare command word (`도움`, `목차`); `/quit`, `/exit` or `종료`
//! (with anything after them: `/quit now`) leaves. A reply's buttons are
//! numbered: typing `2` presses the second (a quiz is answered this way).
//!
//! At a terminal, lines are read with `rustyline`: editing, and a history kept
//! in the user's data directory (`lectern/console_history`; none when there is
//! no such directory). Piped input (tests, scripts) is read line by line as is.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::ask::{
    local_runtime, respond_locally, run_buttons, run_locally, terminal_text, RunButtons,
};
use crate::answer::{notices, Command, Locale};
use crate::app::Lectern;

/// Words that leave the console, as a line's first word.
const QUIT: &[&str] = &[
    "/quit",
    "/exit",
    "/q",
    "quit",
    "exit",
    "/종료",
    "종료",
    "/나가기",
    "나가기",
];

/// Whether a typed line asks to leave (`/quit`, `/quit now`, `종료`).
pub fn is_quit(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|first| QUIT.contains(&first.to_lowercase().as_str()))
}

/// Where typed lines come from.
enum Input {
    /// A terminal: line editing and history.
    Editor {
        editor: Box<rustyline::DefaultEditor>,
        history: Option<PathBuf>,
    },
    /// A pipe or a file, read as is.
    Plain(std::io::StdinLock<'static>),
}

impl Input {
    fn open() -> Input {
        if std::io::stdin().is_terminal() {
            if let Ok(mut editor) = rustyline::DefaultEditor::new() {
                let history = history_file();
                if let Some(path) = &history {
                    let _ = editor.load_history(path);
                }
                return Input::Editor {
                    editor: Box::new(editor),
                    history,
                };
            }
        }
        Input::Plain(std::io::stdin().lock())
    }

    /// The next line, `None` at the end of input (or Ctrl-D, Ctrl-C).
    fn next_line(&mut self, out: &mut impl Write) -> Option<String> {
        match self {
            Input::Editor { editor, .. } => {
                let line = editor.readline("> ").ok()?;
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                Some(line)
            }
            Input::Plain(stdin) => {
                let _ = write!(out, "> ");
                let _ = out.flush();
                let mut line = String::new();
                match stdin.read_line(&mut line) {
                    Ok(0) | Err(_) => None,
                    Ok(_) => Some(line),
                }
            }
        }
    }

    fn save(&mut self) {
        if let Input::Editor {
            editor,
            history: Some(path),
        } = self
        {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = editor.save_history(path);
        }
    }
}

/// `lectern/console_history` in the user's data directory.
fn history_file() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("lectern").join("console_history"))
}

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
        notices::console_banner(locale)
    );
    let mut input = Input::open();
    let mut buttons: Vec<Command> = Vec::new();
    while let Some(line) = input.next_line(&mut out) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if is_quit(line) {
            break;
        }
        let reply = runtime.block_on(async {
            match pressed(line, &buttons) {
                Some(command) => run_locally(lectern, command, locale, book.as_deref()).await,
                None => respond_locally(lectern, line, locale, book.as_deref()).await,
            }
        });
        buttons = run_buttons(&reply);
        let text = terminal_text(&reply, RunButtons::Numbered(locale));
        let _ = writeln!(out, "{text}\n");
    }
    input.save();
    ExitCode::SUCCESS
}

/// The button a line presses: its number among the last reply's buttons
/// (`2` → the second). Any other line, or a number past them, is read as
/// usual (a command, or a search).
fn pressed(line: &str, buttons: &[Command]) -> Option<Command> {
    let n: usize = line.parse().ok()?;
    buttons.get(n.checked_sub(1)?).cloned()
}
