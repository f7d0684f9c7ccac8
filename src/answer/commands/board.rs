//! `/board [course] [page]`: the server's members side by side — chapters
//! done and when they were last active — 50 to a page (a page of mentions
//! stays far inside an embed's 4,096 characters), with page buttons beyond —
//! and the same page as a picture: members × chapters, the group's count per
//! chapter at the bottom.

use crate::answer::command::Command;
use crate::answer::desk::{down, without_book, Desk};
use crate::answer::reply::{Answer, Button, Reply};
use crate::answer::spec::{
    not_mine, number_value, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs,
    PAGE,
};
use crate::answer::{board_picture, resolve};
use crate::app::Lectern;
use crate::locale::Locale;
use crate::picture::BoardMember;
use crate::study;

/// Members on one page of the board (text and picture alike).
pub const PER_PAGE: usize = crate::picture::BOARD_ROWS_PER_PAGE;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "board",
    ko: "현황판",
    aliases: &["현황판", "현황"],
    description: "Everyone's progress in this server",
    description_ko: "이 서버 멤버들의 진도",
    options: &[PAGE],
    takes_course: true,
    admin: false,
    needs: Needs { member: true },
    usage: "/board",
    help: Some(HelpRow {
        example: "/board",
        ko: "서버 멤버들의 진도 현황",
        en: "Everyone's progress in this server",
    }),
    op: "bd",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Board {
        course: args.text("course"),
        page: args.number("page")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Board { course, page } => vec![number_value(*page), course.clone()],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Board { .. } => without_book(l),
        _ => not_mine(),
    }
}

/// "오늘", "어제", "3일 전".
fn ago(l: Locale, days: Option<i64>) -> String {
    match (l, days) {
        (Locale::Ko, Some(0)) => "오늘".into(),
        (Locale::Ko, Some(1)) => "어제".into(),
        (Locale::Ko, Some(n)) => format!("{n}일 전"),
        (Locale::En, Some(0)) => "today".into(),
        (Locale::En, Some(1)) => "yesterday".into(),
        (Locale::En, Some(n)) => format!("{n} days ago"),
        (_, None) => "?".into(),
    }
}

pub(crate) async fn act(d: &Desk<'_>, course: Option<&str>, page: Option<i64>) -> Answer {
    let l = d.l;
    let course = resolve::course(d.lectern, l, d.names, course)?;
    let members = d
        .book
        .member_totals(d.member.guild, Some(&course.id))
        .await
        .map_err(down(l))?;
    let count = members.len();
    let wanted = usize::try_from(page.unwrap_or(1).max(1) - 1).unwrap_or(0);
    let everyone = study::board_page(members, 0, usize::MAX).rows;
    let board = study::board_page(everyone.clone(), wanted, PER_PAGE);
    let tz = d.settings.time_zone();
    let today = study::local_day(d.now, &tz);
    let total = course.chapters.len();
    let first = board.page * PER_PAGE;
    let lines: Vec<String> = board
        .rows
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let day = study::local_day(m.last_active, &tz);
            let last = ago(l, study::days_between(&day, &today));
            // The local adapters' member has no name and no Discord mention.
            let who = if m.user_id == d.member.user && d.member.name.is_empty() {
                l.pick("나", "you").to_string()
            } else {
                format!("<@{}>", m.user_id)
            };
            format!("{}. {who} · {}/{total} · {last}", first + i + 1, m.done)
        })
        .collect();
    let text = if lines.is_empty() {
        match l {
            Locale::Ko => format!(
                "아직 아무도 기록하지 않았어요. {} 시작해 보세요.",
                crate::particle::with(
                    &format!("`/{}`", d.names.command(l, "watched")),
                    crate::particle::Particle::Toward
                )
            ),
            Locale::En => "Nobody has marked a chapter yet. Start with `/watched`.".into(),
        }
    } else {
        lines.join("\n")
    };
    let course_arg = resolve::course_arg(d.lectern, course);
    let turn = |label: &str, page: usize| Button::Run {
        label: label.to_string(),
        command: Command::Board {
            course: course_arg.clone(),
            page: i64::try_from(page + 1).ok(),
        },
    };
    let mut buttons = Vec::new();
    if board.page > 0 {
        buttons.push(turn("◀", board.page - 1));
    }
    if board.page + 1 < board.pages {
        buttons.push(turn("▶", board.page + 1));
    }
    let footer = match l {
        Locale::Ko => format!(
            "{} · {count}명 · {}/{}쪽",
            course.title_ko,
            board.page + 1,
            board.pages
        ),
        Locale::En => format!(
            "{} · {count} members · page {}/{}",
            course.title,
            board.page + 1,
            board.pages
        ),
    };
    // The grid: every member in board order (the totals count them all),
    // this page's rows drawn. Discord gives the asker's name only; the others
    // are their rank, as in the list above the picture.
    let marks = d
        .book
        .course_marks(d.member.guild, &course.id)
        .await
        .map_err(down(l))?;
    let mut done_by: std::collections::HashMap<u64, Vec<u32>> = std::collections::HashMap::new();
    for (user, chapter) in marks {
        done_by.entry(user).or_default().push(chapter);
    }
    let grid: Vec<BoardMember> = everyone
        .iter()
        .enumerate()
        .map(|(i, m)| BoardMember {
            name: if m.user_id != d.member.user {
                format!("{}.", i + 1)
            } else if d.member.name.is_empty() {
                format!("{}. {}", i + 1, l.pick("나", "you"))
            } else {
                format!("{}. {}", i + 1, d.member.name)
            },
            done: done_by.remove(&m.user_id).unwrap_or_default(),
        })
        .collect();
    let attachment = if grid.is_empty() {
        None
    } else {
        board_picture(l, course, grid, board.page).ok()
    };
    Ok(Reply {
        attachment,
        title: l.pick("📋 스터디 현황", "📋 Study board").to_string(),
        text,
        footer: Some(footer),
        color: course.color,
        buttons,
        ..Reply::default()
    })
}
