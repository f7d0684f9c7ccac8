//! The transport-neutral reply: what every adapter renders.
//!
//! Text is Discord-flavoured Markdown (`**bold**`, `[label](url)`); adapters
//! that show plain text use [`Reply::plain_text`].

use super::command::Command;
use crate::locale::Locale;
use crate::markdown::markdown_to_plain;

/// Result of a command body: `Err` is an error reply, returned as is.
pub(super) type Answer = Result<Reply, Box<Reply>>;

/// One answer to one request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    pub title: String,
    /// The main deep link (the chapter or the moment).
    pub url: Option<String>,
    /// The body, in Markdown.
    pub text: String,
    pub fields: Vec<Field>,
    pub footer: Option<String>,
    /// Embed colour, 0xRRGGBB.
    pub color: Option<u32>,
    pub buttons: Vec<Button>,
    /// Shown only to the asker.
    pub ephemeral: bool,
    /// Set when the request could not be answered as asked.
    pub error: Option<Problem>,
    /// A file sent with the answer (a rendered picture, e.g. `/where`'s).
    /// Discord shows it in the embed; `lectern ask` writes it to a file.
    pub attachment: Option<Attachment>,
}

/// A file that goes with a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Shown name, e.g. `chapter-21.png`.
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// The line telling a terminal reader where the picture of a reply was saved.
pub fn picture_saved(l: Locale, path: &str) -> String {
    match l {
        Locale::Ko => format!("그림: {path}"),
        Locale::En => format!("Picture: {path}"),
    }
}

/// A titled block of the reply (key points, search moments, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

/// A button under the reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Opens a URL (the "watch from here" button).
    Link { label: String, url: String },
    /// Runs another command when clicked (previous/next chapter, switch view).
    Run { label: String, command: Command },
}

/// What went wrong, and what the user might have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub suggestions: Vec<Suggestion>,
}

/// One "did you mean": what it says, and the command choosing it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub label: String,
    /// `None`: text only (nothing to run, e.g. an example with a placeholder).
    pub command: Option<Command>,
    /// Set by the core while answering: "the asked command again, with this
    /// instead". [`super::answer`] turns it into `command` before the reply
    /// leaves the core.
    pub(super) retry: Option<Retry>,
}

/// The asked command again, about something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Retry {
    /// Another chapter (a "did you mean" chapter number).
    Chapter(String),
    /// Another course (a "did you mean" course id).
    Course(String),
}

impl Suggestion {
    /// A suggestion that runs `command`.
    pub fn run(label: impl Into<String>, command: Command) -> Suggestion {
        Suggestion {
            label: label.into(),
            command: Some(command),
            retry: None,
        }
    }

    /// A suggestion shown as text only.
    pub fn text(label: impl Into<String>) -> Suggestion {
        Suggestion {
            label: label.into(),
            command: None,
            retry: None,
        }
    }

    /// The asked command again with `retry` (resolved by [`super::answer`]).
    pub(super) fn retry(label: impl Into<String>, retry: Retry) -> Suggestion {
        Suggestion {
            label: label.into(),
            command: None,
            retry: Some(retry),
        }
    }
}

/// The heading of an error's suggestions.
pub(super) fn did_you_mean(l: Locale) -> &'static str {
    l.pick("혹시 이것을 찾으셨나요?", "Did you mean:")
}

impl Reply {
    /// An error reply: ephemeral, with the message as text and up to three
    /// suggestions (listed in the text too).
    pub fn error(
        title: impl Into<String>,
        message: impl Into<String>,
        suggestions: Vec<Suggestion>,
        did_you_mean: &str,
    ) -> Reply {
        let message = message.into();
        let mut text = message.clone();
        if !suggestions.is_empty() {
            // An empty heading: the message itself leads into the list.
            let mut lines: Vec<String> = Vec::new();
            if !did_you_mean.is_empty() {
                lines.push(did_you_mean.to_string());
            }
            lines.extend(suggestions.iter().map(|s| format!("• {}", s.label)));
            text.push_str("\n\n");
            text.push_str(&lines.join("\n"));
        }
        Reply {
            title: title.into(),
            text,
            ephemeral: true,
            error: Some(Problem {
                message,
                suggestions,
            }),
            ..Reply::default()
        }
    }

    pub fn is_ok(&self) -> bool {
        self.error.is_none()
    }

    /// Everything shown, as plain text: body, fields and footer, with Markdown
    /// markup removed and links written as `label <url>`.
    pub fn plain_text(&self) -> String {
        let mut parts = vec![markdown_to_plain(&self.text)];
        for f in &self.fields {
            parts.push(format!(
                "{}\n{}",
                markdown_to_plain(&f.name),
                markdown_to_plain(&f.value)
            ));
        }
        if let Some(footer) = &self.footer {
            parts.push(markdown_to_plain(footer));
        }
        parts.retain(|p| !p.trim().is_empty());
        parts.join("\n\n")
    }
}
