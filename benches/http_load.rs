//! Load test of the HTTP interactions endpoint (issue: HTTP endpoint):
//! signed `/search` requests from 64 concurrent keep-alive connections on
//! loopback, bounded in count and time. Prints requests/s, p50/p99 latency and
//! errors. Target: ≥ 5,000 requests/s with p99 < 20 ms on 2 cores, no errors.
//!
//! Run with `cargo bench --bench http_load`. The load generator is this file:
//! pre-signed raw HTTP/1.1 requests over tokio TCP streams, so it costs little
//! CPU next to the server it measures.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

#[path = "support/raw_http.rs"]
mod raw_http;
#[path = "../tests/integration/support/signing.rs"]
mod signing;
use raw_http::{read_response, signed_searches, start_server};

const CONNECTIONS: usize = 64;
const MAX_REQUESTS: usize = 200_000;
const MAX_TIME: Duration = Duration::from_secs(10);
const WARMUP: Duration = Duration::from_secs(1);

const QUERIES: &[&str] = &[
    "에이전트",
    "agents",
    "환각",
    "hallucination",
    "토큰화",
    "tokenization",
    "강화학습",
    "ㅇㅇㅈㅌ",
    "멀티 모달",
    "에이젼트는",
    "reinforcement learning",
    "알파고",
    "RLHF",
    "딥시크",
    "context window",
    "pizza recipe",
];

fn main() {
    let (_server, addr, key) = start_server(|config| config.discord.ephemeral_by_default = false);

    let (requests, client) = signed_searches(&key, addr, QUERIES);
    let (latencies, errors, elapsed) = client.block_on(async move {
        // Warm up (not measured).
        run(addr, requests.clone(), Instant::now() + WARMUP, usize::MAX).await;
        let started = Instant::now();
        let (lat, errors) = run(addr, requests, started + MAX_TIME, MAX_REQUESTS).await;
        (lat, errors, started.elapsed())
    });
    let mut lat = latencies;
    lat.sort();
    let n = lat.len();
    let pct = |q: f64| lat[((n as f64 * q) as usize).min(n.saturating_sub(1))];
    println!(
        "http_load: {CONNECTIONS} connections, {n} requests in {:.2?}: {:.0} requests/s, p50 {:?}, p99 {:?}, max {:?}, errors {errors}",
        elapsed,
        n as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        lat.last().copied().unwrap_or_default()
    );
}

/// Runs the connections until `deadline` or `max` requests; returns latencies and errors.
async fn run(
    addr: SocketAddr,
    requests: Arc<Vec<Vec<u8>>>,
    deadline: Instant,
    max: usize,
) -> (Vec<Duration>, usize) {
    let per_connection = max / CONNECTIONS;
    let tasks: Vec<_> = (0..CONNECTIONS)
        .map(|c| {
            let requests = requests.clone();
            tokio::spawn(async move {
                let mut lat = Vec::new();
                let mut errors = 0;
                let Ok(mut stream) = TcpStream::connect(addr).await else {
                    return (lat, 1);
                };
                let _ = stream.set_nodelay(true);
                let mut buf = vec![0u8; 64 * 1024];
                let mut i = c;
                while Instant::now() < deadline && lat.len() < per_connection {
                    let req = &requests[i % requests.len()];
                    i += 1;
                    let t = Instant::now();
                    if stream.write_all(req).await.is_err() {
                        errors += 1;
                        break;
                    }
                    match read_response(&mut stream, &mut buf).await {
                        Some(200) => lat.push(t.elapsed()),
                        _ => errors += 1,
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (lat, e) = t.await.unwrap();
        all.extend(lat);
        errors += e;
    }
    (all, errors)
}
