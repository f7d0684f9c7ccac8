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
//! state commands answer one ephemeral line ([`unavailable`]).

use super::commands::{board, forget_me, progress, settings, unwatch, watched};
use super::{answer, Answer, Command, Locale, Reply, Request};
use crate::app::Lectern;
use crate::study::{Book, GuildSettings, Member, Unavailable};

/// What a command needs besides its arguments, for the state commands.
pub struct Desk<'a> {
    pub lectern: &'a Lectern,
    pub l: Locale,
    pub member: &'a Member,
    pub settings: &'a GuildSettings,
    pub book: &'a dyn Book,
    /// Unix seconds.
    pub now: i64,
}

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
        member,
        settings: &settings,
        book,
        now,
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

/// The one line a state command answers when the database can't be used.
pub fn unavailable(l: Locale) -> Reply {
    Reply::error(
        l.pick("학습 기록을 쓸 수 없어요", "Study records are unavailable"),
        l.pick(
            "지금은 학습 기록 데이터베이스에 연결할 수 없어요. 잠시 후 다시 해 주세요 (요약·검색 같은 명령은 그대로 돼요).",
            "The study database can't be reached right now. Please try again shortly (lookups such as /summary and /search still work).",
        ),
        Vec::new(),
        "",
    )
}

/// [`unavailable`] as the error of a command body.
pub(super) fn down(l: Locale) -> impl Fn(Unavailable) -> Box<Reply> {
    move |_| Box::new(unavailable(l))
}

/// What a state command answers when called without a book (the pure
/// [`answer`], e.g. a transport that has no database).
pub(super) fn without_book(l: Locale) -> Answer {
    Err(Box::new(unavailable(l)))
}

/// "3/24" and the next chapter, linked — the line every progress reply ends with.
pub(super) fn progress_line(
    l: Locale,
    course: &crate::library::Course,
    progress: &crate::study::CourseProgress,
) -> String {
    let done = match l {
        Locale::Ko => format!("진도 **{}/{}**", progress.done, progress.total),
        Locale::En => format!("Progress **{}/{}**", progress.done, progress.total),
    };
    match progress.next.and_then(|n| course.chapter(n)) {
        Some(next) => {
            let title = super::chapter::chapter_title(l, next);
            let link = course.link(next.start);
            match l {
                Locale::Ko => format!("{done} · 다음: [{title}]({link})"),
                Locale::En => format!("{done} · next: [{title}]({link})"),
            }
        }
        None => format!("{done} · {}", l.pick("모두 봤어요 🎉", "all watched 🎉")),
    }
}

/// The chapter numbers of `course` among `rows`.
pub(super) fn watched_in(rows: &[crate::study::Watched], course: &str) -> Vec<u32> {
    rows.iter()
        .filter(|w| w.course == course)
        .map(|w| w.chapter)
        .collect()
}

/// The reply to a mark or an unmark: what was done to the chapter, then the
/// member's progress in its course (read back after the write).
pub(super) async fn mark_reply(
    d: &Desk<'_>,
    course: &crate::library::Course,
    ch: &crate::library::Chapter,
    title: &str,
    said: &str,
) -> Answer {
    let rows = d
        .book
        .watched(d.member.guild, d.member.user)
        .await
        .map_err(down(d.l))?;
    let progress = crate::study::course_progress(course, &watched_in(&rows, &course.id));
    let chapter = super::chapter::chapter_title(d.l, ch);
    Ok(Reply {
        title: title.to_string(),
        url: Some(course.link(ch.start)),
        text: format!(
            "**{chapter}** — {said}\n{}",
            progress_line(d.l, course, &progress)
        ),
        color: course.color,
        ephemeral: true,
        ..Reply::default()
    })
}
