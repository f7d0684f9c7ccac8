//! How typed slash lines are worded back to the reader: what is wrong with a
//! line that can't be read ([`SlashError`]: its title, message and the
//! heading of its examples), and lines written with the command and option
//! names the reader's Discord shows ([`localize_line`]).

use super::reply::Suggestion;
use super::spec::{Kind, Names};
use crate::locale::Locale;
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
    pub fn title(&self, l: Locale, names: Names) -> String {
        match &self.problem {
            SlashProblem::Empty | SlashProblem::UnknownCommand(_) => l
                .pick("명령을 알아볼 수 없어요", "Unrecognised command")
                .into(),
            SlashProblem::Missing { option, .. } => match l {
                Locale::Ko => format!(
                    "{} 적어 주세요",
                    with(names.option(l, option), Particle::Object)
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
    pub fn message(&self, l: Locale, names: Names) -> String {
        let code = |s: &str| code_span(s, 40);
        let command = |c: &str| format!("`/{}`", names.command(l, c));
        let option = |o: &str| format!("`{}`", names.option(l, o));
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
                    names.option_description(l, o)
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
                    names.option_description(l, o)
                )
            }
        }
    }
}

/// A slash line with its command and option names as the reader's Discord
/// shows them (`/요약 챕터:21` for Korean readers); read back the same.
pub fn localize_line(l: Locale, names: Names, line: &str) -> String {
    let Some((name, rest)) = line
        .strip_prefix('/')
        .map(|r| r.split_once(' ').unwrap_or((r, "")))
    else {
        return line.to_string();
    };
    let mut words = vec![format!("/{}", names.command(l, name))];
    // A fixed value of one of the command's options, as the reader's
    // Discord offers it (`set` → `설정`).
    let choice = |value: &str| -> Option<&'static str> {
        let spec = names.find(name)?;
        spec.all_options().find_map(|o| match o.kind {
            Kind::Choice { choices } => choices
                .iter()
                .find(|c| c.value == value)
                .map(|c| l.pick(c.ko, c.value)),
            _ => None,
        })
    };
    for word in rest.split_whitespace() {
        let (open, bare) = match word.strip_prefix('[') {
            Some(bare) => ("[", bare),
            None => ("", word),
        };
        words.push(match bare.split_once(':') {
            Some((key, value)) => {
                let value = choice(value).unwrap_or(value);
                format!("{open}{}:{value}", names.option(l, key))
            }
            None => choice(bare).map_or_else(|| word.to_string(), |c| format!("{open}{c}")),
        });
    }
    words.join(" ")
}
