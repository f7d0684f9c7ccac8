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

/// A notes folder of the corpus (`set`), optionally with the video's
/// captions, as a group would lay it out: the notes files and
/// `captions/deep-dive-llms.en-orig.vtt` linked (never copied) into a temp
/// folder, loaded as `lectern` loads `--content DIR` with the shipped course
/// index as reference. `None` when the corpus is missing outside CI.
pub fn lectern_with(
    set: &str,
    captions: bool,
) -> Option<(tempfile::TempDir, lectern::app::Lectern)> {
    let notes = corpus(set)?;
    let vtt = if captions {
        Some(corpus("captions")?.join("deep-dive-llms.en-orig.vtt"))
    } else {
        None
    };
    let temp = super::tempdir();
    let course = temp.path().join("deep-dive-llms");
    std::fs::create_dir_all(course.join("captions")).expect("temp course folder");
    for entry in std::fs::read_dir(&notes).expect("corpus folder is readable") {
        let path = entry.expect("corpus entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = path.file_name().expect("file name");
            link(&path, &course.join(name));
        }
    }
    if let Some(vtt) = vtt {
        link(&vtt, &course.join("captions/deep-dive-llms.en-orig.vtt"));
    }
    let lectern = super::load_with_index(&course);
    Some((temp, lectern))
}

#[cfg(unix)]
fn link(from: &std::path::Path, to: &std::path::Path) {
    std::os::unix::fs::symlink(from, to).expect("symlink into the temp folder");
}

#[cfg(not(unix))]
fn link(from: &std::path::Path, to: &std::path::Path) {
    std::fs::copy(from, to).expect("copy into the temp folder");
}
