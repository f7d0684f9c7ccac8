//! `lectern ask '<slash command>'`: one answer, printed for people or as JSON.

use std::process::ExitCode;

use serde_json::json;

use super::{Format, EXIT_SETUP};
use crate::answer::slash::parse_slash;
use crate::answer::{answer, notices, Button, Locale, Reply, Request};
use crate::app::Lectern;

pub fn run(lectern: &Lectern, line: &str, format: Format, locale: Locale) -> ExitCode {
    if lectern.library.courses.is_empty() {
        eprintln!("lectern: no course could be loaded; run `lectern check` to see why");
        return ExitCode::from(EXIT_SETUP);
    }
    let reply = respond(lectern, line, locale);
    super::print_line(&render(&reply, format));
    if reply.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Parses the line and answers it; a line that can't be read becomes an error reply.
pub fn respond(lectern: &Lectern, line: &str, locale: Locale) -> Reply {
    match parse_slash(line) {
        Ok(command) => answer(lectern, &Request::new(command, locale)),
        Err(e) => notices::unreadable_line(locale, e),
    }
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

/// For a terminal: title, link, body, fields, footer, and the link buttons.
pub fn to_text(reply: &Reply) -> String {
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
    let links: Vec<String> = reply
        .buttons
        .iter()
        .filter_map(|b| match b {
            Button::Link { label, url } if Some(url) != reply.url.as_ref() => {
                Some(format!("{label}: {url}"))
            }
            _ => None,
        })
        .collect();
    if !links.is_empty() {
        out.push_str("\n\n");
        out.push_str(&links.join("\n"));
    }
    out
}
