//! `/summary` and `/keypoints`: one chapter's notes, and the parts every
//! chapter reply shares (title, link, footer, navigation buttons).

use super::command::Command;
use super::reply::{Answer, Button, Field, Reply};
use super::resolve::{self, course_arg};
use super::spec::Names;
use crate::app::Lectern;
use crate::library::{Chapter, Course};
use crate::locale::Locale;
use crate::timecode::format_time;

/// How many key points `/summary` previews.
const KEY_POINT_PREVIEW: usize = 5;

/// The view a chapter reply shows, so its buttons offer the other views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum View {
    Summary,
    KeyPoints,
    Read,
    Link,
}

pub(super) fn summary(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: Option<&str>,
    chapter: &str,
) -> Answer {
    let (course, ch) = resolve::chapter(lectern, l, names, course, chapter)?;
    let mut reply = chapter_reply(lectern, l, course, ch, View::Summary);
    let Some(notes) = &ch.notes else {
        super::no_notes::fill(lectern, l, course, ch, &mut reply);
        return Ok(reply);
    };
    reply.text = if notes.summary.is_empty() {
        l.pick("이 챕터에는 요약이 없어요.", "This chapter has no summary.")
            .to_string()
    } else {
        notes.summary.clone()
    };
    // The overview only with what the summary doesn't already say.
    if let Some(lead) = notes
        .lead_summary
        .as_deref()
        .and_then(|lead| beyond(&reply.text, lead))
    {
        reply.fields.push(Field {
            name: l.pick("개요", "Overview").to_string(),
            value: lead.to_string(),
            inline: false,
        });
    }
    if !notes.key_points.is_empty() {
        let mut lines: Vec<String> = notes
            .key_points
            .iter()
            .take(KEY_POINT_PREVIEW)
            .map(|k| format!("• {}", k.markdown()))
            .collect();
        let more = notes.key_points.len().saturating_sub(KEY_POINT_PREVIEW);
        if more > 0 {
            lines.push(match l {
                Locale::Ko => format!("… 외 {more}개 (`/{}`)", names.command(l, "keypoints")),
                Locale::En => format!("… and {more} more (`/keypoints`)"),
            });
        }
        reply.fields.push(Field {
            name: l.pick("핵심 포인트", "Key points").to_string(),
            value: lines.join("\n"),
            inline: false,
        });
    }
    // Every key point already shown: no button for them.
    if notes.key_points.len() <= KEY_POINT_PREVIEW {
        reply.buttons.retain(|b| {
            !matches!(
                b,
                Button::Run {
                    command: Command::KeyPoints { .. },
                    ..
                }
            )
        });
    }
    Ok(reply)
}

/// What `lead` says beyond `text`: `lead` without a repeat of `text` at its
/// start or end; `None` when that leaves nothing new (compared by letters and
/// digits only).
fn beyond<'a>(text: &str, lead: &'a str) -> Option<&'a str> {
    let (text, lead) = (text.trim(), lead.trim());
    let rest = lead
        .strip_prefix(text)
        .or_else(|| lead.strip_suffix(text))
        .unwrap_or(lead)
        .trim();
    let words = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let rest_words = words(rest);
    (!rest_words.is_empty() && !words(text).contains(&rest_words)).then_some(rest)
}

pub(super) fn key_points(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: Option<&str>,
    chapter: &str,
) -> Answer {
    let (course, ch) = resolve::chapter(lectern, l, names, course, chapter)?;
    let mut reply = chapter_reply(lectern, l, course, ch, View::KeyPoints);
    let Some(notes) = &ch.notes else {
        super::no_notes::fill(lectern, l, course, ch, &mut reply);
        return Ok(reply);
    };
    reply.text = if notes.key_points.is_empty() {
        l.pick(
            "이 챕터에는 핵심 포인트가 없어요.",
            "This chapter has no key points.",
        )
        .to_string()
    } else {
        let heading = l.pick("**핵심 포인트**", "**Key points**");
        let items: Vec<String> = notes
            .key_points
            .iter()
            .map(|k| format!("• {}", k.markdown()))
            .collect();
        format!("{heading}\n{}", items.join("\n"))
    };
    Ok(reply)
}

pub(super) fn no_notes(l: Locale) -> &'static str {
    l.pick(
        "이 챕터의 노트는 아직 준비되지 않았어요. 영상에서 바로 보실 수 있어요.",
        "Notes for this chapter are not available yet. You can watch it right away.",
    )
}

/// `21. 앞으로의 전망 · Preview of Things to Come` (English first for `en`).
pub(super) fn chapter_title(l: Locale, ch: &Chapter) -> String {
    let (first, second) = match l {
        Locale::Ko => (&ch.title_ko, &ch.title),
        Locale::En => (&ch.title, &ch.title_ko),
    };
    if first == second {
        format!("{}. {first}", ch.number)
    } else {
        format!("{}. {first} · {second}", ch.number)
    }
}

/// `▶ 3:09:39부터 보기`.
pub(super) fn watch_button(l: Locale, course: &Course, seconds: u32) -> Button {
    let t = format_time(seconds);
    Button::Link {
        label: match l {
            Locale::Ko => format!("▶ {t}부터 보기"),
            Locale::En => format!("▶ Watch from {t}"),
        },
        url: course.link(seconds),
    }
}

/// The shared frame of a chapter reply: title, link, footer, colour, and the
/// buttons to watch, move to the previous/next chapter and switch views.
pub(super) fn chapter_reply(
    lectern: &Lectern,
    l: Locale,
    course: &Course,
    ch: &Chapter,
    view: View,
) -> Reply {
    let position = course.index_of(ch.number).unwrap_or(0);
    let total = course.chapters.len();
    let footer = match l {
        Locale::Ko => format!(
            "{} · 챕터 {}/{total} · {}",
            course.title_ko,
            position + 1,
            format_time(ch.start)
        ),
        Locale::En => format!(
            "{} · Chapter {}/{total} · {}",
            course.title,
            position + 1,
            format_time(ch.start)
        ),
    };
    let c = course_arg(lectern, course);
    let chapter = ch.number.to_string();
    let mut buttons = vec![watch_button(l, course, ch.start)];
    let make = |number: u32| -> Command {
        let chapter = number.to_string();
        match view {
            View::KeyPoints => Command::KeyPoints {
                course: c.clone(),
                chapter,
            },
            View::Read => Command::Read {
                course: c.clone(),
                chapter,
                page: None,
            },
            View::Summary | View::Link => Command::Summary {
                course: c.clone(),
                chapter,
            },
        }
    };
    if let Some(prev) = position.checked_sub(1).and_then(|i| course.chapters.get(i)) {
        buttons.push(Button::Run {
            label: match l {
                Locale::Ko => format!("◀ {}장", prev.number),
                Locale::En => format!("◀ Ch. {}", prev.number),
            },
            command: make(prev.number),
        });
    }
    if let Some(next) = course.chapters.get(position + 1) {
        buttons.push(Button::Run {
            label: match l {
                Locale::Ko => format!("{}장 ▶", next.number),
                Locale::En => format!("Ch. {} ▶", next.number),
            },
            command: make(next.number),
        });
    }
    let has_notes = ch.notes.is_some();
    let readable = ch.notes.as_ref().is_some_and(|n| n.has_body());
    if view != View::Summary && has_notes {
        buttons.push(Button::Run {
            label: l.pick("요약", "Summary").to_string(),
            command: Command::Summary {
                course: c.clone(),
                chapter: chapter.clone(),
            },
        });
    }
    let has_key_points = ch.notes.as_ref().is_some_and(|n| !n.key_points.is_empty());
    if view != View::KeyPoints && has_key_points {
        buttons.push(Button::Run {
            label: l.pick("핵심 포인트", "Key points").to_string(),
            command: Command::KeyPoints {
                course: c.clone(),
                chapter: chapter.clone(),
            },
        });
    }
    if view != View::Read && readable {
        buttons.push(Button::Run {
            label: l.pick("전체 번역 읽기", "Read").to_string(),
            command: Command::Read {
                course: c,
                chapter,
                page: None,
            },
        });
    }
    buttons.push(watched_button(l, course_arg(lectern, course), ch.number));
    Reply {
        title: chapter_title(l, ch),
        url: Some(course.link(ch.start)),
        footer: Some(footer),
        color: course.color,
        buttons,
        ..Reply::default()
    }
}

/// The "✅ 봤어요" button chapter replies carry: `/watched` for whoever presses it.
fn watched_button(l: Locale, course: Option<String>, chapter: u32) -> Button {
    Button::Run {
        label: l.pick("✅ 봤어요", "✅ Watched").to_string(),
        command: Command::Watched {
            course,
            chapter: chapter.to_string(),
        },
    }
}
