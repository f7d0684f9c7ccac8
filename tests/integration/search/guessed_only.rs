//! A chapter holding none of the query's telling words for sure (reached
//! only through a guess: a completion of the last word, a typo fix) is not
//! a hit while other chapters hold one: on a tiny course of our own,
//! `joke pelicanl` finds chapters 1 and 3, which say `joke`, not chapters
//! 2 (`pelicanlike`) and 4 (`pelican`), reached only through guesses at
//! `pelicanl`. With nothing sure anywhere, a guess still answers.

use lectern::library::Library;
use lectern::search::{Glossary, SearchIndex};

use super::{chapter_file as chapter, chapters_found};

fn birds() -> (Library, SearchIndex) {
    let chapters = [
        chapter(
            1,
            "하나",
            "첫 이야기.",
            &[],
            "pelican joke 하나를 들려 줍니다.",
        ),
        chapter(
            2,
            "둘",
            "둘째 이야기.",
            &[],
            "pelicanlike 모양의 배를 봅니다.",
        ),
        chapter(
            3,
            "셋",
            "셋째 이야기.",
            &[],
            "좋은 joke 는 타이밍이 중요합니다.",
        ),
        chapter(4, "넷", "넷째 이야기.", &[], "pelican 이 낮게 납니다."),
        chapter(5, "다섯", "다섯째 이야기.", &[], "봄에 둥지를 짓습니다."),
    ];
    let course = super::five_chapter_course("birds", "Birds", "새");
    super::uncaptioned("birds", &course, &chapters, &Glossary::default())
}

#[test]
fn a_chapter_reached_only_by_a_guess_is_not_a_hit_beside_sure_ones() {
    let (library, index) = birds();
    let mut found = chapters_found(&library, &index, "joke pelicanl");
    assert_eq!(found.first(), Some(&1), "{found:?}");
    found.sort_unstable();
    assert_eq!(found, [1, 3]);
}

#[test]
fn a_guess_still_answers_when_nothing_is_sure() {
    let (library, index) = birds();
    assert_eq!(
        chapters_found(&library, &index, "pelicanli").first(),
        Some(&2)
    );
}
