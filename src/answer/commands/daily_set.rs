//! `/daily set channel time [course]`: reads the channel and the time as
//! typed, asks the adapter whether the bot can post there (when it can ask:
//! [`crate::daily::ChannelCheck`]), and saves the schedule. Split from
//! `daily.rs`, which holds the command's spec and its other actions.

use super::daily_status::{example, status_reply, zone_name};
use crate::answer::daily_post::{channel_refusal, needed_permissions};
use crate::answer::desk::{down, Desk};
use crate::answer::reply::{Answer, Reply};
use crate::answer::resolve;
use crate::daily::{self, Access, Permission, Schedule};
use crate::locale::Locale;
use crate::study::LOCAL_GUILD;

/// The asked options of `/daily`.
pub(crate) struct Asked<'a> {
    pub action: &'a str,
    pub channel: Option<&'a str>,
    pub time: Option<&'a str>,
    pub course: Option<&'a str>,
}

/// A refusal of what was typed, with an example of setting it up.
pub(super) fn bad_input(d: &Desk<'_>, title: &str, what: &str) -> Box<Reply> {
    let example = example(d.l, d.names);
    resolve::fail(d.l, title, &format!("{what}\n{example}"), Vec::new())
}

/// The asking server's schedule of `course`, if set.
pub(super) async fn schedule_of(
    d: &Desk<'_>,
    course: &str,
) -> Result<Option<Schedule>, Box<Reply>> {
    let schedules = d
        .book
        .schedules(Some(d.member.guild))
        .await
        .map_err(down(d.l))?;
    Ok(schedules.into_iter().find(|s| s.course == course))
}

/// `<#123>` or `123` → the channel id.
fn channel_id(given: &str) -> Option<u64> {
    let given = given.trim();
    let inner = given
        .strip_prefix("<#")
        .and_then(|s| s.strip_suffix('>'))
        .unwrap_or(given);
    inner.parse().ok().filter(|&id| id != 0)
}

pub(super) async fn set(d: &Desk<'_>, asked: &Asked<'_>) -> Answer {
    let l = d.l;
    let channel = match asked.channel.map(|given| (given, channel_id(given))) {
        Some((_, Some(id))) => id,
        // Typed, not picked (the console, `ask`): a name can't be posted to.
        Some((given, None)) => {
            let given = crate::cut::truncate(given.trim(), 40);
            let what = match l {
                Locale::Ko => format!(
                    "`{given}`{} 채널로 읽을 수 없어요. 디스코드에서는 채널 목록에서 고르고, 글로 적을 때는 채널 ID를 적어 주세요 (예: 123456789012345678).",
                    crate::particle::particle(&given, crate::particle::Particle::Topic)
                ),
                Locale::En => format!(
                    "`{given}` can't be read as a channel. In Discord, pick it from the list; when typing, give the channel's ID (e.g. 123456789012345678)."
                ),
            };
            return Err(bad_input(
                d,
                l.pick("채널을 알 수 없어요", "Unknown channel"),
                &what,
            ));
        }
        None => {
            return Err(bad_input(
                d,
                l.pick("채널을 정해 주세요", "Which channel?"),
                l.pick(
                    "오늘의 챕터를 올릴 채널이 필요해요.",
                    "The daily post needs a channel.",
                ),
            ))
        }
    };
    let time = match asked.time.map(daily::parse_time) {
        Some(Ok(time)) => time,
        given => {
            let what = match (given, asked.time) {
                (Some(_), Some(t)) => match l {
                    Locale::Ko => format!(
                        "{} 시각으로 읽을 수 없어요.",
                        crate::particle::with(
                            &crate::markdown::code_span(t, 40),
                            crate::particle::Particle::Topic
                        )
                    ),
                    Locale::En => format!(
                        "{} can't be read as a time of day.",
                        crate::markdown::code_span(t, 40)
                    ),
                },
                _ => l
                    .pick("올릴 시각이 필요해요.", "The daily post needs a time.")
                    .to_string(),
            };
            return Err(bad_input(
                d,
                l.pick("시각을 알아볼 수 없어요", "Unreadable time"),
                &what,
            ));
        }
    };
    let course = resolve::course(d.lectern, l, d.names, asked.course)?;
    // A channel the bot can't post in is said now, not at the first post.
    // Without Create Public Threads alone the posts still go out (a post
    // whose thread fails counts as sent), so that is saved, with a word.
    let mut no_threads = false;
    if let Some(check) = d.channels.filter(|_| d.member.guild != LOCAL_GUILD) {
        let access = check.bot_access(d.member.guild, channel).await;
        no_threads = access == Access::Lacking(vec![Permission::CreatePublicThreads]);
        if let Some(refusal) = channel_refusal(l, &access).filter(|_| !no_threads) {
            return Err(Box::new(refusal));
        }
    }
    let existing = schedule_of(d, &course.id).await?;
    let next_chapter = existing
        .and_then(|s| s.next_chapter)
        .or_else(|| daily::first_chapter(course));
    let schedule = Schedule {
        guild: d.member.guild,
        course: course.id.clone(),
        channel,
        time,
        admin: Some(d.member.user),
        next_chapter,
        since: d.now,
        now_requested: None,
    };
    d.book.save_schedule(&schedule).await.map_err(down(l))?;
    let zone = zone_name(d);
    let mut reply = status_reply(d, &[(schedule, Vec::new())]);
    reply.text = match l {
        Locale::Ko => format!(
            "저장했어요. 매일 {time} ({zone})에 <#{channel}>에 다음 챕터를 올리고 토론 스레드를 열어요.\n봇에게 그 채널의 {} 권한이 있어야 해요. 올리지 못하면 설정한 분께 이유를 알려 드려요.",
            needed_permissions(l)
        ),
        Locale::En => format!(
            "Saved. Every day at {time} ({zone}) the next chapter is posted in <#{channel}> with a thread for discussion.\nThe bot needs {} there; if a post fails, whoever set it up is told why.",
            needed_permissions(l)
        ),
    };
    if no_threads {
        reply.text.push('\n');
        reply.text.push_str(l.pick(
            "지금은 봇에게 공개 스레드 만들기 권한이 없어서 글만 올리고 토론 스레드는 열지 못해요. 권한을 주면 다음 글부터 스레드가 열려요.",
            "Right now the bot lacks Create Public Threads there, so the posts go out without a discussion thread; grant it and the next post opens one.",
        ));
    }
    Ok(reply)
}
