//! The third-party corpus, read in place from `../shared/corpus` (never
//! copied into the repository). Without it a test skips with a notice; under
//! CI (`CI` set) a missing corpus fails the test instead.

use std::path::PathBuf;

/// The four folders of the `deep-dive-llms` notes.
pub const CORPUS_SETS: [&str; 4] = [
    "kr-translated-v1",
    "kr-translated",
    "kr-translated-timestamped",
    "eng-transcript",
];

/// `../shared/corpus/<relative>` (a file or a folder), or `None` with a
/// notice when it is missing outside CI.
pub fn corpus_path(relative: &str) -> Option<PathBuf> {
    let path = super::root().join("../shared/corpus").join(relative);
    if path.exists() {
        return Some(path);
    }
    super::missing(&format!("{}", path.display()))
}

/// A folder of the `deep-dive-llms` notes (one of [`CORPUS_SETS`], or
/// `captions`), or `None` when the corpus is missing outside CI.
pub fn corpus(set: &str) -> Option<PathBuf> {
    corpus_path(&format!("deep-dive-llms/{set}"))
}
