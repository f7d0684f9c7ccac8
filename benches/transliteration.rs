//! What reading a Hangul word by sound costs a search: `sounds_like` (the
//! lookup among the course's English words) against a whole search of the
//! same word, on the 24 chapters with the video's captions (the largest
//! English vocabulary of the corpus). Short criterion runs.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use lectern::library::{load_library, LoadOptions};
use lectern::search::{Glossary, SearchIndex};

const SHARED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/deep-dive-llms"
);

/// Words read by sound (not in the notes): a typo of a loanword, a native
/// pair, a spelling by ear, a long loanword.
const WORDS: &[&str] = &["멀티모덜", "주식", "애포크", "하이퍼볼릭스"];

fn main() {
    let shared = Path::new(SHARED);
    if !shared.is_dir() {
        eprintln!("NOTICE: corpus not found at {SHARED}; transliteration bench skipped");
        return;
    }
    // The notes and captions laid out as a course folder, by links.
    let temp = tempfile::tempdir().expect("temp folder");
    let course = temp.path().join("deep-dive-llms");
    std::fs::create_dir_all(course.join("captions")).expect("course folder");
    let notes = shared.join("kr-translated-v1");
    let mut files: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&notes)
        .expect("notes folder")
        .flatten()
        .map(|e| (e.path(), course.join(e.file_name())))
        .collect();
    let vtt = "captions/deep-dive-llms.en-orig.vtt";
    files.push((shared.join(vtt), course.join(vtt)));
    for (from, to) in files {
        #[cfg(unix)]
        std::os::unix::fs::symlink(from, to).expect("link");
        #[cfg(not(unix))]
        std::fs::copy(from, to).expect("copy");
    }
    let library = load_library(&[temp.path().to_path_buf()], LoadOptions::default());
    let index = SearchIndex::build(&library, &Glossary::builtin());
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for word in WORDS {
        println!("{word} sounds like {:?}", index.sounds_like(word));
        c.bench_function(&format!("sounds_like {word}"), |b| {
            b.iter(|| black_box(index.sounds_like(black_box(word))))
        });
        c.bench_function(&format!("search {word}"), |b| {
            b.iter(|| black_box(index.search(&library, black_box(word), None, 5)))
        });
    }
    c.final_summary();
}
