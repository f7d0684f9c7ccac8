//! The command table: one file per command; here, per command, its line in
//! [`COMMANDS`], its [`Command`] variant and its arm of [`Command::spec`].
//! Each file holds its command's [`CommandSpec`] (names, options, usage, help
//! row, button op) next to the functions that build the [`Command`] from
//! arguments, list its values and answer it.

mod at;
pub(super) mod board;
mod chapters;
mod courses;
pub(super) mod daily;
mod daily_status;
pub(super) mod forget_me;
mod help;
mod keypoints;
mod link;
pub(super) mod progress;
mod read;
mod reload;
mod search;
pub(super) mod settings;
mod summary;
pub(super) mod unwatch;
pub(super) mod watched;
mod where_;

use super::spec::CommandSpec;
use super::Answer;

/// One command with its typed arguments. `course` is optional everywhere: it is
/// only needed when several courses are loaded and none is the default.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Command {
    /// Every loaded course (`/courses`).
    Courses,
    Chapters {
        course: Option<String>,
    },
    Summary {
        course: Option<String>,
        chapter: String,
    },
    KeyPoints {
        course: Option<String>,
        chapter: String,
    },
    Read {
        course: Option<String>,
        chapter: String,
        page: Option<i64>,
    },
    Search {
        course: Option<String>,
        query: String,
        limit: Option<i64>,
    },
    At {
        course: Option<String>,
        time: String,
    },
    Where {
        course: Option<String>,
        query: String,
    },
    Link {
        course: Option<String>,
        chapter: String,
        at: Option<String>,
    },
    Help,
    /// Marks a chapter watched for the asker (`/watched`, the "✅ 봤어요" button).
    Watched {
        course: Option<String>,
        chapter: String,
    },
    Unwatch {
        course: Option<String>,
        chapter: String,
    },
    /// `member` is a mention (`<@id>`) or an id; `None` = the asker.
    Progress {
        course: Option<String>,
        member: Option<String>,
    },
    Board {
        course: Option<String>,
        page: Option<i64>,
    },
    /// Each value `None` = unchanged; all `None` = show the settings.
    Settings {
        course: Option<String>,
        language: Option<String>,
        hidden: Option<String>,
        time_zone: Option<String>,
    },
    /// Without `confirm`, asks first (with a button that confirms).
    ForgetMe {
        confirm: bool,
    },
    /// The daily chapter post (`/daily`): `action` is set, off, status or
    /// now (read by the command; anything else is answered with the list).
    Daily {
        action: String,
        channel: Option<String>,
        time: Option<String>,
        course: Option<String>,
    },
}

/// Every command, in the order Discord and `/help` list them.
pub const COMMANDS: &[&CommandSpec] = &[
    &chapters::SPEC,
    &summary::SPEC,
    &keypoints::SPEC,
    &read::SPEC,
    &search::SPEC,
    &where_::SPEC,
    &at::SPEC,
    &link::SPEC,
    &courses::SPEC,
    &help::SPEC,
    &watched::SPEC,
    &unwatch::SPEC,
    &progress::SPEC,
    &board::SPEC,
    &settings::SPEC,
    &forget_me::SPEC,
    &daily::SPEC,
    &reload::SPEC,
];

/// The spec of a command by its registered (English) name.
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().copied().find(|c| c.name == name)
}

impl Command {
    /// This command's row of the table.
    pub fn spec(&self) -> &'static CommandSpec {
        match self {
            Command::Courses => &courses::SPEC,
            Command::Chapters { .. } => &chapters::SPEC,
            Command::Summary { .. } => &summary::SPEC,
            Command::KeyPoints { .. } => &keypoints::SPEC,
            Command::Read { .. } => &read::SPEC,
            Command::Search { .. } => &search::SPEC,
            Command::Where { .. } => &where_::SPEC,
            Command::At { .. } => &at::SPEC,
            Command::Link { .. } => &link::SPEC,
            Command::Help => &help::SPEC,
            Command::Watched { .. } => &watched::SPEC,
            Command::Unwatch { .. } => &unwatch::SPEC,
            Command::Progress { .. } => &progress::SPEC,
            Command::Board { .. } => &board::SPEC,
            Command::Settings { .. } => &settings::SPEC,
            Command::ForgetMe { .. } => &forget_me::SPEC,
            Command::Daily { .. } => &daily::SPEC,
        }
    }
}

/// What a command's `run` answers when handed another command's variant
/// (never happens: [`Command::spec`] picks the spec by variant).
fn not_mine() -> Answer {
    Err(Box::default())
}

/// An option's name as the reader's Discord shows it (`쪽`, `개수`, `챕터`
/// for Korean readers), read from the command table; unknown names as given.
pub fn option_label(l: super::Locale, name: &str) -> &str {
    let option = COMMANDS
        .iter()
        .flat_map(|c| c.all_options())
        .chain([&super::spec::HIDE])
        .find(|o| o.name == name);
    match (l, option) {
        (super::Locale::Ko, Some(o)) => o.ko,
        _ => name,
    }
}

/// A command's name as the reader's Discord shows it (`요약` for Korean
/// readers of `summary`); unknown names as given.
pub fn command_label(l: super::Locale, name: &str) -> &str {
    match (l, find(name)) {
        (super::Locale::Ko, Some(c)) => c.ko,
        _ => name,
    }
}

/// What an option takes, in the reader's language (its description in the
/// command table); empty for unknown names.
pub fn option_description(l: super::Locale, name: &str) -> &'static str {
    COMMANDS
        .iter()
        .flat_map(|c| c.all_options())
        .find(|o| o.name == name)
        .map_or("", |o| l.pick(o.description_ko, o.description))
}
