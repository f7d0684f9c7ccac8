//! The daily rows in the database: a claim is taken once however many
//! instances race for it, the export holds the schedules with the admin's
//! id, and `/forget-me` removes that id but keeps the server's schedule.
//! The same checks run on SQLite always and on PostgreSQL when
//! `LECTERN_TEST_POSTGRES_URL` is set (under CI it must be).

use lectern::daily::{Failure, LocalTime, Outcome, Post, Schedule};
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

/// Two connections (`a`, `b`) to one database; `g` a server no other run used.
async fn claimed_once(a: &Store, b: &Store, g: u64) {
    let mut tasks = Vec::new();
    for i in 0..8 {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            store.claim_post(&claim(g, "2026-11-30")).await.unwrap()
        }));
    }
    let mut won = 0;
    for task in tasks {
        won += usize::from(task.await.unwrap());
    }
    assert_eq!(won, 1);
    // Another day, or another server, is another claim.
    assert!(a.claim_post(&claim(g, "2026-12-01")).await.unwrap());
    assert!(a.claim_post(&claim(g + 1, "2026-11-30")).await.unwrap());
    // The outcome is recorded on the claim, newest first.
    a.save_schedule(&schedule(g)).await.unwrap();
    let threadless = Outcome::Sent {
        message: 99,
        thread_failed: Some(Failure::MissingPermission),
    };
    a.record_post(g, "deep-dive-llms", "2026-12-01", &threadless, Some(2))
        .await
        .unwrap();
    let posts = b.recent_posts(g, "deep-dive-llms", 5).await.unwrap();
    assert_eq!(posts[0].day, "2026-12-01");
    assert_eq!(
        posts[0].outcome, threadless,
        "sent, and why the thread failed"
    );
    assert_eq!(posts[1].outcome, Outcome::Pending);
    assert_eq!(b.schedules(Some(g)).await.unwrap()[0].next_chapter, Some(2));
}

async fn forget_me_keeps_the_schedule(store: &Store, g: u64) {
    let admin = g + 5;
    store
        .save_schedule(&Schedule {
            admin: Some(admin),
            ..schedule(g)
        })
        .await
        .unwrap();
    let export = serde_json::to_value(store.export().await.unwrap()).unwrap();
    let exported = export["daily_schedules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["guild_id"].as_str() == Some(g.to_string().as_str()))
        .expect("the schedule is exported")
        .clone();
    assert_eq!(exported["admin_id"], admin.to_string());
    assert_eq!(exported["time"], "09:00");
    store.forget_member(admin).await.unwrap();
    let kept = store.schedules(Some(g)).await.unwrap();
    assert_eq!(kept.len(), 1, "the server's schedule stays");
    assert_eq!(kept[0].admin, None);
    // Removing: one course, or all of a server's.
    assert_eq!(store.remove_schedules(g, Some("other")).await.unwrap(), 0);
    assert_eq!(store.remove_schedules(g, None).await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sqlite() {
    let dir = crate::support::tempdir();
    let url = sqlite_url(&dir.path().join("daily.sqlite3"));
    let a = Store::open(&url).await.unwrap();
    let b = Store::open(&url).await.unwrap();
    claimed_once(&a, &b, 3).await;
    forget_me_keeps_the_schedule(&a, 8).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres() {
    let Some(url) = crate::support::store::postgres_url() else {
        return;
    };
    let a = Store::open(&url)
        .await
        .expect("the test PostgreSQL database");
    let b = Store::open(&url).await.unwrap();
    // Servers of this run's own: the database outlives the test.
    let g = 10_000 + (jiff::Timestamp::now().as_millisecond() as u64 % 1_000_000_000) * 10;
    claimed_once(&a, &b, g).await;
    forget_me_keeps_the_schedule(&a, g + 2).await;
}
