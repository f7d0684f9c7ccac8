//! A Korean spelling of an English word finds the notes that keep the word
//! in English, on a tiny course of our own: `에폭` and `애포크` (typed by
//! ear) find the chapter that says `epoch`, `잼마` the one that says
//! `Gemma`, with the English word bold in the snippet; a native word the
//! course does not hold (`모두`, `다음`) finds nothing, though the course
//! says `model` and `time`.

use lectern::library::Library;
use lectern::search::{Glossary, SearchIndex};

const COURSE: &str = r#"id: sounds
title: "Sounds"
title_ko: "소리"
video: "abcdefghijk"
duration: "0:30:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Training loop"
    title_ko: "학습 루프"
  - number: 2
    start: "0:10:00"
    title: "Open models"
    title_ko: "공개 모델"
  - number: 3
    start: "0:20:00"
    title: "Collecting data"
    title_ko: "데이터 수집"
"#;

fn chapter(n: u32, title: &str, text: &str) -> String {
    super::chapter_file(n, title, "요약입니다.", &["핵심입니다"], text)
}

fn course() -> (Library, SearchIndex) {
    let chapters = [
        chapter(
            1,
            "학습 루프",
            "학습은 같은 데이터를 여러 epoch 동안 반복합니다.",
        ),
        chapter(2, "공개 모델", "Gemma 같은 공개 model 을 내려받아 씁니다."),
        chapter(
            3,
            "데이터 수집",
            "사람이 하나씩 확인하는 데 time 이 걸립니다.",
        ),
    ];
    let files = [
        ("course.yaml", COURSE),
        ("01.md", chapters[0].as_str()),
        ("02.md", chapters[1].as_str()),
        ("03.md", chapters[2].as_str()),
    ];
    let (library, index) = crate::support::tiny_course("sounds", &files, &Glossary::default());
    assert_eq!(library.courses.len(), 1, "{:?}", library.diagnostics);
    (library, index)
}

#[test]
fn a_korean_spelling_by_ear_finds_the_english_word_of_the_notes() {
    let (library, index) = course();
    for (query, chapter, word) in [
        ("에폭", 1, "**epoch**"),
        ("애포크", 1, "**epoch**"),
        ("에포크는", 1, "**epoch**"),
        ("잼마", 2, "**Gemma**"),
    ] {
        let hits = index.search(&library, query, None, 5);
        let first = hits.first();
        assert_eq!(first.map(|h| h.chapter), Some(chapter), "{query}: {hits:?}");
        let snippet = first
            .and_then(|h| h.moments.first())
            .map(|m| m.snippet.as_str())
            .unwrap_or_default();
        assert!(snippet.contains(word), "{query}: {snippet}");
    }
}

#[test]
fn a_native_word_the_course_does_not_hold_finds_nothing_by_sound() {
    let (library, index) = course();
    for query in ["모두", "다음"] {
        let hits = index.search(&library, query, None, 5);
        assert!(hits.is_empty(), "{query}: {hits:?}");
        assert!(index.sounds_like(query).is_empty(), "{query}");
    }
    assert_eq!(index.sounds_like("애포크"), ["epoch"]);
}
