//! Nothing acknowledged is lost: a child process writes a burst of marks,
//! printing "ack N" only after each commit, and is SIGKILLed mid-burst. The
//! database must reopen cleanly and hold every acknowledged write.
//!
//! The child is this same test binary, re-run on the ignored `writer` test
//! with the database path in LECTERN_CRASH_DB.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use lectern::store::{self, Store};
use lectern::study::Mark;

const GUILD: u64 = 42;

#[tokio::test]
#[ignore = "run by crash_mid_burst as its child process"]
async fn writer() {
    let Ok(path) = std::env::var("LECTERN_CRASH_DB") else {
        return;
    };
    let store = Store::open(&store::sqlite_url(path.as_ref()))
        .await
        .unwrap();
    for n in 0..100_000u32 {
        store
            .mark_watched(&Mark {
                guild: GUILD,
                user: u64::from(n % 50),
                course: "llm",
                chapter: n,
                at: i64::from(n),
                day: "2026-01-01",
            })
            .await
            .unwrap();
        println!("ack {n}");
    }
}

#[tokio::test]
async fn crash_mid_burst() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.sqlite3");
    // The test's path inside the integration crate (`store::crash::writer`).
    let writer = module_path!()
        .split_once("::")
        .map_or(String::new(), |(_, here)| format!("{here}::writer"));
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            writer.as_str(),
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("LECTERN_CRASH_DB", &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut acked = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if let Some(n) = line.strip_prefix("ack ") {
            acked.push(n.parse::<u32>().unwrap());
            if acked.len() == 300 {
                // SIGKILL on Unix: no destructors, no clean close.
                child.kill().unwrap();
                break;
            }
        }
    }
    child.wait().unwrap();
    assert_eq!(
        acked.len(),
        300,
        "the writer acknowledged a burst before dying"
    );

    let reopened = Store::open(&store::sqlite_url(&path)).await.unwrap();
    reopened.ping().await.unwrap();
    let export = reopened.export().await.unwrap();
    let stored: std::collections::HashSet<i64> =
        export.progress.iter().map(|p| p.chapter).collect();
    let lost: Vec<_> = acked
        .iter()
        .filter(|n| !stored.contains(&i64::from(**n)))
        .collect();
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:?}");
    // The store still takes writes after the crash.
    assert!(reopened
        .mark_watched(&Mark {
            guild: GUILD,
            user: 1,
            course: "llm",
            chapter: 999_999,
            at: 0,
            day: "2026-01-02"
        })
        .await
        .unwrap());
}
