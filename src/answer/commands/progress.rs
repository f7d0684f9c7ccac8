//! `/progress [member] [course]`: chapters done of the total, the next
//! chapter with its link, per course, and the study streak counted in the
//! server's time zone.

use crate::answer::command::Command;
use crate::answer::desk::{down, progress_line, watched_in, without_book, Desk};
use crate::answer::reply::{Answer, Field, Reply, Suggestion};
use crate::answer::resolve;
use crate::answer::spec::{
    not_mine, Answering, ArgError, Arguments, CommandSpec, HelpRow, Kind, Names, Needs, OptionSpec,
    Words,
};
use crate::app::Lectern;
use crate::locale::Locale;
use crate::study;

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "progress",
    ko: "진도",
    aliases: &["진도"],
    description: "Chapters watched, what's next, and the study streak",
    description_ko: "본 챕터 수, 다음 챕터, 연속 공부 일수",
    options: &[OptionSpec {
        name: "member",
        ko: "멤버",
        aliases: &["멤버"],
        description: "Whose progress (mention them; default: you)",
        description_ko: "누구의 진도인지 (멘션; 기본은 나)",
        kind: Kind::Text {
            autocomplete: false,
        },
        required: false,
        words: Words::One,
    }],
    takes_course: true,
    admin: false,
    needs: Needs { member: true },
    usage: "/progress",
    help: Some(HelpRow {
        example: "/progress",
        ko: "내 진도와 다음 챕터, 연속 공부 일수",
        en: "Your progress, next chapter and study streak",
    }),
    op: "pg",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Progress {
        course: args.text("course"),
        member: args.text("member"),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Progress { course, member } => vec![member.clone(), course.clone()],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Progress { .. } => without_book(l),
        _ => not_mine(),
    }
}

/// A user id from a mention (`<@123>`, `<@!123>`) or bare digits.
pub fn user_id(typed: &str) -> Option<u64> {
    let t = typed.trim();
    let t = t
        .strip_prefix("<@")
        .and_then(|r| r.strip_suffix('>'))
        .map(|r| r.trim_start_matches('!'))
        .unwrap_or(t);
    t.parse().ok().filter(|&id| id > 0)
}

pub(crate) async fn act(d: &Desk<'_>, course: Option<&str>, member: Option<&str>) -> Answer {
    let l = d.l;
    let user = match member {
        None => d.member.user,
        Some(typed) => user_id(typed).ok_or_else(|| {
            resolve::fail(
                l,
                l.pick("멤버를 알아볼 수 없어요", "Unknown member"),
                &match l {
                    Locale::Ko => format!(
                        "`{}` 칸에는 @이름처럼 멘션을 넣어 주세요.",
                        d.names.option(l, "member")
                    ),
                    Locale::En => "Mention the member in `member` (e.g. @name).".into(),
                },
                vec![Suggestion::run(
                    format!("/{}", d.names.command(l, "progress")),
                    Command::Progress {
                        course: None,
                        member: None,
                    },
                )],
            )
        })?,
    };
    let courses = match course {
        Some(named) => vec![resolve::course(d.lectern, l, d.names, Some(named))?],
        None => d.lectern.library.courses.iter().collect(),
    };
    let guild = d.member.guild;
    let rows = d.book.watched(guild, user).await.map_err(down(l))?;
    let days = d.book.study_days(guild, user).await.map_err(down(l))?;
    let today = study::local_day(d.now, &d.settings.time_zone());
    let streak = study::streak(&days, &today);
    let who = if user == d.member.user && !d.member.name.is_empty() {
        d.member.name.clone()
    } else if user == d.member.user {
        l.pick("나", "You").to_string()
    } else {
        format!("<@{user}>")
    };
    let text = match (l, streak) {
        (Locale::Ko, 0) => format!("**{who}** · 아직 연속 공부 기록이 없어요"),
        (Locale::En, 0) => format!("**{who}** · no study streak yet"),
        (Locale::Ko, n) => format!("**{who}** · 🔥 연속 {n}일째 공부 중"),
        (Locale::En, n) => format!("**{who}** · 🔥 {n}-day study streak"),
    };
    let fields = courses
        .iter()
        .take(crate::answer::search::MAX_SEARCH_LIMIT)
        .map(|course| {
            let progress = study::course_progress(course, &watched_in(&rows, &course.id));
            Field {
                name: l.pick(&course.title_ko, &course.title).to_string(),
                value: progress_line(l, course, &progress),
                inline: false,
            }
        })
        .collect();
    Ok(Reply {
        title: l.pick("📈 진도", "📈 Progress").to_string(),
        text,
        fields,
        color: courses.first().and_then(|c| c.color),
        ..Reply::default()
    })
}
