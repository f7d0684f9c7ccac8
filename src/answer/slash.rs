//! Reading a slash command as typed in Discord (`/summary chapter:21`,
//! `/summary 21`, `/search query:"multi modal" limit:3`, `/요약 21`) into a
//! [`Command`]. The console and `lectern ask` use it; errors are plain messages.

use super::commands::{command_label, option_description, option_label};
use super::spec::{ArgError, Arguments, CommandSpec, Kind, OptionSpec, Words, COURSE, HIDE};
use super::{Command, Locale, Suggestion, COMMANDS};
use crate::markdown::code_span;
use crate::particle::{with, Particle};

/// A command line that could not be read, and what might have been meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlashError {
    pub problem: SlashProblem,
    pub suggestions: Vec<Suggestion>,
}

/// What was wrong with a command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlashProblem {
    Empty,
    UnknownCommand(String),
    ExtraWords {
        command: &'static str,
        words: String,
    },
    NotANumber {
        option: String,
        value: String,
    },
    Missing {
        command: &'static str,
        option: String,
    },
}

impl SlashError {
    /// The reply's title: "unrecognised command" only when the command itself
    /// is unknown; otherwise what is wrong with its arguments.
    pub fn title(&self, l: Locale) -> String {
        match &self.problem {
            SlashProblem::Empty | SlashProblem::UnknownCommand(_) => l
                .pick("명령을 알아볼 수 없어요", "Unrecognised command")
                .into(),
            SlashProblem::Missing { option, .. } => match l {
                Locale::Ko => format!(
                    "{} 적어 주세요",
                    with(option_label(l, option), Particle::Object)
                ),
                Locale::En => format!("Missing `{option}`"),
            },
            SlashProblem::NotANumber { .. } => l.pick("숫자가 아니에요", "Not a number").into(),
            SlashProblem::ExtraWords { .. } => {
                l.pick("남는 말이 있어요", "Unexpected words").into()
            }
        }
    }

    /// The heading of the suggestions: "did you mean" for an unknown command,
    /// "for example" for a known one used wrongly.
    pub fn suggestions_heading(&self, l: Locale) -> &'static str {
        match &self.problem {
            SlashProblem::Empty | SlashProblem::UnknownCommand(_) => {
                l.pick("혹시 이것을 찾으셨나요?", "Did you mean:")
            }
            _ => l.pick("예:", "For example:"),
        }
    }

    /// The problem in the reader's language, naming commands and options as
    /// the reader's Discord shows them; user text shown as code.
    pub fn message(&self, l: Locale) -> String {
        let code = |s: &str| code_span(s, 40);
        let command = |c: &str| format!("`/{}`", command_label(l, c));
        let option = |o: &str| format!("`{}`", option_label(l, o));
        match (&self.problem, l) {
            (SlashProblem::Empty, Locale::Ko) => {
                format!("명령을 입력해 주세요. 예: {}", command("help"))
            }
            (SlashProblem::Empty, Locale::En) => "Type a command, e.g. `/help`.".into(),
            (SlashProblem::UnknownCommand(name), Locale::Ko) => {
                format!(
                    "{} 명령은 없어요. 명령 목록은 {}.",
                    code(&format!("/{name}")),
                    command("help")
                )
            }
            (SlashProblem::UnknownCommand(name), Locale::En) => {
                format!(
                    "There is no command {}; `/help` lists them.",
                    code(&format!("/{name}"))
                )
            }
            (SlashProblem::ExtraWords { command: c, words }, Locale::Ko) => {
                format!(
                    "{} {} 받지 않아요.",
                    with(&command(c), Particle::Topic),
                    with(&code(words), Particle::Object)
                )
            }
            (SlashProblem::ExtraWords { command: c, words }, Locale::En) => {
                format!("{} doesn't take {}.", command(c), code(words))
            }
            (SlashProblem::NotANumber { option: o, value }, Locale::Ko) => {
                format!(
                    "{}에는 숫자를 적어 주세요. {} 숫자가 아니에요.",
                    option(o),
                    with(&code(value), Particle::Topic)
                )
            }
            (SlashProblem::NotANumber { option: o, value }, Locale::En) => {
                format!("{} must be a whole number, not {}.", option(o), code(value))
            }
            (
                SlashProblem::Missing {
                    command: c,
                    option: o,
                },
                Locale::Ko,
            ) => {
                format!(
                    "{}에는 {} 필요해요: {}.",
                    command(c),
                    with(&option(o), Particle::Subject),
                    option_description(l, o)
                )
            }
            (
                SlashProblem::Missing {
                    command: c,
                    option: o,
                },
                Locale::En,
            ) => {
                format!(
                    "{} needs {}: {}.",
                    command(c),
                    option(o),
                    option_description(l, o)
                )
            }
        }
    }
}

/// A slash line with its command and option names as the reader's Discord
/// shows them (`/요약 챕터:21` for Korean readers); read back the same.
pub fn localize_line(l: Locale, line: &str) -> String {
    let Some((name, rest)) = line
        .strip_prefix('/')
        .map(|r| r.split_once(' ').unwrap_or((r, "")))
    else {
        return line.to_string();
    };
    let mut words = vec![format!("/{}", command_label(l, name))];
    for word in rest.split_whitespace() {
        let (open, bare) = match word.strip_prefix('[') {
            Some(bare) => ("[", bare),
            None => ("", word),
        };
        words.push(match bare.split_once(':') {
            Some((key, value)) => format!("{open}{}:{value}", option_label(l, key)),
            None => word.to_string(),
        });
    }
    words.join(" ")
}

/// The commands a typed line can run (admin commands are the adapter's).
fn answerable() -> impl Iterator<Item = &'static CommandSpec> {
    COMMANDS.iter().copied().filter(|c| c.answering.is_some())
}

/// The option `name` (or one of its aliases) among a command's options.
fn option_named(spec: &'static CommandSpec, name: &str) -> Option<&'static OptionSpec> {
    spec.all_options()
        .find(|o| o.name == name || o.ko == name || o.aliases.contains(&name))
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
    if key != HIDE.name && key != HIDE.ko && !HIDE.aliases.contains(&key.as_str()) {
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

/// A line that could not be read, with slash lines to suggest.
struct Unread {
    problem: SlashProblem,
    lines: Vec<String>,
}

fn read(line: &str) -> Result<(Command, Option<bool>), Unread> {
    let line = line.trim();
    // A line without `/` is a search for what it says.
    let line = match line.strip_prefix('/') {
        Some(command) => command,
        None if line.is_empty() => line,
        None => return read(&format!("/search {line}")),
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
    let Some(spec) = answerable()
        .find(|c| c.name == lower || c.ko == lower || c.aliases.contains(&lower.as_str()))
    else {
        let mut ranked: Vec<(f64, &str)> = answerable()
            .map(|c| {
                (
                    strsim::normalized_damerau_levenshtein(&lower, c.name),
                    c.name,
                )
            })
            .filter(|(s, _)| *s >= 0.4)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        return Err(Unread {
            problem: SlashProblem::UnknownCommand(crate::cut::truncate(name, 40)),
            lines: ranked
                .into_iter()
                .take(3)
                .map(|(_, n)| format!("/{n}"))
                .collect(),
        });
    };
    let command = spec.name;
    let mut named: Vec<(&'static OptionSpec, String)> = Vec::new();
    let mut positional: Vec<String> = Vec::new();
    let mut hide = None;
    for token in tokenize(rest) {
        if let Some(switch) = hide_switch(&token) {
            hide = Some(switch);
            continue;
        }
        let option = token
            .split_once(':')
            .and_then(|(k, v)| Some((option_named(spec, &k.to_lowercase())?, unquote(v))));
        match (option, named.last_mut()) {
            (Some(pair), _) => named.push(pair),
            // Discord option values may hold spaces: `chapter:preview of things`.
            (None, Some((o, v)))
                if o.words != Words::One
                    && positional.is_empty()
                    && token.parse::<i64>().is_err() =>
            {
                v.push(' ');
                v.push_str(&unquote(&token));
            }
            (None, _) => positional.push(unquote(&token)),
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
        .unwrap_or(Ok(Command::Help))
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
            Some(v) => v
                .trim()
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
    super::commands::find(command).map_or("/help", |c| c.usage)
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
