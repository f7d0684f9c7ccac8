//! Shared fixtures: the shipped content, the third-party corpus (read from
//! `../shared`, never copied), and golden-file comparison.

pub mod discord;
pub mod fake_discord;
pub mod served;

use std::path::{Path, PathBuf};

use lectern::config::Config;
use lectern::data::Lectern;

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The four corpus folders.
pub const CORPUS_SETS: [&str; 4] = [
    "kr-translated-v1",
    "kr-translated",
    "kr-translated-timestamped",
    "eng-transcript",
];

/// The shipped configuration and content, as `lectern` loads them by default.
pub fn shipped() -> Lectern {
    let config =
        Config::load(&Path::new(ROOT).join("config/lectern.yaml")).expect("shipped config loads");
    Lectern::load(&config, &config.content)
}

/// A folder of the third-party corpus, or `None` (with a notice) when it is
/// absent outside CI. In CI a missing corpus fails the test loudly.
pub fn corpus(set: &str) -> Option<PathBuf> {
    let dir = Path::new(ROOT)
        .join("../shared/corpus/deep-dive-llms")
        .join(set);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "corpus folder {} is missing; CI must have ../shared/corpus",
            dir.display()
        );
    }
    eprintln!("notice: {} not found; skipping", dir.display());
    None
}

/// A corpus folder loaded on its own (no course.yaml), as `--content DIR` does
/// when no configured index matches.
pub fn load_bare(dir: &Path) -> lectern::library::Library {
    lectern::library::load_library(&[dir.to_path_buf()], Default::default())
}

/// A corpus folder loaded with the shipped configuration's course index as reference.
pub fn load_with_index(dir: &Path) -> Lectern {
    let config =
        Config::load(&Path::new(ROOT).join("config/lectern.yaml")).expect("shipped config loads");
    Lectern::load(&config, &[dir.to_path_buf()])
}

/// Compares `actual` with `tests/golden/<name>`; `UPDATE_GOLDEN=1` rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(ROOT).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(5)
            .map(|(i, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1))
            .collect();
        panic!(
            "{} differs from the answer ({} vs {} lines); rerun with UPDATE_GOLDEN=1 if the change is intended\n{}",
            path.display(),
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

/// A private copy of the shipped course (index and chapter 21) under a fresh
/// temp folder, and a config that serves it: for tests that edit content.
/// Returns the course folder and the config.
pub fn temp_content(name: &str) -> (PathBuf, Config) {
    let dir = crate::library::tempdir(name);
    let course = dir.join("deep-dive-llms");
    std::fs::create_dir_all(&course).unwrap();
    for f in ["course.yaml", "21-preview-of-things-to-come.md"] {
        std::fs::copy(
            Path::new(ROOT).join("content/deep-dive-llms").join(f),
            course.join(f),
        )
        .unwrap();
    }
    let config = Config {
        content: vec![dir],
        glossary: Some(Path::new(ROOT).join("config/glossary.yaml")),
        ..Config::default()
    };
    (course, config)
}
