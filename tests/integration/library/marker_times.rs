//! Without captions the markers are the clock: text a file's markers carry
//! past its chapter's end, in order, is timed and searched where they say
//! (chapter 2 here); markers that jump elsewhere are not trusted.

use super::alignment::synthetic_with;

/// Chapter 1 is 0:00–1:00 and chapter 2 1:00–2:00: a marker up to 30 s
/// past a chapter's end still counts as its own.
const CONTINUED: [&str; 4] = [
    "[0:20] Zorbax라는 이름부터 시작합니다.",
    "[0:50] Quintel은 그다음에 나옵니다.",
    "[1:35] Frobnik은 사실 다음 장에서 말합니다.",
    "[1:50] Ploxel 2,000개도 다음 장의 이야기입니다.",
];

#[test]
fn text_marked_on_into_the_next_chapter_is_found_there_at_its_marker() {
    let (_dir, lectern) = synthetic_with(&CONTINUED, None);
    let hits = lectern.index.search(&lectern.library, "Frobnik", None, 5);
    let top = hits.first().expect("a hit for Frobnik");
    assert_eq!(top.chapter, 2, "{hits:?}");
    let m = top.moments[0].moment;
    assert_eq!((m.seconds, m.approximate), (95, false), "{hits:?}");
    // `check` says search follows them meanwhile.
    let said = lectern
        .library
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .find(|d| d.contains("lines"))
        .expect("advice about the misplaced lines");
    assert!(said.contains("search links them there meanwhile"), "{said}");
}

#[test]
fn markers_that_jump_away_from_the_file_are_not_followed() {
    let jumped = [
        "[0:10] Zorbax라는 이름부터 시작합니다.",
        "[0:20] Quintel은 그다음에 나옵니다.",
        "[1:55] Frobnik은 사실 다음 장에서 말합니다.",
        "[1:58] Ploxel 2,000개도 다음 장의 이야기입니다.",
    ];
    let (_dir, lectern) = synthetic_with(&jumped, None);
    let hits = lectern.index.search(&lectern.library, "Frobnik", None, 5);
    let top = hits.first().expect("a hit for Frobnik");
    assert_eq!(top.chapter, 1, "{hits:?}");
    assert!(top.moments[0].moment.approximate, "{hits:?}");
}

#[test]
fn text_between_two_markers_of_the_run_counts_where_they_place_it() {
    // The paragraph without a marker sits between 1:35 and 1:50, both past
    // chapter 1's end: it is said in chapter 2, at an estimated second.
    let between = [
        "[0:20] Zorbax라는 이름부터 시작합니다.",
        "[0:50] Quintel은 그다음에 나옵니다.",
        "[1:35] Frobnik은 사실 다음 장에서 말합니다.",
        "Glimmet도 그 사이에 나옵니다.",
        "[1:50] Ploxel 2,000개도 다음 장의 이야기입니다.",
    ];
    let (_dir, lectern) = synthetic_with(&between, None);
    let hits = lectern.index.search(&lectern.library, "Glimmet", None, 5);
    let top = hits.first().expect("a hit for Glimmet");
    assert_eq!(top.chapter, 2, "{hits:?}");
    let m = top.moments[0].moment;
    assert!(m.approximate && (95..110).contains(&m.seconds), "{hits:?}");
}
