//! A query of several words is answered where they are said as written —
//! in order, one right after the other — before where the same words are
//! said apart, however often: on a tiny course of our own whose captions
//! say "role" and "prompting" many times apart and once as "role prompting".

use lectern::library::{Library, Moment};
use lectern::search::{Glossary, SearchIndex};

const COURSE: &str = r#"id: roles
title: "Roles"
title_ko: "역할"
video: "abcdefghijk"
duration: "0:30:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Teaching"
    title_ko: "가르치기"
  - number: 2
    start: "0:10:00"
    title: "Shortcuts"
    title_ko: "지름길"
"#;

const CH1: &str = r#"---
title: "1. Teaching"
titleKr: "1. 가르치기"
chapter: 1
---

## 요약

좋은 선생님 이야기.

## 전체 번역

[0:00] 오늘은 선생님 이야기를 합니다.
"#;

const CH2: &str = r#"---
title: "2. Shortcuts"
titleKr: "2. 지름길"
chapter: 2
---

## 요약

지름길 이야기.

## 전체 번역

[10:00] 사람들은 지름길을 좋아합니다.
"#;

/// Chapter 1 says "role" and "prompting" twice, apart; chapter 2 says them
/// once as written (10:30), then many times apart (12:30) after an
/// unrelated window (11:30), so neither window is helped by its neighbours.
/// Chapter 1 says "reset" and "button" twice, apart; chapter 2 once as
/// "reset button" (14:00).
const VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:12.000
the role of a good teacher is one thing, and prompting is another.

00:01:05.000 --> 00:01:12.000
the role of a student matters, and prompting matters too.

00:03:05.000 --> 00:03:12.000
press the reset key first, then the big button.

00:05:05.000 --> 00:05:12.000
the reset takes a while, so hold the button down.

00:10:30.000 --> 00:10:36.000
people use role prompting as a shortcut.

00:11:30.000 --> 00:11:36.000
the weather was lovely that week.

00:12:30.000 --> 00:12:40.000
prompting is one thing and the role is another; prompting again and the role again; prompting once more and the role once more.

00:14:00.000 --> 00:14:06.000
there is a reset button on the box.
";

fn roles() -> (Library, SearchIndex) {
    let files = [
        ("course.yaml", COURSE),
        ("01.md", CH1),
        ("02.md", CH2),
        ("captions/roles.en.vtt", VTT),
    ];
    crate::support::tiny_captioned_course("roles", &files, &Glossary::default())
}

#[test]
fn words_said_as_written_lead_the_chapter_and_the_link() {
    let (library, index) = roles();
    let hits = index.search(&library, "role prompting", None, 5);
    assert_eq!(hits[0].chapter, 2, "{hits:#?}");
    let m = &hits[0].moments[0];
    assert_eq!(m.moment, Moment::exact(630), "{hits:#?}");
    assert!(
        m.snippet.contains("**role** **prompting**"),
        "{}",
        m.snippet
    );
}

#[test]
fn a_chapter_saying_the_words_as_written_beats_one_saying_them_more_often_apart() {
    let (library, index) = roles();
    let hits = index.search(&library, "reset button", None, 5);
    let top: Vec<(u32, Moment)> = hits
        .iter()
        .map(|h| (h.chapter, h.moments[0].moment))
        .collect();
    assert_eq!(top[0], (2, Moment::exact(840)), "{hits:#?}");
    assert_eq!(top[1].0, 1, "{hits:#?}");
}

#[test]
fn the_other_order_is_not_the_phrase() {
    let (library, index) = roles();
    // "prompting role" is not what chapter 2's 10:30 says: its window of the
    // words apart, said more often, leads there.
    let hits = index.search(&library, "prompting role", None, 5);
    assert_eq!(hits[0].chapter, 2, "{hits:#?}");
    assert_eq!(hits[0].moments[0].moment, Moment::exact(750), "{hits:#?}");
}
