//! `/daily` (server admins): the daily chapter post. One command with an
//! `action` choice — `set channel time [course]`, `off`, `status`, `now` —
//! rather than Discord subcommands: the command table has no nested option
//! level, and adding one would touch the typed-line parser, button ids,
//! registration and the synthetic interactions for this one command; a
//! fixed choice gives the same picker in Discord.
//!
//! `set` first asks whether the bot can post in the channel (the adapter's
//! [`crate::daily::ChannelCheck`], when it has one: Discord over REST) and
//! refuses a channel missing a permission or gone, in the words a failed
//! post is reported with ([`crate::answer::daily_post::channel_refusal`]).
//!
//! The rules are [`crate::daily`]'s; the post is [`crate::answer::daily_post`];
//! the posting itself is the scheduler's (`discord::daily`), so `now` only
//! asks for a post, which the scheduler makes at once when it runs in the
//! instance that answered, else within one tick. In the console
//! and `ask` (one local server, no Discord) `now` shows the post as it would
//! appear and says so.

pub(crate) use super::daily_set::Asked;
use super::daily_set::{bad_input, schedule_of, set};
use super::daily_status::{last_post, status};
use crate::answer::command::Command;
use crate::answer::daily_post::daily_post;
use crate::answer::desk::{down, without_book, Desk};
use crate::answer::reply::{Answer, Reply};
use crate::answer::resolve;
use crate::answer::spec::{not_mine, Answering, ArgError, Arguments, Choice, CommandSpec, Kind};
use crate::answer::spec::{Names, Needs, OptionSpec, Words};
use crate::app::Lectern;
use crate::daily;
use crate::locale::Locale;
use crate::study::LOCAL_GUILD;

const ACTIONS: &[Choice] = &[
    Choice {
        value: "status",
        name: "status",
        ko: "상태",
    },
    Choice {
        value: "set",
        name: "set",
        ko: "설정",
    },
    Choice {
        value: "now",
        name: "post now",
        ko: "지금 올리기",
    },
    Choice {
        value: "off",
        name: "off",
        ko: "끄기",
    },
];

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "daily",
    ko: "오늘의챕터",
    aliases: &["오늘의챕터", "매일"],
    description: "Admins: post the next chapter every day at a set time",
    description_ko: "관리자: 매일 정한 시각에 다음 챕터 올리기",
    options: &[
        OptionSpec {
            name: "action",
            ko: "동작",
            aliases: &["동작"],
            description: "set, off, status or now",
            description_ko: "설정, 끄기, 상태, 지금 올리기",
            kind: Kind::Choice { choices: ACTIONS },
            required: true,
            words: Words::One,
        },
        OptionSpec {
            name: "channel",
            ko: "채널",
            aliases: &["채널"],
            description: "Where to post (for set)",
            description_ko: "올릴 채널 (설정할 때)",
            kind: Kind::Channel,
            required: false,
            words: Words::One,
        },
        OptionSpec {
            name: "time",
            ko: "시각",
            aliases: &["시각", "시간"],
            description: "Local time, e.g. 9:00 or 21:30 (for set)",
            description_ko: "시각 (예: 9:00, 오후 9시 30분) (설정할 때)",
            kind: Kind::Text {
                autocomplete: false,
            },
            required: false,
            words: Words::RunOn,
        },
    ],
    takes_course: true,
    admin: true,
    needs: Needs { member: true },
    usage: "/daily set #study 9:00",
    help: None,
    op: "daily",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Daily {
        action: super::super::spec::required(args, "action")?,
        channel: args.text("channel"),
        time: args.text("time"),
        course: args.text("course"),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Daily {
            action,
            channel,
            time,
            course,
        } => vec![
            Some(action.clone()),
            channel.clone(),
            time.clone(),
            course.clone(),
        ],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Daily { .. } => without_book(l),
        _ => not_mine(),
    }
}

/// What was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Set,
    Off,
    Status,
    Now,
}

fn action(given: &str) -> Option<Action> {
    let given = given.trim().to_lowercase();
    let choice = ACTIONS
        .iter()
        .find(|c| c.value == given || c.ko == given || c.name == given)
        .map(|c| c.value)
        .or(match given.as_str() {
            "지금" | "올리기" | "post" => Some("now"),
            "켜기" | "on" => Some("set"),
            _ => None,
        })?;
    Some(match choice {
        "set" => Action::Set,
        "off" => Action::Off,
        "now" => Action::Now,
        _ => Action::Status,
    })
}

pub(crate) async fn act(d: &Desk<'_>, asked: &Asked<'_>) -> Answer {
    let l = d.l;
    let Some(action) = action(asked.action) else {
        return Err(refuse(
            l,
            ("알 수 없는 동작", "Unknown action"),
            (
                "설정, 끄기, 상태, 지금 올리기 중에서 골라 주세요.",
                "Choose set, off, status or now.",
            ),
        ));
    };
    if action != Action::Status && !d.member.manager {
        return Err(refuse(
            l,
            ("관리자 전용 명령", "Admins only"),
            (
                "오늘의 챕터는 서버 관리 권한이 있는 사람만 바꿀 수 있어요.",
                "Only members with the Manage Server permission can change the daily post.",
            ),
        ));
    }
    match action {
        Action::Set => set(d, asked).await,
        Action::Off => off(d, asked.course).await,
        Action::Status => status(d).await,
        Action::Now => now(d, asked.course).await,
    }
}

/// An error reply: a title and a sentence, each given in (Korean, English).
fn refuse(l: Locale, title: (&str, &str), text: (&str, &str)) -> Box<Reply> {
    resolve::fail(
        l,
        l.pick(title.0, title.1),
        l.pick(text.0, text.1),
        Vec::new(),
    )
}

async fn off(d: &Desk<'_>, course: Option<&str>) -> Answer {
    let l = d.l;
    let course = match course {
        Some(c) => Some(resolve::course(d.lectern, l, d.names, Some(c))?.id.clone()),
        None => None,
    };
    let removed = d
        .book
        .remove_schedules(d.member.guild, course.as_deref())
        .await
        .map_err(down(l))?;
    Ok(Reply {
        title: l.pick("📅 오늘의 챕터", "📅 Daily chapter").to_string(),
        text: if removed == 0 {
            l.pick(
                "켜져 있는 오늘의 챕터가 없어요.",
                "No daily post was set up.",
            )
            .to_string()
        } else {
            l.pick(
                "껐어요. 이제 매일 올리지 않아요.",
                "Turned off. Nothing is posted daily any more.",
            )
            .to_string()
        },
        ephemeral: true,
        ..Reply::default()
    })
}

async fn now(d: &Desk<'_>, course: Option<&str>) -> Answer {
    let l = d.l;
    let course = resolve::course(d.lectern, l, d.names, course)?;
    let schedule = schedule_of(d, &course.id).await?;
    let not_set = || {
        bad_input(
            d,
            l.pick("먼저 설정해 주세요", "Set it up first"),
            l.pick(
                "오늘의 챕터가 설정되어 있지 않아요.",
                "No daily post is set up.",
            ),
        )
    };
    let tz = d.settings.time_zone();
    let today = crate::study::local_day(d.now, &tz);
    let chapter = match &schedule {
        Some(s) => daily::next_chapter(course, s.next_chapter),
        None if d.member.guild == LOCAL_GUILD => daily::first_chapter(course),
        None => return Err(not_set()),
    };
    let Some(chapter) = chapter else {
        return Err(refuse(
            l,
            ("모든 챕터를 올렸어요", "Every chapter is posted"),
            (
                "다시 처음부터 올리려면 설정을 다시 해 주세요.",
                "Set it up again to start over.",
            ),
        ));
    };
    if d.member.guild == LOCAL_GUILD {
        let mut post = daily_post(d.lectern, l, d.names, &course.id, chapter, &today)
            .map(|p| p.reply)
            .unwrap_or_default();
        post.footer = Some(
            l.pick(
                "콘솔에서는 디스코드에 올리지 않아요: 디스코드에 올라갈 모습이에요 (스레드도 함께 열려요).",
                "The console doesn't post to Discord: this is how the post would appear (with a thread).",
            )
            .to_string(),
        );
        return Ok(post);
    }
    let Some(schedule) = schedule else {
        return Err(not_set());
    };
    let last = d
        .book
        .recent_posts(schedule.guild, &schedule.course, 1)
        .await
        .map_err(down(l))?;
    if let Some(p) = last.first().filter(|p| p.day == today) {
        return Err(resolve::fail(
            l,
            l.pick("오늘은 이미 올렸어요", "Already posted today"),
            &format!(
                "{}\n{}",
                last_post(l, d.member.guild, p),
                l.pick(
                    "하루에 한 번만 올려요. 다음 글은 내일이에요.",
                    "One post a day; the next one is tomorrow."
                )
            ),
            Vec::new(),
        ));
    }
    let asked = d
        .book
        .request_now(schedule.guild, &schedule.course, d.now)
        .await
        .map_err(down(l))?;
    if !asked {
        return Err(not_set());
    }
    let title = course
        .chapter(chapter)
        .map(|ch| super::super::chapter::chapter_title(l, ch))
        .unwrap_or_default();
    Ok(Reply {
        title: l.pick("📅 오늘의 챕터", "📅 Daily chapter").to_string(),
        text: match l {
            Locale::Ko => format!(
                "곧 <#{}>에 올라가요: {title}. 오늘 정해진 시각에는 더 올리지 않아요.",
                schedule.channel
            ),
            Locale::En => format!(
                "Posting in <#{}> now: {title}. Today's scheduled post is then skipped.",
                schedule.channel
            ),
        },
        ephemeral: true,
        ..Reply::default()
    })
}
