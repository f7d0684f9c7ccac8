//! `/review` (`/복습`): the member's spaced review. The due card soonest
//! due comes back as its question with the same answer buttons (an answer
//! updates its card: right = Good, wrong = Again, see [`crate::quiz::review`]);
//! with nothing due, how many cards there are and when the next is due, in
//! the server's time zone. `review-add` (the "복습에 넣기" button on an
//! answered question) puts a question into the queue.

use jiff::Timestamp;

use super::quiz::question_reply;
use super::quiz_answer::{save, shown, shown_values, still_asked, QUESTION};
use crate::answer::command::Command;
use crate::answer::desk::{down, without_book, Desk};
use crate::answer::reply::{Answer, Reply};
use crate::answer::spec::{not_mine, Answering, ArgError, Arguments, CommandSpec, HelpRow};
use crate::answer::spec::{Names, Needs};
use crate::app::Lectern;
use crate::locale::Locale;
use crate::quiz::{self, review, QuestionRef, Shown};

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "review",
    ko: "복습",
    aliases: &["복습"],
    description: "Review the quiz questions that are due for you",
    description_ko: "복습할 때가 된 퀴즈 문제 풀기",
    options: &[],
    takes_course: false,
    admin: false,
    needs: Needs { member: true },
    usage: "/review",
    help: Some(HelpRow {
        example: "/review",
        ko: "틀린 문제와 복습에 넣은 문제를 간격을 두고 다시 풀기",
        en: "Missed and saved questions again, spaced out over days",
    }),
    op: "review",
    answering: Some(Answering {
        build: |_| Ok(Command::Review),
        values: |_| Vec::new(),
        run,
    }),
};

pub(super) const ADD_SPEC: CommandSpec = CommandSpec {
    name: "review-add",
    ko: "복습추가",
    aliases: &["복습추가"],
    description: "Put a quiz question into your review (its button)",
    description_ko: "퀴즈 문제를 복습 목록에 넣기 (문제의 버튼)",
    options: &QUESTION,
    takes_course: true,
    admin: false,
    needs: Needs { member: true },
    usage: "/review",
    help: None,
    op: "qadd",
    answering: Some(Answering {
        build: build_add,
        values: values_add,
        run,
    }),
};

fn build_add(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::ReviewAdd {
        course: args.text("course"),
        shown: shown(args)?,
    })
}

fn values_add(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::ReviewAdd { course, shown } => {
            let mut values = shown_values(shown);
            values.push(course.clone());
            values
        }
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Review | Command::ReviewAdd { .. } => without_book(l),
        _ => not_mine(),
    }
}

pub(crate) async fn act(d: &Desk<'_>) -> Answer {
    let l = d.l;
    let cards = d
        .book
        .cards(d.member.guild, d.member.user)
        .await
        .map_err(down(l))?;
    let due: Vec<_> = cards.iter().filter(|c| c.due <= d.now).collect();
    for card in &due {
        let Some(course) = d.lectern.library.course(&card.course) else {
            continue;
        };
        let names = d.lectern.index.synonyms();
        let built =
            QuestionRef::parse(&card.question).and_then(|r| quiz::generate(course, names, r, l));
        let Some(q) = built else {
            continue;
        };
        let mut reply = question_reply(d.lectern, l, course, &q, true);
        reply.ephemeral = true;
        reply.footer = Some(match l {
            Locale::Ko => format!("복습할 문제 {}개 · 결과는 나에게만 보여요", due.len()),
            Locale::En => format!("{} due for review · only you see the result", due.len()),
        });
        return Ok(reply);
    }
    let next = cards.iter().filter(|c| c.due > d.now).map(|c| c.due).min();
    let text = match (l, next) {
        (Locale::Ko, None) => format!(
            "복습할 문제가 아직 없어요. `/{}`에서 틀린 문제와 \"복습에 넣기\"를 누른 문제가 여기로 와요.",
            d.names.command(l, "quiz")
        ),
        (Locale::En, None) => format!(
            "Nothing to review yet. Questions you miss in `/{}`, and those you add with \"Add to review\", come here.",
            d.names.command(l, "quiz")
        ),
        (Locale::Ko, Some(at)) => format!(
            "지금 복습할 문제는 없어요. 복습 카드 {}장 · 다음 복습: {}",
            cards.len(),
            local_time(d, at)
        ),
        (Locale::En, Some(at)) => format!(
            "Nothing is due now. {} review cards · next due: {}",
            cards.len(),
            local_time(d, at)
        ),
    };
    Ok(Reply {
        title: l.pick("🔁 복습", "🔁 Review").to_string(),
        text,
        ephemeral: true,
        ..Reply::default()
    })
}

/// When `unix` is, in the server's time zone, as a member reads it: `오늘
/// 22:29`, `내일 09:00`, else the date (`2026-12-03 09:00`), then the zone.
fn local_time(d: &Desk<'_>, unix: i64) -> String {
    let tz = d.settings.time_zone();
    let name = tz.iana_name().unwrap_or("UTC").to_string();
    let zoned = |t: i64| {
        Timestamp::from_second(t)
            .unwrap_or(Timestamp::UNIX_EPOCH)
            .to_zoned(tz.clone())
    };
    let (at, now) = (zoned(unix), zoned(d.now));
    let days = now
        .date()
        .until(at.date())
        .map(|span| span.get_days())
        .unwrap_or(i32::MAX);
    let clock = at.strftime("%H:%M").to_string();
    let when = match (d.l, days) {
        (Locale::Ko, 0) => format!("오늘 {clock}"),
        (Locale::Ko, 1) => format!("내일 {clock}"),
        (Locale::En, 0) => format!("today {clock}"),
        (Locale::En, 1) => format!("tomorrow {clock}"),
        _ => at.strftime("%Y-%m-%d %H:%M").to_string(),
    };
    format!("{when} ({name})")
}

pub(crate) async fn add(d: &Desk<'_>, course: Option<&str>, shown: &Shown) -> Answer {
    let l = d.l;
    let (course, q) = still_asked(d, course, shown)?;
    let question = q.reference.id();
    let known = d
        .book
        .card(d.member.guild, d.member.user, &course.id, &question)
        .await
        .map_err(down(l))?;
    let text = if known.is_some() {
        l.pick(
            "이미 복습 목록에 있어요.",
            "It's already in your review queue.",
        )
    } else {
        save(d, course, &question, review::added(d.now)).await?;
        l.pick(
            "복습 목록에 넣었어요. `/복습`으로 풀어 보세요.",
            "Added to your review queue. Take it with `/review`.",
        )
    };
    Ok(Reply {
        title: l.pick("🔁 복습에 넣기", "🔁 Add to review").to_string(),
        text: text.to_string(),
        ephemeral: true,
        ..Reply::default()
    })
}
