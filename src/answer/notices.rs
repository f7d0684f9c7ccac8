//! What the adapters say on their own behalf — a button they can't read, an
//! interaction they don't take, a stale registration, a reload they can't
//! run, a cut text — worded here with every other answer, in both languages.

use super::commands::NAMES;
use super::reply::{did_you_mean, Reply};
use super::slash::{localize_line, slash_suggestion, SlashError, SlashProblem};
use crate::locale::Locale;
use crate::markdown::sanitize_echo;

/// A button whose `custom_id` can't be read (an older format, a cut id).
pub fn stale_button(l: Locale) -> Reply {
    Reply::error(
        l.pick(
            "이 버튼은 더 이상 쓸 수 없어요",
            "This button no longer works",
        ),
        l.pick(
            "오래된 메시지의 버튼이거나 알아볼 수 없는 버튼이에요. 명령을 다시 입력해 주세요.",
            "It comes from an older message or can't be read. Please type the command again.",
        ),
        vec![help_suggestion(l)],
        did_you_mean(l),
    )
}

/// An interaction the bot doesn't take (a modal, anything new).
pub fn unsupported_interaction(l: Locale) -> Reply {
    Reply::error(
        l.pick("지원하지 않는 상호작용", "Unsupported interaction"),
        match l {
            Locale::Ko => format!(
                "Lectern은 슬래시 명령과 버튼만 받아요. {} 입력해 보세요.",
                crate::particle::with(
                    &format!("`/{}`", NAMES.command(l, "help")),
                    crate::particle::Particle::Object
                )
            ),
            Locale::En => "Lectern answers slash commands and buttons. Try `/help`.".into(),
        },
        Vec::new(),
        "",
    )
}

/// Answering failed (a task that could not finish): try again.
pub fn answering_failed(l: Locale) -> Reply {
    Reply::error(
        l.pick("답하지 못했어요", "Could not answer"),
        l.pick(
            "답을 만드는 중에 문제가 생겼어요. 잠시 뒤에 다시 해 주세요.",
            "Something went wrong while answering. Please try again in a moment.",
        ),
        Vec::new(),
        "",
    )
}

/// A command this version doesn't know (registrations are out of date).
pub fn unregistered_command(l: Locale, name: &str) -> Reply {
    let name = sanitize_echo(name, 32);
    Reply::error(
        l.pick("알 수 없는 명령", "Unknown command"),
        match l {
            Locale::Ko => format!(
                "`/{name}` 명령은 이 버전의 Lectern에 없어요. 관리자가 `lectern register`로 명령을 다시 등록해야 해요."
            ),
            Locale::En => format!(
                "This version of Lectern has no `/{name}` command. An admin should re-register the commands with `lectern register`."
            ),
        },
        vec![help_suggestion(l)],
        did_you_mean(l),
    )
}

/// A required option missing from a registered command (a stale registration).
pub fn missing_option(l: Locale, command: &str, option: &str) -> Reply {
    let error = SlashError {
        problem: SlashProblem::Missing {
            command: NAMES.find(command).map_or("help", |c| c.name),
            option: option.to_string(),
        },
        suggestions: vec![slash_suggestion(super::slash::usage(command))],
    };
    unreadable_line(l, error)
}

/// `/reload` asked by a member without Manage Server (or in a DM).
pub fn reload_refused(l: Locale) -> Reply {
    Reply::error(
        l.pick("관리자 전용 명령", "Admins only"),
        l.pick(
            "`/새로고침`(reload)은 서버 관리 권한이 있는 사람만 서버 안에서 쓸 수 있어요. 콘텐츠 파일을 고치면 보통 1초 안에 자동으로 반영돼요.",
            "Only members with the Manage Server permission can use `/reload`, in a server. Edited content files are picked up automatically within about a second anyway.",
        ),
        Vec::new(),
        "",
    )
}

/// `/reload` where nothing can reload (e.g. `lectern ask`).
pub fn reload_unavailable(l: Locale) -> Reply {
    Reply::error(
        l.pick("여기서는 다시 불러올 수 없어요", "Can't reload here"),
        l.pick(
            "이 실행 방식은 콘텐츠를 다시 불러오지 않아요. `lectern serve`로 실행 중인 봇에서 써 주세요 (파일을 고치면 자동으로 반영돼요).",
            "This way of running Lectern doesn't reload content. Use it on a bot running `lectern serve` (edited files are picked up automatically).",
        ),
        Vec::new(),
        "",
    )
}

/// A reload that failed unexpectedly: the content in service is unchanged.
pub fn reload_failed(l: Locale) -> Reply {
    Reply::error(
        l.pick("다시 불러오지 못했어요", "The reload failed"),
        l.pick(
            "다시 불러오는 중에 문제가 생겼어요. 지금 쓰는 콘텐츠는 그대로예요. 서버 로그를 확인해 주세요.",
            "Something went wrong while reloading. The content in service is unchanged; see the server's log.",
        ),
        Vec::new(),
        "",
    )
}

/// The console's first line: how to ask, search and leave.
pub fn console_banner(l: Locale) -> &'static str {
    l.pick(
        "명령을 입력하세요. / 없이 적으면 검색이에요 (/help 도움말, /quit 또는 종료로 나가기)",
        "Type a command; a line without / is a search (/help for help, /quit to leave)",
    )
}

/// Under a reply's numbered buttons in the console: how to press one.
pub fn console_press(l: Locale, buttons: usize) -> String {
    match (l, buttons) {
        (Locale::Ko, 1) => "1을 입력하면 버튼을 눌러요".to_string(),
        (Locale::Ko, n) => format!("1–{n} 중 번호를 입력하면 그 버튼을 눌러요"),
        (Locale::En, 1) => "Type 1 to press the button".to_string(),
        (Locale::En, n) => format!("Type a number from 1 to {n} to press that button"),
    }
}

/// The marker at the end of a text cut to fit: where to read on.
pub fn read_more(l: Locale) -> String {
    let read = format!("/{}", NAMES.command(l, "read"));
    match l {
        Locale::Ko => format!(
            "… ({} 더 보기)",
            crate::particle::with(&read, crate::particle::Particle::Toward)
        ),
        Locale::En => format!("… (read more with {read})"),
    }
}

/// A slash line that can't be read, as an error reply (console, `ask`):
/// the suggested lines named as the reader's Discord shows them.
pub fn unreadable_line(l: Locale, error: SlashError) -> Reply {
    let suggestions = error
        .suggestions
        .iter()
        .cloned()
        .map(|mut s| {
            s.label = localize_line(l, NAMES, &s.label);
            s
        })
        .collect();
    Reply::error(
        error.title(l, NAMES),
        error.message(l, NAMES),
        suggestions,
        error.suggestions_heading(l),
    )
}

/// "did you mean" `/help`, named as the reader's Discord shows it (`/도움말`).
fn help_suggestion(l: Locale) -> super::reply::Suggestion {
    slash_suggestion(format!("/{}", NAMES.command(l, "help")))
}
