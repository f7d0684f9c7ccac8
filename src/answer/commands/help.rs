//! `/help`: what Lectern can do, with an example for each command.

use crate::answer::command::Command;
use crate::answer::help;
use crate::answer::reply::Answer;
use crate::answer::spec::{Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "help",
    ko: "도움말",
    aliases: &["도움말", "도움", "h"],
    description: "What Lectern can do, with examples",
    description_ko: "Lectern 사용법과 예시",
    options: &[],
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

fn build(_: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Help)
}

fn values(_: &Command) -> Vec<Option<String>> {
    Vec::new()
}

fn run(lectern: &Lectern, l: Locale, names: Names, _: &Command) -> Answer {
    help::help(lectern, l, names)
}
