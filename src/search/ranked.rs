//! A chapter's standing for a query, on its own so that the ranking
//! (`rank`) and the raise for the whole query (`whole_query`), which rank
//! calls, both read it without importing each other.

/// A chapter's standing for a query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub doc: u32,
    /// Number of query words it matched.
    pub coverage: u32,
    pub score: f32,
    /// How much the matched words set this chapter apart within its own
    /// course (idf over that course's chapters): breaks exact ties between
    /// courses, where a word said in the captions is worth the same in each.
    pub in_course: f32,
}
