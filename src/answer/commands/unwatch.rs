//! `/unwatch chapter [course]`: takes a "watched" mark back (study days stay).

use crate::answer::command::Command;
use crate::answer::desk::{down, mark_reply, without_book, Desk};
use crate::answer::reply::Answer;
use crate::answer::resolve;
use crate::answer::spec::{
    not_mine, required, Answering, ArgError, Arguments, CommandSpec, Names, Needs, CHAPTER,
};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "unwatch",
    ko: "안봤어요",
    aliases: &["안봤어요", "undo"],
    description: "Take back a chapter's watched mark",
    description_ko: "챕터의 봤어요 표시 지우기",
    options: &[CHAPTER],
    takes_course: true,
    admin: false,
    needs: Needs { member: true },
    usage: "/unwatch chapter:21",
    help: None,
    op: "uw",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Unwatch {
        course: args.text("course"),
        chapter: required(args, "chapter")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Unwatch { course, chapter } => vec![Some(chapter.clone()), course.clone()],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Unwatch { .. } => without_book(l),
        _ => not_mine(),
    }
}

pub(crate) async fn act(d: &Desk<'_>, course: Option<&str>, typed: &str) -> Answer {
    let l = d.l;
    let (course, ch) = resolve::chapter(d.lectern, l, d.names, course, typed)?;
    let (guild, user) = (d.member.guild, d.member.user);
    let removed = d
        .book
        .unwatch(guild, user, &course.id, ch.number)
        .await
        .map_err(down(l))?;
    let said = match (l, removed) {
        (Locale::Ko, true) => "봤어요 표시를 지웠어요.",
        (Locale::Ko, false) => "봤어요 표시가 없었어요.",
        (Locale::En, true) => "watched mark removed.",
        (Locale::En, false) => "was not marked as watched.",
    };
    let rows = d.book.watched(guild, user).await.map_err(down(l))?;
    mark_reply(
        d,
        course,
        ch,
        &rows,
        l.pick("↩ 표시 지우기", "↩ Unmarked"),
        said,
    )
}
