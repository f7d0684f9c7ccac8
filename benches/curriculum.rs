//! A whole curriculum (issue 11): 50 courses × 24 chapters of generated
//! notes written to disk as chapter files, loaded the way `lectern` starts
//! (`Lectern::load`: read, validate, align, index) and searched across every
//! course and within one. Targets: load < 3 s, search p99 < 5 ms.
//!
//! The text is made up here, never taken from the corpus: a seeded generator
//! over made-up Korean and Latin words — 4,000 words every course shares,
//! drawn with a strong skew (a few in every chapter, most in a few), and 60
//! topic words per course, four of which each chapter is about: they name its
//! title and key points and recur in its text, as in real notes. (Titles and
//! key points made of the commonest words instead make every topic name
//! match nearly every chapter, and building the topic list then costs about
//! as much as the rest of the index: 2.3 s on this machine.)
//!
//! Then the two real courses side by side (`deep-dive-llms/kr-translated-v1`
//! and `ai-prompt-engineering/kr`, each with the captions beside its notes
//! folder): load + align + index time and the resident memory they add.
//!
//! One measured run: `cargo bench --bench curriculum`.

#[path = "support/timing.rs"]
mod timing;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lectern::app::Lectern;
use lectern::config::Config;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const COURSES: usize = 50;
const CHAPTERS: usize = 24;

fn main() {
    let config = Config::load(&Path::new(ROOT).join("config/lectern.yaml"))
        .expect("config/lectern.yaml loads");
    real_courses(&config);
    curriculum(&config);
}

/// The 50 × 24 curriculum: write, load, search.
fn curriculum(config: &Config) {
    let temp = tempfile::tempdir().expect("temp folder");
    let started = Instant::now();
    let words = Words::new(0xC0FFEE);
    let bytes = write_curriculum(temp.path(), &words);
    println!(
        "curriculum: {COURSES} courses × {CHAPTERS} chapters written ({:.1} MiB) in {:.2} s",
        bytes as f64 / 1048576.0,
        started.elapsed().as_secs_f64()
    );
    let dirs = [temp.path().to_path_buf()];
    let rss_before = timing::rss_kib();
    // `Lectern::load`, in its two steps.
    let started = Instant::now();
    let (library, glossary) = lectern::app::read(config, &dirs);
    let read = started.elapsed();
    let lectern = Lectern::assemble(config, library, &glossary);
    let load = started.elapsed();
    let chapters: usize = lectern
        .library
        .courses
        .iter()
        .map(|c| c.chapters.len())
        .sum();
    println!(
        "  load (read + validate + index, as at start): {:.2} s ({:.2} s reading and validating, {:.2} s indexing) for {} courses, {chapters} chapters, {} diagnostics; RSS +{} MiB (target: load < 3 s)",
        load.as_secs_f64(),
        read.as_secs_f64(),
        (load - read).as_secs_f64(),
        lectern.library.courses.len(),
        lectern.library.diagnostics.len(),
        timing::rss_kib().saturating_sub(rss_before) / 1024
    );
    assert_eq!(chapters, COURSES * CHAPTERS, "every chapter loads");

    let queries = words.queries();
    let names: Vec<&str> = queries.iter().map(String::as_str).collect();
    let times = timing::latencies(3_000, |i| {
        black_box(
            lectern
                .index
                .search(&lectern.library, names[i % names.len()], None, 5),
        );
    });
    report("search, all 50 courses", &times, &names);
    let course = lectern.library.courses[7].id.clone();
    let times = timing::latencies(3_000, |i| {
        black_box(
            lectern
                .index
                .search(&lectern.library, names[i % names.len()], Some(&course), 5),
        );
    });
    report("search, one course", &times, &names);
    let prefixes: Vec<String> = names.iter().map(|q| q.chars().take(2).collect()).collect();
    let times = timing::latencies(3_000, |i| {
        let p = &prefixes[i % prefixes.len()];
        black_box(lectern.index.suggest_topics(&lectern.library, p, None));
    });
    report("suggest_topics, all", &times, &names);
    println!("  (target: search p99 < 5 ms)");
}

/// Both real courses, as `lectern --content A --content B` loads them.
fn real_courses(config: &Config) {
    let corpus = Path::new(ROOT).join("../shared/corpus");
    let dirs = vec![
        corpus.join("deep-dive-llms/kr-translated-v1"),
        corpus.join("ai-prompt-engineering/kr"),
    ];
    if !dirs.iter().all(|d| d.is_dir()) {
        eprintln!("NOTICE: corpus missing under {ROOT}/../shared/corpus; real courses skipped");
        return;
    }
    let rss_before = timing::rss_kib();
    let started = Instant::now();
    let lectern = Lectern::load(config, &dirs);
    let first = started.elapsed();
    let rss_loaded = timing::rss_kib();
    for c in &lectern.library.courses {
        let placed = lectern::library::align::placed(c);
        println!(
            "real course {}: {} chapters, captions {}, {} of {} paragraphs placed",
            c.id,
            c.chapters.len(),
            c.captions.as_ref().map_or(0, |c| c.words.len()),
            placed.confident,
            placed.paragraphs
        );
    }
    drop(lectern);
    timing::percentiles(
        "  load + align + index of both real courses with captions",
        5,
        || {
            black_box(Lectern::load(config, &dirs));
        },
    );
    println!(
        "  first load {:.0} ms; RSS {} MiB before, {} MiB with both loaded (+{} MiB), peak {} MiB",
        first.as_secs_f64() * 1e3,
        rss_before / 1024,
        rss_loaded / 1024,
        rss_loaded.saturating_sub(rss_before) / 1024,
        timing::status_kib("VmHWM:") / 1024
    );
}

/// A seeded xorshift generator and the vocabulary it draws from.
struct Words {
    seed: u64,
    /// Words every course uses.
    common: Vec<String>,
    /// Each course's own topic words.
    topics: Vec<Vec<String>>,
}

const SYLLABLES: &[&str] = &[
    "가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카", "타", "파", "하", "거", "너",
    "더", "러", "머", "버", "서", "어", "저", "처", "고", "노", "도", "로", "모", "보", "소", "오",
    "조", "초", "구", "누", "두", "루", "무", "부", "수", "우", "주", "기", "니", "디", "리", "미",
    "비", "시", "이", "지", "학", "습", "모", "델", "데", "이", "터", "론", "신", "경", "망", "값",
];
const LETTERS: &[&str] = &[
    "ka", "to", "ri", "mo", "ne", "sa", "lu", "vi", "de", "po", "qu", "xen", "tra", "bel", "cor",
    "dan", "fel", "gra", "hol", "jin",
];
/// Words every course shares, and each course's own topic words.
const COMMON: usize = 4_000;
const TOPICS: usize = 60;
const PARTICLES: &[&str] = &[
    "은", "는", "이", "가", "을", "를", "에서", "으로", "와", "의",
];

impl Words {
    fn new(seed: u64) -> Words {
        let mut w = Words {
            seed,
            common: Vec::new(),
            topics: Vec::new(),
        };
        w.common = (0..COMMON).map(|i| w.word(i % 3 == 0)).collect();
        w.topics = (0..COURSES)
            .map(|_| (0..TOPICS).map(|i| w.word(i % 2 == 0)).collect())
            .collect();
        w
    }

    fn next(&mut self) -> u64 {
        self.seed ^= self.seed >> 12;
        self.seed ^= self.seed << 25;
        self.seed ^= self.seed >> 27;
        self.seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A made-up word: Korean (2–3 syllables) or Latin letters (2–3 parts).
    fn word(&mut self, latin: bool) -> String {
        let (parts, n) = if latin {
            (LETTERS, 2 + self.below(2))
        } else {
            (SYLLABLES, 2 + self.below(2))
        };
        (0..n).map(|_| parts[self.below(parts.len())]).collect()
    }

    /// A common word, the frequent ones far more often (`u³` skew, roughly
    /// Zipf-like: a few words in every chapter, most in a few).
    fn common_word(&mut self) -> String {
        let u = self.below(1 << 20) as f64 / f64::from(1 << 20);
        self.common[(u * u * u * COMMON as f64) as usize].clone()
    }

    /// One of the words chapter `n` of course `c` is about (4 per chapter,
    /// from the course's topic words).
    fn focus_word(&mut self, c: usize, n: usize) -> String {
        let k = self.below(4);
        self.topics[c][(n * 4 + k) % TOPICS].clone()
    }

    /// A sentence of `n` words of chapter `ch` of course `c`: mostly common
    /// words, some of the course's topic words, a few of the chapter's own;
    /// some Korean ones with a particle.
    fn sentence(&mut self, c: usize, ch: usize, n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            let w = match self.below(10) {
                0 => self.focus_word(c, ch),
                1 | 2 => {
                    let k = self.below(TOPICS);
                    self.topics[c][k].clone()
                }
                _ => self.common_word(),
            };
            out.push_str(&w);
            if self.below(3) == 0 && !w.is_ascii() {
                out.push_str(PARTICLES[self.below(PARTICLES.len())]);
            }
        }
        out.push('.');
        out
    }

    /// What is typed: topic words alone and in pairs, common words, Korean
    /// with particles, 초성-free typos (a dropped letter), nonsense.
    fn queries(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (c, topic) in self.topics.iter().enumerate().step_by(5) {
            out.push(topic[c % TOPICS].clone());
            out.push(format!("{} {}", topic[1], topic[2]));
            out.push(format!("{}{}", topic[3], PARTICLES[c % PARTICLES.len()]));
            let typo: String = topic[4].chars().skip(1).collect();
            out.push(typo);
        }
        out.extend(self.common.iter().take(10).cloned());
        out.extend(["zzqqxx", "없는말입니다", "agents", "토큰"].map(String::from));
        out
    }
}

/// Writes the curriculum as one folder per course of chapter files; the
/// bytes written.
fn write_curriculum(root: &Path, words: &Words) -> usize {
    let mut words = Words {
        seed: words.seed ^ 0x9E37_79B9,
        common: words.common.clone(),
        topics: words.topics.clone(),
    };
    let mut bytes = 0;
    for c in 0..COURSES {
        let dir: PathBuf = root.join(format!("course-{c:02}"));
        std::fs::create_dir_all(&dir).expect("course folder");
        let video = format!("curric{c:05}");
        for n in 1..=CHAPTERS {
            let start = (n as u32 - 1) * 300 + words.below(60) as u32;
            let text = chapter_file(&mut words, c, n, &video, start);
            bytes += text.len();
            std::fs::write(dir.join(format!("{n:02}-chapter.md")), text).expect("chapter file");
        }
    }
    bytes
}

/// A chapter file: its title and key points name what the chapter is
/// about (its focus words), its summary and translation are sentences.
fn chapter_file(words: &mut Words, c: usize, n: usize, video: &str, start: u32) -> String {
    let title = format!(
        "{} {} {}",
        words.focus_word(c, n),
        words.focus_word(c, n),
        words.common_word()
    );
    let mut out = format!(
        "---\ntitle: \"{n}. {title}\"\ntitleKr: \"{n}. {title}\"\nchapter: {n}\nsourceUrl: \"https://www.youtube.com/watch?v={video}&t={start}s\"\n---\n\n## 요약\n\n{}\n\n## 핵심 포인트\n\n",
        words.sentence(c, n, 14)
    );
    for _ in 0..4 {
        let term = format!("{} {}", words.focus_word(c, n), words.common_word());
        let detail = words.sentence(c, n, 8);
        let _ = writeln!(out, "- **{term}**: {detail}");
    }
    out.push_str("\n## 전체 번역\n\n");
    let paragraphs = 15 + words.below(15);
    for p in 0..paragraphs {
        let at = start + (p as u32) * 280 / paragraphs as u32;
        let _ = write!(out, "[{}:{:02}] ", at / 60, at % 60);
        for _ in 0..3 {
            let len = 12 + words.below(10);
            out.push_str(&words.sentence(c, n, len));
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

fn report(name: &str, times: &[Duration], inputs: &[&str]) {
    let mut t = times.to_vec();
    t.sort_unstable();
    let at = |q: f64| t[((t.len() as f64 * q) as usize).min(t.len() - 1)];
    let per = timing::slowest_inputs(times, inputs);
    println!(
        "  {name:<24} p50 {:>8.1} µs  p99 {:>8.1} µs  max {:>8.1} µs  ({} calls; slowest {:?} {:.0} µs)",
        at(0.50).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6,
        t[t.len() - 1].as_secs_f64() * 1e6,
        t.len(),
        per[0].1,
        per[0].0.as_secs_f64() * 1e6
    );
}
