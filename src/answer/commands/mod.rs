//! The command table: one file per command, one line per command in
//! [`COMMANDS`]. Each file holds its command's [`CommandSpec`] (names,
//! options, usage, help row, button op) next to the functions that build the
//! [`Command`] from arguments, list its values and answer it.

mod at;
pub(super) mod board;
mod chapters;
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

use super::spec::CommandSpec;
use super::{Answer, Command};

/// Every command, in the order Discord and `/help` list them.
pub const COMMANDS: &[&CommandSpec] = &[
    &chapters::SPEC,
    &summary::SPEC,
    &keypoints::SPEC,
    &read::SPEC,
    &search::SPEC,
    &at::SPEC,
    &link::SPEC,
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
    COMMANDS.iter().copied().find(|c| c.name == name)
}

impl Command {
    /// This command's row of the table.
    pub fn spec(&self) -> &'static CommandSpec {
        match self {
            Command::Chapters { .. } => &chapters::SPEC,
            Command::Summary { .. } => &summary::SPEC,
            Command::KeyPoints { .. } => &keypoints::SPEC,
            Command::Read { .. } => &read::SPEC,
            Command::Search { .. } => &search::SPEC,
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

/// What a command's `run` answers when handed another command's variant
/// (never happens: [`Command::spec`] picks the spec by variant).
fn not_mine() -> Answer {
    Err(Box::default())
}
