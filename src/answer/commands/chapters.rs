//! `/chapters [course]`: the table of contents.

use crate::answer::command::Command;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs,
};
use crate::answer::toc;
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "chapters",
    ko: "목차",
    aliases: &["목차", "챕터", "toc", "list"],
    description: "The lecture's chapters with start times and links",
    description_ko: "강의 목차: 챕터 번호, 제목, 시작 시각과 링크",
    options: &[],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/chapters [course:ID]",
    help: Some(HelpRow {
        example: "/chapters",
        ko: "목차: 챕터 번호, 제목, 시작 시각과 링크",
        en: "Table of contents: numbers, titles, start times and links",
    }),
    op: "ch",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Chapters {
        course: args.text("course"),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Chapters { course } => vec![course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Chapters { course } => toc::chapters(lectern, l, names, course.as_deref()),
        _ => not_mine(),
    }
}
