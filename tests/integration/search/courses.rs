//! Search with two real courses loaded side by side (issue 11): the v1 notes
//! of *Deep Dive into LLMs* and the prompt-engineering lecture's Korean
//! notes, each with its video's captions from the `captions/` folder beside
//! its notes — exactly the corpus folders, as `--content` would name them.
//!
//! Two label sets: the prompt-engineering queries of
//! `tests/fixtures/course_eval.tsv` (chapters and the span where the topic
//! is said, read off that lecture's transcript and captions; see
//! `course_eval.md`) and the topic queries of `search_eval.tsv` (deep-dive
//! chapters). A hit counts only in the right course. A query asked in both
//! sets (`chain of thought`: both lectures explain it) is answered rightly
//! by either course's labelled chapters, and its first hit is "the other
//! course's" only when neither set names that course. Prints Hit@1 per
//! course and together, the share of top links in the labelled span, the
//! queries whose first hit is the other course's, and every miss; fails
//! under the floors the engine has reached (regression guards). The issue's
//! targets are printed beside them: Hit@1 ≥ 0.95 together and "never the
//! other course first" are both met.
//!
//! Set `LECTERN_EVAL_VERBOSE=1` to print the top five of every query.

use lectern::app::Lectern;
use lectern::search::Hit;
use lectern::timecode::parse_time;

use crate::support::corpus::{corpus, corpus_path};
use crate::support::labels::{chapters, clock, distance, search_cases, tsv_rows};

const DEEP_DIVE: &str = "deep-dive-llms";
const PROMPTING: &str = "ai-prompt-engineering";

/// The target, on both label sets together.
const TARGET_HIT1: f64 = 0.95;
/// Reached (regression guards): Hit@1 0.981 together in session 21; 0.986
/// in session 22 (prompt engineering 0.966, deep dive 0.994); 0.991 in
/// session 24 (prompt engineering 0.983), and no query whose first hit is
/// in a course no label names (the target, kept).
const FLOOR_HIT1: f64 = 0.99;
/// How far outside the span a top link may land and still count as in it.
const SLACK: u32 = 30;

/// A labelled query about the prompt-engineering lecture.
struct Case {
    query: String,
    /// The chapters that answer it, the one the span is in first.
    chapters: Vec<u32>,
    start: u32,
    end: u32,
}

fn prompting_cases() -> Vec<Case> {
    tsv_rows("course_eval.tsv", "query\tchapters\tstart\tend\tlang")
        .into_iter()
        .map(|cols| {
            let time = |s: &str| parse_time(s).unwrap_or_else(|_| panic!("bad time in {cols:?}"));
            let (start, end) = (time(&cols[2]), time(&cols[3]));
            assert!(start < end, "empty span in {cols:?}");
            assert!(
                matches!(cols[4].as_str(), "ko" | "en"),
                "lang is ko or en: {cols:?}"
            );
            let chapters = chapters(&cols[1]);
            assert!(!chapters.is_empty(), "no chapter in {cols:?}");
            Case {
                query: cols[0].clone(),
                chapters,
                start,
                end,
            }
        })
        .collect()
}

/// The lecture's chapter starts from the table of contents of its English
/// transcript (`N. [Title](#anchor) (m:ss)`), in order.
fn prompting_chapter_starts() -> Option<Vec<(u32, u32)>> {
    let path = corpus_path("ai-prompt-engineering/eng/_index.md")?;
    let text = std::fs::read_to_string(path).expect("the transcript is readable");
    let starts: Vec<(u32, u32)> = text
        .lines()
        .filter_map(|l| {
            let (number, rest) = l.split_once(". [")?;
            let time = rest.rsplit_once(" (")?.1.strip_suffix(')')?;
            Some((number.parse().ok()?, parse_time(time).ok()?))
        })
        .collect();
    assert_eq!(starts.len(), 11, "the table of contents lists 11 chapters");
    Some(starts)
}

/// Both corpus folders as `lectern --content A --content B` loads them
/// (with the shipped course index as reference for the deep-dive notes).
fn both_courses() -> Option<Lectern> {
    let deep_dive = corpus("kr-translated-v1")?;
    let prompting = corpus_path("ai-prompt-engineering/kr")?;
    let lectern = Lectern::load(&crate::support::config(), &[deep_dive, prompting]);
    let ids: Vec<&str> = lectern
        .library
        .courses
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, [DEEP_DIVE, PROMPTING]);
    for course in &lectern.library.courses {
        assert!(course.captions.is_some(), "{} has captions", course.id);
    }
    Some(lectern)
}

#[derive(Default)]
struct Tally {
    n: usize,
    hit1: usize,
    /// Queries whose first hit is the other course's.
    crossed: Vec<String>,
    misses: Vec<String>,
}

impl Tally {
    /// Counts one query answered by `hits`; `expected` names the labelled
    /// chapters per course (the query's own set first).
    fn add(&mut self, query: &str, expected: &[(&str, Vec<u32>)], hits: &[Hit]) {
        self.n += 1;
        let top = hits.first();
        if std::env::var_os("LECTERN_EVAL_VERBOSE").is_some() {
            let list: Vec<String> = hits
                .iter()
                .map(|h| {
                    format!(
                        "{}:{}({}:{:.2})",
                        h.course,
                        h.chapter,
                        h.field.as_str(),
                        h.score
                    )
                })
                .collect();
            println!("{query:<36} {}", list.join(" "));
        }
        let right = |h: &Hit| {
            expected
                .iter()
                .any(|(course, chapters)| h.course == *course && chapters.contains(&h.chapter))
        };
        if top.is_some_and(right) {
            self.hit1 += 1;
            return;
        }
        let got = top.map_or("nothing".to_string(), |h| {
            format!("{} ch{}", h.course, h.chapter)
        });
        let labels: Vec<String> = expected
            .iter()
            .map(|(course, chapters)| format!("{course} {chapters:?}"))
            .collect();
        let line = format!("{query:?} ({}): got {got}", labels.join(", "));
        if top.is_some_and(|h| expected.iter().all(|(course, _)| h.course != *course)) {
            self.crossed.push(line.clone());
        }
        self.misses.push(line);
    }

    fn hit1(&self) -> f64 {
        self.hit1 as f64 / self.n.max(1) as f64
    }

    fn report(&self, name: &str) {
        println!(
            "  {name:<22} n={:<4} Hit@1 {:.3}  first hit in the other course: {}",
            self.n,
            self.hit1(),
            self.crossed.len()
        );
    }
}

#[test]
fn both_courses_answer_their_own_queries() {
    let Some(starts) = prompting_chapter_starts() else {
        return;
    };
    let Some(lectern) = both_courses() else {
        return;
    };
    let search = |q: &str| lectern.index.search(&lectern.library, q, None, 5);

    let deep_dive_labels: Vec<(String, Vec<u32>)> = search_cases()
        .into_iter()
        .filter(|c| !c.expected.is_empty())
        .map(|c| (c.query, c.expected))
        .collect();
    let prompting_labels: Vec<(String, Vec<u32>)> = prompting_cases()
        .into_iter()
        .map(|c| (c.query, c.chapters))
        .collect();
    // The query's own labels, then the other set's for the same query.
    let labels = |query: &str, own: (&'static str, &[u32])| {
        let (other, set) = if own.0 == PROMPTING {
            (DEEP_DIVE, &deep_dive_labels)
        } else {
            (PROMPTING, &prompting_labels)
        };
        let mut all = vec![(own.0, own.1.to_vec())];
        all.extend(
            set.iter()
                .filter(|(q, _)| q == query)
                .map(|(_, chapters)| (other, chapters.clone())),
        );
        all
    };

    let (mut prompting, mut in_span) = (Tally::default(), 0);
    for case in prompting_cases() {
        let hits = search(&case.query);
        let expected = labels(&case.query, (PROMPTING, &case.chapters));
        prompting.add(&case.query, &expected, &hits);
        let second = hits
            .first()
            .filter(|h| h.course == PROMPTING)
            .and_then(|h| h.moments.first())
            .map(|m| m.moment.seconds);
        if second.is_some_and(|s| distance(s, case.start, case.end) <= SLACK) {
            in_span += 1;
        } else {
            let at = second.map_or("—".to_string(), clock);
            println!(
                "    off span: {:?} span {}–{}: top link {at}",
                case.query,
                clock(case.start),
                clock(case.end)
            );
        }
    }
    let (mut deep_dive, mut negatives, mut answered) = (Tally::default(), 0, Vec::new());
    for case in search_cases() {
        let hits = search(&case.query);
        if case.expected.is_empty() {
            negatives += 1;
            if let Some(h) = hits.first() {
                answered.push(format!("{:?}: {} ch{}", case.query, h.course, h.chapter));
            }
            continue;
        }
        let expected = labels(&case.query, (DEEP_DIVE, &case.expected));
        deep_dive.add(&case.query, &expected, &hits);
    }
    let together = Tally {
        n: prompting.n + deep_dive.n,
        hit1: prompting.hit1 + deep_dive.hit1,
        crossed: [prompting.crossed.clone(), deep_dive.crossed.clone()].concat(),
        misses: Vec::new(),
    };
    println!("two courses loaded ({DEEP_DIVE} v1 + {PROMPTING} kr, both with captions):");
    prompting.report(PROMPTING);
    println!(
        "  {:<22} top link within {SLACK} s of the labelled span: {in_span}/{}",
        "", prompting.n
    );
    deep_dive.report(DEEP_DIVE);
    together.report("together");
    println!(
        "  negatives answered: {}/{negatives} {answered:?}",
        answered.len()
    );
    for m in prompting.misses.iter().chain(&deep_dive.misses) {
        println!("    miss: {m}");
    }

    // The labels agree with the lecture's own chapter list.
    for case in prompting_cases() {
        let at = starts.iter().rev().find(|&&(_, s)| s <= case.start);
        assert_eq!(
            at.map(|&(n, _)| n),
            Some(case.chapters[0]),
            "{:?}: its span starts in another chapter",
            case.query
        );
    }
    assert!(prompting.n >= 30, "{} labelled queries", prompting.n);
    for &(number, _) in &starts {
        let n = prompting_cases()
            .iter()
            .filter(|c| c.chapters[0] == number)
            .count();
        assert!(n >= 2, "chapter {number} has {n} labelled queries");
    }
    println!(
        "  targets: Hit@1 ≥ {TARGET_HIT1} together, no first hit in the other course; crossed: {:#?}",
        together.crossed
    );
    assert!(
        together.crossed.is_empty(),
        "{} queries' first hit is the other course's: {:#?}",
        together.crossed.len(),
        together.crossed
    );
    assert!(
        together.hit1() >= FLOOR_HIT1,
        "Hit@1 {:.3} with both courses, under {FLOOR_HIT1}",
        together.hit1()
    );
}
