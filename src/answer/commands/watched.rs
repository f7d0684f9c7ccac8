//! `/watched chapter [course]` and the "✅ 봤어요" button on chapter replies:
//! marks a chapter done for whoever asked or pressed. Idempotent — a second
//! press says it was already marked and changes nothing.

use crate::answer::command::Command;
use crate::answer::desk::{down, mark_reply, without_book, Desk};
use crate::answer::reply::Answer;
use crate::answer::resolve;
use crate::answer::spec::{
    not_mine, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs, CHAPTER,
};
use crate::app::Lectern;
use crate::locale::Locale;
use crate::study;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "watched",
    ko: "봤어요",
    aliases: &["봤어요", "봤음", "done"],
    description: "Mark a chapter as watched",
    description_ko: "챕터를 봤다고 표시하기",
    options: &[CHAPTER],
    takes_course: true,
    admin: false,
    needs: Needs { member: true },
    usage: "/watched chapter:21",
    help: Some(HelpRow {
        example: "/watched chapter:21",
        ko: "챕터를 봤다고 표시 (취소는 `/안봤어요`)",
        en: "Mark a chapter watched (undo with `/unwatch`)",
    }),
    op: "w",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Watched {
        course: args.text("course"),
        chapter: required(args, "chapter")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Watched { course, chapter } => vec![Some(chapter.clone()), course.clone()],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Watched { .. } => without_book(l),
        _ => not_mine(),
    }
}

pub(crate) async fn act(d: &Desk<'_>, course: Option<&str>, typed: &str) -> Answer {
    let l = d.l;
    let (course, ch) = resolve::chapter(d.lectern, l, d.names, course, typed)?;
    let day = study::local_day(d.now, &d.settings.time_zone());
    let mark = study::Mark {
        guild: d.member.guild,
        user: d.member.user,
        course: &course.id,
        chapter: ch.number,
        at: d.now,
        day: &day,
    };
    let (added, rows) = d.book.mark_and_list(&mark).await.map_err(down(l))?;
    let said = match (l, added) {
        (Locale::Ko, true) => "봤어요로 표시했어요.",
        (Locale::Ko, false) => "이미 봤어요로 표시돼 있어요.",
        (Locale::En, true) => "marked as watched.",
        (Locale::En, false) => "already marked as watched.",
    };
    mark_reply(
        d,
        course,
        ch,
        &rows,
        l.pick("✅ 봤어요", "✅ Watched"),
        said,
    )
}
