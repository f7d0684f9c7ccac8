//! 1,000 concurrent "✅ 봤어요" presses from 200 members over the HTTP
//! interactions endpoint, on a SQLite file: every press answered 200, none
//! lost, none doubled (each member presses chapters 1–4 and chapter 1 twice,
//! so exactly 800 rows must exist, 4 per member), and the latency of each
//! press (connect → full response) as p50/p99/max. One run, printed; the
//! target is p99 < 100 ms on loopback.
//!
//! For scale it first sends the same burst to a server that answers every
//! request at once with a constant body on the same transport (no signature
//! check, no JSON, no database): the floor that 1,000 fresh connections on
//! this machine's cores cost before Lectern does any work.
//!
//! And, one press at a time on one thread, what each step of a press costs
//! the server: checking its Ed25519 signature (strictly, as the endpoint
//! does, and the plain check for comparison) and decoding its body (in one
//! pass, as the endpoint does, and the reference reading it replaced).
//!
//! Each burst also reports the CPU time it took per press, by side: the
//! server's runtime threads, SQLite's worker threads, the load generator
//! (per-thread run time from `/proc`). Latency on a shared 2-core machine
//! swings with whatever else runs; the CPU a press costs much less so, and
//! it is what bounds the burst: 1,000 presses in 100 ms on 2 cores leave
//! ~200 µs of CPU per press for both sides together.
//!
//! Then the same burst once more, from 200 fresh members, over 64 kept-alive
//! connections opened before it starts (each carries its share of the
//! presses one after another), the way a reverse proxy or load balancer in
//! front of HTTP-mode instances forwards them: each press's latency is
//! counted from the burst's start, so time spent queued behind earlier
//! presses on its connection counts. It shows what Lectern's own work costs
//! when a fresh TCP connection per press is not part of it.
//!
//! `STUDY_HTTP_PROFILE=N` skips the per-step timings and the floor and runs
//! only the burst, N times over fresh members, for `perf record` (see the
//! README's performance notes).

#[path = "support/raw_http.rs"]
#[allow(dead_code)] // the /search helpers are for the other HTTP benches
mod raw_http;
#[path = "../tests/integration/support/signing.rs"]
mod signing;
#[path = "support/timing.rs"]
mod timing;

use std::sync::Arc;
use std::time::{Duration, Instant};

use lectern::discord::synthetic;
use lectern::store::{self, Options, SharedStore, Store};
use serde_json::json;
use tokio::io::AsyncWriteExt;

const PRESSES: u64 = 1_000;
const MEMBERS: u64 = 200;
/// Kept-alive connections of the proxied burst.
const POOLED: usize = 64;
/// Presses per member: chapters 1, 2, 3, 4 and 1 again.
const CHAPTERS: [u32; 5] = [1, 2, 3, 4, 1];
/// The load generator's thread name.
const CLIENT_THREADS: &str = "bench-client";
/// The constant-answer server's thread name.
const FLOOR_THREADS: &str = "floor-server";

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("presses.sqlite3"));
    let (server, addr, key) = raw_http::start_server_with(
        |_| {},
        |runtime| {
            let book = runtime.block_on(SharedStore::start(url.clone(), Options::default()));
            Some(Arc::new(book))
        },
    );
    // `STUDY_HTTP_PROFILE=N`: only the burst, N times over fresh members
    // (for `perf record` on the server's side of it).
    let rounds: u64 = std::env::var("STUDY_HTTP_PROFILE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    if rounds == 0 {
        per_press_costs(&key);
    }
    let floor = (rounds == 0).then(|| floor_p99(presses(&key, addr, 0)));
    for round in 1..rounds {
        let (results, cpu) = burst(addr, presses(&key, addr, round));
        let times = sorted_times(&results);
        println!(
            "profile round {round}: p50={:?} p99={:?} max={:?}; {}",
            times[times.len() / 2],
            times[times.len() * 99 / 100],
            times[times.len() - 1],
            cpu.per_press()
        );
    }
    let requests = presses(&key, addr, 0);
    let started = Instant::now();
    let (results, cpu) = burst(addr, requests);
    let wall = started.elapsed();
    let ok = results.iter().filter(|(s, _)| *s == Some(200)).count();
    let times = sorted_times(&results);
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];

    let (rows, per_member) = server.block_on(async {
        let store = Store::open(&url).await.unwrap();
        let export = store.export().await.unwrap();
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for row in &export.progress {
            *counts.entry(row.user_id.clone()).or_default() += 1;
        }
        (export.progress.len(), counts)
    });
    let expected = (MEMBERS * 4 * rounds.max(1)) as usize;
    println!(
        "study/1000 concurrent ✅ presses, 200 members, HTTP + SQLite: {ok}/{PRESSES} answered 200 \
         in {wall:?}; rows {rows} (expected {expected}: none lost, none doubled: {}); \
         members with exactly 4 chapters: {}/{}; latency p50={:?} p99={:?} max={:?}; \
         the same burst against a server that answers at once on the same transport: p99={:?}",
        rows == expected,
        per_member.values().filter(|&&n| n == 4).count(),
        MEMBERS * rounds.max(1),
        at(0.5),
        at(0.99),
        at(1.0),
        floor.as_ref().map(|f| f.0).unwrap_or_default()
    );
    println!("  {}", cpu.per_press());
    if let Some((_, cpu)) = floor {
        println!("  the constant-answer server's burst: {}", cpu.per_press());
    }
    assert_eq!(ok as u64, PRESSES, "every press answered");
    assert_eq!(rows, expected, "none lost, none doubled");
    if rounds > 0 {
        return;
    }

    let requests = presses(&key, addr, 1);
    let started = Instant::now();
    let (results, cpu) = pooled_burst(addr, requests, POOLED);
    let wall = started.elapsed();
    let ok = results.iter().filter(|(s, _)| *s == Some(200)).count();
    let times = sorted_times(&results);
    let rows = server.block_on(async {
        let store = Store::open(&url).await.unwrap();
        store.export().await.unwrap().progress.len()
    });
    let expected = expected + (MEMBERS * 4) as usize;
    println!(
        "study/1000 concurrent ✅ presses, 200 fresh members, over {POOLED} kept-alive connections \
         (as from a proxy): {ok}/{PRESSES} answered 200 in {wall:?}; rows {rows} (expected \
         {expected}: {}); latency from the burst's start p50={:?} p99={:?} max={:?}",
        rows == expected,
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1],
    );
    println!("  {}", cpu.per_press());
    assert_eq!(ok as u64, PRESSES, "every proxied press answered");
    assert_eq!(rows, expected, "none lost, none doubled (proxied)");
}

/// The burst's 1,000 presses, signed: in `round` r, members
/// 1,000 + 200·r … 1,199 + 200·r.
fn presses(
    key: &ed25519_dalek::SigningKey,
    addr: std::net::SocketAddr,
    round: u64,
) -> Vec<Vec<u8>> {
    (0..PRESSES)
        .map(|n| {
            let member = 1_000 + round * MEMBERS + n % MEMBERS;
            let chapter = CHAPTERS[(n / MEMBERS) as usize % CHAPTERS.len()];
            let mut press =
                synthetic::component_interaction(&format!("v1:+w:{chapter}"), "ko", false);
            press["member"]["user"]["id"] = json!(member.to_string());
            raw_http::signed_interaction(key, addr, &press)
        })
        .collect()
}

/// Each press's latency, fastest first (a failed press counts as forever).
fn sorted_times(results: &[(Option<u16>, Duration)]) -> Vec<Duration> {
    let mut times: Vec<Duration> = results.iter().map(|(_, t)| *t).collect();
    times.sort();
    times
}

/// The CPU one press costs in its verification and decoding, each timed
/// over 2,000 runs on this thread (p50 and p99 of single runs).
fn per_press_costs(key: &ed25519_dalek::SigningKey) {
    use axum::http::{HeaderMap, HeaderValue};
    use lectern::discord::http::{decode_interaction, verify};

    let mut press = synthetic::component_interaction("v1:+w:2", "ko", false);
    press["member"]["user"]["id"] = json!("1042");
    let body = serde_json::to_vec(&press).unwrap();
    let now = signing::unix_now();
    let ts = now.to_string();
    let mut headers = HeaderMap::new();
    let signature = signing::signature(key, &ts, &body);
    headers.insert(
        "x-signature-ed25519",
        HeaderValue::from_str(&signature).unwrap(),
    );
    headers.insert("x-signature-timestamp", HeaderValue::from_str(&ts).unwrap());
    let verifying = key.verifying_key();
    let message = [ts.as_bytes(), &body].concat();
    let sig =
        ed25519_dalek::Signature::from_bytes(&hex::decode(&signature).unwrap().try_into().unwrap());
    println!(
        "one press ({} bytes), single runs on one thread:",
        body.len()
    );
    timing::percentiles(
        "  verify (endpoint: headers, verify_strict, timestamp)",
        2_000,
        || {
            verify(&verifying, &headers, &body, now).unwrap();
        },
    );
    timing::percentiles("  ed25519 verify_strict alone", 2_000, || {
        verifying.verify_strict(&message, &sig).unwrap();
    });
    timing::percentiles("  ed25519 plain verify alone (not used)", 2_000, || {
        ed25519_dalek::Verifier::verify(&verifying, &message, &sig).unwrap();
    });
    timing::percentiles("  decode (endpoint: one pass)", 2_000, || {
        std::hint::black_box(decode_interaction(&body).unwrap());
    });
    timing::percentiles(
        "  decode the reference way (value, then Interaction)",
        2_000,
        || {
            let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let i: lectern::discord::Interaction = serde_json::from_value(value).unwrap();
            std::hint::black_box(i);
        },
    );
}

/// Where a burst's CPU time went: the server's runtime, SQLite's worker
/// threads, the load generator, everything else in the process.
#[derive(Debug, Default)]
struct Cpu {
    server: Duration,
    sqlite: Duration,
    client: Duration,
    rest: Duration,
}

impl Cpu {
    /// The CPU each side took since `before` (from `timing::cpu_by_thread`).
    fn since(before: &std::collections::HashMap<String, Duration>) -> Cpu {
        let mut cpu = Cpu::default();
        for (name, t) in timing::cpu_between(before, &timing::cpu_by_thread()) {
            if name.starts_with(raw_http::SERVER_THREADS) || name.starts_with(FLOOR_THREADS) {
                cpu.server += t;
            } else if name.starts_with("sqlx-sqlite") {
                cpu.sqlite += t;
            } else if name.starts_with(CLIENT_THREADS) {
                cpu.client += t;
            } else {
                cpu.rest += t;
            }
        }
        cpu
    }

    fn per_press(&self) -> String {
        let us = |d: Duration| d.as_micros() as u64 / PRESSES;
        format!(
            "CPU per press: server {} µs + SQLite threads {} µs + load generator {} µs + rest {} µs",
            us(self.server),
            us(self.sqlite),
            us(self.client),
            us(self.rest)
        )
    }
}

/// The load generator's runtime: one worker, its threads named so their
/// CPU time is told apart from the server's.
fn client_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name(CLIENT_THREADS)
        .enable_all()
        .build()
        .unwrap()
}

/// Sends every request on its own connection at once; each request's status
/// and latency (connect → full response), and the CPU the burst took.
fn burst(
    addr: std::net::SocketAddr,
    requests: Vec<Vec<u8>>,
) -> (Vec<(Option<u16>, Duration)>, Cpu) {
    let client = client_runtime();
    client.block_on(async {
        let before = timing::cpu_by_thread();
        let tasks: Vec<_> = requests
            .into_iter()
            .map(|request| {
                tokio::spawn(async move {
                    let t = Instant::now();
                    let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
                    stream.write_all(&request).await.ok()?;
                    let mut buf = [0u8; 4096];
                    let status = raw_http::read_response(&mut stream, &mut buf).await;
                    Some((status, t.elapsed()))
                })
            })
            .collect();
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.ok().flatten().unwrap_or((None, Duration::MAX)));
        }
        (out, Cpu::since(&before))
    })
}

/// Sends the requests over `connections` connections opened up front, each
/// carrying every `connections`-th request in turn on one kept-alive
/// connection; each request's status and latency from the burst's start
/// (so waiting behind earlier requests on its connection counts), and the
/// CPU the burst took.
fn pooled_burst(
    addr: std::net::SocketAddr,
    requests: Vec<Vec<u8>>,
    connections: usize,
) -> (Vec<(Option<u16>, Duration)>, Cpu) {
    let client = client_runtime();
    client.block_on(async {
        let mut streams = Vec::new();
        for _ in 0..connections {
            streams.push(tokio::net::TcpStream::connect(addr).await.unwrap());
        }
        let mut shares: Vec<Vec<Vec<u8>>> = vec![Vec::new(); connections];
        for (n, request) in requests.into_iter().enumerate() {
            shares[n % connections].push(request);
        }
        let before = timing::cpu_by_thread();
        let start = Instant::now();
        let tasks: Vec<_> = streams
            .into_iter()
            .zip(shares)
            .map(|(mut stream, share)| {
                tokio::spawn(async move {
                    let mut out = Vec::with_capacity(share.len());
                    let mut buf = [0u8; 4096];
                    for request in share {
                        let status = match stream.write_all(&request).await {
                            Ok(()) => raw_http::read_response(&mut stream, &mut buf).await,
                            Err(_) => None,
                        };
                        out.push((status, start.elapsed()));
                    }
                    out
                })
            })
            .collect();
        let mut out = Vec::new();
        for task in tasks {
            out.extend(task.await.unwrap_or_default());
        }
        (out, Cpu::since(&before))
    })
}

/// p99 of the same burst against a constant-answer server on Lectern's
/// transport (same runtime shape: two workers).
fn floor_p99(requests: Vec<Vec<u8>>) -> (Duration, Cpu) {
    use axum::routing::post;
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name(FLOOR_THREADS)
        .enable_all()
        .build()
        .unwrap();
    let listener = server
        .block_on(async { lectern::discord::transport::bind(([127, 0, 0, 1], 0).into()) })
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let router = axum::Router::new().route(
        "/interactions",
        post(|| async { ([("content-type", "application/json")], r#"{"type":4}"#) }),
    );
    server.spawn(async move {
        let limits = lectern::discord::transport::Limits::default();
        lectern::discord::transport::serve_router(listener, router, &limits, std::future::pending())
            .await
    });
    let (results, cpu) = burst(addr, requests);
    assert!(
        results.iter().all(|(s, _)| *s == Some(200)),
        "the floor server answers"
    );
    let times = sorted_times(&results);
    (times[(times.len() * 99 / 100).min(times.len() - 1)], cpu)
}
