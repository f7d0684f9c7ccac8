//! The quiz knows the glossary the bot runs with: two names a group's own
//! glossary (`config.glossary`) calls one idea never stand side by side as
//! the answer and a wrong choice. On a small course of our own whose two
//! chapters name one idea in each language, with a glossary file saying so.

use std::path::Path;

use lectern::app::Lectern;
use lectern::config::Config;
use lectern::quiz::{self, Kind};

use super::generation::every_question;
use crate::support::{config, tempdir};

/// Six chapters, one term each; chapters 1 and 2 name one idea, once in
/// Korean and once in English, and never write the pair `기울기 자르기(Gradient
/// Clipping)` (which search would read as a pair by itself).
const DOC: &str = r#"---
title: "훈련 요령"
originalTitle: "Training Tricks"
author: "Someone"
sourceUrl: "https://www.youtube.com/watch?v=trainingtip"
duration: "1:00:00"
totalChapters: 6
---

# 훈련 요령

## 챕터별 요약

### 1. 폭주 막기 (0:00)

값이 폭주하는 것을 막는 방법입니다.

**핵심 포인트:**
- **기울기 자르기**: 폭주하는 업데이트의 크기를 상한으로 누름

### 2. 안정적인 업데이트 (10:00)

큰 업데이트를 다루는 다른 설명입니다.

**핵심 포인트:**
- **Gradient Clipping**: 한 번의 스텝이 너무 커지지 않게 함

### 3. 과적합 줄이기 (20:00)

뉴런 일부를 끄는 방법입니다.

**핵심 포인트:**
- **드롭아웃**: 학습 중 뉴런을 무작위로 끔

### 4. 작은 가중치 (30:00)

가중치를 작게 유지하는 방법입니다.

**핵심 포인트:**
- **가중치 감쇠**: 매 스텝 가중치를 조금씩 줄임

### 5. 천천히 시작하기 (40:00)

처음 몇 스텝을 조심하는 방법입니다.

**핵심 포인트:**
- **학습률 예열**: 처음에는 작은 보폭으로 출발

### 6. 여러 시점 합치기 (50:00)

저장한 모델을 모으는 방법입니다.

**핵심 포인트:**
- **체크포인트 평균**: 마지막 몇 개 저장본의 파라미터를 평균

## 전체 번역

### 1. 폭주 막기

값이 갑자기 커지는 스텝을 상한으로 누르는 이야기입니다.

### 2. 안정적인 업데이트

같은 이야기를 영어 이름으로 다시 합니다.

### 3. 과적합 줄이기

드롭아웃(Dropout), 뉴런을 무작위로 끄는 이야기입니다.

### 4. 작은 가중치

가중치를 조금씩 줄이는 이야기입니다.

### 5. 천천히 시작하기

처음에는 작은 보폭으로 가는 이야기입니다.

### 6. 여러 시점 합치기

저장본을 평균하는 이야기입니다.
"#;

/// The group's glossary: one concept the shipped glossary doesn't know.
const GLOSSARY: &str = "concepts:\n  - en: [\"Gradient Clipping\"]\n    ko: [\"기울기 자르기\"]\n";

/// The course above, served with the shipped config, with or without the
/// group's glossary file beside the shipped one.
fn lectern(dir: &Path, with_group_glossary: bool) -> Lectern {
    let course = dir.join("training-tricks");
    std::fs::create_dir_all(&course).expect("mkdir");
    std::fs::write(course.join("_index.md"), DOC).expect("write course");
    let glossary = dir.join("glossary.yaml");
    std::fs::write(&glossary, GLOSSARY).expect("write glossary");
    let config = Config {
        content: vec![course.clone()],
        glossary: with_group_glossary.then_some(glossary),
        ..config()
    };
    Lectern::load(&config, &config.content)
}

/// How many term questions (over many seeds) offer both names of the pair.
fn both_names_offered(lectern: &Lectern) -> (usize, usize) {
    let course = &lectern.library.courses[0];
    let seeds: Vec<u32> = (0..60).collect();
    let terms: Vec<_> = every_question(course, lectern.index.synonyms(), &seeds)
        .into_iter()
        .filter(|(r, _)| r.kind == Kind::Term)
        .collect();
    let both = terms
        .iter()
        .filter(|(_, q)| {
            q.choices.iter().any(|c| c == "기울기 자르기")
                && q.choices.iter().any(|c| c == "Gradient Clipping")
        })
        .count();
    (both, terms.len())
}

#[test]
fn a_group_glossary_pair_is_never_answer_and_wrong_choice_together() {
    let dir = tempdir();
    let lectern = lectern(dir.path(), true);
    assert!(
        lectern.library.diagnostics.is_empty(),
        "{:?}",
        lectern.library.diagnostics
    );
    let names = lectern.index.synonyms();
    assert!(names.same_idea("기울기 자르기", "gradient clipping"));
    // The notes' own pair counts too, as it does for search.
    assert!(names.same_idea("드롭아웃", "dropout"));
    let (both, asked) = both_names_offered(&lectern);
    assert!(asked > 0, "the fixture has term questions");
    assert_eq!(both, 0, "a pair of the group's glossary offered together");
    // Both chapters are still asked about, with the other four as choices.
    let course = &lectern.library.courses[0];
    for chapter in [1, 2] {
        let kinds: Vec<Kind> = quiz::candidates(course, names, chapter)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert!(kinds.contains(&Kind::Term), "chapter {chapter}: {kinds:?}");
    }
}

#[test]
fn without_the_group_glossary_the_pair_does_come_up_together() {
    // What the test above guards against: the shipped glossary alone doesn't
    // know the pair, so the two names are offered side by side.
    let dir = tempdir();
    let lectern = lectern(dir.path(), false);
    assert!(!lectern
        .index
        .synonyms()
        .same_idea("기울기 자르기", "Gradient Clipping"));
    let (both, _) = both_names_offered(&lectern);
    assert!(both > 0);
}

#[test]
fn the_shipped_glossary_names_are_one_idea() {
    let lectern = crate::support::shipped();
    let names = lectern.index.synonyms();
    assert!(names.same_idea("에이전트", "Agents"));
    assert!(names.same_idea("LM Arena", "lm arena"));
    assert!(!names.same_idea("에이전트", "멀티모달"));
}
