//! A word's number in the dictionary, on its own so that the dictionary and
//! the tables it builds (`transliteration`'s sound table) both name it
//! without importing each other.

/// The number of a normalised word in the dictionary.
pub(crate) type TermId = u32;
