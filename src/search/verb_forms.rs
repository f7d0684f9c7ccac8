//! Readings of Korean verb forms: a verb typed with auxiliary `보다`
//! (`써볼` → `쓰`), a noun read as its light verb (`예측` → 예측하는), and a
//! verb in its noun form (`기다리기` → 기다리는, 기다려), each found as the
//! forms the course's text says. Beside `expansions`, whose readings they
//! join.

use super::dictionary::TermId;
use super::expansions::Alts;
use super::index::Index;
use super::jamo::{is_syllable, syllable, syllable_parts};
use super::normalize::jamo_key;
use super::slot::{Form, Slot, Tier};

/// Auxiliary `보다` (try) after a verb's 아/어 form: `써볼` is `써` + `볼`.
const TRY_FORMS: &[&str] = &["볼", "봐", "보고", "보는", "본", "봤", "보기", "보려면"];
/// Endings a verb stem takes in a name (`쓸 수 있는 곳`, `쓰는 법`).
const VERB_ENDINGS: &[&str] = &["ㄹ", "ㄴ", "는", "기", "다", "면"];

/// The verb stem of a word typed as a Korean verb form (`써볼` → `쓰`,
/// `먹어봐` → `먹`), when it has one.
pub(crate) fn verb_stem(word: &str) -> Option<String> {
    let rest = TRY_FORMS.iter().find_map(|f| word.strip_suffix(f))?;
    let mut chars: Vec<char> = rest.chars().collect();
    let (lead, vowel, tail) = syllable_parts(*chars.last()?)?;
    if tail != 0 {
        return None;
    }
    // 0 = ㅏ, 4 = ㅓ, 18 = ㅡ; lead 11 = ㅇ.
    match (lead, vowel) {
        // `먹어`, `잡아`: the ending is its own syllable.
        (11, 0 | 4) if chars.len() >= 2 => {
            chars.pop();
        }
        // `써` = `쓰` + `어`: the stem's ㅡ fell out.
        (lead, 0 | 4) if lead != 11 => {
            let stem = syllable(lead, 18, 0)?;
            if let Some(c) = chars.last_mut() {
                *c = stem;
            }
        }
        _ => return None,
    }
    Some(chars.into_iter().collect())
}

/// A Korean verb form (`써볼`) read as its stem with the endings names use
/// (`쓸`, `쓰는`), as a stem match.
pub(crate) fn verb_forms(index: &Index, slot: &Slot, i: usize, alts: &mut Alts) {
    let Some(stem) = verb_stem(&slot.stem_text) else {
        return;
    };
    for ending in VERB_ENDINGS {
        let word = jamo_key(&format!("{stem}{ending}"));
        if let Some(t) = index.dict.get(&word).filter(|&t| index.df(t) > 0) {
            alts.add(vec![t], i, i, Tier::Stem.weight() * 0.9, Tier::Stem);
        }
    }
}

/// A noun typed alone (`예측`) read as its light verb (`예측하`, of
/// `예측하는`; `업데이트되`, of `업데이트된`): the same word, as a stem.
pub(crate) fn light_verb_forms(index: &Index, slot: &Slot) -> Vec<Form> {
    if slot.stem_text.ends_with(['하', '되']) || slot.stem_text.chars().count() < 2 {
        return Vec::new();
    }
    ["하", "되"]
        .iter()
        .filter_map(|verb| index.dict.get(&format!("{}{}", slot.key, jamo_key(verb))))
        .filter(|&t| index.df(t) > 0)
        .map(|term| Form {
            term,
            tier: Tier::Stem,
            sim: 1.0,
        })
        .collect()
}

/// Most conjugated forms read for one stem of a nominalised verb.
const MAX_VERB_FORMS: usize = 12;

/// The stem of a verb typed in its noun form (`기다리기` → `기다리`), when
/// it has a stem of two syllables or more, and the stem's 아/어 form when
/// it contracts (`기다리` → `기다려`, `존중하` → `존중해`, `쓰` → `써`).
pub(crate) fn nominal_stems(word: &str) -> Vec<String> {
    let Some(stem) = word.strip_suffix('기') else {
        return Vec::new();
    };
    let mut chars: Vec<char> = stem.chars().collect();
    if chars.len() < 2 || !chars.iter().all(|&c| is_syllable(c)) {
        return Vec::new();
    }
    let mut out = vec![stem.to_string()];
    let Some(last) = chars.last_mut() else {
        return out;
    };
    let Some((lead, vowel, 0)) = syllable_parts(*last) else {
        return out;
    };
    // ㅣ→ㅕ, ㅡ→ㅓ, ㅗ→ㅘ, ㅜ→ㅝ, ㅚ→ㅙ; 하 → 해 (lead 18 = ㅎ).
    let contracted = match (lead, vowel) {
        (18, 0) => Some(1),
        (_, 20) => Some(6),
        (_, 18) => Some(4),
        (_, 8) => Some(9),
        (_, 13) => Some(14),
        (_, 11) => Some(10),
        _ => None,
    };
    if let Some(c) = contracted.and_then(|v| syllable(lead, v, 0)) {
        *last = c;
        out.push(chars.into_iter().collect());
    }
    out
}

/// A verb typed in its noun form (`기다리기`) read as its conjugations in
/// the notes (`기다리는`, `기다려야겠다`, `기다렸다`): every word that
/// starts with its stem. Two syllables of stem at
/// least, so `하기` is not read as every word starting with `하`.
pub(crate) fn nominal_verb_forms(index: &Index, slot: &Slot) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    for stem in nominal_stems(&slot.stem_text) {
        let key = jamo_key(&stem);
        let mut found: Vec<TermId> = index
            .dict
            .prefixed(&key)
            .filter(|&t| index.df(t) > 0 && index.dict.key(t) != slot.key)
            .take(4 * MAX_VERB_FORMS)
            .collect();
        found.sort_by_key(|&t| std::cmp::Reverse(index.df(t)));
        out.extend(found.into_iter().take(MAX_VERB_FORMS).map(|term| Form {
            term,
            tier: Tier::Conjugated,
            sim: 1.0,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{nominal_stems, verb_stem};

    #[test]
    fn a_verb_in_its_noun_form_reads_as_its_stems() {
        assert_eq!(nominal_stems("기다리기"), ["기다리", "기다려"]);
        assert_eq!(nominal_stems("존중하기"), ["존중하", "존중해"]);
        assert_eq!(nominal_stems("던지기"), ["던지", "던져"]);
        assert_eq!(nominal_stems("만들기"), ["만들"]);
        for word in ["하기", "쓰기", "모델", "기", "ab기"] {
            assert!(nominal_stems(word).is_empty(), "{word}");
        }
    }

    #[test]
    fn verb_forms_read_as_their_stem() {
        assert_eq!(verb_stem("써볼").as_deref(), Some("쓰"));
        assert_eq!(verb_stem("먹어봐").as_deref(), Some("먹"));
        assert_eq!(verb_stem("꺼보기").as_deref(), Some("끄"));
        for word in ["모델", "볼", "어볼", "있나", "봐"] {
            assert_eq!(verb_stem(word), None, "{word}");
        }
    }
}
