//! Tests of `glossary`: pairs found in the notes, and the names the
//! engine looks concepts up by.

use super::dictionary::Dictionary;
use super::glossary::{pairs_in, Concept, Concepts};
use super::normalize::word_key;

fn pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    pairs_in(text, &mut out);
    out.into_iter()
        .map(|c| (c.en[0].clone(), c.ko[0].clone()))
        .collect()
}

#[test]
fn korean_then_english() {
    assert_eq!(
        pairs("UTF-8 바이트에서 시작해 바이트 페어 인코딩(BPE) 알고리즘을"),
        vec![("BPE".into(), "바이트 페어 인코딩".into())]
    );
    assert_eq!(
        pairs("LLM의 환각(hallucination) 문제"),
        vec![("hallucination".into(), "환각".into())]
    );
    assert_eq!(
        pairs("이 과정을 지도학습 미세조정(SFT)이라 하며"),
        vec![("SFT".into(), "지도학습 미세조정".into())]
    );
}

#[test]
fn english_then_korean_and_noise() {
    assert_eq!(
        pairs("we use the Chain of Thought(사고 사슬) idea"),
        vec![("Chain of Thought".into(), "사고 사슬".into())]
    );
    assert_eq!(
        pairs("a reward function(보상 함수)"),
        vec![("reward function".into(), "보상 함수".into())]
    );
    assert!(pairs("약 44TB(예: FineWeb)").is_empty());
    assert!(pairs("GPT-2(2019)").is_empty());
    assert!(pairs("(").is_empty());
}

/// `im_start` was read as `im` + `start`, and `I'm` normalises to `im`:
/// every "I'm going to start" of the captions was a special token.
#[test]
fn im_start_is_one_word_that_no_common_word_reaches() {
    let mut dict = Dictionary::default();
    let names = [
        "special tokens",
        "im_start",
        "im_end",
        "llm.c",
        "9.11",
        "GPT-2",
    ];
    let concept = Concept {
        en: names.iter().map(|s| s.to_string()).collect(),
        ko: vec!["특수 토큰".into()],
        heard: Vec::new(),
    };
    let concepts = Concepts::build(&[concept], &[], &mut dict);
    let terms = |name: &str| -> Vec<String> {
        let phrase = concepts.phrases.iter().find(|p| p.text == name);
        let terms = phrase.map_or(&[][..], |p| p.terms.as_slice());
        terms.iter().map(|&t| dict.key(t).to_string()).collect()
    };
    assert_eq!(terms("im_start"), ["imstart"]);
    assert_eq!(terms("im_end"), ["imend"]);
    assert_eq!(terms("llm.c"), ["llmc"]);
    assert_eq!(terms("9.11"), ["911"]);
    // Common words, once normalised, reach none of these names.
    for word in ["I'm", "start", "end", "LLM", "c", "9", "11"] {
        let key = word_key(word).map(|k| k.key).unwrap_or_default();
        for name in ["im_start", "im_end", "llm.c", "9.11"] {
            assert!(!terms(name).contains(&key), "{word} reaches {name}");
        }
    }
    // A hyphenated name stays its words (captions say them apart).
    assert_eq!(terms("GPT-2"), ["gpt", "2"]);
    assert_eq!(terms("special tokens"), ["special", "token"]);
}
