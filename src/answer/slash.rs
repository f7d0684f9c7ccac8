//! Reading a slash command as typed in Discord (`/summary chapter:21`,
//! `/summary 21`, `/search query:"multi modal" limit:3`, `/요약 챕터:21`) into
//! a [`Command`]; a line without `/` is a search (`에이전트` is `/search
//! 에이전트`), a time (`3:12:00` is `/at 3:12:00`) or a bare command word
//! (`도움`, `목차`). The console and `lectern ask` use it; errors are worded by
//! `slash_words` ([`SlashError`], [`localize_line`]).

use super::command::Command;
use super::commands::NAMES;
use super::reply::Suggestion;
pub use super::slash_words::{localize_line, SlashError, SlashProblem};
use super::spec::{ArgError, Arguments, CommandSpec, Kind, OptionSpec, Words, COURSE, HIDE};

/// The commands a typed line can run (admin commands are the adapter's).
fn answerable() -> impl Iterator<Item = &'static CommandSpec> {
    NAMES.all().filter(|c| c.answering.is_some())
}

/// The option `name` (or one of its aliases) among a command's options.
fn option_named(spec: &'static CommandSpec, name: &str) -> Option<&'static OptionSpec> {
    spec.all_options().find(|o| o.answers_to(name))
}

/// Parses one slash-command line.
pub fn parse_slash(line: &str) -> Result<Command, SlashError> {
    parse_slash_hidden(line).map(|(command, _)| command)
}

/// Parses one slash-command line and its `hide:` option (`숨기기:`), which
/// every command takes as Discord does: never a word of the query or the
/// chapter. `None` when not given.
pub fn parse_slash_hidden(line: &str) -> Result<(Command, Option<bool>), SlashError> {
    read(line).map_err(|Unread { problem, lines }| SlashError {
        problem,
        suggestions: lines.into_iter().map(slash_suggestion).collect(),
    })
}

/// `hide:VALUE` (or `숨기기:VALUE`) as a switch; `None` for any other word.
fn hide_switch(token: &str) -> Option<bool> {
    let (key, value) = token.split_once(':')?;
    let key = key.to_lowercase();
    if !HIDE.answers_to(&key) {
        return None;
    }
    match unquote(value).to_lowercase().as_str() {
        "true" | "yes" | "on" | "예" | "네" => Some(true),
        "false" | "no" | "off" | "아니오" | "아니요" => Some(false),
        _ => None,
    }
}

/// A slash line offered as a suggestion: it runs what it says when it can be
/// read as a whole command (`/help`, a usage example), else it is text only.
pub fn slash_suggestion(line: impl Into<String>) -> Suggestion {
    let line = line.into();
    match read(&line) {
        Ok((command, _)) => Suggestion::run(line, command),
        Err(_) => Suggestion::text(line),
    }
}

/// The slash line a line without `/` stands for: a bare command word that
/// needs nothing more runs that command (`help`, `도움`, `목차`, `진도`); a
/// time or a video link (`3:12:00`, `1h2m`, `…?t=4832`, but not a bare
/// number, which may be a chapter or a button) is `/at`; anything else is a
/// search for what it says.
fn plain_line(line: &str) -> String {
    let lower = line.to_lowercase();
    let bare_command =
        answerable().find(|c| c.answers_to(&lower) && !c.all_options().any(|o| o.required));
    if let Some(spec) = bare_command {
        return format!("/{}", spec.name);
    }
    if crate::timecode::is_pasted_moment(line) {
        return format!("/at {line}");
    }
    format!("/search {line}")
}

/// A line that could not be read, with slash lines to suggest.
struct Unread {
    problem: SlashProblem,
    lines: Vec<String>,
}

fn read(line: &str) -> Result<(Command, Option<bool>), Unread> {
    let line = line.trim();
    let line = match line.strip_prefix('/') {
        Some(command) => command,
        None if line.is_empty() => line,
        None => return read(&plain_line(line)),
    };
    let (name, rest) = match line.find(char::is_whitespace) {
        Some(i) => (&line[..i], &line[i..]),
        None => (line, ""),
    };
    if name.is_empty() {
        return Err(Unread {
            problem: SlashProblem::Empty,
            lines: vec!["/help".into()],
        });
    }
    let lower = name.to_lowercase();
    let Some(spec) = answerable().find(|c| c.answers_to(&lower)) else {
        // Typos of the English or the Korean name (`/sumary`, `/요악`);
        // never a command only buttons run.
        return Err(Unread {
            problem: SlashProblem::UnknownCommand(crate::cut::truncate(name, 40)),
            lines: NAMES
                .closest(&lower)
                .into_iter()
                .filter(|c| c.answering.is_some())
                .map(|c| format!("/{}", c.name))
                .collect(),
        });
    };
    let command = spec.name;
    let mut named: Vec<(&'static OptionSpec, String)> = Vec::new();
    let mut positional: Vec<String> = Vec::new();
    let mut hide = None;
    // The previous word was a named option's value (or went on with it).
    let mut after_named = false;
    for token in tokenize(rest) {
        if let Some(switch) = hide_switch(&token) {
            hide = Some(switch);
            continue;
        }
        let option = token
            .split_once(':')
            .and_then(|(k, v)| Some((option_named(spec, &k.to_lowercase())?, unquote(v))));
        match (option, named.last_mut()) {
            (Some(pair), _) => {
                named.push(pair);
                after_named = true;
            }
            // Discord option values may hold spaces: `chapter:preview of
            // things`, `/daily set channel:123 time:오전 9시` — a word right
            // after a named option's value goes on with it.
            (None, Some((o, v)))
                if o.words != Words::One
                    && after_named
                    && super::resolve::ascii_digits(&token).parse::<i64>().is_err() =>
            {
                v.push(' ');
                v.push_str(&unquote(&token));
            }
            (None, _) => {
                positional.push(unquote(&token));
                after_named = false;
            }
        }
    }
    // Positional words fill the options not given by name, in order; the last
    // text option (query, chapter, time) takes all remaining words.
    let mut values: Vec<(&'static str, String)> =
        named.into_iter().map(|(o, v)| (o.name, v)).collect();
    // A command whose only option is the course takes it by position too
    // (`/chapters deep-dive-llms`).
    let positional_options = match spec.options {
        [] if spec.takes_course => std::slice::from_ref(&COURSE),
        options => options,
    };
    let free: Vec<&'static OptionSpec> = positional_options
        .iter()
        .filter(|o| !values.iter().any(|(k, _)| *k == o.name))
        .collect();
    let is_number = |o: &OptionSpec| matches!(o.kind, Kind::Number { .. });
    let mut words = positional.into_iter();
    for (i, option) in free.iter().enumerate() {
        let take_all = i + 1 == free.len()
            || (!is_number(option)
                && free[i + 1..].iter().all(|o| is_number(o))
                && option.words == Words::Rest);
        if take_all {
            let all: Vec<String> = words.by_ref().collect();
            if !all.is_empty() {
                values.push((option.name, all.join(" ")));
            }
            break;
        }
        if let Some(w) = words.next() {
            values.push((option.name, w));
        }
    }
    let leftover: Vec<String> = words.collect();
    if !leftover.is_empty() {
        return Err(Unread {
            problem: SlashProblem::ExtraWords {
                command,
                words: crate::cut::truncate(&leftover.join(" "), 40),
            },
            lines: vec![spec.usage.into()],
        });
    }
    let typed = Typed { values: &values };
    Command::from_arguments(command, &typed)
        .unwrap_or(Ok(Command::Help { command: None }))
        .map(|parsed| (parsed, hide))
        .map_err(|e| {
            let problem = match e {
                ArgError::Missing(option) => SlashProblem::Missing {
                    command,
                    option: option.to_string(),
                },
                ArgError::NotANumber { option, value } => SlashProblem::NotANumber {
                    option: option.to_string(),
                    value: crate::cut::truncate(&value, 40),
                },
            };
            Unread {
                problem,
                lines: vec![spec.usage.into()],
            }
        })
}

/// The arguments of a typed line, for [`Command::from_arguments`].
struct Typed<'a> {
    values: &'a [(&'static str, String)],
}

impl Arguments for Typed<'_> {
    fn text(&self, name: &'static str) -> Option<String> {
        self.values
            .iter()
            .find(|(o, _)| *o == name)
            .map(|(_, v)| v.clone())
    }

    fn number(&self, name: &'static str) -> Result<Option<i64>, ArgError> {
        match self.text(name) {
            None => Ok(None),
            Some(v) => super::resolve::ascii_digits(v.trim())
                .parse::<i64>()
                .map(Some)
                .map_err(|_| ArgError::NotANumber {
                    option: name,
                    value: v,
                }),
        }
    }
}

/// An example of a command's use, by its registered name.
pub fn usage(command: &str) -> &'static str {
    NAMES.find(command).map_or("/help", |c| c.usage)
}

/// Splits on whitespace, keeping "double" or 'single' quoted runs (also after
/// `name:`) together.
fn tokenize(s: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                current.push(c);
            }
            Some(_) => current.push(c),
            None if c == '"' || c == '\'' || c == '“' => {
                quote = Some(if c == '“' { '”' } else { c });
                current.push(c);
            }
            None if c.is_whitespace() => {
                if !current.is_empty() {
                    tokens.push(std::mem::take(&mut current));
                }
            }
            None => current.push(c),
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

fn unquote(s: &str) -> String {
    let t = s.trim();
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.to_string();
        }
    }
    t.to_string()
}
