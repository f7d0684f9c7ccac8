//! The HTTP endpoint under a slowloris (issue 15): 2,000 connections each
//! hold a half-sent request head open while 8 honest keep-alive clients send
//! signed `/search` requests. Prints the honest requests' p50/p99 latency,
//! their errors and the process's resident memory (server and load
//! generator together: an upper bound for the server). Targets: p99 < 50 ms,
//! RSS < 150 MiB, no errors, with the default limits.
//!
//! Run with `cargo bench --bench http_slow_clients`. The held connections
//! stay well inside the default 10 s header deadline for the whole run.

use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

#[path = "support/raw_http.rs"]
mod raw_http;
#[path = "../tests/integration/support/signing.rs"]
mod signing;
use raw_http::{read_response, signed_searches, start_server};

const HELD: usize = 2_000;
const HONEST: usize = 8;
const MEASURE: Duration = Duration::from_secs(4);
const QUERIES: &[&str] = &["에이전트", "환각", "tokenization", "ㅇㅇㅈㅌ", "RLHF"];

fn resident_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let _ = lectern::discord::transport::raise_open_file_limit();
    let (_server, addr, key) = start_server(|_| {});
    let (requests, client) = signed_searches(&key, addr, QUERIES);
    client.block_on(async move {
        let mut held = Vec::with_capacity(HELD);
        for _ in 0..HELD {
            match TcpStream::connect(addr).await {
                Ok(mut s) => {
                    let _ = s
                        .write_all(b"POST /interactions HTTP/1.1\r\nhost: x\r\n")
                        .await;
                    held.push(s);
                }
                Err(e) => {
                    println!("http_slow_clients: connect failed after {} held: {e}", held.len());
                    break;
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        let deadline = Instant::now() + MEASURE;
        let tasks: Vec<_> = (0..HONEST)
            .map(|c| {
                let requests = requests.clone();
                tokio::spawn(async move {
                    let (mut lat, mut errors) = (Vec::new(), 0usize);
                    let Ok(mut stream) = TcpStream::connect(addr).await else {
                        return (lat, 1);
                    };
                    let _ = stream.set_nodelay(true);
                    let mut buf = vec![0u8; 64 * 1024];
                    let mut i = c;
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        if stream.write_all(&requests[i % requests.len()]).await.is_err() {
                            errors += 1;
                            break;
                        }
                        i += 1;
                        match read_response(&mut stream, &mut buf).await {
                            Some(200) => lat.push(t.elapsed()),
                            _ => errors += 1,
                        }
                    }
                    (lat, errors)
                })
            })
            .collect();
        let (mut lat, mut errors) = (Vec::new(), 0);
        for t in tasks {
            let (l, e) = t.await.unwrap();
            lat.extend(l);
            errors += e;
        }
        lat.sort();
        let n = lat.len();
        let pct = |q: f64| lat[((n as f64 * q) as usize).min(n.saturating_sub(1))];
        println!(
            "http_slow_clients: {} held slow connections, {HONEST} honest connections, {n} requests in {MEASURE:?}: p50 {:?}, p99 {:?}, max {:?}, errors {errors}, RSS {:.1} MiB",
            held.len(),
            pct(0.50),
            pct(0.99),
            lat.last().copied().unwrap_or_default(),
            resident_mib().unwrap_or(f64::NAN),
        );
    });
}
