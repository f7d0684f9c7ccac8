//! `/daily status` and the parts of it other `/daily` replies show: per
//! schedule its channel, local time and zone, the next chapter and when it
//! goes out, and the last post with its outcome (linked when it went out,
//! the reason and the permissions to fix when it or its thread failed).

use crate::answer::daily_post::{failure_text, thread_failure_text};
use crate::answer::desk::{down, Desk};
use crate::answer::reply::{Answer, Field, Reply};
use crate::answer::spec::Names;
use crate::daily::{self, Outcome, Schedule};
use crate::locale::Locale;

pub(super) async fn status(d: &Desk<'_>) -> Answer {
    let l = d.l;
    let schedules = d
        .book
        .schedules(Some(d.member.guild))
        .await
        .map_err(down(l))?;
    let mut with_posts = Vec::new();
    for s in schedules {
        let posts = d
            .book
            .recent_posts(s.guild, &s.course, 1)
            .await
            .map_err(down(l))?;
        with_posts.push((s, posts));
    }
    let mut reply = status_reply(d, &with_posts);
    if with_posts.is_empty() {
        reply.text = format!(
            "{}\n{}",
            l.pick("아직 설정하지 않았어요.", "No daily post is set up yet."),
            example(l, d.names)
        );
    }
    Ok(reply)
}

pub(super) fn zone_name(d: &Desk<'_>) -> String {
    d.settings
        .time_zone
        .clone()
        .unwrap_or_else(|| crate::study::DEFAULT_TIME_ZONE.to_string())
}

/// One field per schedule: channel, time and zone, next chapter, next post,
/// last post and its outcome.
pub(super) fn status_reply(d: &Desk<'_>, schedules: &[(Schedule, Vec<daily::Post>)]) -> Reply {
    let l = d.l;
    let tz = d.settings.time_zone();
    let zone = zone_name(d);
    let now = jiff::Timestamp::from_second(d.now).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let fields = schedules
        .iter()
        .map(|(s, posts)| {
            let course = d.lectern.library.course(&s.course);
            let next = course
                .and_then(|c| Some((c, daily::next_chapter(c, s.next_chapter)?)))
                .and_then(|(c, n)| c.chapter(n))
                .map(|ch| super::super::chapter::chapter_title(l, ch));
            let last = posts.first();
            let next_at = daily::next_post(s, last.map(|p| p.day.as_str()), now, &tz).map(|at| {
                at.to_zoned(tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            });
            let mut lines = vec![match l {
                Locale::Ko => format!("<#{}> · 매일 {} ({zone})", s.channel, s.time),
                Locale::En => format!("<#{}> · daily at {} ({zone})", s.channel, s.time),
            }];
            lines.push(match (&next, next_at) {
                (Some(title), Some(at)) => match l {
                    Locale::Ko => format!("다음 글: {at} · {title}"),
                    Locale::En => format!("Next post: {at} · {title}"),
                },
                _ => l
                    .pick(
                        "모든 챕터를 올렸어요. 다시 시작하려면 설정을 다시 해 주세요.",
                        "Every chapter has been posted. Set it again to start over.",
                    )
                    .to_string(),
            });
            if let Some(p) = last {
                lines.push(last_post(l, d.member.guild, p));
            }
            Field {
                name: course.map_or(s.course.clone(), |c| {
                    l.pick(&c.title_ko, &c.title).to_string()
                }),
                value: lines.join("\n"),
                inline: false,
            }
        })
        .collect::<Vec<Field>>();
    Reply {
        title: l.pick("📅 오늘의 챕터", "📅 Daily chapter").to_string(),
        fields,
        ephemeral: true,
        ..Reply::default()
    }
}

pub(super) fn last_post(l: Locale, guild: u64, p: &daily::Post) -> String {
    let what = match &p.outcome {
        Outcome::Sent {
            message,
            thread_failed,
        } => {
            let link = format!(
                "https://discord.com/channels/{guild}/{}/{message}",
                p.channel
            );
            let posted = match l {
                Locale::Ko => format!("[올렸어요]({link})"),
                Locale::En => format!("[posted]({link})"),
            };
            match thread_failed {
                Some(reason) => format!(
                    "{posted} · {} — {}",
                    l.pick("스레드 실패", "thread failed"),
                    thread_failure_text(l, *reason)
                ),
                None => posted,
            }
        }
        Outcome::Pending => l.pick("올리는 중", "posting").to_string(),
        Outcome::Failed { reason } => format!(
            "{} — {}",
            l.pick("실패", "failed"),
            failure_text(l, *reason)
        ),
    };
    match l {
        Locale::Ko => format!("지난 글: {} · {}장 · {what}", p.day, p.chapter),
        Locale::En => format!("Last post: {} · ch. {} · {what}", p.day, p.chapter),
    }
}

/// An example of setting it up, in the names the reader's Discord shows.
pub(super) fn example(l: Locale, names: Names) -> String {
    let (daily, action) = (names.command(l, "daily"), names.option(l, "action"));
    let (channel, time) = (names.option(l, "channel"), names.option(l, "time"));
    match l {
        Locale::Ko => format!(
            "예: `/{daily} {action}:설정 {channel}:#공부방 {time}:9:00` (9:00, 21:30, 오전 9시, 오후 9시 30분 모두 돼요)"
        ),
        Locale::En => format!(
            "For example: `/{daily} {action}:set {channel}:#study {time}:9:00` (9:00, 09:00 and 21:30 all work)"
        ),
    }
}
