//! Topic lookup over a library, Korean-aware: whatever a study-group member
//! types — English or Korean, with particles, typos, 초성 or odd spacing — the
//! chapter that discusses it comes first, with links to the moments.
//!
//! This file is the public face: the result types and [`SearchIndex`]. The
//! work is split by concern:
//! - words → keys: `tokenize`, `normalize` (with `jamo`, `josa`, `stopwords`);
//! - the inverted index: `dictionary` (terms, prefix/초성/typo lookup with
//!   `fuzzy`), `index` (postings and passages), `attribution` (which
//!   passages a chapter holds, by time), `indexer` (building it on all
//!   cores);
//! - English ↔ Korean names: `glossary` (the file, pairs found in the notes,
//!   and the concepts the engine looks names up in);
//! - one search: `query` and `expansions` (what the words could mean),
//!   `phrase` (where its words are said as written, or together), `rank`
//!   (with `whole_query`: chapters that say all of it),
//!   `moments`, `shown` and `snippet` (what a hit shows), `order` (which
//!   hits lead);
//! - `chapters` (resolving a chapter name); autocomplete: `name_lists` (the
//!   chapter and topic lists), `completions` (their entries and keys) and
//!   `suggest` (matching a keystroke).

mod attribution;
mod chapters;
mod completions;
mod dictionary;
mod english_forms;
mod expansions;
mod explain;
mod fuzzy;
mod glossary;
#[cfg(test)]
mod glossary_tests;
mod index;
mod indexer;
mod inflected_name;
mod jamo;
mod josa;
mod key_point_link;
mod moments;
mod name_lists;
mod normalize;
#[cfg(test)]
mod normalize_tests;
mod noun_suffix;
mod order;
mod passages;
mod phrase;
mod query;
mod question;
mod rank;
mod ranked;
mod shown;
mod slot;
mod snippet;
#[cfg(test)]
mod snippet_tests;
mod stopwords;
mod suggest;
mod term_id;
mod title_parts;
mod token_terms;
mod tokenize;
mod topic_merge;
mod transliteration;
mod verb_forms;
mod whole_query;
mod word_readings;

pub use glossary::{extract_pairs, Concept, Glossary};
pub(crate) use josa::strip_ending;

use crate::library::{Course, Library, Moment};

/// Which part of a chapter a hit matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchField {
    Title,
    KeyPoints,
    Summary,
    Translation,
    /// The video's own captions.
    Captions,
}

impl MatchField {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchField::Title => "title",
            MatchField::KeyPoints => "key_points",
            MatchField::Summary => "summary",
            MatchField::Translation => "translation",
            MatchField::Captions => "captions",
        }
    }
}

/// One moment of a hit: where in the video, and the text around the match.
#[derive(Debug, Clone, PartialEq)]
pub struct HitMoment {
    pub moment: Moment,
    pub field: MatchField,
    /// How much of the query this passage holds (its passage score: covered
    /// words, closeness, repetition); comparable within one search.
    pub weight: f32,
    /// Markdown: the matched words in `**bold**`.
    pub snippet: String,
}

/// A chapter that matched, with its best moments first (at most 3).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub course: String,
    pub chapter: u32,
    pub field: MatchField,
    pub score: f64,
    pub moments: Vec<HitMoment>,
}

/// An autocomplete choice: what is shown (≤ 100 chars) and the value sent back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub name: String,
    pub value: String,
}

/// The result of resolving what someone typed as a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChapterMatch {
    Found(u32),
    NotFound { suggestions: Vec<u32> },
}

/// Search structures built once per library.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    index: index::Index,
    concepts: glossary::Concepts,
    topics: name_lists::Topics,
    /// One autocomplete entry per chapter, with its names.
    chapter_names: completions::NameList,
}

impl SearchIndex {
    /// Indexes every chapter of `library`, with the glossary's concepts and
    /// the English–Korean pairs found in the notes.
    pub fn build(library: &Library, glossary: &Glossary) -> SearchIndex {
        let mut index = indexer::build(library);
        let pairs = extract_pairs(library);
        let concepts = glossary::Concepts::build(&glossary.concepts, &pairs, &mut index.dict);
        index.finish();
        let topics = name_lists::Topics::build(&index, &concepts, library);
        let chapter_names = name_lists::chapter_names(&index, &concepts, library);
        SearchIndex {
            index,
            concepts,
            topics,
            chapter_names,
        }
    }

    /// Chapters about `query`, best first, at most `limit`, one [`Hit`] per
    /// chapter with up to three moments. `course` restricts to one course id.
    pub fn search(
        &self,
        library: &Library,
        query: &str,
        course: Option<&str>,
        limit: usize,
    ) -> Vec<Hit> {
        self.search_with(library, query, course, limit, moments::MAX_MOMENTS)
    }

    fn search_with(
        &self,
        library: &Library,
        query: &str,
        course: Option<&str>,
        limit: usize,
        max_moments: usize,
    ) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let Some(course) = self.course_filter(course) else {
            return Vec::new();
        };
        let opts = query::Options {
            prefix: true,
            fuzzy: true,
        };
        // A question around a word said everywhere is first looked for as
        // written (see `phrase::parse_as_written`).
        let as_written = phrase::parse_as_written(&self.index, &self.concepts, query, opts);
        let readings = as_written.into_iter().chain(std::iter::once_with(|| {
            query::parse(&self.index, &self.concepts, query, opts)
        }));
        for q in readings {
            // A few spare in case a chapter vanished from the library passed in.
            let top = limit.saturating_add(8);
            let ranked = rank::rank(&self.index, &q, top, |d| {
                course.is_none_or(|c| d.course == c)
            });
            let hits: Vec<Hit> =
                order::hits_in_order(&self.index, library, &q, &ranked, limit, max_moments)
                    .into_iter()
                    .map(|(_, hit)| hit)
                    .collect();
            if !hits.is_empty() {
                return hits;
            }
        }
        Vec::new()
    }

    /// Like [`SearchIndex::search`], with every matching passage of each
    /// chapter as a moment (not only the best three): where a topic lives
    /// along the video.
    pub fn passages(
        &self,
        library: &Library,
        query: &str,
        course: Option<&str>,
        limit: usize,
    ) -> Vec<Hit> {
        self.search_with(library, query, course, limit, usize::MAX)
    }

    /// Autocomplete for a chapter argument: at most 25, names ≤ 100 chars.
    pub fn suggest_chapters(
        &self,
        library: &Library,
        prefix: &str,
        course: Option<&str>,
    ) -> Vec<Suggestion> {
        suggest::chapters(self, library, prefix, course)
    }

    /// Autocomplete for a topic argument: at most 25, names ≤ 100 chars; the
    /// value is the topic itself (sent back as the query).
    pub fn suggest_topics(
        &self,
        library: &Library,
        prefix: &str,
        course: Option<&str>,
    ) -> Vec<Suggestion> {
        suggest::topics(self, library, prefix, course)
    }

    /// Resolves what someone typed as a chapter of `course`: a number, a
    /// title in either language, an alias, or a fuzzy name.
    pub fn find_chapter(&self, course: &Course, query: &str) -> ChapterMatch {
        chapters::find(self, course, query)
    }

    /// A few real topics of the loaded notes (for "nothing found"), named in
    /// English for an English reader, else in Korean where they can be.
    pub fn example_topics(&self, n: usize, english: bool) -> Vec<String> {
        self.topics.examples(n, english)
    }

    /// `None` when the course id is unknown; `Some(None)` for all courses.
    fn course_filter(&self, course: Option<&str>) -> Option<Option<u32>> {
        match course.map(str::trim).filter(|c| !c.is_empty()) {
            None => Some(None),
            Some(id) => self
                .index
                .course_ids
                .iter()
                .position(|c| c.eq_ignore_ascii_case(id))
                .map(|i| Some(i as u32)),
        }
    }
}

/// The concepts search runs with, asked one question: are two names one
/// idea? Handed out by [`SearchIndex::synonyms`], so whatever else decides
/// sameness (the quiz's distractors) agrees with search: the shipped
/// glossary, a configured one, and the pairs the notes write.
#[derive(Debug, Clone, Copy)]
pub struct Synonyms<'a>(&'a glossary::Concepts);

impl Synonyms<'_> {
    /// Whether `a` and `b` name the same idea (equal but for case and
    /// spaces, or names of one concept).
    pub fn same_idea(&self, a: &str, b: &str) -> bool {
        self.0.same_idea(a, b)
    }
}

impl SearchIndex {
    /// The concepts this index understands, for asking whether two names
    /// are one idea.
    pub fn synonyms(&self) -> Synonyms<'_> {
        Synonyms(&self.concepts)
    }

    /// The course's English words a Hangul word sounds like (`에폭` →
    /// `epoch`), closest first: how search reads a Korean spelling of a
    /// term the notes and captions keep in English.
    pub fn sounds_like(&self, word: &str) -> Vec<String> {
        use unicode_normalization::UnicodeNormalization;
        let Some(key) = normalize::word_key(word) else {
            return Vec::new();
        };
        let stem: String = word.nfc().take(key.stem_chars).collect();
        expansions::sounding_like(&self.index, &stem)
            .into_iter()
            .map(|(t, _)| self.index.dict.key(t).to_string())
            .collect()
    }

    /// A readable account of how `query` was understood and scored, for
    /// `lectern search --explain`: its words, the readings tried with their
    /// weights, and why each top chapter ranked where it did.
    pub fn explain(&self, library: &Library, query: &str, course: Option<&str>) -> String {
        let course = self.course_filter(course).flatten();
        explain::explain(&self.index, &self.concepts, library, query, course)
    }
}
