//! `/help`: what Lectern can do, with an example for each command (the
//! help rows of the command table).

use super::reply::{Answer, Field, Reply};
use super::slash_words::localize_line;
use super::spec::{Names, HIDE};
use crate::app::Lectern;
use crate::locale::Locale;

pub(super) fn help(lectern: &Lectern, l: Locale, names: Names) -> Answer {
    let fields = names
        .all()
        .filter_map(|c| c.help)
        .map(|row| Field {
            name: format!("`{}`", localize_line(l, names, row.example)),
            value: l.pick(row.ko, row.en).to_string(),
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
        footer: Some(match l {
            Locale::Ko => format!(
                "시각은 3:12:00, 192:00, 11520, 3h12m, 4832초, 유튜브 링크 모두 OK · {}:true로 나만 보기",
                HIDE.ko
            ),
            Locale::En => format!(
                "Times: 3:12:00, 192:00, 11520, 3h12m or a YouTube link · {}:true to keep an answer to yourself",
                HIDE.name
            ),
        }),
        color: lectern.library.courses.first().and_then(|c| c.color),
        ..Reply::default()
    })
}
