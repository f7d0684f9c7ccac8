//! What the daily chapter post says: the chapter's summary and key points
//! (the `/summary` reply itself, see [`super::chapter`]) under a "today's
//! chapter" line, its link, a "✅ 봤어요" button, a quiz button when the
//! command table has `/quiz`, and the name of the discussion thread. Also
//! the report an admin gets when a post fails or goes out without its
//! thread, naming the permissions.

use super::chapter;
use super::command::Command;
use super::reply::{Button, Reply};
use super::resolve::course_arg;
use super::spec::{ArgError, Arguments, Names};
use crate::app::Lectern;
use crate::cut::truncate;
use crate::daily::{Access, Failure, Permission, Problem};
use crate::locale::Locale;

/// Longest thread name Discord takes.
pub const THREAD_NAME_CHARS: usize = 100;

/// One day's post: the message and the name of its thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyPost {
    pub reply: Reply,
    pub thread: String,
}

/// The post of `number` in `course` for the local date `day`; `None` when
/// the course or chapter isn't loaded.
pub fn daily_post(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: &str,
    number: u32,
    day: &str,
) -> Option<DailyPost> {
    let loaded = lectern.library.course(course)?;
    let ch = loaded.chapter(number)?;
    let mut reply = chapter::summary(lectern, l, names, Some(course), &number.to_string())
        .unwrap_or_else(|problem| *problem);
    if !reply.is_ok() {
        return None;
    }
    let heading = match l {
        Locale::Ko => format!("📅 **오늘의 챕터** · {day}"),
        Locale::En => format!("📅 **Today's chapter** · {day}"),
    };
    reply.text = format!("{heading}\n\n{}", reply.text);
    if ch.notes.is_none() {
        // What the video says stays; how to add notes is not for the channel.
        let said = l.pick(super::no_notes::SAID.0, super::no_notes::SAID.1);
        reply.fields.retain(|f| f.name == said);
    }
    // A post stays in the channel: no paging to other chapters under it.
    let this = number.to_string();
    reply.buttons.retain(|b| match b {
        Button::Run {
            command: Command::Summary { chapter, .. },
            ..
        } => *chapter == this,
        _ => true,
    });
    if let Some(quiz) = quiz_button(lectern, l, names, loaded, number) {
        reply.buttons.insert(1, quiz);
    }
    reply.ephemeral = false;
    let thread = truncate(
        &format!("📅 {day} · {}", chapter::chapter_title(l, ch)),
        THREAD_NAME_CHARS,
    );
    Some(DailyPost { reply, thread })
}

/// "📝 퀴즈 풀기": `/quiz chapter:N`, when the command table has a `quiz`
/// command that takes a chapter.
fn quiz_button(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: &crate::library::Course,
    number: u32,
) -> Option<Button> {
    let quiz = QuizArguments {
        chapter: number.to_string(),
        course: course_arg(lectern, course),
    };
    let command = (names.find("quiz")?.answering?.build)(&quiz).ok()?;
    Some(Button::Run {
        label: l.pick("📝 퀴즈 풀기", "📝 Take the quiz").to_string(),
        command,
    })
}

/// The arguments of the quiz button's command.
struct QuizArguments {
    chapter: String,
    course: Option<String>,
}

impl Arguments for QuizArguments {
    fn text(&self, name: &'static str) -> Option<String> {
        match name {
            "chapter" => Some(self.chapter.clone()),
            "course" => self.course.clone(),
            _ => None,
        }
    }

    fn number(&self, name: &'static str) -> Result<Option<i64>, ArgError> {
        Ok(self.text(name).and_then(|v| v.parse().ok()))
    }
}

/// The permissions the bot needs in the channel it posts to.
pub fn needed_permissions(l: Locale) -> &'static str {
    l.pick(
        "채널 보기, 메시지 보내기, 링크 첨부, 공개 스레드 만들기",
        "View Channel, Send Messages, Embed Links and Create Public Threads",
    )
}

/// What a failure means, naming what to fix.
pub fn failure_text(l: Locale, failure: Failure) -> String {
    match failure {
        Failure::MissingPermission => match l {
            Locale::Ko => format!(
                "봇에게 그 채널의 권한이 없어요: {}가 필요해요.",
                needed_permissions(l)
            ),
            Locale::En => format!(
                "The bot lacks permissions in that channel: it needs {}.",
                needed_permissions(l)
            ),
        },
        Failure::UnknownChannel => l
            .pick(
                "그 채널이 없어요 (지워졌거나 봇이 볼 수 없어요). 다른 채널로 다시 설정해 주세요.",
                "That channel is gone (deleted, or the bot can't see it). Set the post up again with another channel.",
            )
            .to_string(),
        Failure::Other => l
            .pick(
                "디스코드에 올리지 못했어요. 내일 다시 해 볼게요.",
                "Discord didn't take the post. It will be tried again tomorrow.",
            )
            .to_string(),
    }
}

/// Why a post went out without its discussion thread, naming what to fix.
pub fn thread_failure_text(l: Locale, failure: Failure) -> String {
    match failure {
        Failure::MissingPermission => l.pick(
            "봇에게 그 채널에서 스레드를 만들 권한이 없어요: 공개 스레드 만들기가 필요해요.",
            "The bot can't start threads in that channel: it needs Create Public Threads.",
        ),
        Failure::UnknownChannel => l.pick(
            "스레드를 만들 때 글이나 채널이 없었어요 (올린 뒤 바로 지워졌을 수 있어요).",
            "The post or its channel was gone when the thread was to start (deleted right after posting?).",
        ),
        Failure::Other => l.pick(
            "디스코드가 스레드를 만들지 않았어요.",
            "Discord didn't start the thread.",
        ),
    }
    .to_string()
}

/// What a day's problem means: [`failure_text`] for a post that failed,
/// [`thread_failure_text`] for one that went out without its thread.
pub fn problem_text(l: Locale, problem: Problem) -> String {
    match problem {
        Problem::Post(failure) => failure_text(l, failure),
        Problem::Thread(failure) => thread_failure_text(l, failure),
    }
}

/// The direct message to the admin who set a schedule up, once per problem.
pub fn failure_report(
    lectern: &Lectern,
    l: Locale,
    course: &str,
    channel: u64,
    day: &str,
    problem: Problem,
) -> Reply {
    let title = lectern
        .library
        .course(course)
        .map_or(course, |c| l.pick(&c.title_ko, &c.title));
    let (heading, then) = match problem {
        Problem::Post(_) => (
            l.pick(
                "⚠️ 오늘의 챕터를 올리지 못했어요",
                "⚠️ Today's chapter wasn't posted",
            ),
            l.pick(
                "내일 같은 시각에 다시 올려 볼게요.",
                "It will be tried again tomorrow at the same time.",
            ),
        ),
        Problem::Thread(_) => (
            l.pick(
                "⚠️ 오늘의 챕터에 토론 스레드를 만들지 못했어요",
                "⚠️ Today's chapter went out without its thread",
            ),
            l.pick(
                "글은 올렸어요. 내일 글에서 다시 스레드를 만들어 볼게요.",
                "The post itself went out. Tomorrow's post will try the thread again.",
            ),
        ),
    };
    let once = l.pick(
        "같은 문제로는 다시 알리지 않아요.",
        "The same problem won't be reported again.",
    );
    Reply {
        title: heading.to_string(),
        text: format!(
            "{day} · {title} · <#{channel}>\n{}\n{then} {once}",
            problem_text(l, problem)
        ),
        ..Reply::default()
    }
}

/// A permission as Discord's server settings name it.
pub fn permission_name(l: Locale, permission: Permission) -> &'static str {
    match permission {
        Permission::ViewChannel => l.pick("채널 보기", "View Channel"),
        Permission::SendMessages => l.pick("메시지 보내기", "Send Messages"),
        Permission::EmbedLinks => l.pick("링크 첨부", "Embed Links"),
        Permission::CreatePublicThreads => l.pick("공개 스레드 만들기", "Create Public Threads"),
    }
}

/// What `/daily set` answers for a channel the bot can't post in: the words
/// a failed post is reported with ([`failure_text`]), and for missing
/// permissions which ones are missing now. `None` when the channel will do
/// (or nobody could tell).
pub fn channel_refusal(l: Locale, access: &Access) -> Option<Reply> {
    let text = match access {
        Access::Ready | Access::Unknown => return None,
        Access::Gone => failure_text(l, Failure::UnknownChannel),
        Access::Lacking(missing) => {
            let names: Vec<&str> = missing.iter().map(|&p| permission_name(l, p)).collect();
            match l {
                Locale::Ko => format!(
                    "{}\n지금 빠진 권한: {}. 권한을 준 뒤 다시 설정해 주세요.",
                    failure_text(l, Failure::MissingPermission),
                    names.join(", ")
                ),
                Locale::En => format!(
                    "{}\nMissing now: {}. Grant them, then set it up again.",
                    failure_text(l, Failure::MissingPermission),
                    names.join(", ")
                ),
            }
        }
    };
    Some(Reply::error(
        l.pick(
            "봇이 그 채널에 올릴 수 없어요",
            "The bot can't post in that channel",
        ),
        &text,
        Vec::new(),
        "",
    ))
}
