//! `/search query [limit]`: chapters and moments about a topic.

use crate::answer::command::Command;
use crate::answer::reply::Answer;
use crate::answer::search;
use crate::answer::search::MAX_SEARCH_LIMIT;
use crate::answer::spec::{
    not_mine, number_value, required, Answering, ArgError, Arguments, CommandSpec, HelpRow, Kind,
    Names, Needs, OptionSpec, Words,
};
use crate::app::Lectern;
use crate::locale::Locale;

/// A topic (`/search`, `/where`).
pub(super) const QUERY: OptionSpec = OptionSpec {
    name: "query",
    ko: "검색어",
    aliases: &["검색어", "q"],
    description: "Topic to look for, in English or Korean",
    description_ko: "찾을 주제 (영어나 한국어)",
    kind: Kind::Text { autocomplete: true },
    required: true,
    words: Words::Rest,
};

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "search",
    ko: "검색",
    aliases: &["검색", "찾기", "find"],
    description: "Find the chapters and moments where a topic comes up",
    description_ko: "주제가 나오는 챕터와 영상 속 순간 찾기",
    options: &[
        QUERY,
        OptionSpec {
            name: "limit",
            ko: "개수",
            aliases: &["개수", "n"],
            description: "How many chapters to show (1–10, default 5)",
            description_ko: "보여 줄 챕터 수 (1–10, 기본 5)",
            kind: Kind::Number {
                min: 1,
                max: Some(MAX_SEARCH_LIMIT as u64),
            },
            required: false,
            words: Words::One,
        },
    ],
    takes_course: true,
    admin: false,
    needs: Needs { member: false },
    usage: "/search query:에이전트 limit:5",
    help: Some(HelpRow {
        example: "/search query:에이전트",
        ko: "주제 검색: 영어/한국어, 오타, 조사, 초성(ㅇㅇㅈㅌ)도 OK",
        en: "Topic search: English or Korean, typos, particles, 초성 (ㅇㅇㅈㅌ)",
    }),
    op: "s",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Search {
        course: args.text("course"),
        query: required(args, "query")?,
        limit: args.number("limit")?,
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Search {
            course,
            query,
            limit,
        } => vec![Some(query.clone()), number_value(*limit), course.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Search {
            course,
            query,
            limit,
        } => search::search(lectern, l, names, course.as_deref(), query, *limit),
        _ => not_mine(),
    }
}
