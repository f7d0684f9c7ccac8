//! The command table: one file per command; here, per command, its line in
//! [`COMMANDS`] and its arm of [`Command::spec`] (its variant is in
//! [`super::command`]). The table stands on top: the command files import
//! the wording below them, and that wording reads names through the
//! [`Names`] it is handed ([`NAMES`]), never through this file.
//! Each file holds its command's [`CommandSpec`] (names, options, usage, help
//! row, button op) next to the functions that build the [`Command`] from
//! arguments, list its values and answer it.

mod at;
pub(super) mod board;
mod chapters;
mod courses;
pub(super) mod daily;
mod daily_set;
mod daily_status;
pub(super) mod forget_me;
mod help;
mod keypoints;
mod link;
pub(super) mod progress;
pub(super) mod quiz;
pub(super) mod quiz_answer;
mod read;
mod reload;
pub(super) mod review;
mod search;
pub(super) mod settings;
mod summary;
pub(super) mod unwatch;
pub(super) mod watched;
mod where_;

use super::command::Command;
use super::spec::{CommandSpec, Names};

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
    &quiz::SPEC,
    &review::SPEC,
    &quiz_answer::SPEC,
    &review::ADD_SPEC,
    &daily::SPEC,
    &reload::SPEC,
];

/// Commands only buttons run (their arguments are what a button holds):
/// never registered with Discord.
pub const BUTTON_ONLY: &[&str] = &[quiz_answer::SPEC.name, review::ADD_SPEC.name];

/// What a terminal shows for a button only buttons run (the console and
/// `ask` have no buttons): the command as a typed line with named
/// arguments, e.g. `/quiz-answer chapter:22 version:2b7cc kind:c item:1
/// seed:99233 choice:0`. `None` for every other command.
pub fn button_line(command: &Command) -> Option<String> {
    let spec = command.spec();
    if !BUTTON_ONLY.contains(&spec.name) {
        return None;
    }
    let mut line = format!("/{}", spec.name);
    for (option, value) in spec.all_options().zip(command.values()) {
        if let Some(value) = value {
            line.push_str(&format!(" {}:{value}", option.name));
        }
    }
    Some(line)
}

/// The spec of a command by its registered (English) name.
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    NAMES.find(name)
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
            Command::Help { .. } => &help::SPEC,
            Command::Watched { .. } => &watched::SPEC,
            Command::Unwatch { .. } => &unwatch::SPEC,
            Command::Progress { .. } => &progress::SPEC,
            Command::Board { .. } => &board::SPEC,
            Command::Settings { .. } => &settings::SPEC,
            Command::ForgetMe { .. } => &forget_me::SPEC,
            Command::Quiz { .. } => &quiz::SPEC,
            Command::QuizAnswer { .. } => &quiz_answer::SPEC,
            Command::Review => &review::SPEC,
            Command::ReviewAdd { .. } => &review::ADD_SPEC,
            Command::Daily { .. } => &daily::SPEC,
        }
    }
}

/// The table as wording reads it: handed down to every command body, so the
/// wording below the command files names commands and options without
/// importing the table.
pub const NAMES: Names = Names::new(COMMANDS, BUTTON_ONLY);
