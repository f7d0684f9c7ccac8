//! Concepts that have an English and a Korean name: the hand-written glossary
//! (`config/glossary.yaml`, read through `crate::yaml`) plus pairs found in
//! the notes themselves, where a term is followed by its other-language name
//! in parentheses: `바이트 페어 인코딩(BPE)`, `Chain of Thought(사고의 사슬)`.

use super::normalize::{is_hangul, strip_josa};
use super::stopwords::is_stopword;
use crate::library::Library;

/// Concept glossary: English and Korean terms for one idea.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub concepts: Vec<Concept>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Concept {
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub ko: Vec<String>,
}

impl Glossary {
    pub fn parse(text: &str) -> Result<Glossary, crate::yaml::YamlError> {
        #[derive(serde::Deserialize)]
        struct File {
            concepts: Vec<Concept>,
        }
        let f: File = crate::yaml::parse_document(text)?;
        Ok(Glossary {
            concepts: f.concepts,
        })
    }
}

/// Longest parenthesised term considered, in characters.
const MAX_INNER: usize = 40;

/// English–Korean pairs written as `korean(English)` or `English(korean)` in
/// the library's summaries, key points and translations.
pub fn extract_pairs(library: &Library) -> Vec<Concept> {
    let mut out: Vec<Concept> = Vec::new();
    for course in &library.courses {
        for ch in &course.chapters {
            let Some(notes) = &ch.notes else { continue };
            let texts = std::iter::once(notes.summary.as_str())
                .chain(notes.key_points.iter().map(|k| k.detail.as_str()))
                .chain(notes.body.iter().map(|p| p.text.as_str()));
            for text in texts {
                pairs_in(text, &mut out);
            }
        }
    }
    out.sort_by(|a, b| (&a.en, &a.ko).cmp(&(&b.en, &b.ko)));
    out.dedup();
    out
}

/// Finds the pairs in one text.
pub(crate) fn pairs_in(text: &str, out: &mut Vec<Concept>) {
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[open + 1..].find(')').map(|i| open + 1 + i) else {
            break;
        };
        let inner = text[open + 1..close].trim();
        if inner.is_empty() || inner.chars().count() > MAX_INNER || inner.contains('(') {
            continue;
        }
        let before = text[..open].trim_end_matches(' ');
        if text[..open].ends_with("  ") {
            continue;
        }
        let hangul_inner = inner.chars().any(is_hangul);
        let latin_inner = inner.chars().filter(char::is_ascii_alphabetic).count() >= 2;
        if latin_inner
            && !hangul_inner
            && inner
                .chars()
                .all(|c| c.is_ascii() && !matches!(c, ':' | ';' | '$' | '='))
        {
            let words = inner.split_whitespace().count();
            let acronym = words == 1 && inner.chars().filter(char::is_ascii_uppercase).count() >= 2;
            let max_words = if acronym {
                inner.chars().count().min(4)
            } else {
                words.clamp(2, 4)
            };
            if let Some(ko) = preceding_phrase(before, max_words, true) {
                push(out, inner, &ko);
            }
        } else if hangul_inner && !inner.chars().any(|c| c.is_ascii_alphanumeric()) {
            let ko_words = inner.split_whitespace().count().clamp(1, 4);
            if let Some(en) = preceding_phrase(before, ko_words.max(2), false) {
                push(out, &en, inner);
            }
        }
    }
}

fn push(out: &mut Vec<Concept>, en: &str, ko: &str) {
    let en = en.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let ko = ko.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if en.is_empty() || ko.is_empty() || is_stopword(&en.to_lowercase()) || is_stopword(ko) {
        return;
    }
    out.push(Concept {
        en: vec![en.to_string()],
        ko: vec![ko.to_string()],
    });
}

/// The words right before a parenthesis that name the thing in it: up to
/// `max_words` words of the same script, stopping at punctuation, at a word
/// carrying a particle, and at stopwords. A capitalised English name
/// (`Chain of Thought`) is taken whole, small connecting words included.
fn preceding_phrase(before: &str, max_words: usize, hangul: bool) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let name = !hangul && before.rsplit(' ').next().is_some_and(capitalised);
    let limit = if name { 5 } else { max_words };
    for (n, w) in before.split(' ').rev().enumerate() {
        if words.len() >= limit || w.is_empty() {
            break;
        }
        let ok_chars = if hangul {
            w.chars().all(is_hangul)
        } else {
            w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if !ok_chars {
            break;
        }
        let stop = is_stopword(&w.to_lowercase());
        if hangul && (stop || (n > 0 && strip_josa(w).1)) {
            break;
        }
        if !hangul && ((name && !stop && !capitalised(w)) || (!name && stop)) {
            break;
        }
        words.push(w);
    }
    while words.last().is_some_and(|w| is_stopword(&w.to_lowercase())) {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    let phrase = words.join(" ");
    (phrase.chars().count() <= MAX_INNER).then_some(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
