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
    &reload::SPEC,
];

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
            Command::Help => &help::SPEC,
            Command::Watched { .. } => &watched::SPEC,
            Command::Unwatch { .. } => &unwatch::SPEC,
            Command::Progress { .. } => &progress::SPEC,
            Command::Board { .. } => &board::SPEC,
            Command::Settings { .. } => &settings::SPEC,
            Command::ForgetMe { .. } => &forget_me::SPEC,
        }
    }
}

/// The table as wording reads it: handed down to every command body, so the
/// wording below the command files names commands and options without
/// importing the table.
pub const NAMES: Names = Names::new(COMMANDS);
