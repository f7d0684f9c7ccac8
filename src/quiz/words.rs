//! Reading the notes for questions: a key point's term (`에이전트: 장시간
//! 자율 작업`), its content words (particles dropped, so `모델이` and
//! `모델은` are one word), whether a text holds a word, and the body
//! paragraph that explains a key point. (Whether two terms are one idea is
//! the search index's to say: [`crate::search::Synonyms`].)

use crate::library::{Chapter, KeyPoint, Moment};
use crate::search::strip_ending;

/// Longest term read from `term: detail`, in characters.
const TERM_CHARS: usize = 20;

/// A key point's term and what it says of it: the bold lead when the notes
/// have one, else the text before a colon when that is a short name
/// (`37수: 인간이 생각 못한 수`). `None` for a key point without one.
pub(crate) fn term_of(kp: &KeyPoint) -> Option<(String, String)> {
    if let Some(term) = kp.term.as_deref().filter(|t| !t.trim().is_empty()) {
        return (!kp.detail.trim().is_empty())
            .then(|| (term.trim().to_string(), kp.detail.trim().to_string()));
    }
    let (term, detail) = kp.detail.split_once([':', '：'])?;
    let (term, detail) = (term.trim(), detail.trim());
    let readable = !term.is_empty()
        && !detail.is_empty()
        && term.chars().count() <= TERM_CHARS
        && term.split_whitespace().count() <= 3
        && !term.chars().all(|c| c.is_ascii_digit())
        && !detail.starts_with(|c: char| c.is_ascii_digit() || c == '/');
    readable.then(|| (term.to_string(), detail.to_string()))
}

/// The words of `text` that carry meaning: lower-cased, particles and
/// light-verb endings dropped, at least two characters.
pub fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.')) {
        let raw = raw.trim_matches(['-', '.']);
        let word = strip_josa(raw).to_lowercase();
        if word.chars().count() >= 2 && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// `word` without its particle or light-verb ending, by search's rule
/// ([`strip_ending`]), keeping any stem of two characters: a term in Latin
/// letters loses its particle too (`GPT-4는` → `GPT-4`).
fn strip_josa(word: &str) -> &str {
    strip_ending(word, |stem| stem.chars().count() >= 2)
}

/// Whether `text` holds `word`, ASCII letters compared without case (what
/// lower-casing both would say for the notes' Korean and English text,
/// without copying `text`).
pub(crate) fn holds(text: &str, word: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), word.as_bytes());
    if needle.is_empty() || needle.len() > hay.len() {
        return false;
    }
    if !needle.iter().any(u8::is_ascii_alphabetic) {
        return text.contains(word);
    }
    let first = needle[0];
    let rest = needle.len();
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + rest)
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// Where `chapter` explains `text`: the start of the body paragraph sharing
/// the most of its content words (the first of equals) among those placed
/// inside the chapter's span, or the chapter's start when none shares any.
pub(crate) fn explaining_moment(chapter: &Chapter, text: &str) -> Moment {
    let words = content_words(text);
    let Some(notes) = chapter.notes.as_ref().filter(|n| n.has_body()) else {
        return Moment::exact(chapter.start);
    };
    let mut best: Option<(usize, Moment)> = None;
    for para in &notes.body {
        let moment = chapter.moment_at(para.offset);
        if moment.seconds < chapter.start || moment.seconds >= chapter.end {
            continue;
        }
        let shared = words.iter().filter(|w| holds(&para.text, w)).count();
        if shared > 0 && best.is_none_or(|(n, _)| shared > n) {
            best = Some((shared, moment));
        }
    }
    best.map_or(Moment::exact(chapter.start), |(_, moment)| moment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kp(detail: &str) -> KeyPoint {
        KeyPoint {
            term: None,
            detail: detail.into(),
        }
    }

    #[test]
    fn terms_come_from_bold_or_short_colon_leads() {
        assert_eq!(
            term_of(&kp("에이전트: 장시간 자율 작업")),
            Some(("에이전트".into(), "장시간 자율 작업".into()))
        );
        assert_eq!(term_of(&kp("반복하여 텍스트 생성")), None);
        assert_eq!(term_of(&kp("3:07 에 나온 이야기")), None);
        assert_eq!(term_of(&kp("see https://x.y")), None);
        let bold = KeyPoint {
            term: Some("RLHF".into()),
            detail: "사람의 선호".into(),
        };
        assert_eq!(term_of(&bold), Some(("RLHF".into(), "사람의 선호".into())));
    }

    #[test]
    fn content_words_drop_particles() {
        assert_eq!(
            content_words("모델은 토큰 단위로 봄"),
            vec!["모델", "토큰", "단위"]
        );
        assert_eq!(
            content_words("GPT-4는 100,277개"),
            vec!["gpt-4", "100", "277개"]
        );
        // Search's rule: copula and light-verb endings, the plural 들.
        assert_eq!(
            content_words("모델이지만 다운로드하고 에이전트들은 나는"),
            vec!["모델", "다운로드", "에이전트", "나는"]
        );
    }

    #[test]
    fn holds_ignores_ascii_case_only() {
        assert!(holds("ChatGPT 같은 모델", "chatgpt"));
        assert!(holds("에이전트라고", "에이전트"));
        assert!(!holds("RL", "rlhf"));
    }
}
