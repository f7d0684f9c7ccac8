//! `/read chapter [page]`: the full translation, a page at a time.
//!
//! Pages hold at most [`PAGE_CHARS`] characters and end between paragraphs,
//! sentences or words; each page links to the moment it starts. A sentence
//! a note broke at a time marker is joined back for reading.

use super::chapter::{chapter_reply, no_notes, watch_button, View};
use super::command::Command;
use super::reply::{Answer, Button};
use super::resolve::{self, course_arg, fail};
use super::spec::Names;
use crate::app::Lectern;
use crate::cut::{mend_broken_sentences, paginate};
use crate::library::BodyKind;
use crate::locale::Locale;
use crate::particle::{with, Particle};
use crate::timecode::format_time;

/// Largest page of `/read`, in characters.
pub const PAGE_CHARS: usize = 4000;

pub(super) fn read(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: Option<&str>,
    chapter: &str,
    page: Option<i64>,
) -> Answer {
    let (course, ch) = resolve::chapter(lectern, l, names, course, chapter)?;
    let mut reply = chapter_reply(lectern, l, course, ch, View::Read);
    let notes = match &ch.notes {
        None => {
            super::no_notes::fill(lectern, l, course, ch, &mut reply);
            return Ok(reply);
        }
        Some(n) if !n.has_body() => {
            reply.text = l
                .pick(
                    "이 챕터의 전체 번역은 아직 준비되지 않았어요. 요약과 핵심 포인트는 볼 수 있어요.",
                    "The full translation of this chapter is not available yet. The summary and key points are.",
                )
                .to_string();
            return Ok(reply);
        }
        Some(n) => n,
    };
    let pages = paginate(&notes.body_text(), PAGE_CHARS);
    let total = pages.len().max(1);
    let wanted = page.unwrap_or(1);
    let index = match usize::try_from(wanted) {
        Ok(p) if (1..=total).contains(&p) => p - 1,
        _ => {
            return Err(fail(
                l,
                l.pick("없는 페이지예요", "No such page"),
                &match (l, total) {
                    (Locale::Ko, 1) => format!(
                        "{}장의 번역은 한 쪽뿐이에요. {} 빼고 다시 해 보세요.",
                        ch.number,
                        with(&format!("`{}`", names.option(l, "page")), Particle::Object)
                    ),
                    (Locale::En, 1) => format!(
                        "Chapter {}'s translation fits on one page. Try again without `page`.",
                        ch.number
                    ),
                    (Locale::Ko, _) => format!(
                        "{}장의 번역은 {total}쪽까지 있어요. 1–{total} 사이의 쪽을 골라 주세요.",
                        ch.number
                    ),
                    (Locale::En, _) => format!(
                    "Chapter {}'s translation has {total} pages. Pick a page from 1 to {total}.",
                    ch.number
                ),
                },
                Vec::new(),
            ))
        }
    };
    let Some(current) = pages.get(index) else {
        reply.text = no_notes(l).to_string();
        return Ok(reply);
    };
    let moment = ch.moment_at(current.start);
    let approx = if moment.approximate { "≈" } else { "" };
    reply.url = Some(course.link(moment.seconds));
    reply.text = mend_broken_sentences(&current.text);
    if notes.body_kind == BodyKind::Transcript {
        reply.text = format!(
            "{}\n\n{}",
            l.pick(
                "(한국어 번역이 없어 영어 원문을 보여 드려요.)",
                "(No Korean translation yet; showing the English transcript.)"
            ),
            reply.text
        );
    }
    let page_label = match l {
        Locale::Ko => format!(
            "{}/{total}쪽 · {approx}{}부터",
            index + 1,
            format_time(moment.seconds)
        ),
        Locale::En => format!(
            "Page {} of {total} · from {approx}{}",
            index + 1,
            format_time(moment.seconds)
        ),
    };
    reply.footer = Some(match reply.footer.take() {
        Some(f) => format!("{f} · {page_label}"),
        None => page_label,
    });
    // Replace the chapter-start watch button with one for this page's moment,
    // and offer page turns before the chapter navigation.
    reply.buttons.retain(|b| !matches!(b, Button::Link { .. }));
    let c = course_arg(lectern, course);
    let mut buttons = vec![watch_button(l, course, moment.seconds)];
    let turn = |p: usize, label: String| Button::Run {
        label,
        command: Command::Read {
            course: c.clone(),
            chapter: ch.number.to_string(),
            page: Some(p as i64),
        },
    };
    if index > 0 {
        buttons.push(turn(
            index,
            l.pick("◀ 이전 쪽", "◀ Previous page").to_string(),
        ));
    }
    if index + 1 < total {
        buttons.push(turn(
            index + 2,
            l.pick("다음 쪽 ▶", "Next page ▶").to_string(),
        ));
    }
    buttons.append(&mut reply.buttons);
    reply.buttons = buttons;
    Ok(reply)
}
