//! `lectern ask '<slash command>'`: one answer, printed for people or as JSON.
//! A picture the answer carries (`/where`) is written to `--out FILE`, or to
//! a new temporary file, and the answer says where.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::{Format, EXIT_SETUP};
use crate::answer::slash::parse_slash;
use crate::answer::state::{self, is_state};
use crate::answer::{answer, notices, picture_saved, Button, Command, Locale, Reply, Request};
use crate::app::Lectern;
use crate::study::{Book, Member};

pub fn run(
    lectern: &Lectern,
    config_path: Option<&Path>,
    line: &str,
    format: Format,
    locale: Locale,
    out: Option<&Path>,
) -> ExitCode {
    if lectern.library.courses.is_empty() {
        eprintln!("lectern: no course could be loaded; run `lectern check` to see why");
        return ExitCode::from(EXIT_SETUP);
    }
    // Only a study command opens the database: a lookup from a script needs
    // none (and leaves no file behind).
    let state = parse_slash(line).is_ok_and(|c| is_state(&c));
    let reply = if state {
        match respond_with_database(lectern, config_path, line, locale) {
            Ok(reply) => reply,
            Err(e) => {
                eprintln!("lectern: {e}");
                return ExitCode::from(EXIT_SETUP);
            }
        }
    } else {
        respond(lectern, line, locale)
    };
    let saved = match save_picture(&reply, out) {
        Ok(saved) => saved,
        Err(e) => {
            eprintln!("lectern: {e}");
            return ExitCode::from(1);
        }
    };
    let mut shown = render(&reply, format);
    if let Some(path) = saved {
        let path = path.display().to_string();
        match format {
            Format::Text => {
                shown.push_str("\n\n");
                shown.push_str(&picture_saved(locale, &path));
            }
            Format::Json | Format::Discord => {
                let mut json = to_json(&reply);
                json["picture"] = path.into();
                shown = json.to_string();
            }
        }
    }
    super::print_line(&shown);
    if reply.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Answers one line as the local member with the configured study
/// database (`ask` of a study command, in any output format).
pub(super) fn respond_with_database(
    lectern: &Lectern,
    config_path: Option<&Path>,
    line: &str,
    locale: Locale,
) -> std::io::Result<Reply> {
    Ok(local_runtime()?.block_on(async {
        let book = super::db::open_book(config_path).await;
        respond_locally(lectern, line, locale, book.as_deref()).await
    }))
}

/// A runtime for the one-member adapters (`ask`, `console`).
pub(super) fn local_runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// Answers the line as the one local member in the one local server
/// ([`Member::local`]), with the study book when there is one (else state
/// commands say the database is unavailable).
pub async fn respond_locally(
    lectern: &Lectern,
    line: &str,
    locale: Locale,
    book: Option<&dyn Book>,
) -> Reply {
    match parse_slash(line) {
        Ok(command) => run_locally(lectern, command, locale, book).await,
        Err(_) if is_reload(line) => notices::reload_unavailable(locale),
        Err(e) => notices::unreadable_line(locale, e),
    }
}

/// Runs a command (typed, or a button pressed in the console) as the one
/// local member, like [`respond_locally`].
pub async fn run_locally(
    lectern: &Lectern,
    command: Command,
    locale: Locale,
    book: Option<&dyn Book>,
) -> Reply {
    let request = Request::new(command, locale);
    match book {
        Some(book) => {
            let now = crate::discord::http::unix_now();
            state::respond(lectern, &request, &Member::local(), book, now)
                .await
                .reply
        }
        None => answer(lectern, &request),
    }
}

/// Writes the reply's picture to `out`, or without it to a new file in the
/// temporary folder; the path written, `None` when the reply has no picture.
pub fn save_picture(reply: &Reply, out: Option<&Path>) -> Result<Option<PathBuf>, String> {
    let Some(file) = &reply.attachment else {
        return Ok(None);
    };
    let path = match out {
        Some(path) => {
            std::fs::write(path, &file.bytes)
                .map_err(|e| format!("can't write the picture to {}: {e}", path.display()))?;
            path.to_path_buf()
        }
        None => temp_file(&file.filename, &file.bytes)?,
    };
    Ok(Some(path))
}

/// A new file `lectern-PID-N-NAME` in the temporary folder (never an
/// existing one: created exclusively).
fn temp_file(name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    use std::io::Write;
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let dir = std::env::temp_dir();
    for n in 0..100 {
        let path = dir.join(format!("lectern-{}-{n}-{name}", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                return f
                    .write_all(bytes)
                    .map(|()| path.clone())
                    .map_err(|e| format!("can't write the picture to {}: {e}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("can't create a file in {}: {e}", dir.display())),
        }
    }
    Err(format!("no free file name in {}", dir.display()))
}

/// Parses the line and answers it; a line that can't be read becomes an error reply.
pub fn respond(lectern: &Lectern, line: &str, locale: Locale) -> Reply {
    match parse_slash(line) {
        Ok(command) => answer(lectern, &Request::new(command, locale)),
        Err(_) if is_reload(line) => notices::reload_unavailable(locale),
        Err(e) => notices::unreadable_line(locale, e),
    }
}

/// Whether the line is `/reload` (`/새로고침`), a command only a running
/// `serve` can carry out: `ask` and the console answer it with
/// [`notices::reload_unavailable`], not as a command that doesn't exist.
pub(super) fn is_reload(line: &str) -> bool {
    let Some(rest) = line.trim().strip_prefix('/') else {
        return false;
    };
    let name = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    crate::answer::commands::find("reload").is_some_and(|c| c.answers_to(&name))
}

pub fn render(reply: &Reply, format: Format) -> String {
    match format {
        Format::Json => to_json(reply).to_string(),
        Format::Text => to_text(reply),
        // `main` sends `--format discord` to `cli::discord::ask`, which renders
        // through the Discord handler; a plain reply falls back to JSON here.
        Format::Discord => to_json(reply).to_string(),
    }
}

/// `{"ok": true, "title", "url", "text"}` or `{"ok": false, "error", "suggestions"}`.
pub fn to_json(reply: &Reply) -> serde_json::Value {
    match &reply.error {
        None => json!({
            "ok": true,
            "title": reply.title,
            "url": reply.url,
            "text": reply.plain_text(),
        }),
        Some(problem) => json!({
            "ok": false,
            "error": problem.message,
            "suggestions": problem.suggestions.iter().map(|s| &s.label).collect::<Vec<_>>(),
        }),
    }
}

/// For a terminal: title, link, body, fields, footer, the link buttons, and
/// the buttons only buttons run as the lines to type instead.
pub fn to_text(reply: &Reply) -> String {
    terminal_text(reply, RunButtons::AsLines)
}

/// How a terminal shows the buttons that run a command.
#[derive(Debug, Clone, Copy)]
pub(super) enum RunButtons {
    /// `ask` (one answer, nothing to press): a button only a button can run
    /// is shown as the line to type instead; the others are left out, as
    /// each is a command the reader can type.
    AsLines,
    /// The console: every such button numbered, pressed by typing its number
    /// (see [`run_buttons`]).
    Numbered(Locale),
}

/// The commands a reply's buttons run, in the order [`RunButtons::Numbered`]
/// numbers them (the console presses `n` as the n-th).
pub(super) fn run_buttons(reply: &Reply) -> Vec<Command> {
    if reply.error.is_some() {
        return Vec::new();
    }
    reply
        .buttons
        .iter()
        .filter_map(|b| match b {
            Button::Run { command, .. } => Some(command.clone()),
            Button::Link { .. } => None,
        })
        .collect()
}

pub(super) fn terminal_text(reply: &Reply, runs: RunButtons) -> String {
    let mut out = String::new();
    if let Some(problem) = &reply.error {
        out.push_str(&format!(
            "✗ {}\n{}",
            reply.title,
            crate::markdown::markdown_to_plain(&problem.message)
        ));
        if !problem.suggestions.is_empty() {
            out.push_str("\n\n");
            out.push_str(
                &reply
                    .text
                    .lines()
                    .skip_while(|l| !l.is_empty())
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        return out;
    }
    out.push_str(&reply.title);
    out.push('\n');
    if let Some(url) = &reply.url {
        out.push_str(url);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&reply.plain_text());
    let mut lines: Vec<String> = Vec::new();
    let mut numbered: Vec<String> = Vec::new();
    for button in &reply.buttons {
        match (button, runs) {
            (Button::Link { label, url }, _) if Some(url) != reply.url.as_ref() => {
                lines.push(format!("{label}: {url}"));
            }
            (Button::Run { label, command }, RunButtons::AsLines) => {
                if let Some(line) = crate::answer::commands::button_line(command) {
                    lines.push(format!("{}: {line}", crate::cut::truncate(label, 20)));
                }
            }
            (Button::Run { label, .. }, RunButtons::Numbered(_)) => {
                let n = numbered.len() + 1;
                numbered.push(format!("[{n}] {}", crate::cut::truncate(label, 24)));
            }
            _ => {}
        }
    }
    if !lines.is_empty() {
        out.push_str("\n\n");
        out.push_str(&lines.join("\n"));
    }
    if let (RunButtons::Numbered(l), false) = (runs, numbered.is_empty()) {
        out.push_str("\n\n");
        out.push_str(&numbered.join("  "));
        out.push('\n');
        out.push_str(&notices::console_press(l, numbered.len()));
    }
    out
}
