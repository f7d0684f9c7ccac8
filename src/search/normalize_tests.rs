//! Unit tests of the Korean (and Latin) normalisation: particle stripping,
//! jamo decomposition and compatibility jamo, loanword folding, 초성, English
//! stems and the typo budget — the rules every index key and query key share.

use super::normalize::*;

fn key(word: &str) -> String {
    word_key(word).map(|k| k.key).unwrap_or_default()
}

#[test]
fn josa_is_stripped_longest_first() {
    assert_eq!(strip_josa("에이전트는"), ("에이전트", true));
    assert_eq!(strip_josa("환각이란"), ("환각", true));
    assert_eq!(strip_josa("강화학습에서"), ("강화학습", true));
    assert_eq!(strip_josa("강화학습에서는"), ("강화학습", true));
    assert_eq!(strip_josa("강화학습으로"), ("강화학습", true));
    assert_eq!(strip_josa("에이전트들에게"), ("에이전트", true));
    assert_eq!(strip_josa("에이전트들"), ("에이전트", true));
    assert_eq!(strip_josa("압축이고"), ("압축", true));
}

#[test]
fn a_particle_comes_off_only_where_its_sound_fits() {
    // 이 is a particle after a final consonant only: `플레이` is a word.
    assert_eq!(strip_josa("플레이"), ("플레이", false));
    assert_eq!(strip_josa("디스플레이"), ("디스플레이", false));
    assert_eq!(strip_josa("모델이"), ("모델", true));
    assert_eq!(strip_josa("플레이가"), ("플레이", true));
    // 로 after a vowel or ㄹ, 으로 after any other final consonant.
    assert_eq!(strip_josa("모델로"), ("모델", true));
    assert_eq!(strip_josa("데이터로"), ("데이터", true));
    assert_eq!(strip_josa("토큰으로"), ("토큰", true));
    // The copula follows either (`하드웨어이고`).
    assert_eq!(strip_josa("하드웨어이고"), ("하드웨어", true));
}

#[test]
fn a_particle_inside_another_comes_off_too() {
    assert_eq!(strip_josa("대국만으로"), ("대국", true));
    assert_eq!(strip_josa("데이터까지의"), ("데이터", true));
    assert_eq!(strip_josa("모델에게는"), ("모델", true));
    // 만 of a number stays with the number.
    assert_eq!(strip_josa("수백만으로"), ("수백만", true));
    // Two syllables must remain.
    assert_eq!(strip_josa("오만으로"), ("오만", true));
}

#[test]
fn light_verb_endings_leave_the_noun() {
    assert_eq!(strip_josa("다운로드하고"), ("다운로드", true));
    assert_eq!(strip_josa("설명합니다"), ("설명", true));
    assert_eq!(strip_josa("학습된"), ("학습", true));
    assert_eq!(strip_josa("동작해"), ("동작", true));
    // A particle comes off first; a one-syllable stem keeps its ending.
    assert_eq!(strip_josa("모델에서"), ("모델", true));
    assert_eq!(strip_josa("이해"), ("이해", false));
    assert_eq!(strip_josa("역할"), ("역할", false));
}

#[test]
fn josa_needs_a_stem_of_two_syllables() {
    assert_eq!(strip_josa("나는"), ("나는", false));
    assert_eq!(strip_josa("길이"), ("길이", false));
    assert_eq!(strip_josa("이"), ("이", false));
    assert_eq!(
        strip_josa("알파고"),
        ("알파고", false),
        "고 alone is not a particle"
    );
    assert_eq!(strip_josa("에이전트"), ("에이전트", false));
    assert_eq!(
        strip_josa("LLM의"),
        ("LLM의", false),
        "only whole-syllable stems"
    );
}

#[test]
fn particles_alone_are_recognised() {
    assert!(is_particle("의"));
    assert!(is_particle("에서"));
    assert!(is_particle("들에게"));
    assert!(!is_particle("모델"));
}

#[test]
fn syllables_decompose_to_one_jamo_alphabet() {
    // Initial and final consonants compare equal, so half-typed syllables line up.
    assert!(jamo_key("에이전트").starts_with(&jamo_key("에이전ㅌ")));
    assert!(jamo_key("환각").starts_with(&jamo_key("환ㄱ")));
    assert!(jamo_key("멀티모달").starts_with(&jamo_key("멀팀")));
    // Typed compatibility jamo equal decomposed syllables.
    assert_eq!(jamo_key("ㅎㅘㄴ"), jamo_key("환"));
    assert_eq!(
        jamo_key("ㅎㅗㅏㄴ"),
        jamo_key("환"),
        "compound vowels split"
    );
    assert_eq!(jamo_key("닭"), jamo_key("달ㄱ"), "compound finals split");
    // Already-decomposed (NFD) input gives the same key.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("에이전트").collect();
    assert_eq!(jamo_key(&nfd), jamo_key("에이전트"));
    assert_eq!(jamo_key("abc"), "");
}

#[test]
fn loanword_spellings_fold() {
    for (a, b) in [
        ("쟈", "자"),
        ("져", "저"),
        ("죠", "조"),
        ("쥬", "주"),
        ("챠", "차"),
        ("쳐", "처"),
        ("쵸", "초"),
        ("츄", "추"),
    ] {
        assert_eq!(jamo_key(a), jamo_key(b), "{a} ~ {b}");
    }
    assert_eq!(key("에이젼트는"), key("에이전트"));
    assert_eq!(key("쥬스"), key("주스"));
    assert_ne!(jamo_key("갸"), jamo_key("가"), "only after ㅈ/ㅊ");
}

#[test]
fn choseong_of_words_and_queries() {
    assert_eq!(choseong_query("ㅇㅇㅈㅌ"), choseong("에이전트"));
    assert_eq!(choseong_query("ㅁㅌㅁㄷ"), choseong("멀티모달"));
    assert_eq!(choseong_query("ㄷㅉㄴㅉ"), choseong("들쭉날쭉"));
    assert_eq!(choseong_query("ㅇ"), None, "at least two consonants");
    assert_eq!(choseong_query("ㅏㅏ"), None, "vowels are not 초성");
    assert_eq!(choseong_query("ㅇㅏ"), None);
    assert_eq!(choseong_query("ㄳㄱ"), None, "compound finals are not 초성");
    assert_eq!(choseong("에이전트a"), None);
    assert_eq!(choseong(""), None);
    let k = word_key("에이전트는").expect("a key");
    assert_eq!(k.choseong, choseong("에이전트"), "초성 of the stem");
}

#[test]
fn word_keys() {
    let k = word_key("에이전트는").expect("a key");
    assert!(k.stemmed);
    assert_eq!(k.stem_chars, 4);
    assert_eq!(k.script, Script::Hangul);
    assert_eq!(key("ALPHAGO"), "alphago");
    assert_eq!(key("Agents"), "agent");
    assert_eq!(key("Café"), "cafe");
    assert_eq!(key("ＧＰＴ"), "gpt");
    assert_eq!(key("LLM's"), "llm");
    assert!(word_key("the").expect("a key").stop);
    assert!(word_key("것").expect("a key").stop);
    assert!(word_key("무엇인가요").expect("a key").stop);
    assert!(!word_key("환각").expect("a key").stop);
    assert_eq!(word_key("😀"), None);
    assert_eq!(word_key(""), None);
}

#[test]
fn english_plurals_only() {
    assert_eq!(stem_english("agents").0, "agent");
    assert_eq!(stem_english("policies").0, "policy");
    assert_eq!(stem_english("llms").0, "llm");
    assert_eq!(stem_english("hallucinations").0, "hallucination");
    assert_eq!(stem_english("process").0, "process");
    assert_eq!(stem_english("ideas").0, "idea");
    assert_eq!(stem_english("gpus").0, "gpu");
    assert_eq!(stem_english("gpt").0, "gpt");
    assert_eq!(stem_english("h100s").0, "h100s", "no stemming with digits");
}

#[test]
fn typo_budget_follows_length() {
    assert_eq!(edit_budget(4, 4), 0);
    assert_eq!(edit_budget(5, 5), 1);
    assert_eq!(edit_budget(8, 8), 1);
    assert_eq!(edit_budget(9, 9), 2);
    assert_eq!(
        edit_budget(6, 2),
        0,
        "two syllables are too short to correct"
    );
    assert_eq!(edit_budget(9, 4), 2, "에이젼트: nine jamo");
}

#[test]
fn syllable_fast_path_equals_nfkd() {
    // jamo_key decomposes whole-syllable words by arithmetic; it must agree
    // with unicode-normalization's NFKD (used for everything else).
    for c in '\u{AC00}'..='\u{D7A3}' {
        let s = c.to_string();
        let via_nfkd = jamo_key(&format!("{s}\u{3131}"));
        let fast = jamo_key(&s);
        assert!(via_nfkd.starts_with(&fast), "{c}");
        assert_eq!(via_nfkd.chars().count(), fast.chars().count() + 1, "{c}");
    }
}
