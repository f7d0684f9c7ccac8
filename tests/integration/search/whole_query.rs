//! A chapter one of whose key points holds the whole query ("apple pie")
//! beats a chapter named for one of its words that says the other apart: on
//! a tiny course of our own. Chapter 1 is titled "Apples" and its captions
//! say "pie" twice, apart from "apple"; chapter 2's key point is
//! `apple pie 굽는 법` and its captions say both words, not as written. And
//! a recap chapter ("Grand Summary") saying the query again yields to the
//! chapter that said it first.

use lectern::library::Library;
use lectern::search::SearchIndex;

use super::{captioned, chapter_file as chapter};

const COURSE: &str = r#"id: bakery
title: "Bakery"
title_ko: "빵집"
video: "abcdefghijk"
duration: "0:40:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Apples"
    title_ko: "사과"
  - number: 2
    start: "0:10:00"
    title: "Baking"
    title_ko: "굽기"
  - number: 3
    start: "0:20:00"
    title: "Bread"
    title_ko: "빵"
  - number: 4
    start: "0:30:00"
    title: "Coffee"
    title_ko: "커피"
"#;

const VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:12.000
an apple a day, they say, and apple trees grow tall.

00:01:05.000 --> 00:01:12.000
the pie comes later, we bake a pie with care.

00:10:05.000 --> 00:10:12.000
the pie we bake is filled with apple slices.

00:20:05.000 --> 00:20:12.000
bread needs time to rise.
";

fn bakery() -> (Library, SearchIndex) {
    let chapters = [
        chapter(
            1,
            "사과",
            "사과 apple 이야기.",
            &["사과는 과일"],
            "apple 은 과일입니다.",
        ),
        chapter(
            2,
            "굽기",
            "굽기 이야기.",
            &["apple pie 굽는 법"],
            "오븐을 켭니다.",
        ),
        chapter(3, "빵", "빵 이야기.", &["반죽"], "빵을 굽습니다."),
        chapter(4, "커피", "커피 이야기.", &["원두"], "커피를 내립니다."),
    ];
    captioned("bakery", COURSE, &chapters, VTT)
}

#[test]
fn a_key_point_holding_the_whole_query_beats_its_words_apart() {
    let (library, index) = bakery();
    let hits = index.search(&library, "apple pie", None, 5);
    let got: Vec<u32> = hits.iter().map(|h| h.chapter).collect();
    assert_eq!(got.first(), Some(&2), "{hits:#?}");
    assert!(got.contains(&1), "{hits:#?}");
    // One word alone is still the chapter named for it.
    let hits = index.search(&library, "apple", None, 5);
    assert_eq!(hits.first().map(|h| h.chapter), Some(1), "{hits:#?}");
}

const RECAP_COURSE: &str = r#"id: devices
title: "Devices"
title_ko: "기기"
video: "abcdefghijk"
duration: "0:40:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Boxes"
    title_ko: "상자"
  - number: 2
    start: "0:10:00"
    title: "Cables"
    title_ko: "케이블"
  - number: 3
    start: "0:20:00"
    title: "Paint"
    title_ko: "페인트"
  - number: 4
    start: "0:30:00"
    title: "Grand Summary"
    title_ko: "전체 정리"
"#;

/// Chapter 1 says "reset button" once; the recap (chapter 4) three times
/// and is the only one to say "big button".
const RECAP_VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:12.000
there is a reset button on the box, a big box.

00:10:05.000 --> 00:10:12.000
the reset takes a while, so hold the cable, not the button.

00:20:05.000 --> 00:20:12.000
paint dries slowly.

00:30:05.000 --> 00:30:12.000
we saw the reset button, the reset button again, and one more reset button.

00:31:05.000 --> 00:31:12.000
and to finish, press the big button.
";

fn devices() -> (Library, SearchIndex) {
    let chapters = [
        chapter(1, "상자", "상자 이야기.", &["상자"], "상자를 엽니다."),
        chapter(
            2,
            "케이블",
            "케이블 이야기.",
            &["케이블"],
            "케이블을 꽂습니다.",
        ),
        chapter(3, "페인트", "페인트 이야기.", &["페인트"], "벽을 칠합니다."),
        chapter(4, "전체 정리", "전체 정리.", &["정리"], "모두 돌아봅니다."),
    ];
    captioned("devices", RECAP_COURSE, &chapters, RECAP_VTT)
}

#[test]
fn a_recap_saying_the_query_again_yields_to_the_chapter_that_said_it() {
    let (library, index) = devices();
    let hits = index.search(&library, "reset button", None, 5);
    let got: Vec<u32> = hits.iter().map(|h| h.chapter).collect();
    assert_eq!(got.first(), Some(&1), "{hits:#?}");
    assert!(got.contains(&4), "{hits:#?}");
    // What only the recap says as written, the recap answers.
    let hits = index.search(&library, "big button", None, 5);
    assert_eq!(hits.first().map(|h| h.chapter), Some(4), "{hits:#?}");
}
