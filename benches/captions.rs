//! Parse time of the real 2 MB auto-captions file (deep-dive-llms), plus
//! grouping its words into windows. Skips with a notice without the corpus.

use std::hint::black_box;

use criterion::Criterion;
use lectern::library::captions::{caption_windows, parse_captions, WindowOptions};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/deep-dive-llms/captions/deep-dive-llms.en-orig.vtt"
);

fn main() {
    let Ok(text) = std::fs::read_to_string(FILE) else {
        eprintln!("NOTICE: {FILE} not found; captions bench skipped");
        return;
    };
    let mut criterion = Criterion::default().configure_from_args();
    criterion.bench_function("parse deep-dive captions (2 MB)", |b| {
        b.iter(|| parse_captions("deep-dive-llms.en-orig.vtt", black_box(&text)))
    });
    let captions = parse_captions("deep-dive-llms.en-orig.vtt", &text);
    println!(
        "{} words, {} windows",
        captions.words.len(),
        caption_windows(&captions.words, WindowOptions::default()).len()
    );
    criterion.bench_function("caption windows", |b| {
        b.iter(|| caption_windows(black_box(&captions.words), WindowOptions::default()))
    });
    criterion.final_summary();
}
