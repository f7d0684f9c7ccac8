//! The page of a chapter nobody has written notes for yet. Most chapters of a
//! course start that way (the course index lists them all), so the page is
//! still worth opening: the chapter's span and length with its link, what the
//! video says in that span (from the course's captions, when it has them),
//! the nearest chapters that do have notes, and how a group adds its own.

use super::command::Command;
use super::reply::{Button, Field, Reply};
use crate::app::Lectern;
use crate::cut::truncate;
use crate::library::{Chapter, Course};
use crate::locale::Locale;
use crate::markdown::sanitize_echo;
use crate::timecode::{format_time, Seconds};

/// Caption lines shown from the chapter's span.
const CAPTION_LINES: usize = 2;
/// Longest caption line shown, in characters.
const CAPTION_CHARS: usize = 160;

/// The name of the field with what the video says (Korean, English).
pub(super) const SAID: (&str, &str) = ("이 구간의 영상 자막", "What the video says here");

/// Fills `reply` (a chapter reply's frame) with the no-notes page of `ch`.
pub(super) fn fill(lectern: &Lectern, l: Locale, course: &Course, ch: &Chapter, reply: &mut Reply) {
    let length = ch.end.saturating_sub(ch.start);
    let span = format!(
        "⏱ [{}–{}]({}) · {}",
        format_time(ch.start),
        format_time(ch.end),
        course.link(ch.start),
        duration(l, length)
    );
    let lead = l.pick(
        "이 챕터의 노트는 아직 없어요. 영상에서 바로 볼 수 있어요.",
        "No notes for this chapter yet; you can watch it right away.",
    );
    reply.text = format!("{lead}\n{span}");
    let said = caption_lines(course, ch);
    if !said.is_empty() {
        let lines: Vec<String> = said
            .iter()
            .map(|(at, text)| format!("[▶ {}]({}) “{text}”", format_time(*at), course.link(*at)))
            .collect();
        reply.fields.push(Field {
            name: l.pick(SAID.0, SAID.1).into(),
            value: lines.join("\n"),
            inline: false,
        });
    }
    let near = nearest_with_notes(course, ch);
    if !near.is_empty() {
        let lines: Vec<String> = near
            .iter()
            .map(|c| match l {
                Locale::Ko => format!(
                    "• {}장 「{}」 ({})",
                    c.number,
                    c.title_ko,
                    format_time(c.start)
                ),
                Locale::En => format!(
                    "• Chapter {}, “{}” ({})",
                    c.number,
                    c.title,
                    format_time(c.start)
                ),
            })
            .collect();
        reply.fields.push(Field {
            name: l
                .pick("노트가 있는 가까운 챕터", "Nearest chapters with notes")
                .into(),
            value: lines.join("\n"),
            inline: false,
        });
        let course_arg = super::resolve::course_arg(lectern, course);
        for c in near {
            let command = Command::Summary {
                course: course_arg.clone(),
                chapter: c.number.to_string(),
            };
            // A neighbour is often the previous or next chapter: one button.
            let offered = reply
                .buttons
                .iter()
                .any(|b| matches!(b, Button::Run { command: shown, .. } if *shown == command));
            if !offered {
                reply.buttons.push(Button::Run {
                    label: match l {
                        Locale::Ko => format!("📝 {}장 요약", c.number),
                        Locale::En => format!("📝 Ch. {} summary", c.number),
                    },
                    command,
                });
            }
        }
    }
    reply.fields.push(Field {
        name: l.pick("노트 더하기", "Adding notes").into(),
        value: match l {
            Locale::Ko => format!(
                "강의 폴더에 이 챕터의 파일(front matter에 `chapter: {}`, 그리고 `## 요약`, `## 핵심 포인트`, `## 전체 번역`)을 넣고 `lectern check`로 확인하세요. 실행 중인 봇은 1초 안에 반영해요.",
                ch.number
            ),
            Locale::En => format!(
                "Drop a file for this chapter into the course folder (`chapter: {}` in its front matter, then `## 요약`, `## 핵심 포인트`, `## 전체 번역`), and check it with `lectern check`. A running bot picks it up within a second.",
                ch.number
            ),
        },
        inline: false,
    });
}

/// `5분 50초`, `1시간 2분`, `5 min 50 s`: a length as people say it.
pub(super) fn duration(l: Locale, seconds: Seconds) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let units = match l {
        Locale::Ko => ["시간", "분", "초"],
        Locale::En => [" h", " min", " s"],
    };
    let parts: Vec<String> = [h, m, s]
        .iter()
        .zip(units)
        .filter(|(n, _)| **n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    if parts.is_empty() {
        format!("0{}", units[2])
    } else {
        parts.join(" ")
    }
}

/// The closest chapter with notes before `ch` and the closest after it.
fn nearest_with_notes<'a>(course: &'a Course, ch: &Chapter) -> Vec<&'a Chapter> {
    let before = course
        .chapters
        .iter()
        .rev()
        .find(|c| c.number < ch.number && c.notes.is_some());
    let after = course
        .chapters
        .iter()
        .find(|c| c.number > ch.number && c.notes.is_some());
    before.into_iter().chain(after).collect()
}

/// Up to [`CAPTION_LINES`] caption windows of the chapter's span, in time
/// order: those sharing the most words with the chapter's titles, else the
/// first ones. Empty when the course has no captions there. Its own scorer,
/// not the search's passage scoring: a page about a chapter wants the lines
/// that say the chapter's name, and the search's densest passages for the
/// titles often don't (see the test
/// `caption_lines_say_the_chapters_name_where_the_video_does`).
fn caption_lines(course: &Course, ch: &Chapter) -> Vec<(Seconds, String)> {
    let Some(captions) = &course.captions else {
        return Vec::new();
    };
    let (from, to) = (u64::from(ch.start) * 1000, u64::from(ch.end) * 1000);
    let title_words: Vec<String> = [&ch.title, &ch.title_ko]
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    let mut span: Vec<(usize, usize, &str, u64)> = captions
        .windows
        .iter()
        .filter(|w| w.start_ms >= from && w.start_ms < to && !w.text.trim().is_empty())
        .enumerate()
        .map(|(i, w)| {
            let text = w.text.to_lowercase();
            let shared = title_words
                .iter()
                .filter(|t| text.contains(t.as_str()))
                .count();
            (shared, i, w.text.as_str(), w.start_ms)
        })
        .collect();
    span.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    span.truncate(CAPTION_LINES);
    span.sort_by_key(|s| s.1);
    span.into_iter()
        .map(|(_, _, text, ms)| {
            let seconds = Seconds::try_from(ms / 1000).unwrap_or(Seconds::MAX);
            (
                seconds,
                sanitize_echo(&truncate(text.trim(), CAPTION_CHARS), CAPTION_CHARS * 2),
            )
        })
        .collect()
}
