//! The daily rows in the database: a claim is taken once however many
//! instances race for it, the export holds the schedules with the admin's
//! id, and `/forget-me` removes that id but keeps the server's schedule.

use lectern::daily::{LocalTime, Outcome, Post, Schedule};
use lectern::store::{sqlite_url, Store};

fn schedule(guild: u64) -> Schedule {
    Schedule {
        guild,
        course: "deep-dive-llms".into(),
        channel: 77,
        time: LocalTime::new(9, 0).unwrap(),
        admin: Some(5),
        next_chapter: Some(1),
        since: 0,
        now_requested: None,
    }
}

fn claim(guild: u64, day: &str) -> Post {
    Post {
        guild,
        course: "deep-dive-llms".into(),
        day: day.into(),
        chapter: 1,
        channel: 77,
        claimed_at: 100,
        outcome: Outcome::Pending,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_day_is_claimed_once_across_connections() {
    let dir = crate::support::tempdir();
    let url = sqlite_url(&dir.path().join("claims.sqlite3"));
    let a = Store::open(&url).await.unwrap();
    let b = Store::open(&url).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            store.claim_post(&claim(3, "2026-11-30")).await.unwrap()
        }));
    }
    let mut won = 0;
    for task in tasks {
        won += usize::from(task.await.unwrap());
    }
    assert_eq!(won, 1);
    // Another day, or another server, is another claim.
    assert!(a.claim_post(&claim(3, "2026-12-01")).await.unwrap());
    assert!(a.claim_post(&claim(4, "2026-11-30")).await.unwrap());
    // The outcome is recorded on the claim, newest first.
    a.save_schedule(&schedule(3)).await.unwrap();
    a.record_post(
        3,
        "deep-dive-llms",
        "2026-12-01",
        &Outcome::Sent { message: 99 },
        Some(2),
    )
    .await
    .unwrap();
    let posts = b.recent_posts(3, "deep-dive-llms", 5).await.unwrap();
    assert_eq!(posts[0].day, "2026-12-01");
    assert_eq!(posts[0].outcome, Outcome::Sent { message: 99 });
    assert_eq!(posts[1].outcome, Outcome::Pending);
    assert_eq!(b.schedules(Some(3)).await.unwrap()[0].next_chapter, Some(2));
}

#[tokio::test]
async fn export_holds_the_admin_and_forget_me_removes_only_the_id() {
    let dir = crate::support::tempdir();
    let store = Store::open(&sqlite_url(&dir.path().join("x.sqlite3")))
        .await
        .unwrap();
    store.save_schedule(&schedule(8)).await.unwrap();
    let export = serde_json::to_value(store.export().await.unwrap()).unwrap();
    assert_eq!(export["daily_schedules"][0]["admin_id"], "5");
    assert_eq!(export["daily_schedules"][0]["time"], "09:00");
    store.forget_member(5).await.unwrap();
    let kept = store.schedules(Some(8)).await.unwrap();
    assert_eq!(kept.len(), 1, "the server's schedule stays");
    assert_eq!(kept[0].admin, None);
    // Removing: one course, or all of a server's.
    assert_eq!(store.remove_schedules(8, Some("other")).await.unwrap(), 0);
    assert_eq!(store.remove_schedules(8, None).await.unwrap(), 1);
}
