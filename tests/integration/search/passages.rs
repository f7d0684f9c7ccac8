//! Passages are the unit of search: the video's caption windows are found
//! at the second they are said, a paragraph counts for the chapter it is
//! said in (by its aligned time), and a link is exact only when anchored.
//! On a tiny course of our own (captions included) and on the real v1 notes.

use lectern::library::{Chapter, Course, Library, Moment, Notes, Paragraph, Spoken};
use lectern::search::{Glossary, MatchField, SearchIndex};

const COURSE: &str = r#"id: talk
title: "A Talk"
title_ko: "강연"
video: "abcdefghijk"
duration: "0:30:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Agents"
    title_ko: "에이전트"
  - number: 2
    start: "0:10:00"
    title: "Rewards"
    title_ko: "보상"
"#;

const CH1: &str = r#"---
title: "1. Agents"
titleKr: "1. 에이전트"
chapter: 1
---

## 요약

에이전트가 스스로 일하는 방향.

## 전체 번역

[0:00] 오늘은 모델이 이미지를 보는 이야기부터 합니다.

[1:00] 에이전트는 오랜 시간 스스로 작업합니다.
"#;

const CH2: &str = r#"---
title: "2. Rewards"
titleKr: "2. 보상"
chapter: 2
---

## 요약

보상으로 학습합니다.

## 전체 번역

[10:00] 보상 모델은 답마다 점수를 매깁니다.
"#;

/// Our own captions: what is said, with times (not the notes' words).
const VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:09.000
today we look at models that see pictures.

00:01:10.000 --> 00:01:16.000
agents work for hours on their own.

00:10:30.000 --> 00:10:36.000
a separate network scores every answer.

00:12:40.000 --> 00:12:47.000
the pelican joke was actually funny.
";

const GLOSSARY: &str = r#"concepts:
  - en: ["agent", "agents"]
    ko: ["에이전트"]
  - en: ["pelican"]
    ko: ["펠리컨"]
"#;

fn talk() -> (Library, SearchIndex) {
    let files = [
        ("course.yaml", COURSE),
        ("01.md", CH1),
        ("02.md", CH2),
        ("captions/talk.en.vtt", VTT),
    ];
    let glossary = Glossary::parse(GLOSSARY).expect("glossary parses");
    crate::support::tiny_captioned_course("talk", &files, &glossary)
}

#[test]
fn an_english_query_finds_the_second_the_words_are_said() {
    let (library, index) = talk();
    let hits = index.search(&library, "pictures", None, 5);
    let m = &hits[0].moments[0];
    assert_eq!((hits[0].chapter, m.moment), (1, Moment::exact(5)));
    assert_eq!(m.field, MatchField::Captions);
    assert!(m.snippet.contains("**pictures**"), "{}", m.snippet);
    // A window counts for the chapter whose span holds its start.
    let hits = index.search(&library, "separate network", None, 5);
    assert_eq!(hits[0].chapter, 2);
    assert_eq!(hits[0].moments[0].moment, Moment::exact(630));
}

#[test]
fn a_korean_query_reaches_the_captions_through_the_glossary() {
    let (library, index) = talk();
    // Nothing in the notes says 펠리컨: the captions do, in English.
    let hits = index.search(&library, "펠리컨", None, 5);
    let m = &hits[0].moments[0];
    assert_eq!((hits[0].chapter, m.moment), (2, Moment::exact(760)));
    assert!(m.snippet.contains("**pelican**"), "{}", m.snippet);
    // The notes say 에이전트 as well as the captions' "agents": the Korean
    // paragraph is what the reply shows.
    let hits = index.search(&library, "에이전트", None, 5);
    let m = &hits[0].moments[0];
    assert_eq!(m.field, MatchField::Translation);
    assert!(m.snippet.contains("**에이전트**"), "{}", m.snippet);
}

fn paragraph(text: &str, offset: usize, spoken: Option<Spoken>) -> Paragraph {
    Paragraph {
        text: text.to_string(),
        line: 1,
        offset,
        spoken,
    }
}

fn chapter(number: u32, start: u32, end: u32, body: Vec<Paragraph>) -> Chapter {
    let body_chars = body.last().map_or(0, |p| p.offset + p.text.chars().count());
    Chapter {
        number,
        title: format!("Chapter {number}"),
        title_ko: format!("{number}장"),
        aliases: Vec::new(),
        start,
        end,
        notes: Some(Notes {
            body,
            body_chars,
            ..Notes::default()
        }),
        written_markers: Vec::new(),
    }
}

/// Chapter 1's file holds a paragraph about 펠리컨 said at `spoken`.
fn misplaced(spoken: Spoken) -> Library {
    let first = "첫 장은 학습 데이터를 다룹니다.";
    let moved = "펠리컨 농담을 만들어 보라고 합니다.";
    let ch1 = chapter(
        1,
        0,
        600,
        vec![
            paragraph(first, 0, None),
            paragraph(moved, first.chars().count() + 2, Some(spoken)),
        ],
    );
    let ch2 = chapter(
        2,
        600,
        1200,
        vec![paragraph("둘째 장은 보상입니다.", 0, None)],
    );
    Library {
        courses: vec![Course {
            id: "talk".into(),
            title: "A Talk".into(),
            title_ko: "강연".into(),
            author: None,
            video_id: "abcdefghijk".into(),
            duration: 1200,
            duration_known: true,
            color: None,
            chapters: vec![ch1, ch2],
            folder: String::new(),
            captions: None,
        }],
        diagnostics: Vec::new(),
    }
}

#[test]
fn a_paragraph_counts_for_the_chapter_it_is_said_in() {
    let said = Spoken {
        start: 700,
        end: 730,
        confidence: 0.9,
    };
    let library = misplaced(said);
    let index = SearchIndex::build(&library, &Glossary::default());
    let hits = index.search(&library, "펠리컨", None, 5);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].chapter, 2);
    assert_eq!(hits[0].moments[0].moment, Moment::exact(700));
    // Unsure of the time: the paragraph stays with its file, approximate.
    let library = misplaced(Spoken {
        confidence: 0.2,
        ..said
    });
    let index = SearchIndex::build(&library, &Glossary::default());
    let hits = index.search(&library, "펠리컨", None, 5);
    assert_eq!(hits[0].chapter, 1);
    assert!(hits[0].moments[0].moment.approximate);
}

/// Exact times of different paragraphs of one chapter never coincide.
fn exact_times_are_distinct(library: &Library) {
    for course in &library.courses {
        for ch in &course.chapters {
            let Some(notes) = &ch.notes else { continue };
            let mut seen: Vec<(u32, usize)> = Vec::new();
            for (i, p) in notes.body.iter().enumerate() {
                let m = ch.moment_at(p.offset);
                if m.approximate {
                    continue;
                }
                if let Some((_, j)) = seen.iter().find(|(s, _)| *s == m.seconds) {
                    panic!(
                        "chapter {}: paragraphs {j} and {i} both exactly at {}",
                        ch.number, m.seconds
                    );
                }
                seen.push((m.seconds, i));
            }
        }
    }
}

#[test]
fn no_two_paragraphs_collapse_onto_one_exact_time() {
    for captions in [false, true] {
        let Some((_dir, lectern)) =
            crate::support::corpus::lectern_with("kr-translated-v1", captions)
        else {
            return;
        };
        exact_times_are_distinct(&lectern.library);
    }
}

const TOPIC_COURSE: &str = r#"id: topics
title: "Topics"
title_ko: "주제들"
video: "abcdefghijk"
duration: "0:20:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "What comes next"
    title_ko: "앞으로"
"#;

/// Key points as the v1 notes write them: a label, a colon, the details.
const TOPIC_CH1: &str = r#"---
title: "1. What comes next"
titleKr: "1. 앞으로"
chapter: 1
---

## 요약

앞으로 올 것들.

## 핵심 포인트

- 멀티모달: 이미지, 오디오, 비디오
- 긴 작업은 에이전트가 맡음

## 전체 번역

[0:00] 오늘은 앞으로 올 것들을 봅니다.

[1:00] 첫째로 모델은 이미지, 오디오, 비디오를 함께 다루는 멀티모달 모델이 됩니다.

[5:00] 그러다 오래 걸리는 멀티모달 작업이 생기면 컨텍스트가 길어집니다.

[5:30] 멀티모달 입력은 토큰이 많습니다.
"#;

#[test]
fn a_key_point_that_names_the_topic_links_where_it_is_said() {
    // Loaded as `lectern` loads a folder: key points are given the
    // paragraph they are said in.
    let tmp = crate::support::tempdir();
    let folder = tmp.path().join("topics");
    std::fs::create_dir_all(&folder).expect("temp course folder");
    for (name, text) in [("course.yaml", TOPIC_COURSE), ("01.md", TOPIC_CH1)] {
        std::fs::write(folder.join(name), text).expect("write the course");
    }
    let lectern = crate::support::load_with_index(&folder);
    let (library, index) = (&lectern.library, &lectern.index);
    // 5:00 mentions 멀티모달 amid more talk of it; 1:00 is where the key
    // point `멀티모달: …` is said, so that is where the topic is explained.
    let hits = index.search(library, "멀티모달", None, 5);
    let m = &hits[0].moments[0];
    assert_eq!(m.moment, Moment::exact(60), "{hits:?}");
    assert!(m.snippet.contains("**멀티모달**"), "{}", m.snippet);
}
