//! `lectern db backup FILE` and `lectern db export` on a SQLite file named by
//! DATABASE_URL.

use std::process::Command;

use lectern::store::{self, Store};
use lectern::study::Mark;

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
        .mark_watched(&Mark {
            guild: 11,
            user: 22,
            course: "llm",
            chapter: 4,
            at: 1_700_000_000,
            day: "2023-11-15",
        })
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

/// `ask --format discord` answers a study command as the handler would,
/// with the same database the text `ask` uses (it was "unavailable").
#[tokio::test]
async fn ask_as_discord_marks_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("ask.sqlite3"));
    let ask = |line: &str| {
        Command::new(env!("CARGO_BIN_EXE_lectern"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["ask", line, "--format", "discord"])
            .env("DATABASE_URL", &url)
            .output()
            .unwrap()
    };
    let out = ask("/watched 21");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let embed = &json["data"]["embeds"][0];
    assert_eq!(embed["title"], "✅ 봤어요");
    assert!(embed["description"]
        .as_str()
        .unwrap()
        .contains("봤어요로 표시했어요"));

    let again = ask("/watched 21");
    let json: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert!(json["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("이미 봤어요로 표시돼 있어요"));
    let store = Store::open(&url).await.unwrap();
    let me = lectern::study::Member::local();
    assert_eq!(store.watched(me.guild, me.user).await.unwrap().len(), 1);
}
