//! Whatever is typed — any Unicode, control characters, emoji, combining
//! marks, stray jamo, 10,000-character pastes — search, autocomplete and
//! chapter lookup never panic and stay within their limits (≤ 25 choices,
//! names and values ≤ 100 characters, ≤ 3 moments a hit, ≤ 3 suggestions).
//!
//! Runs on the shared corpus when present, else on a one-chapter library.

use std::path::PathBuf;
use std::sync::OnceLock;

use lectern::library::{load_library, Library, LoadOptions};
use lectern::search::{ChapterMatch, Glossary, MatchField, SearchIndex};
use proptest::prelude::*;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/deep-dive-llms/kr-translated-v1"
);
const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/config/glossary.yaml");

const FALLBACK: &str = r#"---
title: "1. Agents"
titleKr: "1. 에이전트"
chapter: 1
sourceUrl: "https://www.youtube.com/watch?v=abcdefghijk&t=0s"
---

## 요약

에이전트와 멀티모달(multimodal) 모델을 설명합니다.

## 핵심 포인트

- 에이전트: 장시간 자율 작업

## 전체 번역

[0:00] 에이전트는 오랜 시간 스스로 작업합니다. 환각도 여전히 문제입니다.
"#;

struct Fixture {
    library: Library,
    index: SearchIndex,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let corpus = PathBuf::from(CORPUS);
        let library = if corpus.is_dir() {
            load_library(&[corpus], LoadOptions::default())
        } else {
            let tmp = crate::support::tempdir();
            let dir = tmp.path();
            std::fs::create_dir_all(dir.join("c")).expect("temp dir");
            std::fs::write(dir.join("c").join("01.md"), FALLBACK).expect("write");
            load_library(&[dir.to_path_buf()], LoadOptions::default())
        };
        let glossary = std::fs::read_to_string(GLOSSARY)
            .ok()
            .and_then(|t| Glossary::parse(&t).ok())
            .unwrap_or_default();
        let index = SearchIndex::build(&library, &glossary);
        Fixture { library, index }
    })
}

fn check(input: &str) {
    let f = fixture();
    let hits = f.index.search(&f.library, input, None, 5);
    assert!(hits.len() <= 5);
    for h in &hits {
        assert!(!h.moments.is_empty() && h.moments.len() <= 3, "{input:?}");
        // The first moment is the best passage (of the translation, or of
        // the captions the corpus keeps beside the notes), or the matching
        // field itself when neither says the query.
        let first = h.moments[0].field;
        assert!(
            first == h.field || first == MatchField::Translation || first == MatchField::Captions,
            "{input:?}"
        );
        for m in &h.moments {
            assert!(m.snippet.chars().count() <= 220, "{:?}", m.snippet);
            assert!(!m.snippet.chars().any(char::is_control), "{:?}", m.snippet);
        }
    }
    let course_id = f.library.courses.first().map(|c| c.id.clone());
    for course in [None, course_id.as_deref(), Some(input)] {
        let topics = f.index.suggest_topics(&f.library, input, course);
        let chapters = f.index.suggest_chapters(&f.library, input, course);
        for list in [&topics, &chapters] {
            assert!(list.len() <= 25);
            for s in list.iter() {
                assert!(s.name.chars().count() <= 100, "{:?}", s.name);
                assert!(s.value.chars().count() <= 100, "{:?}", s.value);
                assert!(!s.name.is_empty() && !s.value.is_empty());
            }
        }
    }
    if let Some(course) = f.library.courses.first() {
        match f.index.find_chapter(course, input) {
            ChapterMatch::Found(n) => assert!(course.chapter(n).is_some()),
            ChapterMatch::NotFound { suggestions } => assert!(suggestions.len() <= 3),
        }
    }
}

/// Text made of what people (and accidents) put in chat.
fn messy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[가-힣]{1,6}",
        "[ㄱ-ㅣ]{1,5}",
        "[\u{1100}-\u{11FF}]{1,4}",
        "[a-zA-Z0-9]{1,10}",
        "[\u{300}-\u{36F}]{1,3}",
        "[\u{1F300}-\u{1F64F}]{1,2}",
        "[\u{0}-\u{1F}\u{7F}\u{200B}-\u{200F}\u{FEFF}]{1,3}",
        "[ .,:;()\\-_/*#@<>\\[\\]`~|]{1,3}",
        "(에이전트|환각|강화학습|멀티 모달|agents|halucination|ㅇㅇㅈㅌ|21장|ch3|GPT-2|9.11)",
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_messy_text(s in messy()) {
        check(&s);
    }

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        check(&s);
    }
}

#[test]
fn never_panics_on_huge_input() {
    for unit in [
        "가",
        "ㅋ",
        "a",
        "에이전트 ",
        "😀",
        "e\u{301}",
        "\u{0}",
        "ᄀ",
        "agents halucination 강화학습에서 ",
    ] {
        let s = unit.repeat(10_000 / unit.chars().count());
        check(&s);
    }
}
