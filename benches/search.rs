//! Search performance: on the real 24-chapter notes (search and autocomplete,
//! and search with the video's captions loaded) and on a synthetic library of 10,000 chapters made from them by shuffling
//! and mutating paragraphs (index build time, search latency, resident memory).
//!
//! Besides criterion's means it prints p50/p99 of individual calls over a
//! query mix, which is what the targets are about: 24 chapters — search p99
//! < 500 µs (< 250 µs with captions), suggest p99 < 100 µs; 10,000 chapters — search p99 < 10 ms,
//! build < 5 s, RSS < 1 GiB. Runs in a few minutes on two cores.
//! `LECTERN_BENCH_CHAPTERS` changes the synthetic size; `LECTERN_BENCH_QUICK`
//! skips the criterion part; `LECTERN_BENCH_PROFILE` just searches the
//! synthetic library for a while (for `perf`; `LECTERN_BENCH_QUERY` picks
//! one query), or, with `LECTERN_BENCH_PROFILE=captions`, only the captioned
//! notes: every query's mean, then searching for `LECTERN_BENCH_SECONDS`
//! (8) so a profiler can attach (`perf record -g -- …/search-* --bench`).
//! Instructions per search, which the machine's load does not move:
//! `LECTERN_BENCH_PROFILE=captions LECTERN_BENCH_SECONDS=0 valgrind
//! --tool=callgrind --toggle-collect='lectern::search::SearchIndex::search'
//! …/search-* --bench`, total over the 14,800 searches it runs.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::Criterion;
#[path = "support/timing.rs"]
mod timing;
use lectern::library::{
    load_library, Anchor, Chapter, Course, Library, LoadOptions, Notes, Paragraph,
};
use lectern::search::{Glossary, SearchIndex};
use timing::{latencies, rss_kib, slowest_inputs, status_kib};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/deep-dive-llms/kr-translated-v1"
);
const CAPTIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/deep-dive-llms/captions/deep-dive-llms.en-orig.vtt"
);
const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/config/glossary.yaml");

/// A mix of what people type: English, Korean, particles, typos, 초성,
/// spacing, case, several words, and nonsense.
const QUERIES: &[&str] = &[
    "agents",
    "multimodality",
    "hallucination",
    "tool use",
    "reinforcement learning",
    "reward model",
    "chain of thought",
    "Common Crawl",
    "strawberry",
    "에이전트",
    "환각",
    "토큰화",
    "강화학습",
    "딥시크",
    "보상 모델",
    "스위스 치즈",
    "에이전트는",
    "환각이란",
    "강화학습에서",
    "agnets",
    "halucination",
    "reinforcment learning",
    "에이젼트",
    "멀티모덜",
    "ㅇㅇㅈㅌ",
    "ㅁㅌㅁㄷ",
    "멀티 모달",
    "Multi Modal",
    "ALPHAGO",
    "RLHF 보상 모델",
    "GPT-2 훈련",
    "pizza recipe",
    "asdfghjkl",
    "ㅋㅋㅋㅋ",
    "주식 투자",
    "tokenization 철자 문제 strawberry r 세기",
    "모델",
];

/// Autocomplete input as it is typed, keystroke by keystroke.
const PREFIXES: &[&str] = &[
    "",
    "ㅇ",
    "에",
    "에이",
    "에이전",
    "ㅎ",
    "환",
    "환ㄱ",
    "h",
    "ha",
    "hal",
    "hallu",
    "멀티",
    "멀티모덜",
    "rl",
    "rlhf",
    "2",
    "21",
    "딥",
    "ㄷㅅ",
    "강화 학",
    "tok",
    "agnet",
    "lm a",
];

fn main() {
    let dir = PathBuf::from(CORPUS);
    if !dir.is_dir() {
        eprintln!("NOTICE: corpus not found at {CORPUS}; search bench skipped");
        return;
    }
    let glossary = std::fs::read_to_string(GLOSSARY)
        .ok()
        .and_then(|t| Glossary::parse(&t).ok())
        .unwrap_or_default();
    if std::env::var("LECTERN_BENCH_PROFILE").is_ok_and(|v| v == "captions") {
        profile_captions(&dir, &glossary);
        return;
    }
    let (_plain_dir, library) = linked_course(&dir, false);
    assert!(
        library.courses.iter().all(|c| c.captions.is_none()),
        "the first part searches the notes alone"
    );

    let index = SearchIndex::build(&library, &glossary);
    println!("== 24 chapters");
    let times = latencies(2_000, |i| {
        black_box(index.search(&library, QUERIES[i % QUERIES.len()], None, 5));
    });
    report("search", &times);
    slowest(&times, QUERIES);
    let times = latencies(4_000, |i| {
        black_box(index.suggest_topics(&library, PREFIXES[i % PREFIXES.len()], None));
    });
    report("suggest_topics", &times);
    slowest(&times, PREFIXES);
    report(
        "suggest_chapters",
        &latencies(4_000, |i| {
            black_box(index.suggest_chapters(&library, PREFIXES[i % PREFIXES.len()], None));
        }),
    );
    report(
        "find_chapter",
        &latencies(4_000, |i| {
            black_box(index.find_chapter(&library.courses[0], PREFIXES[i % PREFIXES.len()]));
        }),
    );

    // The same notes with the video's captions (about 900 more passages).
    let (_captioned_dir, captioned) = linked_course(&dir, true);
    let start = Instant::now();
    let captioned_index = SearchIndex::build(&captioned, &glossary);
    println!(
        "== 24 chapters with captions ({} windows): index build {:.1} ms",
        captioned.courses[0]
            .captions
            .as_ref()
            .map_or(0, |c| c.windows.len()),
        start.elapsed().as_secs_f64() * 1e3
    );
    let times = latencies(2_000, |i| {
        black_box(captioned_index.search(&captioned, QUERIES[i % QUERIES.len()], None, 5));
    });
    report("search (captions)", &times);
    slowest(&times, QUERIES);

    let n: usize = std::env::var("LECTERN_BENCH_CHAPTERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    println!("== synthetic library of {n} chapters");
    let rss_before = rss_kib();
    let big = synthetic(&library, n, 0x5eed);
    let body_bytes: usize = big.courses[0]
        .chapters
        .iter()
        .filter_map(|c| c.notes.as_ref())
        .flat_map(|n| n.body.iter().map(|p| p.text.len()))
        .sum();
    println!(
        "  body text {:.1} MiB; RSS with library {} MiB",
        body_bytes as f64 / 1048576.0,
        rss_kib() / 1024
    );
    let start = Instant::now();
    let big_index = SearchIndex::build(&big, &glossary);
    let build = start.elapsed();
    println!("  index build {:.2} s", build.as_secs_f64());
    if std::env::var_os("LECTERN_BENCH_PROFILE").is_some() {
        // Just searching, for a profiler to look at.
        let only = std::env::var("LECTERN_BENCH_QUERY").ok();
        let queries: Vec<&str> = only.as_deref().map_or(QUERIES.to_vec(), |q| vec![q]);
        if let Some(q) = &only {
            println!("{}", big_index.explain(&big, q, None));
        }
        let until = Instant::now() + Duration::from_secs(8);
        while Instant::now() < until {
            for q in &queries {
                black_box(big_index.search(&big, q, None, 5));
            }
        }
        return;
    }
    let times = latencies(600, |i| {
        black_box(big_index.search(&big, QUERIES[i % QUERIES.len()], None, 5));
    });
    report("search (10k)", &times);
    slowest(&times, QUERIES);
    report(
        "suggest_topics (10k)",
        &latencies(1_000, |i| {
            black_box(big_index.suggest_topics(&big, PREFIXES[i % PREFIXES.len()], None));
        }),
    );
    println!(
        "  RSS {} MiB (peak {} MiB; {} MiB before the synthetic library)",
        rss_kib() / 1024,
        status_kib("VmHWM:") / 1024,
        rss_before / 1024
    );

    if std::env::var_os("LECTERN_BENCH_QUICK").is_some() {
        return;
    }
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    c.bench_function("search/24/query-mix", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(index.search(&library, q, None, 5));
            }
        })
    });
    c.bench_function("search/24+captions/query-mix", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(captioned_index.search(&captioned, q, None, 5));
            }
        })
    });
    c.bench_function("suggest_topics/24/prefix-mix", |b| {
        b.iter(|| {
            for p in PREFIXES {
                black_box(index.suggest_topics(&library, p, None));
            }
        })
    });
    c.bench_function("search/10k/query-mix", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(big_index.search(&big, q, None, 5));
            }
        })
    });
    c.bench_function("build/24", |b| {
        b.iter(|| black_box(SearchIndex::build(&library, &glossary)))
    });
    c.final_summary();
}

/// Only the captioned notes, for a profiler: each query's mean time (all
/// of them, slowest first), then searching the query mix — or the one
/// `LECTERN_BENCH_QUERY` — for `LECTERN_BENCH_SECONDS` (8).
fn profile_captions(dir: &std::path::Path, glossary: &Glossary) {
    let (_captioned_dir, captioned) = linked_course(dir, true);
    let index = SearchIndex::build(&captioned, glossary);
    let times = latencies(QUERIES.len() * 100, |i| {
        black_box(index.search(&captioned, QUERIES[i % QUERIES.len()], None, 5));
    });
    report("search (captions)", &times);
    // Wall times swing with whatever else the machine runs; the time this
    // thread was on a CPU does much less.
    let mut cpu: Vec<(Duration, &str)> = QUERIES
        .iter()
        .map(|q| {
            let before = thread_cpu();
            for _ in 0..CPU_CALLS {
                black_box(index.search(&captioned, q, None, 5));
            }
            (thread_cpu().saturating_sub(before) / CPU_CALLS, *q)
        })
        .collect();
    cpu.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mix = cpu.iter().map(|c| c.0).sum::<Duration>() / QUERIES.len() as u32;
    println!(
        "  per query: wall mean, CPU mean (query mix CPU mean {:.1} µs)",
        mix.as_secs_f64() * 1e6
    );
    let wall = slowest_inputs(&times, QUERIES);
    for (d, q) in cpu {
        let w = wall
            .iter()
            .find(|w| w.1 == q)
            .map_or(Duration::ZERO, |w| w.0);
        println!(
            "    {:>7.1} µs  {:>7.1} µs  {q:?}",
            w.as_secs_f64() * 1e6,
            d.as_secs_f64() * 1e6
        );
    }
    let only = std::env::var("LECTERN_BENCH_QUERY").ok();
    let queries: Vec<&str> = only.as_deref().map_or(QUERIES.to_vec(), |q| vec![q]);
    if let Some(q) = &only {
        println!("{}", index.explain(&captioned, q, None));
    }
    let seconds = std::env::var("LECTERN_BENCH_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    println!("== searching for {seconds} s");
    let until = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < until {
        for q in &queries {
            black_box(index.search(&captioned, q, None, 5));
        }
    }
}

/// Calls per query for its CPU mean.
const CPU_CALLS: u32 = 300;

/// CPU time this thread has run so far (`/proc/thread-self/schedstat`);
/// zero where there is none.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// The notes of `notes` laid out as a course folder (linked into a temporary
/// folder, never copied), with the video's captions or without them, loaded.
/// Linked, because the corpus folder itself now finds its captions in the
/// `captions/` folder beside it: loading it directly would always bring them.
fn linked_course(notes: &std::path::Path, captions: bool) -> (tempfile::TempDir, Library) {
    let temp = tempfile::tempdir().expect("temp folder");
    let course = temp.path().join("deep-dive-llms");
    std::fs::create_dir_all(&course).expect("course folder");
    let link = |from: &std::path::Path, to: PathBuf| {
        #[cfg(unix)]
        std::os::unix::fs::symlink(from, &to).expect("link");
        #[cfg(not(unix))]
        std::fs::copy(from, &to).expect("copy");
    };
    for entry in std::fs::read_dir(notes).expect("notes folder").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            link(&path, course.join(entry.file_name()));
        }
    }
    if captions {
        std::fs::create_dir_all(course.join("captions")).expect("captions folder");
        link(
            &PathBuf::from(CAPTIONS),
            course.join("captions/deep-dive-llms.en-orig.vtt"),
        );
    }
    let start = Instant::now();
    let library = load_library(&[temp.path().to_path_buf()], LoadOptions::default());
    if captions {
        println!(
            "  load 24 chapters + captions {:.1} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    (temp, library)
}

fn report(name: &str, times: &[Duration]) {
    let mut t = times.to_vec();
    t.sort_unstable();
    let at = |q: f64| t[((t.len() as f64 * q) as usize).min(t.len() - 1)];
    println!(
        "  {name:<22} p50 {:>9.1} µs   p99 {:>9.1} µs   max {:>9.1} µs   ({} calls)",
        at(0.50).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6,
        t[t.len() - 1].as_secs_f64() * 1e6,
        t.len()
    );
}

/// The three inputs slowest on average (calls cycle through `inputs`).
fn slowest(times: &[Duration], inputs: &[&str]) {
    let per = slowest_inputs(times, inputs);
    let top: Vec<String> = per
        .iter()
        .take(3)
        .map(|(d, q)| format!("{q:?} {:.0} µs", d.as_secs_f64() * 1e6))
        .collect();
    println!("    slowest: {}", top.join(", "));
}

/// A small deterministic PRNG (xorshift64*), so the bench needs no `rand`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `n` chapters made from the real ones: each takes a real chapter's title,
/// summary and key points, and a body of 10–40 paragraphs drawn from the
/// whole corpus, with sentences shuffled, words dropped, swapped and
/// occasionally misspelt or replaced by a new made-up word (so the
/// vocabulary grows as a real library's would).
fn synthetic(real: &Library, n: usize, seed: u64) -> Library {
    let mut rng = Rng(seed | 1);
    let source: Vec<&Chapter> = real
        .courses
        .iter()
        .flat_map(|c| c.chapters.iter())
        .filter(|c| c.notes.as_ref().is_some_and(Notes::has_body))
        .collect();
    let paragraphs: Vec<&str> = source
        .iter()
        .filter_map(|c| c.notes.as_ref())
        .flat_map(|n| n.body.iter().map(|p| p.text.as_str()))
        .collect();
    let mut chapters = Vec::with_capacity(n);
    let span = 60u32;
    for i in 0..n {
        let base = source[i % source.len()];
        let notes = base.notes.clone().unwrap_or_default();
        let start = i as u32 * span;
        let mut body = Vec::new();
        let mut anchors = Vec::new();
        let mut offset = 0usize;
        for k in 0..10 + rng.below(31) {
            let text = mutate(paragraphs[rng.below(paragraphs.len())], &mut rng, i);
            let chars = text.chars().count();
            anchors.push(Anchor {
                pos: offset,
                seconds: start + (k as u32 * 2).min(span - 1),
            });
            body.push(Paragraph {
                text,
                line: k + 1,
                offset,
                spoken: None,
            });
            offset += chars + 2;
        }
        let body_chars = offset.saturating_sub(2);
        let mut ch = base.clone();
        ch.number = i as u32 + 1;
        ch.title = format!("{} {}", base.title, i + 1);
        ch.title_ko = format!("{} {}", base.title_ko, i + 1);
        ch.aliases = Vec::new();
        ch.start = start;
        ch.end = start + span;
        ch.notes = Some(Notes {
            body,
            body_chars,
            anchors,
            placeholder: false,
            ..notes
        });
        chapters.push(ch);
    }
    let mut course: Course = real.courses[0].clone();
    course.id = "synthetic".to_string();
    course.duration = n as u32 * span;
    course.chapters = chapters;
    Library {
        courses: vec![course],
        ..Library::default()
    }
}

fn mutate(text: &str, rng: &mut Rng, chapter: usize) -> String {
    let mut sentences: Vec<&str> = text.split_inclusive(". ").collect();
    for i in (1..sentences.len()).rev() {
        if rng.below(3) == 0 {
            sentences.swap(i, rng.below(i + 1));
        }
    }
    let mut words: Vec<String> = sentences
        .concat()
        .split_whitespace()
        .filter(|_| rng.below(20) != 0)
        .map(str::to_string)
        .collect();
    for i in 0..words.len() {
        match rng.below(100) {
            0..=2 if i + 1 < words.len() => words.swap(i, i + 1),
            3 => words[i] = misspell(&words[i], rng),
            4 => words[i] = format!("신조어{}", (chapter * 7 + i) % 50_000),
            _ => {}
        }
    }
    words.join(" ")
}

/// Replaces one character with a neighbour in its script.
fn misspell(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let i = rng.below(chars.len());
    let c = chars[i];
    chars[i] = match c {
        '가'..='힣' => {
            char::from_u32(0xAC00 + ((c as u32 - 0xAC00 + 28 * (1 + rng.below(5) as u32)) % 11172))
                .unwrap_or(c)
        }
        'a'..='z' => (b'a' + rng.below(26) as u8) as char,
        _ => c,
    };
    chars.into_iter().collect()
}
