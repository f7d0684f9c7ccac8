//! `/search query [limit]`: chapters about a topic, each with up to three
//! moments — a snippet with the matched words in bold and a deep link to the
//! second the topic comes up (≈ when estimated).

use super::chapter::watch_button;
use super::command::Command;
use super::reply::{Answer, Button, Field, Reply, Suggestion};
use super::resolve::{self, course_arg, fail, Failure};
use super::spec::Names;
use crate::app::Lectern;
use crate::locale::Locale;
use crate::markdown::{code_span, plain_echo};
use crate::particle::{with, Particle};
use crate::search::MatchField;
use crate::timecode::format_time;

/// Default and largest number of `/search` results.
pub const DEFAULT_SEARCH_LIMIT: usize = 5;
pub const MAX_SEARCH_LIMIT: usize = 10;

pub(super) fn search(
    lectern: &Lectern,
    l: Locale,
    names: Names,
    course: Option<&str>,
    query: &str,
    limit: Option<i64>,
) -> Answer {
    let query = resolve::arg(l, names, "query", query)?;
    // `/search 3:12:00` asks what is said then, not for the words 3 and 12.
    if crate::timecode::is_pasted_moment(query) {
        return super::moment::at(lectern, l, names, course, query);
    }
    let limit = match limit {
        None => DEFAULT_SEARCH_LIMIT,
        Some(n) if (1..=MAX_SEARCH_LIMIT as i64).contains(&n) => n as usize,
        Some(_) => {
            return Err(fail(
                l,
                l.pick("결과 개수가 잘못됐어요", "Invalid limit"),
                &match l {
                    Locale::Ko => format!(
                        "{} 1부터 {MAX_SEARCH_LIMIT} 사이로 정해 주세요.",
                        with(&format!("`{}`", names.option(l, "limit")), Particle::Topic)
                    ),
                    Locale::En => format!("`limit` must be between 1 and {MAX_SEARCH_LIMIT}."),
                },
                Vec::new(),
            ))
        }
    };
    // A named course narrows the search; otherwise every course is searched.
    let scope = match course {
        Some(name) => Some(resolve::course(lectern, l, names, Some(name))?),
        None => None,
    };
    let hits = lectern
        .index
        .search(&lectern.library, query, scope.map(|c| c.id.as_str()), limit);
    let shown_query = plain_echo(query, 80);
    if hits.is_empty() {
        return Err(nothing_found(lectern, l, query, |topic| Command::Search {
            course: course.map(str::to_string),
            query: topic,
            limit: None,
        }));
    }
    let multi = lectern.library.courses.len() > 1;
    let mut reply = Reply {
        title: match l {
            Locale::Ko => format!("🔎 {shown_query} — {}개 챕터", hits.len()),
            Locale::En => format!("🔎 {shown_query} — {} chapter(s)", hits.len()),
        },
        ..Reply::default()
    };
    for hit in &hits {
        let Some(course) = lectern.library.course(&hit.course) else {
            continue;
        };
        let Some(ch) = course.chapter(hit.chapter) else {
            continue;
        };
        if reply.url.is_none() {
            let best = hit.moments.first().map_or(ch.start, |m| m.moment.seconds);
            reply.url = Some(course.link(best));
            reply.color = course.color;
            reply.buttons.push(watch_button(l, course, best));
        }
        let mut name = format!("{}. {} · {}", ch.number, ch.title_ko, ch.title);
        if multi {
            name = format!("[{}] {name}", course.id);
        }
        let lines: Vec<String> = hit
            .moments
            .iter()
            .map(|m| {
                let approx = if m.moment.approximate { "≈" } else { "" };
                let place = field_label(l, m.field);
                format!(
                    "[▶ {approx}{}]({}) {place} — {}",
                    format_time(m.moment.seconds),
                    course.link(m.moment.seconds),
                    m.snippet
                )
            })
            .collect();
        reply.fields.push(Field {
            name,
            value: lines.join("\n"),
            inline: false,
        });
        if reply.buttons.len() < 4 {
            reply.buttons.push(Button::Run {
                label: match l {
                    Locale::Ko => format!("{}장 요약", ch.number),
                    Locale::En => format!("Ch. {} summary", ch.number),
                },
                command: Command::Summary {
                    course: course_arg(lectern, course),
                    chapter: ch.number.to_string(),
                },
            });
        }
    }
    // The ≈ legend only where an estimated moment is shown.
    let estimated = reply.text.contains('≈') || reply.fields.iter().any(|f| f.value.contains('≈'));
    let read = format!("/{}", names.command(l, "read"));
    let full_text = match l {
        Locale::Ko => format!("{} 전체 번역", with(&read, Particle::Toward)),
        Locale::En => format!("{read} for the full text"),
    };
    reply.footer = Some(if estimated {
        format!(
            "{} · {full_text}",
            l.pick("≈ 표시는 추정 시각이에요", "≈ marks an estimated moment")
        )
    } else {
        full_text
    });
    Ok(reply)
}

/// "Nothing found" for `query`, led into a few real topics (in the reader's
/// script first) offered as buttons that ask `again` about each: one lead-in,
/// whatever was typed (`asdfgh`, `@everyone`, emoji).
pub(super) fn nothing_found(
    lectern: &Lectern,
    l: Locale,
    query: &str,
    again: impl Fn(String) -> Command,
) -> Failure {
    let topics = lectern.index.example_topics(3, l == Locale::En);
    let typed_words = query.chars().any(char::is_alphanumeric);
    Box::new(Reply::error(
        l.pick("검색 결과가 없어요", "Nothing found"),
        match (l, typed_words) {
            (Locale::Ko, true) => format!(
                "{}에 대한 내용은 노트에 없어요. 이런 주제를 찾아보세요:",
                code_span(query, 80)
            ),
            (Locale::En, true) => format!(
                "Nothing about {} in the notes. Try one of these topics:",
                code_span(query, 80)
            ),
            (Locale::Ko, false) => "찾을 낱말이 없어요. 이런 주제를 찾아보세요:".to_string(),
            (Locale::En, false) => {
                "There are no words to look for. Try one of these topics:".to_string()
            }
        },
        topics
            .into_iter()
            .take(3)
            .map(|topic| {
                let command = again(topic.clone());
                Suggestion::run(topic, command)
            })
            .collect(),
        "",
    ))
}

fn field_label(l: Locale, field: MatchField) -> &'static str {
    match field {
        MatchField::Title => l.pick("제목", "title"),
        MatchField::KeyPoints => l.pick("핵심 포인트", "key points"),
        MatchField::Summary => l.pick("요약", "summary"),
        MatchField::Translation => l.pick("번역", "translation"),
        MatchField::Captions => l.pick("자막", "captions"),
    }
}
