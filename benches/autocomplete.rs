//! Autocomplete per keystroke on the real 24-chapter v1 notes: every input
//! of `tests/fixtures/autocomplete_eval.tsv` typed one character at a time
//! (`보`, `보상`, `보상 `, `보상 모`), each prefix asked of topic and chapter
//! autocomplete as Discord asks on every keystroke. Prints p50/p99/max of
//! single calls — the target is p99 < 100 µs — then criterion's mean over
//! the whole mix. Skips with a notice without the corpus.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::Criterion;
use lectern::library::load::find_course_indexes;
use lectern::library::{load_library, LoadOptions};
use lectern::search::{Glossary, SearchIndex};

#[path = "support/timing.rs"]
mod timing;
use timing::percentiles;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every prefix of every eval input, with its kind (`topic` or `chapter`).
fn keystrokes() -> Vec<(bool, String)> {
    let pairs = std::fs::read_to_string(format!("{ROOT}/tests/fixtures/autocomplete_eval.tsv"))
        .expect("autocomplete_eval.tsv is readable");
    let mut out = Vec::new();
    for line in pairs.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(kind), Some(typed)) = (cols.next(), cols.next()) else {
            continue;
        };
        let chars: Vec<char> = typed.chars().collect();
        for n in 1..=chars.len() {
            out.push((kind == "topic", chars[..n].iter().collect()));
        }
    }
    out
}

fn main() {
    let notes = PathBuf::from(format!(
        "{ROOT}/../shared/corpus/deep-dive-llms/kr-translated-v1"
    ));
    if !notes.is_dir() {
        eprintln!(
            "NOTICE: corpus not found at {}; autocomplete bench skipped",
            notes.display()
        );
        return;
    }
    let options = LoadOptions {
        reference_indexes: find_course_indexes(&[PathBuf::from(format!("{ROOT}/content"))]),
        ..LoadOptions::default()
    };
    let library = load_library(&[notes], options);
    let glossary = std::fs::read_to_string(format!("{ROOT}/config/glossary.yaml"))
        .ok()
        .and_then(|t| Glossary::parse(&t).ok())
        .unwrap_or_default();
    let index = SearchIndex::build(&library, &glossary);
    let keys = keystrokes();
    let ask = |i: usize| {
        let (topic, typed) = &keys[i % keys.len()];
        if *topic {
            black_box(index.suggest_topics(&library, typed, None));
        } else {
            black_box(index.suggest_chapters(&library, typed, None));
        }
    };
    println!(
        "== autocomplete, {} keystrokes of the eval inputs",
        keys.len()
    );
    for i in 0..keys.len() * 4 {
        ask(i);
    }
    let mut i = 0;
    percentiles("per keystroke", keys.len() * 40, || {
        ask(i);
        i += 1;
    });

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    c.bench_function("autocomplete/24/keystroke-mix", |b| {
        b.iter(|| {
            for k in 0..keys.len() {
                ask(k);
            }
        })
    });
    c.final_summary();
}
