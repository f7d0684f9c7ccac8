//! Anchors: what a Korean translation and the English captions both say in
//! the same spelling, so a paragraph can be pinned to the second its words
//! are spoken. Latin-script tokens the translation keeps (`FineWeb`,
//! `GPT-2`, `H100`), numbers (`9.11`, `2,000`) and glossary concepts (`에이전트`
//! ↔ `agents`, including what auto-captions mishear for a name).

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use crate::library::captions::CaptionWord;

/// One concept's names as alignment uses them: the Korean spellings the
/// translation may write, the English ones the captions may say (misheard
/// spellings included). Built by the caller from its glossary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConceptNames {
    pub ko: Vec<String>,
    pub en: Vec<String>,
}

/// The key a Latin token is compared under: lower case, letters and digits
/// only (`GPT-2` → `gpt2`, `2,000` → `2000`, `$3` → `3`), a decimal point
/// kept between digits (`9.11`), an English plural dropped (`tokens` →
/// `token`). `None` for what is too short to tell anything.
pub fn latin_key(token: &str) -> Option<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut key = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            key.push('.');
        } else if c == '\'' || c == '’' {
            // `LLM's` → `llm`: a possessive ends the token.
            if chars.get(i + 1).is_some_and(|n| *n == 's' || *n == 'S') {
                break;
            }
        }
    }
    let letters = key.bytes().all(|b| b.is_ascii_lowercase());
    if letters && key.len() > 3 && key.ends_with('s') && !key.ends_with("ss") {
        key.pop();
    }
    (key.len() >= 2).then_some(key)
}

/// Interned anchor keys: Latin keys and concepts share one id space.
#[derive(Debug, Default)]
pub struct Keys {
    ids: FxHashMap<String, u32>,
}

impl Keys {
    pub fn id(&mut self, key: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(key.to_string()).or_insert(next)
    }

    pub fn get(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    fn concept(&mut self, index: usize) -> u32 {
        self.id(&format!("#concept{index}"))
    }
}

/// Where every anchor key is said in the captions: key → caption word indexes,
/// in time order.
#[derive(Debug, Default)]
pub struct SaidAt {
    pub at: FxHashMap<u32, Vec<u32>>,
}

/// Finds the anchor keys said in the captions: each word's Latin key, and
/// each concept whose English spelling (one or more words) is said there.
pub fn spoken_keys(words: &[CaptionWord], concepts: &[ConceptNames], keys: &mut Keys) -> SaidAt {
    let word_keys: Vec<Option<String>> = words.iter().map(|w| latin_key(&w.text)).collect();
    // First word of an English spelling → (concept, the spelling's keys).
    let mut phrases: FxHashMap<String, Vec<(usize, Vec<String>)>> = FxHashMap::default();
    for (c, concept) in concepts.iter().enumerate() {
        for spelling in &concept.en {
            let parts: Vec<String> = spelling.split_whitespace().filter_map(latin_key).collect();
            if let Some(first) = parts.first() {
                phrases
                    .entry(first.clone())
                    .or_default()
                    .push((c, parts.clone()));
            }
        }
    }
    let mut spoken = SaidAt::default();
    for (i, key) in word_keys.iter().enumerate() {
        let Some(key) = key else { continue };
        let id = keys.id(key);
        spoken.at.entry(id).or_default().push(i as u32);
        let Some(candidates) = phrases.get(key) else {
            continue;
        };
        let mut said: Vec<usize> = Vec::new();
        for (c, parts) in candidates {
            let matches = parts.iter().enumerate().all(|(k, part)| {
                word_keys
                    .get(i + k)
                    .is_some_and(|w| w.as_deref() == Some(part.as_str()))
            });
            if matches && !said.contains(c) {
                said.push(*c);
            }
        }
        for c in said {
            let id = keys.concept(c);
            spoken.at.entry(id).or_default().push(i as u32);
        }
    }
    spoken
}

/// One anchor in a paragraph: its key and the character offset where the
/// translation writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub key: u32,
    pub pos: usize,
}

/// Finds anchor keys in Korean text: Latin tokens and numbers, and the
/// Korean spellings of concepts.
pub struct TextAnchors {
    korean: Option<AhoCorasick>,
    /// Pattern index → concept key id.
    pattern_concept: Vec<u32>,
}

impl TextAnchors {
    pub fn new(concepts: &[ConceptNames], keys: &mut Keys) -> TextAnchors {
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_concept = Vec::new();
        // A translation writes a concept in Korean or keeps its English name.
        for (c, concept) in concepts.iter().enumerate() {
            for name in concept.ko.iter().chain(&concept.en) {
                if !name.trim().is_empty() {
                    patterns.push(name.as_str());
                    pattern_concept.push(keys.concept(c));
                }
            }
        }
        let korean = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok();
        TextAnchors {
            korean,
            pattern_concept,
        }
    }

    /// The anchors of one paragraph whose keys are said somewhere in the
    /// video, in text order; `pos` counts characters from the paragraph start.
    pub fn find(&self, text: &str, keys: &Keys) -> Vec<Written> {
        let mut out = Vec::new();
        let mut byte_to_char = FxHashMap::default();
        let mut token_start: Option<(usize, usize)> = None;
        let is_token = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-' | '$');
        let ends = text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')));
        for (chars, (b, c)) in ends.enumerate() {
            byte_to_char.insert(b, chars);
            if is_token(c) {
                token_start.get_or_insert((b, chars));
            } else if let Some((from, pos)) = token_start.take() {
                let key = latin_key(&text[from..b]).and_then(|k| keys.get(&k));
                if let Some(key) = key {
                    out.push(Written { key, pos });
                }
            }
        }
        if let Some(ac) = &self.korean {
            for m in ac.find_iter(text) {
                if !whole_word(text, m.start(), m.end()) {
                    continue;
                }
                let pos = byte_to_char.get(&m.start()).copied().unwrap_or(0);
                out.push(Written {
                    key: self.pattern_concept[m.pattern().as_usize()],
                    pos,
                });
            }
        }
        out.sort_by_key(|w| w.pos);
        out
    }
}

/// Whether `text[start..end]` doesn't cut a Latin word or number in two
/// (`R1` is not found in `GPR10`; Korean text around it is no boundary issue).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let found = &text[start..end];
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let cuts_before = latin(found.chars().next()) && latin(before);
    let cuts_after = latin(found.chars().next_back()) && latin(after);
    !cuts_before && !cuts_after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_keys_are_loose_on_case_punctuation_and_plurals() {
        assert_eq!(latin_key("GPT-2,").as_deref(), Some("gpt2"));
        assert_eq!(latin_key("gpt2").as_deref(), Some("gpt2"));
        assert_eq!(latin_key("2,000").as_deref(), Some("2000"));
        assert_eq!(latin_key("9.11.").as_deref(), Some("9.11"));
        assert_eq!(latin_key("$3.5").as_deref(), Some("3.5"));
        assert_eq!(latin_key("Tokens").as_deref(), Some("token"));
        assert_eq!(latin_key("LLM's").as_deref(), Some("llm"));
        assert_eq!(latin_key("class").as_deref(), Some("class"));
        assert_eq!(latin_key("a"), None);
        assert_eq!(latin_key("7"), None);
    }

    #[test]
    fn text_anchors_find_latin_tokens_and_concepts_by_character() {
        let concepts = [ConceptNames {
            ko: vec!["에이전트".into()],
            en: vec!["agents".into()],
        }];
        let mut keys = Keys::default();
        let words: Vec<CaptionWord> = ["the", "FineWeb", "agents"]
            .iter()
            .enumerate()
            .map(|(i, t)| CaptionWord {
                text: t.to_string(),
                start_ms: i as u64 * 500,
                cue_end_ms: 2_000,
                line: 1,
            })
            .collect();
        let spoken = spoken_keys(&words, &concepts, &mut keys);
        let text = TextAnchors::new(&concepts, &mut keys);
        let found = text.find("파인웹(FineWeb)은 에이전트를", &keys);
        let fineweb = keys.get("fineweb").unwrap();
        assert_eq!(
            found[0],
            Written {
                key: fineweb,
                pos: 4
            }
        );
        assert_eq!(found[1].pos, 14);
        assert_eq!(spoken.at[&found[1].key], vec![2]);
    }
}
