//! Button `custom_id`s: a whole command, written into the button itself.
//!
//! Buttons stay on messages for months and the bot restarts in between, so a
//! click must be answerable from the `custom_id` alone — no in-memory table.
//! The format is versioned, compact and readable in logs:
//!
//! ```text
//! custom_id = "v1" ":" [mode] op *(":" arg)       (at most 100 characters)
//! mode      = ""  → update the clicked message in place (UPDATE_MESSAGE, type 7)
//!           | "+" → answer with a new message everyone sees (type 4)
//!           | "-" → answer with a new message only the clicker sees (type 4, ephemeral)
//! op        = the command's `op` in the command table (ch, sum, kp, read, s, at, link, help)
//! ```
//!
//! Arguments are positional, in the order of the command's options (course
//! last); optional ones may be empty (= absent) and
//! trailing absent ones are left out; the course comes last and only when the
//! command names one. `%` and `:` inside an argument are written `%25` and
//! `%3A`. Examples: `v1:sum:21`, `v1:read:21:3`, `v1:+sum:21`,
//! `v1:read:21::other-course`, `v1:-s:attention`.
//!
//! A command that does not fit in 100 characters gets no button (the renderer
//! drops it): cutting an argument would run a different command. A `custom_id`
//! that cannot be read (another version, a typo, a cut) is a [`DecodeError`],
//! answered with a friendly ephemeral message.

use super::limits;
use crate::answer::spec::OptionSpec;
use crate::answer::{ArgError, Arguments, Command, COMMANDS};

/// The format version written by this build.
pub const VERSION: &str = "v1";

/// How a click is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClickMode {
    /// Replace the clicked message (navigation within one message).
    Update,
    /// Post a new message everyone in the channel sees.
    NewPublic,
    /// Post a new message only the clicker sees.
    NewHidden,
}

impl ClickMode {
    fn prefix(self) -> &'static str {
        match self {
            ClickMode::Update => "",
            ClickMode::NewPublic => "+",
            ClickMode::NewHidden => "-",
        }
    }

    /// A new message with this visibility.
    pub fn new_message(hidden: bool) -> ClickMode {
        if hidden {
            ClickMode::NewHidden
        } else {
            ClickMode::NewPublic
        }
    }
}

/// What a button does: a command, and how its answer is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Action {
    pub mode: ClickMode,
    pub command: Command,
}

/// A `custom_id` that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not a Lectern button of a known version")]
    UnknownVersion,
    #[error("unknown button action `{0}`")]
    UnknownOp(String),
    #[error("wrong number of button arguments")]
    Arity,
    #[error("broken button argument")]
    BadArgument,
}

/// Writes an action; `None` when it would exceed [`limits::CUSTOM_ID`].
pub fn encode(action: &Action) -> Option<String> {
    let values = action.command.values();
    let args: Vec<Option<&str>> = values.iter().map(Option::as_deref).collect();
    finish(action.mode, action.command.spec().op, &args)
}

fn finish(mode: ClickMode, op: &str, args: &[Option<&str>]) -> Option<String> {
    let used = args.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
    let mut out = format!("{VERSION}:{}{op}", mode.prefix());
    for arg in &args[..used] {
        out.push(':');
        if let Some(a) = arg {
            escape_into(a, &mut out);
        }
    }
    (out.chars().count() <= limits::CUSTOM_ID).then_some(out)
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            ':' => out.push_str("%3A"),
            c => out.push(c),
        }
    }
}

fn unescape(s: &str) -> Result<String, DecodeError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3).ok_or(DecodeError::BadArgument)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| DecodeError::BadArgument)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::BadArgument)
}

/// Reads a `custom_id` written by [`encode`] (by this or an earlier build of
/// the same version).
pub fn decode(custom_id: &str) -> Result<Action, DecodeError> {
    if custom_id.chars().count() > limits::CUSTOM_ID {
        return Err(DecodeError::BadArgument);
    }
    let mut parts = custom_id.split(':');
    if parts.next() != Some(VERSION) {
        return Err(DecodeError::UnknownVersion);
    }
    let op = parts.next().ok_or(DecodeError::Arity)?;
    let (mode, op) = match op.as_bytes().first() {
        Some(b'+') => (ClickMode::NewPublic, &op[1..]),
        Some(b'-') => (ClickMode::NewHidden, &op[1..]),
        _ => (ClickMode::Update, op),
    };
    let args: Vec<String> = parts.map(unescape).collect::<Result<_, _>>()?;
    let spec = COMMANDS
        .iter()
        .find(|c| c.op == op && c.answering.is_some())
        .ok_or_else(|| DecodeError::UnknownOp(op.chars().take(20).collect()))?;
    let options: Vec<&'static OptionSpec> = spec.all_options().collect();
    if args.len() > options.len() {
        return Err(DecodeError::Arity);
    }
    let command = Command::from_arguments(spec.name, &Positional { options, args })
        .ok_or(DecodeError::Arity)?
        .map_err(|e| match e {
            ArgError::Missing(_) => DecodeError::Arity,
            ArgError::NotANumber { .. } => DecodeError::BadArgument,
        })?;
    Ok(Action { mode, command })
}

/// A button's arguments, by position in the command's options; an empty
/// optional one is absent.
struct Positional {
    options: Vec<&'static OptionSpec>,
    args: Vec<String>,
}

impl Arguments for Positional {
    fn text(&self, name: &'static str) -> Option<String> {
        let (option, arg) = self
            .options
            .iter()
            .zip(&self.args)
            .find(|(o, _)| o.name == name)?;
        (option.required || !arg.is_empty()).then(|| arg.clone())
    }

    fn number(&self, name: &'static str) -> Result<Option<i64>, ArgError> {
        self.text(name)
            .map(|a| {
                a.parse::<i64>().map_err(|_| ArgError::NotANumber {
                    option: name,
                    value: a,
                })
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(mode: ClickMode, command: Command) -> String {
        let action = Action { mode, command };
        let id = encode(&action).expect("fits");
        assert_eq!(decode(&id), Ok(action), "{id}");
        id
    }

    #[test]
    fn examples_are_compact() {
        let sum = Command::Summary {
            course: None,
            chapter: "21".into(),
        };
        assert_eq!(round(ClickMode::Update, sum.clone()), "v1:sum:21");
        assert_eq!(round(ClickMode::NewPublic, sum), "v1:+sum:21");
        let read = Command::Read {
            course: None,
            chapter: "21".into(),
            page: Some(3),
        };
        assert_eq!(round(ClickMode::Update, read), "v1:read:21:3");
        let read = Command::Read {
            course: Some("other".into()),
            chapter: "21".into(),
            page: None,
        };
        assert_eq!(round(ClickMode::Update, read), "v1:read:21::other");
        let at = Command::At {
            course: None,
            time: "3:09:39".into(),
        };
        assert_eq!(round(ClickMode::NewHidden, at), "v1:-at:3%3A09%3A39");
        assert_eq!(
            round(ClickMode::Update, Command::Help { command: None }),
            "v1:help"
        );
    }

    #[test]
    fn too_long_is_refused_not_cut() {
        let action = Action {
            mode: ClickMode::Update,
            command: Command::Search {
                course: None,
                query: "가".repeat(120),
                limit: None,
            },
        };
        assert_eq!(encode(&action), None);
    }

    #[test]
    fn garbage_is_an_error() {
        for bad in [
            "",
            "v2:sum:21",
            "v1",
            "v1:zap:1",
            "v1:sum",
            "v1:sum:1:2:3",
            "v1:read:21:x",
            "v1:sum:%ZZ",
            "v1:sum:%C3",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
    }
}
