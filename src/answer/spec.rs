//! What one command is, written once: the row type of the command table.
//!
//! Every place that needs to know about a command — reading a typed slash
//! line, registering with Discord, reading Discord's options, writing and
//! reading button `custom_id`s, `/help`, the synthetic interactions of `ask
//! --format discord` — iterates [`super::COMMANDS`] and reads the
//! [`CommandSpec`] of each. A command's spec lives in its own file under
//! `answer/commands/`, next to the functions that build, encode and answer it.

use super::command::Command;
use super::reply::Answer;
use crate::app::Lectern;
use crate::locale::Locale;

/// Longest argument accepted, in characters.
pub const MAX_ARG_CHARS: usize = 200;

/// The locale every Korean text is registered under.
pub const KO: &str = "ko";

/// What kind of value an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text, possibly with autocomplete.
    Text { autocomplete: bool },
    /// A whole number within a range.
    Number { min: u64, max: Option<u64> },
    /// True or false.
    Switch,
    /// A text channel of the server (Discord offers a picker; typed, a
    /// `<#id>` mention or the id).
    Channel,
    /// One of a few fixed values, offered as choices.
    Choice { choices: &'static [Choice] },
}

/// One fixed value of a [`Kind::Choice`] option, and its shown names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// What is sent and read (`set`).
    pub value: &'static str,
    pub name: &'static str,
    pub ko: &'static str,
}

/// How a typed slash line fills a text option with words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// One word (or one quoted run).
    One,
    /// Given by name, the value runs on over spaces: `chapter:preview of things`.
    RunOn,
    /// Like [`Words::RunOn`], and given by position it takes every word left,
    /// even when number options follow: `/search multi modal 3`.
    Rest,
}

/// One option of a command, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub ko: &'static str,
    /// Other names accepted on a typed slash line (`장`, `ch`, …).
    pub aliases: &'static [&'static str],
    pub description: &'static str,
    pub description_ko: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub words: Words,
}

impl OptionSpec {
    /// Whether `name` (lowercase) is this option's English or Korean name
    /// or one of its aliases.
    pub fn answers_to(&self, name: &str) -> bool {
        self.names().any(|n| n == name)
    }

    /// Its English name, its Korean name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        [self.name, self.ko]
            .into_iter()
            .chain(self.aliases.iter().copied())
    }
}

/// One row of `/help`: an example and what it does, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct HelpRow {
    pub example: &'static str,
    pub ko: &'static str,
    pub en: &'static str,
}

/// What an adapter must hand a command besides its arguments. Commands with
/// study state need the asking member (and the study book): they are
/// answered by [`super::state::respond`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// The asking member's id (and the server's, when in one).
    pub member: bool,
}

/// How the core answers a command. Admin commands doing I/O (`/reload`) have
/// none: the adapter answers them.
#[derive(Debug, Clone, Copy)]
pub struct Answering {
    /// Builds the command from named arguments.
    pub build: fn(&dyn Arguments) -> Result<Command, ArgError>,
    /// The command's argument values, in the order of the spec's options,
    /// then the course when the command takes one; `None` = not given.
    pub values: fn(&Command) -> Vec<Option<String>>,
    /// Answers it, naming other commands and options through [`Names`].
    pub run: fn(&Lectern, Locale, Names, &Command) -> Answer,
}

/// One command, in both languages, and everything every adapter needs of it.
/// `course` and `hide` are added to every command that takes a course;
/// `help` gets only `hide`; admin commands get neither.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    /// The registered (English) name.
    pub name: &'static str,
    pub ko: &'static str,
    /// Other names accepted on a typed slash line.
    pub aliases: &'static [&'static str],
    pub description: &'static str,
    pub description_ko: &'static str,
    pub options: &'static [OptionSpec],
    pub takes_course: bool,
    /// For server admins only: registered with Manage Server as the default
    /// member permission, for servers only, without `hide` (always private).
    pub admin: bool,
    pub needs: Needs,
    /// An example of use, offered when a typed line can't be read.
    pub usage: &'static str,
    /// The row of `/help`; `None` keeps the command out of it.
    pub help: Option<HelpRow>,
    /// The short name written into button `custom_id`s; never change it (old
    /// buttons hold it).
    pub op: &'static str,
    pub answering: Option<Answering>,
}

impl CommandSpec {
    /// Whether `name` (lowercase, without `/`) is this command's English or
    /// Korean name or one of its aliases.
    pub fn answers_to(&self, name: &str) -> bool {
        self.names().any(|n| n == name)
    }

    /// Its English name, its Korean name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        [self.name, self.ko]
            .into_iter()
            .chain(self.aliases.iter().copied())
    }

    /// The options a command reads, course last when it takes one.
    /// How close a typed name is to this command's names (0–1): the best
    /// of its English and Korean names and aliases, so `/sumary` and `/요악`
    /// both find theirs.
    pub fn closeness(&self, typed: &str) -> f64 {
        self.names()
            .map(|n| strsim::normalized_damerau_levenshtein(typed, n))
            .fold(0.0, f64::max)
    }

    pub fn all_options(&self) -> impl Iterator<Item = &'static OptionSpec> {
        let course = self.takes_course.then_some(&COURSE);
        self.options.iter().chain(course)
    }
}

/// What a command's `run` answers when handed another command's variant
/// (never happens: the table picks the spec by variant).
pub(crate) fn not_mine() -> Answer {
    Err(Box::default())
}

/// The command table as wording reads it: commands and options by their
/// registered names, worded as the reader's Discord shows them. The table
/// builds it (`commands::NAMES`) and hands it down, so the wording below the
/// command files names other commands without importing the table.
#[derive(Debug, Clone, Copy)]
pub struct Names {
    commands: &'static [&'static CommandSpec],
    /// Registered names of the commands only buttons run.
    button_only: &'static [&'static str],
}

impl Names {
    pub const fn new(
        commands: &'static [&'static CommandSpec],
        button_only: &'static [&'static str],
    ) -> Names {
        Names {
            commands,
            button_only,
        }
    }

    /// Every command, in the table's order.
    pub fn all(self) -> impl Iterator<Item = &'static CommandSpec> {
        self.commands.iter().copied()
    }

    /// The commands a person can type (not those only buttons run).
    pub fn typed(self) -> impl Iterator<Item = &'static CommandSpec> {
        self.all()
            .filter(move |c| !self.button_only.contains(&c.name))
    }

    /// The typed commands whose names are closest to `typed` (lowercase,
    /// without `/`), best first: at most three, none far off.
    pub fn closest(self, typed: &str) -> Vec<&'static CommandSpec> {
        let mut ranked: Vec<(f64, &'static CommandSpec)> = self
            .typed()
            .map(|c| (c.closeness(typed), c))
            .filter(|(s, _)| *s >= 0.4)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.into_iter().take(3).map(|(_, c)| c).collect()
    }

    /// The spec of a command by its registered (English) name.
    pub fn find(self, name: &str) -> Option<&'static CommandSpec> {
        self.all().find(|c| c.name == name)
    }

    /// A command's name as the reader's Discord shows it (`요약` for Korean
    /// readers of `summary`); unknown names as given.
    pub fn command(self, l: Locale, name: &str) -> &str {
        match (l, self.find(name)) {
            (Locale::Ko, Some(c)) => c.ko,
            _ => name,
        }
    }

    /// An option's name as the reader's Discord shows it (`쪽`, `개수`,
    /// `챕터` for Korean readers); unknown names as given.
    pub fn option(self, l: Locale, name: &str) -> &str {
        match (l, self.option_spec(name)) {
            (Locale::Ko, Some(o)) => o.ko,
            _ => name,
        }
    }

    /// What an option takes, in the reader's language (its description in
    /// the table); empty for unknown names.
    pub fn option_description(self, l: Locale, name: &str) -> &'static str {
        self.all()
            .flat_map(|c| c.all_options())
            .find(|o| o.name == name)
            .map_or("", |o| l.pick(o.description_ko, o.description))
    }

    fn option_spec(self, name: &str) -> Option<&'static OptionSpec> {
        self.all()
            .flat_map(|c| c.all_options())
            .chain([&HIDE])
            .find(|o| o.name == name)
    }
}

/// A chapter, by number or title (several commands take one).
pub const CHAPTER: OptionSpec = OptionSpec {
    name: "chapter",
    ko: "챕터",
    aliases: &["챕터", "장", "ch"],
    description: "Chapter number or title, e.g. 21 or preview",
    description_ko: "챕터 번호나 제목 (예: 21, 전망)",
    kind: Kind::Text { autocomplete: true },
    required: true,
    words: Words::RunOn,
};

/// A page number (`/read`, `/board`).
pub const PAGE: OptionSpec = OptionSpec {
    name: "page",
    ko: "쪽",
    aliases: &["쪽", "페이지", "p"],
    description: "Page number (default 1)",
    description_ko: "쪽 번호 (기본 1)",
    kind: Kind::Number { min: 1, max: None },
    required: false,
    words: Words::One,
};

/// The `course` option, registered only when more than one course is loaded.
pub const COURSE: OptionSpec = OptionSpec {
    name: "course",
    ko: "강의",
    aliases: &["강의"],
    description: "Which lecture (several are loaded)",
    description_ko: "어느 강의인지 (여러 강의가 있을 때)",
    kind: Kind::Text {
        autocomplete: false,
    },
    required: false,
    words: Words::One,
};

/// The `hide` option: answer only to the asker.
pub const HIDE: OptionSpec = OptionSpec {
    name: "hide",
    ko: "숨기기",
    aliases: &[],
    description: "Show the answer only to you",
    description_ko: "나에게만 보이게 답하기",
    kind: Kind::Switch,
    required: false,
    words: Words::One,
};

/// Named argument values of one invocation, however they arrived (a typed
/// slash line, Discord options, a button).
pub trait Arguments {
    /// A text argument, if given.
    fn text(&self, name: &'static str) -> Option<String>;
    /// A whole-number argument, if given; an error when it isn't a number.
    fn number(&self, name: &'static str) -> Result<Option<i64>, ArgError>;
}

/// Why arguments don't make a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgError {
    /// A required argument is missing.
    Missing(&'static str),
    /// A number argument holds something else.
    NotANumber { option: &'static str, value: String },
}

/// A required text argument.
pub fn required(args: &dyn Arguments, name: &'static str) -> Result<String, ArgError> {
    args.text(name).ok_or(ArgError::Missing(name))
}

/// A number as an argument value.
pub fn number_value(n: Option<i64>) -> Option<String> {
    n.map(|n| n.to_string())
}
