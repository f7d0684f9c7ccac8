//! `/quiz [chapter] [course]` (`/퀴즈`): one four-choice question from a
//! chapter's notes ([`crate::quiz`]), its choices as buttons. Without a
//! chapter, one the member hasn't watched yet (any, once all are watched),
//! picked by a seed drawn from the moment; a chapter without questions
//! names the chapters that have some. The question's buttons answer it
//! ([`super::quiz_answer`]); the daily post's quiz button runs this command.

use crate::answer::command::Command;
use crate::answer::desk::{down, watched_in, without_book, Desk};
use crate::answer::reply::{Answer, Button, Reply};
use crate::answer::resolve;
use crate::answer::spec::{not_mine, Answering, ArgError, Arguments, CommandSpec, HelpRow};
use crate::answer::spec::{Names, Needs, OptionSpec};
use crate::app::Lectern;
use crate::cut::truncate;
use crate::library::Course;
use crate::locale::Locale;
use crate::quiz::{self, Question};

/// A chapter, optional here.
const CHAPTER: OptionSpec = OptionSpec {
    required: false,
    description: "Chapter number or title (default: one you haven't watched)",
    description_ko: "챕터 번호나 제목 (없으면 아직 안 본 챕터에서)",
    ..crate::answer::spec::CHAPTER
};

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "quiz",
    ko: "퀴즈",
    aliases: &["퀴즈", "문제"],
    description: "A practice question from a chapter's notes",
    description_ko: "챕터 노트로 만든 연습 문제",
    options: &[CHAPTER],
    takes_course: true,
    admin: false,
    needs: Needs { member: true },
    usage: "/quiz chapter:21",
    help: Some(HelpRow {
        example: "/quiz chapter:21",
        ko: "챕터 노트로 만든 4지선다 문제 (틀린 문제는 `/복습`으로 다시)",
        en: "A four-choice question from a chapter's notes (missed ones come back in `/review`)",
    }),
    op: "quiz",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Quiz {
        course: args.text("course"),
        chapter: args.text("chapter"),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Quiz { course, chapter } => vec![chapter.clone(), course.clone()],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Quiz { .. } => without_book(l),
        _ => not_mine(),
    }
}

pub(crate) async fn act(d: &Desk<'_>, course: Option<&str>, typed: Option<&str>) -> Answer {
    let l = d.l;
    let seed = quiz::seed(d.now, d.member.user);
    let names = d.lectern.index.synonyms();
    let reference = match typed.map(str::trim).filter(|t| !t.is_empty()) {
        Some(typed) => {
            let (course, ch) = resolve::chapter(d.lectern, l, d.names, course, typed)?;
            let Some(r) = quiz::pick(course, names, ch.number, seed) else {
                return Err(Box::new(nothing_to_ask(
                    d.lectern,
                    l,
                    course,
                    Some(ch.number),
                )));
            };
            (course, r)
        }
        None => {
            let course = resolve::course(d.lectern, l, d.names, course)?;
            let rows = d
                .book
                .watched(d.member.guild, d.member.user)
                .await
                .map_err(down(l))?;
            let watched = watched_in(&rows, &course.id);
            let open = quiz::quizzable(course, names);
            let unwatched: Vec<u32> = open
                .iter()
                .copied()
                .filter(|n| !watched.contains(n))
                .collect();
            let from = if unwatched.is_empty() {
                &open
            } else {
                &unwatched
            };
            let Some(&chapter) = from.get(seed as usize % from.len().max(1)) else {
                return Err(Box::new(nothing_to_ask(d.lectern, l, course, None)));
            };
            match quiz::pick(course, names, chapter, seed) {
                Some(r) => (course, r),
                None => return Err(Box::new(nothing_to_ask(d.lectern, l, course, None))),
            }
        }
    };
    let (course, r) = reference;
    let q = quiz::generate(course, names, r, l)
        .ok_or_else(|| Box::new(nothing_to_ask(d.lectern, l, course, None)))?;
    Ok(question_reply(d.lectern, l, course, &q, false))
}

/// The chapter has no question (or the course none at all): which have.
fn nothing_to_ask(lectern: &Lectern, l: Locale, course: &Course, chapter: Option<u32>) -> Reply {
    let open = quiz::quizzable(course, lectern.index.synonyms());
    let list = open
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let message = match (l, chapter, open.is_empty()) {
        (Locale::Ko, _, true) => "이 강의에는 아직 문제를 낼 노트가 없어요.".to_string(),
        (Locale::En, _, true) => "No chapter of this course has notes to ask about yet.".into(),
        (Locale::Ko, Some(n), false) => {
            format!("{n}장에는 아직 문제를 낼 노트가 없어요. 문제를 낼 수 있는 챕터: {list}")
        }
        (Locale::En, Some(n), false) => {
            format!("Chapter {n} has no notes to ask about yet. Chapters with questions: {list}")
        }
        (Locale::Ko, None, false) => format!("문제를 낼 수 있는 챕터: {list}"),
        (Locale::En, None, false) => format!("Chapters with questions: {list}"),
    };
    Reply::error(
        l.pick("문제를 낼 수 없어요", "No question here"),
        message,
        Vec::new(),
        "",
    )
}

/// Characters of a choice on its button (Discord allows 80).
const LABEL_CHARS: usize = 60;

/// How the `i`-th choice (from 0) is marked, in the text and on its button:
/// ① ② ③ ④ in Korean, A. B. C. D. in English. A number would run into a
/// chapter choice's own number (`1. 1. 소개`).
pub(crate) fn choice_mark(l: Locale, i: usize) -> String {
    const CIRCLED: [char; 10] = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];
    match l {
        Locale::Ko => CIRCLED
            .get(i)
            .map_or_else(|| format!("{}.", i + 1), char::to_string),
        Locale::En => u8::try_from(i).ok().filter(|&i| i < 26).map_or_else(
            || format!("{}.", i + 1),
            |i| format!("{}.", char::from(b'A' + i)),
        ),
    }
}

/// A question with its four answer buttons; `review` marks a review's
/// question (its answers update the card instead of counting once).
pub(crate) fn question_reply(
    lectern: &Lectern,
    l: Locale,
    course: &Course,
    q: &Question,
    review: bool,
) -> Reply {
    let chapter = course.chapter(q.reference.chapter);
    let name = chapter.map(|c| crate::answer::chapter::chapter_title(l, c));
    let title = match (review, name) {
        (false, Some(n)) => format!("{} · {n}", l.pick("❓ 퀴즈", "❓ Quiz")),
        (true, Some(n)) => format!("{} · {n}", l.pick("🔁 복습", "🔁 Review")),
        (false, None) => l.pick("❓ 퀴즈", "❓ Quiz").to_string(),
        (true, None) => l.pick("🔁 복습", "🔁 Review").to_string(),
    };
    let choices: Vec<String> = q
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| format!("**{}** {c}", choice_mark(l, i)))
        .collect();
    let course_arg = crate::answer::resolve::course_arg(lectern, course);
    let buttons = q
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| Button::Run {
            label: truncate(&format!("{} {c}", choice_mark(l, i)), LABEL_CHARS),
            command: Command::QuizAnswer {
                course: course_arg.clone(),
                shown: q.shown(),
                choice: i as u32,
                review,
            },
        })
        .collect();
    Reply {
        title,
        text: format!("{}\n\n{}", q.prompt, choices.join("\n")),
        footer: Some(
            l.pick(
                "버튼을 눌러 답해 보세요 · 결과는 나에게만 보여요",
                "Press a button to answer · only you see the result",
            )
            .to_string(),
        ),
        color: course.color,
        buttons,
        ..Reply::default()
    }
}
