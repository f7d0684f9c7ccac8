//! Questions made mostly of common words find where they are said: on a
//! tiny course of our own whose every chapter says "model", one chapter's
//! captions ask "what model are you", and one chapter's notes ask
//! "너 누구야?".

use lectern::library::{Library, Moment};
use lectern::search::{Glossary, SearchIndex};

const COURSE: &str = r#"id: selves
title: "Selves"
title_ko: "자아"
video: "abcdefghijk"
duration: "0:30:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Model basics"
    title_ko: "모델 기초"
  - number: 2
    start: "0:10:00"
    title: "Knowledge of self"
    title_ko: "자기 인식"
  - number: 3
    start: "0:20:00"
    title: "Training"
    title_ko: "학습"
"#;

const CH1: &str = r#"---
title: "1. Model basics"
titleKr: "1. 모델 기초"
chapter: 1
---

## 요약

모델 이야기.

## 전체 번역

[0:00] 오늘은 모델의 기초를 봅니다.
"#;

const CH2: &str = r#"---
title: "2. Knowledge of self"
titleKr: "2. 자기 인식"
chapter: 2
---

## 요약

모델은 자기를 모릅니다.

## 전체 번역

[10:00] 사람들은 모델에게 "너 누구야?"라고 묻곤 합니다.
"#;

const CH3: &str = r#"---
title: "3. Training"
titleKr: "3. 학습"
chapter: 3
---

## 요약

학습 이야기.

## 전체 번역

[20:00] 모델을 학습시킵니다.
"#;

/// Every chapter says "model"; chapter 1 more often and in its title.
/// Chapter 2 asks "what model are you" once (10:40).
const VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:12.000
a model is a model and you are going to see what a model does.

00:01:05.000 --> 00:01:12.000
the model here is the base model, the model of the internet.

00:10:05.000 --> 00:10:12.000
the model has no self and you should keep that in mind.

00:10:40.000 --> 00:10:46.000
people ask things like what model are you and who built you.

00:20:05.000 --> 00:20:12.000
we train the model and the model learns what you are showing it.
";

fn selves() -> (Library, SearchIndex) {
    let files = [
        ("course.yaml", COURSE),
        ("01.md", CH1),
        ("02.md", CH2),
        ("03.md", CH3),
        ("captions/selves.en.vtt", VTT),
    ];
    crate::support::tiny_captioned_course("selves", &files, &Glossary::default())
}

#[test]
fn a_question_around_a_word_said_everywhere_is_found_as_written() {
    let (library, index) = selves();
    let hits = index.search(&library, "what model are you", None, 5);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0].chapter, 2, "{hits:#?}");
    let m = &hits[0].moments[0];
    assert_eq!(m.moment, Moment::exact(640), "{hits:#?}");
    assert!(
        m.snippet.contains("**what** **model** **are** **you**"),
        "{}",
        m.snippet
    );
}

#[test]
fn a_question_said_nowhere_as_written_is_searched_by_its_topic() {
    let (library, index) = selves();
    // Nobody says "what is a model": the plain reading (`model`) answers,
    // with the chapter named for it first.
    let hits = index.search(&library, "what is a model", None, 5);
    assert_eq!(hits.first().map(|h| h.chapter), Some(1), "{hits:#?}");
    assert!(hits.len() >= 2, "{hits:#?}");
}

#[test]
fn a_pronoun_with_its_particle_is_not_a_topic() {
    let (library, index) = selves();
    // `너는` is `너` (you) with a particle: the question is `누구야`.
    for q in ["너는 누구야?", "넌 누구야", "누구야"] {
        let hits = index.search(&library, q, None, 5);
        assert_eq!(hits.first().map(|h| h.chapter), Some(2), "{q:?}: {hits:#?}");
    }
}
