//! What one invocation is: a [`Command`] with its typed arguments, as every
//! adapter builds it and every button carries it. A leaf: what a command's
//! row of the table says about it is in [`super::commands`].

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
    /// `/help`: every command, or one command's page.
    Help {
        command: Option<String>,
    },
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
    /// A practice question (`/quiz`); no chapter = one the asker hasn't watched.
    Quiz {
        course: Option<String>,
        chapter: Option<String>,
    },
    /// A press of a question's answer button; `review` when the question
    /// came from `/review`.
    QuizAnswer {
        course: Option<String>,
        shown: crate::quiz::Shown,
        choice: u32,
        review: bool,
    },
    /// The asker's due review question (`/review`).
    Review,
    /// Puts a question into the asker's review ("복습에 넣기").
    ReviewAdd {
        course: Option<String>,
        shown: crate::quiz::Shown,
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
