//! `/read chapter [page]`: the full translation, page by page.

use crate::answer::command::Command;
use crate::answer::read;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, number_value, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names,
    Needs, CHAPTER, PAGE,
};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "read",
    ko: "읽기",
    aliases: &["읽기", "번역"],
    description: "Read a chapter's full translation, page by page",
    description_ko: "챕터 전체 번역을 쪽 단위로 읽기",
    options: &[CHAPTER, PAGE],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/read chapter:21 page:1",
    help: Some(HelpRow {
        example: "/read chapter:21 page:1",
        ko: "전체 번역을 쪽 단위로 읽기",
        en: "Read the full translation, page by page",
    }),
    op: "read",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Read {
        course: args.text("course"),
        chapter: required(args, "chapter")?,
        page: args.number("page")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Read {
            course,
            chapter,
            page,
        } => vec![Some(chapter.clone()), number_value(*page), course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Read {
            course,
            chapter,
            page,
        } => read::read(lectern, l, names, course.as_deref(), chapter, *page),
        _ => not_mine(),
    }
}
