//! Content edits while serving: the watcher makes them live (a broken edit
//! keeps the chapter in service), and `/reload` brings them in for managers
//! only, with a report of what changed.

use std::time::{Duration, Instant};

use lectern::discord::synthetic;
use serde_json::json;

use super::start;
use crate::support::content::EDITED_CHAPTER;
use crate::support::discord::summary_21;
use crate::support::temp_content;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_are_served_without_a_restart() {
    let temp = temp_content();
    let s = start(temp.config.clone()).await;
    let _guard = s.live.watch().unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    temp.edit_chapter("HTTP 실시간 수정.");
    let summary = summary_21();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let (status, v) = s.post(&summary).await;
        assert_eq!(status, 200);
        if v.to_string().contains("HTTP 실시간 수정.") {
            break;
        }
        assert!(Instant::now() < deadline, "the edit was not served");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A broken edit keeps the chapter in service.
    std::fs::write(temp.root().join(EDITED_CHAPTER), "---\nchapter: [\n").unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (_, v) = s.post(&summary).await;
    assert!(v.to_string().contains("HTTP 실시간 수정."), "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_is_answered_with_the_report_for_managers_only() {
    let temp = temp_content();
    // No watcher: only /reload can bring the edit in.
    let s = start(temp.config.clone()).await;
    temp.edit_chapter("HTTP로 다시 불러온 문장.");
    let summary = summary_21();

    // A member without Manage Server: refused, privately; nothing reloaded.
    let (status, v) = s
        .post(&synthetic::reload_interaction(
            synthetic::MEMBER_PERMISSIONS,
            "ko",
        ))
        .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["type"], 4);
    assert_eq!(v["data"]["flags"], 64);
    assert_eq!(v["data"]["embeds"][0]["title"], "관리자 전용 명령");
    let (_, before) = s.post(&summary).await;
    assert!(!before.to_string().contains("HTTP로 다시 불러온 문장."));

    // A manager: reloaded, and the report says what changed.
    let (status, v) = s
        .post(&synthetic::reload_interaction(
            synthetic::MANAGER_PERMISSIONS,
            "ko",
        ))
        .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["type"], 4);
    assert_eq!(v["data"]["flags"], 64);
    assert_eq!(v["data"]["allowed_mentions"]["parse"], json!([]));
    let embed = &v["data"]["embeds"][0];
    assert_eq!(embed["title"], "🔄 다시 불러오기");
    assert_eq!(embed["description"], "콘텐츠를 다시 불러왔어요.");
    assert_eq!(embed["fields"][0]["name"], "수정 (1)");
    assert_eq!(embed["fields"][0]["value"], "deep-dive-llms #21");
    let (_, after) = s.post(&summary).await;
    assert!(
        after.to_string().contains("HTTP로 다시 불러온 문장."),
        "{after}"
    );

    // Reloading again: nothing changed.
    let (_, v) = s
        .post(&synthetic::reload_interaction(
            synthetic::MANAGER_PERMISSIONS,
            "en-US",
        ))
        .await;
    assert_eq!(v["data"]["embeds"][0]["description"], "No chapter changed.");
}
