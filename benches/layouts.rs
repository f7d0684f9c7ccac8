//! Load + index of both real courses side by side (issue 11): the
//! prompt-engineering lecture (chapter files beside its `_index.md`) and the
//! 24 chapters of `deep-dive-llms/kr-translated-v1`. Time by criterion;
//! memory by a counting allocator: the heap the loaded library and index keep,
//! and the peak while building them.
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

criterion_group!(benches, both_courses);
criterion_main!(benches);
