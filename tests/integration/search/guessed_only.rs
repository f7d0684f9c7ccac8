//! A chapter holding none of the query's telling words for sure (reached
//! only through a guess: a completion of the last word, a typo fix) is not
//! a hit while other chapters hold one: on a tiny course of our own,
//! `joke pelicanl` finds chapters 1 and 3, which say `joke`, not chapters
//! 2 (`pelicanlike`) and 4 (`pelican`), reached only through guesses at
//! `pelicanl`. With nothing sure anywhere, a guess still answers.

use lectern::library::Library;
use lectern::search::{Glossary, SearchIndex};

use super::{chapter_file as chapter, chapters_found};

const COURSE: &str = r#"id: birds
title: "Birds"
title_ko: "새"
video: "abcdefghijk"
duration: "0:50:00"
chapters:
  - { number: 1, start: "0:00:00", title: "Alpha", title_ko: "하나" }
  - { number: 2, start: "0:10:00", title: "Beta", title_ko: "둘" }
  - { number: 3, start: "0:20:00", title: "Gamma", title_ko: "셋" }
  - { number: 4, start: "0:30:00", title: "Delta", title_ko: "넷" }
  - { number: 5, start: "0:40:00", title: "Epsilon", title_ko: "다섯" }
"#;

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
    let names: Vec<String> = (1..=chapters.len()).map(|n| format!("{n:02}.md")).collect();
    let mut files: Vec<(&str, &str)> = vec![("course.yaml", COURSE)];
    files.extend(
        names
            .iter()
            .map(String::as_str)
            .zip(chapters.iter().map(String::as_str)),
    );
    crate::support::tiny_course("birds", &files, &Glossary::default())
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
