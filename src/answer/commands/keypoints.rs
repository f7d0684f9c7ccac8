//! `/keypoints chapter`: every key point of a chapter.

use crate::answer::chapter;
use crate::answer::command::Command;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs, CHAPTER,
};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "keypoints",
    ko: "핵심",
    aliases: &["핵심", "핵심포인트", "kp", "key"],
    description: "Every key point of a chapter",
    description_ko: "챕터의 핵심 포인트 전체",
    options: &[CHAPTER],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/keypoints chapter:21",
    help: Some(HelpRow {
        example: "/keypoints chapter:21",
        ko: "챕터의 핵심 포인트 전체",
        en: "All key points of a chapter",
    }),
    op: "kp",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::KeyPoints {
        course: args.text("course"),
        chapter: required(args, "chapter")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::KeyPoints { course, chapter } => vec![Some(chapter.clone()), course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::KeyPoints { course, chapter } => {
            chapter::key_points(lectern, l, names, course.as_deref(), chapter)
        }
        _ => not_mine(),
    }
}
