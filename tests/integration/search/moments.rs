//! Moment quality on the real v1 notes: each topic query of
//! `tests/fixtures/moment_eval.tsv` is labelled with the span of the video
//! where the topic is discussed, read off the video's captions (never from
//! what the engine returns). Reports the share of top links that land in the
//! span ±30 s, the median distance to the span, and Hit@1 by chapter (the
//! chapter that covers the span's start in the official index) separately for
//! the tuning and the held-out queries; fails under the targets reached.

use std::path::PathBuf;

use crate::support::{corpus, glossary};
use lectern::library::load::find_course_indexes;
use lectern::library::{load_library, LoadOptions};
use lectern::search::SearchIndex;
use lectern::timecode::parse_time;

const LABELS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/moment_eval.tsv"
);

/// How far outside the span a link may land and still count.
const SLACK: u32 = 30;
const MIN_IN_SPAN: f64 = 0.65;
const MIN_HELD_OUT_HIT1: f64 = 0.80;

struct Case {
    query: String,
    start: u32,
    end: u32,
    held_out: bool,
}

fn read_labels() -> Vec<Case> {
    let text = std::fs::read_to_string(LABELS).expect("moment_eval.tsv is readable");
    let mut lines = text.lines();
    assert_eq!(
        lines.next().map(str::trim_end),
        Some("query\tstart\tend\tsplit")
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "bad TSV line: {l:?}");
            let time = |s: &str| parse_time(s).unwrap_or_else(|_| panic!("bad time in {l:?}"));
            let (start, end) = (time(cols[1]), time(cols[2]));
            assert!(start < end, "empty span in {l:?}");
            Case {
                query: cols[0].to_string(),
                start,
                end,
                held_out: cols[3].trim() == "held-out",
            }
        })
        .collect()
}

#[derive(Default)]
struct Split {
    n: usize,
    in_span: usize,
    hit1: usize,
    distances: Vec<u32>,
}

impl Split {
    fn median(&self) -> u32 {
        let mut d = self.distances.clone();
        d.sort_unstable();
        d.get(d.len() / 2).copied().unwrap_or(0)
    }

    fn report(&self, name: &str) {
        let n = self.n.max(1) as f64;
        println!(
            "  {name:<9} n={:<3} in span ±{SLACK}s {:.3}  median distance {} s  Hit@1 {:.3}",
            self.n,
            self.in_span as f64 / n,
            self.median(),
            self.hit1 as f64 / n
        );
    }
}

#[test]
fn top_links_land_where_the_topic_is_said() {
    let Some(dir) = corpus("kr-translated-v1") else {
        return;
    };
    // The official chapter index (shipped in content/) decides chapter starts.
    let shipped = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
    let options = LoadOptions {
        reference_indexes: find_course_indexes(&[shipped]),
        ..LoadOptions::default()
    };
    let library = load_library(&[dir], options);
    let course = library.courses.first().expect("corpus loads a course");
    let glossary = glossary();
    let index = SearchIndex::build(&library, &glossary);

    let (mut all, mut tune, mut held) = (Split::default(), Split::default(), Split::default());
    let mut misses = Vec::new();
    for case in read_labels() {
        let hits = index.search(&library, &case.query, None, 5);
        let expected = course.chapter_at(case.start).map(|c| c.number);
        let top = hits.first();
        let seconds = top
            .and_then(|h| h.moments.first())
            .map(|m| m.moment.seconds);
        let distance = seconds.map_or(u32::MAX, |s| {
            if s < case.start {
                case.start - s
            } else {
                s.saturating_sub(case.end)
            }
        });
        let hit1 = top.map(|h| h.chapter) == expected;
        for split in [&mut all, if case.held_out { &mut held } else { &mut tune }] {
            split.n += 1;
            split.in_span += usize::from(distance <= SLACK);
            split.hit1 += usize::from(hit1);
            split.distances.push(distance);
        }
        if distance > SLACK || !hit1 {
            misses.push(format!(
                "{:?} span {}–{} (ch{:?}): got ch{:?} at {:?}, {} s off",
                case.query,
                case.start,
                case.end,
                expected,
                top.map(|h| h.chapter),
                seconds,
                distance
            ));
        }
    }
    println!("moment eval (v1 notes, no captions):");
    all.report("all");
    tune.report("tune");
    held.report("held-out");
    for m in &misses {
        println!("    miss: {m}");
    }
    let share = all.in_span as f64 / all.n.max(1) as f64;
    let held_hit1 = held.hit1 as f64 / held.n.max(1) as f64;
    assert!(
        share >= MIN_IN_SPAN,
        "{share:.3} in span, under {MIN_IN_SPAN}"
    );
    assert!(
        held_hit1 >= MIN_HELD_OUT_HIT1,
        "held-out Hit@1 {held_hit1:.3}, under {MIN_HELD_OUT_HIT1}"
    );
}
