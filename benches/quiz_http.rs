//! A quiz answer's round trip over the HTTP interactions endpoint with
//! SQLite (issue 13: p99 < 20 ms): 200 members each press an answer button
//! of the same question and then press again (a second press reads the
//! first answer back), one press at a time, each on its own connection
//! (connect → full response). Every press must answer 200 and exactly one
//! answer per member must be stored. One run, printed.
//!
//! Run with `cargo bench --bench quiz_http`.

#[path = "support/raw_http.rs"]
#[allow(dead_code)] // the /search helpers are for the other HTTP benches
mod raw_http;
#[path = "support/served_content.rs"]
mod served_content;
use served_content::lectern;
#[path = "../tests/integration/support/signing.rs"]
mod signing;

use std::sync::Arc;
use std::time::{Duration, Instant};

use lectern::answer::Command;
use lectern::discord::custom_id::{self, Action, ClickMode};
use lectern::discord::synthetic;
use lectern::locale::Locale;
use lectern::quiz;
use lectern::store::{self, Options, SharedStore, Store};
use serde_json::json;
use tokio::io::AsyncWriteExt;

const MEMBERS: u64 = 200;

fn main() {
    let lectern = lectern();
    let course = &lectern.library.courses[0];
    let names = lectern.index.synonyms();
    let chapter = quiz::quizzable(course, names)[0];
    let r = quiz::pick(course, names, chapter, 4_242).expect("a question");
    let q = quiz::generate(course, names, r, Locale::Ko).expect("it builds");
    let ids: Vec<String> = (0..quiz::CHOICES as u32)
        .map(|choice| {
            custom_id::encode(&Action {
                mode: ClickMode::NewHidden,
                command: Command::QuizAnswer {
                    course: None,
                    shown: q.shown(),
                    choice,
                    review: false,
                },
            })
            .expect("fits")
        })
        .collect();

    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("quiz.sqlite3"));
    let (server, addr, key) = raw_http::start_server_with(
        |_| {},
        |runtime| {
            let book = runtime.block_on(SharedStore::start(url.clone(), Options::default()));
            Some(Arc::new(book))
        },
    );
    let requests: Vec<Vec<u8>> = (0..MEMBERS * 2)
        .map(|n| {
            let member = 5_000 + n % MEMBERS;
            let mut press = synthetic::component_interaction(&ids[(n % 4) as usize], "ko", false);
            press["member"]["user"]["id"] = json!(member.to_string());
            raw_http::signed_interaction(&key, addr, &press)
        })
        .collect();
    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let started = Instant::now();
    let results: Vec<(Option<u16>, Duration)> = client.block_on(async {
        let mut out = Vec::new();
        for request in requests {
            let t = Instant::now();
            let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            stream.write_all(&request).await.unwrap();
            let mut buf = vec![0u8; 64 * 1024];
            let status = raw_http::read_response(&mut stream, &mut buf).await;
            out.push((status, t.elapsed()));
        }
        out
    });
    let wall = started.elapsed();
    let ok = results.iter().filter(|(s, _)| *s == Some(200)).count();
    let mut times: Vec<Duration> = results.iter().map(|(_, t)| *t).collect();
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    let answers = server.block_on(async {
        let store = Store::open(&url).await.unwrap();
        store.export().await.unwrap().quiz_answers.len()
    });
    println!(
        "quiz/answer presses over HTTP + SQLite, one at a time ({MEMBERS} members × 2 presses): \
         {ok}/{} answered 200 in {wall:?}; answers stored {answers} (expected {MEMBERS}); \
         latency p50={:?} p99={:?} max={:?}",
        results.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
    assert_eq!(ok, results.len(), "every press answered");
    assert_eq!(answers as u64, MEMBERS, "one answer per member");
}
