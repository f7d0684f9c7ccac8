//! `/link chapter [at]`: a shareable link to a chapter or a moment in it.

use crate::answer::command::Command;
use crate::answer::moment;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Kind, Names, Needs,
    OptionSpec, Words, CHAPTER,
};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "link",
    ko: "링크",
    aliases: &["링크", "공유"],
    description: "A shareable link to a chapter, optionally at an offset or a time",
    description_ko: "챕터 공유 링크 (오프셋이나 시각 지정 가능)",
    options: &[
        CHAPTER,
        OptionSpec {
            name: "at",
            ko: "위치",
            aliases: &["위치"],
            description: "Offset from the chapter start (+2:30) or a time (3:12:00)",
            description_ko: "챕터 시작부터의 오프셋(+2:30)이나 시각(3:12:00)",
            kind: Kind::Text {
                autocomplete: false,
            },
            required: false,
            words: Words::One,
        },
    ],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/link chapter:21 at:+2:30",
    help: Some(HelpRow {
        example: "/link chapter:21 at:+2:30",
        ko: "공유용 링크 (챕터 시작, 오프셋, 또는 절대 시각)",
        en: "A link to share (chapter start, an offset, or a time)",
    }),
    op: "link",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Link {
        course: args.text("course"),
        chapter: required(args, "chapter")?,
        at: args.text("at"),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Link {
            course,
            chapter,
            at,
        } => vec![Some(chapter.clone()), at.clone(), course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Link {
            course,
            chapter,
            at,
        } => moment::link(lectern, l, names, course.as_deref(), chapter, at.as_deref()),
        _ => not_mine(),
    }
}
