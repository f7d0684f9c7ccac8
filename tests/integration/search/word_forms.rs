//! How a Korean word typed one way finds the notes that say it another,
//! and a query that is a chapter's whole name: on a tiny course of our own.
//! - a verb typed in its noun form (`기다리기`) finds its conjugations
//!   (`기다리는`, `기다려야`) where they name something (a key point);
//! - a noun typed alone (`예측`) finds its light verb (`예측하는`) as surely
//!   as the noun;
//! - a query that is one chapter's whole title (`강화학습`) leads to that
//!   chapter before chapters whose titles only hold it (`SFT에서 강화학습으로`).

use lectern::library::Library;
use lectern::search::{Glossary, SearchIndex};

use super::chapters_found;

const COURSE: &str = r#"id: forms
title: "Forms"
title_ko: "형태"
video: "abcdefghijk"
duration: "0:40:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Waiting"
    title_ko: "기다림"
  - number: 2
    start: "0:10:00"
    title: "Training"
    title_ko: "훈련"
  - number: 3
    start: "0:20:00"
    title: "Reinforcement Learning"
    title_ko: "강화학습"
  - number: 4
    start: "0:30:00"
    title: "From SFT to Reinforcement Learning"
    title_ko: "SFT에서 강화학습으로"
"#;

const CH1: &str = r#"---
title: "1. Waiting"
titleKr: "1. 기다림"
chapter: 1
---

## 요약

한계를 아는 법.

## 핵심 포인트

- 한계에 닿으면 다음 모델을 기다리는 판단도 필요

## 전체 번역

[0:00] 주말 내내 애썼지만 "그냥 다음 모델을 기다려야겠다"고 생각했어요. 다음 결과를 예측하는 일은 어렵고, 예측하는 사람마다 다릅니다.
"#;

const CH2: &str = r#"---
title: "2. Training"
titleKr: "2. 훈련"
chapter: 2
---

## 요약

학습이 끝나기를 기다리기만 하면 됩니다.

## 전체 번역

[10:00] 이 모델은 다음 단계로 넘어갑니다. 모델의 예측이 맞는지 봅니다.
"#;

const CH3: &str = r#"---
title: "3. Reinforcement Learning"
titleKr: "3. 강화학습"
chapter: 3
---

## 요약

시행착오로 배웁니다.

## 전체 번역

[20:00] 강화학습에서는 모델이 여러 풀이를 시도합니다.
"#;

const CH4: &str = r#"---
title: "4. From SFT to Reinforcement Learning"
titleKr: "4. SFT에서 강화학습으로"
chapter: 4
---

## 요약

세 단계의 학습.

## 전체 번역

[30:00] 사전학습, SFT, 그리고 강화학습. 강화학습은 마지막 단계이고, 강화학습이 가장 새롭습니다.
"#;

fn forms() -> (Library, SearchIndex) {
    let files = [
        ("course.yaml", COURSE),
        ("01.md", CH1),
        ("02.md", CH2),
        ("03.md", CH3),
        ("04.md", CH4),
    ];
    let (library, index) = crate::support::tiny_course("forms", &files, &Glossary::default());
    assert_eq!(library.courses.len(), 1, "{:?}", library.diagnostics);
    (library, index)
}

#[test]
fn a_verb_in_its_noun_form_finds_its_conjugations_where_they_name_something() {
    let (library, index) = forms();
    // Chapter 2's summary says 기다리기 as typed, but only chapter 1 says
    // waiting for the next model (기다리는 in a key point).
    let got = chapters_found(&library, &index, "다음 모델을 기다리기");
    assert_eq!(got.first(), Some(&1), "{got:?}");
}

#[test]
fn a_noun_typed_alone_finds_its_light_verb() {
    let (library, index) = forms();
    // Chapter 1 says 예측하는 twice, chapter 2 예측 once.
    let got = chapters_found(&library, &index, "예측");
    assert_eq!(got.first(), Some(&1), "{got:?}");
}

#[test]
fn a_query_that_is_a_chapters_whole_title_leads_to_it() {
    let (library, index) = forms();
    // Chapter 4 says 강화학습 more often, but chapter 3 is called so.
    let got = chapters_found(&library, &index, "강화학습");
    assert_eq!(got.first(), Some(&3), "{got:?}");
    assert!(got.contains(&4), "{got:?}");
}
