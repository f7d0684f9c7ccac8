//! The answer buttons under a question (`quiz-answer`, never registered as
//! a slash command: its arguments are what a button holds). The press is
//! answered to the presser only: right or wrong, the right answer with one
//! line of why, a link to the moment that explains it and a button for the
//! next question. A quiz question counts once per member (a second press is
//! told the first answer); a wrong answer enters the member's review queue.
//! A review's question (`review` set) updates its card instead. A button
//! whose question now builds differently says the question changed.

use crate::answer::command::Command;
use crate::answer::desk::{down, without_book, Desk};
use crate::answer::reply::{Answer, Button, Reply};
use crate::answer::resolve;
use crate::answer::spec::{not_mine, Answering, ArgError, Arguments, CommandSpec, Kind};
use crate::answer::spec::{Names, Needs, OptionSpec, Words};
use crate::app::Lectern;
use crate::library::Course;
use crate::locale::Locale;
use crate::particle::{with, Particle};
use crate::quiz::{self, review, Question, QuestionRef, Shown};
use crate::study::{QuizAnswer, ReviewCard};

const fn number(name: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        ko: name,
        aliases: &[],
        description: "Set by the button",
        description_ko: "버튼이 정해요",
        kind: Kind::Number { min: 0, max: None },
        required: true,
        words: Words::One,
    }
}

const fn text(name: &'static str, required: bool) -> OptionSpec {
    OptionSpec {
        kind: Kind::Text {
            autocomplete: false,
        },
        required,
        ..number(name)
    }
}

/// What names a question on a button: chapter, fingerprint, kind, item, seed.
pub(super) const QUESTION: [OptionSpec; 5] = [
    number("chapter"),
    text("version", true),
    text("kind", true),
    number("item"),
    number("seed"),
];

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "quiz-answer",
    ko: "퀴즈답",
    aliases: &["퀴즈답"],
    description: "Answer a quiz question (its buttons)",
    description_ko: "퀴즈 문제에 답하기 (문제의 버튼)",
    options: &[
        QUESTION[0],
        QUESTION[1],
        QUESTION[2],
        QUESTION[3],
        QUESTION[4],
        number("choice"),
        text("from", false),
    ],
    takes_course: true,
    admin: false,
    needs: Needs { member: true },
    usage: "/quiz chapter:21",
    help: None,
    op: "qa",
    answering: Some(Answering { build, values, run }),
};

/// The `from` value of a review's answer buttons.
const FROM_REVIEW: &str = "r";

fn count(args: &dyn Arguments, name: &'static str) -> Result<u32, ArgError> {
    let value = args.number(name)?.ok_or(ArgError::Missing(name))?;
    u32::try_from(value).map_err(|_| ArgError::NotANumber {
        option: name,
        value: value.to_string(),
    })
}

/// The question a button's arguments name.
pub(super) fn shown(args: &dyn Arguments) -> Result<Shown, ArgError> {
    let kind = args.text("kind").ok_or(ArgError::Missing("kind"))?;
    let kind = quiz::Kind::from_code(&kind).ok_or(ArgError::NotANumber {
        option: "kind",
        value: kind,
    })?;
    Ok(Shown {
        reference: QuestionRef {
            chapter: count(args, "chapter")?,
            kind,
            item: count(args, "item")?,
            seed: count(args, "seed")?,
        },
        fingerprint: args.text("version").ok_or(ArgError::Missing("version"))?,
    })
}

/// The button values of `shown`, in [`QUESTION`] order.
pub(super) fn shown_values(shown: &Shown) -> Vec<Option<String>> {
    let r = shown.reference;
    vec![
        Some(r.chapter.to_string()),
        Some(shown.fingerprint.clone()),
        Some(r.kind.code().to_string()),
        Some(r.item.to_string()),
        Some(r.seed.to_string()),
    ]
}

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::QuizAnswer {
        course: args.text("course"),
        shown: shown(args)?,
        choice: count(args, "choice")?,
        review: args.text("from").as_deref() == Some(FROM_REVIEW),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::QuizAnswer {
            course,
            shown,
            choice,
            review,
        } => {
            let mut values = shown_values(shown);
            values.push(Some(choice.to_string()));
            values.push(review.then(|| FROM_REVIEW.to_string()));
            values.push(course.clone());
            values
        }
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::QuizAnswer { .. } => without_book(l),
        _ => not_mine(),
    }
}

/// The question a button holds, rebuilt from today's notes; the "question
/// changed" reply when it no longer builds the same.
pub(super) fn still_asked<'a>(
    d: &Desk<'a>,
    course: Option<&str>,
    shown: &Shown,
) -> Result<(&'a Course, Question), Box<Reply>> {
    let l = d.l;
    let course = resolve::course(d.lectern, l, d.names, course)?;
    match quiz::generate(course, d.lectern.index.synonyms(), shown.reference, l) {
        Some(q) if q.fingerprint == shown.fingerprint => Ok((course, q)),
        _ => Err(Box::new(changed(
            d.lectern,
            l,
            course,
            shown.reference.chapter,
        ))),
    }
}

fn changed(lectern: &Lectern, l: Locale, course: &Course, chapter: u32) -> Reply {
    Reply {
        title: l.pick("🔄 문제가 바뀌었어요", "🔄 This question changed").to_string(),
        text: l
            .pick(
                "이 버튼을 만든 뒤로 노트가 바뀌어서 같은 문제를 낼 수 없어요. 새 문제로 다시 풀어 보세요.",
                "The notes changed since this button was made, so this question no longer exists. Try a new one.",
            )
            .to_string(),
        buttons: vec![next_button(lectern, l, course, chapter)],
        ephemeral: true,
        ..Reply::default()
    }
}

fn next_button(lectern: &Lectern, l: Locale, course: &Course, chapter: u32) -> Button {
    Button::Run {
        label: l.pick("다음 문제", "Next question").to_string(),
        command: Command::Quiz {
            course: crate::answer::resolve::course_arg(lectern, course),
            chapter: Some(chapter.to_string()),
        },
    }
}

pub(crate) async fn act(
    d: &Desk<'_>,
    course: Option<&str>,
    shown: &Shown,
    choice: u32,
    from_review: bool,
) -> Answer {
    let l = d.l;
    let (course, q) = still_asked(d, course, shown)?;
    let choice = choice as usize;
    if choice >= q.choices.len() {
        return Err(Box::new(changed(
            d.lectern,
            l,
            course,
            shown.reference.chapter,
        )));
    }
    let (guild, user) = (d.member.guild, d.member.user);
    let question = q.reference.id();
    let right = choice == q.answer;
    if from_review {
        let card = d
            .book
            .card(guild, user, &course.id, &question)
            .await
            .map_err(down(l))?;
        let next = review::answered(card.as_ref().map(|c| c.state.as_str()), d.now, right);
        save(d, course, &question, next).await?;
        return Ok(feedback(d, course, &q, choice, None, true));
    }
    let answer = QuizAnswer {
        course: course.id.clone(),
        question: question.clone(),
        fingerprint: q.fingerprint.clone(),
        choice: choice as u32,
        correct: right,
        at: d.now,
    };
    let (kept, first) = d
        .book
        .answer_once(guild, user, &answer)
        .await
        .map_err(down(l))?;
    if kept && !right {
        let known = d
            .book
            .card(guild, user, &course.id, &question)
            .await
            .map_err(down(l))?;
        if known.is_none() {
            save(d, course, &question, review::answered(None, d.now, false)).await?;
        }
    }
    let earlier = (!kept).then_some(first.choice as usize);
    Ok(feedback(
        d,
        course,
        &q,
        earlier.unwrap_or(choice),
        earlier,
        false,
    ))
}

/// Puts `state` into the member's card for `question`.
pub(super) async fn save(
    d: &Desk<'_>,
    course: &Course,
    question: &str,
    state: review::CardState,
) -> Result<(), Box<Reply>> {
    let card = ReviewCard {
        course: course.id.clone(),
        question: question.to_string(),
        state: state.state,
        due: state.due,
        updated_at: d.now,
    };
    d.book
        .save_card(d.member.guild, d.member.user, &card)
        .await
        .map_err(down(d.l))
}

/// The presser's result: `choice` is what counts (`earlier` when a first
/// answer was given before).
fn feedback(
    d: &Desk<'_>,
    course: &Course,
    q: &Question,
    choice: usize,
    earlier: Option<usize>,
    from_review: bool,
) -> Reply {
    let l = d.l;
    let right = choice == q.answer;
    let answer = &q.choices[q.answer];
    let picked = q.choices.get(choice).map_or("", String::as_str);
    let bold = format!("**{answer}**");
    let mut lines = Vec::new();
    if earlier.is_some() {
        lines.push(match l {
            Locale::Ko => format!("이미 답했어요: **{picked}**"),
            Locale::En => format!("You already answered: **{picked}**"),
        });
    }
    let mark = super::quiz::choice_mark(l, q.answer);
    lines.push(match l {
        Locale::Ko => format!(
            "정답은 {}: {bold}",
            with(&format!("{mark}번"), Particle::Copula)
        ),
        Locale::En => format!("The answer is {}: {bold}", mark.trim_end_matches('.')),
    });
    lines.push(q.why.clone());
    let mut buttons = vec![
        Button::Link {
            label: l.pick("▶ 이 부분 보기", "▶ Watch this part").to_string(),
            url: course.link(q.moment.seconds),
        },
        next_button(d.lectern, l, course, q.reference.chapter),
    ];
    if from_review {
        buttons[1] = Button::Run {
            label: l.pick("다음 복습", "Next review").to_string(),
            command: Command::Review,
        };
    } else if right {
        buttons.push(Button::Run {
            label: l.pick("복습에 넣기", "Add to review").to_string(),
            command: Command::ReviewAdd {
                course: crate::answer::resolve::course_arg(d.lectern, course),
                shown: q.shown(),
            },
        });
    } else {
        lines.push(
            l.pick(
                "틀린 문제는 복습 목록에 넣었어요 (`/복습`).",
                "Missed questions go into your review queue (`/review`).",
            )
            .to_string(),
        );
    }
    Reply {
        title: match (l, right) {
            (Locale::Ko, true) => "⭕ 맞았어요",
            (Locale::Ko, false) => "❌ 틀렸어요",
            (Locale::En, true) => "⭕ Right",
            (Locale::En, false) => "❌ Not quite",
        }
        .to_string(),
        url: Some(course.link(q.moment.seconds)),
        text: lines.join("\n"),
        color: course.color,
        buttons,
        ephemeral: true,
        ..Reply::default()
    }
}
