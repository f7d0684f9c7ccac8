//! Question generation (issue 13): building one question of a chapter —
//! picking it by seed and wording it — must take < 1 ms p99. Measured on
//! the real v1 notes (24 chapters) when the corpus is there, else on the
//! shipped content; every chapter, many seeds. One run, printed.
//!
//! Run with `cargo bench --bench quiz`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use lectern::locale::Locale;
use lectern::quiz;

#[path = "support/served_content.rs"]
mod served_content;
use served_content::lectern;

#[path = "support/timing.rs"]
mod timing;
use timing::percentiles;

fn generation(c: &mut Criterion) {
    let lectern = lectern();
    let course = &lectern.library.courses[0];
    let names = lectern.index.synonyms();
    let chapters = quiz::quizzable(course, names);
    let mut seed = 0u32;
    let mut one = || {
        seed = seed.wrapping_add(7_919) % 100_000;
        let chapter = chapters[seed as usize % chapters.len()];
        let r =
            quiz::pick(course, names, chapter, seed).expect("a quizzable chapter has a question");
        std::hint::black_box(quiz::generate(course, names, r, Locale::Ko));
    };
    percentiles(
        &format!(
            "quiz: one question (pick + generate), {} quizzable chapters",
            chapters.len()
        ),
        5_000,
        &mut one,
    );
    let mut group = c.benchmark_group("quiz");
    group
        .sample_size(50)
        .measurement_time(Duration::from_secs(3));
    group.bench_function("pick_and_generate", |b| b.iter(&mut one));
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
