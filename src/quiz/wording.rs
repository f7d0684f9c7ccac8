//! A question in the reader's words: Korean (particles chosen by sound,
//! [`crate::particle`]) or English. The notes' own text stays as written.

use super::order::excerpt;
use super::{Choice, Draft, Kind, Question, QuestionRef};
use crate::library::{Chapter, Course};
use crate::locale::Locale;
use crate::particle::{with, Particle};
use crate::timecode::format_time;

/// `21. 앞으로의 전망` (`21. Preview of Things to Come` in English).
pub(crate) fn chapter_name(l: Locale, ch: &Chapter) -> String {
    let title = l.pick(&ch.title_ko, &ch.title);
    let title = if title.trim().is_empty() {
        &ch.title
    } else {
        title
    };
    format!("{}. {title}", ch.number)
}

fn choice_text(l: Locale, chapter: &Chapter, course: &Course, choice: &Choice) -> Option<String> {
    match choice {
        Choice::Term(term) => Some(term.clone()),
        Choice::Chapter(n) => course.chapter(*n).map(|c| chapter_name(l, c)),
        Choice::Passage(i) => excerpt(chapter, *i),
    }
}

pub(super) fn word(
    course: &Course,
    r: QuestionRef,
    draft: &Draft,
    choices: &[&Choice],
    answer: usize,
    fingerprint: String,
    l: Locale,
) -> Option<Question> {
    let chapter = course.chapter(r.chapter)?;
    let shown: Vec<String> = choices
        .iter()
        .map(|c| choice_text(l, chapter, course, c))
        .collect::<Option<_>>()?;
    let right = shown.get(answer)?;
    let (prompt, why) = match r.kind {
        Kind::Term => term_text(l, chapter, &draft.source, right),
        Kind::Chapter => chapter_text(l, chapter, &draft.source),
        Kind::Order => order_text(l, chapter, right, draft.moment.seconds),
    };
    Some(Question {
        reference: r,
        prompt,
        choices: shown,
        answer,
        why,
        moment: draft.moment,
        fingerprint,
    })
}

fn term_text(l: Locale, ch: &Chapter, detail: &str, term: &str) -> (String, String) {
    let n = ch.number;
    match l {
        Locale::Ko => (
            format!("빈칸에 들어갈 말은 무엇일까요?\n> **＿＿＿**: {detail}"),
            format!("{n}장 핵심 포인트 — **{term}**: {detail}"),
        ),
        Locale::En => (
            format!("Which term fills the blank?\n> **＿＿＿**: {detail}"),
            format!("Key point of chapter {n} — **{term}**: {detail}"),
        ),
    }
}

fn chapter_text(l: Locale, ch: &Chapter, point: &str) -> (String, String) {
    let quoted = format!("「{point}」");
    match l {
        Locale::Ko => (
            format!("이 핵심 포인트는 어느 챕터에 나올까요?\n> {point}"),
            format!(
                "{} {}장 「{}」의 핵심 포인트예요.",
                with(&quoted, Particle::Topic),
                ch.number,
                chapter_title(l, ch)
            ),
        ),
        Locale::En => (
            format!("Which chapter has this key point?\n> {point}"),
            format!(
                "“{point}” is a key point of chapter {}, “{}”.",
                ch.number,
                chapter_title(l, ch)
            ),
        ),
    }
}

fn chapter_title(l: Locale, ch: &Chapter) -> String {
    let name = chapter_name(l, ch);
    let prefix = format!("{}. ", ch.number);
    name.strip_prefix(&prefix).unwrap_or(&name).to_string()
}

fn order_text(
    l: Locale,
    ch: &Chapter,
    first: &str,
    at: crate::timecode::Seconds,
) -> (String, String) {
    let time = format_time(at);
    let quoted = format!("「{first}」");
    match l {
        Locale::Ko => (
            format!("{}장에서 가장 먼저 나오는 말은 무엇일까요?", ch.number),
            format!(
                "{} {time}에 나오고, 나머지는 모두 그 뒤에 나와요.",
                with(&quoted, Particle::Subject)
            ),
        ),
        Locale::En => (
            format!("Which of these comes first in chapter {}?", ch.number),
            format!("“{first}” comes at {time}; the others all come later."),
        ),
    }
}
