//! The inverted index: for every term, the chapters it occurs in, in which
//! fields, how often in the translation, and where (the first few character
//! positions, for moments and snippets). Built once per library; a search
//! then touches only the postings of the terms its words matched. Built by
//! `indexer` (this module knows nothing of how).
//!
//! A document is a chapter as search sees it: its title, aliases, summary
//! and key points, and its passages — the translation paragraphs said in its
//! span of the video (by their aligned time when that is confident, else by
//! the file they sit in) and the caption windows that start in its span.

use super::dictionary::{Dictionary, TermId};

/// Field bits in [`Posting::fields`].
pub(crate) const F_TITLE: u8 = 1;
pub(crate) const F_KEY_POINTS: u8 = 2;
pub(crate) const F_SUMMARY: u8 = 4;
pub(crate) const F_TRANSLATION: u8 = 8;
/// The video's own captions (English, exact times).
pub(crate) const F_CAPTIONS: u8 = 16;
/// The fields whose words are kept with their positions (passages).
pub(crate) const F_TEXT: u8 = F_TRANSLATION | F_CAPTIONS;

/// Where a passage's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A paragraph of a chapter's notes: the document of the chapter whose
    /// file holds it, and its index in that file's body.
    Paragraph { doc: u32, paragraph: u32 },
    /// A caption window of the document's course.
    Window(u32),
}

/// One passage of a document: its text starts at `offset` in the document's
/// position space (positions of [`Posting`]s are offsets in that space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PassageRef {
    pub offset: u32,
    pub source: Source,
}

/// One chapter as the index sees it.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    /// Index into `Library::courses`.
    pub course: u32,
    /// Index into `Course::chapters`.
    pub chapter: u32,
    pub number: u32,
    /// Tokens in the translation.
    pub body_len: u32,
    /// BM25 length normalisation of the translation (from `body_len`).
    pub norm: f32,
    /// This document's passages: a range of [`Index::passages`], by offset.
    pub passages: (u32, u32),
    /// Its names as wholes — each title, alias and each part of a title
    /// listing several (`환각, 도구 사용`) — as sorted terms: a query that
    /// is one of them names this chapter (see `rank`).
    pub names: Vec<Vec<TermId>>,
    /// Its key points, each as sorted terms: one holding the whole query
    /// says the chapter's point is the query (see `whole_query`).
    pub points: Vec<Vec<TermId>>,
    /// A recap of the course (see `whole_query`).
    pub recap: bool,
}

/// One term in one chapter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub doc: u32,
    /// Start of this posting's translation positions in [`Index::positions`].
    pub pos_start: u32,
    /// Occurrences in the translation.
    pub tf: u16,
    pub fields: u8,
    pub pos_len: u8,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub dict: Dictionary,
    pub docs: Vec<Doc>,
    pub course_ids: Vec<String>,
    postings: Vec<Vec<Posting>>,
    positions: Vec<u32>,
    /// Union of the fields each term occurs in, over all chapters.
    term_fields: Vec<u8>,
    /// Every document's passages, in document order.
    passages: Vec<PassageRef>,
}

/// The parts an [`Index`] is assembled from.
pub(crate) struct Parts {
    pub dict: Dictionary,
    pub docs: Vec<Doc>,
    pub course_ids: Vec<String>,
    pub postings: Vec<Vec<Posting>>,
    pub positions: Vec<u32>,
    pub term_fields: Vec<u8>,
    pub passages: Vec<PassageRef>,
}

impl Index {
    pub(crate) fn from_parts(parts: Parts) -> Index {
        Index {
            dict: parts.dict,
            docs: parts.docs,
            course_ids: parts.course_ids,
            postings: parts.postings,
            positions: parts.positions,
            term_fields: parts.term_fields,
            passages: parts.passages,
        }
    }

    /// The passages of a document, by offset.
    pub fn passages(&self, doc: &Doc) -> &[PassageRef] {
        self.passages
            .get(doc.passages.0 as usize..doc.passages.1 as usize)
            .unwrap_or(&[])
    }

    /// Finishes the dictionary after glossary terms have been added.
    pub fn finish(&mut self) {
        self.dict.finish();
    }

    pub fn postings(&self, term: TermId) -> &[Posting] {
        self.postings.get(term as usize).map_or(&[], Vec::as_slice)
    }

    /// Whether the term occurs in some title, key point or summary.
    pub fn is_name(&self, term: TermId) -> bool {
        self.term_fields
            .get(term as usize)
            .is_some_and(|f| f & !F_TEXT != 0)
    }

    /// Number of chapters containing `term`.
    pub fn df(&self, term: TermId) -> usize {
        self.postings(term).len()
    }

    /// The posting of `term` in `doc`, if any.
    pub fn posting(&self, term: TermId, doc: u32) -> Option<&Posting> {
        let p = self.postings(term);
        p.binary_search_by_key(&doc, |x| x.doc).ok().map(|i| &p[i])
    }

    pub fn positions(&self, p: &Posting) -> &[u32] {
        let s = p.pos_start as usize;
        self.positions.get(s..s + p.pos_len as usize).unwrap_or(&[])
    }
}
