//! `/help`: what Lectern can do, with an example for each command (the
//! help rows of the command table), and one command's page (`/도움말 퀴즈`):
//! what it does, an example, its options and its other names, all read
//! from its spec.

use super::command::Command;
use super::reply::{Answer, Field, Reply, Suggestion};
use super::slash_words::{localize_line, SlashError, SlashProblem};
use super::spec::{CommandSpec, Names, OptionSpec, COURSE, HIDE};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) fn help(lectern: &Lectern, l: Locale, names: Names) -> Answer {
    let fields = names
        .all()
        .filter_map(|c| c.help)
        .map(|row| Field {
            name: format!("`{}`", localize_line(l, names, row.example)),
            value: l.pick(row.ko, row.en).to_string(),
            inline: false,
        })
        .collect();
    let courses: Vec<String> = lectern
        .library
        .courses
        .iter()
        .map(|c| match l {
            Locale::Ko => format!("**{}** — {}장", c.title_ko, c.chapters.len()),
            Locale::En => format!("**{}** — {} chapters", c.title, c.chapters.len()),
        })
        .collect();
    let intro = l.pick(
        "강의 노트를 채팅으로: 요약, 핵심 포인트, 전체 번역, 그리고 주제가 나오는 영상의 바로 그 순간.",
        "Lecture notes in chat: summaries, key points, the full translation, and the exact moment in the video a topic comes up.",
    );
    let one = format!("/{} {}", names.command(l, "help"), names.command(l, "quiz"));
    let one = match l {
        Locale::Ko => format!("명령 하나를 자세히 보려면 `{one}`처럼 적어요."),
        Locale::En => format!("For one command in detail: `{one}`."),
    };
    Ok(Reply {
        title: l.pick("Lectern 도움말", "Lectern help").to_string(),
        text: format!("{intro}\n\n{}\n\n{one}", courses.join("\n")),
        fields,
        footer: Some(match l {
            Locale::Ko => format!(
                "시각은 3:12:00, 192:00, 11520, 3h12m, 4832초, 유튜브 링크 모두 OK · {}:true로 나만 보기",
                HIDE.ko
            ),
            Locale::En => format!(
                "Times: 3:12:00, 192:00, 11520, 3h12m or a YouTube link · {}:true to keep an answer to yourself",
                HIDE.name
            ),
        }),
        color: lectern.library.courses.first().and_then(|c| c.color),
        ..Reply::default()
    })
}

/// One command's page: what it does, an example, its options (with their
/// other names) and the command's other names. A name that
/// is no command gets the closest ones, each a button to its page.
pub(super) fn command_page(lectern: &Lectern, l: Locale, names: Names, typed: &str) -> Answer {
    // `오늘의 챕터` is `/오늘의챕터`: command names have no spaces.
    let typed: String = typed
        .trim()
        .trim_start_matches('/')
        .to_lowercase()
        .split_whitespace()
        .collect();
    let Some(spec) = names.typed().find(|c| c.answers_to(&typed)) else {
        let error = SlashError {
            problem: SlashProblem::UnknownCommand(crate::cut::truncate(&typed, 40)),
            suggestions: Vec::new(),
        };
        let suggestions = names
            .closest(&typed)
            .into_iter()
            .map(|c| {
                Suggestion::run(
                    format!("/{} {}", names.command(l, "help"), names.command(l, c.name)),
                    Command::Help {
                        command: Some(c.name.to_string()),
                    },
                )
            })
            .collect();
        return Err(Box::new(Reply::error(
            error.title(l, names),
            error.message(l, names),
            suggestions,
            super::reply::did_you_mean(l),
        )));
    };
    let several_courses = lectern.library.courses.len() > 1;
    let options = spec
        .options
        .iter()
        .chain((spec.takes_course && several_courses).then_some(&COURSE))
        .chain((!spec.admin).then_some(&HIDE))
        .map(|o| option_field(l, o))
        .collect();
    let mut text = format!(
        "{}\n\n{} `{}`",
        l.pick(spec.description_ko, spec.description),
        l.pick("예:", "Example:"),
        localize_line(l, names, spec.usage)
    );
    if spec.admin {
        text.push_str(l.pick(
            "\n\n서버 관리 권한이 있는 사람만 쓸 수 있어요.",
            "\n\nOnly members with the Manage Server permission can use it.",
        ));
    }
    let shown = names.command(l, spec.name);
    let others: Vec<String> = other_names(shown, spec.names())
        .into_iter()
        .map(|n| format!("/{n}"))
        .collect();
    Ok(Reply {
        title: match l {
            Locale::Ko => format!("/{shown} 도움말"),
            Locale::En => format!("/{shown} help"),
        },
        text,
        fields: options,
        footer: (!others.is_empty())
            .then(|| format!("{} {}", l.pick("다른 이름:", "Also:"), others.join(", "))),
        color: lectern.library.courses.first().and_then(|c| c.color),
        ..Reply::default()
    })
}

/// An option as one field: its name, whether it must be given, what it
/// takes (fixed values are in its description) and its other names.
fn option_field(l: Locale, o: &OptionSpec) -> Field {
    let mut value = l.pick(o.description_ko, o.description).to_string();
    let shown = l.pick(o.ko, o.name);
    let others = other_names(shown, o.names());
    if !others.is_empty() {
        value.push_str(&format!(
            "\n{} {}",
            l.pick("다른 이름:", "Also:"),
            others.join(", ")
        ));
    }
    Field {
        name: format!(
            "`{shown}` · {}",
            if o.required {
                l.pick("필수", "required")
            } else {
                l.pick("선택", "optional")
            }
        ),
        value,
        inline: false,
    }
}

/// A command's or an option's names other than the one shown, each once.
fn other_names(shown: &str, names: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let mut others: Vec<&'static str> = Vec::new();
    for n in names {
        if n != shown && !others.contains(&n) {
            others.push(n);
        }
    }
    others
}

/// Autocomplete for `/help command`: the typed commands whose names start
/// with what is typed, then those close to it, each shown in the reader's
/// language with what it does; every command when nothing is typed.
pub fn command_suggestions(l: Locale, names: Names, typed: &str) -> Vec<crate::search::Suggestion> {
    let typed = typed.trim().trim_start_matches('/').to_lowercase();
    let starts = |c: &CommandSpec| c.names().any(|n| n.starts_with(typed.as_str()));
    let mut found: Vec<&'static CommandSpec> = names.typed().filter(|c| starts(c)).collect();
    if !typed.is_empty() {
        for c in names.closest(&typed) {
            if !found.iter().any(|f| f.name == c.name) {
                found.push(c);
            }
        }
    }
    found
        .into_iter()
        .map(|c| crate::search::Suggestion {
            name: format!(
                "{} — {}",
                names.command(l, c.name),
                l.pick(c.description_ko, c.description)
            ),
            value: c.name.to_string(),
        })
        .collect()
}
