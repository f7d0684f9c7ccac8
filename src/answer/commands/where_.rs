//! `/where query [course]`: where a topic lives along the video, as a picture.

use super::search::QUERY;
use crate::answer::command::Command;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs,
};
use crate::answer::where_;
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "where",
    ko: "어디",
    aliases: &["어디", "위치", "timeline"],
    description: "A picture of where a topic comes up along the video",
    description_ko: "주제가 영상 어디에서 나오는지 그림으로 보기",
    options: &[QUERY],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/where query:에이전트",
    help: Some(HelpRow {
        example: "/where query:에이전트",
        ko: "주제가 영상 어디에 나오는지 타임라인 그림과 가장 많이 다루는 세 순간",
        en: "A timeline picture of a topic, with the three moments that cover it most",
    }),
    op: "where",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Where {
        course: args.text("course"),
        query: required(args, "query")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Where { course, query } => vec![Some(query.clone()), course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Where { course, query } => {
            where_::where_(lectern, l, names, course.as_deref(), query)
        }
        _ => not_mine(),
    }
}
