//! What the study commands' bodies are handed and share: the [`Desk`] (the
//! member, the book, the server's settings, now), the one line a state
//! command answers when the database is down, and the progress line. Below
//! both the command files and the dispatch in [`super::state`], so neither
//! imports the other back.

use super::reply::{Answer, Reply};
use super::spec::Names;
use crate::app::Lectern;
use crate::daily::ChannelCheck;
use crate::locale::Locale;
use crate::study::{Book, GuildSettings, Member, Unavailable};

/// What a command needs besides its arguments, for the state commands.
pub struct Desk<'a> {
    pub lectern: &'a Lectern,
    pub l: Locale,
    /// The reader's own language, before the server's setting replaced it:
    /// what `/settings language:default` goes back to.
    pub reader: Locale,
    /// Commands and options as the reader's Discord shows them.
    pub names: Names,
    pub member: &'a Member,
    pub settings: &'a GuildSettings,
    pub book: &'a dyn Book,
    /// Unix seconds.
    pub now: i64,
    /// Asks what the bot may do in a channel (`/daily set`); `None` where
    /// nobody can (the console, `ask`, a transport without a bot token).
    pub channels: Option<&'a dyn ChannelCheck>,
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
pub(crate) fn down(l: Locale) -> impl Fn(Unavailable) -> Box<Reply> {
    move |_| Box::new(unavailable(l))
}

/// What a state command answers when called without a book (the pure
/// [`answer`], e.g. a transport that has no database).
pub(crate) fn without_book(l: Locale) -> Answer {
    Err(Box::new(unavailable(l)))
}

/// "3/24" and the next chapter, linked — the line every progress reply ends with.
pub(crate) fn progress_line(
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
pub(crate) fn watched_in(rows: &[crate::study::Watched], course: &str) -> Vec<u32> {
    rows.iter()
        .filter(|w| w.course == course)
        .map(|w| w.chapter)
        .collect()
}

/// The reply to a mark or an unmark: what was done to the chapter, then the
/// member's progress in its course (`rows`: what they watched after it).
pub(crate) fn mark_reply(
    d: &Desk<'_>,
    course: &crate::library::Course,
    ch: &crate::library::Chapter,
    rows: &[crate::study::Watched],
    title: &str,
    said: &str,
) -> Answer {
    let progress = crate::study::course_progress(course, &watched_in(rows, &course.id));
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
