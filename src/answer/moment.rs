//! `/at time` and `/link chapter [at]`: from a moment to its chapter, and from
//! a chapter (plus an offset or a time) to a link worth sharing. Moments are
//! read as people paste them ([`parse_pasted`]): a link into another video is
//! said to be one, or, when no course is named, answered for the loaded
//! course whose video it is.

use super::chapter::{chapter_reply, chapter_title, watch_button, View};
use super::reply::Answer;
use super::resolve::{self, fail, Failure};
use super::spec::Names;
use crate::app::Lectern;
use crate::library::Course;
use crate::locale::Locale;
use crate::markdown::code_span;
use crate::particle::{particle, with, Particle};
use crate::timecode::{format_time, parse_pasted, PasteError, Pasted, Seconds, TimeRef};

pub(super) fn at(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: Option<&str>,
    time: &str,
) -> Answer {
    let time = resolve::arg(l, names, "time", time)?;
    let pasted = read_pasted(l, time)?;
    let course = resolve::course(
        lectern,
        l,
        names,
        course.or(linked_course(lectern, course, &pasted)),
    )?;
    let TimeRef::Absolute(seconds) = in_course(l, course, time, pasted)? else {
        return Err(bad_time(l, time));
    };
    check_in_video(l, course, seconds)?;
    let Some(ch) = course.chapter_at(seconds) else {
        return Err(bad_time(l, time));
    };
    let mut reply = chapter_reply(lectern, l, course, ch, View::Summary);
    let into = seconds.saturating_sub(ch.start);
    reply.title = format!("⏱ {} → {}", format_time(seconds), chapter_title(l, ch));
    reply.url = Some(course.link(seconds));
    reply.text = match l {
        Locale::Ko => format!(
            "**{}**{} {}장 「{}」({}–{})의 {} 지점이에요.",
            format_time(seconds),
            particle(&format_time(seconds), Particle::Topic),
            ch.number,
            ch.title_ko,
            format_time(ch.start),
            format_time(ch.end),
            format_time(into)
        ),
        Locale::En => format!(
            "**{}** is {} into chapter {}, “{}” ({}–{}).",
            format_time(seconds),
            format_time(into),
            ch.number,
            ch.title,
            format_time(ch.start),
            format_time(ch.end)
        ),
    };
    if let Some(summary) = ch
        .notes
        .as_ref()
        .map(|n| n.summary.as_str())
        .filter(|s| !s.is_empty())
    {
        reply.text.push_str("\n\n");
        reply.text.push_str(summary);
    }
    reply.buttons[0] = watch_button(l, course, seconds);
    Ok(reply)
}

pub(super) fn link(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: Option<&str>,
    chapter: &str,
    at: Option<&str>,
) -> Answer {
    let linked = at
        .and_then(|at| parse_pasted(at).ok())
        .and_then(|pasted| linked_course(lectern, course, &pasted));
    let (course, ch) = resolve::chapter(lectern, l, names, course.or(linked), chapter)?;
    let seconds = match at.map(str::trim).filter(|a| !a.is_empty()) {
        None => ch.start,
        Some(at) => {
            let at = resolve::arg(l, names, "at", at)?;
            match in_course(l, course, at, read_pasted(l, at)?)? {
                TimeRef::Absolute(s) => s,
                TimeRef::Offset(off) => {
                    let length = ch.end.saturating_sub(ch.start);
                    if off >= length {
                        return Err(fail(
                            l,
                            l.pick("챕터보다 긴 시간이에요", "Offset past the chapter"),
                            &match l {
                                Locale::Ko => format!(
                                    "{}장은 {} 길이예요. `+{}`보다 짧은 오프셋을 적어 주세요.",
                                    ch.number,
                                    format_time(length),
                                    format_time(length)
                                ),
                                Locale::En => format!(
                                    "Chapter {} is {} long; use an offset below `+{}`.",
                                    ch.number,
                                    format_time(length),
                                    format_time(length)
                                ),
                            },
                            Vec::new(),
                        ));
                    }
                    ch.start + off
                }
            }
        }
    };
    check_in_video(l, course, seconds)?;
    let url = course.link(seconds);
    let mut reply = chapter_reply(lectern, l, course, ch, View::Link);
    reply.title = format!("🔗 {} @ {}", chapter_title(l, ch), format_time(seconds));
    reply.url = Some(url.clone());
    reply.text = url.clone();
    if let Some(other) = course.chapter_at(seconds).filter(|c| c.number != ch.number) {
        reply.text.push_str("\n\n");
        reply.text.push_str(&match l {
            Locale::Ko => format!(
                "참고: {} {}장 「{}」에 속해요.",
                with(&format_time(seconds), Particle::Topic),
                other.number,
                other.title_ko
            ),
            Locale::En => format!(
                "Note: {} falls in chapter {}, “{}”.",
                format_time(seconds),
                other.number,
                other.title
            ),
        });
    }
    reply.buttons[0] = watch_button(l, course, seconds);
    Ok(reply)
}

/// The loaded course whose video a pasted link points into, when the asker
/// named no course: a link into another course's video answers for it.
fn linked_course<'a>(
    lectern: &'a Lectern,
    named: Option<&str>,
    pasted: &Pasted,
) -> Option<&'a str> {
    let video = pasted.video.as_deref().filter(|_| named.is_none())?;
    let mut of_video = lectern
        .library
        .courses
        .iter()
        .filter(|c| c.video_id == video)
        .map(|c| c.id.as_str());
    // Two courses on one video: the default one, if it is one of them.
    let default = lectern.default_course.as_deref();
    let first = of_video.next()?;
    Some(
        std::iter::once(first)
            .chain(of_video)
            .find(|id| Some(*id) == default)
            .unwrap_or(first),
    )
}

/// What was pasted, read as a moment (a time, an offset or a YouTube link).
fn read_pasted(l: Locale, typed: &str) -> Result<Pasted, Failure> {
    parse_pasted(typed).map_err(|e| match e {
        PasteError::Time(_) => bad_time(l, typed),
        PasteError::LinkWithoutTime { .. } => fail(
            l,
            l.pick("링크에 시각이 없어요", "The link has no time"),
            l.pick(
                "이 링크에는 시각(`t=`)이 없어요. YouTube에서 \"현재 시간에 공유\"로 복사한 링크를 붙여 넣거나 `3:12:00`처럼 적어 주세요.",
                "This link carries no time (`t=`). Paste a link copied with YouTube's \"Start at\", or write the time like `3:12:00`.",
            ),
            Vec::new(),
        ),
    })
}

/// The pasted moment, when it belongs to `course`'s video; a link into
/// another video is said to be one.
fn in_course(l: Locale, course: &Course, typed: &str, pasted: Pasted) -> Result<TimeRef, Failure> {
    match pasted.video {
        Some(video) if video != course.video_id => Err(fail(
            l,
            l.pick("이 강의의 영상이 아니에요", "Not this course's video"),
            &match l {
                Locale::Ko => format!(
                    "{} 다른 영상({})의 링크예요. 「{}」 영상의 링크나 `3:12:00` 같은 시각을 적어 주세요.",
                    with(&code_span(typed, 60), Particle::Topic),
                    code_span(&video, 20),
                    course.title_ko
                ),
                Locale::En => format!(
                    "{} links to another video ({}). Paste a link to “{}” or write a time like `3:12:00`.",
                    code_span(typed, 60),
                    code_span(&video, 20),
                    course.title
                ),
            },
            Vec::new(),
        )),
        _ => Ok(pasted.at),
    }
}

fn check_in_video(l: Locale, course: &Course, seconds: Seconds) -> Result<(), Failure> {
    // The video's own length is its last moment: `/at 3:31:24` is valid.
    if !course.duration_known || seconds <= course.duration {
        return Ok(());
    }
    let length = format_time(course.duration);
    Err(fail(
        l,
        l.pick("영상보다 긴 시간이에요", "Past the end of the video"),
        &match l {
            Locale::Ko => format!("{} 영상 길이({length})를 넘어요. 0:00부터 {length} 사이로 적어 주세요.", with(&format_time(seconds), Particle::Topic)),
            Locale::En => format!("{} is past the end: the video is {length} long. Pick a time between 0:00 and {length}.", format_time(seconds)),
        },
        Vec::new(),
    ))
}

fn bad_time(l: Locale, typed: &str) -> Failure {
    fail(
        l,
        l.pick("시각을 알아볼 수 없어요", "Unrecognised time"),
        &match l {
            Locale::Ko => format!("{} 시각으로 읽을 수 없어요. `3:12:00`, `192:00`, `11520`, `3h12m`, `4832초`처럼 적거나 YouTube 링크(`…?t=4832`)를 붙여 넣어 주세요.", with(&code_span(typed, 60), Particle::Topic)),
            Locale::En => format!("{} is not a time. Write it like `3:12:00`, `192:00`, `11520` or `3h12m`, or paste a YouTube link (`…?t=4832`).", code_span(typed, 60)),
        },
        Vec::new(),
    )
}
