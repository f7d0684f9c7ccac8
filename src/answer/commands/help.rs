//! `/help`: what Lectern can do, with an example for each command; with a
//! command named (`/도움말 퀴즈`), that command's page.

use crate::answer::command::Command;
use crate::answer::help;
use crate::answer::reply::Answer;
use crate::answer::spec::{
    not_mine, Answering, ArgError, Arguments, CommandSpec, HelpRow, Kind, Names, Needs, OptionSpec,
    Words,
};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "help",
    ko: "도움말",
    aliases: &["도움말", "도움", "h"],
    description: "What Lectern can do, with examples",
    description_ko: "Lectern 사용법과 예시",
    options: &[COMMAND],
    takes_course: false,
    admin: false,
    needs: Needs { member: false },
    usage: "/help",
    help: Some(HelpRow {
        example: "/help",
        ko: "이 도움말",
        en: "This help",
    }),
    op: "help",
    answering: Some(Answering { build, values, run }),
};

/// The command to explain.
const COMMAND: OptionSpec = OptionSpec {
    name: "command",
    ko: "명령",
    aliases: &["명령", "명령어"],
    description: "A command to explain, e.g. search",
    description_ko: "자세히 볼 명령 (예: 검색)",
    kind: Kind::Text { autocomplete: true },
    required: false,
    words: Words::Rest,
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Help {
        command: args.text(COMMAND.name),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Help { command } => vec![command.clone()],
        _ => Vec::new(),
    }
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Help { command: None } => help::help(lectern, l, names),
        Command::Help {
            command: Some(name),
        } => help::command_page(lectern, l, names, name),
        _ => not_mine(),
    }
}
