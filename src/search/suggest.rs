//! Autocomplete: what someone has typed so far, matched against topic and
//! chapter names — whole-name prefix (jamo level, so `환ㄱ` and `에이젼` work)
//! or 초성 prefix (`ㅇㅇㅈ`), word prefix (`arena` → LM Arena), then typos —
//! at most 25 choices, each name at most 100 characters. Reading the mind: a
//! choice whose shown name starts with the input comes before one reached
//! only through a hidden alias or reading (`멀티` → 멀티모달 before 대화,
//! which hides 멀티턴), then the one the input covers more of (`토크` → 토큰
//! before 토크나이저), then the more central topic; a choice reached through
//! an alias shows it (`토큰 텀블러 → 시뮬레이션`). Built for speed: names
//! carry precomputed keys, so a keystroke costs a few string comparisons per
//! name.

use super::completions::{How, Match, Name, NameList, Topic};
use super::fuzzy::osa_within;
use super::normalize::{choseong_query, edit_budget, is_hangul, jamo_key, latin_key, word_key};
use super::tokenize::tokens;
use super::{SearchIndex, Suggestion};
use crate::cut::truncate;
use crate::library::Library;

/// Most choices Discord shows.
pub(crate) const MAX_SUGGESTIONS: usize = 25;
/// Longest choice name Discord accepts.
pub(crate) const MAX_NAME: usize = 100;
/// Longest input read.
const MAX_INPUT: usize = 100;
/// Most names looked at per keystroke (the most popular with the right first
/// letter), which bounds the time in a library of thousands of chapters.
const MAX_SCANNED: usize = 4_000;

/// What has been typed, in the forms names are compared with.
pub(crate) struct Typed {
    /// Keys of the words as typed, concatenated (no particle stripping).
    raw: Vec<char>,
    /// Keys with particles and plurals stripped, concatenated.
    stem: Vec<char>,
    /// Key of each typed word.
    words: Vec<Vec<char>>,
    /// The 초성 typed (`ㅇㅇㅈ`), if only consonants were.
    choseong: Option<Vec<char>>,
    surface_chars: usize,
}

impl Typed {
    pub fn new(input: &str) -> Typed {
        let input: String = input.chars().take(MAX_INPUT).collect();
        let words: Vec<&str> = tokens(&input)
            .into_iter()
            .filter(|t| !t.joined)
            .map(|t| t.text)
            .collect();
        let key = |w: &str| {
            if w.chars().any(is_hangul) {
                jamo_key(w)
            } else {
                latin_key(w)
            }
        };
        let raw: String = words.iter().map(|w| key(w)).collect();
        let stem: String = words
            .iter()
            .map(|w| word_key(w).map_or_else(|| key(w), |k| k.key))
            .collect();
        let compact: String = words.concat();
        let choseong = if compact.chars().count() == 1 {
            choseong_query(&format!("{compact}{compact}")).map(|c| c.chars().take(1).collect())
        } else {
            choseong_query(&compact)
        };
        Typed {
            raw: raw.chars().collect(),
            stem: stem.chars().collect(),
            words: words.iter().map(|w| key(w).chars().collect()).collect(),
            choseong: choseong.map(|c| c.chars().collect()),
            surface_chars: compact.chars().count(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The letters a matching name's key, word or 초성 must start with.
    pub fn firsts(&self) -> Vec<char> {
        let mut out: Vec<char> = [self.raw.first(), self.stem.first()]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        out.extend(self.words.iter().filter_map(|w| w.first().copied()));
        out.extend(self.choseong.iter().filter_map(|c| c.first().copied()));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How `t` matches what was typed, if it does: through which of its
    /// names, and how that ranks (see [`Match`]).
    pub fn matches(&self, t: &Topic) -> Option<Match> {
        if self.raw.is_empty() {
            return None;
        }
        let forms = [self.raw.as_slice(), self.stem.as_slice()];
        let mut best: Option<Match> = None;
        for (i, name) in t.names.iter().enumerate() {
            let Some((how, covered)) = self.how(&forms, name) else {
                continue;
            };
            let found = Match::new(how, name.shown, covered, i);
            if best.is_none_or(|b| found.rank() < b.rank()) {
                best = Some(found);
            }
            if found.rank() == (0, 0) {
                break; // a shown name typed whole: nothing ranks higher
            }
        }
        if best.is_some() {
            return best;
        }
        // One typo at most while typing: a prefix is too short a context for
        // two; and only when no name matches as typed.
        let budget = edit_budget(self.raw.len(), self.surface_chars).min(1);
        if budget == 0 {
            return None;
        }
        let typo = |n: &&Name| prefix_within(&self.raw, &n.key, budget);
        let found = |(i, n): (usize, &Name)| {
            let covered = self.raw.len() as f32 / n.key.len().max(1) as f32;
            Match::new(How::Typo, n.shown, covered, i)
        };
        let mut typos = t.names.iter().enumerate().filter(|(_, n)| typo(n));
        let first = typos.next().map(found)?;
        Some(
            typos
                .map(found)
                .fold(first, |b, m| if m.rank() < b.rank() { m } else { b }),
        )
    }

    /// How one name matches as typed: whole-name prefix or 초성 prefix, or
    /// word prefixes; with how much of the name the input covers.
    fn how(&self, forms: &[&[char]], name: &Name) -> Option<(How, f32)> {
        let share = |typed: usize, of: usize| typed as f32 / of.max(1) as f32;
        if let Some(f) = forms
            .iter()
            .find(|f| !f.is_empty() && name.key.starts_with(f))
        {
            return Some((How::Prefix, share(f.len(), name.key.len())));
        }
        if let (Some(c), Some(nc)) = (&self.choseong, &name.choseong) {
            if nc.starts_with(c) {
                return Some((How::Prefix, share(c.len(), nc.len())));
            }
        }
        if !self.words.is_empty()
            && self
                .words
                .iter()
                .all(|w| name.words.iter().any(|nw| nw.starts_with(w)))
        {
            return Some((How::Words, share(self.raw.len(), name.key.len())));
        }
        None
    }
}

/// Whether `typed` is within `budget` edits of some prefix of `key` (of
/// length `typed.len()` ± budget), with the first letter right.
fn prefix_within(typed: &[char], key: &[char], budget: usize) -> bool {
    if typed.first() != key.first() || key.len() + budget < typed.len() {
        return false;
    }
    if budget == 1 {
        return prefix_within_one(typed, key);
    }
    let lo = typed.len().saturating_sub(budget).max(1);
    let hi = (typed.len() + budget).min(key.len());
    (lo..=hi).any(|n| osa_within(typed, &key[..n], budget))
}

/// [`prefix_within`] for one edit, without a table: after the common start,
/// what is left of `typed` must continue `key` once one substitution,
/// insertion, deletion or swap of neighbours is undone.
fn prefix_within_one(typed: &[char], key: &[char]) -> bool {
    let i = typed.iter().zip(key).take_while(|(a, b)| a == b).count();
    if i == typed.len() {
        return true;
    }
    let continues = |t: &[char], k: &[char]| k.starts_with(t) || t.is_empty();
    let (t, k) = (&typed[i..], key.get(i..).unwrap_or(&[]));
    continues(&t[1..], k.get(1..).unwrap_or(&[]))
        || continues(&t[1..], k)
        || (!k.is_empty() && continues(t, &k[1..]))
        || (t.len() >= 2
            && k.len() >= 2
            && t[0] == k[1]
            && t[1] == k[0]
            && continues(&t[2..], &k[2..]))
}

/// The `n장` part of a choice name.
fn chapter_tag(s: &SearchIndex, library: &Library, t: &Topic) -> String {
    match t.chapter {
        Some((c, n)) if library.courses.len() > 1 => {
            let id = s
                .index
                .course_ids
                .get(c as usize)
                .map_or("", String::as_str);
            format!(" — {id} {n}장")
        }
        Some((_, n)) => format!(" — {n}장"),
        None => String::new(),
    }
}

/// The names of `names` that `typed` matches (all, in order, if nothing is
/// typed), best first, at most 25; with the match (`None` when nothing is
/// typed). Order: [`Match::rank`], then the more central topic (higher
/// score), then the list's order.
fn matching<'n>(
    names: &'n NameList,
    typed: &Typed,
    keep: impl Fn(&Topic) -> bool,
) -> Vec<(&'n Topic, Option<Match>)> {
    if typed.is_empty() {
        return names
            .list
            .iter()
            .filter(|t| keep(t))
            .take(MAX_SUGGESTIONS)
            .map(|t| (t, None))
            .collect();
    }
    let mut found: Vec<(Match, &'n Topic, u32)> = Vec::new();
    let mut exact = 0;
    for i in names
        .starting_with(&typed.firsts())
        .into_iter()
        .take(MAX_SCANNED)
    {
        let Some(t) = names.list.get(i as usize) else {
            continue;
        };
        if !keep(t) {
            continue;
        }
        if let Some(m) = typed.matches(t) {
            found.push((m, t, i));
            exact += usize::from(m.rank() == (0, 0));
            if exact >= 4 * MAX_SUGGESTIONS {
                break;
            }
        }
    }
    found.sort_by(|(ma, ta, ia), (mb, tb, ib)| {
        ma.rank()
            .cmp(&mb.rank())
            .then(tb.score.total_cmp(&ta.score))
            .then(ia.cmp(ib))
    });
    found
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(m, t, _)| (t, Some(m)))
        .collect()
}

/// The choice's name: its label, after the alias it matched through when
/// that is hidden (`토큰 텀블러 → 시뮬레이션 · simulation`), cut to leave
/// `room` characters.
fn shown_label(t: &Topic, m: Option<Match>, room: usize) -> String {
    match m.filter(Match::hidden).and_then(|m| t.names.get(m.name)) {
        Some(alias) => {
            let alias = truncate(&alias.text, room / 2);
            let rest = room.saturating_sub(alias.chars().count() + 3);
            format!("{alias} → {}", truncate(&t.label, rest))
        }
        None => truncate(&t.label, room),
    }
}

pub(crate) fn topics(
    s: &SearchIndex,
    library: &Library,
    prefix: &str,
    course: Option<&str>,
) -> Vec<Suggestion> {
    let Some(course) = s.course_filter(course) else {
        return Vec::new();
    };
    let typed = Typed::new(prefix);
    matching(&s.topics.names, &typed, |t| {
        course.is_none_or(|c| t.courses.contains(&c))
    })
    .into_iter()
    .map(|(t, m)| {
        let tag = chapter_tag(s, library, t);
        let room = MAX_NAME.saturating_sub(tag.chars().count());
        Suggestion {
            name: format!("{}{tag}", shown_label(t, m, room)),
            value: truncate(&t.value, MAX_NAME),
        }
    })
    .collect()
}

pub(crate) fn chapters(
    s: &SearchIndex,
    library: &Library,
    prefix: &str,
    course: Option<&str>,
) -> Vec<Suggestion> {
    let Some(course) = s.course_filter(course) else {
        return Vec::new();
    };
    let in_course = |t: &Topic| course.is_none_or(|c| t.courses.contains(&c));
    let picked: Vec<(&Topic, Option<Match>)> = match super::chapters::parse_number(prefix) {
        Some(n) => {
            let mut found: Vec<(bool, &Topic)> = s
                .chapter_names
                .list
                .iter()
                .filter(|t| in_course(t))
                .filter_map(|t| {
                    let own = t.chapter.map_or(String::new(), |(_, k)| k.to_string());
                    own.starts_with(n.as_str()).then_some((own != n, t))
                })
                .collect();
            found.sort_by_key(|(longer, _)| *longer);
            if found.is_empty() {
                // No such number: perhaps a name with digits (`37수`).
                matching(&s.chapter_names, &Typed::new(prefix), in_course)
            } else {
                found
                    .into_iter()
                    .map(|(_, t)| (t, None))
                    .take(MAX_SUGGESTIONS)
                    .collect()
            }
        }
        None => matching(&s.chapter_names, &Typed::new(prefix), in_course),
    };
    picked
        .into_iter()
        .map(|(t, m)| {
            let value = match t.chapter {
                Some((c, n)) if library.courses.len() > 1 => {
                    format!(
                        "{}:{n}",
                        s.index
                            .course_ids
                            .get(c as usize)
                            .map_or("", String::as_str)
                    )
                }
                Some((_, n)) => n.to_string(),
                None => t.value.clone(),
            };
            Suggestion {
                name: shown_label(t, m, MAX_NAME),
                value: truncate(&value, MAX_NAME),
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
