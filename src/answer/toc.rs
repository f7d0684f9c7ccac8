//! `/chapters [course]`: the table of contents.

use super::command::Command;
use super::reply::{Answer, Button, Reply};
use super::resolve::{self, course_arg};
use super::spec::Names;
use crate::app::Lectern;
use crate::locale::Locale;
use crate::timecode::format_time;

pub(super) fn chapters(lectern: &Lectern, l: Locale, names: Names, course: Option<&str>) -> Answer {
    let course = resolve::course(lectern, l, names, course)?;
    let lines: Vec<String> = course
        .chapters
        .iter()
        .map(|ch| {
            let mark = if ch.notes.is_some() { "📝" } else { "▫️" };
            format!(
                "`{:>2}` **{}** · {} — [{}]({}) {mark}",
                ch.number,
                ch.title_ko,
                ch.title,
                format_time(ch.start),
                course.link(ch.start),
            )
        })
        .collect();
    let with_notes = course.chapters.iter().filter(|c| c.notes.is_some()).count();
    let total = course.chapters.len();
    let others: Vec<&str> = lectern
        .library
        .courses
        .iter()
        .filter(|c| c.id != course.id)
        .map(|c| c.id.as_str())
        .collect();
    let mut footer = match l {
        Locale::Ko => format!(
            "📝 노트 있음 {with_notes}/{total} · 영상 {}",
            format_time(course.duration)
        ),
        Locale::En => format!(
            "📝 notes for {with_notes}/{total} · video {}",
            format_time(course.duration)
        ),
    };
    if !others.is_empty() {
        footer.push_str(&match l {
            Locale::Ko => format!(" · 다른 강의: {}", others.join(", ")),
            Locale::En => format!(" · other courses: {}", others.join(", ")),
        });
    }
    let c = course_arg(lectern, course);
    let buttons = course
        .chapters
        .iter()
        .filter(|ch| ch.notes.is_some())
        .take(4)
        .map(|ch| Button::Run {
            label: match l {
                Locale::Ko => format!("{}장 요약", ch.number),
                Locale::En => format!("Ch. {} summary", ch.number),
            },
            command: Command::Summary {
                course: c.clone(),
                chapter: ch.number.to_string(),
            },
        })
        .collect();
    Ok(Reply {
        title: match l {
            Locale::Ko => format!("📚 {} — 목차", course.title_ko),
            Locale::En => format!("📚 {} — chapters", course.title),
        },
        url: Some(course.link(0)),
        text: lines.join("\n"),
        footer: Some(footer),
        color: course.color,
        buttons,
        ..Reply::default()
    })
}
