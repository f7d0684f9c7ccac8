//! Moment quality on the real v1 notes, with and without the video's
//! captions: each topic query of `tests/fixtures/moment_eval.tsv` is labelled
//! with the span of the video where the topic is explained, read off the
//! captions and the English transcript (never from what the engine returns;
//! see `tests/fixtures/moment_eval.md`). For each case it reports the share
//! of top links that land in the span ±30 s, the median distance to the span
//! and Hit@1 (the top hit's chapter is the one that covers the span's start
//! in the official chapter index), for the tuning and the held-out queries
//! apart, prints their misses (`--nocapture`), and fails under the floors the
//! engine has reached — guards against regressions, not the targets.
//!
//! The held-out misses have been read over many sessions, so a second,
//! fresh held-out part (`moment_eval_fresh.tsv`, labelled from the captions
//! only and committed before the engine ever ran on it) is scored apart. Its
//! misses are counted but never printed: whoever tunes the engine must not
//! see them, or the fresh figure stops estimating unseen queries too.

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
/// The fresh part (68 queries), measured once at session 22 on main dd3a2c9:
/// without captions 0.412 in span, median 210 s, Hit@1 0.559; with captions
/// 0.544, 15 s, 0.647. End of session 22 (particles by sound, the query's
/// telling words, a key point holding the whole query, recaps yield, text
/// between a run's markers): without captions 0.737, 0 s, 0.827, fresh
/// 0.412, 145 s, 0.574; with captions 0.880, 0 s, 0.865, fresh 0.544, 15 s,
/// 0.662. Session 23 added 76 rows of the classes the fresh part misses
/// (natural questions, Korean spellings of English terms, the speaker's
/// examples; 46 tune, 30 held-out), so the set changed and the floors were
/// set again on the same engine: without captions 0.632 in span, median 5 s,
/// held-out Hit@1 0.707; with captions 0.756, 0 s, 0.744. Then (no caption
/// window straddles a chapter start; without captions, a chapter whose text
/// says the query leads one whose key points only list it): without captions
/// 0.665, 5 s, 0.720, fresh 0.426, 100 s, 0.603; with captions 0.761. Then
/// questions read for their topic (question words and predicates,
/// contractions, function words, light-verb questions): without captions
/// 0.665, 5 s, 0.744, fresh 0.441, 60 s, 0.632; with captions 0.761, 0 s,
/// 0.768, fresh 0.559, 15 s, 0.691. Then Korean spellings of English words
/// read by sound (`에폭` → epoch): with captions 0.766, 0 s, 0.780; fresh
/// unchanged. Session 24 (a glossary name said with endings counts as the
/// whole name; a link's passage says a name in its order; English forms,
/// `2+2` as `2 plus 2`, noun suffixes like 급, `where can I run` read as
/// finding), measured with both: without captions 0.675, 5 s, 0.744, fresh
/// 0.441, 60 s, 0.632; with captions 0.775, 0 s, 0.780, fresh 0.559, 15 s,
/// 0.706.
const FLOOR_NO_CAPTIONS: Floors = Floors {
    in_span: 0.673,
    median: 5,
    held_out_hit1: 0.74,
    fresh: PartFloors {
        in_span: 0.44,
        median: 60,
        hit1: 0.63,
    },
};
const FLOOR_CAPTIONS: Floors = Floors {
    in_span: 0.773,
    median: 0,
    held_out_hit1: 0.775,
    fresh: PartFloors {
        in_span: 0.555,
        median: 15,
        hit1: 0.705,
    },
};

struct Floors {
    /// Over the tuning and held-out queries together.
    in_span: f64,
    median: u32,
    held_out_hit1: f64,
    fresh: PartFloors,
}

struct PartFloors {
    in_span: f64,
    median: u32,
    hit1: f64,
}

/// Which part of the labelled set a query belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Tune,
    HeldOut,
    Fresh,
}

struct Case {
    query: String,
    start: u32,
    end: u32,
    part: Part,
}

fn span(cols: &[String]) -> (u32, u32) {
    let time = |s: &str| parse_time(s).unwrap_or_else(|_| panic!("bad time in {cols:?}"));
    let (start, end) = (time(&cols[1]), time(&cols[2]));
    assert!(start < end, "empty span in {cols:?}");
    (start, end)
}

/// The tuning and held-out queries of `moment_eval.tsv`.
fn read_labels() -> Vec<Case> {
    tsv_rows("moment_eval.tsv", "query\tstart\tend\tsplit")
        .into_iter()
        .map(|cols| {
            let (start, end) = span(&cols);
            let part = match cols[3].trim() {
                "tune" => Part::Tune,
                "held-out" => Part::HeldOut,
                other => panic!("split is tune or held-out, not {other:?}: {cols:?}"),
            };
            Case {
                query: cols[0].clone(),
                start,
                end,
                part,
            }
        })
        .collect()
}

/// The kinds of query of the fresh part.
const FRESH_KINDS: [&str; 4] = ["ko", "en", "question", "typo"];

/// The fresh held-out part (`moment_eval_fresh.tsv`), each with its kind.
fn read_fresh() -> Vec<(Case, String)> {
    tsv_rows("moment_eval_fresh.tsv", "query\tstart\tend\tkind")
        .into_iter()
        .map(|cols| {
            let (start, end) = span(&cols);
            let kind = cols[3].trim().to_string();
            assert!(
                FRESH_KINDS.contains(&kind.as_str()),
                "kind is one of {FRESH_KINDS:?}: {cols:?}"
            );
            let case = Case {
                query: cols[0].clone(),
                start,
                end,
                part: Part::Fresh,
            };
            (case, kind)
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

    /// Fails when under `floors`.
    fn assert_at_least(&self, name: &str, floors: &PartFloors) {
        assert!(
            self.share() >= floors.in_span,
            "{name}: {:.3} in span, under {}",
            self.share(),
            floors.in_span
        );
        assert!(
            self.median() <= floors.median,
            "{name}: median distance {} s, over {} s",
            self.median(),
            floors.median
        );
        assert!(
            self.hit1() >= floors.hit1,
            "{name}: Hit@1 {:.3}, under {}",
            self.hit1(),
            floors.hit1
        );
    }
}

/// The figures of one evaluation: the tuning and held-out queries together,
/// the held-out ones, and the fresh part.
struct Figures {
    all: Split,
    held: Split,
    fresh: Split,
}

/// Runs every labelled query, prints the figures and the misses of the
/// tuning and held-out queries (only the number of the fresh part's).
fn evaluate(name: &str, lectern: &Lectern, index: &[(u32, u32)]) -> Figures {
    let (mut all, mut tune) = (Split::default(), Split::default());
    let (mut held, mut fresh) = (Split::default(), Split::default());
    let mut misses = Vec::new();
    let mut fresh_misses = 0;
    let cases = read_labels()
        .into_iter()
        .chain(read_fresh().into_iter().map(|(case, _)| case));
    for case in cases {
        let hits = lectern.index.search(&lectern.library, &case.query, None, 5);
        let expected = chapter_at(index, case.start);
        let top = hits.first();
        let seconds = top
            .and_then(|h| h.moments.first())
            .map(|m| m.moment.seconds);
        let off = seconds.map_or(u32::MAX, |s| distance(s, case.start, case.end));
        let hit1 = top.map(|h| h.chapter) == expected;
        let split = match case.part {
            Part::Tune => &mut tune,
            Part::HeldOut => &mut held,
            Part::Fresh => &mut fresh,
        };
        split.add(off, hit1);
        let missed = off > SLACK || !hit1;
        if case.part == Part::Fresh {
            fresh_misses += usize::from(missed);
            continue;
        }
        all.add(off, hit1);
        if missed {
            misses.push(miss(&case, expected, top.map(|h| h.chapter), seconds, off));
        }
    }
    println!("moment eval ({name}):");
    all.report("all");
    tune.report("tune");
    held.report("held-out");
    fresh.report("fresh");
    for m in &misses {
        println!("    miss: {m}");
    }
    println!("    fresh: {fresh_misses} misses, not shown (see moment_eval.md)");
    Figures { all, held, fresh }
}

/// One line of the misses list.
fn miss(case: &Case, expected: Option<u32>, got: Option<u32>, at: Option<u32>, off: u32) -> String {
    let tag = match case.part {
        Part::HeldOut => "[held-out] ",
        _ => "",
    };
    let at = at.map_or("nothing".to_string(), clock);
    let off = match off {
        u32::MAX => "∞".to_string(),
        s => format!("{s} s"),
    };
    format!(
        "{tag}{:?} span {}–{} (ch{}): got ch{} at {at}, {off} off",
        case.query,
        clock(case.start),
        clock(case.end),
        expected.unwrap_or(0),
        got.unwrap_or(0)
    )
}

fn assert_floors(name: &str, figures: &Figures, floors: &Floors) {
    let all = PartFloors {
        in_span: floors.in_span,
        median: floors.median,
        hit1: 0.0,
    };
    figures.all.assert_at_least(name, &all);
    assert!(
        figures.held.hit1() >= floors.held_out_hit1,
        "{name}: held-out Hit@1 {:.3}, under {}",
        figures.held.hit1(),
        floors.held_out_hit1
    );
    figures
        .fresh
        .assert_at_least(&format!("{name}, fresh part"), &floors.fresh);
}

#[test]
fn top_links_land_where_the_topic_is_said() {
    let Some(index) = official_index() else {
        return;
    };
    let Some((_notes, plain)) = lectern_with("kr-translated-v1", false) else {
        return;
    };
    let figures = evaluate("v1 notes, no captions", &plain, &index);
    println!("  targets: in span ≥ 0.75, held-out Hit@1 ≥ 0.95");
    assert_floors("without captions", &figures, &FLOOR_NO_CAPTIONS);

    let Some((_captioned, captioned)) = lectern_with("kr-translated-v1", true) else {
        return;
    };
    let figures = evaluate("v1 notes with the video's captions", &captioned, &index);
    println!("  targets: within 30 s ≥ 0.90, median ≤ 10 s, held-out Hit@1 ≥ 0.95");
    assert_floors("with captions", &figures, &FLOOR_CAPTIONS);
}

#[test]
fn labels_cover_every_chapter_and_keep_a_held_out_part() {
    let Some(index) = official_index() else {
        return;
    };
    let cases = read_labels();
    assert!(cases.len() >= 120, "{} labelled queries", cases.len());
    let held = cases.iter().filter(|c| c.part == Part::HeldOut).count();
    let share = held as f64 / cases.len() as f64;
    assert!((0.3..=0.5).contains(&share), "held-out share {share:.2}");
    let per_chapter = |cases: &[&Case], number| {
        cases
            .iter()
            .filter(|c| chapter_at(&index, c.start) == Some(number))
            .count()
    };
    let tuned: Vec<&Case> = cases.iter().collect();
    for &(number, _) in &index {
        let n = per_chapter(&tuned, number);
        assert!(n >= 2, "chapter {number} has {n} labelled queries");
    }

    let fresh = read_fresh();
    assert!(fresh.len() >= 60, "{} fresh queries", fresh.len());
    let fresh_cases: Vec<&Case> = fresh.iter().map(|(c, _)| c).collect();
    for &(number, _) in &index {
        let n = per_chapter(&fresh_cases, number);
        assert!(n >= 1, "chapter {number} has no fresh query");
    }
    for kind in FRESH_KINDS {
        assert!(
            fresh.iter().any(|(_, k)| k == kind),
            "no fresh query of kind {kind}"
        );
    }
    let korean = fresh_cases
        .iter()
        .filter(|c| c.query.chars().any(|ch| ('가'..='힣').contains(&ch)))
        .count();
    assert!(2 * korean > fresh.len(), "{korean} fresh queries in Korean");
    let seen = queries_of_other_sets();
    for case in &fresh_cases {
        assert!(
            case.end - case.start <= 200,
            "{:?}: a span of at most ~3 minutes",
            case.query
        );
        assert!(
            !seen.contains(&fold(&case.query)),
            "{:?} is not fresh: another labelled set has it",
            case.query
        );
    }
}

/// Every query of the other labelled sets of `tests/fixtures/`, folded.
fn queries_of_other_sets() -> std::collections::HashSet<String> {
    let column = |name: &str, header: &str, col: usize| {
        tsv_rows(name, header)
            .into_iter()
            .map(move |cols| fold(&cols[col]))
    };
    read_labels()
        .iter()
        .map(|c| fold(&c.query))
        .chain(column("search_eval.tsv", "query\texpected\tkind", 0))
        .chain(column(
            "course_eval.tsv",
            "query\tchapters\tstart\tend\tlang",
            0,
        ))
        .chain(column("autocomplete_eval.tsv", "kind\ttyped\tintended", 1))
        .chain(column("autocomplete_eval.tsv", "kind\ttyped\tintended", 2))
        .collect()
}

fn fold(query: &str) -> String {
    query.trim().to_lowercase()
}
