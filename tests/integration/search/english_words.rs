//! How an English word typed in another form, a sum typed with its sign
//! and a Korean noun typed with a suffix find the notes that say them: on a
//! tiny course of our own.
//! - `generating` finds the chapter that says `generate` (its form), not
//!   the one that says `general` (another word with the same start), and
//!   `training` the one that says it before the one that says `trained`;
//! - `2+2` finds the chapter that says `2 plus 2` (and, through the
//!   glossary, `2 더하기 2`), not the one where 2 is only a number;
//! - `박사급` finds the chapter that says `박사`, while `고급` (a word, not
//!   `고` + 급) still finds only the chapter that says it;
//! - `where can I try models` finds the chapter on where to find models,
//!   not the one where `try` is said most.

use lectern::library::Library;
use lectern::search::{Glossary, SearchIndex};

use super::{chapter_file as chapter, chapters_found};

fn words(glossary: &Glossary) -> (Library, SearchIndex) {
    let chapters = [
        chapter(
            1,
            "하나",
            "첫 이야기.",
            &[],
            "GPT 2 는 2019년에 2 가지 크기로 나왔고 2 2 2 번 학습했습니다. 고급 과정입니다.",
        ),
        chapter(
            2,
            "둘",
            "둘째 이야기.",
            &[],
            "모델에게 what is 2 plus 2 라고 물어봅니다.",
        ),
        chapter(
            3,
            "셋",
            "셋째 이야기.",
            &[],
            "In general terms the weights are numbers, trained once.",
        ),
        chapter(
            4,
            "넷",
            "넷째 이야기.",
            &[],
            "We generate text one token at a time. 박사 과정 학생도 풉니다.",
        ),
        chapter(
            5,
            "다섯",
            "다섯째 이야기.",
            &[],
            "사용자가 2 더하기 2 는 뭐냐고 묻습니다. Training takes days.",
        ),
    ];
    course(&chapters, glossary)
}

/// A tiny course of five chapters, with these files.
fn course(chapters: &[String], glossary: &Glossary) -> (Library, SearchIndex) {
    let course = super::five_chapter_course("words", "Words", "낱말");
    super::uncaptioned("words", &course, chapters, glossary)
}

#[test]
fn an_english_word_typed_in_another_form_finds_its_forms_not_lookalikes() {
    let (library, index) = words(&Glossary::default());
    assert_eq!(chapters_found(&library, &index, "generating"), [4]);
    assert_eq!(chapters_found(&library, &index, "generated text"), [4]);
    // A word the course says finds where it is said first, then its forms.
    assert_eq!(chapters_found(&library, &index, "training"), [5, 3]);
    assert_eq!(chapters_found(&library, &index, "trained"), [3, 5]);
}

#[test]
fn a_sum_typed_with_its_sign_finds_where_it_is_said() {
    let (library, index) = words(&Glossary::default());
    assert_eq!(chapters_found(&library, &index, "2+2").first(), Some(&2));
    assert_eq!(chapters_found(&library, &index, "2 + 2").first(), Some(&2));
    let glossary =
        Glossary::parse("concepts:\n  - en: [\"plus\"]\n    ko: [\"더하기\"]\n").expect("glossary");
    let (library, index) = words(&glossary);
    let found = chapters_found(&library, &index, "2+2");
    assert!(
        found.starts_with(&[2, 5]) || found.starts_with(&[5, 2]),
        "{found:?}"
    );
}

#[test]
fn a_noun_typed_with_a_suffix_finds_the_noun() {
    let (library, index) = words(&Glossary::default());
    assert_eq!(chapters_found(&library, &index, "박사급"), [4]);
    assert_eq!(chapters_found(&library, &index, "박사급은"), [4]);
    assert_eq!(chapters_found(&library, &index, "고급"), [1]);
}

#[test]
fn a_question_asking_where_to_try_something_finds_where_to_find_it() {
    let text = |n: u32, said: &str| chapter(n, "장", "이야기.", &[], said);
    let chapters = [
        text(1, "Let us try the models. We try again, and try once more."),
        text(2, "Models can be found on many websites."),
        chapter(
            3,
            "Where to find models",
            "이야기.",
            &[],
            "You can find models on inference providers.",
        ),
        text(4, "봄에 둥지를 짓습니다."),
        text(5, "여름에 날아갑니다."),
    ];
    let (library, index) = course(&chapters, &Glossary::default());
    for query in ["where can I try models", "where can I use models?"] {
        assert_eq!(
            chapters_found(&library, &index, query).first(),
            Some(&3),
            "{query}"
        );
    }
    // Not a question asking where: the verb is the topic.
    assert_eq!(
        chapters_found(&library, &index, "try models").first(),
        Some(&1)
    );
}
