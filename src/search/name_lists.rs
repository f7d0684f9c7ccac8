//! The lists autocomplete offers: chapter names and topics.
//!
//! Chapters: each with its titles, aliases and the other names the glossary
//! gives for words of its titles. Topics, also offered in "nothing found":
//! names that really occur in the notes — glossary concepts (with their
//! English and Korean names), key-point terms (`환각: …`), parts of chapter
//! titles, and aliases — each with how widely it is discussed and its main
//! chapter. Topics are kept most popular first, one per chapter before any
//! chapter's second, so the empty prefix and "nothing found" show a spread.

use rustc_hash::FxHashMap;

use super::completions::{name_key, push_name, NameList, Topic};
use super::dictionary::TermId;
use super::glossary::Concepts;
use super::index::Index;
use super::normalize::{is_hangul, word_key};
use super::rank::{field_score, for_each_match};
use super::title_parts::title_parts;
use super::tokenize::tokens;
use super::topic_merge::merge_same_names;
use crate::library::Library;

#[derive(Debug, Clone, Default)]
pub(crate) struct Topics {
    /// Most popular first.
    pub names: NameList,
}

/// Terms of a name, as the index knows them (`None` if some word is unknown).
fn name_terms(index: &Index, text: &str) -> Option<Vec<TermId>> {
    let mut terms = Vec::new();
    for w in super::tokenize::tokens(text) {
        if w.joined {
            continue;
        }
        let Some(k) = word_key(w.text) else { continue };
        if k.stop {
            continue;
        }
        terms.push(index.dict.get(&k.key)?);
    }
    (!terms.is_empty()).then_some(terms)
}

/// Where a name is discussed: number of chapters and the main one.
fn occurrence(index: &Index, terms: &[TermId]) -> (usize, Option<u32>, Vec<u32>) {
    let mut df = 0;
    let mut best: Option<(f32, u32)> = None;
    let mut courses = Vec::new();
    for_each_match(index, terms, |doc, fields, tf, heard| {
        let Some(d) = index.docs.get(doc as usize) else {
            return;
        };
        df += 1;
        let (s, _) = field_score(fields, tf, heard, d.norm);
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, doc));
        }
        if !courses.contains(&d.course) {
            courses.push(d.course);
        }
    });
    (df, best.map(|(_, d)| d), courses)
}

impl Topics {
    pub fn build(index: &Index, concepts: &Concepts, library: &Library) -> Topics {
        let mut b = Builder::default();
        // Names from the chapters themselves.
        for course in &library.courses {
            for ch in &course.chapters {
                let mut names: Vec<(String, f32)> = Vec::new();
                for title in [&ch.title_ko, &ch.title] {
                    for part in title_parts(title) {
                        names.push((part.to_string(), 2.0));
                    }
                }
                names.extend(ch.aliases.iter().map(|a| (a.trim().to_string(), 1.5)));
                if let Some(notes) = &ch.notes {
                    for kp in &notes.key_points {
                        let head = kp.term.clone().or_else(|| {
                            let (h, rest) = kp.detail.split_once([':', '：'])?;
                            (!rest.trim().is_empty()
                                && h.chars().count() <= 20
                                && h.split_whitespace().count() <= 4)
                                .then(|| h.trim().to_string())
                        });
                        if let Some(h) = head {
                            names.push((h, 1.5));
                        }
                    }
                }
                let at = library_doc(index, course, ch.number);
                for (name, bonus) in names {
                    b.add(index, &name, &[], bonus, at);
                }
            }
        }
        // Concepts that occur, under their best Korean and English names.
        for members in &concepts.members {
            let mut present: Vec<(&str, bool, usize)> = Vec::new();
            for &p in members {
                let Some(ph) = concepts.phrase(p) else {
                    continue;
                };
                let (df, _, _) = occurrence(index, &ph.terms);
                if df > 0 {
                    present.push((ph.text.as_str(), ph.hangul, df));
                }
            }
            // The first Korean name the glossary lists that occurs, else the first name.
            let Some(&(main, _, _)) = present.iter().find(|p| p.1).or(present.first()) else {
                continue;
            };
            let other = members
                .iter()
                .filter_map(|&p| concepts.phrase(p))
                .find(|p| !p.hangul && p.text != main)
                .map(|p| p.text.as_str());
            let aliases: Vec<&str> = members
                .iter()
                .filter_map(|&p| concepts.phrase(p))
                .map(|p| p.text.as_str())
                .collect();
            let label = match other {
                Some(en) if main.chars().any(is_hangul) => format!("{main} · {en}"),
                _ => main.to_string(),
            };
            b.add_labelled(index, main, label, &aliases, 1.0, None);
        }
        b.finish()
    }

    /// Up to `n` real topics, most discussed first, from different chapters,
    /// each named in the reader's script when it has such a name (`english`:
    /// Latin letters, else Hangul), for "try one of these".
    pub fn examples(&self, n: usize, english: bool) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut chapters = Vec::new();
        for t in &self.names.list {
            if out.len() >= n {
                break;
            }
            if t.chapter.is_some_and(|c| chapters.contains(&c)) || t.value.chars().count() > 24 {
                continue;
            }
            chapters.extend(t.chapter);
            let in_script = |text: &str| {
                let hangul = crate::hangul::has_syllable(text);
                english != hangul
            };
            let name = t
                .names
                .iter()
                .map(|name| name.text.as_str())
                .find(|text| in_script(text) && text.chars().count() <= 24)
                .unwrap_or(&t.value);
            let name = if english {
                capitalized(name)
            } else {
                name.to_string()
            };
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }
}

/// `inference` → `Inference`, for a name written all in small letters
/// (glossary style); anything else (`llm.c`, `GPT-2`) as written.
fn capitalized(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if plain => first.to_ascii_uppercase().to_string() + chars.as_str(),
        _ => name.to_string(),
    }
}

/// The document of chapter `number` of `course` (by the index's numbering).
fn library_doc(index: &Index, course: &crate::library::Course, number: u32) -> Option<(u32, u32)> {
    let ci = index.course_ids.iter().position(|c| *c == course.id)? as u32;
    Some((ci, number))
}

#[derive(Default)]
struct Builder {
    list: Vec<Topic>,
    by_key: FxHashMap<String, usize>,
}

impl Builder {
    fn add(
        &mut self,
        index: &Index,
        name: &str,
        aliases: &[&str],
        bonus: f32,
        at: Option<(u32, u32)>,
    ) {
        self.add_labelled(index, name, name.to_string(), aliases, bonus, at);
    }

    /// Adds a topic, or merges it into the one with the same key. `at` is the
    /// chapter the name comes from, if it comes from one.
    fn add_labelled(
        &mut self,
        index: &Index,
        name: &str,
        label: String,
        aliases: &[&str],
        bonus: f32,
        at: Option<(u32, u32)>,
    ) {
        let name = name.trim();
        let key = name_key(name);
        if key.chars().count() < 2 || name.chars().count() > 40 {
            return;
        }
        let all_names = std::iter::once(name).chain(aliases.iter().copied());
        // The same topic under another of its names (`LM Arena` / 리더보드).
        let existing = self
            .by_key
            .get(&key)
            .or_else(|| aliases.iter().find_map(|a| self.by_key.get(&name_key(a))));
        if let Some(&i) = existing {
            let t = &mut self.list[i];
            t.score = t.score.max(bonus + t.reach);
            if t.label == t.value && label != t.value {
                t.label = label;
            }
            if let Some(c) = at.filter(|_| bonus > t.chapter_strength) {
                t.chapter = Some(c);
                t.chapter_strength = bonus;
            }
            for n in all_names {
                push_name(t, n);
            }
            return;
        }
        let Some(terms) = name_terms(index, name) else {
            return;
        };
        let (df, doc, courses) = occurrence(index, &terms);
        if df == 0 {
            return;
        }
        let (chapter, chapter_strength) = match at {
            Some(c) => (Some(c), bonus),
            None => (
                doc.and_then(|d| index.docs.get(d as usize))
                    .map(|d| (d.course, d.number)),
                0.0,
            ),
        };
        let in_names = terms.iter().all(|&t| index.is_name(t));
        let reach = (1.0 + df as f32).ln() + if in_names { 0.5 } else { 0.0 };
        let score = bonus + reach;
        let mut t = Topic {
            label,
            value: name.to_string(),
            names: Vec::new(),
            score,
            reach,
            chapter,
            chapter_strength,
            courses,
        };
        for n in all_names {
            push_name(&mut t, n);
        }
        self.by_key.insert(key, self.list.len());
        self.list.push(t);
    }

    fn finish(mut self) -> Topics {
        self.list = merge_same_names(self.list);
        let mut by_score: Vec<u32> = (0..self.list.len() as u32).collect();
        by_score.sort_by(|&a, &b| {
            let (ta, tb) = (&self.list[a as usize], &self.list[b as usize]);
            tb.score.total_cmp(&ta.score).then(ta.value.cmp(&tb.value))
        });
        // Most popular first, but one per chapter before any chapter's second.
        let mut seen = rustc_hash::FxHashSet::default();
        let (mut popular, mut rest): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        for i in by_score {
            let t = &self.list[i as usize];
            if t.chapter.is_none_or(|c| seen.insert(c)) {
                popular.push(i);
            } else {
                rest.push(i);
            }
        }
        popular.extend(rest);
        let mut list = self.list;
        for t in &mut list {
            // `한국어 · English`: both names are shown, the rest hidden.
            let label = t.label.clone();
            t.mark_shown(label.split(" · ").map(str::trim), []);
        }
        let mut slots: Vec<Option<Topic>> = list.into_iter().map(Some).collect();
        let ordered = popular
            .iter()
            .filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take))
            .collect();
        Topics {
            names: NameList::new(ordered),
        }
    }
}

/// A choice entry per chapter: its names (titles, aliases and the other
/// names the glossary gives for words of its titles), for autocomplete.
pub(crate) fn chapter_names(index: &Index, concepts: &Concepts, library: &Library) -> NameList {
    let mut out = Vec::new();
    for (ci, course) in library.courses.iter().enumerate() {
        for ch in &course.chapters {
            let label = if ch.title_ko.trim() == ch.title.trim() {
                format!("{}. {}", ch.number, ch.title_ko)
            } else {
                format!("{}. {} — {}", ch.number, ch.title_ko, ch.title)
            };
            let mut t = Topic {
                label,
                value: ch.number.to_string(),
                names: Vec::new(),
                score: 0.0,
                reach: 0.0,
                chapter: Some((ci as u32, ch.number)),
                chapter_strength: 0.0,
                courses: vec![ci as u32],
            };
            // The titles and their parts are in the label; the rest is hidden.
            let whole: [&str; 2] = [&ch.title_ko, &ch.title];
            let parts: Vec<&str> = whole.iter().flat_map(|title| title_parts(title)).collect();
            let mut names: Vec<String> =
                whole.iter().chain(&parts).map(|n| n.to_string()).collect();
            names.extend(ch.aliases.iter().cloned());
            for title in [&ch.title_ko, &ch.title] {
                names.extend(other_names(index, concepts, title));
            }
            for n in names.iter().filter(|n| !n.trim().is_empty()) {
                push_name(&mut t, n);
            }
            t.mark_shown(whole, parts);
            out.push(t);
        }
    }
    NameList::new(out)
}

/// The glossary's other names for words and word groups of a title
/// (`DeepSeek R1` → 딥시크), those that occur in the notes.
fn other_names(index: &Index, concepts: &Concepts, title: &str) -> Vec<String> {
    let keys: Vec<String> = tokens(title)
        .into_iter()
        .filter(|t| !t.joined)
        .filter_map(|t| word_key(t.text).filter(|k| !k.stop).map(|k| k.key))
        .collect();
    let mut phrases: Vec<u32> = Vec::new();
    for n in 1..=3 {
        for w in keys.windows(n) {
            phrases.extend_from_slice(concepts.by_key(&w.join(" ")));
        }
    }
    let mut out = Vec::new();
    for p in phrases {
        for &q in concepts.siblings(p) {
            if let Some(ph) = concepts
                .phrase(q)
                .filter(|ph| ph.terms.iter().all(|&t| index.df(t) > 0))
            {
                if !out.contains(&ph.text) {
                    out.push(ph.text.clone());
                }
            }
        }
    }
    out
}
