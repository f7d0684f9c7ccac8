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
//! op        = ch | sum | kp | read | s | at | link | help
//! ```
//!
//! Arguments are positional, optional ones may be empty (= absent) and
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
use crate::answer::Command;

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
    let (op, args): (&str, Vec<Option<&str>>) = match &action.command {
        Command::Chapters { course } => ("ch", vec![course.as_deref()]),
        Command::Summary { course, chapter } => {
            ("sum", vec![Some(chapter.as_str()), course.as_deref()])
        }
        Command::KeyPoints { course, chapter } => {
            ("kp", vec![Some(chapter.as_str()), course.as_deref()])
        }
        Command::Read {
            course,
            chapter,
            page,
        } => {
            let page = page.map(|p| p.to_string());
            return finish(
                action.mode,
                "read",
                &[Some(chapter.as_str()), page.as_deref(), course.as_deref()],
            );
        }
        Command::Search {
            course,
            query,
            limit,
        } => {
            let limit = limit.map(|n| n.to_string());
            return finish(
                action.mode,
                "s",
                &[Some(query.as_str()), limit.as_deref(), course.as_deref()],
            );
        }
        Command::At { course, time } => ("at", vec![Some(time.as_str()), course.as_deref()]),
        Command::Link {
            course,
            chapter,
            at,
        } => (
            "link",
            vec![Some(chapter.as_str()), at.as_deref(), course.as_deref()],
        ),
        Command::Help => ("help", vec![]),
    };
    finish(action.mode, op, &args)
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
    let max_args = match op {
        "help" => 0,
        "ch" => 1,
        "sum" | "kp" | "at" => 2,
        "read" | "s" | "link" => 3,
        other => return Err(DecodeError::UnknownOp(other.chars().take(20).collect())),
    };
    if args.len() > max_args {
        return Err(DecodeError::Arity);
    }
    let optional = |i: usize| args.get(i).filter(|a| !a.is_empty()).cloned();
    let required = |i: usize| args.get(i).cloned().ok_or(DecodeError::Arity);
    let number = |i: usize| -> Result<Option<i64>, DecodeError> {
        optional(i)
            .map(|a| a.parse::<i64>().map_err(|_| DecodeError::BadArgument))
            .transpose()
    };
    let command = match op {
        "help" => Command::Help,
        "ch" => Command::Chapters {
            course: optional(0),
        },
        "sum" => Command::Summary {
            chapter: required(0)?,
            course: optional(1),
        },
        "kp" => Command::KeyPoints {
            chapter: required(0)?,
            course: optional(1),
        },
        "at" => Command::At {
            time: required(0)?,
            course: optional(1),
        },
        "read" => Command::Read {
            chapter: required(0)?,
            page: number(1)?,
            course: optional(2),
        },
        "s" => Command::Search {
            query: required(0)?,
            limit: number(1)?,
            course: optional(2),
        },
        _ => Command::Link {
            chapter: required(0)?,
            at: optional(1),
            course: optional(2),
        },
    };
    Ok(Action { mode, command })
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
        assert_eq!(round(ClickMode::Update, Command::Help), "v1:help");
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
