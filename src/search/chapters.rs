//! Resolving what someone typed as a chapter: a number (`21`, `21장`, `ch21`,
//! `제21장`), a title in either language, an alias, or a loose name
//! (`preview`, `전망`, `딥시크`, `rlhf`, with typos). The engine's readings of
//! the query are scored against chapter names only (titles and aliases, and
//! through the glossary their other-language names); a name that is clearly
//! best wins. Otherwise up to three suggestions come from a full search —
//! and nonsense, which finds nothing, gets none.

use super::completions::name_key;
use super::index::{Index, F_TITLE};
use super::normalize::word_key;
use super::query::{self, Options};
use super::rank::{for_each_match, rank};
use super::tokenize::tokens;
use super::{ChapterMatch, SearchIndex};
use crate::library::Course;

/// Most suggestions when nothing matched clearly.
const MAX_SUGGESTIONS: usize = 3;

/// The chapter number in `21`, `21장`, `ch21`, `chapter 21`, `제21장`, `#21`,
/// `21번`, `21.` (as digits), if the input is one.
pub(crate) fn parse_number(input: &str) -> Option<String> {
    let s = input.trim().to_lowercase();
    let s = s.trim_start_matches('#');
    let s = ["chapter", "chap", "ch.", "ch", "제", "챕터"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
        .trim();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let rest = s[digits.len()..].trim();
    let ok_rest = ["", "장", "번", ".", "강", "챕터", "장.", "번째", "번 챕터"].contains(&rest);
    (!digits.is_empty() && digits.len() <= 6 && ok_rest)
        .then(|| digits.trim_start_matches('0').to_string())
        .map(|d| if d.is_empty() { "0".to_string() } else { d })
}

/// Not found, with the chapters whose numbers are closest to `n`.
fn nearest(course: &Course, n: u32) -> ChapterMatch {
    let mut near: Vec<u32> = course.chapters.iter().map(|c| c.number).collect();
    near.sort_by_key(|&c| (c.abs_diff(n), c));
    near.truncate(MAX_SUGGESTIONS);
    ChapterMatch::NotFound { suggestions: near }
}

pub(crate) fn find(s: &SearchIndex, course: &Course, input: &str) -> ChapterMatch {
    let none = ChapterMatch::NotFound {
        suggestions: Vec::new(),
    };
    let input: String = input.chars().take(query::MAX_QUERY_CHARS).collect();
    let input = input.trim();
    if input.is_empty() {
        return none;
    }
    if let Some(n) = parse_number(input).and_then(|d| d.parse::<u32>().ok()) {
        if course.chapter(n).is_some() {
            return ChapterMatch::Found(n);
        }
        return nearest(course, n);
    }
    // Anything else made of digits and signs (`-1`, `+3`, `1.5`) is a number
    // that names no chapter: never a fuzzy match on the digits of a title.
    if input.chars().any(|c| c.is_ascii_digit())
        && input
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.,_ ".contains(c))
    {
        let n: u32 = input
            .chars()
            .filter(char::is_ascii_digit)
            .take(6)
            .collect::<String>()
            .parse()
            .unwrap_or(0);
        return nearest(course, n);
    }
    // A name pasted from a list (`21. 앞으로의 전망`).
    if let Some((num, rest)) = input.split_once(['.', ' ']) {
        if let Some(c) = num
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|n| course.chapter(n))
        {
            let key = name_key(rest);
            if !key.is_empty()
                && (name_key(&c.title_ko).starts_with(&key) || name_key(&c.title).starts_with(&key))
            {
                return ChapterMatch::Found(c.number);
            }
        }
    }
    let key = name_key(input);
    if !key.is_empty() {
        for ch in &course.chapters {
            let exact = [&ch.title, &ch.title_ko]
                .into_iter()
                .chain(ch.aliases.iter())
                .any(|n| name_key(n) == key);
            if exact {
                return ChapterMatch::Found(ch.number);
            }
        }
    }
    let Some(ci) = s
        .index
        .course_ids
        .iter()
        .position(|c| c.eq_ignore_ascii_case(&course.id))
    else {
        return none;
    };
    let ci = ci as u32;
    let q = query::parse(
        &s.index,
        &s.concepts,
        input,
        Options {
            prefix: true,
            fuzzy: true,
        },
    );
    if let Some(n) = by_title(&s.index, &q, course, ci) {
        return ChapterMatch::Found(n);
    }
    let ranked = rank(&s.index, &q, MAX_SUGGESTIONS, |d| d.course == ci);
    let suggestions = ranked
        .chapters
        .iter()
        .filter_map(|r| s.index.docs.get(r.doc as usize))
        .map(|d| d.number)
        .take(MAX_SUGGESTIONS)
        .collect();
    ChapterMatch::NotFound { suggestions }
}

/// The chapter whose names match every word of the query clearly better than
/// any other's, scored as search does but in titles and aliases only; a name
/// the query covers more completely wins ties (`강화학습` → 강화학습, not
/// `SFT에서 강화학습으로`).
fn by_title(index: &Index, q: &query::Query, chapters: &Course, course: u32) -> Option<u32> {
    let n = q.slots.len();
    if n == 0 {
        return None;
    }
    // (doc, per-slot best score, name terms matched)
    let mut rows: Vec<(u32, Vec<f32>, Vec<u32>)> = Vec::new();
    for alt in &q.alts {
        for_each_match(index, &alt.terms, |doc, fields, _, _| {
            if fields & F_TITLE == 0
                || index
                    .docs
                    .get(doc as usize)
                    .is_none_or(|d| d.course != course)
            {
                return;
            }
            let i = match rows.iter().position(|r| r.0 == doc) {
                Some(i) => i,
                None => {
                    rows.push((doc, vec![0.0; n], Vec::new()));
                    rows.len() - 1
                }
            };
            let row = &mut rows[i];
            for slot in alt.first..=alt.last.min(n - 1) {
                row.1[slot] = row.1[slot].max(alt.weight);
            }
            row.2.extend(alt.terms.iter().copied());
        });
    }
    let mut scored: Vec<(f32, f32, u32)> = rows
        .into_iter()
        .filter(|r| r.1.iter().all(|&s| s > 0.0))
        .map(|(doc, slots, terms)| {
            let completeness = index
                .docs
                .get(doc as usize)
                .and_then(|d| {
                    chapters
                        .chapters
                        .get(d.chapter as usize)
                        .filter(|c| c.number == d.number)
                })
                .map_or(0.0, |c| name_completeness(index, c, &terms));
            (slots.iter().sum::<f32>() / n as f32, completeness, doc)
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
    });
    let best = scored.first()?;
    let clear = match scored.get(1) {
        None => true,
        Some(second) => best.0 > second.0 * 1.15 || (best.0 >= second.0 && best.1 > second.1 + 0.2),
    };
    (clear && best.0 >= 0.2)
        .then(|| index.docs.get(best.2 as usize).map(|d| d.number))
        .flatten()
}

/// The largest share of one of the chapter's names (titles, aliases) that
/// the matched terms cover.
fn name_completeness(index: &Index, chapter: &crate::library::Chapter, matched: &[u32]) -> f32 {
    let names = [&chapter.title, &chapter.title_ko]
        .into_iter()
        .chain(chapter.aliases.iter());
    names
        .map(|name| {
            let mut total = 0usize;
            let mut hit = 0usize;
            for tok in tokens(name) {
                if tok.joined {
                    continue;
                }
                let Some(k) = word_key(tok.text).filter(|k| !k.stop) else {
                    continue;
                };
                total += 1;
                if index.dict.get(&k.key).is_some_and(|t| matched.contains(&t)) {
                    hit += 1;
                }
            }
            hit as f32 / total.max(1) as f32
        })
        .fold(0.0, f32::max)
}
