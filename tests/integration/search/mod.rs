//! The search engine: its promises on a tiny library, quality on the real
//! notes (labelled queries and moments), and no panic on any input.

mod as_written;
mod autocomplete;
mod behaviour;
mod common_words;
mod courses;
mod eval;
mod moments;
mod passages;
mod props;
mod queries;
mod telling_words;
mod whole_query;
mod word_forms;
