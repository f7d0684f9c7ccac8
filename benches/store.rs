//! The store's costs on a SQLite file on disk: one write command (the
//! transaction a `/watched` makes), its latency distribution (p50/p99 printed
//! from 2,000 individually timed writes), and opening an existing database
//! (connect + migrations already applied), the cost added to startup.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use lectern::store::{self, Store};
use lectern::study::Mark;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort_unstable();
    let at = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    (at(0.50), at(0.99))
}

fn write_command(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("bench.sqlite3"));
    let store = rt.block_on(Store::open(&url)).unwrap();

    let mut samples = Vec::with_capacity(2_000);
    for n in 0..2_000u32 {
        let started = Instant::now();
        rt.block_on(store.mark_watched(&Mark {
            guild: 1,
            user: u64::from(n % 200),
            course: "llm",
            chapter: n,
            at: 0,
            day: "2026-01-01",
        }))
        .unwrap();
        samples.push(started.elapsed());
    }
    let (p50, p99) = percentiles(samples);
    println!("store/watched latency over 2000 writes: p50 {p50:?}, p99 {p99:?}");

    let mut chapter = 10_000u32;
    c.bench_function("store/watched (new mark, SQLite file)", |b| {
        b.iter(|| {
            chapter += 1;
            rt.block_on(store.mark_watched(&Mark {
                guild: 2,
                user: 7,
                course: "llm",
                chapter,
                at: 0,
                day: "2026-01-01",
            }))
            .unwrap()
        })
    });
}

fn open_existing(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("open.sqlite3"));
    rt.block_on(async { Store::open(&url).await.unwrap().close().await });
    c.bench_function("store/open existing database (migrations applied)", |b| {
        b.iter(|| {
            rt.block_on(async {
                let store = Store::open(&url).await.unwrap();
                store.close().await;
            })
        })
    });
}

criterion_group!(benches, write_command, open_existing);
criterion_main!(benches);
