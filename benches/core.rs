//! Core performance targets (issue: core):
//! - loading and indexing the 24 files of `kr-translated-v1` < 50 ms;
//! - process start to first answer of `lectern ask` < 100 ms (release build).
//!
//! Run with `cargo bench --bench core`. Reads the corpus from `../shared`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use lectern::app::Lectern;
use lectern::config::Config;
use lectern::library::{load_library, LoadOptions};
use lectern::search::{Glossary, SearchIndex};

#[path = "support/timing.rs"]
mod timing;
use timing::percentiles;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn corpus() -> PathBuf {
    Path::new(ROOT).join("../shared/corpus/deep-dive-llms/kr-translated-v1")
}

fn glossary() -> Glossary {
    Glossary::parse(&std::fs::read_to_string(Path::new(ROOT).join("config/glossary.yaml")).unwrap())
        .unwrap()
}

fn load_and_index(c: &mut Criterion) {
    let dir = corpus();
    if !dir.is_dir() {
        eprintln!("corpus missing at {}; skipping", dir.display());
        return;
    }
    let glossary = glossary();
    let run = || {
        let library = load_library(std::slice::from_ref(&dir), LoadOptions::default());
        let index = SearchIndex::build(&library, &glossary);
        (library, index)
    };
    percentiles("load+index kr-translated-v1 (24 files)", 50, || {
        std::hint::black_box(run());
    });
    let mut group = c.benchmark_group("core");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("load_and_index_v1", |b| b.iter(run));
    group.bench_function("load_only_v1", |b| {
        b.iter(|| load_library(std::slice::from_ref(&dir), LoadOptions::default()))
    });
    group.finish();
}

fn startup(c: &mut Criterion) {
    let exe = env!("CARGO_BIN_EXE_lectern");
    let ask = || {
        let out = Command::new(exe)
            .args(["ask", "/summary chapter:21"])
            .current_dir(ROOT)
            .output()
            .expect("lectern runs");
        assert!(out.status.success());
    };
    percentiles(
        "process start to first answer (lectern ask '/summary chapter:21')",
        30,
        ask,
    );
    let dir = corpus();
    if dir.is_dir() {
        let dir = dir.to_string_lossy().into_owned();
        percentiles("process start to first answer, kr-translated-v1 (lectern ask --content … '/search query:agents')", 30, || {
            let out = Command::new(exe)
                .args(["ask", "/search query:agents", "--content", &dir])
                .current_dir(ROOT)
                .output()
                .expect("lectern runs");
            assert!(out.status.success());
        });
    }
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("ask_summary_process", |b| b.iter(ask));
    group.finish();
    // Keep the shipped config loadable from the bench too.
    let config = Config::load(&Path::new(ROOT).join("config/lectern.yaml")).unwrap();
    let _ = Lectern::load(&config, &config.content);
}

criterion_group!(benches, load_and_index, startup);
criterion_main!(benches);
