//! Load + index of both real courses side by side (issue 11): the
//! prompt-engineering lecture (chapter files beside its `_index.md`) and the
//! 24 chapters of `deep-dive-llms/kr-translated-v1`. Time by criterion;
//! memory by a counting allocator: the heap the loaded library and index keep,
//! and the peak while building them.
//!
//! And the v1 notes loaded and aligned to the video's captions (issue 9).
//!
//! Run with `cargo bench --bench layouts`. Reads the corpus from `../shared`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{criterion_group, criterion_main, Criterion};
use lectern::library::{load_library, LoadOptions};
use lectern::search::{Glossary, SearchIndex};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn courses() -> Vec<PathBuf> {
    let corpus = Path::new(ROOT).join("../shared/corpus");
    vec![
        corpus.join("ai-prompt-engineering/kr"),
        corpus.join("deep-dive-llms/kr-translated-v1"),
    ]
}

fn both_courses(c: &mut Criterion) {
    let dirs = courses();
    if !dirs.iter().all(|d| d.is_dir()) {
        eprintln!("corpus missing under {ROOT}/../shared/corpus; skipping");
        return;
    }
    let glossary = Glossary::parse(
        &std::fs::read_to_string(Path::new(ROOT).join("config/glossary.yaml")).unwrap(),
    )
    .unwrap();
    let run = || {
        let library = load_library(&dirs, LoadOptions::default());
        let index = SearchIndex::build(&library, &glossary);
        (library, index)
    };

    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let loaded = run();
    let kept = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let chapters: usize = loaded.0.courses.iter().map(|c| c.chapters.len()).sum();
    println!(
        "both courses: {} courses, {chapters} chapters; heap kept {:.1} MiB, peak while loading {:.1} MiB",
        loaded.0.courses.len(),
        kept as f64 / 1048576.0,
        peak as f64 / 1048576.0
    );
    drop(loaded);

    c.bench_function("load+index both real courses", |b| {
        b.iter(|| std::hint::black_box(run()))
    });
}

/// The v1 notes with the video's 2 MB auto-captions laid out as a group
/// would (issue 9): load, parse the captions, align every paragraph, exactly
/// as `lectern` reads content at start and on every reload. Target ≤ 300 ms.
fn v1_with_captions(c: &mut Criterion) {
    let corpus = Path::new(ROOT).join("../shared/corpus/deep-dive-llms");
    let (notes, vtt) = (
        corpus.join("kr-translated-v1"),
        corpus.join("captions/deep-dive-llms.en-orig.vtt"),
    );
    if !notes.is_dir() || !vtt.is_file() {
        eprintln!("corpus missing under {ROOT}/../shared/corpus; skipping");
        return;
    }
    // Linked, never copied, into a temp course folder.
    let temp = tempfile::tempdir().expect("temp folder");
    let course = temp.path().join("deep-dive-llms");
    std::fs::create_dir_all(course.join("captions")).expect("course folder");
    for entry in std::fs::read_dir(&notes).expect("notes folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            link(&path, &course.join(path.file_name().expect("name")));
        }
    }
    link(&vtt, &course.join("captions/deep-dive-llms.en-orig.vtt"));
    let config = lectern::config::Config::load(&Path::new(ROOT).join("config/lectern.yaml"))
        .expect("config/lectern.yaml");
    let dirs = [course];
    let (library, glossary) = lectern::app::read(&config, &dirs);
    let placed = lectern::library::align::placed(&library.courses[0]);
    println!(
        "v1 + captions: {} of {} paragraphs placed confidently",
        placed.confident, placed.paragraphs
    );
    drop((library, glossary));
    c.bench_function("load+align v1 (24 chapters) + 2 MB captions", |b| {
        b.iter(|| std::hint::black_box(lectern::app::read(&config, &dirs)))
    });
}

#[cfg(unix)]
fn link(from: &Path, to: &Path) {
    std::os::unix::fs::symlink(from, to).expect("symlink");
}

#[cfg(not(unix))]
fn link(from: &Path, to: &Path) {
    std::fs::copy(from, to).expect("copy");
}

criterion_group!(benches, both_courses, v1_with_captions);
criterion_main!(benches);
