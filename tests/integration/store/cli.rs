//! `lectern db backup FILE` and `lectern db export` on a SQLite file named by
//! DATABASE_URL.

use std::process::Command;

use lectern::store::{self, Store};

fn lectern(url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["--config", "/nonexistent/lectern.yaml", "db"])
        .args(args)
        .env("DATABASE_URL", url)
        .output()
        .unwrap()
}

#[tokio::test]
async fn export_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("live.sqlite3"));
    let store = Store::open(&url).await.unwrap();
    store
        .mark_watched(11, 22, "llm", 4, 1_700_000_000, "2023-11-15")
        .await
        .unwrap();

    let out = lectern(&url, &["export"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["progress"][0]["user_id"], "22");
    assert_eq!(json["progress"][0]["chapter"], 4);
    assert_eq!(json["activity_days"][0]["day"], "2023-11-15");

    // Online: the bot's store stays open while the backup is taken.
    let copy = dir.path().join("copy.sqlite3");
    let out = lectern(&url, &["backup", copy.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored = Store::open(&store::sqlite_url(&copy)).await.unwrap();
    assert_eq!(restored.watched(11, 22).await.unwrap().len(), 1);

    let again = lectern(&url, &["backup", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2), "refuses to overwrite");

    let out = lectern("postgres://me:secret@127.0.0.1:1/x", &["where"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "postgres://me@127.0.0.1:1/x"
    );
}
