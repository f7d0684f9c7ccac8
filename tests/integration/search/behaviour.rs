//! The search engine's promises, on a tiny library written to a temporary
//! folder (so they hold without the shared corpus): English ↔ Korean through
//! the glossary, particles, typos in both scripts, 초성, spacing and case,
//! nothing for nonsense, snippets and moments, autocomplete limits, and
//! resolving chapter names.

use std::sync::OnceLock;

use lectern::library::{load_library, Library, LoadOptions, Moment};
use lectern::search::{extract_pairs, ChapterMatch, Glossary, MatchField, SearchIndex};

const COURSE: &str = r#"id: tiny
title: "Tiny Course"
title_ko: "작은 강의"
video: "abcdefghijk"
duration: "0:30:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "The Future of Agents"
    title_ko: "에이전트의 미래"
    aliases: ["future", "전망"]
  - number: 2
    start: "0:10:00"
    title: "Hallucinations"
    title_ko: "환각"
  - number: 3
    start: "0:20:00"
    title: "Reinforcement Learning"
    title_ko: "강화학습"
    aliases: ["RL"]
"#;

const CH1: &str = r#"---
title: "1. The Future of Agents"
titleKr: "1. 에이전트의 미래"
chapter: 1
---

## 요약

AI 시스템이 점점 자율적으로 작동하는 방향을 설명합니다.

## 핵심 포인트

- 멀티모달: 이미지, 오디오, 비디오
- 장시간 자율 작업

## 전체 번역

[0:00] 오늘은 모델이 텍스트만이 아니라 이미지와 오디오도 다루는 방향을 이야기합니다. 토큰화는 바이트 페어 인코딩(BPE)으로 합니다.

[1:00] 여기서부터 중요한데요, 에이전트는 오랜 시간 동안 스스로 작업을 수행합니다. 사람은 에이전트들에게 일을 맡기고 감독합니다.

[2:00] 다시 말해 에이전트가 실수하면 사람이 바로잡아야 합니다.
"#;

const CH2: &str = r#"---
title: "2. Hallucinations"
titleKr: "2. 환각"
chapter: 2
---

## 요약

모델이 모르는 것도 자신 있게 답하는 문제입니다.

## 핵심 포인트

- 모르면 모른다고 말하도록 학습
- 웹 검색 같은 도구로 보완

## 전체 번역

[10:00] 모델은 학습 데이터의 통계를 흉내 낼 뿐이라서 사실이 아닌 것도 그럴듯하게 말합니다. 이것을 환각이라고 부릅니다.

[11:00] 환각을 줄이려면 모델이 모를 때 모른다고 답하는 예시를 학습시킵니다.
"#;

const CH3: &str = r#"---
title: "3. Reinforcement Learning"
titleKr: "3. 강화학습"
chapter: 3
---

## 요약

보상 함수(reward function)로 좋은 풀이를 강화합니다.

## 핵심 포인트

- 검증 가능한 문제에서 효과적

## 전체 번역

[20:00] 강화학습에서는 모델이 여러 풀이를 시도하고 정답에 도달한 풀이를 강화합니다.

[21:00] 알파고가 바둑에서 보여준 것처럼, 강화학습은 사람을 뛰어넘는 전략을 발견할 수 있습니다.
"#;

const GLOSSARY: &str = r#"concepts:
  - en: ["agent", "agents", "AI agent"]
    ko: ["에이전트"]
  - en: ["hallucination", "hallucinations"]
    ko: ["환각", "할루시네이션"]
  - en: ["multimodality", "multimodal", "multi-modal"]
    ko: ["멀티모달", "멀티 모달"]
  - en: ["reinforcement learning", "RL"]
    ko: ["강화학습", "강화 학습"]
"#;

struct Fixture {
    library: Library,
    index: SearchIndex,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let tmp = crate::support::tempdir();
        let dir = tmp.path();
        let course = dir.join("tiny");
        std::fs::create_dir_all(&course).expect("temp dir");
        for (name, text) in [
            ("course.yaml", COURSE),
            ("01.md", CH1),
            ("02.md", CH2),
            ("03.md", CH3),
        ] {
            std::fs::write(course.join(name), text).expect("write fixture");
        }
        let library = load_library(&[dir.to_path_buf()], LoadOptions::default());
        assert_eq!(library.courses.len(), 1, "{:?}", library.diagnostics);
        assert_eq!(library.courses[0].chapters.len(), 3);
        let glossary = Glossary::parse(GLOSSARY).expect("glossary parses");
        let index = SearchIndex::build(&library, &glossary);
        Fixture { library, index }
    })
}

fn top(query: &str) -> Option<u32> {
    let f = fixture();
    f.index
        .search(&f.library, query, None, 5)
        .first()
        .map(|h| h.chapter)
}

#[test]
fn english_finds_korean_through_the_glossary() {
    assert_eq!(top("agents"), Some(1));
    assert_eq!(top("hallucination"), Some(2));
    assert_eq!(top("multimodality"), Some(1));
    assert_eq!(top("reinforcement learning"), Some(3));
}

#[test]
fn particles_typos_choseong_spacing_and_case() {
    for q in [
        "에이전트는",
        "에이전트들에게",
        "에이젼트",
        "agnets",
        "ㅇㅇㅈㅌ",
        "에이전트가 뭐야",
    ] {
        assert_eq!(top(q), Some(1), "{q}");
    }
    for q in ["환각이란", "halucination", "ㅎㄱ", "Hallucinations"] {
        assert_eq!(top(q), Some(2), "{q}");
    }
    for q in [
        "강화학습에서",
        "강화 학습",
        "강화핛습",
        "REINFORCEMENT LEARNING",
        "ㄱㅎㅎㅅ",
    ] {
        assert_eq!(top(q), Some(3), "{q}");
    }
    for q in ["멀티 모달", "Multi Modal", "멀티모덜"] {
        assert_eq!(top(q), Some(1), "{q}");
    }
}

#[test]
fn nonsense_and_stopwords_find_nothing() {
    let f = fixture();
    for q in [
        "pizza recipe",
        "asdfghjkl",
        "ㅋㅋㅋㅋ",
        "the",
        "a",
        "이",
        "그 것",
        "what is the",
        "",
        "   ",
        "🍕",
    ] {
        assert!(
            f.index.search(&f.library, q, None, 5).is_empty(),
            "{q:?} found something"
        );
    }
    assert!(f
        .index
        .search(&f.library, "환각", Some("no-such-course"), 5)
        .is_empty());
    assert!(f.index.search(&f.library, "환각", None, 0).is_empty());
    assert!(!f.index.example_topics(5, false).is_empty());
}

#[test]
fn hits_carry_snippets_and_moments() {
    let f = fixture();
    let hits = f.index.search(&f.library, "에이전트", None, 5);
    let hit = &hits[0];
    assert_eq!(hit.chapter, 1);
    assert_eq!(hit.course, "tiny");
    assert!(!hit.moments.is_empty() && hit.moments.len() <= 3);
    // The title matched: it links to the chapter's best passage, and the
    // snippet shows that passage (what the link plays).
    assert_eq!(hit.field, MatchField::Title);
    assert_eq!(hit.moments[0].field, MatchField::Translation);
    assert_eq!(hit.moments[0].moment, Moment::exact(60));
    assert!(
        hit.moments[0].snippet.contains("**에이전트**"),
        "{}",
        hit.moments[0].snippet
    );
    // Then the translation paragraphs, each at its own time marker.
    let body: Vec<_> = hit
        .moments
        .iter()
        .filter(|m| m.field == MatchField::Translation)
        .collect();
    assert!(!body.is_empty());
    for m in &body {
        assert!(m.snippet.contains("**에이전트**"), "{}", m.snippet);
        assert!(!m.snippet.contains("[1:00]") && !m.snippet.contains("[2:00]"));
        assert!(m.snippet.chars().count() <= 170);
    }
    // A word only in the translation links to its paragraph.
    let hits = f.index.search(&f.library, "알파고", None, 5);
    assert_eq!(hits[0].chapter, 3);
    assert_eq!(hits[0].field, MatchField::Translation);
    assert_eq!(hits[0].moments[0].moment, Moment::exact(21 * 60));
    // Nothing in the translation: the chapter start.
    let hits = f.index.search(&f.library, "검증", None, 5);
    assert_eq!(hits[0].chapter, 3);
    assert_eq!(hits[0].moments[0].field, MatchField::KeyPoints);
    assert_eq!(hits[0].moments[0].moment, Moment::exact(20 * 60));
}

#[test]
fn chapters_with_more_query_words_rank_first() {
    let f = fixture();
    let hits = f.index.search(&f.library, "모델 환각", None, 5);
    assert_eq!(hits[0].chapter, 2);
    let hits = f.index.search(&f.library, "에이전트 환각", None, 5);
    assert!(hits.len() >= 2);
}

#[test]
fn pairs_are_extracted_from_the_notes() {
    let f = fixture();
    let pairs = extract_pairs(&f.library);
    let has = |en: &str, ko: &str| pairs.iter().any(|c| c.en == [en] && c.ko == [ko]);
    assert!(has("BPE", "바이트 페어 인코딩"), "{pairs:?}");
    assert!(has("reward function", "보상 함수"), "{pairs:?}");
}

#[test]
fn autocomplete_is_useful_and_bounded() {
    let f = fixture();
    let all = f.index.suggest_chapters(&f.library, "", None);
    let values: Vec<&str> = all.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(values, ["1", "2", "3"]);
    for prefix in [
        "에",
        "ㅎ",
        "hal",
        "halucination",
        "ㅎㄱ",
        "강화 학",
        "3",
        "rl",
    ] {
        let s = f.index.suggest_chapters(&f.library, prefix, None);
        assert!(!s.is_empty(), "{prefix}");
    }
    assert_eq!(
        f.index.suggest_chapters(&f.library, "환", None)[0].value,
        "2"
    );
    assert!(!f.index.suggest_topics(&f.library, "", None).is_empty());
    let topics = f.index.suggest_topics(&f.library, "멀티", None);
    assert!(topics.iter().any(|s| s.value == "멀티모달"), "{topics:?}");
    for prefix in ["", "ㅇ", "a", "에이젼", "zzzz", &"가".repeat(500)] {
        for s in f
            .index
            .suggest_topics(&f.library, prefix, None)
            .iter()
            .chain(&f.index.suggest_chapters(&f.library, prefix, None))
        {
            assert!(s.name.chars().count() <= 100 && s.value.chars().count() <= 100);
        }
    }
}

#[test]
fn chapter_names_resolve() {
    let f = fixture();
    let course = &f.library.courses[0];
    let found = |q: &str| f.index.find_chapter(course, q);
    for (q, n) in [
        ("2", 2),
        ("2장", 2),
        ("ch2", 2),
        ("환각", 2),
        ("hallucinations", 2),
        ("halucination", 2),
        ("future", 1),
        ("전망", 1),
        ("강화학습", 3),
        ("rl", 3),
        ("reinforcment learning", 3),
        ("agents", 1),
    ] {
        assert_eq!(found(q), ChapterMatch::Found(n), "{q}");
    }
    assert_eq!(
        found("asdfghjkl"),
        ChapterMatch::NotFound {
            suggestions: vec![]
        }
    );
    assert_eq!(
        found("pizza"),
        ChapterMatch::NotFound {
            suggestions: vec![]
        }
    );
    match found("9") {
        ChapterMatch::NotFound { suggestions } => {
            assert!(suggestions.len() <= 3 && suggestions[0] == 3)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn explain_says_why_a_chapter_ranked_first() {
    let f = fixture();
    let text = f.index.explain(&f.library, "에이전트", None);
    assert!(text.starts_with("words: [\"에이전트\"]"), "{text}");
    assert!(text.contains("Exact 0..0"), "{text}");
    // The first chapter line names the winner, its best field and the
    // passage its link plays — the same as the search's first hit.
    let hit = &f.index.search(&f.library, "에이전트", None, 1)[0];
    let first = text
        .lines()
        .find(|l| l.trim_start().starts_with("1. ch"))
        .unwrap_or_else(|| panic!("no ranked chapter in {text}"));
    assert!(first.contains(&format!("ch{} ", hit.chapter)), "{first}");
    assert!(first.contains(hit.field.as_str()), "{first}");
    assert!(text.contains(&hit.moments[0].snippet), "{text}");
}
