//! `/courses`: every loaded course with its author, length, chapters, how
//! many have notes, whether its video's captions are loaded, and a link —
//! so a group with several lectures sees what it can ask about.

use crate::answer::command::Command;
use crate::answer::reply::{Answer, Button, Reply};
use crate::answer::spec::{
    not_mine, Answering, ArgError, Arguments, CommandSpec, HelpRow, Names, Needs,
};
use crate::app::Lectern;
use crate::library::Course;
use crate::locale::Locale;
use crate::timecode::format_time;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "courses",
    ko: "강의목록",
    aliases: &["강의목록", "강의", "courses", "course"],
    description: "Every loaded course: author, length, chapters, notes, captions",
    description_ko: "불러온 강의 목록: 강연자, 길이, 챕터, 노트, 자막",
    options: &[],
    takes_course: false,
    admin: false,
    needs: Needs { member: false },
    usage: "/courses",
    help: Some(HelpRow {
        example: "/courses",
        ko: "강의 목록: 강연자, 길이, 챕터와 노트 수, 자막",
        en: "The courses: author, length, chapters and notes, captions",
    }),
    op: "cs",
    answering: Some(Answering { build, values, run }),
};

/// Most courses with a table-of-contents button (Discord's row of five).
const BUTTONS: usize = 5;

fn build(_: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Courses)
}

fn values(_: &Command) -> Vec<Option<String>> {
    Vec::new()
}

fn run(lectern: &Lectern, l: Locale, names: Names, command: &Command) -> Answer {
    match command {
        Command::Courses => Ok(courses(lectern, l, names)),
        _ => not_mine(),
    }
}

fn courses(lectern: &Lectern, l: Locale, names: Names) -> Reply {
    let list = &lectern.library.courses;
    let several = list.len() > 1;
    let text = list
        .iter()
        .map(|course| course_line(lectern, course, l))
        .collect::<Vec<_>>()
        .join("\n\n");
    let buttons = if several {
        list.iter()
            .take(BUTTONS)
            .map(|course| Button::Run {
                label: match l {
                    Locale::Ko => format!("{} 목차", short(&course.title_ko)),
                    Locale::En => format!("{} chapters", short(&course.title)),
                },
                command: Command::Chapters {
                    course: Some(course.id.clone()),
                },
            })
            .collect()
    } else {
        list.first()
            .map(|_| Button::Run {
                label: l.pick("목차", "Chapters").to_string(),
                command: Command::Chapters { course: None },
            })
            .into_iter()
            .collect()
    };
    Reply {
        title: match l {
            Locale::Ko => format!("📚 강의 {}개", list.len()),
            Locale::En => format!("📚 {} course{}", list.len(), if several { "s" } else { "" }),
        },
        text,
        buttons,
        footer: list
            .iter()
            .find(|c| several && lectern.default_course.as_deref() != Some(c.id.as_str()))
            .map(|example| how_to_pick(l, names, &example.id)),
        ..Reply::default()
    }
}

/// One course: its names and link, then who, how long, chapters, notes,
/// captions, and the id commands take.
fn course_line(lectern: &Lectern, course: &Course, l: Locale) -> String {
    let total = course.chapters.len();
    let with_notes = course.chapters.iter().filter(|c| c.notes.is_some()).count();
    let names = match l {
        _ if course.title_ko == course.title => format!("**{}**", course.title),
        Locale::Ko => format!("**{}** · {}", course.title_ko, course.title),
        Locale::En => format!("**{}** · {}", course.title, course.title_ko),
    };
    let length = if course.duration_known {
        format_time(course.duration)
    } else {
        format!("≈{}", format_time(course.duration))
    };
    let captions = match (l, &course.captions) {
        (Locale::Ko, Some(_)) => "자막 있음",
        (Locale::Ko, None) => "자막 없음",
        (Locale::En, Some(_)) => "captions",
        (Locale::En, None) => "no captions",
    };
    let mut facts = Vec::new();
    if let Some(author) = &course.author {
        facts.push(author.clone());
    }
    facts.push(format!("[{length}]({})", course.link(0)));
    facts.push(match l {
        Locale::Ko => format!("챕터 {total}개 · 노트 {with_notes}개"),
        Locale::En => format!("{total} chapters · notes for {with_notes}"),
    });
    facts.push(captions.to_string());
    let default = lectern.default_course.as_deref() == Some(course.id.as_str());
    let id = match (l, default) {
        (Locale::Ko, true) => format!("`{}` (기본)", course.id),
        (Locale::En, true) => format!("`{}` (default)", course.id),
        (_, false) => format!("`{}`", course.id),
    };
    format!("{names}\n{} · {id}", facts.join(" · "))
}

/// How to ask about one course, with a real id as the example.
fn how_to_pick(l: Locale, names: Names, id: &str) -> String {
    let option = names.option(l, "course");
    let chapters = names.command(l, "chapters");
    match l {
        Locale::Ko => format!(
            "명령에 {option}:ID를 붙이면 그 강의에서 찾아요 · 예: /{chapters} {option}:{id}"
        ),
        Locale::En => {
            format!("Add {option}:ID to a command to ask about one course · e.g. /{chapters} {option}:{id}")
        }
    }
}

/// A title short enough for a button label.
fn short(title: &str) -> String {
    crate::cut::truncate(title, 40)
}
