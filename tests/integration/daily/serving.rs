//! The scheduler inside the two transports: the gateway client posts with
//! its own token; the HTTP endpoint posts when `DISCORD_TOKEN` is set and
//! says at start that it can't when schedules exist without it. Both still
//! shut down cleanly. (A pending `/daily now` makes the first tick, at
//! start, post at once.)

use std::sync::Arc;
use std::time::Duration;

use ed25519_dalek::SigningKey;
use lectern::daily::{LocalTime, Schedule};
use lectern::live::Live;
use lectern::store::{sqlite_url, Store};
use lectern::study::{Book, DailyBook, MemoryBook};

use super::command::{ADMIN, CHANNEL, GUILD};
use crate::support::fake_discord::{Event, FakeDiscord};
use crate::support::served::{terminate, Served};
use crate::support::signing::public_key_hex;

const TOKEN: &str = "daily-serving-token";
const WAIT: Duration = Duration::from_secs(20);

fn asked_now() -> Schedule {
    let now = jiff::Timestamp::now().as_second();
    Schedule {
        guild: GUILD,
        course: "deep-dive-llms".into(),
        channel: CHANNEL,
        time: LocalTime::new(9, 0).unwrap(),
        admin: Some(ADMIN),
        next_chapter: Some(21),
        since: now,
        now_requested: Some(now - 1),
    }
}

fn posted(e: &Event) -> bool {
    matches!(e, Event::Posted { channel, .. } if *channel == CHANNEL)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_client_posts_and_still_shuts_down() {
    let mut fake = FakeDiscord::start(TOKEN).await;
    let config = crate::support::config();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let book = Arc::new(MemoryBook::new());
    book.save_schedule(&asked_now()).await.unwrap();
    let bot = fake.run_bot(TOKEN, live, None, Some(book.clone() as Arc<dyn Book>));
    fake.expect("the daily post", WAIT, posted).await;
    fake.expect("its thread", WAIT, |e| matches!(e, Event::Thread { .. }))
        .await;
    bot.finished(WAIT).await;
    let schedule = book.schedules(Some(GUILD)).await.unwrap().remove(0);
    assert_eq!(schedule.next_chapter, Some(22));
    assert_eq!(schedule.now_requested, None);
}

fn endpoint(db: &std::path::Path, fake: &FakeDiscord, token: Option<&str>) -> (Served, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let key = public_key_hex(&SigningKey::from_bytes(&[7; 32]));
    let url = sqlite_url(db);
    let served = Served::start_with(
        &["serve", "--http", &addr, "--webhook-api", &fake.api],
        &[
            ("DISCORD_PUBLIC_KEY", Some(&key)),
            ("DISCORD_TOKEN", token),
            ("DATABASE_URL", Some(&url)),
        ],
    );
    (served, addr)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_http_endpoint_posts_with_discord_token_and_warns_without() {
    let dir = crate::support::tempdir();
    let db = dir.path().join("serve.sqlite3");
    let store = Store::open(&sqlite_url(&db)).await.unwrap();
    store.save_schedule(&asked_now()).await.unwrap();
    store.close().await;
    let mut fake = FakeDiscord::start(TOKEN).await;

    // Without the token: a warning at start, no post.
    let (mut served, _) = endpoint(&db, &fake, None);
    let deadline = std::time::Instant::now() + WAIT;
    while !served.stderr().contains("DISCORD_TOKEN is not set") {
        assert!(
            std::time::Instant::now() < deadline,
            "no warning:\n{}",
            served.stderr()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    terminate(&served);
    assert!(served.wait(WAIT).await.success(), "{}", served.stderr());
    assert!(!fake.drain().iter().any(posted));

    // With it: the post goes out, and SIGTERM still stops the endpoint.
    let (mut served, _) = endpoint(&db, &fake, Some(TOKEN));
    fake.expect("the daily post", WAIT, posted).await;
    terminate(&served);
    assert!(served.wait(WAIT).await.success(), "{}", served.stderr());
    let store = Store::open(&sqlite_url(&db)).await.unwrap();
    let posts = store
        .recent_posts(GUILD, "deep-dive-llms", 5)
        .await
        .unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].chapter, 21);
}
