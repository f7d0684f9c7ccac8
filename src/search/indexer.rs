//! Building the inverted index, on all cores: the chapters are split into
//! contiguous runs of about equal text size; each thread tokenises and
//! normalises its run against its own small key table (each distinct
//! spelling normalised once) and aggregates per chapter; then the runs are
//! merged in order, so postings come out sorted by chapter.
//!
//! Which passages a chapter's document holds is decided first, by time
//! (`attribution`).

use rustc_hash::FxHashMap;

use super::attribution::course_passages;
use super::dictionary::{Dictionary, TermId};
use super::index::{
    Doc, Index, Parts, PassageRef, Posting, F_KEY_POINTS, F_SUMMARY, F_TEXT, F_TITLE, F_TRANSLATION,
};
use super::normalize::{word_key, Script};
use super::title_parts::title_parts;
use super::tokenize::{for_each_token, RawToken};
use crate::library::{Chapter, Library};

/// Passage positions kept per term and chapter.
const MAX_POSITIONS: usize = 32;
/// Below this many chapters one thread does it all.
const PARALLEL_FROM: usize = 64;

/// A term within one thread's run.
type LocalId = u32;

/// One term in one chapter, while aggregating.
#[derive(Clone, Copy, Default)]
struct Acc {
    fields: u8,
    tf: u32,
    n: u8,
    positions: [u32; MAX_POSITIONS],
}

/// A posting in a run, before terms get their global ids.
#[derive(Clone, Copy)]
struct Entry {
    term: LocalId,
    pos_start: u32,
    tf: u16,
    fields: u8,
    pos_len: u8,
}

/// What one thread produced for its run of chapters.
#[derive(Default)]
struct Run {
    /// Local id → key, script, 초성.
    keys: Vec<(String, Script, Option<String>)>,
    /// Per chapter: its entries (a range of `entries`) and translation length.
    docs: Vec<(usize, usize, u32)>,
    entries: Vec<Entry>,
    positions: Vec<u32>,
}

struct RunBuilder<'a> {
    run: Run,
    by_key: FxHashMap<String, LocalId>,
    by_surface: FxHashMap<&'a str, Option<LocalId>>,
    acc: FxHashMap<LocalId, Acc>,
}

impl<'a> RunBuilder<'a> {
    fn term(&mut self, word: &'a str) -> Option<LocalId> {
        if let Some(&t) = self.by_surface.get(word) {
            return t;
        }
        // Common English words are kept, so a query of only them can be
        // searched as written (`the the the`); Korean ones are not words
        // anyone searches for.
        let t = word_key(word)
            .filter(|k| !k.stop || k.script == Script::Latin)
            .map(|k| {
                if let Some(&id) = self.by_key.get(&k.key) {
                    return id;
                }
                let id = self.run.keys.len() as LocalId;
                self.by_key.insert(k.key.clone(), id);
                self.run.keys.push((k.key, k.script, k.choseong));
                id
            });
        self.by_surface.insert(word, t);
        t
    }

    /// Adds a name (title, alias, key point, summary). The words of a dotted
    /// name (`llm.c`, `together.ai`) are not names by themselves: only the
    /// whole is, so `LLM` is not the title of the chapter about `llm.c`.
    fn add_name(&mut self, text: &'a str, field: u8) {
        let mut tokens: Vec<RawToken<'a>> = Vec::new();
        for_each_token(text, |tok| tokens.push(tok));
        let dotted: Vec<(usize, usize)> = tokens
            .iter()
            .filter(|t| {
                t.joined
                    && t.text.contains('.')
                    && t.text.chars().all(|c| c == '.' || c.is_alphabetic())
            })
            .map(|t| (t.start, t.start + t.chars))
            .collect();
        for tok in tokens {
            let inside = |&(s, e): &(usize, usize)| s <= tok.start && tok.start + tok.chars <= e;
            if !tok.joined && dotted.iter().any(inside) {
                continue;
            }
            self.token(tok, field, 0);
        }
    }

    fn add(&mut self, text: &'a str, field: u8, offset: usize) -> u32 {
        let mut count = 0u32;
        for_each_token(text, |tok| {
            if self.token(tok, field, offset) && !tok.joined {
                count += 1;
            }
        });
        count
    }

    /// Records one token; whether it is a word the index keeps.
    fn token(&mut self, tok: RawToken<'a>, field: u8, offset: usize) -> bool {
        {
            let Some(term) = self.term(tok.text) else {
                return false;
            };
            let a = self.acc.entry(term).or_default();
            a.fields |= field;
            if field & F_TEXT != 0 {
                a.tf += u32::from(field == F_TRANSLATION);
                if (a.n as usize) < MAX_POSITIONS {
                    a.positions[a.n as usize] = (offset + tok.start).min(u32::MAX as usize) as u32;
                    a.n += 1;
                }
            }
        }
        true
    }

    fn chapter(&mut self, text: &DocText<'a>) {
        let chapter = text.chapter;
        self.acc.clear();
        self.add_name(&chapter.title, F_TITLE);
        self.add_name(&chapter.title_ko, F_TITLE);
        for alias in &chapter.aliases {
            self.add_name(alias, F_TITLE);
        }
        let mut body_len = 0;
        if let Some(notes) = &chapter.notes {
            self.add_name(&notes.summary, F_SUMMARY);
            if let Some(lead) = &notes.lead_summary {
                self.add_name(lead, F_SUMMARY);
            }
            for kp in &notes.key_points {
                if let Some(term) = &kp.term {
                    self.add_name(term, F_KEY_POINTS);
                }
                self.add_name(&kp.detail, F_KEY_POINTS);
            }
        }
        for &(offset, passage, field) in &text.passages {
            let n = self.add(passage, field, offset as usize);
            if field == F_TRANSLATION {
                body_len += n;
            }
        }
        let start = self.run.entries.len();
        let mut terms: Vec<(LocalId, Acc)> = self.acc.drain().collect();
        terms.sort_unstable_by_key(|(t, _)| *t);
        for (term, a) in terms {
            let pos_start = self.run.positions.len() as u32;
            self.run
                .positions
                .extend_from_slice(&a.positions[..a.n as usize]);
            self.run.entries.push(Entry {
                term,
                pos_start,
                tf: a.tf.min(u32::from(u16::MAX)) as u16,
                fields: a.fields,
                pos_len: a.n,
            });
        }
        self.run
            .docs
            .push((start, self.run.entries.len(), body_len));
    }
}

fn build_run(chapters: &[DocText]) -> Run {
    let mut b = RunBuilder {
        run: Run::default(),
        by_key: FxHashMap::default(),
        by_surface: FxHashMap::default(),
        acc: FxHashMap::default(),
    };
    for ch in chapters {
        b.chapter(ch);
    }
    b.run
}

/// What one document is made of: its chapter's names and notes, and the
/// texts of its passages as (offset, text, field), by offset.
struct DocText<'a> {
    chapter: &'a Chapter,
    passages: Vec<(u32, &'a str, u8)>,
}

/// Rough size of a document's text, for splitting the work evenly.
fn weight(text: &DocText) -> usize {
    let ch = text.chapter;
    let passages: usize = text.passages.iter().map(|p| p.1.len()).sum();
    ch.notes.as_ref().map_or(0, |n| n.summary.len()) + passages + ch.title.len() + 64
}

/// Builds the index of every chapter of `library`.
pub(crate) fn build(library: &Library) -> Index {
    let mut docs = Vec::new();
    let mut chapters: Vec<DocText> = Vec::new();
    let mut passages: Vec<PassageRef> = Vec::new();
    let mut course_ids = Vec::new();
    for (ci, course) in library.courses.iter().enumerate() {
        course_ids.push(course.id.clone());
        let per_chapter = course_passages(course, docs.len() as u32);
        for ((chi, ch), list) in course.chapters.iter().enumerate().zip(per_chapter) {
            let from = passages.len() as u32;
            passages.extend(list.iter().map(|p| p.0));
            docs.push(Doc {
                course: ci as u32,
                chapter: chi as u32,
                number: ch.number,
                body_len: 0,
                norm: 1.0,
                passages: (from, passages.len() as u32),
                names: Vec::new(),
                points: Vec::new(),
                recap: super::whole_query::is_recap(ch),
            });
            chapters.push(DocText {
                chapter: ch,
                passages: list.into_iter().map(|(p, t, f)| (p.offset, t, f)).collect(),
            });
        }
    }
    let threads = if chapters.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8)
    };
    let total: usize = chapters.iter().map(|c| weight(c)).sum();
    let mut splits = Vec::new();
    let (mut acc, mut from) = (0usize, 0usize);
    for (i, ch) in chapters.iter().enumerate() {
        acc += weight(ch);
        if acc * threads >= total * (splits.len() + 1) && splits.len() + 1 < threads {
            splits.push(from..i + 1);
            from = i + 1;
        }
    }
    splits.push(from..chapters.len());
    let runs: Vec<Run> = if splits.len() == 1 {
        vec![build_run(&chapters)]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = splits
                .iter()
                .map(|r| {
                    let part = &chapters[r.clone()];
                    s.spawn(move || build_run(part))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    let mut index = merge(runs, docs, course_ids, passages);
    for (doc, text) in index.docs.iter_mut().zip(&chapters) {
        doc.names = whole_names(&index.dict, text.chapter);
        doc.points = text
            .chapter
            .notes
            .iter()
            .flat_map(|n| &n.key_points)
            .map(|kp| terms_of(&index.dict, &kp.plain()).0)
            .filter(|terms| !terms.is_empty())
            .collect();
    }
    index
}

/// A chapter's names as wholes (see [`Doc::names`]): its titles and
/// aliases, each cut at the marks that list or subtitle (`,` `:` `/` `(`).
fn whole_names(dict: &Dictionary, chapter: &Chapter) -> Vec<Vec<TermId>> {
    let titles = [&chapter.title, &chapter.title_ko];
    let mut out: Vec<Vec<TermId>> = Vec::new();
    for text in titles.into_iter().chain(&chapter.aliases) {
        for part in title_parts(text) {
            let (terms, whole) = terms_of(dict, part);
            if whole && !terms.is_empty() && !out.contains(&terms) {
                out.push(terms);
            }
        }
    }
    out
}

/// The sorted terms of the words of `text` (common words left out), and
/// whether every word is in the dictionary.
fn terms_of(dict: &Dictionary, text: &str) -> (Vec<TermId>, bool) {
    let mut terms: Vec<TermId> = Vec::new();
    let mut whole = true;
    for_each_token(text, |tok| {
        if tok.joined {
            return;
        }
        match word_key(tok.text)
            .filter(|k| !k.stop)
            .map(|k| dict.get(&k.key))
        {
            Some(Some(t)) => terms.push(t),
            Some(None) => whole = false,
            None => {}
        }
    });
    terms.sort_unstable();
    terms.dedup();
    (terms, whole)
}

/// Gives the runs' terms their global ids and appends their postings in order.
fn merge(
    runs: Vec<Run>,
    mut docs: Vec<Doc>,
    course_ids: Vec<String>,
    passages: Vec<PassageRef>,
) -> Index {
    let mut dict = Dictionary::default();
    let mut postings: Vec<Vec<Posting>> = Vec::new();
    let mut term_fields: Vec<u8> = Vec::new();
    let mut positions: Vec<u32> = Vec::with_capacity(runs.iter().map(|r| r.positions.len()).sum());
    let mut doc = 0usize;
    let mut total_body = 0u64;
    for run in runs {
        let global: Vec<TermId> = run
            .keys
            .iter()
            .map(|(k, s, c)| dict.intern(k, *s, c.as_deref()))
            .collect();
        let base = positions.len() as u32;
        positions.extend_from_slice(&run.positions);
        for &(from, to, body_len) in &run.docs {
            if let Some(d) = docs.get_mut(doc) {
                d.body_len = body_len;
            }
            total_body += u64::from(body_len);
            for e in &run.entries[from..to] {
                let t = global[e.term as usize] as usize;
                if postings.len() <= t {
                    postings.resize_with(t + 1, Vec::new);
                    term_fields.resize(t + 1, 0);
                }
                term_fields[t] |= e.fields;
                postings[t].push(Posting {
                    doc: doc as u32,
                    pos_start: base + e.pos_start,
                    tf: e.tf,
                    fields: e.fields,
                    pos_len: e.pos_len,
                });
            }
            doc += 1;
        }
    }
    for p in &mut postings {
        p.shrink_to_fit();
    }
    let avg_body_len = if docs.is_empty() {
        1.0
    } else {
        (total_body as f32 / docs.len() as f32).max(1.0)
    };
    let mut docs = docs;
    for d in &mut docs {
        d.norm = super::rank::length_norm(d.body_len, avg_body_len);
    }
    Index::from_parts(Parts {
        dict,
        docs,
        course_ids,
        postings,
        positions,
        term_fields,
        passages,
    })
}
