//! Caption windows and chapter starts: a window holds the words of one
//! chapter only, so a sentence said just after a chapter starts is found in
//! that chapter, at its start, even when the window around it would have
//! opened a few seconds before (on a tiny captioned course of our own).

use lectern::library::Moment;
use lectern::search::{Glossary, MatchField};

const COURSE: &str = r#"id: talk
title: "A Talk"
title_ko: "강연"
video: "abcdefghijk"
duration: "0:10:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Summaries"
    title_ko: "요약"
  - number: 2
    start: "0:01:46"
    title: "Knowledge of self"
    title_ko: "자기 인식"
"#;

const CH1: &str = r#"---
title: "1. Summaries"
titleKr: "1. 요약"
chapter: 1
---

## 전체 번역

[0:00] 요약은 다시 읽은 뒤에 더 좋아집니다.
"#;

const CH2: &str = r#"---
title: "2. Knowledge of self"
titleKr: "2. 자기 인식"
chapter: 2
---

## 전체 번역

[1:46] 모델에게 자신이 누구인지 묻는 것은 의미가 없습니다.
"#;

/// One cue of auto-captions with word timings, 1:43.0–1:59.0, and no
/// sentence end or pause: uncut it would be one window opened at 1:43, in
/// chapter 1. Chapter 2 starts at 1:46, at "the next".
const VTT: &str = "WEBVTT

00:01:43.000 --> 00:01:59.000
that's<00:01:43.500><c> what</c><00:01:44.000><c> happens</c><00:01:44.500><c> here</c><00:01:45.000><c> or</c><00:01:45.500><c> close</c><00:01:46.300><c> the</c><00:01:46.500><c> next</c><00:01:47.000><c> quirk</c><00:01:47.500><c> is</c><00:01:48.000><c> self</c><00:01:48.500><c> knowledge</c><00:01:49.000><c> people</c><00:01:49.500><c> ask</c><00:01:50.000><c> llms</c><00:01:50.500><c> which</c><00:01:51.000><c> model</c><00:01:51.500><c> are</c><00:01:52.000><c> you</c><00:01:52.500><c> and</c><00:01:53.000><c> who</c><00:01:53.500><c> built</c><00:01:54.000><c> you</c>
";

fn talk() -> (lectern::library::Library, lectern::search::SearchIndex) {
    let files = [
        ("course.yaml", COURSE),
        ("01.md", CH1),
        ("02.md", CH2),
        ("captions/talk.en.vtt", VTT),
    ];
    crate::support::tiny_captioned_course("talk", &files, &Glossary::default())
}

#[test]
fn no_caption_window_straddles_a_chapter_start() {
    let (library, _) = talk();
    let course = &library.courses[0];
    let captions = course.captions.as_ref().expect("captions load");
    let texts: Vec<(u64, &str)> = captions
        .windows
        .iter()
        .map(|w| (w.start_ms, w.text.as_str()))
        .collect();
    // The first word said in chapter 2 ("the", 1:46.3) opens a window.
    assert_eq!(texts[0], (103_000, "that's what happens here or close"));
    assert_eq!(texts[1].0, 106_300, "{texts:?}");
    assert!(texts[1].1.starts_with("the next quirk"), "{texts:?}");
    let chapter = |ms: u64| course.chapter_at((ms / 1000) as u32).map(|c| c.number);
    assert_eq!(chapter(texts[0].0), Some(1));
    assert_eq!(chapter(texts[1].0), Some(2));
}

#[test]
fn words_said_after_a_chapter_starts_are_found_in_that_chapter() {
    let (library, index) = talk();
    let hits = index.search(&library, "which model are you", None, 5);
    let top = &hits[0];
    let m = &top.moments[0];
    assert_eq!(top.chapter, 2, "{hits:?}");
    assert_eq!(m.field, MatchField::Captions);
    assert_eq!(m.moment, Moment::exact(106));
}
