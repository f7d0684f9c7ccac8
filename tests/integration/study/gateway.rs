//! The study commands over the gateway, end to end: the real serenity client
//! against the fake Discord on loopback, answering `/watched` and a "✅
//! 봤어요" press from another member through the interaction callback, with
//! the writes in the book.

use std::sync::Arc;
use std::time::Duration;

use crate::support::fake_discord::{Event, FakeDiscord};
use lectern::answer::Command;
use lectern::discord::synthetic;
use lectern::live::Live;
use lectern::study::{Book, MemoryBook};
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);
const TOKEN: &str = "fake-token-for-study";

async fn callback(fake: &mut FakeDiscord, mut interaction: Value, n: u32, user: u64) -> Value {
    interaction["id"] = json!(format!("13529100000000{n:05}"));
    interaction["token"] = json!(format!("study-token-{n}"));
    interaction["member"]["user"]["id"] = json!(user.to_string());
    fake.answer_to(interaction, WAIT).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watched_and_the_button_over_the_gateway() {
    let mut fake = FakeDiscord::start(TOKEN).await;
    let book = Arc::new(MemoryBook::new());
    let config = crate::support::config();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let shared: Arc<dyn Book> = book.clone();
    let bot = fake.run_bot(TOKEN, live, None, Some(shared));
    fake.expect("identify", WAIT, |e| matches!(e, Event::Identify(_)))
        .await;

    let watched = Command::Watched {
        course: None,
        chapter: "21".into(),
    };
    let body = callback(
        &mut fake,
        synthetic::command_interaction(&watched, None, "ko"),
        1,
        501,
    )
    .await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["flags"], 64);
    assert_eq!(body["data"]["embeds"][0]["title"], "✅ 봤어요");

    let press = synthetic::component_interaction("v1:+w:20", "en-US", false);
    let body = callback(&mut fake, press, 2, 502).await;
    assert_eq!(body["data"]["embeds"][0]["title"], "✅ Watched");
    assert_eq!(body["data"]["flags"], 64);

    let guild: u64 = synthetic::GUILD_ID.parse().unwrap();
    assert_eq!(book.watched(guild, 501).await.unwrap()[0].chapter, 21);
    assert_eq!(book.watched(guild, 502).await.unwrap()[0].chapter, 20);
    bot.finished(WAIT).await;
}
