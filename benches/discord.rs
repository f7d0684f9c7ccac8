//! Discord performance target (issue: Discord adapter): every reply built in
//! < 1 ms at p99 — the handler end to end, from a deserialised interaction to
//! the response payload (JSON encoding included).
//!
//! Prints p50/p99/max over 2,000 calls spread over every command, autocomplete
//! and button kind, then runs short criterion measurements per kind. Uses the
//! 24-chapter `kr-translated-v1` corpus from `../shared` when present, else the
//! shipped content. Run with `cargo bench --bench discord`. (Idle memory of
//! `lectern serve` is measured by `tests/integration/discord/gateway.rs`.)

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use lectern::answer::Command;
use lectern::app::Lectern;
use lectern::config::Config;
use lectern::discord::{self, synthetic, Interaction, Settings};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn lectern() -> Lectern {
    let config = Config::load(&Path::new(ROOT).join("config/lectern.yaml")).expect("config");
    let corpus = Path::new(ROOT).join("../shared/corpus/deep-dive-llms/kr-translated-v1");
    if corpus.is_dir() {
        Lectern::load(&config, &[corpus])
    } else {
        eprintln!("notice: corpus missing; benchmarking the shipped content");
        Lectern::load(&config, &config.content)
    }
}

fn text(s: &str) -> String {
    s.to_string()
}

/// One interaction of every kind, in both languages.
fn interactions() -> Vec<(String, Interaction)> {
    let commands = [
        Command::Summary {
            course: None,
            chapter: text("21"),
        },
        Command::KeyPoints {
            course: None,
            chapter: text("tokenization"),
        },
        Command::Read {
            course: None,
            chapter: text("21"),
            page: Some(1),
        },
        Command::Search {
            course: None,
            query: text("에이전트"),
            limit: None,
        },
        Command::Search {
            course: None,
            query: text("reinforcement learning"),
            limit: Some(10),
        },
        Command::At {
            course: None,
            time: text("3:12:00"),
        },
        Command::Link {
            course: None,
            chapter: text("21"),
            at: Some(text("+2:30")),
        },
        Command::Chapters { course: None },
        Command::Help { command: None },
    ];
    let mut out = Vec::new();
    for locale in ["ko", "en-US"] {
        for (i, c) in commands.iter().enumerate() {
            out.push((
                format!("{}#{i} {locale}", c.name()),
                synthetic::command_interaction(c, None, locale),
            ));
        }
        out.push((
            format!("autocomplete chapter {locale}"),
            synthetic::autocomplete_interaction("summary", "chapter", "전망", &[], locale),
        ));
        out.push((
            format!("autocomplete query {locale}"),
            synthetic::autocomplete_interaction("search", "query", "toke", &[], locale),
        ));
        for id in ["v1:sum:22", "v1:read:21:1", "v1:+kp:3"] {
            out.push((
                format!("click {id} {locale}"),
                synthetic::component_interaction(id, locale, false),
            ));
        }
    }
    out.into_iter()
        .map(|(name, json)| {
            let interaction: Interaction = serde_json::from_value(json).expect("interaction");
            (name, interaction)
        })
        .collect()
}

fn build(lectern: &Lectern, settings: &Settings, interaction: &Interaction) -> serde_json::Value {
    let response = discord::handle(lectern, settings, interaction);
    discord::response_json(&response).expect("encodes")
}

fn p99(lectern: &Lectern, settings: &Settings, all: &[(String, Interaction)]) {
    const CALLS: usize = 2000;
    let mut times: Vec<(Duration, &str)> = (0..CALLS)
        .map(|i| {
            let (name, interaction) = &all[i % all.len()];
            let t = Instant::now();
            std::hint::black_box(build(lectern, settings, interaction));
            (t.elapsed(), name.as_str())
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((CALLS as f64 * q) as usize).min(CALLS - 1)];
    let (max, slowest) = times[CALLS - 1];
    println!(
        "discord reply build: n={CALLS} over {} kinds: p50={:?} p99={:?} max={max:?} ({slowest}); target p99 < 1ms",
        all.len(),
        at(0.50).0,
        at(0.99).0,
    );
}

fn bench(c: &mut Criterion) {
    let lectern = lectern();
    let settings = Settings::default();
    let all = interactions();
    p99(&lectern, &settings, &all);
    let mut group = c.benchmark_group("discord_reply");
    group
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20);
    for (name, interaction) in all.iter().filter(|(n, _)| n.ends_with(" ko")) {
        group.bench_function(name.as_str(), |b| {
            b.iter(|| build(&lectern, &settings, interaction))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
