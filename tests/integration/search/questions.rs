//! Natural questions are read for their topic: on a tiny course of our own,
//! the words a question asks with — Korean question words (`뭐가`), its
//! predicates (`달라`, `물어보면`, `믿어도 돼`), English contractions
//! (`doesn't`) — found nowhere in the notes neither empty the answer (as a
//! topic the notes lack does: `비트코인 가격`) nor outweigh the topic's
//! words; a noun asked about with a light verb (`학습돼?`, `학습할까`) is
//! that noun. Chapter 1 says "뉴런", "뇌" and "학습" and its captions
//! "tokenizer" and "letters", in its text only (plain words, no title, key
//! point or summary names them).

use lectern::library::Library;
use lectern::search::SearchIndex;

use super::{captioned, chapter_file as chapter};

const COURSE: &str = r#"id: asking
title: "Asking"
title_ko: "질문"
video: "abcdefghijk"
duration: "0:30:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Inside"
    title_ko: "내부"
  - number: 2
    start: "0:10:00"
    title: "Boards"
    title_ko: "리더보드"
  - number: 3
    start: "0:20:00"
    title: "Markets"
    title_ko: "시장"
"#;

const VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:12.000
the tokenizer never sees the letters of a word, only its tokens.

00:10:05.000 --> 00:10:12.000
the board ranks the models by what people prefer.
";

fn asking() -> (Library, SearchIndex) {
    let chapters = [
        chapter(
            1,
            "내부",
            "내부 이야기.",
            &[],
            "인공 신경망의 뉴런은 뇌 속 뉴런보다 훨씬 단순합니다. 신경망을 학습합니다.",
        ),
        chapter(
            2,
            "리더보드",
            "리더보드 이야기.",
            &["리더보드는 사람들의 선호로 순위를 매깁니다"],
            "요즘은 리더보드가 조금 게임되고 있습니다.",
        ),
        chapter(3, "시장", "시장 이야기.", &[], "시장에서 가격을 봅니다."),
    ];
    captioned("asking", COURSE, &chapters, VTT)
}

fn top(q: &str) -> Option<u32> {
    let (library, index) = asking();
    index
        .search(&library, q, None, 5)
        .first()
        .map(|h| h.chapter)
}

#[test]
fn a_korean_question_word_and_predicate_found_nowhere_do_not_empty_the_answer() {
    // `뉴런` and `뇌` are plain words of chapter 1; `뭐가` and `달라` are
    // the question, found nowhere.
    assert_eq!(top("인공 뉴런이랑 뇌 뉴런은 뭐가 달라?"), Some(1));
    assert_eq!(top("인공 뉴런 뇌 뉴런 물어보면 뭐가 달라"), Some(1));
    // Put as a question by its last word alone.
    assert_eq!(top("뇌 뉴런 믿어도 돼"), Some(1));
}

#[test]
fn an_english_contraction_is_the_question_not_its_topic() {
    assert_eq!(top("why doesn't the tokenizer see letters"), Some(1));
    assert_eq!(top("the tokenizer can't see letters"), Some(1));
}

#[test]
fn a_noun_asked_about_with_a_light_verb_is_that_noun() {
    for q in [
        "학습돼?",
        "학습되나요",
        "학습할까요?",
        "학습하나요",
        "학습했어?",
    ] {
        assert_eq!(top(q), Some(1), "{q}");
    }
}

#[test]
fn when_a_question_asks_is_not_its_topic() {
    // `때` (when) with a particle: one syllable, the particle stays on.
    for q in [
        "뉴런 학습할 때는",
        "학습할 때도 뉴런",
        "뉴런 학습할 때도 돼?",
    ] {
        assert_eq!(top(q), Some(1), "{q}");
    }
}

#[test]
fn a_topic_the_notes_lack_still_answers_nothing_when_asked() {
    // `비트코인` is a topic, not the asking: found nowhere, the question
    // shares only a plain word with the notes.
    assert_eq!(top("비트코인 가격 올라?"), None);
    assert_eq!(top("비트코인 가격 왜 올라"), None);
    // Not put as a question: a last word found nowhere is kept.
    assert_eq!(top("가격 카메라"), None);
}

const WORDS_COURSE: &str = r#"id: grammar
title: "Grammar"
title_ko: "문법"
video: "abcdefghijk"
duration: "0:40:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Tokenization"
    title_ko: "토큰화"
  - number: 2
    start: "0:10:00"
    title: "Embeddings"
    title_ko: "임베딩"
  - number: 3
    start: "0:20:00"
    title: "Sampling"
    title_ko: "샘플링"
  - number: 4
    start: "0:30:00"
    title: "Training"
    title_ko: "학습"
"#;

/// Tokenization is said in three chapters (its own the most); "only" and
/// "after" in one other, as plain words.
const WORDS_VTT: &str = "WEBVTT

00:00:05.000 --> 00:00:12.000
tokenization splits text into tokens, and tokenization is the first step.

00:10:05.000 --> 00:10:12.000
embeddings take the tokens that tokenization made.

00:20:05.000 --> 00:20:12.000
after the model is trained we sample only one token at a time.

00:30:05.000 --> 00:30:12.000
training sees the text after tokenization.
";

fn grammar() -> (Library, SearchIndex) {
    let chapters = [
        chapter(1, "토큰화", "토큰화 이야기.", &[], "텍스트를 나눕니다."),
        chapter(2, "임베딩", "임베딩 이야기.", &[], "벡터로 바꿉니다."),
        chapter(3, "샘플링", "샘플링 이야기.", &[], "하나씩 뽑습니다."),
        chapter(4, "학습", "학습 이야기.", &[], "모델을 학습합니다."),
    ];
    captioned("grammar", WORDS_COURSE, &chapters, WORDS_VTT)
}

#[test]
fn an_english_function_word_does_not_outweigh_the_topic() {
    // "only" is said in one chapter, tokenization in three: rarer, the
    // function word would decide which chapters hold the question.
    let (library, index) = grammar();
    for q in ["tokenization only", "tokenization only once more"] {
        let hits = index.search(&library, q, None, 5);
        assert_eq!(hits.first().map(|h| h.chapter), Some(1), "{q}: {hits:#?}");
    }
}
