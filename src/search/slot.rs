//! A query word (slot) and the single-term forms it can take, with the tier
//! of each match and the weights of concept expansions. Shared by `query`
//! (which finds the forms) and `expansions` (which combines them), so neither
//! depends on the other for its vocabulary.

use super::dictionary::TermId;
use super::normalize::Script;

/// Weight of a concept's other names relative to the name typed: its
/// translation (English ↔ Korean), or any name when the typed one occurs
/// nowhere in the notes…
pub(crate) const EXPANSION: f32 = 0.75;
/// …and a same-language sibling of a name that does occur (`H100` → `GPU`):
/// it must not drown the exact match.
pub(crate) const EXPANSION_DAMPED: f32 = 0.35;
/// How a query word matched a term, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Tier {
    Exact,
    Stem,
    /// A conjugation of a verb typed in its noun form (`기다리기` →
    /// `기다려야`): sure only where it names something (see `rank`).
    Conjugated,
    Prefix,
    Choseong,
    Fuzzy,
}

impl Tier {
    pub fn weight(self) -> f32 {
        match self {
            Tier::Exact => 1.0,
            Tier::Stem => 0.92,
            Tier::Conjugated => 0.83,
            Tier::Prefix => 0.42,
            Tier::Choseong => 0.4,
            Tier::Fuzzy => 0.36,
        }
    }
}

/// One word of the query.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub key: String,
    /// Where the word starts in the query, in characters (for saying the
    /// query's words as written: in `step by step` the second `step` starts
    /// 8 characters after the first).
    pub start: usize,
    pub script: Script,
    pub surface_chars: usize,
    pub stemmed: bool,
    /// The stem as typed (NFC syllables), for splitting compounds.
    pub stem_text: String,
    /// Keys of the parts of a joined word (`GPT-2` → `gpt`, `2`).
    pub parts: Vec<String>,
    pub choseong: Option<String>,
}

/// A single-term reading of a slot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form {
    pub term: TermId,
    pub tier: Tier,
    pub sim: f32,
}
