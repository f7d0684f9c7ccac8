//! A chapter is judged by the query's telling words: on a tiny course of
//! our own, "cooking example" is where cooking is said over and over
//! (chapter 1, whose summary also says "example"), not the chapter that says
//! "example" in its notes and "cooking" once. `example` is in every
//! chapter; a common word in a summary does not decide whether a chapter's
//! span says the query.

use lectern::library::{Library, Moment};
use lectern::search::SearchIndex;

use super::{captioned, chapter_file as chapter};

const COURSE: &str = r#"id: kitchen
title: "Kitchen"
title_ko: "부엌"
video: "abcdefghijk"
duration: "1:00:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Basics"
    title_ko: "기초"
  - number: 2
    start: "0:10:00"
    title: "Tools"
    title_ko: "도구"
  - number: 3
    start: "0:20:00"
    title: "Markets"
    title_ko: "시장"
  - number: 4
    start: "0:30:00"
    title: "Gardens"
    title_ko: "정원"
  - number: 5
    start: "0:40:00"
    title: "Tables"
    title_ko: "식탁"
  - number: 6
    start: "0:50:00"
    title: "Dishes"
    title_ko: "설거지"
"#;

/// Chapter 1 says "cooking" three times in one window; chapter 2 once.
const VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:12.000
cooking is fun, cooking takes time, and cooking with friends is best.

00:10:05.000 --> 00:10:12.000
this knife is sharp, it helps with cooking.
";

fn kitchen() -> (Library, SearchIndex) {
    let chapters = [
        chapter(
            1,
            "기초",
            "example 하나로 시작합니다.",
            &[],
            "오늘은 부엌 이야기입니다.",
        ),
        chapter(
            2,
            "도구",
            "도구 이야기.",
            &[],
            "칼의 example 여럿을 봅니다. example 하나 더.",
        ),
        chapter(3, "시장", "시장 이야기.", &[], "시장의 example 입니다."),
        chapter(4, "정원", "정원 이야기.", &[], "정원의 example 입니다."),
        chapter(5, "식탁", "식탁 이야기.", &[], "식탁의 example 입니다."),
        chapter(
            6,
            "설거지",
            "설거지 이야기.",
            &[],
            "설거지의 example 입니다.",
        ),
    ];
    captioned("kitchen", COURSE, &chapters, VTT)
}

#[test]
fn a_common_word_in_a_summary_does_not_decide_whether_a_chapter_says_the_query() {
    let (library, index) = kitchen();
    let hits = index.search(&library, "cooking example", None, 5);
    let top: Vec<(u32, Moment)> = hits
        .iter()
        .map(|h| (h.chapter, h.moments[0].moment))
        .collect();
    assert_eq!(top.first(), Some(&(1, Moment::exact(5))), "{hits:#?}");
    assert_eq!(top.get(1).map(|t| t.0), Some(2), "{hits:#?}");
}
