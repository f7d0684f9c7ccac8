//! `/at time`: which chapter covers a moment of the video.

use crate::answer::command::Command;
use crate::answer::moment;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Kind, Names, Needs,
    OptionSpec, Words,
};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "at",
    ko: "시각",
    aliases: &["시각", "시간", "언제", "when", "time"],
    description: "Which chapter covers a moment of the video",
    description_ko: "영상의 그 시각이 어느 챕터인지",
    options: &[OptionSpec {
        name: "time",
        ko: "시각",
        aliases: &["시각", "시간", "t"],
        description: "A moment of the video, e.g. 3:12:00",
        description_ko: "영상 속 시각 (예: 3:12:00)",
        kind: Kind::Text {
            autocomplete: false,
        },
        required: true,
        words: Words::One,
    }],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/at time:3:12:00",
    help: Some(HelpRow {
        example: "/at time:3:12:00",
        ko: "그 시각이 어느 챕터인지와 바로가기 링크",
        en: "Which chapter covers a moment, with a link",
    }),
    op: "at",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::At {
        course: args.text("course"),
        time: required(args, "time")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::At { course, time } => vec![Some(time.clone()), course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::At { course, time } => moment::at(lectern, l, names, course.as_deref(), time),
        _ => not_mine(),
    }
}
