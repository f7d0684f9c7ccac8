//! `/summary chapter`: a chapter's summary and first key points.

use crate::answer::chapter;
use crate::answer::command::Command;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs, CHAPTER,
};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "summary",
    ko: "요약",
    aliases: &["요약", "sum"],
    description: "A chapter's summary and key points",
    description_ko: "챕터 요약과 핵심 포인트",
    options: &[CHAPTER],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/summary chapter:21",
    help: Some(HelpRow {
        example: "/summary chapter:21",
        ko: "챕터 요약과 핵심 포인트 (`전망`, `preview`처럼 제목으로도)",
        en: "A chapter's summary and key points (by title too: `preview`, `전망`)",
    }),
    op: "sum",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Summary {
        course: args.text("course"),
        chapter: required(args, "chapter")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Summary { course, chapter } => vec![Some(chapter.clone()), course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Summary { course, chapter } => {
            chapter::summary(lectern, l, names, course.as_deref(), chapter)
        }
        _ => not_mine(),
    }
}
