//! Which passage a hit links to, on tiny courses of our own:
//! - a glossary name of several words said with particles and verb endings
//!   (`동전 던지기` said `편향된 동전을 던질`) counts as the whole name, so its
//!   paragraph beats one saying a sibling name in full;
//! - a name of several words is said where its words stand in its order
//!   (`생각하는 모델`, a model that thinks), not reversed (`모델이 생각하는`,
//!   how a model thinks).

use lectern::library::Library;
use lectern::search::{Glossary, SearchIndex};

const COURSE: &str = r#"id: coins
title: "Coins"
title_ko: "동전"
video: "abcdefghijk"
duration: "0:10:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Sampling"
    title_ko: "샘플링"
"#;

/// The paragraphs of chapter 1, said a minute apart from 0:00.
const COINS: &[&str] = &[
    "오늘은 다음 토큰을 고르는 이야기를 합니다.",
    "이제 편향된 동전을 던질 수 있습니다. 확률이 높은 토큰이 더 자주 나옵니다.",
    "이 시스템은 확률적 시스템입니다. 동전 이야기는 앞에서 했습니다.",
];

const THINKING: &[&str] = &[
    "훈련이 길어지면 모델이 생각하는 방법을 스스로 배웁니다. 어떤 모델은 빠르고 어떤 모델은 느립니다. 큰 모델은 더 그렇습니다.",
    "요즘은 생각하는 아주 큰 모델이 답하기 전에 오래 고민합니다.",
];

const GLOSSARY: &str = r#"concepts:
  - en: ["coin flip", "stochastic system"]
    ko: ["동전 던지기", "확률적 시스템"]
  - en: ["thinking model"]
    ko: ["생각하는 모델"]
"#;

/// Chapter 1's file: its `paragraphs` said a minute apart from 0:00.
fn chapter(paragraphs: &[&str]) -> String {
    let body: String = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| format!("[{i}:00] {p}\n\n"))
        .collect();
    format!(
        "---\ntitle: \"1. Sampling\"\ntitleKr: \"1. 샘플링\"\nchapter: 1\n---\n\n\
         ## 요약\n\n다음 토큰을 고르는 법.\n\n## 전체 번역\n\n{body}"
    )
}

fn course(paragraphs: &[&str]) -> (Library, SearchIndex) {
    let text = chapter(paragraphs);
    let files = [("course.yaml", COURSE), ("01.md", text.as_str())];
    let glossary = Glossary::parse(GLOSSARY).expect("glossary parses");
    let (library, index) = crate::support::tiny_course("coins", &files, &glossary);
    assert_eq!(library.courses.len(), 1, "{:?}", library.diagnostics);
    (library, index)
}

#[test]
fn a_glossary_name_said_with_endings_counts_as_the_whole_name() {
    let (library, index) = course(COINS);
    let hits = index.search(&library, "동전 던지기", None, 5);
    let m = &hits[0].moments[0];
    assert_eq!(m.moment.seconds, 60, "{hits:?}");
    assert!(m.snippet.contains("**던질**"), "{}", m.snippet);
}

#[test]
fn a_name_of_several_words_is_said_in_its_order() {
    let (library, index) = course(THINKING);
    let hits = index.search(&library, "생각하는 모델", None, 5);
    let m = &hits[0].moments[0];
    assert_eq!(m.moment.seconds, 60, "{hits:?}");
}
