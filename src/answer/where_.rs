//! `/where query [course]`: where a topic lives along one video. Every
//! passage of the course that matches (notes, key points; timed through the
//! captions when the course has them) adds its weight at its moment; the
//! picture ([`crate::picture::timeline`]) shows that density over the whole
//! video with the chapters and the three strongest moments pinned, and the
//! text lists those three (chapter, time, snippet) with buttons to watch them.
//! Nothing found is the usual "nothing found" answer, with no picture.

use super::command::Command;
use super::reply::{Answer, Attachment, Button, Reply};
use super::resolve::{self, course_arg};
use super::search::nothing_found;
use super::spec::Names;
use crate::app::Lectern;
use crate::library::Course;
use crate::locale::Locale;
use crate::markdown::plain_echo;
use crate::particle::{with, Particle::Subject};
use crate::picture::{timeline, ChapterStart, DensitySample, Mark, TimelineSpec};
use crate::search::HitMoment;
use crate::timecode::format_time;

/// The picture's file name (the embed shows `attachment://where.png`).
pub const WHERE_PNG: &str = "where.png";

/// Most moments pinned on the picture.
const MARKS: usize = 3;

/// Pinned moments closer than this share of the video are one moment.
const MIN_MARK_GAP: f32 = 0.005;

/// One matching passage: its chapter and the moment.
struct Found<'a> {
    chapter: u32,
    moment: &'a HitMoment,
}

pub(super) fn where_(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: Option<&str>,
    query: &str,
) -> Answer {
    let query = resolve::arg(l, names, "query", query)?;
    let course = resolve::course(lectern, l, names, course)?;
    let hits = lectern.index.passages(
        &lectern.library,
        query,
        Some(&course.id),
        course.chapters.len().max(1),
    );
    let found: Vec<Found> = hits
        .iter()
        .flat_map(|hit| {
            hit.moments.iter().map(|moment| Found {
                chapter: hit.chapter,
                moment,
            })
        })
        .collect();
    if found.is_empty() {
        return Err(nothing_found(lectern, l, query, |topic| Command::Where {
            course: course_arg(lectern, course),
            query: topic,
        }));
    }
    let duration = video_length(course, &found);
    let top = strongest(&found, duration);
    let shown_query = plain_echo(query, 80);
    let spec = TimelineSpec {
        title: match l {
            Locale::Ko => format!("{} 나오는 곳", with(&format!("‘{shown_query}’"), Subject)),
            Locale::En => format!("Where “{shown_query}” comes up"),
        },
        subtitle: subtitle(l, course, duration, hits.len()),
        duration,
        chapters: course
            .chapters
            .iter()
            .map(|c| ChapterStart {
                number: c.number,
                start: c.start,
            })
            .collect(),
        density: found
            .iter()
            .map(|f| DensitySample {
                time: f.moment.moment.seconds,
                weight: f.moment.weight,
            })
            .collect(),
        marks: top
            .iter()
            .zip(1..)
            .map(|(f, rank)| Mark {
                time: f.moment.moment.seconds,
                rank,
            })
            .collect(),
    };
    let mut reply = Reply {
        title: match l {
            Locale::Ko => format!("📍 {shown_query} — 영상 속 위치"),
            Locale::En => format!("📍 {shown_query} — where in the video"),
        },
        color: course.color,
        ..Reply::default()
    };
    let lines: Vec<String> = top
        .iter()
        .zip(1..)
        .map(|(f, rank)| moment_line(l, course, rank, f))
        .collect();
    reply.text = lines.join("\n");
    reply.buttons = top
        .iter()
        .zip(1..)
        .map(|(f, rank): (&&Found, u32)| Button::Link {
            label: format!("{rank} · ▶ {}", time_label(f.moment)),
            url: course.link(f.moment.moment.seconds),
        })
        .collect();
    reply.url = top.first().map(|f| course.link(f.moment.moment.seconds));
    let mut footer = match l {
        Locale::Ko => format!(
            "그림: 주제가 나오는 구간 {}곳 · 번호는 가장 많이 다루는 순간",
            found.len()
        ),
        Locale::En => format!(
            "Picture: {} passage(s) about the topic · numbers mark where it is covered most",
            found.len()
        ),
    };
    match timeline(&spec) {
        Ok(png) => {
            reply.attachment = Some(Attachment {
                filename: WHERE_PNG.to_string(),
                bytes: png.bytes,
            })
        }
        Err(_) => footer.push_str(l.pick(
            " · 그림을 그리지 못했어요",
            " · the picture could not be drawn",
        )),
    }
    reply.footer = Some(footer);
    Ok(reply)
}

/// The video's length; when the course doesn't know it, just past the last
/// chapter start or moment (so every pin lands inside the picture).
fn video_length(course: &Course, found: &[Found]) -> u32 {
    if course.duration_known && course.duration > 0 {
        return course.duration;
    }
    let last_start = course.chapters.iter().map(|c| c.start).max().unwrap_or(0);
    let last_moment = found
        .iter()
        .map(|f| f.moment.moment.seconds)
        .max()
        .unwrap_or(0);
    course
        .duration
        .max(last_start.max(last_moment).saturating_add(60))
}

/// The strongest moments, strongest first (ties: earlier first), at most
/// [`MARKS`], no two within [`MIN_MARK_GAP`] of the video.
fn strongest<'f, 'a>(found: &'f [Found<'a>], duration: u32) -> Vec<&'f Found<'a>> {
    let mut ranked: Vec<&Found> = found.iter().collect();
    ranked.sort_by(|a, b| {
        b.moment
            .weight
            .total_cmp(&a.moment.weight)
            .then(a.moment.moment.seconds.cmp(&b.moment.moment.seconds))
    });
    let gap = (duration as f32 * MIN_MARK_GAP) as u32;
    let mut top: Vec<&Found> = Vec::with_capacity(MARKS);
    for f in ranked {
        let t = f.moment.moment.seconds;
        if top
            .iter()
            .all(|p| p.moment.moment.seconds.abs_diff(t) > gap)
        {
            top.push(f);
            if top.len() == MARKS {
                break;
            }
        }
    }
    top
}

fn subtitle(l: Locale, course: &Course, duration: u32, chapters: usize) -> String {
    let length = format_time(duration);
    match l {
        Locale::Ko => format!("{} · {length} · {chapters}개 챕터에서", course.title_ko),
        Locale::En => {
            let plural = if chapters == 1 { "" } else { "s" };
            format!(
                "{} · {length} · in {chapters} chapter{plural}",
                course.title
            )
        }
    }
}

/// `≈1:02:03` for an estimated moment.
fn time_label(m: &HitMoment) -> String {
    let approx = if m.moment.approximate { "≈" } else { "" };
    format!("{approx}{}", format_time(m.moment.seconds))
}

fn moment_line(l: Locale, course: &Course, rank: u32, f: &Found) -> String {
    let chapter = match l {
        Locale::Ko => format!("{}장", f.chapter),
        Locale::En => format!("Ch. {}", f.chapter),
    };
    format!(
        "**{rank}** · {chapter} · [▶ {}]({}) — {}",
        time_label(f.moment),
        course.link(f.moment.moment.seconds),
        f.moment.snippet
    )
}
