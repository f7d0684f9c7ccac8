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
use crate::picture::{timeline, ChapterStart, DensitySample, Mark, Smoothed, TimelineSpec};
use crate::search::HitMoment;
use crate::timecode::format_time;

/// The picture's file name (the embed shows `attachment://where.png`).
pub const WHERE_PNG: &str = "where.png";

/// Most moments pinned on the picture.
const MARKS: usize = 3;

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
    let samples: Vec<DensitySample> = found
        .iter()
        .map(|f| DensitySample {
            time: f.moment.moment.seconds,
            weight: f.moment.weight,
        })
        .collect();
    let top = strongest(&found, &Smoothed::new(&samples, duration));
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
        density: samples,
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

/// The moments pinned, strongest first, at most [`MARKS`]: the highest hill
/// of the picture's density first (the sum of the matching passages around
/// it, not one passage's own score, so "1" stands where the topic is covered
/// most), pinned at the best passage on the upper half of that hill; then the highest hill
/// left, and so on; with fewer hills than pins, the best passages left.
fn strongest<'f, 'a>(found: &'f [Found<'a>], density: &Smoothed) -> Vec<&'f Found<'a>> {
    let time = |f: &Found| f.moment.moment.seconds;
    let mut left: Vec<&Found> = found.iter().collect();
    let mut top: Vec<&Found> = Vec::with_capacity(MARKS);
    while top.len() < MARKS {
        let peak = left.iter().copied().max_by(|a, b| {
            density
                .at(time(a))
                .total_cmp(&density.at(time(b)))
                .then(time(b).cmp(&time(a)))
        });
        let Some(peak) = peak else { break };
        let (from, to) = density.hill(time(peak));
        let on_hill = |f: &&Found| (from..=to).contains(&time(f)) || time(f) == time(peak);
        // The pin stands on the upper half of its hill, not down in the
        // valley at its foot, even when a strong passage lies there.
        let top_half = density.at(time(peak)) / 2.0;
        let best = left
            .iter()
            .copied()
            .filter(|f| on_hill(f) && density.at(time(f)) >= top_half)
            .max_by(|a, b| {
                a.moment
                    .weight
                    .total_cmp(&b.moment.weight)
                    .then(time(b).cmp(&time(a)))
            })
            .unwrap_or(peak);
        top.push(best);
        left.retain(|f| !on_hill(f));
    }
    // Fewer hills than pins: the best passages left on them, each at least
    // one smoothing width from every pin.
    let gap = density.sigma();
    let mut rest: Vec<&Found> = found.iter().collect();
    rest.sort_by(|a, b| {
        b.moment
            .weight
            .total_cmp(&a.moment.weight)
            .then(time(a).cmp(&time(b)))
    });
    for f in rest {
        if top.len() == MARKS {
            break;
        }
        if top.iter().all(|p| time(p).abs_diff(time(f)) > gap) {
            top.push(f);
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

#[cfg(test)]
mod tests {
    use super::{strongest, Found};
    use crate::library::Moment;
    use crate::picture::{DensitySample, Smoothed};
    use crate::search::{HitMoment, MatchField};

    fn moment(seconds: u32, weight: f32) -> HitMoment {
        HitMoment {
            moment: Moment::exact(seconds),
            field: MatchField::Translation,
            weight,
            snippet: String::new(),
        }
    }

    /// The moments as found in chapter 1 of an hour-long video, and their
    /// density.
    fn found_in_an_hour(moments: &[HitMoment]) -> (Vec<Found<'_>>, Smoothed) {
        let found = moments
            .iter()
            .map(|moment| Found { chapter: 1, moment })
            .collect();
        let samples: Vec<DensitySample> = moments
            .iter()
            .map(|m| DensitySample {
                time: m.moment.seconds,
                weight: m.weight,
            })
            .collect();
        (found, Smoothed::new(&samples, 3600))
    }

    #[test]
    fn the_first_pin_stands_on_the_highest_hill_not_on_the_best_lone_passage() {
        // One passage saying the topic over and over at 40:00; six saying it
        // once each, 20 s apart, from 10:00.
        let moments: Vec<HitMoment> = std::iter::once(moment(2400, 2.5))
            .chain((0..6).map(|i| moment(600 + 20 * i, 1.0)))
            .collect();
        let (found, density) = found_in_an_hour(&moments);
        let pins: Vec<u32> = strongest(&found, &density)
            .iter()
            .map(|f| f.moment.moment.seconds)
            .collect();
        assert_eq!(pins.len(), 3, "{pins:?}");
        assert!((600..=700).contains(&pins[0]), "{pins:?}");
        assert_eq!(pins[1], 2400, "{pins:?}");
        for (i, a) in pins.iter().enumerate() {
            for b in &pins[i + 1..] {
                assert!(a.abs_diff(*b) > density.sigma(), "{pins:?}");
            }
        }
    }

    #[test]
    fn a_pin_stands_near_its_hilltop_not_at_the_foot_of_the_hill() {
        // Eight passages saying the topic once from 30:00 make the hill; a
        // strong passage at its foot, 70 s before, is not where the topic
        // is covered most.
        let moments: Vec<HitMoment> = std::iter::once(moment(1730, 2.0))
            .chain((0..8).map(|i| moment(1800 + 15 * i, 1.0)))
            .collect();
        let (found, density) = found_in_an_hour(&moments);
        let first = strongest(&found, &density)[0].moment.moment.seconds;
        assert!((1800..=1920).contains(&first), "pin 1 at {first}");
    }
}
