//! Reading a slash command's options into an [`crate::answer::Command`].
//!
//! Discord always sends the canonical (English) command and option names,
//! whatever language the client shows, so only those are matched here. A
//! missing required option or an unknown command can only come from stale
//! registrations; they become a friendly error, never a panic.

use serenity::all::{CommandData, CommandDataOption, CommandDataOptionValue};

use super::commands;
use crate::answer::{notices, ArgError, Arguments, Command, Locale, Reply};

/// A command as invoked: what to answer, and whether the asker chose to hide it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub command: Command,
    /// The `hide` option, when given.
    pub hide: Option<bool>,
}

/// Why options could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    /// A command this version doesn't know (registrations are out of date).
    UnknownCommand(String),
    /// A required option is missing.
    Missing {
        command: &'static str,
        option: &'static str,
    },
}

impl OptionsError {
    /// The error reply shown to the user (ephemeral, as every error).
    pub fn reply(&self, l: Locale) -> Reply {
        match self {
            OptionsError::UnknownCommand(name) => notices::unregistered_command(l, name),
            OptionsError::Missing { command, option } => {
                notices::missing_option(l, command, option)
            }
        }
    }
}

/// One option's value, whatever its declared type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(i64),
    Switch(bool),
}

/// The options of one invocation by canonical name.
#[derive(Debug, Clone, Default)]
pub struct Values(Vec<(String, Value)>);

impl Values {
    /// Reads top-level options; a focused (autocomplete) option counts as text.
    pub fn from_options(options: &[CommandDataOption]) -> Values {
        let values = options
            .iter()
            .filter_map(|o| {
                let value = match &o.value {
                    CommandDataOptionValue::String(s) => Value::Text(s.clone()),
                    CommandDataOptionValue::Autocomplete { value, .. } => {
                        Value::Text(value.clone())
                    }
                    CommandDataOptionValue::Integer(n) => Value::Number(*n),
                    CommandDataOptionValue::Number(f) if f.is_finite() => {
                        Value::Number(f.trunc() as i64)
                    }
                    CommandDataOptionValue::Boolean(b) => Value::Switch(*b),
                    CommandDataOptionValue::Channel(id) => Value::Text(id.get().to_string()),
                    _ => return None,
                };
                Some((o.name.clone(), value))
            })
            .collect();
        Values(values)
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// A text option (numbers are accepted as their digits).
    pub fn text(&self, name: &str) -> Option<String> {
        match self.get(name)? {
            Value::Text(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Switch(_) => None,
        }
    }

    /// A number option (text holding a whole number is accepted too).
    pub fn number(&self, name: &str) -> Option<i64> {
        match self.get(name)? {
            Value::Number(n) => Some(*n),
            Value::Text(s) => s.trim().parse().ok(),
            Value::Switch(_) => None,
        }
    }

    pub fn switch(&self, name: &str) -> Option<bool> {
        match self.get(name)? {
            Value::Switch(b) => Some(*b),
            _ => None,
        }
    }
}

/// Maps a slash command to the core's command.
pub fn read_command(data: &CommandData) -> Result<Invocation, OptionsError> {
    let Some(spec) = commands::spec(&data.name) else {
        return Err(OptionsError::UnknownCommand(data.name.clone()));
    };
    let values = Values::from_options(&data.options);
    let command = to_command(spec.name, &values)?;
    Ok(Invocation {
        command,
        hide: values.switch(commands::HIDE.name),
    })
}

/// Builds a command from option values; `name` is a registered name.
pub fn to_command(name: &'static str, v: &Values) -> Result<Command, OptionsError> {
    match Command::from_arguments(name, v) {
        None => Err(OptionsError::UnknownCommand(name.to_string())),
        Some(Ok(command)) => Ok(command),
        Some(Err(ArgError::Missing(option) | ArgError::NotANumber { option, .. })) => {
            Err(OptionsError::Missing {
                command: name,
                option,
            })
        }
    }
}

impl Arguments for Values {
    fn text(&self, name: &'static str) -> Option<String> {
        Values::text(self, name)
    }

    /// Lenient: Discord checks numbers; anything else reads as absent.
    fn number(&self, name: &'static str) -> Result<Option<i64>, ArgError> {
        Ok(Values::number(self, name))
    }
}
