//! Golden files under `tests/golden/`: text through `insta` (each golden is
//! the `.snap` of its old name), pictures as PNG references.
//!
//! The one update rule: a changed answer fails the test, and (outside CI)
//! insta writes the new text beside the old as `NAME.snap.new` to review with
//! `diff` (or `cargo insta review` where installed). To accept every change,
//! rerun with `INSTA_UPDATE=always`, which rewrites the `.snap` files and the
//! PNG references alike; then read `git diff`.

use std::path::{Path, PathBuf};

/// Compares `actual` with the golden `tests/golden/<relative>.snap`.
pub fn golden(relative: &str, actual: &str) {
    let relative = Path::new(relative);
    let folder = super::root().join("tests/golden").join(
        relative
            .parent()
            .expect("a golden is named by a path under tests/golden"),
    );
    let name = relative
        .file_name()
        .expect("a golden has a file name")
        .to_string_lossy()
        .into_owned();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(folder);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, actual));
}

/// Pretty JSON (the form Discord payload goldens are kept in), compared by [`golden`].
pub fn golden_json(relative: &str, actual: &serde_json::Value) {
    let text = serde_json::to_string_pretty(actual).expect("json") + "\n";
    golden(relative, &text);
}

/// The reference picture `tests/golden/pictures/<name>.png`, rewritten with
/// `png` first under the update rule (`INSTA_UPDATE=always`).
pub fn picture_reference(name: &str, png: &[u8]) -> PathBuf {
    let reference = super::root()
        .join("tests/golden/pictures")
        .join(format!("{name}.png"));
    if std::env::var("INSTA_UPDATE").as_deref() == Ok("always") {
        std::fs::write(&reference, png).expect("write the reference picture");
    }
    reference
}
