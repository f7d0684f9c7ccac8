//! Moment quality on the real v1 notes, with and without the video's
//! captions: each topic query of `tests/fixtures/moment_eval.tsv` is labelled
//! with the span of the video where the topic is explained, read off the
//! captions and the English transcript (never from what the engine returns;
//! see `tests/fixtures/moment_eval.md`). For each case it reports the share
//! of top links that land in the span ±30 s, the median distance to the span
//! and Hit@1 (the top hit's chapter is the one that covers the span's start
//! in the official chapter index), for the tuning and the held-out queries
//! apart, prints the misses (`--nocapture`), and fails under the floors the
//! engine has reached — guards against regressions, not the targets.

use crate::support::corpus::{corpus_path, lectern_with};
use crate::support::labels::{clock, distance, tsv_rows};
use lectern::app::Lectern;
use lectern::timecode::parse_time;

/// How far outside the span a link may land and still count.
const SLACK: u32 = 30;

/// Floors reached by the engine (regression guards); the targets are
/// written beside them in the report.
/// Measured at session 20: without captions 0.639 in span, median 5 s,
/// held-out Hit@1 0.788; with captions 0.820, 0 s, 0.846. Session 21
/// (markers that continue a file's run are followed, key points link where
/// they are said, words said as written, verb forms, whole names):
/// without captions 0.707, 0 s, 0.827; with captions 0.857, 0 s, 0.865.
const FLOOR_NO_CAPTIONS: Floors = Floors {
    in_span: 0.70,
    median: 5,
    held_out_hit1: 0.82,
};
const FLOOR_CAPTIONS: Floors = Floors {
    in_span: 0.855,
    median: 0,
    held_out_hit1: 0.86,
};

struct Floors {
    in_span: f64,
    median: u32,
    held_out_hit1: f64,
}

struct Case {
    query: String,
    start: u32,
    end: u32,
    held_out: bool,
}

fn read_labels() -> Vec<Case> {
    tsv_rows("moment_eval.tsv", "query\tstart\tend\tsplit")
        .into_iter()
        .map(|cols| {
            let time = |s: &str| parse_time(s).unwrap_or_else(|_| panic!("bad time in {cols:?}"));
            let (start, end) = (time(&cols[1]), time(&cols[2]));
            assert!(start < end, "empty span in {cols:?}");
            let split = cols[3].trim();
            assert!(
                split == "tune" || split == "held-out",
                "split is tune or held-out: {cols:?}"
            );
            Case {
                query: cols[0].clone(),
                start,
                end,
                held_out: split == "held-out",
            }
        })
        .collect()
}

/// The official chapter index of the video (`chapters.tsv` beside the
/// corpus): chapter number and start, in order.
fn official_index() -> Option<Vec<(u32, u32)>> {
    let path = corpus_path("deep-dive-llms/chapters.tsv")?;
    let text = std::fs::read_to_string(path).expect("chapters.tsv is readable");
    let starts = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let number = cols[0].parse().expect("chapter number");
            (number, parse_time(cols[1]).expect("chapter start"))
        })
        .collect();
    Some(starts)
}

fn chapter_at(index: &[(u32, u32)], seconds: u32) -> Option<u32> {
    index
        .iter()
        .rev()
        .find(|&&(_, start)| start <= seconds)
        .map(|&(n, _)| n)
}

#[derive(Default)]
struct Split {
    n: usize,
    in_span: usize,
    hit1: usize,
    distances: Vec<u32>,
}

impl Split {
    fn add(&mut self, distance: u32, hit1: bool) {
        self.n += 1;
        self.in_span += usize::from(distance <= SLACK);
        self.hit1 += usize::from(hit1);
        self.distances.push(distance);
    }

    fn share(&self) -> f64 {
        self.in_span as f64 / self.n.max(1) as f64
    }

    fn hit1(&self) -> f64 {
        self.hit1 as f64 / self.n.max(1) as f64
    }

    fn median(&self) -> u32 {
        let mut d = self.distances.clone();
        d.sort_unstable();
        d.get(d.len() / 2).copied().unwrap_or(0)
    }

    fn report(&self, name: &str) {
        let median = match self.median() {
            u32::MAX => "none".to_string(),
            m => format!("{m} s"),
        };
        println!(
            "  {name:<9} n={:<3} in span ±{SLACK}s {:.3}  median distance {median}  Hit@1 {:.3}",
            self.n,
            self.share(),
            self.hit1()
        );
    }
}

/// Runs every labelled query, prints the figures and misses, and returns
/// (all, held-out).
fn evaluate(name: &str, lectern: &Lectern, index: &[(u32, u32)]) -> (Split, Split) {
    let (mut all, mut tune, mut held) = (Split::default(), Split::default(), Split::default());
    let mut misses = Vec::new();
    for case in read_labels() {
        let hits = lectern.index.search(&lectern.library, &case.query, None, 5);
        let expected = chapter_at(index, case.start);
        let top = hits.first();
        let seconds = top
            .and_then(|h| h.moments.first())
            .map(|m| m.moment.seconds);
        let off = seconds.map_or(u32::MAX, |s| distance(s, case.start, case.end));
        let hit1 = top.map(|h| h.chapter) == expected;
        all.add(off, hit1);
        let split = if case.held_out { &mut held } else { &mut tune };
        split.add(off, hit1);
        if off > SLACK || !hit1 {
            let at = seconds.map_or("nothing".to_string(), clock);
            misses.push(format!(
                "{}{:?} span {}–{} (ch{}): got ch{} at {at}, {} off",
                if case.held_out { "[held-out] " } else { "" },
                case.query,
                clock(case.start),
                clock(case.end),
                expected.unwrap_or(0),
                top.map_or(0, |h| h.chapter),
                if off == u32::MAX {
                    "∞".to_string()
                } else {
                    format!("{off} s")
                }
            ));
        }
    }
    println!("moment eval ({name}):");
    all.report("all");
    tune.report("tune");
    held.report("held-out");
    for m in &misses {
        println!("    miss: {m}");
    }
    (all, held)
}

fn assert_floors(name: &str, all: &Split, held: &Split, floors: &Floors) {
    assert!(
        all.share() >= floors.in_span,
        "{name}: {:.3} in span, under {}",
        all.share(),
        floors.in_span
    );
    assert!(
        all.median() <= floors.median,
        "{name}: median distance {} s, over {} s",
        all.median(),
        floors.median
    );
    assert!(
        held.hit1() >= floors.held_out_hit1,
        "{name}: held-out Hit@1 {:.3}, under {}",
        held.hit1(),
        floors.held_out_hit1
    );
}

#[test]
fn top_links_land_where_the_topic_is_said() {
    let Some(index) = official_index() else {
        return;
    };
    let Some((_notes, plain)) = lectern_with("kr-translated-v1", false) else {
        return;
    };
    let (all, held) = evaluate("v1 notes, no captions", &plain, &index);
    println!("  targets: in span ≥ 0.75, held-out Hit@1 ≥ 0.95");
    assert_floors("without captions", &all, &held, &FLOOR_NO_CAPTIONS);

    let Some((_captioned, captioned)) = lectern_with("kr-translated-v1", true) else {
        return;
    };
    let (all, held) = evaluate("v1 notes with the video's captions", &captioned, &index);
    println!("  targets: within 30 s ≥ 0.90, median ≤ 10 s, held-out Hit@1 ≥ 0.95");
    assert_floors("with captions", &all, &held, &FLOOR_CAPTIONS);
}

#[test]
fn labels_cover_every_chapter_and_keep_a_held_out_part() {
    let Some(index) = official_index() else {
        return;
    };
    let cases = read_labels();
    assert!(cases.len() >= 120, "{} labelled queries", cases.len());
    let held = cases.iter().filter(|c| c.held_out).count();
    let share = held as f64 / cases.len() as f64;
    assert!((0.3..=0.5).contains(&share), "held-out share {share:.2}");
    for &(number, _) in &index {
        let n = cases
            .iter()
            .filter(|c| chapter_at(&index, c.start) == Some(number))
            .count();
        assert!(n >= 2, "chapter {number} has {n} labelled queries");
    }
}
