//! The study commands' one entry point, shared by every adapter.
//!
//! Design: the answers stay pure and synchronous in spirit — no connection,
//! no clock — but state is I/O, so [`respond`] is `async` and is *handed*
//! what it may touch: the asking [`Member`] (read by the adapter from the
//! interaction; the console and `ask` pass [`Member::local`]), the study
//! [`Book`] (the real store, or [`crate::study::MemoryBook`] in tests) and
//! "now" in Unix seconds. Gateway, HTTP, `ask` and the console all call
//! [`respond`]; each command's body lives in its own file under
//! `answer/commands/`, next to its spec.
//!
//! The server's settings ([`GuildSettings`]) apply to every command, state or
//! not: [`apply_settings`] fills in the reply language and the default course,
//! and [`Stated::settings`] tells the adapter whether to hide by default.
//! When the book is unavailable, lookups answer as if no setting was made and
//! state commands answer one ephemeral line ([`unavailable`]). What the
//! command bodies share (the [`Desk`], the unavailable line, the progress
//! line) is in [`super::desk`], below both.

use super::command::Command;
use super::commands::{board, daily, forget_me, progress, quiz, quiz_answer, review, settings};
use super::commands::{unwatch, watched, NAMES};
use super::desk::{unavailable, Desk};
use super::reply::{Answer, Reply};
use super::{answer, Request};
use crate::app::Lectern;
use crate::daily::ChannelCheck;
use crate::locale::Locale;
use crate::study::{Book, GuildSettings, Member};

/// A reply, with the command and language it was answered in after the
/// server's settings applied, and those settings.
#[derive(Debug, Clone)]
pub struct Stated {
    pub reply: Reply,
    pub command: Command,
    pub locale: Locale,
    pub settings: GuildSettings,
}

/// Whether `command` reads or writes study state.
pub fn is_state(command: &Command) -> bool {
    command.spec().needs.member && command.spec().answering.is_some()
}

/// Answers any command for `member`: reads the server's settings, applies
/// them, then answers (state commands through `book`).
pub async fn respond(
    lectern: &Lectern,
    request: &Request,
    member: &Member,
    book: &dyn Book,
    now: i64,
) -> Stated {
    respond_checking(lectern, request, member, book, now, None).await
}

/// [`respond`] where the bot's permissions in a channel can be asked
/// (`/daily set` then refuses a channel the bot can't post in).
pub async fn respond_checking(
    lectern: &Lectern,
    request: &Request,
    member: &Member,
    book: &dyn Book,
    now: i64,
    channels: Option<&dyn ChannelCheck>,
) -> Stated {
    let settings = match book.settings(member.guild).await {
        Ok(settings) => settings,
        Err(_) if !is_state(&request.command) => GuildSettings::default(),
        Err(_) => {
            return Stated {
                reply: unavailable(request.locale),
                command: request.command.clone(),
                locale: request.locale,
                settings: GuildSettings::default(),
            }
        }
    };
    let (command, locale) = apply_settings(lectern, &request.command, request.locale, &settings);
    let desk = Desk {
        lectern,
        l: locale,
        reader: request.locale,
        names: NAMES,
        member,
        settings: &settings,
        book,
        now,
        channels,
    };
    let reply = answer_at(&desk, &command).await;
    Stated {
        reply,
        command,
        locale,
        settings,
    }
}

/// Answers `command` (settings already applied) at `desk`.
pub async fn answer_at(desk: &Desk<'_>, command: &Command) -> Reply {
    let result: Answer = match command {
        Command::Watched { course, chapter } => {
            watched::act(desk, course.as_deref(), chapter).await
        }
        Command::Unwatch { course, chapter } => {
            unwatch::act(desk, course.as_deref(), chapter).await
        }
        Command::Progress { course, member } => {
            progress::act(desk, course.as_deref(), member.as_deref()).await
        }
        Command::Board { course, page } => board::act(desk, course.as_deref(), *page).await,
        Command::Settings {
            course,
            language,
            hidden,
            time_zone,
        } => {
            let asked = settings::Asked {
                course: course.as_deref(),
                language: language.as_deref(),
                hidden: hidden.as_deref(),
                time_zone: time_zone.as_deref(),
            };
            settings::act(desk, &asked).await
        }
        Command::ForgetMe { confirm } => forget_me::act(desk, *confirm).await,
        Command::Quiz { course, chapter } => {
            quiz::act(desk, course.as_deref(), chapter.as_deref()).await
        }
        Command::QuizAnswer {
            course,
            shown,
            choice,
            review,
        } => quiz_answer::act(desk, course.as_deref(), shown, *choice, *review).await,
        Command::Review => review::act(desk).await,
        Command::ReviewAdd { course, shown } => review::add(desk, course.as_deref(), shown).await,
        Command::Daily {
            action,
            channel,
            time,
            course,
        } => {
            let asked = daily::Asked {
                action,
                channel: channel.as_deref(),
                time: time.as_deref(),
                course: course.as_deref(),
            };
            daily::act(desk, &asked).await
        }
        other => Ok(answer(desk.lectern, &Request::new(other.clone(), desk.l))),
    };
    result.unwrap_or_else(|problem| *problem)
}

/// The command and language after the server's settings: its language
/// replaces the reader's, its default course fills a command that names none
/// (when that course is loaded).
pub fn apply_settings(
    lectern: &Lectern,
    command: &Command,
    locale: Locale,
    settings: &GuildSettings,
) -> (Command, Locale) {
    let locale = settings
        .locale
        .as_deref()
        .map(Locale::from_tag)
        .unwrap_or(locale);
    let spec = command.spec();
    let names_course = spec
        .all_options()
        .zip(command.values())
        .any(|(o, v)| o.name == "course" && v.is_some());
    let default = settings
        .default_course
        .as_deref()
        .filter(|c| lectern.library.course(c).is_some());
    let command = match default {
        Some(course) if spec.takes_course && !names_course => command
            .with_argument("course", course)
            .unwrap_or_else(|| command.clone()),
        _ => command.clone(),
    };
    (command, locale)
}

/// Whether answers are hidden when the asker didn't say: the server's
/// setting, else the configured default.
pub fn hidden_by_default(settings: &GuildSettings, configured: bool) -> bool {
    settings.hidden_by_default.unwrap_or(configured)
}
