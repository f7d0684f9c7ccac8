//! The slash commands as Discord registers them: English names with Korean
//! (`ko`) localizations for every command and option, autocomplete on
//! `chapter` and `query`, a `course` option only when several courses are
//! loaded, and the optional `hide` switch. `/reload` is the one admin
//! command: shown only to members with Manage Server, only in servers, with
//! no options (its answer is always private).
//!
//! The core's command table ([`COMMANDS`]) drives registration
//! ([`definitions`]) as it drives every other reading of a command, so the
//! names registered here are the ones parsed, encoded and listed everywhere.
//! `tests/integration/discord/commands.rs` checks the generated JSON against every rule
//! Discord enforces (name pattern, lengths, counts, the 8,000-character total).

use serenity::all::{
    ChannelType, CommandOptionType, CreateCommand, CreateCommandOption, InteractionContext,
};

use super::limits;
use crate::answer::MAX_ARG_CHARS;
use crate::app::Lectern;
use crate::cut::truncate;

pub use crate::answer::spec::{CommandSpec, Kind, OptionSpec, COURSE, HIDE, KO};
pub use crate::answer::COMMANDS;

/// The spec of a command by its registered (English) name.
pub fn spec(name: &str) -> Option<&'static CommandSpec> {
    crate::answer::commands::find(name)
}

/// Whether the commands carry a `course` option for this library.
pub fn has_course_option(lectern: &Lectern) -> bool {
    lectern.library.courses.len() > 1
}

/// The command definitions to register, for this library (all but the
/// commands only buttons run).
pub fn definitions(lectern: &Lectern) -> Vec<CreateCommand> {
    COMMANDS
        .iter()
        .filter(|c| !crate::answer::commands::BUTTON_ONLY.contains(&c.name))
        .map(|c| definition(lectern, c))
        .collect()
}

/// The definitions as the JSON array `PUT /applications/{id}/commands` receives.
pub fn definitions_json(lectern: &Lectern) -> serde_json::Value {
    serde_json::to_value(definitions(lectern)).unwrap_or_default()
}

fn definition(lectern: &Lectern, spec: &CommandSpec) -> CreateCommand {
    let mut command = CreateCommand::new(spec.name)
        .name_localized(KO, spec.ko)
        .description(spec.description)
        .description_localized(KO, spec.description_ko);
    for option in spec.options {
        command = command.add_option(option_definition(option));
    }
    if spec.takes_course && has_course_option(lectern) {
        command = command.add_option(course_option(lectern));
    }
    if spec.admin {
        // Hidden from members without the permission (a server admin can
        // change that in the server's settings; the handler checks again).
        return command
            .default_member_permissions(super::reload::REQUIRED)
            .contexts(vec![InteractionContext::Guild]);
    }
    command.add_option(option_definition(&HIDE))
}

fn localized(kind: CommandOptionType, o: &OptionSpec) -> CreateCommandOption {
    CreateCommandOption::new(kind, o.name, o.description)
        .name_localized(KO, o.ko)
        .description_localized(KO, o.description_ko)
        .required(o.required)
}

fn option_definition(o: &OptionSpec) -> CreateCommandOption {
    match o.kind {
        Kind::Text { autocomplete } => localized(CommandOptionType::String, o)
            .set_autocomplete(autocomplete)
            .max_length(MAX_ARG_CHARS as u16),
        Kind::Number { min, max } => {
            let option = localized(CommandOptionType::Integer, o).min_int_value(min);
            match max {
                Some(max) => option.max_int_value(max),
                None => option,
            }
        }
        Kind::Switch => localized(CommandOptionType::Boolean, o),
        Kind::Channel => localized(CommandOptionType::Channel, o)
            .channel_types(vec![ChannelType::Text, ChannelType::News]),
        Kind::Choice { choices } => choices
            .iter()
            .fold(localized(CommandOptionType::String, o), |option, c| {
                option.add_string_choice_localized(c.name, c.value, [(KO, c.ko)])
            }),
    }
}

/// Up to 25 courses are offered as fixed choices (title shown, id sent); more
/// than that, or an id too long to be a choice value, switches to autocomplete.
fn course_option(lectern: &Lectern) -> CreateCommandOption {
    let courses = &lectern.library.courses;
    let option = localized(CommandOptionType::String, &COURSE);
    if course_choices_fit(lectern) {
        courses.iter().fold(option, |option, c| {
            option.add_string_choice_localized(
                choice_name(&c.title, &c.id),
                c.id.clone(),
                [(KO, choice_name(&c.title_ko, &c.id))],
            )
        })
    } else {
        option
            .set_autocomplete(true)
            .max_length(MAX_ARG_CHARS as u16)
    }
}

/// Whether the courses fit as predefined choices.
pub fn course_choices_fit(lectern: &Lectern) -> bool {
    let courses = &lectern.library.courses;
    courses.len() <= limits::CHOICES
        && courses
            .iter()
            .all(|c| !c.id.is_empty() && c.id.chars().count() <= limits::CHOICE_VALUE)
}

/// A choice's shown name: the title, or the id when there is no title; never
/// empty, at most 100 characters.
pub fn choice_name(title: &str, id: &str) -> String {
    let name = if title.trim().is_empty() { id } else { title };
    truncate(name.trim(), limits::CHOICE_NAME)
}
