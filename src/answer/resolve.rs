//! Turning what people typed into things the library knows: checked argument
//! text, a course, a chapter. Each failure is already the error reply to send.

use super::reply::{Reply, Retry, Suggestion};
use super::spec::{Names, MAX_ARG_CHARS};
use crate::app::Lectern;
use crate::cut::char_len;
use crate::library::{Chapter, Course};
use crate::locale::Locale;
use crate::markdown::code_span;
use crate::particle::{with, Particle};
use crate::search::ChapterMatch;

pub(super) type Failure = Box<Reply>;

/// An argument, trimmed; refused when empty or longer than [`MAX_ARG_CHARS`].
/// `option` is the option's registered name: the messages name it as the
/// reader's Discord shows it (`검색어` for `query`) and say what it takes.
pub(super) fn arg<'a>(
    l: Locale,
    names: Names,
    option: &str,
    value: &'a str,
) -> Result<&'a str, Failure> {
    let value = value.trim();
    let label = names.option(l, option);
    if value.is_empty() {
        let what = names.option_description(l, option);
        return Err(fail(
            l,
            &match l {
                Locale::Ko => format!("{} 적어 주세요", with(label, Particle::Object)),
                Locale::En => format!("Please fill in `{label}`"),
            },
            &match l {
                Locale::Ko => format!("`{label}` 칸이 비어 있어요. 적을 것: {what}"),
                Locale::En => format!("`{label}` is empty. It takes: {what}"),
            },
            Vec::new(),
        ));
    }
    let len = char_len(value);
    if len > MAX_ARG_CHARS {
        return Err(fail(
            l,
            l.pick("입력이 너무 길어요", "Input too long"),
            &match l {
                Locale::Ko => format!(
                    "{} {len}자예요. {MAX_ARG_CHARS}자 이내로 줄여 주세요.",
                    with(&format!("`{label}`"), Particle::Topic)
                ),
                Locale::En => format!(
                    "`{label}` is {len} characters long. Please keep it under {MAX_ARG_CHARS}."
                ),
            },
            Vec::new(),
        ));
    }
    Ok(value)
}

/// An error reply with localized "did you mean".
pub(super) fn fail(l: Locale, title: &str, message: &str, suggestions: Vec<Suggestion>) -> Failure {
    Box::new(Reply::error(
        title,
        message,
        suggestions,
        super::reply::did_you_mean(l),
    ))
}

/// The course a command is about: the one named, else the only one, else the default.
pub(super) fn course<'a>(
    lectern: &'a Lectern,
    l: Locale,
    names: Names,
    named: Option<&str>,
) -> Result<&'a Course, Failure> {
    let courses = &lectern.library.courses;
    let ids = || courses.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let retry = |id: String| Suggestion::retry(id.clone(), Retry::Course(id));
    if let Some(name) = named.map(str::trim).filter(|n| !n.is_empty()) {
        let name = arg(l, names, "course", name)?;
        if let Some(c) = lectern.library.course(name) {
            return Ok(c);
        }
        let lower = name.to_lowercase();
        if let Some(c) = courses
            .iter()
            .find(|c| c.title.to_lowercase().contains(&lower) || c.title_ko.contains(name))
        {
            return Ok(c);
        }
        let mut ranked: Vec<(f64, String)> = ids()
            .into_iter()
            .map(|id| {
                (
                    strsim::normalized_damerau_levenshtein(&lower, &id.to_lowercase()),
                    id,
                )
            })
            .filter(|(s, _)| *s >= 0.5)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        return Err(fail(
            l,
            l.pick("강의를 찾을 수 없어요", "Course not found"),
            &match l {
                Locale::Ko => format!(
                    "{} 강의는 없어요. 있는 강의: {}",
                    code_span(name, 60),
                    ids().join(", ")
                ),
                Locale::En => format!(
                    "There is no course {}. Loaded courses: {}",
                    code_span(name, 60),
                    ids().join(", ")
                ),
            },
            ranked
                .into_iter()
                .take(3)
                .map(|(_, id)| retry(id))
                .collect(),
        ));
    }
    match courses.len() {
        0 => Err(fail(
            l,
            l.pick("강의가 없어요", "No courses"),
            l.pick(
                "불러온 강의가 없어요. 관리자에게 `lectern check`로 콘텐츠를 확인해 달라고 해 주세요.",
                "No course is loaded. Ask an admin to run `lectern check` on the content.",
            ),
            Vec::new(),
        )),
        1 => Ok(&courses[0]),
        _ => lectern
            .default_course
            .as_deref()
            .and_then(|d| lectern.library.course(d))
            .ok_or_else(|| {
                fail(
                    l,
                    l.pick("강의를 골라 주세요", "Which course?"),
                    &match l {
                        Locale::Ko => format!(
                            "강의가 여러 개예요. `{}` 옵션으로 하나를 골라 주세요.",
                            names.option(l, "course")
                        ),
                        Locale::En => {
                            "Several courses are loaded. Pick one with the `course` option.".into()
                        }
                    },
                    ids().into_iter().take(3).map(retry).collect(),
                )
            }),
    }
}

/// The course argument to put into buttons, the way back from [`course`]:
/// only needed with several courses.
pub(super) fn course_arg(lectern: &Lectern, course: &Course) -> Option<String> {
    (lectern.library.courses.len() > 1).then(|| course.id.clone())
}

/// The chapter a command is about. Accepts a number, a title in either
/// language, an alias, a fuzzy name, or `course-id:chapter` (what
/// autocomplete sends when several courses are loaded).
pub(super) fn chapter<'a>(
    lectern: &'a Lectern,
    l: Locale,
    names: Names,
    course_name: Option<&str>,
    chapter: &str,
) -> Result<(&'a Course, &'a Chapter), Failure> {
    let chapter = arg(l, names, "chapter", chapter)?;
    let (course_name, chapter) = match chapter.split_once(':') {
        Some((c, n)) if course_name.is_none() && lectern.library.course(c).is_some() => {
            (Some(c), n.trim())
        }
        _ => (course_name, chapter),
    };
    let course = course(lectern, l, names, course_name)?;
    let chapter = &ascii_digits(chapter);
    match lectern.index.find_chapter(course, chapter) {
        ChapterMatch::Found(n) => match course.chapter(n) {
            Some(ch) => Ok((course, ch)),
            None => Err(not_found(l, names, course, chapter, &[], Vec::new())),
        },
        ChapterMatch::NotFound { suggestions } => {
            // Asked of the default course: the chapter may be another's.
            let elsewhere = match course_name {
                None => in_other_courses(lectern, l, course, chapter),
                Some(_) => Vec::new(),
            };
            Err(not_found(
                l,
                names,
                course,
                chapter,
                &suggestions,
                elsewhere,
            ))
        }
    }
}

/// The chapters named `typed` in the loaded courses other than `asked`, as
/// "did you mean" that asks that course (`ai-prompt-engineering:9`).
fn in_other_courses(lectern: &Lectern, l: Locale, asked: &Course, typed: &str) -> Vec<Suggestion> {
    lectern
        .library
        .courses
        .iter()
        .filter(|c| c.id != asked.id)
        .filter_map(|c| match lectern.index.find_chapter(c, typed) {
            ChapterMatch::Found(n) => {
                let ch = c.chapter(n)?;
                let title = l.pick(&c.title_ko, &c.title);
                Some(Suggestion::retry(
                    format!("{} · {title}", chapter_label(l, ch)),
                    Retry::Chapter(format!("{}:{n}", c.id)),
                ))
            }
            ChapterMatch::NotFound { .. } => None,
        })
        .collect()
}

/// Full-width digits (`２１`, what a Korean keyboard in full-width mode
/// types) as ASCII ones, so a number reads the same either way; every other
/// character as it is.
pub(super) fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c),
            c => c,
        })
        .collect()
}

fn not_found(
    l: Locale,
    names: Names,
    course: &Course,
    typed: &str,
    suggestions: &[u32],
    elsewhere: Vec<Suggestion>,
) -> Failure {
    let chapters: Vec<&Chapter> = suggestions
        .iter()
        .filter_map(|&n| course.chapter(n))
        .take(3usize.saturating_sub(elsewhere.len()))
        .collect();
    let suggestions =
        elsewhere
            .into_iter()
            .chain(chapters.iter().map(|c| {
                Suggestion::retry(chapter_label(l, c), Retry::Chapter(c.number.to_string()))
            }))
            .take(3)
            .collect();
    let count = course.chapters.len();
    fail(
        l,
        l.pick("챕터를 찾을 수 없어요", "Chapter not found"),
        &match l {
            Locale::Ko => format!(
                "{}에 해당하는 챕터가 없어요. 번호(1–{count})나 제목으로 찾아 주세요. 전체 목록은 `/{}`.",
                code_span(typed, 60),
                names.command(l, "chapters")
            ),
            Locale::En => format!(
                "No chapter matches {}. Use a number (1–{count}) or a title; `/chapters` lists them all.",
                code_span(typed, 60)
            ),
        },
        suggestions,
    )
}

/// `21. 앞으로의 전망 (Preview of Things to Come)`; the reader's language
/// first (`21. Preview of Things to Come (앞으로의 전망)`); a title that
/// already holds the other (`탈옥(Jailbreaking)`) is not followed by it again.
pub(super) fn chapter_label(l: Locale, c: &Chapter) -> String {
    let (first, second) = match l {
        Locale::Ko => (&c.title_ko, &c.title),
        Locale::En => (&c.title, &c.title_ko),
    };
    if first.contains(second.as_str()) || second.contains(first.as_str()) {
        format!("{}. {first}", c.number)
    } else {
        format!("{}. {first} ({second})", c.number)
    }
}
