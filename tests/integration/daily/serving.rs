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

pub(super) fn endpoint(
    db: &std::path::Path,
    fake: &FakeDiscord,
    token: Option<&str>,
) -> (Served, String) {
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

/// Waits until the endpoint answers (its signal handlers are in place).
pub(super) async fn up(addr: &str, served: &Served) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .no_proxy()
        .build()
        .expect("client");
    let deadline = std::time::Instant::now() + WAIT;
    while client
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .is_err()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the endpoint did not come up:\n{}",
            served.stderr()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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
    let (mut served, addr) = endpoint(&db, &fake, None);
    let deadline = std::time::Instant::now() + WAIT;
    while !served.stderr().contains("DISCORD_TOKEN is not set") {
        assert!(
            std::time::Instant::now() < deadline,
            "no warning:\n{}",
            served.stderr()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    up(&addr, &served).await;
    terminate(&served);
    assert!(served.wait(WAIT).await.success(), "{}", served.stderr());
    assert!(!fake.drain().iter().any(posted));

    // With it: the post goes out, and SIGTERM still stops the endpoint.
    let (mut served, addr) = endpoint(&db, &fake, Some(TOKEN));
    fake.expect("the daily post", WAIT, posted).await;
    up(&addr, &served).await;
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

/// `/daily set` as Discord sends it — the channel picked in a channel option
/// (type 7) — from a member with Manage Server, then `/daily status`.
#[tokio::test]
async fn discord_reads_the_channel_option_and_the_time() {
    use lectern::answer::Command;
    use lectern::discord::{self, synthetic, Interaction, Settings};
    let config = crate::support::config();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let book = MemoryBook::new();
    let interaction = |command: &Command, permissions: u64| -> Interaction {
        let mut value = synthetic::command_interaction(command, None, "ko");
        value["guild_id"] = serde_json::json!(GUILD.to_string());
        value["member"]["permissions"] = serde_json::json!(permissions.to_string());
        serde_json::from_value(value).expect("an interaction")
    };
    let set = Command::Daily {
        action: "set".into(),
        channel: Some(CHANNEL.to_string()),
        time: Some("오후 9시 30분".into()),
        course: None,
    };
    let raw = synthetic::command_interaction(&set, None, "ko");
    assert_eq!(raw["data"]["options"][1]["type"], 7, "a channel option");
    for (permissions, saved) in [
        (synthetic::MEMBER_PERMISSIONS, false),
        (synthetic::MANAGER_PERMISSIONS, true),
    ] {
        let response = discord::study::answer(
            &live,
            &Settings::default(),
            Some(&book),
            &interaction(&set, permissions),
            super::command::NOW,
        )
        .await;
        let json = discord::response_json(&response.into_response()).unwrap();
        let description = json["data"]["embeds"][0]["description"]
            .as_str()
            .unwrap_or("");
        assert_eq!(description.contains("21:30"), saved, "{json:#}");
        assert_eq!(json["data"]["flags"], 64, "always private");
    }
    let schedule = book.schedules(Some(GUILD)).await.unwrap().remove(0);
    assert_eq!(schedule.channel, CHANNEL);
    assert_eq!(schedule.time, LocalTime::new(21, 30).unwrap());
}

/// `lectern ask` is the console's one local server: `/daily set` and
/// `/daily status` work there; `/daily now` shows the post and says it
/// isn't posted.
#[test]
fn ask_sets_shows_and_previews() {
    let dir = crate::support::tempdir();
    let url = sqlite_url(&dir.path().join("ask.sqlite3"));
    let ask = |line: &str| -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
            .current_dir(crate::support::root())
            .args(["ask", line])
            .env("DATABASE_URL", &url)
            .env_remove("RUST_LOG")
            .output()
            .expect("run lectern ask");
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(ask("/오늘의챕터 설정 <#123> 오전 8시").contains("매일 08:00 (Asia/Seoul)"));
    assert!(ask("/daily status").contains("<#123> · 매일 08:00"));
    let preview = ask("/daily now");
    assert!(preview.contains("📅 오늘의 챕터"), "{preview}");
    assert!(preview.contains("디스코드에 올리지 않아요"), "{preview}");
}

/// `/daily now` over the gateway wakes the scheduler: the post goes out well
/// before the next 30-second tick.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_now_over_the_gateway_posts_at_once() {
    use lectern::answer::Command;
    use lectern::discord::synthetic;
    let mut fake = FakeDiscord::start(TOKEN).await;
    let config = crate::support::config();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let book = Arc::new(MemoryBook::new());
    book.save_schedule(&Schedule {
        now_requested: None,
        ..asked_now()
    })
    .await
    .unwrap();
    let bot = fake.run_bot(TOKEN, live, None, Some(book.clone() as Arc<dyn Book>));
    fake.expect("identify", WAIT, |e| matches!(e, Event::Identify(_)))
        .await;
    let now = Command::Daily {
        action: "now".into(),
        channel: None,
        time: None,
        course: None,
    };
    let mut interaction = synthetic::command_interaction(&now, None, "ko");
    interaction["guild_id"] = serde_json::json!(GUILD.to_string());
    interaction["member"]["permissions"] =
        serde_json::json!(synthetic::MANAGER_PERMISSIONS.to_string());
    let started = std::time::Instant::now();
    let answer = fake.answer_to(interaction, WAIT).await;
    assert!(
        answer["data"]["embeds"][0]["description"]
            .as_str()
            .is_some_and(|d| d.contains("올라가요")),
        "{answer:#}"
    );
    // The post may come before the interaction's callback (already logged).
    if fake.count(posted) == 0 {
        fake.expect("the post", WAIT, posted).await;
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    bot.finished(WAIT).await;
}
