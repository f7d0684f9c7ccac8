//! Every behaviour a user can see, decided in one place.
//!
//! A [`Request`] (one [`Command`] with typed arguments, plus the reader's
//! [`Locale`]) goes in; one transport-neutral [`Reply`] comes out. The command
//! line prints it, Discord turns it into an embed; neither decides anything.
//!
//! What the bot does, command by command:
//! - `/chapters [course]` — the table of contents: number, Korean and English
//!   title, start time with a link, and whether notes exist ([`toc`]).
//! - `/summary chapter` — the summary, the first key points, a link to the
//!   chapter and buttons for previous/next, key points and reading
//!   ([`chapter`]); a chapter without notes yet gets its span, what the
//!   captions say there, its nearest chapters with notes and how to add
//!   notes ([`no_notes`]).
//! - `/keypoints chapter` — every key point of a chapter ([`chapter`]).
//! - `/read chapter [page]` — the full translation in pages of at most 4,000
//!   characters, cut between paragraphs, sentences or words, "page n of m",
//!   each page linked to the moment it starts ([`read`]).
//! - `/search query [limit]` — chapters about a topic, best first, each with up
//!   to three moments: a snippet and a deep link to that second ([`search`]).
//! - `/where query [course]` — where a topic comes up along the video: a
//!   timeline picture of its density with the top three moments marked, one
//!   line per marked moment and buttons to watch them ([`where_`]).
//! - `/at time` — which chapter covers a moment, with a link to that second;
//!   the moment typed or pasted (a YouTube link, `t=4832s`, `4832초`,
//!   full-width digits), a link into another video named as such ([`moment`]).
//! - `/link chapter [at]` — a shareable link to a chapter, optionally at an
//!   offset (`+2:30`) or an absolute time ([`moment`]).
//! - `/help` — what the bot can do, with examples ([`help`]).
//! - `/watched`, `/unwatch`, `/progress`, `/board`, `/settings`,
//!   `/forget-me` — study state per server ([`state`]): the same pure
//!   rules, handed the study [`crate::study::Book`] by the adapter.
//! - `/quiz`, `/review` — practice questions built from the notes
//!   ([`crate::quiz`]), their answer buttons and spaced review, also
//!   through [`state`] (answers and review cards are study state).
//! - `/daily` (admins) — the daily chapter post: its schedule, status, and
//!   what the post says ([`daily_post`]; posting is the scheduler's).
//! - `/reload` (admins only) — reloads content now and reports chapters
//!   added, updated and removed, and any warnings ([`reload_reply`]; the
//!   reload itself is the adapter's I/O, see [`crate::live`]).
//!
//! Errors are answers too: an unknown chapter gets "did you mean" with up to
//! three suggestions; a time past the end names the video's length; empty or
//! over-long input (more than [`MAX_ARG_CHARS`] characters) is refused before any
//! work. Errors are ephemeral. Nothing here panics, whatever the input.

mod board_picture;
mod chapter;
mod command;
pub mod commands;
pub mod daily_post;
pub mod desk;
mod help;
mod moment;
mod no_notes;
pub mod notices;
mod read;
mod reload;
mod reply;
mod resolve;
mod search;
pub mod slash;
mod slash_words;
pub mod spec;
pub mod state;
mod toc;
mod where_;

pub use crate::locale::Locale;
pub use board_picture::{board_picture, BOARD_PNG};
pub use command::Command;
pub use commands::{COMMANDS, NAMES};
pub use help::command_suggestions;
pub use read::PAGE_CHARS;
pub use reload::reload_reply;
use reply::Retry;
pub use reply::{picture_saved, Attachment, Button, Field, Problem, Reply, Suggestion};
pub use search::{DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT};
pub use spec::{ArgError, Arguments, CommandSpec, Names, MAX_ARG_CHARS};

use crate::app::Lectern;

impl Command {
    /// The same command about another chapter (for "did you mean" buttons);
    /// `None` for commands that take no chapter.
    pub fn with_chapter(&self, chapter: &str) -> Option<Command> {
        let chapter = chapter.to_string();
        Some(match self.clone() {
            Command::Summary { course, .. } => Command::Summary { course, chapter },
            Command::KeyPoints { course, .. } => Command::KeyPoints { course, chapter },
            Command::Read { course, .. } => Command::Read {
                course,
                chapter,
                page: None,
            },
            Command::Link { course, at, .. } => Command::Link {
                course,
                chapter,
                at,
            },
            _ => return None,
        })
    }

    /// The same command with a "did you mean" value instead of the one asked.
    fn retry(&self, retry: Retry) -> Option<Command> {
        match retry {
            Retry::Chapter(chapter) => self.with_chapter(&chapter),
            Retry::Course(course) => self.with_argument("course", &course),
        }
    }

    /// The command's English name, as registered (`summary`, `keypoints`, …).
    pub fn name(&self) -> &'static str {
        self.spec().name
    }

    /// Builds a command from its registered name and its arguments; `None`
    /// for a name no answerable command has.
    pub fn from_arguments(name: &str, args: &dyn Arguments) -> Option<Result<Command, ArgError>> {
        let answering = commands::find(name)?.answering?;
        Some((answering.build)(args))
    }

    /// The same command with one argument (`course`, `chapter`, …) set to
    /// `value`; `None` when the command has no such option.
    pub fn with_argument(&self, name: &str, value: &str) -> Option<Command> {
        let spec = self.spec();
        let option = spec.all_options().find(|o| o.name == name)?;
        let mut given: Vec<(&'static str, String)> = spec
            .all_options()
            .zip(self.values())
            .filter_map(|(o, v)| Some((o.name, v?)))
            .filter(|(n, _)| *n != option.name)
            .collect();
        given.push((option.name, value.to_string()));
        (spec.answering?.build)(&Given(given)).ok()
    }

    /// The command's argument values in its spec's option order (course
    /// last); `None` = not given.
    pub fn values(&self) -> Vec<Option<String>> {
        self.spec()
            .answering
            .map(|a| (a.values)(self))
            .unwrap_or_default()
    }
}

/// Arguments taken from a command's own values.
struct Given(Vec<(&'static str, String)>);

impl Arguments for Given {
    fn text(&self, name: &'static str) -> Option<String> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    }

    fn number(&self, name: &'static str) -> Result<Option<i64>, ArgError> {
        self.text(name)
            .map(|v| {
                v.parse().map_err(|_| ArgError::NotANumber {
                    option: name,
                    value: v,
                })
            })
            .transpose()
    }
}

/// A command and who it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub command: Command,
    pub locale: Locale,
}

impl Request {
    pub fn new(command: Command, locale: Locale) -> Request {
        Request { command, locale }
    }
}

/// Answers one request. Pure: reads `lectern`, touches nothing else.
pub fn answer(lectern: &Lectern, request: &Request) -> Reply {
    let command = &request.command;
    let reply = match command.spec().answering {
        Some(answering) => (answering.run)(lectern, request.locale, NAMES, command),
        None => Err(Box::default()),
    };
    let mut reply = reply.unwrap_or_else(|problem| *problem);
    if let Some(problem) = &mut reply.error {
        for suggestion in &mut problem.suggestions {
            if let Some(retry) = suggestion.retry.take() {
                suggestion.command = command.retry(retry);
            }
        }
    }
    reply
}
