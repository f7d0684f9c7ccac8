//! `/help`: what Lectern can do, with an example for each command.

use super::{Answer, Field, Locale, Reply};
use crate::data::Lectern;

pub(super) fn help(lectern: &Lectern, l: Locale) -> Answer {
    let rows: [(&str, &str, &str); 8] = [
        (
            "/chapters",
            "목차: 챕터 번호, 제목, 시작 시각과 링크",
            "Table of contents: numbers, titles, start times and links",
        ),
        (
            "/summary chapter:21",
            "챕터 요약과 핵심 포인트 (`전망`, `preview`처럼 제목으로도)",
            "A chapter's summary and key points (by title too: `preview`, `전망`)",
        ),
        (
            "/keypoints chapter:21",
            "챕터의 핵심 포인트 전체",
            "All key points of a chapter",
        ),
        (
            "/read chapter:21 page:1",
            "전체 번역을 쪽 단위로 읽기",
            "Read the full translation, page by page",
        ),
        (
            "/search query:에이전트",
            "주제 검색: 영어/한국어, 오타, 조사, 초성(ㅇㅇㅈㅌ)도 OK",
            "Topic search: English or Korean, typos, particles, 초성 (ㅇㅇㅈㅌ)",
        ),
        (
            "/at time:3:12:00",
            "그 시각이 어느 챕터인지와 바로가기 링크",
            "Which chapter covers a moment, with a link",
        ),
        (
            "/link chapter:21 at:+2:30",
            "공유용 링크 (챕터 시작, 오프셋, 또는 절대 시각)",
            "A link to share (chapter start, an offset, or a time)",
        ),
        ("/help", "이 도움말", "This help"),
    ];
    let fields = rows
        .iter()
        .map(|(usage, ko, en)| Field {
            name: format!("`{usage}`"),
            value: l.pick(ko, en).to_string(),
            inline: false,
        })
        .collect();
    let courses: Vec<String> = lectern
        .library
        .courses
        .iter()
        .map(|c| match l {
            Locale::Ko => format!("**{}** — {}장", c.title_ko, c.chapters.len()),
            Locale::En => format!("**{}** — {} chapters", c.title, c.chapters.len()),
        })
        .collect();
    let intro = l.pick(
        "강의 노트를 채팅으로: 요약, 핵심 포인트, 전체 번역, 그리고 주제가 나오는 영상의 바로 그 순간.",
        "Lecture notes in chat: summaries, key points, the full translation, and the exact moment in the video a topic comes up.",
    );
    Ok(Reply {
        title: l.pick("Lectern 도움말", "Lectern help").to_string(),
        text: format!("{intro}\n\n{}", courses.join("\n")),
        fields,
        footer: Some(
            l.pick(
                "시각은 3:12:00, 192:00, 11520, 3h12m 모두 OK · hide:true 로 나만 보기",
                "Times: 3:12:00, 192:00, 11520 or 3h12m · hide:true to keep an answer to yourself",
            )
            .to_string(),
        ),
        color: lectern.library.courses.first().and_then(|c| c.color),
        ..Reply::default()
    })
}
